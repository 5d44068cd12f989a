// How often work that follows the page may run: after a run that took `ms`, the next waits long
// enough that following takes at most `share` of the page's time, and never less than `minGapMs`.
// A page that changes without end (infinite scroll, tickers) then gets its main thread back.

export interface WorkBudgetOptions {
  /** Most of the page's time the work may take (0.05: 50 ms in every second). */
  share: number;
  /** Shortest pause between two runs. */
  minGapMs: number;
  /** Longest pause a slow run can impose (a huge page must still follow, if slowly). */
  maxGapMs: number;
}

export class WorkBudget {
  private next = Number.NEGATIVE_INFINITY;

  constructor(private readonly options: WorkBudgetOptions) {}

  /** A run that started at `start` and ended at `end` (same clock as `earliestStart`'s `now`). */
  record(start: number, end: number): void {
    const { share, minGapMs, maxGapMs } = this.options;
    const spent = Math.max(0, end - start);
    const gap = Math.min(maxGapMs, Math.max(minGapMs, (spent * (1 - share)) / share));
    this.next = end + gap;
  }

  /** When the next run may start, given the time now. */
  earliestStart(now: number): number {
    return Math.max(now, this.next);
  }
}
