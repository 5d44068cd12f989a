import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// Chrome gets MV3 (the first target); Firefox gets WXT's default MV2 build.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  // The Firefox sources zip is for reviewers: leave out generated screenshots and reports.
  zip: {
    excludeSources: ['test-artifacts/**', 'demo-output/**', 'bench-output/**', 'coverage/**', '.ci/**'],
  },
  manifest: ({ browser }) => ({
    name: 'Lede',
    description: 'Highlights the people, places, organisations and quotes in news articles.',
    // contextMenus: "Add a Lede note" on selected text (entrypoints/background.ts).
    permissions: ['storage', 'contextMenus'],
    // Alt+Shift+N opens the note editor on the selection (lib/note-shortcuts.ts).
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
    optional_host_permissions: ['https://*.wikipedia.org/*'],
    ...(browser === 'firefox'
      ? {
          optional_permissions: ['https://*.wikipedia.org/*'],
          browser_specific_settings: {
            gecko: {
              id: 'lede@lede.invalid',
              strict_min_version: '115.0',
              // Lede keeps everything on the reader's machine: nothing is collected or sent.
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
