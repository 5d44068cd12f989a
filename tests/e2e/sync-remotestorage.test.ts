// Sync through a remoteStorage server, as a reader turns it on, in two real Chromium profiles (two
// browsers) with the built extension and a real armadietto started by the test on 127.0.0.1. On A:
// the user address in Settings, Connect; the server's sign-in page opens in a tab, where the test
// fills in armadietto's own form and allows Lede; the server sends the tab back to Lede's
// oauth.html, the token reaches the settings and the tab closes; then the passphrase. B joins the
// same way (after a Deny and a closed sign-in tab, each told in words). A note made on A reaches B after "Sync now"; deleted on A, it is gone on B; and the
// server's storage directory holds no note text, page address or name.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from '../../testing/harness/launch-browser';
import { markedChromeExtensionDir } from '../../testing/harness/paths';
import { libraryNoteText, openLibraryNotes } from '../../testing/e2e/library-page';
import { filesUnder, launchSyncBrowsers, syncNow, tellBackground, textOf, type OptionsPage, type SyncBrowsers } from '../../testing/e2e/sync-settings';
import { signUp, startArmadietto, type ArmadiettoServer } from '../../testing/servers/armadietto';
import { ANNOTATION_SCHEMA_VERSION, type Annotation } from '../../lib/notes/annotation';

const PAGE_URL = 'https://news.example/2026/12/rs-article';
const PASSAGE = 'Kerry is a congenial, keep-communicating kind of guy';
const BODY = 'Lede-rs-e2e: made on A';
const ENTITY = 'Kerry';
const PASSPHRASE = 'a long passphrase for remote storage';
const PASSWORD = 'armadietto password';
const POLL = { timeout: 30_000, interval: 200 };

let server: ArmadiettoServer;
let address: string;
let browsers: SyncBrowsers;
let a: ExtensionBrowser;
let b: ExtensionBrowser;
let settingsA: OptionsPage;
let settingsB: OptionsPage;

beforeAll(async () => {
  server = await startArmadietto();
  address = await signUp(server, 'ada', PASSWORD);
  // Both the address's host and the storage are on 127.0.0.1.
  browsers = await launchSyncBrowsers(markedChromeExtensionDir);
  ({ a, b, settingsA, settingsB } = browsers);
}, 120_000);

afterAll(async () => {
  await browsers?.close();
  await server?.close();
});

/** Connect with the user address: the server's sign-in page opens in a new tab, which is returned. */
async function openSignIn(browser: ExtensionBrowser, settings: OptionsPage): Promise<Page> {
  const page = settings.page;
  await page.click('[data-testid="sync-kind-remotestorage"]');
  await page.fill('[data-testid="sync-address"]', address);
  const opened = browser.context.waitForEvent('page', { timeout: 30_000 });
  await page.click('[data-testid="sync-connect"]');
  const signIn = await opened;
  await signIn.waitForLoadState('domcontentloaded');
  expect(new URL(signIn.url()).origin).toBe(server.origin);
  // armadietto's authorisation page: for whom, and for what.
  expect(await signIn.textContent('.oauth-form')).toMatch(/wants to access these resources for user\s+ada/);
  expect(await signIn.textContent('.oauth-form')).toMatch(/Read\/write\s+access to\s+\/lede/);
  return signIn;
}

/** Presses one of the sign-in page's buttons; the tab closes by itself. Returns the last URL it was at. */
async function answer(signIn: Page, button: 'allow' | 'deny'): Promise<string> {
  const closed = signIn.waitForEvent('close', { timeout: 30_000 });
  const lastUrl = new Promise<string>((resolve) => signIn.on('framenavigated', (frame) => frame === signIn.mainFrame() && resolve(frame.url())));
  await signIn.click(`button[name="${button}"]`);
  await closed;
  return lastUrl;
}

/** Connect, sign in with the password and allow Lede. Returns where the server sent the tab. */
async function connect(browser: ExtensionBrowser, settings: OptionsPage): Promise<string> {
  const signIn = await openSignIn(browser, settings);
  await signIn.fill('input[name="password"]', PASSWORD);
  const back = await answer(signIn, 'allow');
  await expect.poll(() => textOf(settings.page, 'sync-result'), POLL).toMatch(/^Connected to http:\/\/127\.0\.0\.1:\d+\/storage\/ada\. Now choose the passphrase\./);
  return back;
}

