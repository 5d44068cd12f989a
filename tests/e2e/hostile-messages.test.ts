// A compromised page process against the background, in real Chromium. Such a process can make
// Lede's content script send anything, so the test sends Lede's messages from the content script's
// own isolated world (found over CDP: the execution context whose origin is the extension's) on
// an attacker's page, and checks the background answers for the sending page only, refuses
// oversized messages without writing, and keeps answering Lede's own pages meanwhile.
// Pages are served by Playwright's router under real-looking hosts (github.io is a shared host on
// the public suffix list); the reader's notes are saved from an extension page.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type ExtensionBrowser } from '../../testing/harness/launch-browser';
import { getAnalysis, openPage, waitForLede, type OpenedPage } from '../../testing/harness/lede-page';
import { seedDir } from '../../testing/harness/paths';
import { paintedNoteTexts } from '../../testing/e2e/note-paint';
import { getPageNotes } from '../../testing/e2e/notes-page';
import { readTables } from '../../testing/e2e/lede-idb';
import { waitFor, waitUntil } from '../../testing/harness/wait';

const VICTIM = 'https://victim.github.io/story';
const ATTACKER = 'https://attacker.github.io/story';
/** A user's page on a shared host claiming the host's own site (blogspot.com is a public suffix). */
const SHARED_PARENT = 'https://blogspot.com/story';
const PARENT_CLAIMER = 'https://attacker.blogspot.com/story';
/** Same registrable domain as its canonical link (example.com): that canonical still counts. */
const WWW_PAGE = 'https://www.example.com/story?utm_source=mail';
const WWW_CANONICAL = 'https://example.com/story';
const PASSAGE = 'Kerry is a congenial, keep-communicating kind of guy';
const SECRET = 'Zq-victim-secret: what I think of this story';
const VICTIM_NOTE = 'urn:uuid:7e57aaaa-bbbb-4ccc-8ddd-00000000000a';
const WWW_NOTE = 'urn:uuid:7e57aaaa-bbbb-4ccc-8ddd-00000000000b';
const PARENT_NOTE = 'urn:uuid:7e57aaaa-bbbb-4ccc-8ddd-00000000000d';
const POLL = { timeout: 20_000, interval: 100 };

let browser: ExtensionBrowser;
let attacker: OpenedPage;
let attackerWorld: LedeWorld;
let extensionPage: Page;
let passageTarget: (source: string) => unknown;

type Outcome = { ok: unknown } | { error: string };

/** Lede's content-script world in a page, reached over CDP. */
interface LedeWorld {
  cdp: CDPSession;
  contextId: number;
}

async function ledeWorldOf(page: Page, extensionId: string): Promise<LedeWorld> {
  const cdp = await page.context().newCDPSession(page);
  const contexts: { id: number; origin: string }[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
  await cdp.send('Runtime.enable'); // reports the contexts that already exist
  const lede = contexts.find((context) => context.origin === `chrome-extension://${extensionId}`);
  if (!lede) throw new Error(`No Lede content-script world in ${page.url()}: ${contexts.map((c) => c.origin).join(', ')}`);
  return { cdp, contextId: lede.id };
}

/**
 * Runs `build` (a function's source, returning the message) in Lede's content-script world and
 * sends what it returns with chrome.runtime.sendMessage, as a subverted content script would.
 * A background refusal arrives as the polyfill's rejection record (or a thrown error).
 */
async function sendFromContentScript(world: LedeWorld, build: string, count = 1): Promise<Outcome[]> {
  const expression = `(async () => {
    const build = ${build};
    const send = async (message) => {
      try {
        const answer = await chrome.runtime.sendMessage(message);
        if (answer && answer.__mozWebExtensionPolyfillReject__) return { error: String(answer.message) };
        return { ok: answer };
      } catch (error) {
        return { error: String(error && error.message || error) };
      }
    };
    const outcomes = [];
    for (let i = 0; i < ${count}; i++) outcomes.push(await send(build(i)));
    return outcomes;
  })()`;
  const { result, exceptionDetails } = await world.cdp.send('Runtime.evaluate', {
    expression,
    contextId: world.contextId,
    awaitPromise: true,
    returnByValue: true,
  });
  if (exceptionDetails) throw new Error(`evaluation failed: ${exceptionDetails.text}`);
  return result.value as Outcome[];
}

/** Sends a message from an extension page (the options page), as Lede's own pages do. */
function sendFromExtensionPage(message: unknown): Promise<unknown> {
  return extensionPage.evaluate(async (m) => {
    const { chrome } = globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } };
    return chrome.runtime.sendMessage(m);
  }, message);
}

