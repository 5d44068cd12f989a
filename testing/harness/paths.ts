// Where things live, computed from this file so scripts work from any working directory.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** Read-only shared material sits beside the repository (see ../shared/README.md). */
export const sharedDir = path.resolve(repoRoot, '../shared');
export const seedDir = path.join(sharedDir, 'fixtures/seed');
export const newsPagesDir = path.join(sharedDir, 'fixtures/news-pages');
export const chromeExtensionDir = path.join(repoRoot, '.output/chrome-mv3');
export const contentScriptPath = path.join(chromeExtensionDir, 'content-scripts/content.js');
/**
 * The marked build (`npm run build:marked`): the release build plus Lede's performance marks
 * (lede-start, lede-painted, …), which the e2e tests and the benches wait for and time. The
 * release build (`npm run build`, above) makes none: a page could read them.
 */
export const markedChromeExtensionDir = path.join(repoRoot, '.output/chrome-mv3-marked');
