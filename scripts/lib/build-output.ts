// Checks for (and makes) the built extension that the browser harness loads.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromeExtensionDir, repoRoot } from './paths';

/** Throws unless .output/chrome-mv3 holds a built extension. */
export function requireChromeBuild(extensionDir: string = chromeExtensionDir): string {
  if (!existsSync(path.join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension at ${extensionDir}. Run \`npm run build\` first.`);
  }
  return extensionDir;
}

/** Runs `npm run build` in the repository, streaming its output; throws if it fails. */
export function buildExtension(): void {
  const result = spawnSync('npm', ['run', 'build'], { cwd: repoRoot, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`npm run build failed (exit ${result.status ?? result.signal}).`);
}
