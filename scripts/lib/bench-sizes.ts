// Bench (c): the size of what ships: the built content script and the Chrome zip.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { contentScriptPath, repoRoot } from '../../testing/harness/paths';

export interface BuildSizes {
  contentScript: { bytes: number; gzipBytes: number } | null;
  /** The background service worker, which runs the analysis and so bundles the entity model. */
  background: { bytes: number; gzipBytes: number } | null;
  chromeZip: { file: string; bytes: number } | null;
}

export function measureBuildSizes(): BuildSizes {
  const sizeOf = (file: string): { bytes: number; gzipBytes: number } | null => {
    if (!existsSync(file)) return null;
    const code = readFileSync(file);
    return { bytes: code.length, gzipBytes: gzipSync(code, { level: 9 }).length };
  };
  const contentScript = sizeOf(contentScriptPath);
  const background = sizeOf(path.join(repoRoot, '.output/chrome-mv3/background.js'));
  const outputDir = path.join(repoRoot, '.output');
  const zipName = existsSync(outputDir) ? readdirSync(outputDir).find((f) => f.endsWith('-chrome.zip')) : undefined;
  const chromeZip = zipName
    ? { file: path.join('.output', zipName), bytes: statSync(path.join(outputDir, zipName)).size }
    : null;
  return { contentScript, background, chromeZip };
}
