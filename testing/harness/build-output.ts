// Checks for (and makes) the built extension that the browser harness loads.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { markedChromeExtensionDir, repoRoot } from './paths';

/** Throws unless the folder (by default the marked build, .output/chrome-mv3-marked) holds a built extension. */
export function requireChromeBuild(extensionDir: string = markedChromeExtensionDir): string {
  if (!existsSync(path.join(extensionDir, 'manifest.json'))) {
    const command = extensionDir === markedChromeExtensionDir ? 'npm run build:marked' : 'npm run build';
    throw new Error(`No built extension at ${extensionDir}. Run \`${command}\` first.`);
  }
  return extensionDir;
}

/** Runs `npm run build:marked` (the build the harness loads) in the repository, streaming its output; throws if it fails. */
export function buildExtension(): void {
  const result = spawnSync('npm', ['run', 'build:marked'], { cwd: repoRoot, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`npm run build:marked failed (exit ${result.status ?? result.signal}).`);
}
