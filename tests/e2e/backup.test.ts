// Automatic backup in real Chromium, through the real background: the settings page shows the
// section off by default with "Last exported: never."; exporting every note as JSON-LD from the
// library records a backup, which the settings page then shows; and the optional `downloads`
// permission is not held until the reader turns backups on. Granting it needs a click on the
// browser's prompt, which automation cannot give, so the second part loads a copy of the build
// whose manifest grants `downloads` already (as if the reader had accepted): turning backups on
// schedules the hourly check, and "Back up now" writes the complete JSON-LD file (a large one:
// 2,000 notes, several MB) to the downloads folder through the service worker.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type ExtensionBrowser } from '../../testing/harness/launch-browser';
import { watchErrors } from '../../testing/harness/lede-page';
import { chromeExtensionDir } from '../../testing/harness/paths';
import { downloadFrom, importFile, openLibrary } from '../../testing/e2e/library-page';

let browser: ExtensionBrowser;

const NOTE = {
  '@context': ['http://www.w3.org/ns/anno.jsonld', { lede: 'https://lede.invalid/ns#' }],
  type: 'AnnotationCollection',
  total: 1,
  first: {
    type: 'AnnotationPage',
    startIndex: 0,
    items: [
      {
        id: 'urn:uuid:bac0bac0-0000-4000-8000-000000000001',
        type: 'Annotation',
        motivation: 'commenting',
        created: '2026-11-20T09:14:03.000Z',
        modified: '2026-11-20T09:15:40.000Z',
        target: {
          source: 'https://news.example/story',
          selector: [
            { type: 'TextQuoteSelector', exact: 'the talks collapsed', prefix: 'On Friday ', suffix: ' in Geneva' },
            { type: 'TextPositionSelector', start: 10, end: 29 },
          ],
        },
        body: [{ type: 'TextualBody', purpose: 'commenting', format: 'text/markdown', value: 'Worth a backup' }],
        'lede:color': 'blue',
        'lede:page': { title: 'Talks collapse', site: 'news.example' },
        'lede:schemaVersion': 1,
      },
    ],
  },
};

