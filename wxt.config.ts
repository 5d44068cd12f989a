import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// Chrome gets MV3 (the first target); Firefox gets WXT's default MV2 build, on purpose: MV2 grants
// the content script's <all_urls> match at install (Firefox's MV3 makes host access something the
// reader may withhold), and the background runs as a persistent page. See docs/firefox.md.
const EXTENSION_PAGES_CSP = "script-src 'self'; object-src 'self'";
// The marked build (`npm run build:marked`, WXT_LEDE_MARKS=1): the release build plus Lede's
// performance marks (entrypoints/content/marks.ts), for the e2e tests and the benches. It goes to
// .output/<browser>-mv<N>-marked, so it never overwrites what `npm run build` makes.
/** Where a sync server may be: any https origin, plain http only on this machine (requested one origin at a time). */
const SYNC_SERVER_ORIGINS = ['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*'];

const MARKED = process.env.WXT_LEDE_MARKS === '1';
// For profiles with readable names (scripts/profile-library-import.ts): WXT_LEDE_UNMINIFIED=1 with
// WXT_LEDE_MARKS=1 builds the marked build unminified into .output/<browser>-mv<N>-unminified.
const UNMINIFIED = process.env.WXT_LEDE_UNMINIFIED === '1';

type ContentScriptEntry = { js?: string[] } & Record<string, unknown>;

/**
 * WXT lists content scripts with the same options in one manifest entry, and Chromium runs one
 * entry's files in a single task. Lede's content script is two files so that each compiles and
 * runs in a task of its own (entrypoints/content/parts.ts): one entry per file, the main part
 * (content.js) last.
 */
function oneEntryPerContentScript(entries: ContentScriptEntry[]): ContentScriptEntry[] {
  const isMain = (file: string): boolean => file.endsWith('/content.js');
  return entries.flatMap((entry) => {
    const files = [...(entry.js ?? [])].sort((a, b) => Number(isMain(a)) - Number(isMain(b)));
    if (files.length < 2) return [entry];
    // The main part keeps the entry's stylesheet (the highlight styles).
    return files.map((file) => (isMain(file) ? { ...entry, js: [file] } : { ...entry, js: [file], css: undefined }));
  });
}

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  ...(MARKED ? { outDirTemplate: `{{browser}}-mv{{manifestVersion}}-${UNMINIFIED ? 'unminified' : 'marked'}` } : {}),
  vite: () => ({ plugins: [preact()], ...(UNMINIFIED ? { build: { minify: false } } : {}) }),
  hooks: {
    'build:manifestGenerated': (_wxt, manifest) => {
      if (manifest.content_scripts) manifest.content_scripts = oneEntryPerContentScript(manifest.content_scripts as ContentScriptEntry[]) as typeof manifest.content_scripts;
    },
  },
  // The Firefox sources zip is for reviewers: leave out generated screenshots and reports.
  zip: {
    excludeSources: ['test-artifacts/**', 'demo-output/**', 'bench-output/**', 'coverage/**', '.ci/**'],
  },
  manifest: ({ browser }) => ({
    name: 'Lede',
    description: 'Highlights the people, places, organisations and quotes in news articles.',
    // Every permission and why: docs/permissions.md. storage: settings and preferences;
    // contextMenus: "Add a Lede note" on selected text; unlimitedStorage: the notes database must
    // never be evicted or capped; alarms: the automatic backup's daily/weekly timer (it only fires
    // when the reader turned backups on).
    permissions: ['storage', 'contextMenus', 'unlimitedStorage', 'alarms'],
    // Automatic backups save a file to the downloads folder: asked for only when turned on.
    optional_permissions: ['downloads'],
    // Extension pages run only Lede's own packaged scripts: no eval, no inline or remote code,
    // no plugins. The MV3 default, stated so it cannot loosen by accident; WXT writes it as the
    // MV2 string for Firefox. tests/e2e/manifest.test.ts checks the built manifests.
    content_security_policy: { extension_pages: EXTENSION_PAGES_CSP },
    // Alt+Shift+N opens the note editor on the selection (lib/background/note-shortcuts.ts).
    commands: {
      'start-note': {
        suggested_key: { default: 'Alt+Shift+N' },
        description: 'Add a note on the selected text',
      },
      // Alt+Shift+L opens the library of every note (entrypoints/library).
      'open-library': {
        suggested_key: { default: 'Alt+Shift+L' },
        description: 'Open the Lede library of notes',
      },
    },
    // Encyclopedia summaries (off by default) need Wikipedia; the options page asks for it only
    // when the reader turns them on. MV3 keeps host origins apart; Firefox's MV2 build lists them
    // among optional_permissions (WXT drops optional_host_permissions from MV2 manifests).
    // Sync asks for exactly the reader's server when it is set up (https; plain http only on this machine).
    optional_host_permissions: ['https://*.wikipedia.org/*', ...SYNC_SERVER_ORIGINS],
    // The note editor opens as a frame inside the page (so the page never hears the reader type);
    // oauth.html is where a remoteStorage server sends the reader back after the sign-in
    // (lib/sync/remote/tab-auth.ts). The only pages a web page may load. Chrome serves it only under a per-session id (use_dynamic_url),
    // so a page cannot probe whether Lede is installed; Firefox's MV2 list is plain paths (its
    // moz-extension origin is already random per install).
    web_accessible_resources:
      browser === 'firefox'
        ? (['note-editor.html', 'oauth.html'] as never)
        : [{ resources: ['note-editor.html', 'oauth.html'], matches: ['<all_urls>'], use_dynamic_url: true }],
    ...(browser === 'firefox'
      ? {
          optional_permissions: ['https://*.wikipedia.org/*', ...SYNC_SERVER_ORIGINS, 'downloads'],
          browser_specific_settings: {
            gecko: {
              id: 'lede@lede.invalid',
              // The CSS Custom Highlight API (all of Lede's painting) and data_collection_permissions
              // both arrived in Firefox 140 (ESR 140): older versions would load Lede and paint nothing.
              strict_min_version: '140.0',
              // Lede keeps everything on the reader's machine: nothing is collected or sent.
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
