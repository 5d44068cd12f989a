// Launches Chromium with the built Lede extension loaded, offline except for 127.0.0.1.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { requireChromeBuild } from './build-output';
import { requireChromium } from './find-chromium';

export interface LaunchOptions {
  /** Unpacked extension to load; defaults to the marked build, .output/chrome-mv3-marked. Null loads no extension. */
  extensionDir?: string | null;
  headless?: boolean;
  viewport?: { width: number; height: number };
  /** A profile folder to use and keep (a browser restarted on the same profile); by default a fresh one, deleted on close. */
  userDataDir?: string;
}

export interface ExtensionBrowser {
  context: BrowserContext;
  /** Empty when no extension is loaded. */
  extensionId: string;
  /** Every request to a host other than 127.0.0.1/localhost, which was refused. */
  blockedRequests: string[];
  /** The extension's service worker; a fresh handle each call, since MV3 workers can restart. */
  serviceWorker(): Promise<Worker>;
  close(): Promise<void>;
}

/** Flags from ../shared/NOTES.md: load only our extension, and keep Chromium off the network. */
function chromiumArgs(extensionDir: string | null): string[] {
  const quiet = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'];
  if (!extensionDir) return quiet;
  return [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`, ...quiet];
}

function isLocal(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  if (protocol === 'chrome-extension:' || protocol === 'data:' || protocol === 'blob:' || protocol === 'about:') return true;
  return hostname === '127.0.0.1' || hostname === 'localhost';
}

async function findServiceWorker(context: BrowserContext, timeout = 30_000): Promise<Worker> {
  const running = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
  if (running) return running;
  return context.waitForEvent('serviceworker', {
    predicate: (w) => w.url().startsWith('chrome-extension://'),
    timeout,
  });
}

class ServiceWorkerMissing extends Error {}

/** How long a launch waits for the extension's service worker before trying a fresh profile once more. */
const FIRST_LAUNCH_WAIT_MS = 15_000;

/**
 * Launches Chromium with the extension. On a busy machine Playwright now and then never hears
 * of the extension's service worker (seen about once in five runs under heavy load), so a
 * launch that finds none is retried once with a fresh profile before giving up.
 */
export async function launchBrowser(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  try {
    return await launchAttempt(options, FIRST_LAUNCH_WAIT_MS);
  } catch (error) {
    if (!(error instanceof ServiceWorkerMissing)) throw error;
    return launchAttempt(options, 30_000);
  }
}

async function launchAttempt(options: LaunchOptions, serviceWorkerWaitMs: number): Promise<ExtensionBrowser> {
  const extensionDir = options.extensionDir === null ? null : requireChromeBuild(options.extensionDir);
  const userDataDir = options.userDataDir ?? mkdtempSync(path.join(os.tmpdir(), 'lede-chromium-'));
  const ownProfile = options.userDataDir === undefined;
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: requireChromium(),
    headless: options.headless ?? true,
    args: chromiumArgs(extensionDir),
    viewport: options.viewport ?? { width: 1280, height: 900 },
  });
  // Real pages reference trackers and CDNs this machine cannot reach: refuse them at once.
  const blockedRequests: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (isLocal(url)) return route.continue();
    blockedRequests.push(url);
    return route.abort();
  });
  let extensionId = '';
  if (extensionDir) {
    try {
      extensionId = new URL((await findServiceWorker(context, serviceWorkerWaitMs)).url()).host;
    } catch (error) {
      await context.close();
      if (ownProfile) rmSync(userDataDir, { recursive: true, force: true });
      throw new ServiceWorkerMissing(`The extension's service worker never started (${String(error)}).`);
    }
  }
  return {
    context,
    extensionId,
    blockedRequests,
    serviceWorker: () => findServiceWorker(context),
    close: async () => {
      await context.close();
      if (ownProfile) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
