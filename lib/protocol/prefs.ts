// The reader's choices, answered by the background: highlight preferences (global or for one
// site; a content script asks for its site's and saves from the legend) and the options page's
// settings (reading history, encyclopedia summaries).

import type { HighlightPrefs, PrefsScope, ResolvedPrefs } from '../settings/highlight-prefs';
import { popupPrefsProblem, type PopupPrefs } from '../settings/popup-prefs';
import { settingsPatchProblem, type UserSettings, type UserSettingsPatch } from '../settings/user-settings';
import { FIELD_LIMITS, fieldProblem, needBoolean, needBounded, needPrefs, needScope } from './fields';
import { answer, messageTable, type RequestOf } from './spec';

/** Content script -> background: which types should this site show? */
export interface GetHighlightPrefsRequest {
  type: 'getHighlightPrefs';
  site: string;
}
/** Content script -> background: remember these preferences for this site or for all sites. */
export interface SaveHighlightPrefsRequest {
  type: 'saveHighlightPrefs';
  scope: PrefsScope;
  site: string;
  prefs: HighlightPrefs;
}
/** Content script -> background: the reader opened or closed the in-page legend; remembered for every page. */
export interface SaveLegendOpenRequest {
  type: 'saveLegendOpen';
  open: boolean;
}
/** Popup -> background: which popup sections the reader folded away. */
export interface GetPopupPrefsRequest {
  type: 'getPopupPrefs';
}
/** Popup -> background: remember the folded sections for every popup from now on. */
export interface SavePopupPrefsRequest {
  type: 'savePopupPrefs';
  prefs: PopupPrefs;
}
/** Options page -> background: the reader's settings (history, encyclopedia summaries). */
export interface GetSettingsRequest {
  type: 'getSettings';
}
/** Options page -> background: change some settings; the answer is all of them, as stored. */
export interface SaveSettingsRequest {
  type: 'saveSettings';
  settings: UserSettingsPatch;
}

export const PREFS_MESSAGES = messageTable({
  getHighlightPrefs: {
    senders: ['content-script', 'extension-page'],
    fields: ['site'],
    parse: (value, type): GetHighlightPrefsRequest => ({ type, site: needBounded(value.site, `${type}.site`, FIELD_LIMITS.site) }),
    answer: answer<ResolvedPrefs>(),
  },
  saveHighlightPrefs: {
    senders: ['content-script', 'extension-page'],
    fields: ['scope', 'site', 'prefs'],
    parse: (value, type): SaveHighlightPrefsRequest => ({
      type,
      scope: needScope(value.scope, type),
      site: needBounded(value.site, `${type}.site`, FIELD_LIMITS.site),
      prefs: needPrefs(value.prefs, type),
    }),
    answer: answer<ResolvedPrefs>(),
  },
  saveLegendOpen: {
    senders: ['content-script', 'extension-page'],
    fields: ['open'],
    parse: (value, type): SaveLegendOpenRequest => ({ type, open: needBoolean(value.open, `${type}.open`) }),
    answer: answer<{ open: boolean }>(),
  },
  getPopupPrefs: { senders: ['extension-page'], fields: [], parse: (_, type): GetPopupPrefsRequest => ({ type }), answer: answer<PopupPrefs>() },
  savePopupPrefs: {
    senders: ['extension-page'],
    fields: ['prefs'],
    parse: (value, type): SavePopupPrefsRequest => {
      fieldProblem(popupPrefsProblem(value.prefs), `${type}.prefs`);
      return { type, prefs: { collapsed: [...(value.prefs as PopupPrefs).collapsed] } };
    },
    answer: answer<PopupPrefs>(),
  },
  getSettings: { senders: ['content-script', 'extension-page'], fields: [], parse: (_, type): GetSettingsRequest => ({ type }), answer: answer<UserSettings>() },
  saveSettings: {
    senders: ['extension-page'],
    fields: ['settings'],
    parse: (value, type): SaveSettingsRequest => {
      fieldProblem(settingsPatchProblem(value.settings), `${type}.settings`);
      return { type, settings: { ...(value.settings as UserSettingsPatch) } };
    },
    answer: answer<UserSettings>(),
  },
});

export type PrefsRequest = RequestOf<typeof PREFS_MESSAGES>;
