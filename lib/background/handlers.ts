// What the background answers. Kept apart from entrypoints/background.ts so that tests can drive
// it with fake-indexeddb and a fake storage area; the entrypoint only wires it to browser APIs.

import {
  createAnnotation,
  deleteAnnotation,
  listAnnotations,
  MAX_NOTES_PER_PAGE,
  restoreAnnotation,
  saveAnnotation,
  updateAnnotation,
} from './annotation-store';
import type { BackupService } from './backup-service';
import { AnalysisCache } from './analysis-cache';
import { DexieAnalysisStore } from './analysis-store';
import { saveArticle, type LedeDB } from './db';
import { entityHistories } from './history';
import type { BackgroundRequest, Handlers } from '../protocol/messages';
import { createRuntimeHandlers, type RuntimeDeps } from './page-handlers';
import type { PrefsStore } from '../settings/highlight-prefs';
import { SiteSwitchStore } from '../settings/site-switches';
import type { SummaryFetch } from './encyclopedia';
import { SummaryService } from './summary-service';
import { normalizeSourceUrl } from '../notes/source-url';
import { UserSettingsStore } from '../settings/user-settings';
import { createMemoryArea } from '../settings/storage-area';

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
  /** Where Lede runs (pause, sites switched off); absent, an in-memory store: runs everywhere. */
  switches?: SiteSwitchStore;
  /** Tells every open tab that the switches changed; absent, nobody is told. */
  broadcast?: RuntimeDeps['broadcast'];
  /** Automatic backups (downloads and alarms wired by the entrypoint); absent, backups are unavailable. */
  backups?: BackupService;
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
    ...createRuntimeHandlers({
      prefs: deps.prefs,
      switches: deps.switches ?? new SiteSwitchStore(createMemoryArea()),
      broadcast: deps.broadcast,
      cache: new AnalysisCache({
        backing: new DexieAnalysisStore(deps.db, { now: deps.now, enabled: async () => (await settings.load()).history }),
      }),
    }),
    articleAnalyzed: async ({ article }) => {
      // With reading history off, Lede keeps no record of what the reader opened.
      if (!(await settings.load()).history) return { stored: false };
      await saveArticle(deps.db, article, deps.now());
      return { stored: true };
    },
    getHighlightPrefs: ({ site }) => deps.prefs.load(site),
    saveHighlightPrefs: ({ scope, site, prefs }) => deps.prefs.save(scope, site, prefs),
    saveLegendOpen: async ({ open }) => ({ open: await deps.prefs.saveLegendOpen(open) }),
    // History off: the cards show none of it (what was kept stays until the reader clears it).
    // Only Lede's own pages may ask (ALLOWED_SENDERS in lib/protocol/messages.ts).
    getEntityHistory: async ({ names, excludeUrl }) => {
      if (!(await settings.load()).history) return { histories: [] };
      return { histories: await entityHistories(deps.db, names, excludeUrl) };
    },
    getSettings: () => settings.load(),
    saveSettings: ({ settings: patch }) => settings.save(patch),
    getHistoryCount: async () => ({ count: await deps.db.articles.count() }),
    getBackupStatus: () => needBackups(deps).status(),
    saveBackupSettings: ({ settings: patch }) => needBackups(deps).setFrequency(patch.frequency),
    backupNow: () => needBackups(deps).runNow(),
    recordLibraryExport: () => needBackups(deps).recordLibraryExport(deps.now()),
    clearHistory: async () => ({ cleared: await clearReadingHistory(deps.db) }),
    getSummary: ({ name }) => summaries.get(name),
    // Personal notes: parseMessage has validated them; each store call is one transaction.
    // A content script may only create, on its own page (receiveMessage checked the source), and
    // up to MAX_NOTES_PER_PAGE there: replacing a stored note is for Lede's own pages.
    saveAnnotation: async ({ annotation }, from) => ({
      annotation:
        from?.context === 'content-script'
          ? await createAnnotation(deps.db, annotation, deps.now(), MAX_NOTES_PER_PAGE)
          : await saveAnnotation(deps.db, annotation, deps.now()),
    }),
    // A content script re-attaches a note of its own page within that page: the stored note's
    // source must already be the (checked) source of the new target, so no note changes pages.
    updateAnnotation: async ({ id, patch }, from) => ({
      annotation: await updateAnnotation(deps.db, id, patch, deps.now(), from?.context === 'content-script' ? patch.target?.source ?? '' : undefined),
    }),
    deleteAnnotation: async ({ id }) => ({ deleted: await deleteAnnotation(deps.db, id) }),
    restoreAnnotation: async ({ annotation }) => ({ annotation: await restoreAnnotation(deps.db, annotation) }),
    listAnnotations: async ({ source }) => ({ annotations: await listAnnotations(deps.db, source) }),
    // The page's address is the sender's (lib/background/sender-page.ts); only its canonical claim is the script's.
    getPageKey: async ({ url, canonical }) => ({ source: normalizeSourceUrl(url, canonical) }),
  };
}

function needBackups(deps: BackgroundDeps): BackupService {
  if (!deps.backups) throw new Error('Automatic backups are not available here');
  return deps.backups;
}

/** Deletes every remembered article (and the analyses kept of read pages); returns how many articles there were. */
async function clearReadingHistory(db: LedeDB): Promise<number> {
  return db.transaction('rw', db.articles, db.analyses, async () => {
    const count = await db.articles.count();
    await db.articles.clear();
    await db.analyses.clear();
    return count;
  });
}
