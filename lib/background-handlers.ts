// What the background answers. Kept apart from entrypoints/background.ts so that tests can drive
// it with fake-indexeddb and a fake storage area; the entrypoint only wires it to browser APIs.

import { saveArticle, type LedeDB } from './db';
import type { BackgroundRequest, Handlers } from './messages';
import type { PrefsStore } from './settings';

export interface BackgroundDeps {
  db: LedeDB;
  prefs: PrefsStore;
  now: () => number;
}

export function createBackgroundHandlers(deps: BackgroundDeps): Handlers<BackgroundRequest> {
  return {
    articleAnalyzed: async ({ article }) => {
      await saveArticle(deps.db, article, deps.now());
      return { stored: true };
    },
    getHighlightPrefs: ({ site }) => deps.prefs.load(site),
    saveHighlightPrefs: ({ scope, site, prefs }) => deps.prefs.save(scope, site, prefs),
  };
}