/**
 * How many messages of `type` have reached the background so far, counted by a listener this test
 * adds in the service worker (it answers nothing; a page cannot see it).
 */
async function arrivals(type: string): Promise<number> {
  const worker = await browser.serviceWorker();
  return worker.evaluate((wanted) => {
    type Listener = (message: unknown) => undefined;
    const g = globalThis as unknown as { ledeTestArrivals?: string[]; chrome: { runtime: { onMessage: { addListener(listener: Listener): void } } } };
    if (!g.ledeTestArrivals) {
      const seen: string[] = [];
      g.ledeTestArrivals = seen;
      g.chrome.runtime.onMessage.addListener((message) => {
        const kind = typeof message === 'object' && message !== null ? (message as { type?: unknown }).type : undefined;
        seen.push(typeof kind === 'string' ? kind : '');
        return undefined;
      });
    }
    return g.ledeTestArrivals.filter((kind) => kind === wanted).length;
  }, type);
}

/** Sends `build`'s message from the page and resolves once the background has received it (the send still runs). */
async function sendAndWaitForArrival(type: string, build: string): Promise<{ sent: Promise<Outcome[]> }> {
  const before = await arrivals(type);
  const sent = sendFromContentScript(attackerWorld, build);
  await waitFor(`the page's ${type} reached the background`, async () => (await arrivals(type)) > before, { timeoutMs: POLL.timeout, intervalMs: POLL.interval });
  return { sent };
}

/** Everything in one of the background's object stores, read in the service worker. */
async function storedRows<T>(store: 'annotations' | 'articles'): Promise<T[]> {
  return (await readTables<Record<string, T[]>>(await browser.serviceWorker(), [store]))[store]!;
}

async function pageNotesOf(opened: OpenedPage): Promise<{ source: string; notes: unknown[] }> {
  const answer = await waitUntil(
    async () => (await getPageNotes(browser, opened.tabId)) as { source?: string; notes?: unknown[] } | undefined,
    (answer) => answer?.source !== undefined,
    { timeoutMs: POLL.timeout, intervalMs: POLL.interval },
  );
  if (answer?.source === undefined) throw new Error('the page never answered getPageNotes');
  return { source: answer.source, notes: answer.notes ?? [] };
}

beforeAll(async () => {
  const seed = readFileSync(path.join(seedDir, 'page-restored.html'), 'utf8');
  if (!seed.includes('<head>')) throw new Error('the seed page changed: no <head>');
  const withCanonical = (href: string): string => seed.replace('<head>', `<head>\n<link rel="canonical" href="${href}">`);
  browser = await launchBrowser();
  // Registered after the harness's catch-all, so these win for their hosts.
  const pages: Record<string, string> = {
    [VICTIM]: seed,
    [ATTACKER]: withCanonical(VICTIM),
    [WWW_PAGE]: withCanonical(WWW_CANONICAL),
    [PARENT_CLAIMER]: withCanonical(SHARED_PARENT),
  };
  await browser.context.route(/^https:\/\/(victim\.github\.io|attacker\.github\.io|www\.example\.com|attacker\.blogspot\.com)\//, (route) => {
    const body = pages[route.request().url()];
    return body === undefined ? route.abort() : route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body });
  });

  extensionPage = await browser.context.newPage();
  await extensionPage.goto(`chrome-extension://${browser.extensionId}/options.html`);

  // The victim's page: where the passage sits in the article text, then the reader's note on it.
  const victim = await openPage(browser, VICTIM);
  expect(await waitForLede(browser, victim, 30_000), 'Lede never painted the victim page').toBe(true);
  const { text } = (await getAnalysis(browser, victim.tabId)) as { text: string };
  const start = text.indexOf(PASSAGE);
  expect(start).toBeGreaterThan(0);
  const selector = [
    { type: 'TextQuoteSelector', exact: PASSAGE, prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(start + PASSAGE.length, start + PASSAGE.length + 32) },
    { type: 'TextPositionSelector', start, end: start + PASSAGE.length },
  ];
  passageTarget = (source) => ({ source, selector });
  await victim.page.close();
  const now = new Date().toISOString();
  const note = (id: string, source: string) => ({
    id, type: 'Annotation', schemaVersion: 1, motivation: 'commenting', created: now, modified: now,
    target: passageTarget(source), body: SECRET, tags: ['zq-private'], color: 'green', page: { title: 'Story', site: 'victim.github.io' },
  });
  await expect(sendFromExtensionPage({ type: 'saveAnnotation', annotation: note(VICTIM_NOTE, VICTIM) })).resolves.toMatchObject({ annotation: { id: VICTIM_NOTE } });
  await expect(sendFromExtensionPage({ type: 'saveAnnotation', annotation: note(WWW_NOTE, WWW_CANONICAL) })).resolves.toMatchObject({ annotation: { id: WWW_NOTE } });
  await expect(sendFromExtensionPage({ type: 'saveAnnotation', annotation: note(PARENT_NOTE, SHARED_PARENT) })).resolves.toMatchObject({ annotation: { id: PARENT_NOTE } });

  attacker = await openPage(browser, ATTACKER);
  expect(await waitForLede(browser, attacker, 30_000), 'Lede never painted the attacker page').toBe(true);
  attackerWorld = await ledeWorldOf(attacker.page, browser.extensionId);
}, 240_000);

