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
    permissions: ['storage'],
    ...(browser === 'firefox'
      ? {
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
