// What the background answers. Kept apart from entrypoints/background.ts so that tests can drive
// it with fake-indexeddb and a fake storage area; the entrypoint only wires it to browser APIs.

import {
  createAnnotation,
  deleteAnnotation,
  deleteAnnotations,
  listAnnotations,
  MAX_NOTES_PER_PAGE,
  restoreAnnotation,
  restoreAnnotations,
  saveAnnotation,
  updateAnnotation,
} from './annotation-store';
import type { BackupService } from './backup-service';
import type { SyncService } from './sync-service';
import type { ChangeNotices } from './change-notifier';
import type { NoteWatchers } from './note-watchers';
import type { Annotation } from '../notes/annotation';
import { AnalysisCache } from './analysis-cache';
import { DexieAnalysisStore } from './analysis-store';
import { saveArticle, type LedeDB } from './db';
import { entityHistories } from './history';
import { entityPage } from './entity-page';
import type { BackgroundRequest, Handlers } from '../protocol/messages';
import { createRuntimeHandlers, type RuntimeDeps } from './page-handlers';
import type { PrefsStore } from '../settings/highlight-prefs';
import { SiteSwitchStore } from '../settings/site-switches';
import type { SummaryFetch } from './encyclopedia';
import { SummaryService } from './summary-service';
import { normalizeSourceUrl } from '../notes/source-url';
import { UserSettingsStore } from '../settings/user-settings';
import { PopupPrefsStore } from '../settings/popup-prefs';
import { createMemoryArea } from '../settings/storage-area';

export interface BackgroundDeps {
  db: LedeDB;
  prefs: PrefsStore;
  now: () => number;
  /** The popup's folded sections; absent (in tests), an in-memory store with the defaults. */
  popupPrefs?: PopupPrefsStore;
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
  /** Sync with the reader's server (lib/background/sync-service.ts); absent, sync is unavailable. */
  sync?: SyncService;
  /** Which frames show which page's notes (a content script's listAnnotations); absent, none is remembered. */
  watchers?: NoteWatchers;
  /** Opens (or brings forward) the library tab at a view (`entity=<key>`); absent, it cannot be opened. */
  openLibrary?: (view: string) => Promise<void>;
  /** Tells the frames and extension pages what a write changed; absent, nobody is told. */
  notices?: ChangeNotices;
}

