// The analysis cache's second tier: analyses kept in Lede's IndexedDB (extension origin only), so
// a revisit is instant even after the background service worker was stopped and lost its memory.
// Bounded: only the most recently used rows are kept. The rows name pages the reader opened, so
// they follow the reading-history setting (off: nothing is read or written) and are cleared with it.

import type { Analysis } from '../analysis/types';
import type { LedeDB } from './db';

/** What AnalysisCache needs from a store behind its memory. */
export interface AnalysisBacking {
  get(key: string): Promise<Analysis | undefined>;
  put(key: string, url: string, textLength: number, analysis: Analysis): Promise<void>;
  /** Every key held (optional): lets the cache skip a read for a text it never stored. */
  keys?(): Promise<string[]>;
}

/** Enough for a reader's recent tabs and back-and-forth; a row is a few kB for a normal article. */
export const DEFAULT_MAX_STORED_ANALYSES = 50;

export class DexieAnalysisStore implements AnalysisBacking {
  constructor(
    private readonly db: LedeDB,
    private readonly options: { now?: () => number; maxRows?: number; enabled?: () => Promise<boolean> } = {},
  ) {}

  private get now(): number {
    return (this.options.now ?? Date.now)();
  }

  private async enabled(): Promise<boolean> {
    return this.options.enabled ? this.options.enabled() : true;
  }

  async get(key: string): Promise<Analysis | undefined> {
    if (!(await this.enabled())) return undefined;
    const row = await this.db.analyses.get(key);
    if (!row) return undefined;
    await this.db.analyses.update(key, { usedAt: this.now });
    return row.analysis;
  }

  async keys(): Promise<string[]> {
    if (!(await this.enabled())) return [];
    return (await this.db.analyses.toCollection().primaryKeys()) as string[];
  }

  async put(key: string, url: string, textLength: number, analysis: Analysis): Promise<void> {
    if (!(await this.enabled())) return;
    const maxRows = this.options.maxRows ?? DEFAULT_MAX_STORED_ANALYSES;
    await this.db.transaction('rw', this.db.analyses, async () => {
      await this.db.analyses.put({ key, url, textLength, analysis, usedAt: this.now });
      const excess = (await this.db.analyses.count()) - maxRows;
      if (excess > 0) await this.db.analyses.orderBy('usedAt').limit(excess).delete();
    });
  }
}
