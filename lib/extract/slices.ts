// Running extraction as steps: the DOM walks yield now and then, so extraction can either run to
// the end at once (extractArticle) or in short slices that leave the page's main thread free
// between them (extractArticleInSlices), however big the page is.

/** A computation that yields (with nothing) at points where it may be paused, then returns T. */
export type Steps<T> = Generator<void, T, void>;

/**
 * DOM nodes visited between two pause points: small enough to keep a slice short, large enough to
 * cost nothing. A slice can overrun by one step, and on a heavy page under load 1,000 nodes took
 * 40-90 ms (bench:pages traces), so steps stay a few milliseconds even then.
 */
export const NODES_PER_STEP = 250;

export function runToEnd<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

export interface SliceOptions {
  /** Longest stretch of work before handing the thread back (default 8 ms, well under a 50 ms long task). */
  sliceMs?: number;
  /** Hands the thread back to the page; defaults to a macrotask (setTimeout 0). */
  yieldToPage?: () => Promise<void>;
  /** Clock; defaults to performance.now. */
  now?: () => number;
}

const DEFAULT_SLICE_MS = 8;
const macrotask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export async function runInSlices<T>(steps: Steps<T>, options: SliceOptions = {}): Promise<T> {
  const sliceMs = options.sliceMs ?? DEFAULT_SLICE_MS;
  const yieldToPage = options.yieldToPage ?? macrotask;
  const now = options.now ?? (() => performance.now());
  let sliceStart = now();
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    if (now() - sliceStart >= sliceMs) {
      await yieldToPage();
      sliceStart = now();
    }
  }
}
