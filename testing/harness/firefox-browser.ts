// Launches Firefox (Debian's firefox-esr) headless with the built Lede extension installed, through
// puppeteer-core's WebDriver BiDi support. Never downloads a browser. Only 127.0.0.1/localhost is
// reachable from the pages it opens: every other request is refused and recorded.
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import puppeteer, { type Browser, type HTTPRequest, type Page } from 'puppeteer-core';
import { isExecutable } from './find-chromium';
import { repoRoot } from './paths';

/** The marked Firefox build (`npm run build:marked`; see markedChromeExtensionDir in paths.ts). */
export const firefoxExtensionDir = path.join(repoRoot, '.output/firefox-mv2-marked');

const CANDIDATE_PATHS = ['/usr/bin/firefox-esr', '/usr/bin/firefox'];

export const FIREFOX_INSTALL_HINT =
  "Install Debian's Firefox ESR with `sudo apt-get install -y firefox-esr`, or set FIREFOX_PATH to a Firefox binary.";

/** FIREFOX_PATH wins, then the usual Debian locations; throws an error that says how to get one. */
export function requireFirefox(): string {
  const override = process.env.FIREFOX_PATH;
  if (override) {
    if (isExecutable(override)) return override;
    throw new Error(`FIREFOX_PATH=${override} is not an executable file. ${FIREFOX_INSTALL_HINT}`);
  }
  const found = CANDIDATE_PATHS.find(isExecutable);
  if (!found) throw new Error(`No Firefox found. ${FIREFOX_INSTALL_HINT}`);
  return found;
}

/** Throws unless .output/firefox-mv2 holds a built extension. */
export function requireFirefoxBuild(extensionDir: string = firefoxExtensionDir): string {
  if (!existsSync(path.join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built Firefox extension at ${extensionDir}. Run \`npm run build:marked\` first.`);
  }
  return extensionDir;
}

export interface FirefoxExtensionBrowser {
  browser: Browser;
  /** The gecko id from the manifest (wxt.config.ts), as Firefox reports it after installing. */
  extensionId: string;
  /** The private copy of the build that Firefox installed. */
  installedDir: string;
  /** Every request to a host other than 127.0.0.1/localhost, which was refused. */
  blockedRequests: string[];
  /**
   * Uncaught errors in Lede's own scripts (moz-extension://…) and Lede's warnings (they start with
   * its name) from every context, the background page included, as Firefox prints them.
   */
  extensionProblems: string[];
  /** A new tab whose requests off this machine are refused. */
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/** Firefox's console lines that are Lede's: its "Lede …" warnings and errors, and uncaught errors in its files. */
const EXTENSION_PROBLEM = /^(console\.(warn|error): "?Lede|JavaScript error: moz-extension:\/\/)/;

/** Calls onLine for each complete line the stream prints. */
function eachLine(stream: Readable | null | undefined, onLine: (line: string) => void): void {
  let pending = '';
  stream?.on('data', (chunk: Buffer | string) => {
    const lines = (pending + chunk.toString()).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) onLine(line);
  });
}

function isLocal(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  if (protocol === 'moz-extension:' || protocol === 'data:' || protocol === 'blob:' || protocol === 'about:') return true;
  return hostname === '127.0.0.1' || hostname === 'localhost';
}

/**
 * Starts Firefox headless (no display needed) with a throwaway profile, which puppeteer removes
 * on close, and installs the unpacked extension as a temporary add-on. Firefox reads a temporary
 * add-on's files from its folder while it runs, so it gets a private copy: a rebuild of .output
 * during the run cannot pull files from under it. The browser is closed (and the copy removed)
 * again if installing fails, so a failed launch leaves nothing behind.
 */
export async function launchFirefox(extensionDir: string = firefoxExtensionDir): Promise<FirefoxExtensionBrowser> {
  const copyDir = mkdtempSync(path.join(os.tmpdir(), 'lede-firefox-ext-'));
  const removeCopy = (): void => rmSync(copyDir, { recursive: true, force: true });
  try {
    cpSync(requireFirefoxBuild(extensionDir), copyDir, { recursive: true });
    return await launchWith(copyDir, removeCopy);
  } catch (error) {
    removeCopy();
    throw error;
  }
}

async function launchWith(dir: string, removeCopy: () => void): Promise<FirefoxExtensionBrowser> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: requireFirefox(),
    // Puppeteer asks for remote-debugging port 0: the OS picks a free one.
    headless: true,
    timeout: 60_000,
    // Print every console message, the background page's included, on Firefox's stdout: the only
    // way to hear the background, since automation cannot open moz-extension:// documents.
    extraPrefsFirefox: { 'devtools.console.stdout.content': true },
  });
  const extensionProblems: string[] = [];
  const child = browser.process();
  for (const stream of [child?.stdout, child?.stderr]) {
    eachLine(stream, (line) => {
      if (EXTENSION_PROBLEM.test(line)) extensionProblems.push(line);
    });
  }
  let extensionId: string;
  try {
    extensionId = await browser.installExtension(dir);
  } catch (error) {
    await browser.close();
    throw new Error(`Firefox refused to install ${dir}: ${String(error)}`);
  }
  const blockedRequests: string[] = [];
  const onRequest = (request: HTTPRequest): void => {
    const url = request.url();
    if (isLocal(url)) {
      void request.continue();
      return;
    }
    blockedRequests.push(url);
    void request.abort();
  };
  return {
    browser,
    extensionId,
    installedDir: dir,
    blockedRequests,
    extensionProblems,
    newPage: async () => {
      const page = await browser.newPage();
      await page.setRequestInterception(true);
      page.on('request', onRequest);
      return page;
    },
    close: async () => {
      try {
        await browser.close();
      } finally {
        removeCopy();
      }
    },
  };
}
