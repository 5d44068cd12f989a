// What the background tells Lede's extension pages (library, popup, options) after a write, so
// they read it again. Notes have their own notice, notesChanged (notes.ts), which also goes to the
// content scripts showing those notes.

import { answer, messageTable, type RequestOf } from './spec';

/** Background -> extension pages: the reading history changed (cleared, or articles imported); read it again. */
export interface HistoryChangedRequest {
  type: 'historyChanged';
}
/** Background -> extension pages: the reader's settings changed; read them again. */
export interface SettingsChangedRequest {
  type: 'settingsChanged';
}

const fromBackground = ['extension-page'] as const;

/** To extension pages. */
export const PAGE_NOTICES = messageTable({
  historyChanged: { senders: fromBackground, fields: [], parse: (_, type): HistoryChangedRequest => ({ type }), answer: answer<{ ok: true }>() },
  settingsChanged: { senders: fromBackground, fields: [], parse: (_, type): SettingsChangedRequest => ({ type }), answer: answer<{ ok: true }>() },
});

export type PageNoticeRequest = RequestOf<typeof PAGE_NOTICES>;
