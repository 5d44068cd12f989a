// A bound on one browser call inside a polling loop. vitest's expect.poll awaits each attempt
// without a time limit, so an attempt that never settles (an evaluate in a frame whose document
// never comes up, a message a stalled tab never answers) would hang the test until its own
// timeout, with no word of what hung. Bounded, the attempt counts as a miss and the next one runs.

/** `work`'s result, or `fallback` when it has not settled within `ms`. */
export async function within<T>(work: Promise<T>, ms: number, fallback: T): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(fallback), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}
