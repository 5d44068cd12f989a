// Waiting on a condition, for the harness and the tests: `probe` is asked again until `done` holds
// or the time is up. Never a fixed sleep: a test goes on the moment its condition is met, and on a
// slow machine it waits as long as the condition needs (up to the timeout).

export interface WaitOptions {
  /** Give up after this long and hand back the last value (the caller's assertion then fails). */
  timeoutMs?: number;
  /** Pause between probes; each probe is a round trip to the browser, so keep it coarse. */
  intervalMs?: number;
}

/** Waits until `check()` holds; throws "Timed out waiting until <what>" after timeoutMs (for hooks, where expect.poll is not allowed). */
export async function waitFor(what: string, check: () => Promise<boolean>, options: WaitOptions = {}): Promise<void> {
  if (!(await waitUntil(check, (held) => held, options))) throw new Error(`Timed out waiting until ${what}.`);
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Probes until `done(value)`; returns the value that met it, or the last one at the timeout. */
export async function waitUntil<T>(probe: () => Promise<T>, done: (value: T) => boolean, options: WaitOptions = {}): Promise<T> {
  const { timeoutMs = 10_000, intervalMs = 100 } = options;
  const deadline = Date.now() + timeoutMs;
  let value = await probe();
  while (!done(value) && Date.now() < deadline) {
    await pause(intervalMs);
    value = await probe();
  }
  return value;
}
