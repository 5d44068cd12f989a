// Lede's one message protocol. Every message is a request with a `type`, listed once in its
// family's table (page.ts, notes.ts, run.ts, prefs.ts, history.ts, backup.ts, sync.ts): who may send it,
// its fields and parser, its size limits and its response type (spec.ts). Everything else here is
// derived from the tables: the request unions, ResponseMap, ALLOWED_SENDERS, MESSAGE_LIMITS and
// parseMessage. A new message is one entry in its family's table; the compiler then asks for its
// handler wherever that family is answered. A new family is one more table in TO_CONTENT_SCRIPT
// or TO_BACKGROUND below.
//
// Receivers run what arrives through receiveMessage(): the sender must be Lede itself, of a kind
// allowed to send that type, and the message must pass parseMessage().
//
// Transport: webextension-polyfill everywhere. Listeners return a Promise; its value is the
// response and a rejection reaches the sender as an error. This module holds no extension API:
// callers pass the send function in, so it runs in Node tests too. It imports no service either:
// the services import their message types from here.

import { isRecord } from '../shared/is-record';
import { BACKUP_MESSAGES } from './backup';
import { FIELD_LIMITS, MessageError, onlyKeys } from './fields';
import { HISTORY_MESSAGES } from './history';
import { NOTE_MESSAGES, NOTE_PAGE_COMMANDS, type NotesChangedRequest } from './notes';
import { PAGE_NOTICES, type PageNoticeRequest } from './notices';
import { PAGE_COMMANDS } from './page';
import { PREFS_MESSAGES } from './prefs';
import { RUN_MESSAGES } from './run';
import { SYNC_MESSAGES } from './sync';
import type { AnswersOf, Fields, LimitsOf, RequestOf, SenderContext } from './spec';

export * from './backup';
export * from './history';
export * from './notes';
export * from './notices';
export * from './page';
export * from './prefs';
export * from './run';
export * from './sync';
export { MAX_SUMMARY_NAME_LENGTH, MessageError } from './fields';
export type { SenderContext } from './spec';

// ---- The tables, by receiver ------------------------------------------------------------------

const TO_CONTENT_SCRIPT = joinTables(PAGE_COMMANDS, NOTE_PAGE_COMMANDS);
const TO_BACKGROUND = joinTables(HISTORY_MESSAGES, PREFS_MESSAGES, NOTE_MESSAGES, RUN_MESSAGES, BACKUP_MESSAGES, SYNC_MESSAGES);
const TO_EXTENSION_PAGES = joinTables(PAGE_NOTICES);
/** Every message Lede sends, by type. */
export const MESSAGES = joinTables(TO_CONTENT_SCRIPT, TO_BACKGROUND, TO_EXTENSION_PAGES);

export type ContentRequest = RequestOf<typeof TO_CONTENT_SCRIPT>;
export type BackgroundRequest = RequestOf<typeof TO_BACKGROUND>;
export type LedeRequest = ContentRequest | BackgroundRequest | PageNoticeRequest;
/** What the background tells extension pages after a write (notesChanged also goes to the content scripts showing those notes). */
export type ChangeRequest = NotesChangedRequest | PageNoticeRequest;
export type RequestType = LedeRequest['type'];

/** What the receiver of each request type answers. */
export type ResponseMap = AnswersOf<typeof MESSAGES>;
export type ResponseFor<R extends LedeRequest> = ResponseMap[R['type']];

type UnionToIntersection<U> = (U extends unknown ? (arg: U) => void : never) extends (arg: infer I) => void ? I : never;

/** One table from several; a type listed twice is a programming error, caught when this module loads. */
function joinTables<const T extends readonly object[]>(...tables: T): UnionToIntersection<T[number]> {
  const joined: Record<string, unknown> = {};
  for (const table of tables) {
    for (const [type, spec] of Object.entries(table)) {
      if (Object.hasOwn(joined, type)) throw new Error(`Lede message type ${type} is listed twice`);
      joined[type] = spec;
    }
  }
  return joined as UnionToIntersection<T[number]>;
}

/** A table entry as parseMessage and the derived tables see it: any request type. */
interface AnySpec {
  readonly senders: readonly SenderContext[];
  readonly fields: readonly string[];
  readonly parse: (fields: Fields, type: string) => LedeRequest;
  readonly limits?: Readonly<Record<string, number>>;
}
const SPECS = MESSAGES as unknown as Readonly<Record<RequestType, AnySpec>>;

