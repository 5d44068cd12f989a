// Bench (c): the size of what ships: the built content script and the Chrome zip.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { contentScriptPath, repoRoot } from '../../testing/harness/paths';

export interface BuildSizes {
  /** Every file of the content script together (content.js and its parts, entrypoints/content/parts.ts). */
  contentScript: { bytes: number; gzipBytes: number; files: string[] } | null;
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
  const contentDir = path.dirname(contentScriptPath);
  const files = existsSync(contentScriptPath) ? readdirSync(contentDir).filter((f) => f.endsWith('.js')).sort() : [];
  const parts = files.map((f) => sizeOf(path.join(contentDir, f))!);
  const contentScript = files.length
    ? { bytes: parts.reduce((s, p) => s + p.bytes, 0), gzipBytes: parts.reduce((s, p) => s + p.gzipBytes, 0), files }
    : null;
  const background = sizeOf(path.join(repoRoot, '.output/chrome-mv3/background.js'));
  const outputDir = path.join(repoRoot, '.output');
  const zipName = existsSync(outputDir) ? readdirSync(outputDir).find((f) => f.endsWith('-chrome.zip')) : undefined;
  const chromeZip = zipName
    ? { file: path.join('.output', zipName), bytes: statSync(path.join(outputDir, zipName)).size }
    : null;
  return { contentScript, background, chromeZip };
}