afterAll(async () => {
  await browser?.close();
});

describe('canonical links', () => {
  it('a same-site canonical link (www.example.com → example.com) still brings the note back', async () => {
    const www = await openPage(browser, WWW_PAGE);
    expect(await waitForLede(browser, www, 30_000)).toBe(true);
    expect((await pageNotesOf(www)).source).toBe(WWW_CANONICAL);
    const painted = await waitUntil(() => paintedNoteTexts(www.page), (texts) => texts.includes(PASSAGE), { timeoutMs: POLL.timeout, intervalMs: POLL.interval });
    expect(painted).toContain(PASSAGE);
    await www.page.close();
  });

  it('a shared-host sibling (attacker.github.io) cannot borrow victim.github.io’s notes by claiming its canonical link', async () => {
    const notes = await pageNotesOf(attacker);
    const painted = await paintedNoteTexts(attacker.page);
    console.log(`[hostile-messages] attacker page's note key: ${notes.source}; notes: ${notes.notes.length}; painted note passages: ${painted.length}`);
    expect(notes.source).toBe(ATTACKER);
    expect(notes.notes).toEqual([]);
    expect(painted).not.toContain(PASSAGE);
  });

  it('a user’s page on a shared host (attacker.blogspot.com) cannot borrow the host’s own notes', async () => {
    const claimer = await openPage(browser, PARENT_CLAIMER);
    expect(await waitForLede(browser, claimer, 30_000)).toBe(true);
    // The page's notes answer comes once its notes are loaded, anchored and painted: a borrowed
    // note would be listed here, and painted by now.
    const notes = await pageNotesOf(claimer);
    const painted = await paintedNoteTexts(claimer.page);
    console.log(`[hostile-messages] attacker.blogspot.com claiming blogspot.com: note key ${notes.source}; painted note passages: ${painted.length}`);
    expect(notes.source).toBe(PARENT_CLAIMER);
    expect(notes.notes).toEqual([]);
    expect(painted).not.toContain(PASSAGE);
    await claimer.page.close();
  });
});

