// The budget that spaces runs of work following a changing page.
import { describe, expect, it } from 'vitest';
import { WorkBudget } from '../../lib/extract/work-budget';

describe('WorkBudget', () => {
  const budget = (): WorkBudget => new WorkBudget({ share: 0.05, minGapMs: 250, maxGapMs: 10_000 });

  it('lets the first run start at once', () => {
    expect(budget().earliestStart(1_000)).toBe(1_000);
  });

  it('spaces runs so that they take at most their share of the time', () => {
    const b = budget();
    b.record(1_000, 1_100); // 100 ms of work: 5% of 2 s, so 1.9 s of pause
    expect(b.earliestStart(1_100)).toBe(3_000);
    expect(b.earliestStart(5_000)).toBe(5_000);
  });

  it('never pauses less than the minimum gap nor more than the maximum', () => {
    const quick = budget();
    quick.record(0, 1);
    expect(quick.earliestStart(1)).toBe(251);
    const slow = budget();
    slow.record(0, 5_000);
    expect(slow.earliestStart(5_000)).toBe(15_000);
  });
});