/**
 * Where each request may come from, from the tables. Requests to the content script only ever
 * come from extension pages and the background. Content scripts get what the in-page UI needs and
 * no more: no delete, restore, settings changes or history housekeeping.
 */
export const ALLOWED_SENDERS: Readonly<Record<RequestType, readonly SenderContext[]>> = Object.fromEntries(
  Object.entries(SPECS).map(([type, spec]) => [type, spec.senders]),
) as Record<RequestType, readonly SenderContext[]>;

/** Every cap a message enforces, by name: the shared field caps (fields.ts) and each entry's own. */
export const MESSAGE_LIMITS = gatherLimits() as typeof FIELD_LIMITS & LimitsOf<typeof MESSAGES>;

function gatherLimits(): Record<string, number> {
  const limits: Record<string, number> = { ...FIELD_LIMITS };
  for (const [type, spec] of Object.entries(SPECS)) {
    for (const [name, max] of Object.entries(spec.limits ?? {})) {
      if (Object.hasOwn(limits, name) && limits[name] !== max) throw new Error(`Lede message limit ${name} differs in ${type}`);
      limits[name] = max;
    }
  }
  return limits;
}

// ---- Validation -------------------------------------------------------------------------------

/** Returns the request, typed, or throws a MessageError that says what is wrong with it. */
export function parseMessage(value: unknown): LedeRequest {
  if (!isRecord(value)) throw new MessageError('Lede message must be an object');
  const type = value.type;
  if (typeof type !== 'string' || !Object.hasOwn(SPECS, type)) {
    // Not JSON.stringify on anything but a string: Firefox delivers messages by structured
    // clone, so `type` may be a BigInt or a cyclic object, which would throw a TypeError here.
    throw new MessageError(`Unknown Lede message type: ${typeof type === 'string' ? JSON.stringify(type) : typeof type}`);
  }
  const spec = SPECS[type as RequestType];
  onlyKeys(value, ['type', ...spec.fields]);
  return spec.parse(value, type);
}

// ---- Sending and receiving --------------------------------------------------------------------

/** How a message leaves: e.g. `(m) => browser.runtime.sendMessage(m)` or `(m) => browser.tabs.sendMessage(tabId, m)`. */
export type Transport = (message: LedeRequest) => Promise<unknown>;

/** Send a request and get its response typed by the protocol. */
export async function sendRequest<R extends LedeRequest>(send: Transport, message: R): Promise<ResponseFor<R>> {
  return (await send(message)) as ResponseFor<R>;
}

/**
 * One handler per request type a context answers. `from` says which Lede context sent it, and for
 * a content script which page (receiveMessage always passes it; absent on a direct in-process
 * call, which is trusted).
 */
export type Handlers<R extends LedeRequest> = {
  [K in R['type']]: (request: Extract<R, { type: K }>, from?: Sender) => Promise<ResponseMap[K]>;
};

/** Only Lede's own contexts (content scripts, popup, background) may talk to Lede. */
export function isFromLede(sender: { id?: string } | undefined, runtimeId: string): boolean {
  return typeof sender?.id === 'string' && sender.id === runtimeId;
}

/**
 * Validates and dispatches a message from a sender already known to be a Lede extension page
 * (or a test standing in for one). Entrypoints use receiveMessage, which also works out and
 * checks the sender's context; this is its trusted core. Rejects (so the sender sees an error) on
 * a foreign sender, a malformed message, or a type this context does not answer.
 */
export async function handleIncoming<R extends LedeRequest>(
  raw: unknown,
  sender: { id?: string } | undefined,
  runtimeId: string,
  handlers: Handlers<R>,
): Promise<unknown> {
  if (!isFromLede(sender, runtimeId)) throw new MessageError('Lede ignores messages from outside the extension');
  return dispatch(parseMessage(raw), { context: 'extension-page' }, handlers);
}

function dispatch<R extends LedeRequest>(request: LedeRequest, from: Sender, handlers: Handlers<R>): Promise<unknown> {
  const handler = (handlers as Partial<Record<RequestType, (request: LedeRequest, from: Sender) => Promise<unknown>>>)[request.type];
  if (!handler) throw new MessageError(`${request.type} is not handled here`);
  return handler(request, from);
}

// ---- Who may send what ------------------------------------------------------------------------

/**
 * Who sent a request. A content script's page is what the browser reports as the sender's URL
 * (runtime.MessageSender.url: the sending frame's address, in Chrome MV3 and Firefox MV2), never
 * what its message says.
 */
export type Sender = { context: 'extension-page' } | { context: 'content-script'; pageUrl: string; frame?: SenderFrame };

