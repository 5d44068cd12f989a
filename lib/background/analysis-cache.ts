// The background's memory of recent analyses, keyed by page URL and a fingerprint of the text, so a
// revisit (a reload, back and forth between tabs) of a large article gets its analysis back at once.
// Least recently used entries go first; the total text analysed that is remembered is capped too,
// since one huge page's analysis holds many spans. Plain TypeScript: the analyser is passed in.

import type { Analysis } from '../analysis/types';
import type { AnalysisBacking } from './analysis-store';
import { textFingerprint } from '../shared/text-hash';

export interface AnalysisCacheOptions {
  /** How many analyses to keep. */
  maxEntries?: number;
  /** The most text (characters, summed over entries) whose analyses are kept. */
  maxTextLength?: number;
  /** A store behind the memory (IndexedDB in the background): read on a miss, written after analysing. */
  backing?: AnalysisBacking;
}

interface Entry {
  analysis: Analysis;
  textLength: number;
}

export const DEFAULT_MAX_ENTRIES = 20;
export const DEFAULT_MAX_TEXT_LENGTH = 20_000_000;

export class AnalysisCache {
  /** Map order is recency order: the first key is the least recently used. */
  private readonly entries = new Map<string, Entry>();
  private textLength = 0;
  private readonly maxEntries: number;
  private readonly maxTextLength: number;
  private readonly backing: AnalysisBacking | undefined;
  /**
   * The keys the store holds, read once when the cache is made (a restarted background reads them
   * while the page is still being extracted), then kept up to date by this cache's own writes; null
   * when the store cannot list them (then every miss asks it).
   */
  private readonly storedKeys: Promise<Set<string> | null> | undefined;
  private writes: Promise<void> = Promise.resolve();

  constructor(options: AnalysisCacheOptions = {}) {
    this.maxEntries = options.maxEntries ?? DEFAULT_MAX_ENTRIES;
    this.maxTextLength = options.maxTextLength ?? DEFAULT_MAX_TEXT_LENGTH;
    this.backing = options.backing;
    this.storedKeys = this.backing?.keys?.().then((keys) => new Set(keys), () => null);
  }

  static keyFor(url: string, text: string): string {
    return AnalysisCache.keyOf(url, textFingerprint(text));
  }

  private static keyOf(url: string, fingerprint: string): string {
    return `${fingerprint} ${url}`;
  }

  get size(): number {
    return this.entries.size;
  }

  /** The cached analysis of this URL and text, or the analyser's (which is then remembered). */
  async getOrAnalyze(
    url: string,
    text: string,
    analyze: (text: string) => Analysis | Promise<Analysis>,
  ): Promise<{ analysis: Analysis; cached: boolean }> {
    const key = AnalysisCache.keyFor(url, text);
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return { analysis: hit.analysis, cached: true };
    }
    const stored = await this.lookUp(key);
    if (stored) {
      this.remember(key, { analysis: stored, textLength: text.length });
      return { analysis: stored, cached: true };
    }
    const analysis = await analyze(text);
    this.remember(key, { analysis, textLength: text.length });
    this.keep(key, url, text.length, analysis);
    return { analysis, cached: false };
  }

  /**
   * The cached analysis of this URL and a text with this fingerprint (textFingerprint), if there is
   * one; never analyses. A hit counts as a use, as in getOrAnalyze.
   */
  async peek(url: string, fingerprint: string): Promise<Analysis | undefined> {
    const key = AnalysisCache.keyOf(url, fingerprint);
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.analysis;
    }
    const stored = await this.lookUp(key);
    const textLength = Number(fingerprint.slice(0, fingerprint.indexOf(':')));
    if (stored && Number.isSafeInteger(textLength)) this.remember(key, { analysis: stored, textLength });
    return stored;
  }

  /** Settles once every analysis handed to the store so far is written (or its write failed). */
  writesDone(): Promise<void> {
    return this.writes;
  }

  /** The stored analysis, asking the store only when it may hold the key (a read costs milliseconds). */
  private async lookUp(key: string): Promise<Analysis | undefined> {
    if (!this.backing) return undefined;
    const keys = await this.storedKeys;
    if (keys && !keys.has(key)) return undefined;
    return this.backing.get(key).catch(() => undefined);
  }

  /**
   * Writes after the answer has gone: the reader waits for the analysis, not for IndexedDB. Writes
   * stay in order, and a failed one only costs a later re-analysis.
   */
  private keep(key: string, url: string, textLength: number, analysis: Analysis): void {
    const backing = this.backing;
    if (!backing) return;
    void this.storedKeys?.then((keys) => keys?.add(key));
    this.writes = this.writes
      .then(() => backing.put(key, url, textLength, analysis))
      .catch((error: unknown) => console.warn('Lede could not keep this analysis:', error));
  }

  clear(): void {
    this.entries.clear();
    this.textLength = 0;
  }

  /**
   * Clears the store with `clearStore` once the writes queued so far have run, and before any
   * later one, then forgets what memory holds: an analysis answered just before the reader cleared
   * their history is never written after the clear.
   */
  async clearWith<T>(clearStore: () => Promise<T>): Promise<T> {
    const cleared = this.writes.then(clearStore);
    this.writes = cleared.then(
      () => undefined,
      () => undefined,
    );
    const result = await cleared;
    this.clear();
    (await this.storedKeys)?.clear();
    return result;
  }

  private remember(key: string, entry: Entry): void {
    // A text bigger than the whole budget is analysed but never kept.
    if (entry.textLength > this.maxTextLength || this.maxEntries < 1) return;
    this.entries.set(key, entry);
    this.textLength += entry.textLength;
    for (const [oldest, old] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.textLength <= this.maxTextLength) break;
      this.entries.delete(oldest);
      this.textLength -= old.textLength;
    }
  }
}
