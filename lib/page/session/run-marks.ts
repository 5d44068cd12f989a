// The performance marks of Lede's runs on a page. The entrypoint passes in how marks are made
// (entrypoints/content/marks.ts: only the marked build leaves them where the page can read them).

export interface Marks {
  /** `detail` goes with the mark (the hover card's decisions say what they decided). */
  mark(name: string, detail?: Record<string, unknown>): void;
  /** Milliseconds from mark `from` to mark `to` (0 if either is missing). */
  measure(name: string, from: string, to: string): number;
}

/** The performance marks of one run: where it starts, where highlights are painted, and the measure between. */
export interface RunMarks {
  from: string;
  painted: string;
  measure: string;
  /** The run's last step (hover cards, legend, storing the article) is done. */
  settled: string;
}

/** The automatic run at document_idle: benches read these three names (keep them as they are). */
export const FIRST_RUN_MARKS: RunMarks = { from: 'lede-start', painted: 'lede-painted', measure: 'lede-time-to-highlights', settled: 'lede-settled' };
/** Running again after the reader switched Lede back on here. */
export const RERUN_MARKS: RunMarks = { from: 'lede-rerun', painted: 'lede-rerun-painted', measure: 'lede-rerun-to-highlights', settled: 'lede-rerun-settled' };
/** "Analyse this page" from the popup. */
export const ANALYZE_NOW_MARKS: RunMarks = {
  from: 'lede-analyze-now',
  painted: 'lede-analyze-now-painted',
  measure: 'lede-analyze-now-to-highlights',
  settled: 'lede-analyze-now-settled',
};
