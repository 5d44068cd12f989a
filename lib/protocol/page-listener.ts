// An extension page's runtime.onMessage listener for the notices the background sends it
// (notesChanged, historyChanged, settingsChanged). It answers only the types it handles and stays
// silent on everything else: runtime.sendMessage reaches every extension page, and an answer (or
// an error) from a page would pre-empt the background's answer to another page's request.

import { isRecord } from '../shared/is-record';
import { NO_CONTENT_SCRIPT_SENDERS, receiveMessage, type ChangeRequest, type Handlers, type LedeIdentity, type MessageSenderInfo } from './messages';

export type PageListener = (message: unknown, sender: MessageSenderInfo) => Promise<unknown> | undefined;

/** The notices a page acts on; it answers those alone. */
export type NoticeHandlers = Partial<Handlers<ChangeRequest>>;

export function pageListener(self: LedeIdentity, handlers: NoticeHandlers): PageListener {
  return (message, sender) => {
    if (!isRecord(message) || typeof message.type !== 'string' || !Object.hasOwn(handlers, message.type)) return undefined;
    return receiveMessage(message, sender, self, handlers as Handlers<ChangeRequest>, NO_CONTENT_SCRIPT_SENDERS);
  };
}