async function start(page: Page, join: boolean): Promise<void> {
  await page.click(join ? '[data-testid="sync-mode-join"]' : '[data-testid="sync-mode-new"]');
  await page.fill('[data-testid="sync-passphrase"]', PASSPHRASE);
  if (!join) await page.fill('[data-testid="sync-passphrase-again"]', PASSPHRASE);
  await page.click('[data-testid="sync-start"]');
  await expect.poll(() => textOf(page, 'sync-state'), POLL).toMatch(/^Last synced just now/);
}

async function libraryIds(browser: ExtensionBrowser): Promise<{ ids: string[]; texts: (string | null)[] }> {
  const { page, ids } = await openLibraryNotes(browser);
  const texts = await Promise.all(ids.map((id) => libraryNoteText(page, id)));
  await page.close();
  return { ids, texts };
}

const note: Annotation = {
  id: 'urn:uuid:7e7e7e7e-0000-4000-8000-000000000001',
  type: 'Annotation',
  schemaVersion: ANNOTATION_SCHEMA_VERSION,
  motivation: 'commenting',
  created: '2026-12-07T10:00:00.000Z',
  modified: '2026-12-07T10:00:00.000Z',
  target: {
    source: PAGE_URL,
    selector: [
      { type: 'TextQuoteSelector', exact: PASSAGE, prefix: 'Senator ', suffix: '.' },
      { type: 'TextPositionSelector', start: 120, end: 120 + PASSAGE.length },
    ],
  },
  body: BODY,
  tags: [ENTITY],
  color: 'yellow',
  page: { title: `${ENTITY} keeps talking`, site: 'news.example' },
};

describe('sync between two browsers through a remoteStorage server (armadietto)', () => {
  it('connects A through the server’s sign-in page in a tab, and starts syncing', async () => {
    const back = await connect(a, settingsA);
    // The server sent the tab to Lede's own page, which took the token out of the address.
    expect(back).toMatch(/^chrome-extension:\/\/[^/]+\/oauth\.html#/);
    await start(settingsA.page, false);
    expect(await textOf(settingsA.page, 'sync-server')).toContain(address);
    expect(settingsA.errors).toEqual([]);
  });

  it('on B, says so when the reader denies Lede on the server’s page, or closes it; then connects and joins', async () => {
    await answer(await openSignIn(b, settingsB), 'deny');
    await expect.poll(() => textOf(settingsB.page, 'sync-result'), POLL).toBe('The sign-in didn’t give access: access_denied: The user did not grant permission');
    const signIn = await openSignIn(b, settingsB);
    await signIn.close();
    await expect.poll(() => textOf(settingsB.page, 'sync-result'), POLL).toBe('the sign-in tab was closed before the server gave access');
    expect(filesUnder(server.dataDir).size).toBeGreaterThan(0);

    await connect(b, settingsB);
    await start(settingsB.page, true);
    expect(settingsB.errors).toEqual([]);
  });

  it('brings a note made on A to B after "Sync now"', async () => {
    expect(await tellBackground(settingsA.page, { type: 'saveAnnotation', annotation: note })).toMatchObject({ annotation: { id: note.id } });
    await syncNow(settingsA.page);
    await expect.poll(() => textOf(settingsA.page, 'sync-pending'), POLL).toBe('Every change here is on the server.');
    await syncNow(settingsB.page);
    const onB = await libraryIds(b);
    expect(onB.ids).toEqual([note.id]);
    expect(onB.texts[0]).toContain(BODY);
  });

  it('removes on B a note deleted on A', async () => {
    await tellBackground(settingsA.page, { type: 'deleteAnnotation', id: note.id });
    await syncNow(settingsA.page);
    await syncNow(settingsB.page);
    expect((await libraryIds(b)).ids).toEqual([]);
    await syncNow(settingsA.page);
    expect((await libraryIds(a)).ids).toEqual([]);
  });

  it('leaves no note text, page address or name in the server’s storage directory', () => {
    const files = filesUnder(server.dataDir);
    const names = [...files.keys()];
    expect(names.some((name) => name.includes('lede-keyinfo.json'))).toBe(true);
    expect(names.filter((name) => name.includes('/lede/') || name.includes('lede')).length).toBeGreaterThan(1);
    const secrets = [PASSAGE, BODY, 'Lede-rs-e2e', PAGE_URL, 'news.example', 'rs-article', ENTITY, 'congenial', PASSPHRASE, note.id];
    for (const [name, bytes] of files) {
      const text = bytes.toString('latin1');
      for (const secret of secrets) expect(text.includes(secret), `${secret} in ${name}`).toBe(false);
      expect(name).not.toMatch(/Kerry|rs-article|urn:uuid/);
    }
  });
});
