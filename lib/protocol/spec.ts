// How a message family is written down: one table per family, one entry per message type. An
// entry says which Lede contexts may send the message, which fields it may carry, how those are
// checked (the parser, which also fixes the request's type), any size limits it has, and what the
// receiver answers. lib/protocol/messages.ts derives the rest from the tables: the request union,
// the response map, ALLOWED_SENDERS, MESSAGE_LIMITS and parseMessage's dispatch.

/**
 * The two kinds of Lede context that send messages. A content script runs inside a web page's
 * renderer, so it is the less trusted one: a compromised page process could make it send anything.
 * - extension-page: the popup, library, options page or the background (their URL is the extension's own);
 * - content-script: Lede's script in a web page's tab.
 */
export type SenderContext = 'extension-page' | 'content-script';

/** A message's fields, once it is known to be a plain object. */
export type Fields = Record<string, unknown>;

declare const answerType: unique symbol;
/** Names the response type of a message; it carries no value at run time. */
export interface Answer<T> {
  readonly [answerType]?: T;
}
/** `answer<PageSetup>()`: the receiver of this message answers a PageSetup. */
export function answer<T>(): Answer<T> {
  return {};
}

export interface MessageSpec<R extends { type: string }, A> {
  /** Who may send it. Requests to the content script only ever come from extension pages. */
  readonly senders: readonly SenderContext[];
  /** The fields besides `type`; any other field is refused before `parse` runs. */
  readonly fields: readonly string[];
  /** Checks the fields and returns the request; throws a MessageError naming the bad field. */
  readonly parse: (fields: Fields, type: R['type']) => R;
  readonly answer: Answer<A>;
  /** Size and count caps this message enforces, by name (gathered into MESSAGE_LIMITS). */
  readonly limits?: Readonly<Record<string, number>>;
}

/** A family's table: each key is a message type, and its parser must return a request of that type. */
export type MessageTable<T> = { readonly [K in keyof T]: MessageSpec<{ type: K & string }, unknown> };

/** Checks a table's shape while keeping each entry's exact types for what is derived from it. */
export function messageTable<const T extends MessageTable<T>>(table: T): T {
  return table;
}

/** The requests a table's parsers return, as one union. */
export type RequestOf<T> = { [K in keyof T]: T[K] extends MessageSpec<infer R, unknown> ? R : never }[keyof T];

/** Each message type's response type. */
export type AnswersOf<T> = { [K in keyof T]: T[K] extends { answer: Answer<infer A> } ? A : never };

type UnionToIntersection<U> = (U extends unknown ? (arg: U) => void : never) extends (arg: infer I) => void ? I : never;

/** Every limit the table's entries name, as one object type. */
export type LimitsOf<T> = UnionToIntersection<{ [K in keyof T]: T[K] extends { limits: infer L } ? L : never }[keyof T]>;
