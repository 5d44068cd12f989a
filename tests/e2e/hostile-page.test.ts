// A hostile page against Lede's isolation, in real Chromium. The seed article is served with a
// script at the very top of <head> (it runs before Lede's content script) that spies on
// Array.prototype, JSON, String.prototype, Node/Element.prototype (appendChild, append,
// insertBefore, attachShadow, setAttribute), EventTarget.addEventListener, postMessage and the
// highlight registry, recording every string they see. A note saved earlier (from an extension
// page, through the background) is painted on the page. The page then floods postMessage with
// Lede-shaped messages, tries the extension's runtime and files, fakes selections, pointer and key
// events (Alt+Shift+N, Tab, Enter, Ctrl+Enter), and walks everything it can read. It must find
// nothing of the note, change nothing in the database, and Lede must keep working.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type ExtensionBrowser } from '../../testing/harness/launch-browser';
import { getAnalysis, openPage, readHighlights, waitForLede, type OpenedPage } from '../../testing/harness/lede-page';
import { seedDir } from '../../testing/harness/paths';
import { serveDirectory, type StaticServer } from '../../testing/harness/static-server';
import { paintedNoteTexts } from '../../testing/e2e/note-paint';
import { extensionFrames, getPageNotes, pageCanRead, sendToTab } from '../../testing/e2e/notes-page';
import { evaluateInShadow } from '../../testing/e2e/closed-shadow';
import { readTables } from '../../testing/e2e/lede-idb';
import { waitUntil } from '../../testing/harness/wait';

const PASSAGE = 'Kerry is a congenial, keep-communicating kind of guy';
/** Words that appear nowhere on the seed page: finding them anywhere the page can read is a leak. */
const SECRET_BODY = 'Zq-hostile-secret: my private doubts about Sestanovich';
const SECRET_TAGS = ['zq-private-tag', 'zq-second-tag'];
const NOTE_ID = 'urn:uuid:7e57aaaa-bbbb-4ccc-8ddd-0123456789ab';
const POLL = { timeout: 15_000, interval: 100 };

/** The hostile page's script: spies first, attacks and searches later (window.__hostile). */
const HOSTILE_SCRIPT = String.raw`
(() => {
  // Distinct strings seen, up to about 40 MB of text: enough to hold everything Lede could leak.
  const seenSet = new Set();
  let seenChars = 0;
  let recording = false;
  const keep = (text) => {
    if (seenChars > 20000000 || seenSet.has(text)) return;
    seenSet.add(text);
    seenChars += text.length;
  };
  const record = (where, args) => {
    if (window.__hostile && window.__hostile.paused) return;
    for (const arg of args) {
      try {
        if (typeof arg === 'string') keep(where + ':' + arg);
        // Nodes cheaply: a text node's words, an element's attributes (never a whole subtree).
        else if (arg && arg.nodeType === 3) keep(where + ':#text:' + arg.data);
        else if (arg && arg.nodeType === 1) keep(where + ':<' + arg.localName + '>' + [...arg.attributes].map((a) => a.name + '=' + a.value).join(' '));
      } catch (e) {}
    }
  };
  const spy = (owner, name, where) => {
    const original = owner[name];
    if (typeof original !== 'function') return;
    Object.defineProperty(owner, name, {
      configurable: true, writable: true,
      value: function (...args) {
        // The spy's own work calls spied methods too: record only the outermost call.
        if (!recording) {
          recording = true;
          try {
            record(where + '.' + name, args);
            record(where + '.' + name + '.this', [typeof this === 'object' && this !== null && !('nodeType' in this) ? String(this) : this]);
          } finally {
            recording = false;
          }
        }
        return original.apply(this, args);
      },
    });
  };
  for (const name of ['push', 'map', 'filter', 'forEach', 'join', 'includes', 'indexOf', 'slice', 'concat', 'some', 'find', 'sort', 'splice']) spy(Array.prototype, name, 'Array');
  for (const name of ['includes', 'indexOf', 'slice', 'replace', 'split', 'trim', 'toLowerCase', 'normalize']) spy(String.prototype, name, 'String');
  spy(JSON, 'parse', 'JSON'); spy(JSON, 'stringify', 'JSON');
  for (const name of ['appendChild', 'insertBefore', 'replaceChild', 'removeChild']) spy(Node.prototype, name, 'Node');
  for (const name of ['append', 'prepend', 'setAttribute', 'insertAdjacentHTML', 'insertAdjacentElement']) spy(Element.prototype, name, 'Element');
  spy(EventTarget.prototype, 'dispatchEvent', 'EventTarget');
  spy(window, 'postMessage', 'window');
  spy(Storage.prototype, 'setItem', 'Storage');
  // Shadow roots: keep every one the page can get hold of, closed or not.
  const roots = [];
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) { const root = attachShadow.call(this, init); roots.push({ host: this.localName, mode: init && init.mode, root }); return root; };
  // Listeners: log every event the page hears, with what it can read from it.
  const heard = [];
  for (const type of ['keydown', 'keyup', 'input', 'beforeinput', 'message', 'selectionchange', 'copy', 'focusin']) {
    window.addEventListener(type, (event) => {
      if (window.__hostile && window.__hostile.paused) return;
      try { heard.push(type + ':' + (event.key ?? '') + ':' + (event.data ?? '') + ':' + (typeof event.data === 'object' ? JSON.stringify(event.data) : '')); } catch (e) {}
    }, true);
  }
  if (window.CSS && CSS.highlights) {
    for (const name of ['set', 'delete', 'clear']) spy(CSS.highlights, name, 'highlights');
  }
  window.__hostile = { seen: seenSet, roots, heard, paused: false };
})();
`;

