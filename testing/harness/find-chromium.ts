// Finds a Chromium binary to drive with playwright-core. Never downloads one.
import { accessSync, constants } from 'node:fs';
import path from 'node:path';

const CANDIDATE_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'];
const CANDIDATE_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

export const CHROMIUM_INSTALL_HINT =
  'Install Debian\'s Chromium with `sudo apt-get install -y chromium`, or set CHROME_PATH to a Chromium or Chrome binary.';

/** Whether `file` exists and this process may run it. */
export function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(name: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const file = path.join(dir, name);
    if (isExecutable(file)) return file;
  }
  return null;
}

/** CHROME_PATH wins; then the usual install locations; then the PATH. Null when none exists. */
export function findChromium(): string | null {
  const override = process.env.CHROME_PATH;
  if (override) return isExecutable(override) ? override : null;
  for (const file of CANDIDATE_PATHS) if (isExecutable(file)) return file;
  for (const name of CANDIDATE_NAMES) {
    const file = onPath(name);
    if (file) return file;
  }
  return null;
}

/** Like findChromium, but throws an error that says how to get one. */
export function requireChromium(): string {
  const found = findChromium();
  if (found) return found;
  const override = process.env.CHROME_PATH;
  const what = override ? `CHROME_PATH=${override} is not an executable file.` : 'No Chromium found.';
  throw new Error(`${what} ${CHROMIUM_INSTALL_HINT}`);
}