describe('messages from a subverted content script', () => {
  it('gets no other page’s notes', async () => {
    const [outcome] = await sendFromContentScript(attackerWorld, `() => ({ type: 'listAnnotations', source: ${JSON.stringify(VICTIM)} })`);
    console.log(`[hostile-messages] listAnnotations(victim) from the attacker's content script: ${JSON.stringify(outcome).slice(0, 200)}`);
    expect(JSON.stringify(outcome)).not.toContain(SECRET);
    expect(outcome).toMatchObject({ error: expect.stringMatching(/not the sending page/) });
  });

  it('cannot move another page’s note onto its page, nor plant one on another page', async () => {
    const before = await storedRows<{ id: string; target: { source: string } }>('annotations');
    const moved = JSON.stringify({ type: 'updateAnnotation', id: VICTIM_NOTE, patch: { target: passageTarget(ATTACKER) } });
    const planted = JSON.stringify({ type: 'saveAnnotation', annotation: { id: 'urn:uuid:7e57aaaa-bbbb-4ccc-8ddd-00000000000c', type: 'Annotation', schemaVersion: 1, motivation: 'commenting', created: '2026-01-01T00:00:00.000Z', modified: '2026-01-01T00:00:00.000Z', target: passageTarget(VICTIM), body: 'planted', tags: [], color: 'yellow', page: { title: 't', site: 's' } } });
    const [move, plant] = [
      ...(await sendFromContentScript(attackerWorld, `() => (${moved})`)),
      ...(await sendFromContentScript(attackerWorld, `() => (${planted})`)),
    ];
    const after = await storedRows<{ id: string; target: { source: string } }>('annotations');
    console.log(`[hostile-messages] updateAnnotation(move victim note): ${JSON.stringify(move).slice(0, 160)}; victim note now on ${after.find((n) => n.id === VICTIM_NOTE)?.target.source}`);
    expect(move).toMatchObject({ error: expect.stringMatching(/No note with id/) });
    expect(plant).toMatchObject({ error: expect.stringMatching(/not the sending page/) });
    expect(after).toEqual(before);
  });

  it('cannot open the library’s ports: no notes read, nothing imported', async () => {
    const before = await storedRows<{ id: string }>('annotations');
    const expression = `(async () => {
      const open = (name, messages) => new Promise((resolve) => {
        const port = chrome.runtime.connect({ name });
        const heard = [];
        port.onMessage.addListener((message) => heard.push(message));
        port.onDisconnect.addListener(() => resolve({ disconnected: true, heard }));
        try {
          for (const message of messages) port.postMessage(message);
        } catch (error) {
          resolve({ disconnected: true, heard, error: String(error) });
        }
      });
      const note = ${JSON.stringify({ id: 'urn:uuid:7e57aaaa-bbbb-4ccc-8ddd-00000000000e', type: 'Annotation', schemaVersion: 1, motivation: 'commenting', created: '2026-01-01T00:00:00.000Z', modified: '2026-01-01T00:00:00.000Z', body: 'imported by a page', tags: [], color: 'yellow', page: { title: 't', site: 's' } })};
      note.target = ${JSON.stringify(passageTarget(VICTIM))};
      return [
        await open('lede-library-load', [{ type: 'load' }]),
        await open('lede-library-import', [{ type: 'begin', format: 'lede-jsonld', notes: 1, articles: 0 }, { type: 'notes', json: JSON.stringify([note]) }, { type: 'commit' }]),
      ];
    })()`;
    const { result, exceptionDetails } = await attackerWorld.cdp.send('Runtime.evaluate', { expression, contextId: attackerWorld.contextId, awaitPromise: true, returnByValue: true });
    expect(exceptionDetails).toBeUndefined();
    const [load, upload] = result.value as { disconnected: boolean; heard: unknown[] }[];
    expect(load).toMatchObject({ disconnected: true, heard: [] });
    expect(upload).toMatchObject({ disconnected: true, heard: [] });
    expect(JSON.stringify(result.value)).not.toContain(SECRET);
    expect(await storedRows<{ id: string }>('annotations')).toEqual(before);
  });

  it('records no article for an address other than its own', async () => {
    const fake = { url: 'https://bank.example/statement', title: 'Planted', site: 'bank.example', entities: [{ type: 'person', name: 'Zq Planted', mentions: 1 }], quotes: [] };
    const [outcome] = await sendFromContentScript(attackerWorld, `() => ({ type: 'articleAnalyzed', article: ${JSON.stringify(fake)} })`);
    const urls = (await storedRows<{ url: string }>('articles')).map((row) => row.url);
    console.log(`[hostile-messages] articleAnalyzed(bank.example): ${JSON.stringify(outcome)}; stored articles: ${urls.join(', ')}`);
    expect(outcome).toMatchObject({ error: expect.stringMatching(/not the sending page/) });
    expect(urls).not.toContain(fake.url);
  });

  it('refuses 100 notes of 1 MB each and stores none of them', async () => {
    const before = (await storedRows('annotations')).length;
    const started = performance.now();
    const build = `(i) => ({ type: 'saveAnnotation', annotation: { id: 'urn:uuid:7e57bbbb-bbbb-4ccc-8ddd-' + String(i).padStart(12, '0'), type: 'Annotation', schemaVersion: 1, motivation: 'commenting', created: '2026-01-01T00:00:00.000Z', modified: '2026-01-01T00:00:00.000Z', target: ${JSON.stringify(passageTarget(ATTACKER))}, body: 'x'.repeat(1000000), tags: [], color: 'yellow', page: { title: 't', site: 's' } } })`;
    const outcomes = await sendFromContentScript(attackerWorld, build, 100);
    const after = (await storedRows('annotations')).length;
    const accepted = outcomes.filter((outcome) => 'ok' in outcome).length;
    console.log(`[hostile-messages] 100 × 1 MB notes: ${accepted} accepted, ${after - before} stored, ${Math.round(performance.now() - started)} ms`);
    expect(accepted).toBe(0);
    for (const outcome of outcomes) expect(outcome).toMatchObject({ error: expect.stringMatching(/body is longer than 100000 characters/) });
    expect(after).toBe(before);
  });
});

