// What the background answers. Kept apart from entrypoints/background.ts so that tests can drive
// it with fake-indexeddb and a fake storage area; the entrypoint only wires it to browser APIs.

import { deleteAnnotation, listAnnotations, restoreAnnotation, saveAnnotation, updateAnnotation } from './annotation-store';
import { saveArticle, type LedeDB } from './db';
import { entityHistories } from './history';
import type { BackgroundRequest, Handlers } from './messages';
import type { PrefsStore } from './settings';
import type { SummaryFetch } from './encyclopedia';
import { SummaryService } from './summary-service';
import { createMemoryArea, UserSettingsStore } from './user-settings';

export interface BackgroundDeps {
  db: LedeDB;
  prefs: PrefsStore;
  now: () => number;
  /** The reader's settings; absent (in tests), an in-memory store with the defaults. */
  settings?: UserSettingsStore;
  /** How encyclopedia summaries are fetched; absent, every request fails (nothing leaves). */
  fetchSummary?: SummaryFetch;
  /** browser.permissions.contains for host origins; absent, no permission is held. */
  hasHostPermission?: (origins: string[]) => Promise<boolean>;
}

export function createBackgroundHandlers(deps: BackgroundDeps): Handlers<BackgroundRequest> {
  const settings = deps.settings ?? new UserSettingsStore(createMemoryArea());
  const summaries = new SummaryService({
    db: deps.db,
    loadSettings: () => settings.load(),
    fetch: deps.fetchSummary ?? (() => Promise.reject(new Error('no network here'))),
    hasHostPermission: deps.hasHostPermission ?? (async () => false),
    now: deps.now,
  });
  return {
    articleAnalyzed: async ({ article }) => {
      // With reading history off, Lede keeps no record of what the reader opened.
      if (!(await settings.load()).history) return { stored: false };
      await saveArticle(deps.db, article, deps.now());
      return { stored: true };
    },
    getHighlightPrefs: ({ site }) => deps.prefs.load(site),
    saveHighlightPrefs: ({ scope, site, prefs }) => deps.prefs.save(scope, site, prefs),
    // History off: the cards show none of it (what was kept stays until the reader clears it).
    getEntityHistory: async ({ names, excludeUrl }) =>
      (await settings.load()).history ? { histories: await entityHistories(deps.db, names, excludeUrl) } : { histories: [] },
    getSettings: () => settings.load(),
    saveSettings: ({ settings: patch }) => settings.save(patch),
    getHistoryCount: async () => ({ count: await deps.db.articles.count() }),
    clearHistory: async () => ({ cleared: await clearReadingHistory(deps.db) }),
    getSummary: ({ name }) => summaries.get(name),
    // Personal notes: parseMessage has validated them; each store call is one transaction.
    saveAnnotation: async ({ annotation }) => ({ annotation: await saveAnnotation(deps.db, annotation, deps.now()) }),
    updateAnnotation: async ({ id, patch }) => ({ annotation: await updateAnnotation(deps.db, id, patch, deps.now()) }),
    deleteAnnotation: async ({ id }) => ({ deleted: await deleteAnnotation(deps.db, id) }),
    restoreAnnotation: async ({ annotation }) => ({ annotation: await restoreAnnotation(deps.db, annotation) }),
    listAnnotations: async ({ source }) => ({ annotations: await listAnnotations(deps.db, source) }),
  };
}

/** Deletes every remembered article; returns how many there were. */
async function clearReadingHistory(db: LedeDB): Promise<number> {
  return db.transaction('rw', db.articles, async () => {
    const count = await db.articles.count();
    await db.articles.clear();
    return count;
  });
}
