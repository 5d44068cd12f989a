import { describe, expect, it } from 'vitest';
import { analyzeText } from '@/lib/analysis/analyze';
import { AnalysisCache } from '@/lib/background/analysis-cache';
import type { Analysis } from '@/lib/analysis/types';
import type { AnalysisBacking } from '@/lib/background/analysis-store';
import { parseMessage } from '@/lib/protocol/messages';
import { createRuntimeHandlers } from '@/lib/background/page-handlers';
import { PrefsStore } from '@/lib/settings/highlight-prefs';
import { SiteSwitchStore } from '@/lib/settings/site-switches';
import { fnv1a32, textFingerprint } from '@/lib/shared/text-hash';
import { createMemoryArea } from '@/lib/settings/storage-area';

describe('fnv1a32', () => {
  it('matches the published FNV-1a 32-bit values for ASCII', async () => {
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(fnv1a32('foobar')).toBe(0xbf9cf968);
  });

  it('tells near-identical texts apart and is stable', async () => {
    const text = 'John Kerry met Sergei Lavrov in Geneva.';
    expect(fnv1a32(text)).toBe(fnv1a32(`${text}`));
    expect(fnv1a32(text)).not.toBe(fnv1a32(text.replace('Geneva', 'Genova')));
    expect(textFingerprint(text)).toMatch(/^39:[0-9a-f]{8}$/);
    expect(textFingerprint('é')).not.toBe(textFingerprint('e'));
  });
});

/** An analyser that counts its calls and finds one fake entity per text. */
function countingAnalyzer() {
  const calls: string[] = [];
  const analyze = (text: string): Analysis => {
    calls.push(text);
    return { entities: [{ id: `person:${text}`, type: 'person', name: text, mentions: [{ start: 0, end: text.length }] }], quotes: [] };
  };
  return { calls, analyze };
}

describe('AnalysisCache', () => {
  it('analyses a URL and text once, then answers from memory', async () => {
    const cache = new AnalysisCache();
    const { calls, analyze } = countingAnalyzer();
    const first = await cache.getOrAnalyze('https://a.example/1', 'Kerry', analyze);
    const again = await cache.getOrAnalyze('https://a.example/1', 'Kerry', analyze);
    expect(first.cached).toBe(false);
    expect(again).toEqual({ analysis: first.analysis, cached: true });
    expect(calls).toEqual(['Kerry']);
  });

  it('analyses again when the text or the URL differs', async () => {
    const cache = new AnalysisCache();
    const { calls, analyze } = countingAnalyzer();
    await cache.getOrAnalyze('https://a.example/1', 'Kerry', analyze);
    expect((await cache.getOrAnalyze('https://a.example/1', 'Lavrov', analyze)).cached).toBe(false);
    expect((await cache.getOrAnalyze('https://a.example/2', 'Kerry', analyze)).cached).toBe(false);
    expect(calls).toEqual(['Kerry', 'Lavrov', 'Kerry']);
  });

  it('forgets the least recently used entry first', async () => {
    const cache = new AnalysisCache({ maxEntries: 2 });
    const { calls, analyze } = countingAnalyzer();
    await cache.getOrAnalyze('u', 'one', analyze);
    await cache.getOrAnalyze('u', 'two', analyze);
    await cache.getOrAnalyze('u', 'one', analyze); // "one" is now the most recent
    await cache.getOrAnalyze('u', 'three', analyze); // evicts "two"
    expect(cache.size).toBe(2);
    expect((await cache.getOrAnalyze('u', 'one', analyze)).cached).toBe(true);
    expect((await cache.getOrAnalyze('u', 'two', analyze)).cached).toBe(false);
    expect(calls).toEqual(['one', 'two', 'three', 'two']);
  });

  it('caps the total text remembered, and never keeps a text over the cap', async () => {
    const cache = new AnalysisCache({ maxTextLength: 10 });
    const { analyze } = countingAnalyzer();
    await cache.getOrAnalyze('u', 'aaaaaa', analyze);
    await cache.getOrAnalyze('u', 'bbbbbb', analyze); // 12 > 10: "aaaaaa" goes
    expect(cache.size).toBe(1);
    expect((await cache.getOrAnalyze('u', 'bbbbbb', analyze)).cached).toBe(true);
    await cache.getOrAnalyze('u', 'c'.repeat(11), analyze);
    expect((await cache.getOrAnalyze('u', 'c'.repeat(11), analyze)).cached).toBe(false);
  });
});