export function createBackgroundHandlers(deps: BackgroundDeps): Handlers<BackgroundRequest> {
  const settings = deps.settings ?? new UserSettingsStore(createMemoryArea());
  const popupPrefs = deps.popupPrefs ?? new PopupPrefsStore(createMemoryArea());
  const summaries = new SummaryService({
    db: deps.db,
    loadSettings: () => settings.load(),
    fetch: deps.fetchSummary ?? (() => Promise.reject(new Error('no network here'))),
    hasHostPermission: deps.hasHostPermission ?? (async () => false),
    now: deps.now,
  });
  // Every write is told once it is stored; the writer's answer does not wait for the others to repaint.
  const tell = (notice: (notices: ChangeNotices) => Promise<void>): void => {
    if (deps.notices) void notice(deps.notices).catch((error: unknown) => console.warn('Lede could not tell the open pages:', error));
  };
  const notesOf = <T>(written: T, notes: readonly Annotation[]): T => {
    tell((notices) => notices.notesChanged(notes.map((note) => note.target.source)));
    return written;
  };
  const analyses = new AnalysisCache({
    backing: new DexieAnalysisStore(deps.db, { now: deps.now, enabled: async () => (await settings.load()).history }),
  });
  return {
    ...createRuntimeHandlers({
      prefs: deps.prefs,
      switches: deps.switches ?? new SiteSwitchStore(createMemoryArea()),
      broadcast: deps.broadcast,
      cache: analyses,
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
    getPopupPrefs: () => popupPrefs.load(),
    savePopupPrefs: ({ prefs }) => popupPrefs.save(prefs),
    // History off: the cards show none of it (what was kept stays until the reader clears it).
    // Only Lede's own pages may ask (ALLOWED_SENDERS in lib/protocol/messages.ts).
    getEntityHistory: async ({ names, excludeUrl }) => {
      if (!(await settings.load()).history) return { histories: [] };
      return { histories: await entityHistories(deps.db, names, excludeUrl) };
    },
    // An entity's page in the library: with history off, only the reader's notes that name it.
    openEntityPage: async ({ key }) => {
      await needOpenLibrary(deps)(`entity=${encodeURIComponent(key)}`);
      return { ok: true };
    },
    getEntityPage: async ({ key, limit }) => entityPage(deps.db, key, (await settings.load()).history, limit),
    getSettings: () => settings.load(),
    saveSettings: async ({ settings: patch }) => {
      const saved = await settings.save(patch);
      tell((notices) => notices.settingsChanged());
      return saved;
    },
    getHistoryCount: async () => ({ count: await deps.db.articles.count() }),
    getBackupStatus: () => needBackups(deps).status(),
    saveBackupSettings: async ({ settings: patch }) => {
      const saved = await needBackups(deps).setFrequency(patch.frequency);
      tell((notices) => notices.settingsChanged());
      return saved;
    },
    backupNow: () => needBackups(deps).runNow(),
    recordLibraryExport: () => needBackups(deps).recordLibraryExport(deps.now()),
    getSyncStatus: () => needSync(deps).status(),
    setUpSync: ({ server, passphrase, join }) => needSync(deps).setUp(server, passphrase, join),
    unlockSync: ({ passphrase }) => needSync(deps).unlock(passphrase),
    syncNow: () => needSync(deps).syncNow(),
    turnOffSync: () => needSync(deps).turnOff(),
    resolveConflict: async ({ id, keep }) => {
      await needSync(deps).resolveConflict(id, keep);
      return { ok: true };
    },
    clearHistory: async () => {
      // The analyses cache writes after answering: the clear waits for writes already queued.
      const cleared = await analyses.clearWith(() => clearReadingHistory(deps.db));
      tell((notices) => notices.historyChanged());
      return { cleared };
    },
    getSummary: ({ name }) => summaries.get(name),
    // Personal notes: parseMessage has validated them; each store call is one transaction.
    // A content script may only create, on its own page (receiveMessage checked the source), and
    // up to MAX_NOTES_PER_PAGE there: replacing a stored note is for Lede's own pages.
    saveAnnotation: async ({ annotation }, from) => {
      const saved =
        from?.context === 'content-script'
          ? await createAnnotation(deps.db, annotation, deps.now(), MAX_NOTES_PER_PAGE)
          : await saveAnnotation(deps.db, annotation, deps.now());
      return notesOf({ annotation: saved }, [saved]);
    },
    // A content script re-attaches a note of its own page within that page: the stored note's
    // source must already be the (checked) source of the new target, so no note changes pages.
    updateAnnotation: async ({ id, patch }, from) => {
      // A re-attach from a Lede page may move a note: its old page is told too.
      const before = patch.target ? await deps.db.annotations.get(id) : undefined;
      const annotation = await updateAnnotation(deps.db, id, patch, deps.now(), from?.context === 'content-script' ? patch.target?.source ?? '' : undefined);
      return notesOf({ annotation }, before ? [before, annotation] : [annotation]);
    },
    deleteAnnotation: async ({ id }) => {
      const deleted = await deleteAnnotation(deps.db, id);
      return notesOf({ deleted }, [deleted]);
    },
    restoreAnnotation: async ({ annotation }) => {
      const restored = await restoreAnnotation(deps.db, annotation);
      return notesOf({ annotation: restored }, [restored]);
    },
    deleteAnnotations: async ({ ids }) => {
      const deleted = await deleteAnnotations(deps.db, ids);
      return notesOf({ deleted }, deleted);
    },
    restoreAnnotations: async ({ annotations }) => {
      const restored = await restoreAnnotations(deps.db, annotations);
      return notesOf({ annotations: restored }, restored);
    },
    // A content script lists its own page's notes (receiveMessage checked the source): from now
    // on its frame is told when they change, and of no other page's.
    listAnnotations: async ({ source }, from) => {
      if (from?.context === 'content-script' && from.frame) await deps.watchers?.watch(from.frame, source);
      return { annotations: await listAnnotations(deps.db, source) };
    },
    // The page's address is the sender's (lib/background/sender-page.ts); only its canonical claim is the script's.
    getPageKey: async ({ url, canonical }) => ({ source: normalizeSourceUrl(url, canonical) }),
  };
}

function needSync(deps: BackgroundDeps): SyncService {
  if (!deps.sync) throw new Error('Sync is not available here');
  return deps.sync;
}

function needOpenLibrary(deps: BackgroundDeps): NonNullable<BackgroundDeps['openLibrary']> {
  if (!deps.openLibrary) throw new Error('The library cannot be opened from here');
  return deps.openLibrary;
}

function needBackups(deps: BackgroundDeps): BackupService {
  if (!deps.backups) throw new Error('Automatic backups are not available here');
  return deps.backups;
}

/** Deletes every remembered article (and the analyses kept of read pages); returns how many articles there were. */
async function clearReadingHistory(db: LedeDB): Promise<number> {
  return db.transaction('rw', db.articles, db.analyses, db.mentions, async () => {
    const count = await db.articles.count();
    await db.articles.clear();
    await db.mentions.clear();
    await db.analyses.clear();
    return count;
  });
}