let browser: ExtensionBrowser;
let server: StaticServer;
let servedDir: string;
let opened: OpenedPage;
let source = '';
let storedBefore: unknown[] = [];

/** Every note as stored, read from the service worker with plain IndexedDB. */
async function storedNotes(): Promise<unknown[]> {
  return (await readTables<{ annotations: unknown[] }>(await browser.serviceWorker(), ['annotations'])).annotations;
}

/** Saves a note as the popup or the library would: from an extension page, through the background. */
async function saveNoteFromExtensionPage(annotation: unknown): Promise<unknown> {
  const page = await browser.context.newPage();
  try {
    await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
    return await page.evaluate(async (message) => {
      const { chrome } = globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } };
      return chrome.runtime.sendMessage(message);
    }, { type: 'saveAnnotation', annotation });
  } finally {
    await page.close();
  }
}

/** Lede's own failures: page errors whose stack is the extension's, and Lede's warnings. */
/** Lede's own failures: the browser refusing the page's probes of Lede's files is the page's doing. */
function ledeErrors(): string[] {
  return opened.errors.filter(
    (error) => (error.includes('chrome-extension://') && !error.startsWith('console: Denying load of chrome-extension://')) || error.startsWith('console warning: Lede'),
  );
}

beforeAll(async () => {
  servedDir = mkdtempSync(path.join(os.tmpdir(), 'lede-hostile-'));
  const seed = readFileSync(path.join(seedDir, 'page-restored.html'), 'utf8');
  if (!seed.includes('<head>')) throw new Error('the seed page changed: no <head>');
  writeFileSync(path.join(servedDir, 'hostile.html'), seed.replace('<head>', `<head>\n<script>${HOSTILE_SCRIPT}</script>`));
  server = await serveDirectory(servedDir);
  browser = await launchBrowser();

  // A first visit finds the page's note address and the passage's place in the article text.
  opened = await openPage(browser, server.url('hostile.html'));
  expect(await waitForLede(browser, opened, 30_000), 'Lede never painted the hostile page').toBe(true);
  const notes = (await getPageNotes(browser, opened.tabId)) as { source: string };
  source = notes.source;
  const report = (await getAnalysis(browser, opened.tabId)) as { text: string };
  const start = report.text.indexOf(PASSAGE);
  expect(start).toBeGreaterThan(0);
  const now = new Date().toISOString();
  const saved = await saveNoteFromExtensionPage({
    id: NOTE_ID,
    type: 'Annotation',
    schemaVersion: 1,
    motivation: 'commenting',
    created: now,
    modified: now,
    target: {
      source,
      selector: [
        { type: 'TextQuoteSelector', exact: PASSAGE, prefix: report.text.slice(Math.max(0, start - 32), start), suffix: report.text.slice(start + PASSAGE.length, start + PASSAGE.length + 32) },
        { type: 'TextPositionSelector', start, end: start + PASSAGE.length },
      ],
    },
    body: SECRET_BODY,
    tags: SECRET_TAGS,
    color: 'green',
    page: { title: 'U.S. Seeks to Redraw Ties', site: '127.0.0.1' },
  });
  expect(saved).toMatchObject({ annotation: { id: NOTE_ID } });
  storedBefore = await storedNotes();

  // The visit under test: the hostile script is in place before Lede starts.
  await opened.page.reload({ waitUntil: 'load' });
  expect(await waitForLede(browser, opened, 30_000), 'Lede never painted after the reload').toBe(true);
  await waitUntil(() => paintedNoteTexts(opened.page), (texts) => texts.length > 0, { timeoutMs: POLL.timeout, intervalMs: POLL.interval });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (servedDir) rmSync(servedDir, { recursive: true, force: true });
});