describe('analyzeText message', () => {
  it('validates the text and the URL', async () => {
    expect(parseMessage({ type: 'analyzeText', url: 'https://a.example/', text: 'Kerry spoke.' })).toEqual({
      type: 'analyzeText',
      url: 'https://a.example/',
      text: 'Kerry spoke.',
    });
    expect(() => parseMessage({ type: 'analyzeText', url: 'https://a.example/' })).toThrow(/analyzeText.text must be a string/);
    expect(() => parseMessage({ type: 'analyzeText', text: 'x', url: 1 })).toThrow(/analyzeText.url must be a string/);
    expect(() => parseMessage({ type: 'analyzeText', text: 'x', url: 'u', html: '<p>' })).toThrow(/unexpected field/);
  });

  it('takes the whole text’s fingerprint only with a preview, and only as a fingerprint', () => {
    const whole = textFingerprint('Kerry spoke. Lavrov answered.');
    expect(parseMessage({ type: 'analyzeText', url: 'https://a.example/', text: 'Kerry spoke.', preview: true, whole })).toEqual({
      type: 'analyzeText',
      url: 'https://a.example/',
      text: 'Kerry spoke.',
      preview: true,
      whole,
    });
    expect(() => parseMessage({ type: 'analyzeText', url: 'u', text: 'x', whole })).toThrow(/whole goes only with preview/);
    expect(() => parseMessage({ type: 'analyzeText', url: 'u', text: 'x', preview: true, whole: 'Kerry spoke.' })).toThrow(/whole must be a text fingerprint/);
  });

  it('is answered by the background with the real analyser, then from its cache', async () => {
    const area = createMemoryArea();
    const handlers = createRuntimeHandlers({ prefs: new PrefsStore(area), switches: new SiteSwitchStore(area) });
    const request = { type: 'analyzeText', url: 'https://news.example/a', text: 'Secretary of State John Kerry arrived in Geneva on Monday.' } as const;
    const first = await handlers.analyzeText(request);
    expect(first.cached).toBe(false);
    expect(first.analysis.entities.map((entity) => entity.name)).toEqual(expect.arrayContaining(['John Kerry', 'Geneva']));
    const again = await handlers.analyzeText(request);
    expect(again).toEqual({ analysis: first.analysis, cached: true });
  });

  it('analyses a preview (an article’s opening) without keeping it', async () => {
    const area = createMemoryArea();
    const cache = new AnalysisCache();
    const handlers = createRuntimeHandlers({ prefs: new PrefsStore(area), switches: new SiteSwitchStore(area), cache });
    const request = { type: 'analyzeText', url: 'https://news.example/a', text: 'John Kerry arrived in Geneva.', preview: true } as const;
    const first = await handlers.analyzeText(request);
    expect(first.cached).toBe(false);
    expect(first.analysis.entities.map((entity) => entity.name)).toContain('John Kerry');
    expect((await handlers.analyzeText(request)).cached).toBe(false);
    expect(cache.size).toBe(0);
  });

  it('answers a preview with the whole text’s analysis when it holds it for that page, and only then', async () => {
    const area = createMemoryArea();
    const cache = new AnalysisCache();
    const handlers = createRuntimeHandlers({ prefs: new PrefsStore(area), switches: new SiteSwitchStore(area), cache });
    const text = 'John Kerry arrived in Geneva.\n\nSergei Lavrov met him at the Intercontinental hotel.';
    const opening = { type: 'analyzeText', url: 'https://news.example/a', text: 'John Kerry arrived in Geneva.', preview: true, whole: textFingerprint(text) } as const;
    const before = await handlers.analyzeText(opening);
    expect(before.whole).toBeUndefined();
    expect(before.analysis).toEqual(analyzeText(opening.text));
    const whole = await handlers.analyzeText({ type: 'analyzeText', url: 'https://news.example/a', text });
    expect(await handlers.analyzeText(opening)).toEqual({ analysis: whole.analysis, cached: true, whole: true });
    // Another page with the same text, or another text on the page: the opening is analysed.
    expect((await handlers.analyzeText({ ...opening, url: 'https://news.example/b' })).whole).toBeUndefined();
    expect((await handlers.analyzeText({ ...opening, whole: textFingerprint(`${text} More.`) })).whole).toBeUndefined();
  });
});

/** A store that records what it is asked, and whose writes finish only when `finishWrites` is called. */
function heldStore(held: string[] = []) {
  const rows = new Map<string, Analysis>();
  const reads: string[] = [];
  let finishWrites: () => void = () => undefined;
  const writing = new Promise<void>((resolve) => (finishWrites = resolve));
  const backing: AnalysisBacking = {
    get: async (key) => (reads.push(key), rows.get(key)),
    put: async (key, _url, _length, analysis) => {
      await writing;
      rows.set(key, analysis);
    },
    keys: async () => [...held, ...rows.keys()],
  };
  return { backing, rows, reads, finishWrites: () => finishWrites() };
}

describe('AnalysisCache with a store behind it', () => {
  it('answers before the store has written the analysis, and writes it afterwards', async () => {
    const store = heldStore();
    const cache = new AnalysisCache({ backing: store.backing });
    const { analyze } = countingAnalyzer();
    const answer = await cache.getOrAnalyze('u', 'Kerry', analyze);
    expect(answer.cached).toBe(false);
    expect(store.rows.size).toBe(0);
    store.finishWrites();
    await cache.writesDone();
    expect(store.rows.get(AnalysisCache.keyFor('u', 'Kerry'))).toEqual(answer.analysis);
  });

  it('reads the store only for keys it holds', async () => {
    const storedKey = AnalysisCache.keyFor('u', 'Lavrov');
    const store = heldStore([storedKey]);
    const cache = new AnalysisCache({ backing: store.backing });
    const { analyze } = countingAnalyzer();
    await cache.getOrAnalyze('u', 'Kerry', analyze);
    expect(store.reads).toEqual([]);
    await cache.getOrAnalyze('u', 'Lavrov', analyze);
    expect(store.reads).toEqual([storedKey]);
  });

  it('clears the store only after the writes already queued, so none lands after the clear', async () => {
    const store = heldStore();
    const cache = new AnalysisCache({ backing: store.backing });
    await cache.getOrAnalyze('u', 'Kerry', countingAnalyzer().analyze);
    const clearing = cache.clearWith(async () => {
      const count = store.rows.size;
      store.rows.clear();
      return count;
    });
    store.finishWrites();
    expect(await clearing).toBe(1);
    await cache.writesDone();
    expect(store.rows.size).toBe(0);
    expect(cache.size).toBe(0);
  });

  it('asks the store on every miss when it cannot list its keys', async () => {
    const store = heldStore();
    const cache = new AnalysisCache({ backing: { get: store.backing.get, put: store.backing.put } });
    await cache.getOrAnalyze('u', 'Kerry', countingAnalyzer().analyze);
    expect(store.reads).toEqual([AnalysisCache.keyFor('u', 'Kerry')]);
  });
});
