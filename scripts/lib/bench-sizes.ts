// Bench (c): the size of what ships: the built content script and the Chrome zip.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { contentScriptPath, repoRoot } from './paths';

export interface BuildSizes {
  contentScript: { bytes: number; gzipBytes: number } | null;
  chromeZip: { file: string; bytes: number } | null;
}

export function measureBuildSizes(): BuildSizes {
  const contentScript = existsSync(contentScriptPath)
    ? (() => {
        const code = readFileSync(contentScriptPath);
        return { bytes: code.length, gzipBytes: gzipSync(code, { level: 9 }).length };
      })()
    : null;
  const outputDir = path.join(repoRoot, '.output');
  const zipName = existsSync(outputDir) ? readdirSync(outputDir).find((f) => f.endsWith('-chrome.zip')) : undefined;
  const chromeZip = zipName
    ? { file: path.join('.output', zipName), bytes: statSync(path.join(outputDir, zipName)).size }
    : null;
  return { contentScript, chromeZip };
}
