// Sync as a reader turns it on, in two real Chromium profiles (two browsers) with the built
// extension, both syncing through a real WebDAV server (Apache mod_dav) started by the test:
// set up on A with a passphrase, a wrong passphrase on B refused with nothing written, B joins;
// a note made on A goes to the server by itself a few seconds later, and reaches B's library and
// B's open tab after "Sync now"; deleted on A, gone on B
// and never back; edited on both while the server is down, both texts survive (one as a conflict
// copy, settled from the library); locked after a browser restart until the passphrase is entered;
// and the server's files hold no note text, address or name.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchBrowser, type ExtensionBrowser } from '../../testing/harness/launch-browser';
import { openPage, waitForLede, type OpenedPage } from '../../testing/harness/lede-page';
import { markedChromeExtensionDir, seedDir } from '../../testing/harness/paths';
import { serveDirectory, type StaticServer } from '../../testing/harness/static-server';
import { paintedNoteTexts } from '../../testing/e2e/note-paint';
import { getPageNotes, selectText, sendToTab, waitForEditorFrame } from '../../testing/e2e/notes-page';
import { libraryNoteIds, libraryNoteText, openLibraryNotes } from '../../testing/e2e/library-page';
import { readSyncTables } from '../../testing/e2e/sync-tables';
import { filesUnder, launchSyncBrowsers, openSyncSettings, submitSetup, syncNow, tellBackground, textOf, type OptionsPage, type SyncBrowsers } from '../../testing/e2e/sync-settings';
import { startApache, type ApacheServer } from '../../testing/servers/apache';
import type { Annotation } from '../../lib/notes/annotation';

const PASSAGE = 'Kerry is a congenial, keep-communicating kind of guy';
const BODY = 'Lede-sync-e2e: made on A';
const PASSPHRASE = 'a long passphrase for two browsers';
const POLL = { timeout: 30_000, interval: 200 };

let dav: ApacheServer;
let pages: StaticServer;
let browsers: SyncBrowsers;
let a: ExtensionBrowser;
let b: ExtensionBrowser;
let settingsA: OptionsPage;
let settingsB: OptionsPage;
let tabB: OpenedPage;
let made: Annotation;

beforeAll(async () => {
  dav = await startApache();
  pages = await serveDirectory(seedDir);
  browsers = await launchSyncBrowsers(markedChromeExtensionDir);
  ({ a, b, settingsA, settingsB } = browsers);
}, 120_000);

afterAll(async () => {
  await browsers?.close();
  await pages?.close();
  await dav?.close();
});

const form = (passphrase: string, join: boolean) => ({ url: dav.url, user: dav.user, password: dav.password, passphrase, join });

