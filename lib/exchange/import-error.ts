// The one error a file that cannot be imported at all raises; its message is shown to the reader as is.

export class ImportError extends Error {
  override name = 'ImportError';
}
