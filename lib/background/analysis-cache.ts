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

  constructor(options: AnalysisCacheOptions = {}) {
    this.maxEntries = options.maxEntries ?? DEFAULT_MAX_ENTRIES;
    this.maxTextLength = options.maxTextLength ?? DEFAULT_MAX_TEXT_LENGTH;
    this.backing = options.backing;
  }

  static keyFor(url: string, text: string): string {
    return `${textFingerprint(text)} ${url}`;
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
    const stored = await this.backing?.get(key).catch(() => undefined);
    if (stored) {
      this.remember(key, { analysis: stored, textLength: text.length });
      return { analysis: stored, cached: true };
    }
    const analysis = await analyze(text);
    this.remember(key, { analysis, textLength: text.length });
    // A failed write only costs a later re-analysis; the reader gets this one either way.
    await this.backing?.put(key, url, text.length, analysis).catch((error: unknown) => console.warn('Lede could not keep this analysis:', error));
    return { analysis, cached: false };
  }

  clear(): void {
    this.entries.clear();
    this.textLength = 0;
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
