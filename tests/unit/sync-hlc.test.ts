import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { HlcClock, compareHlc, compareStamps, formatHlc, newDeviceId, parseHlc } from '@/lib/sync/hlc';

describe('hybrid logical clock', () => {
  it('round-trips through its string form, and string order is stamp order', () => {
    const stamp = fc.record({ wall: fc.nat({ max: 2 ** 48 }), counter: fc.nat({ max: 0xffff }), device: fc.constantFrom('a', 'b', '0f3c', 'zz9') });
    fc.assert(
      fc.property(stamp, stamp, (a, b) => {
        expect(parseHlc(formatHlc(a))).toEqual(a);
        expect(Math.sign(compareStamps(formatHlc(a), formatHlc(b)))).toBe(Math.sign(compareHlc(a, b)));
      }),
    );
  });

  it('refuses text that is not a stamp', () => {
    for (const text of ['', '12-0000-a', '000000000000000001-0000-', '000000000000000001-00000-a', '000000000000000001-0000-A!']) expect(parseHlc(text)).toBeNull();
  });

  it('keeps increasing while the wall clock stands still or goes back', () => {
    let now = 5_000;
    const clock = new HlcClock('a', null, () => now);
    const stamps = [clock.tick(), clock.tick()];
    now = 1_000;
    stamps.push(clock.tick(), clock.tick());
    now = 9_000;
    stamps.push(clock.tick());
    for (let i = 1; i < stamps.length; i++) expect(compareStamps(stamps[i - 1]!, stamps[i]!)).toBeLessThan(0);
    expect(parseHlc(stamps[3]!)).toEqual({ wall: 5_000, counter: 3, device: 'a' });
    expect(parseHlc(stamps[4]!)).toEqual({ wall: 9_000, counter: 0, device: 'a' });
  });

  it('orders a stamp issued after receiving one after it, even from a clock far behind', () => {
    const ahead = new HlcClock('a', null, () => 1_000_000);
    const behind = new HlcClock('b', null, () => 10);
    const seen = ahead.tick();
    behind.receive(seen);
    expect(compareStamps(behind.tick(), seen)).toBeGreaterThan(0);
  });

  it('resumes after a restart from the stamp it persisted', () => {
    const first = new HlcClock('a', null, () => 50);
    first.tick();
    const restarted = new HlcClock('a', first.latest, () => 10);
    expect(compareStamps(restarted.tick(), first.latest)).toBeGreaterThan(0);
  });

  it('moves to the next millisecond instead of overflowing the counter', () => {
    const clock = new HlcClock('a', '000000000000000100-fffe-a', () => 100);
    const stamps = [clock.tick(), clock.tick()];
    expect(stamps[0]).toBe('000000000000000100-ffff-a');
    expect(stamps[1]).toBe('000000000000000101-0000-a');
  });

  it('makes device ids of 16 hex digits and refuses bad ones', () => {
    expect(newDeviceId()).toMatch(/^[0-9a-f]{16}$/);
    expect(() => new HlcClock('no spaces')).toThrow();
  });
});
