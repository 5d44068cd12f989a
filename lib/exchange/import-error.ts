// The one error a file that cannot be imported at all raises; its message is shown to the reader as is.
// Anything quoted from the file is cut short: a message must never repeat a whole file back.

/** Longest message an import error or a rejected item's reason may have. */
export const MAX_MESSAGE_CHARS = 400;

export class ImportError extends Error {
  override name = 'ImportError';
  constructor(message: string) {
    super(capMessage(message));
  }
}

/** `message`, cut to MAX_MESSAGE_CHARS with an ellipsis. */
export function capMessage(message: string, max = MAX_MESSAGE_CHARS): string {
  return message.length <= max ? message : `${message.slice(0, max - 1)}…`;
}

/** A value from the file as JSON, at most `max` characters (cut ones end in "…"). */
export function quoted(value: unknown, max = 60): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export const FORMATS_WE_TAKE = 'Lede imports its own JSON-LD export or Hypothesis JSON';

export function notText(): ImportError {
  return new ImportError(`This isn't a text file (it looks like binary data); ${FORMATS_WE_TAKE}.`);
}