async function openSettings(): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.context.newPage();
  const errors = watchErrors(page);
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await page.waitForSelector('[data-testid="backup-last"]', { timeout: 15_000 });
  return { page, errors };
}

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('automatic backup', () => {
  it('is off by default, has never exported, and holds no downloads permission', async () => {
    const { page, errors } = await openSettings();
    expect(await page.isChecked('[data-testid="backup-off"]')).toBe(true);
    expect(await page.textContent('[data-testid="backup-last"]')).toBe('Last exported: never.');
    const worker = await browser.serviceWorker();
    const held = await worker.evaluate(async () => {
      const { chrome } = globalThis as unknown as { chrome: { permissions: { contains(p: { permissions: string[] }): Promise<boolean> }; alarms: { getAll(): Promise<unknown[]> } } };
      return { downloads: await chrome.permissions.contains({ permissions: ['downloads'] }), alarms: await chrome.alarms.getAll() };
    });
    expect(held).toEqual({ downloads: false, alarms: [] });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a JSON-LD export of every note from the library shows as the last backup', async () => {
    const library = await openLibrary(browser);
    await importFile(library.page, 'one-note.jsonld', JSON.stringify(NOTE));
    await library.page.waitForSelector('[data-testid="library-note"]', { timeout: 15_000 });
    const file = await downloadFrom(library.page, 'export-jsonld');
    expect(file.name).toMatch(/\.jsonld$/);
    expect(library.errors).toEqual([]);

    const { page, errors } = await openSettings();
    await expect
      .poll(() => page.textContent('[data-testid="backup-last"]'), { timeout: 10_000 })
      .toMatch(/^Last exported: .+ \(export from the library\)\.$/);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('with the downloads permission granted', () => {
  let granted: ExtensionBrowser;
  let copyDir: string;

  beforeAll(async () => {
    copyDir = mkdtempSync(path.join(os.tmpdir(), 'lede-backup-ext-'));
    cpSync(chromeExtensionDir, copyDir, { recursive: true });
    const manifestPath = path.join(copyDir, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { permissions: string[]; optional_permissions?: string[] };
    manifest.permissions.push('downloads');
    delete manifest.optional_permissions;
    writeFileSync(manifestPath, JSON.stringify(manifest));
    granted = await launchBrowser({ extensionDir: copyDir });
  });

  afterAll(async () => {
    await granted?.close();
    if (copyDir) rmSync(copyDir, { recursive: true, force: true });
  });

  it('turning backups on schedules the check, and "Back up now" saves every note as JSON-LD', async () => {
    // 2,000 notes with long bodies: a file of several MB.
    const items = Array.from({ length: 2000 }, (_, i) => ({
      ...NOTE.first.items[0]!,
      id: `urn:uuid:bac0bac0-0000-4000-8000-${String(i + 10).padStart(12, '0')}`,
      target: { ...NOTE.first.items[0]!.target, source: `https://news.example/story-${i}` },
      body: [{ type: 'TextualBody', purpose: 'commenting', format: 'text/markdown', value: `Note ${i}: ${'Zürich “talks” 😀 '.repeat(120)}` }],
    }));
    const library = await openLibrary(granted);
    await importFile(library.page, 'many.jsonld', JSON.stringify({ ...NOTE, total: items.length, first: { ...NOTE.first, items } }));
    await library.page.waitForFunction(() => document.querySelector('[data-testid="import-summary"]')?.textContent?.includes('Added 2000'), undefined, { timeout: 60_000 });
    await library.page.close();

    const page = await granted.context.newPage();
    const errors = watchErrors(page);
    await page.goto(`chrome-extension://${granted.extensionId}/options.html`);
    await page.waitForSelector('[data-testid="backup-last"]', { timeout: 15_000 });
    await page.click('[data-testid="backup-weekly"]');
    await expect.poll(() => page.isChecked('[data-testid="backup-weekly"]'), { timeout: 10_000 }).toBe(true);
    const worker = await granted.serviceWorker();
    type ChromeApi = {
      alarms: { getAll(): Promise<{ name: string; periodInMinutes?: number }[]> };
      downloads: { search(q: object): Promise<{ filename: string; state: string; bytesReceived: number; error?: string }[]> };
    };
    const alarms = await worker.evaluate(async () => (globalThis as unknown as { chrome: ChromeApi }).chrome.alarms.getAll());
    expect(alarms.map((a) => [a.name, a.periodInMinutes])).toEqual([['lede-backup', 60]]);

    await page.click('[data-testid="backup-now"]');
    await expect.poll(() => page.textContent('[data-testid="backup-result"]'), { timeout: 30_000 }).toMatch(/^Backed up at /);
    expect(await page.textContent('[data-testid="backup-last"]')).toMatch(/\(“Back up now”\)\./);
    const downloads = await worker.evaluate(async () => (globalThis as unknown as { chrome: ChromeApi }).chrome.downloads.search({}));
    await expect
      .poll(async () => (await worker.evaluate(async () => (globalThis as unknown as { chrome: ChromeApi }).chrome.downloads.search({}))).map((d) => d.state), { timeout: 30_000 })
      .toEqual(['complete']);
    const [saved] = await worker.evaluate(async () => (globalThis as unknown as { chrome: ChromeApi }).chrome.downloads.search({}));
    expect(downloads.length).toBe(1);
    expect(saved!.bytesReceived).toBeGreaterThan(3_000_000);
    // The file on disk is the complete backup, which Import reads back.
    const content = JSON.parse(readFileSync(saved!.filename, 'utf8')) as { total: number; first: { items: { id: string }[] } };
    expect(content.total).toBe(2000);
    expect(new Set(content.first.items.map((item) => item.id)).size).toBe(2000);
    expect(errors).toEqual([]);

    // Off again: the check is unscheduled.
    await page.click('[data-testid="backup-off"]');
    await expect.poll(() => worker.evaluate(async () => (globalThis as unknown as { chrome: ChromeApi }).chrome.alarms.getAll()), { timeout: 10_000 }).toEqual([]);
    await page.close();
  });
});
