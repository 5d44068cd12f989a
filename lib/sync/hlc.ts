// A hybrid logical clock: wall time in ms, a counter for events within the same ms (or while the
// wall clock lags behind a time already seen), and the device id as the last tie-breaker. Stamps
// are totally ordered, and every stamp a device issues is greater than every stamp it has seen, so
// an edit made after a sync always orders after what that sync brought in, whatever the clocks say.
//
// Serialised as a fixed-width string ("000001733578123456-0000-devid") so that string order is
// stamp order: records and files can carry stamps as plain JSON strings.

export interface Hlc {
  readonly wall: number;
  readonly counter: number;
  readonly device: string;
}

const WALL_DIGITS = 18;
const COUNTER_DIGITS = 4;
const MAX_COUNTER = 16 ** COUNTER_DIGITS - 1;
const DEVICE_PATTERN = /^[0-9a-z]{1,32}$/;
const STAMP_PATTERN = /^(\d{18})-([0-9a-f]{4})-([0-9a-z]{1,32})$/;

export function formatHlc(stamp: Hlc): string {
  return `${String(stamp.wall).padStart(WALL_DIGITS, '0')}-${stamp.counter.toString(16).padStart(COUNTER_DIGITS, '0')}-${stamp.device}`;
}

/** A stamp from its string form, or null when the text is not one. */
export function parseHlc(text: string): Hlc | null {
  const match = STAMP_PATTERN.exec(text);
  if (!match) return null;
  return { wall: Number(match[1]), counter: parseInt(match[2]!, 16), device: match[3]! };
}

export function compareHlc(a: Hlc, b: Hlc): number {
  if (a.wall !== b.wall) return a.wall < b.wall ? -1 : 1;
  if (a.counter !== b.counter) return a.counter < b.counter ? -1 : 1;
  return a.device < b.device ? -1 : a.device > b.device ? 1 : 0;
}

/** Compares serialised stamps: the same order as compareHlc, since the format is fixed-width. */
export function compareStamps(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function isDeviceId(value: unknown): value is string {
  return typeof value === 'string' && DEVICE_PATTERN.test(value);
}

/** A fresh device id: 16 random hex digits. */
export function newDeviceId(): string {
  return [...globalThis.crypto.getRandomValues(new Uint8Array(8))].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * One device's clock. `now` is passed in so tests can run clocks that lag, jump or stand still.
 * `last` is the greatest stamp issued or seen; persist it (formatHlc) so a restart keeps the order.
 */
export class HlcClock {
  private last: Hlc;

  constructor(readonly device: string, last: string | null = null, private readonly now: () => number = Date.now) {
    if (!isDeviceId(device)) throw new Error(`Not a device id: ${device}`);
    const parsed = last === null ? null : parseHlc(last);
    this.last = parsed ?? { wall: 0, counter: 0, device };
  }

  /** A stamp for a local event, greater than any stamp issued or seen before. */
  tick(): string {
    const wall = Math.max(this.now(), this.last.wall);
    const counter = wall === this.last.wall ? this.last.counter + 1 : 0;
    this.last = this.carry({ wall, counter, device: this.device });
    return formatHlc(this.last);
  }

  /** Takes in a stamp from another device, so later local stamps order after it. */
  receive(stamp: string): void {
    const seen = parseHlc(stamp);
    if (seen && compareHlc(seen, this.last) > 0) this.last = { wall: seen.wall, counter: seen.counter, device: this.device };
  }

  /** The greatest stamp issued or seen, to persist. */
  get latest(): string {
    return formatHlc(this.last);
  }

  /** A counter past its width moves the stamp to the next millisecond instead of overflowing. */
  private carry(stamp: Hlc): Hlc {
    return stamp.counter > MAX_COUNTER ? { wall: stamp.wall + 1, counter: 0, device: stamp.device } : stamp;
  }
}