/** Whether Lede's selection toolbar is placed beside a selection (read through DevTools: its root is closed). */
async function selectionToolbarShown(page: Page): Promise<boolean> {
  return (await evaluateInShadow(page, 'lede-notes', (root) => root.querySelector<HTMLElement>('.lede-notes-toolbar')?.style.visibility === '')) === true;
}

/**
 * The page's attacks, run in its own main world: messages, the extension's runtime and files, then
 * a fake reader selecting the noted passage; once Lede offers its toolbar for that selection (the
 * page's best chance), Lede's keys and clicks on its hosts.
 */
async function attack(page: Page, extensionId: string): Promise<{ runtime: string; files: string[] }> {
  const reached = await page.evaluate(
    async ({ extensionId, passage, source }) => {
      const lede = [
        { type: 'saveAnnotation', annotation: { id: 'urn:uuid:00000000-0000-4000-8000-000000000666', body: 'planted by the page' } },
        // The page cannot know the note's id (that is what it hunts for): it guesses.
        { type: 'deleteAnnotation', id: 'urn:uuid:00000000-0000-4000-8000-000000000001' },
        { type: 'listAnnotations', source },
        { type: 'getPageNotes' },
        { type: 'startNote' },
        { type: 'clearHistory' },
      ];
      // A postMessage flood, to the window and as a reply to any frame.
      for (let i = 0; i < 300; i++) {
        window.postMessage(lede[i % lede.length], '*');
        window.postMessage(JSON.stringify(lede[i % lede.length]), '*');
      }
      // The extension's messaging: without externally_connectable the page has no runtime at all.
      let runtime = 'absent';
      const chromeApi = (window as unknown as { chrome?: { runtime?: { sendMessage?: (...args: unknown[]) => unknown; connect?: (...args: unknown[]) => unknown } } }).chrome;
      if (chromeApi?.runtime?.sendMessage) {
        runtime = 'present';
        for (const message of lede) {
          try {
            // Chrome answers every call, with runtime.lastError when no one is listening.
            await new Promise((resolve) => chromeApi.runtime!.sendMessage!(extensionId, message, resolve));
            runtime = 'answered?';
          } catch {
            runtime = 'refused';
          }
        }
      }
      // The extension's files: none is web-accessible under the extension's id (the note editor
      // frame is served only under a per-session id that the page never sees).
      const files: string[] = [];
      for (const file of ['manifest.json', 'background.js', 'popup.html', 'library.html', 'note-editor.html']) {
        try {
          const response = await fetch(`chrome-extension://${extensionId}/${file}`);
          if (response.ok) files.push(file);
        } catch {
          // Refused: what we want.
        }
      }
      // Fake a reader: select the noted passage, release the pointer, press Lede's keys.
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = (node as Text).data.indexOf(passage);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + passage.length);
        getSelection()!.removeAllRanges();
        getSelection()!.addRange(range);
        const box = range.getBoundingClientRect();
        const point = { bubbles: true, composed: true, clientX: box.left + 5, clientY: box.top + 5 };
        node.parentElement!.dispatchEvent(new PointerEvent('pointerdown', point));
        node.parentElement!.dispatchEvent(new MouseEvent('mousedown', point));
        node.parentElement!.dispatchEvent(new PointerEvent('pointerup', point));
        node.parentElement!.dispatchEvent(new MouseEvent('mouseup', point));
        node.parentElement!.dispatchEvent(new MouseEvent('mousemove', point));
        document.dispatchEvent(new Event('selectionchange'));
        break;
      }
      return { runtime, files };
    },
    { extensionId, passage: PASSAGE, source },
  );
  // The selection itself is real (only the events around it are fake): Lede settles it and offers
  // its toolbar.
  await expect.poll(() => selectionToolbarShown(page), POLL).toBe(true);
  await page.evaluate(() => {
    const keys: KeyboardEventInit[] = [
      { key: 'N', code: 'KeyN', altKey: true, shiftKey: true },
      { key: 'Tab', code: 'Tab' },
      { key: 'Enter', code: 'Enter' },
      { key: 'Enter', code: 'Enter', ctrlKey: true },
      { key: 'J', code: 'KeyJ', altKey: true, shiftKey: true },
      { key: 'Delete', code: 'Delete' },
      { key: 'Escape', code: 'Escape' },
    ];
    for (const init of keys) {
      for (const target of [document.activeElement ?? document.body, document.body, ...document.querySelectorAll('lede-notes, lede-hovercard, lede-legend')]) {
        target.dispatchEvent(new KeyboardEvent('keydown', { ...init, bubbles: true, composed: true }));
        target.dispatchEvent(new KeyboardEvent('keyup', { ...init, bubbles: true, composed: true }));
      }
    }
    // Clicks on Lede's hosts land on the host, never inside a closed root.
    for (const host of document.querySelectorAll<HTMLElement>('lede-notes, lede-hovercard')) host.click();
  });
  return reached;
}

