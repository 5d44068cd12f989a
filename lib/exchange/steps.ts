// Long loops written once, run two ways: to the end in one go (parseImport, tests, Node), or in
// slices that hand the thread back every few milliseconds (the library page, so a 100,000-note
// restore never freezes it). A step function is a generator that yields how far it has got.

export type Steps<T> = Generator<number, T, void>;

/** Gives the event loop a turn (rendering, input) and resolves soon after. */
export type YieldFn = () => Promise<void>;

/** Runs the steps to the end without pausing. */
export function runSteps<T>(steps: Steps<T>): T {
  let next = steps.next();
  while (!next.done) next = steps.next();
  return next.value;
}

/** A shared clock for one long job: `maybeYield` pauses once the current slice has used its budget. */
export class Slicer {
  private sliceStart = now();
  constructor(
    private readonly budgetMs = 12,
    private readonly yieldFn: YieldFn = yieldToEventLoop,
  ) {}

  /** True when the current slice is over its budget (then call `pause`). */
  get due(): boolean {
    return now() - this.sliceStart >= this.budgetMs;
  }

  async pause(): Promise<void> {
    await this.yieldFn();
    this.sliceStart = now();
  }

  async maybeYield(): Promise<void> {
    if (this.due) await this.pause();
  }

  /**
   * Runs the steps, pausing between slices; `onStep` hears the count reached at each pause. When
   * `run.cancelled` turns true the steps stop at the next pause and the promise never settles.
   */
  async run<T>(steps: Steps<T>, onStep?: (done: number) => void, run?: { cancelled: boolean }): Promise<T> {
    let next = steps.next();
    while (!next.done) {
      if (this.due) {
        onStep?.(next.value);
        await this.pause();
        if (run?.cancelled) return new Promise<T>(() => {});
      }
      next = steps.next();
    }
    return next.value;
  }
}

/** scheduler.yield where the browser has it; else a message-channel turn (no 4 ms timer clamp); else a timer. */
export const yieldToEventLoop: YieldFn = () => {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  if (typeof setImmediate === 'function') return new Promise((resolve) => setImmediate(resolve));
  if (typeof MessageChannel === 'function') {
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
};

function now(): number {
  return typeof performance === 'undefined' ? Date.now() : performance.now();
}