describe('sync between two browsers through a WebDAV server', () => {
  it('sets up on A; a wrong passphrase on B is refused and writes nothing; B joins', async () => {
    expect(await textOf(settingsA.page, 'sync-warning')).toMatch(/A lost passphrase can’t be recovered: export your library first/);
    await submitSetup(settingsA.page, form(PASSPHRASE, false));
    await expect.poll(() => textOf(settingsA.page, 'sync-state'), POLL).toMatch(/^Last synced just now/);
    expect(await textOf(settingsA.page, 'sync-server')).toContain(dav.url);

    const before = filesUnder(dav.dataDir);
    await submitSetup(settingsB.page, form('not the passphrase', true));
    await expect.poll(() => textOf(settingsB.page, 'sync-result'), POLL).toBe('wrong passphrase');
    expect(filesUnder(dav.dataDir)).toEqual(before);
    expect(await readSyncTables(b)).toEqual({ outbox: [], meta: [] });
    expect(await settingsB.page.isVisible('[data-testid="sync-setup"]')).toBe(true);

    await submitSetup(settingsB.page, form(PASSPHRASE, true));
    await expect.poll(() => textOf(settingsB.page, 'sync-state'), POLL).toMatch(/^Last synced just now/);
    expect(settingsA.errors).toEqual([]);
    expect(settingsB.errors).toEqual([]);
  });

  it('brings a note made on A to B’s library and repaints it on B’s open tab after "Sync now"', async () => {
    tabB = await openPage(b, pages.url('page-restored.html'));
    expect(await waitForLede(b, tabB, 30_000)).toBe(true);
    expect(await paintedNoteTexts(tabB.page)).toEqual([]);

    const tabA = await openPage(a, pages.url('page-restored.html'));
    expect(await waitForLede(a, tabA, 30_000)).toBe(true);
    expect(await selectText(tabA.page, 'article', PASSAGE)).toBe(true);
    expect(await sendToTab(a, tabA.tabId, { type: 'startNote' })).toEqual({ ok: true });
    await waitForEditorFrame(tabA.page);
    await tabA.page.keyboard.type(BODY);
    await tabA.page.keyboard.press('Control+Enter');
    await expect.poll(() => paintedNoteTexts(tabA.page), POLL).toEqual([PASSAGE]);
    const answer = await getPageNotes(a, tabA.tabId);
    if ('harnessError' in answer) throw new Error(answer.harnessError);
    made = answer.notes[0]!.annotation as Annotation;
    // Without "Sync now": a round runs a few seconds after the change and empties the outbox.
    expect((await readSyncTables(a)).outbox.map((row) => row.key)).toContain(`note\u0000${made.id}`);
    await expect.poll(async () => (await readSyncTables(a)).outbox, POLL).toEqual([]);

    await settingsA.page.bringToFront();
    await syncNow(settingsA.page);
    await expect.poll(() => textOf(settingsA.page, 'sync-pending'), POLL).toBe('Every change here is on the server.');
    await settingsB.page.bringToFront();
    await syncNow(settingsB.page);
    await expect.poll(() => paintedNoteTexts(tabB.page), POLL).toEqual([PASSAGE]);
    const { ids, ...library } = await openLibraryNotes(b);
    expect(ids).toEqual([made.id]);
    expect(await libraryNoteText(library.page, made.id)).toContain(BODY);
    await library.page.close();
  });

  it('removes on B a note deleted on A, and nothing brings it back', async () => {
    await tellBackground(settingsA.page, { type: 'deleteAnnotation', id: made.id });
    await syncNow(settingsA.page);
    await syncNow(settingsB.page);
    await expect.poll(() => paintedNoteTexts(tabB.page), POLL).toEqual([]);
    // More rounds both ways: the old version B had never returns.
    await syncNow(settingsB.page);
    await syncNow(settingsA.page);
    await syncNow(settingsB.page);
    for (const browser of [a, b]) {
      const { ids, ...library } = await openLibraryNotes(browser);
      expect(ids).toEqual([]);
      await library.page.close();
    }
    expect(await paintedNoteTexts(tabB.page)).toEqual([]);
  });

  it('keeps both texts of a note edited on both while the server is down, one as a conflict copy', async () => {
    const shared: Annotation = { ...made, id: 'urn:uuid:5c5c5c5c-0000-4000-8000-000000000001', body: 'Lede-sync-e2e: shared' };
    await tellBackground(settingsA.page, { type: 'saveAnnotation', annotation: shared });
    await syncNow(settingsA.page);
    await syncNow(settingsB.page);
    await expect.poll(() => paintedNoteTexts(tabB.page), POLL).toEqual([PASSAGE]);

    await dav.kill();
    await tellBackground(settingsA.page, { type: 'updateAnnotation', id: shared.id, patch: { body: 'Lede-sync-e2e: edited on A offline' } });
    await tellBackground(settingsB.page, { type: 'updateAnnotation', id: shared.id, patch: { body: 'Lede-sync-e2e: edited on B offline' } });
    for (const settings of [settingsA, settingsB]) {
      await syncNow(settings.page);
      await expect.poll(() => textOf(settings.page, 'sync-error'), POLL).toBe("Sync failed: can't reach the server");
      expect(await textOf(settings.page, 'sync-pending')).toBe('1 change waiting to sync.');
    }

    await dav.restart();
    await syncNow(settingsA.page);
    await syncNow(settingsB.page);
    await syncNow(settingsA.page);
    for (const browser of [a, b]) {
      const { ids, ...library } = await openLibraryNotes(browser);
      expect(ids).toHaveLength(2);
      const texts = await Promise.all(ids.map((id) => libraryNoteText(library.page, id)));
      expect(texts.some((text) => text?.includes('edited on A offline'))).toBe(true);
      expect(texts.some((text) => text?.includes('edited on B offline'))).toBe(true);
      const copies = await library.page.$$eval('[data-testid="library-note"][data-conflict-of]', (items) => items.map((item) => item.getAttribute('data-conflict-of')));
      expect(copies).toEqual([shared.id]);
      expect(await textOf(library.page, 'conflict-copy')).toMatch(/^Conflict copy of “Lede-sync-e2e: edited on [AB] offline”/);
      await library.page.close();
    }
    expect(await textOf(settingsA.page, 'sync-pending')).toBe('Every change here is on the server.');
  });

  it('settles a conflict copy from B’s library, and A follows', async () => {
    const library = await openLibraryNotes(b);
    const copyText = (await textOf(library.page, 'conflict-copy')) && (await library.page.$eval('[data-testid="library-note"][data-conflict-of] .library-body', (el) => (el as HTMLElement).innerText));
    await library.page.click('[data-testid="conflict-keep-copy"]');
    await expect.poll(() => libraryNoteIds(library.page), POLL).toHaveLength(1);
    const [kept] = await libraryNoteIds(library.page);
    expect(await libraryNoteText(library.page, kept!)).toContain(copyText);
    await library.page.close();
    await syncNow(settingsB.page);
    await syncNow(settingsA.page);
    const onA = await openLibraryNotes(a);
    expect(onA.ids).toEqual([kept]);
    expect(await libraryNoteText(onA.page, kept!)).toContain(copyText);
    expect(await onA.page.$$('[data-testid="conflict-copy"]')).toHaveLength(0);
    await onA.page.close();
  });

  it('after a browser restart is locked until the passphrase is entered again', async () => {
    const profile = mkdtempSync(path.join(os.tmpdir(), 'lede-sync-profile-'));
    let c: ExtensionBrowser | null = null;
    try {
      c = await launchBrowser({ extensionDir: browsers.extensionDir, userDataDir: profile });
      let settings = await openSyncSettings(c);
      await submitSetup(settings.page, form(PASSPHRASE, true));
      await expect.poll(() => textOf(settings.page, 'sync-state'), POLL).toMatch(/^Last synced just now/);
      expect((await openLibraryNotes(c)).ids).toHaveLength(1);
      await c.close();

      c = await launchBrowser({ extensionDir: browsers.extensionDir, userDataDir: profile });
      settings = await openSyncSettings(c);
      await expect.poll(() => textOf(settings.page, 'sync-state'), POLL).toMatch(/^Locked: enter your passphrase/);
      expect(await settings.page.isVisible('[data-testid="sync-now"]')).toBe(false);
      await settings.page.fill('[data-testid="sync-unlock-passphrase"]', 'not the passphrase');
      await settings.page.click('[data-testid="sync-unlock"]');
      await expect.poll(() => textOf(settings.page, 'sync-result'), POLL).toBe('wrong passphrase');
      await settings.page.fill('[data-testid="sync-unlock-passphrase"]', PASSPHRASE);
      await settings.page.click('[data-testid="sync-unlock"]');
      await expect.poll(() => textOf(settings.page, 'sync-state'), POLL).toMatch(/^Last synced just now/);
      expect(settings.errors).toEqual([]);
    } finally {
      await c?.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });

  it('leaves no note text, page address or name in the server’s files', () => {
    const files = filesUnder(dav.dataDir);
    expect([...files.keys()].some((name) => name.endsWith('lede-keyinfo.json'))).toBe(true);
    expect(files.size).toBeGreaterThan(2);
    const secrets = [PASSAGE, 'Lede-sync-e2e', 'edited on', 'page-restored', new URL(pages.url('page-restored.html')).host, 'Kerry', 'congenial', PASSPHRASE];
    for (const [name, bytes] of files) {
      const text = bytes.toString('latin1');
      for (const secret of secrets) expect(text.includes(secret), `${secret} in ${name}`).toBe(false);
      expect(name).not.toMatch(/Kerry|page-restored|urn:uuid/);
    }
  });
});
