// Driving the Sync section of Lede's options page from a test, as a reader would: two browsers
// on it, fill in the WebDAV server and the passphrase, start or join, "Sync now", and read what
// the section says.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser, type ExtensionBrowser } from '../harness/launch-browser';
import { watchErrors } from '../harness/lede-page';

/**
 * A copy of the built extension with access to the test server's origin granted at install: a
 * headless browser can't click "Allow" on the permission prompt. The options page still asks for
 * the origin (granted already, the request answers yes at once).
 */
export function extensionWithServerAccess(builtDir: string, origin: string): string {
  const copyDir = mkdtempSync(path.join(os.tmpdir(), 'lede-sync-ext-'));
  cpSync(builtDir, copyDir, { recursive: true });
  const manifestPath = path.join(copyDir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { host_permissions?: string[] };
  manifest.host_permissions = [...(manifest.host_permissions ?? []), origin];
  writeFileSync(manifestPath, JSON.stringify(manifest));
  return copyDir;
}

export interface OptionsPage {
  page: Page;
  errors: string[];
}

export async function openSyncSettings(browser: ExtensionBrowser): Promise<OptionsPage> {
  const page = await browser.context.newPage();
  const errors = watchErrors(page);
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`, { waitUntil: 'load' });
  await page.waitForSelector('[data-testid="sync-section"] :is([data-testid="sync-setup"], [data-testid="sync-server"])', { timeout: 15_000 });
  return { page, errors };
}

/** Two browsers (two Chromium profiles) with the same copy of the extension, each on its Sync settings. */
export interface SyncBrowsers {
  /** The extension copy both load (launch more profiles from it). */
  extensionDir: string;
  a: ExtensionBrowser;
  b: ExtensionBrowser;
  settingsA: OptionsPage;
  settingsB: OptionsPage;
  /** Closes both browsers and removes the extension copy. */
  close(): Promise<void>;
}

/** Launches two browsers whose extension may reach the sync servers tests start on 127.0.0.1. */
export async function launchSyncBrowsers(builtDir: string): Promise<SyncBrowsers> {
  // Any port on 127.0.0.1: the servers pick free ones.
  const extensionDir = extensionWithServerAccess(builtDir, 'http://127.0.0.1/*');
  const launched: ExtensionBrowser[] = [];
  const close = async (): Promise<void> => {
    for (const browser of launched) await browser.close();
    rmSync(extensionDir, { recursive: true, force: true });
  };
  try {
    const a = await launchBrowser({ extensionDir });
    launched.push(a);
    const b = await launchBrowser({ extensionDir });
    launched.push(b);
    return { extensionDir, a, b, settingsA: await openSyncSettings(a), settingsB: await openSyncSettings(b), close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** A message to the background from one of Lede's own pages, as the library or popup would send it. */
export function tellBackground(page: Page, message: unknown): Promise<unknown> {
  return page.evaluate((message) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage(message), message);
}

export interface WebDavForm {
  url: string;
  user: string;
  password: string;
  passphrase: string;
  join: boolean;
}

/** Fills in the setup form and presses Start syncing (or Join). */
export async function submitSetup(page: Page, form: WebDavForm): Promise<void> {
  await page.click('[data-testid="sync-kind-webdav"]');
  await page.click(form.join ? '[data-testid="sync-mode-join"]' : '[data-testid="sync-mode-new"]');
  await page.fill('[data-testid="sync-url"]', form.url);
  await page.fill('[data-testid="sync-user"]', form.user);
  await page.fill('[data-testid="sync-password"]', form.password);
  await page.fill('[data-testid="sync-passphrase"]', form.passphrase);
  if (!form.join) await page.fill('[data-testid="sync-passphrase-again"]', form.passphrase);
  await page.click('[data-testid="sync-start"]');
}

export function textOf(page: Page, testId: string): Promise<string> {
  return page.evaluate((id) => (document.querySelector(`[data-testid="${id}"]`) as HTMLElement | null)?.innerText ?? '', testId);
}

/** How many requests the section has finished (its data-finished). */
function finished(page: Page): Promise<number> {
  return page.evaluate(() => Number(document.querySelector('[data-testid="sync-section"]')?.getAttribute('data-finished') ?? 0));
}

/** Presses "Sync now" and waits until the section has the round's answer. */
export async function syncNow(page: Page): Promise<void> {
  const before = await finished(page);
  await page.click('[data-testid="sync-now"]:not([disabled])', { timeout: 30_000 });
  await page.waitForFunction((before) => Number(document.querySelector('[data-testid="sync-section"]')?.getAttribute('data-finished') ?? 0) > before, before, { timeout: 60_000 });
}

/** Every file under a directory, by path relative to it, with its bytes. */
export function filesUnder(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (at: string): void => {
    for (const name of readdirSync(at)) {
      const full = path.join(at, name);
      if (statSync(full).isDirectory()) walk(full);
      else files.set(path.relative(dir, full), readFileSync(full));
    }
  };
  walk(dir);
  return files;
}