/** Everything the page's own script recorded or can reach that holds `needle`. */
function hostileFound(page: Page, needle: string): Promise<string[]> {
  return page.evaluate((needle) => {
    const hostile = (window as unknown as { __hostile: { seen: Set<string>; roots: { host: string; mode: string; root: ShadowRoot }[]; heard: string[]; paused: boolean } }).__hostile;
    // The search itself need not be spied on.
    hostile.paused = true;
    const found: string[] = [];
    for (const entry of hostile.seen) if (entry.includes(needle)) found.push(`spied ${entry.slice(0, 80)}`);
    for (const entry of hostile.heard) if (entry.includes(needle)) found.push(`heard ${entry.slice(0, 80)}`);
    for (const { host, root } of hostile.roots) if (root.innerHTML.includes(needle)) found.push(`captured shadow root of <${host}>`);
    // Open shadow roots, all the way down.
    const walk = (node: ParentNode, where: string): void => {
      for (const element of node.querySelectorAll('*')) {
        if (element.shadowRoot) {
          if (element.shadowRoot.innerHTML.includes(needle)) found.push(`${where} open shadow root of <${element.localName}>`);
          walk(element.shadowRoot, `${where}>${element.localName}`);
        }
      }
    };
    walk(document, 'document');
    CSS.highlights.forEach((highlight, name) => {
      if (name.includes(needle)) found.push(`highlight name ${name}`);
      for (const key of Object.getOwnPropertyNames(highlight)) if (String((highlight as unknown as Record<string, unknown>)[key]).includes(needle)) found.push(`highlight ${name}.${key}`);
    });
    for (const entry of performance.getEntries()) if (entry.name.includes(needle) || JSON.stringify(entry.toJSON()).includes(needle)) found.push(`performance entry ${entry.name}`);
    if (document.title.includes(needle)) found.push('document.title');
    if (JSON.stringify(history.state ?? null).includes(needle)) found.push('history.state');
    if (location.href.includes(needle)) found.push('location');
    for (const key of Object.keys(window)) {
      try {
        const value = (window as unknown as Record<string, unknown>)[key];
        if (typeof value === 'string' && value.includes(needle)) found.push(`window.${key}`);
      } catch {
        // Cross-origin or throwing getters: nothing to read.
      }
    }
    return found;
  }, needle);
}