/** Where a content script runs: its tab and frame, and in Chrome the very document (so a later page in that frame is not it). */
export interface SenderFrame {
  tabId: number;
  frameId: number;
  documentId?: string;
}

/** The fields of runtime.MessageSender that Lede reads. */
export interface MessageSenderInfo {
  id?: string;
  url?: string;
  frameId?: number;
  documentId?: string;
  tab?: unknown;
}

/** Lede's own identity, from the runtime: its id and its pages' origin (`runtime.getURL('')`). */
export interface LedeIdentity {
  runtimeId: string;
  /** e.g. `chrome-extension://<id>/` or `moz-extension://<uuid>/`. */
  extensionOrigin: string;
}

/**
 * Which of Lede's contexts sent a message, or null for anything else (another extension, a web
 * page, a sender with no URL). A content script's sender URL is the page's, with a tab; an
 * extension page's (tab or not) and the background's are under the extension's origin.
 */
export function senderContextOf(sender: MessageSenderInfo | undefined, self: LedeIdentity): SenderContext | null {
  if (!isFromLede(sender, self.runtimeId) || typeof sender?.url !== 'string') return null;
  if (self.extensionOrigin !== '' && sender.url.startsWith(self.extensionOrigin)) return 'extension-page';
  return sender.tab ? 'content-script' : null;
}

/** senderContextOf, with a content script's page address. */
export function senderOf(sender: MessageSenderInfo | undefined, self: LedeIdentity): Sender | null {
  const context = senderContextOf(sender, self);
  if (context === 'content-script') {
    const frame = frameOf(sender!);
    return frame ? { context, pageUrl: sender!.url!, frame } : { context, pageUrl: sender!.url! };
  }
  return context === null ? null : { context };
}

function frameOf(sender: MessageSenderInfo): SenderFrame | null {
  const tabId = isRecord(sender.tab) ? sender.tab.id : undefined;
  if (typeof tabId !== 'number' || typeof sender.frameId !== 'number') return null;
  return typeof sender.documentId === 'string' ? { tabId, frameId: sender.frameId, documentId: sender.documentId } : { tabId, frameId: sender.frameId };
}

/** Why `from` may not send this request, or null when it may. */
export function senderProblem(request: LedeRequest, from: SenderContext): string | null {
  if (!ALLOWED_SENDERS[request.type].includes(from)) return `${request.type} may not come from a ${from}`;
  // Re-attaching is the one change a content script makes to a stored note: its target only.
  if (from === 'content-script' && request.type === 'updateAnnotation') {
    const fields = Object.keys(request.patch).filter((key) => key !== 'target');
    if (fields.length > 0) return `updateAnnotation from a content-script may change only the target, not ${fields.join(', ')}`;
  }
  return null;
}

/**
 * How a receiver holds a content script to its own page: the background passes lib/background/sender-page.ts's
 * SENDER_PAGE_RULES. They are passed in rather than imported so that the content script, which
 * takes no message from a content script, does not carry the public suffix list they need.
 */
export interface PageRules {
  /** Why a content script on `pageUrl` may not send this request, or null when it may. */
  problem(request: LedeRequest, pageUrl: string): string | null;
  /** The request with the page it concerns taken from the sender. */
  scope(request: LedeRequest, pageUrl: string): LedeRequest;
}

/** For a receiver that takes no message from any content script (the content script's own listener). */
export const NO_CONTENT_SCRIPT_SENDERS: PageRules = {
  problem: (request) => `${request.type} may not come from a content-script here`,
  scope: (request) => request,
};

/**
 * The body of every onMessage listener: the sender must be Lede, of a kind allowed to send this
 * type; the message must be valid; a content script's message may concern only its own page
 * (`pageRules`: checked, or the page filled in from the sender); then it goes to the handler for
 * its type. Rejects (the sender sees an error) otherwise.
 */
export async function receiveMessage<R extends LedeRequest>(
  raw: unknown,
  sender: MessageSenderInfo | undefined,
  self: LedeIdentity,
  handlers: Handlers<R>,
  pageRules: PageRules,
): Promise<unknown> {
  const from = senderOf(sender, self);
  if (!from) throw new MessageError('Lede ignores messages from outside the extension');
  const request = parseMessage(raw);
  const problem = senderProblem(request, from.context) ?? (from.context === 'content-script' ? pageRules.problem(request, from.pageUrl) : null);
  if (problem) throw new MessageError(problem);
  return dispatch(from.context === 'content-script' ? pageRules.scope(request, from.pageUrl) : request, from, handlers);
}
