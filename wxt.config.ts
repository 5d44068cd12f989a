import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// Chrome gets MV3 (the first target); Firefox gets WXT's default MV2 build.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: 'Lede',
    description: 'Highlights the people, places, organisations and quotes in news articles.',
    permissions: ['storage'],
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'lede@lede.invalid', strict_min_version: '115.0' } } }
      : {}),
  }),
});