describe('a hostile page', () => {
  it('saw Lede start under its spies: the highlights and the saved note are painted', async () => {
    const highlights = await readHighlights(opened.page);
    expect(highlights['lede-person'].length).toBeGreaterThan(10);
    expect(highlights['lede-quote'].length).toBeGreaterThan(5);
    expect(await paintedNoteTexts(opened.page)).toEqual([PASSAGE]);
    // Lede's shadow roots were made in its own world: the page's attachShadow never saw them.
    const captured = await opened.page.evaluate(() => (window as unknown as { __hostile: { roots: { host: string }[] } }).__hostile.roots.map((r) => r.host));
    expect(captured.filter((host) => host.startsWith('lede-'))).toEqual([]);
  });

  it('cannot reach the extension: no runtime, no files, and its messages change nothing', async () => {
    const { runtime, files } = await attack(opened.page, browser.extensionId);
    expect(runtime).toBe('absent');
    expect(files).toEqual([]);
    // Lede handled the fake keys and clicks as they were dispatched; the content script answers
    // this after them: no editor was opened for the selection, the fake Tab took no focus into the
    // toolbar and the fake Escape did not put it away.
    expect(await getPageNotes(browser, opened.tabId)).toMatchObject({ notes: [{ annotation: { id: NOTE_ID } }] });
    expect(extensionFrames(opened.page)).toEqual([]);
    expect(await evaluateInShadow(opened.page, 'lede-notes', (root) => root.querySelector('iframe') === null)).toBe(true);
    expect(await opened.page.evaluate(() => document.activeElement?.localName)).not.toBe('lede-notes');
    expect(await selectionToolbarShown(opened.page)).toBe(true);
    expect(await storedNotes()).toEqual(storedBefore);
  });

  it('finds nothing of the note: not its body, its tags or its id, anywhere it can read or spy on', async () => {
    // From here on the test hands the words to the page to search for: stop the spies first, or
    // they would record the test's own arguments.
    await opened.page.evaluate(() => {
      (window as unknown as { __hostile: { paused: boolean } }).__hostile.paused = true;
    });
    // The search works: the spies heard plenty, and the page's own words are found where they are.
    const spied = await opened.page.evaluate(() => {
      const hostile = (window as unknown as { __hostile: { seen: Set<string>; heard: string[] } }).__hostile;
      return { seen: hostile.seen.size, heardKeys: hostile.heard.filter((entry) => entry.startsWith('keydown:')).length };
    });
    expect(spied.seen).toBeGreaterThan(100);
    expect(spied.heardKeys).toBeGreaterThan(5);
    expect(await hostileFound(opened.page, 'Sestanovich')).not.toEqual([]);
    expect(await pageCanRead(opened.page, PASSAGE)).toContain('DOM');
    for (const needle of [SECRET_BODY, 'private doubts', ...SECRET_TAGS, NOTE_ID, NOTE_ID.slice(9)]) {
      expect(await hostileFound(opened.page, needle), needle).toEqual([]);
      expect(await pageCanRead(opened.page, needle), needle).toEqual([]);
    }
  });

  it('sees only Lede’s fixed entity highlight names, and nothing of the note in the registry', async () => {
    const names = await opened.page.evaluate(() => [...CSS.highlights.keys()]);
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(name).toMatch(/^lede-(person|place|organization|quote|reported)$/);
    // The note is painted in Lede's closed layer: no range in the registry is the noted passage.
    const onPassage = await opened.page.evaluate((passage) => {
      let found = 0;
      CSS.highlights.forEach((highlight) => highlight.forEach((range) => void (range.toString() === passage && found++)));
      return found;
    }, PASSAGE);
    expect(onPassage).toBe(0);
  });

  it('leaves Lede working: the note listed and anchored, no Lede errors, the closed roots still closed', async () => {
    const answer = (await getPageNotes(browser, opened.tabId)) as { notes: { annotation: { id: string; body: string }; anchor: { status: string } }[] };
    expect(answer.notes.map((n) => [n.annotation.id, n.annotation.body, n.anchor.status])).toEqual([[NOTE_ID, SECRET_BODY, 'anchored']]);
    expect(await sendToTab(browser, opened.tabId, { type: 'notesChanged' })).toEqual({ ok: true });
    await expect.poll(() => paintedNoteTexts(opened.page), POLL).toEqual([PASSAGE]);
    expect(await storedNotes()).toEqual(storedBefore);
    const shadows = await opened.page.evaluate(() =>
      ['lede-notes', 'lede-hovercard', 'lede-note-layer'].map((name) => {
        const host = document.querySelector(name);
        return host ? `${name}:${host.shadowRoot === null ? 'closed' : 'open'}` : `${name}:absent`;
      }),
    );
    for (const state of shadows) expect(state).not.toMatch(/:open$/);
    expect(ledeErrors()).toEqual([]);
  });
});