describe('one slow request never blocks Lede’s pages', () => {
  /** Sends `build`'s message (of `type`) from the page, then, once it has reached the background, getSettings from an extension page. */
  async function besideGetSettings(type: string, build: string): Promise<{ outcome: Outcome; settings: unknown; settingsMs: number }> {
    const page = (await sendAndWaitForArrival(type, build)).sent;
    const started = performance.now();
    const settings = await sendFromExtensionPage({ type: 'getSettings' });
    const settingsMs = Math.round(performance.now() - started);
    const [outcome] = await page;
    return { outcome: outcome!, settings, settingsMs };
  }

  it('answers an extension page’s getSettings while a page sends a million-name history request', async () => {
    const { outcome, settings, settingsMs } = await besideGetSettings('getEntityHistory', `() => ({ type: 'getEntityHistory', names: new Array(1000000).fill('Zq Name'), excludeUrl: '' })`);
    console.log(`[hostile-messages] getSettings beside a 1M-name getEntityHistory: answered after ${settingsMs} ms; history: ${JSON.stringify(outcome).slice(0, 120)}`);
    expect(settings).toMatchObject({ history: expect.any(Boolean) });
    expect(outcome).toMatchObject({ error: expect.stringMatching(/more than 2000 names|may not come from a content-script/) });
    // Even a small history question is refused to a page: only Lede's own pages may ask.
    const [small] = await sendFromContentScript(attackerWorld, `() => ({ type: 'getEntityHistory', names: ['Zq Name'], excludeUrl: '' })`);
    expect(small).toMatchObject({ error: expect.stringMatching(/may not come from a content-script/) });
  });

  it('answers getSettings beside an analyzeText of one enormous paragraph, which is refused', async () => {
    const { outcome, settings, settingsMs } = await besideGetSettings('analyzeText', `() => ({ type: 'analyzeText', url: '', text: 'Zq ' + Math.random() + ' John Kerry met Sergei Lavrov. '.repeat(40000) })`);
    console.log(`[hostile-messages] getSettings beside a one-paragraph 1.2M-character analyzeText: answered after ${settingsMs} ms; analyzeText: ${JSON.stringify(outcome).slice(0, 120)}`);
    expect(settings).toMatchObject({ history: expect.any(Boolean) });
    expect(outcome).toMatchObject({ error: expect.stringMatching(/paragraph longer than 250000 characters/) });
  });

  it('answers getSettings before a long analyzeText from a page finishes', async () => {
    // About 1.2M characters in paragraphs, unique to this run (never a cached analysis).
    const build = `() => {
      const paragraph = 'Zq ' + Math.random() + ' John Kerry met Sergei Lavrov in Geneva on Monday, officials said. '.repeat(12);
      return { type: 'analyzeText', url: '', text: new Array(1500).fill(paragraph).join('\\n\\n') };
    }`;
    const settled: string[] = [];
    // The page's request reaches the background first.
    const analysis = (await sendAndWaitForArrival('analyzeText', build)).sent.then((outcomes) => {
      settled.push('analyzeText');
      return outcomes[0];
    });
    const started = performance.now();
    await sendFromExtensionPage({ type: 'getSettings' }).then(() => settled.push('getSettings'));
    const settingsMs = Math.round(performance.now() - started);
    const outcome = await analysis;
    console.log(`[hostile-messages] getSettings during a 1.2M-character analyzeText: answered after ${settingsMs} ms; order: ${settled.join(' → ')}`);
    expect(outcome).toMatchObject({ ok: { analysis: { entities: expect.any(Array) } } });
    expect(settled).toEqual(['getSettings', 'analyzeText']);
  });
});
