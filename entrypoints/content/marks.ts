// Lede's timeline marks (lede-start, lede-painted, lede-settled, …). The page's own scripts can read
// every performance entry, so marks would tell each page that Lede is installed and when it ran:
// they are made only in the marked build (`npm run build:marked`: WXT_LEDE_MARKS=1, for the e2e
// tests and the benches; otherwise the same production build). The release build (`npm run build`)
// keeps its timings to itself: Vite replaces the check below at build time, so it carries no mark
// calls at all.

const MARKED = import.meta.env.WXT_LEDE_MARKS === '1';

/** When each mark was set, in performance.now() time, in every build (Lede's own report uses them). */
const times = new Map<string, number>();

export function mark(name: string, detail?: Record<string, unknown>): void {
  times.set(name, performance.now());
  if (MARKED) performance.mark(name, detail === undefined ? undefined : { detail });
}

/** Milliseconds from mark `from` to mark `to` (0 if either is missing); the marked build also records the measure `name`. */
export function measure(name: string, from: string, to: string): number {
  const start = times.get(from);
  const end = times.get(to);
  if (MARKED) performance.measure(name, from, to);
  return start === undefined || end === undefined ? 0 : end - start;
}
