// Which long tasks the page suite counts as Lede's (testing/pages/pages-probe.ts).
import { describe, expect, it } from 'vitest';
import { longTasksInWindow, phaseOf, runSteps, type LongTask } from '../../testing/pages/pages-probe';

const timeline = { start: 100, end: 400, waiting: [150, 300] as [number, number], painted: 320 };

describe('longTasksInWindow', () => {
  it('counts the task holding lede-start (the content script compiling and starting)', () => {
    const tasks: LongTask[] = [[40, 70]];
    expect(longTasksInWindow(tasks, timeline)).toEqual([[40, 70]]);
  });

  it('counts tasks after painting, up to lede-settled', () => {
    expect(longTasksInWindow([[350, 60]], timeline)).toEqual([[350, 60]]);
    expect(longTasksInWindow([[401, 60]], timeline)).toEqual([]);
  });

  it('leaves out the page’s own tasks wholly inside the wait for the background’s analysis', () => {
    expect(longTasksInWindow([[160, 120]], timeline)).toEqual([]);
  });

  it('leaves out the page’s own tasks wholly inside the second wait, for the whole text after its opening was painted', () => {
    const twoWaits = { ...timeline, end: 500, wholeWaiting: [320, 450] as [number, number] };
    expect(longTasksInWindow([[330, 100]], twoWaits)).toEqual([]);
    expect(longTasksInWindow([[330, 100]], timeline)).toEqual([[330, 100]]);
    expect(longTasksInWindow([[440, 60]], twoWaits)).toEqual([[440, 60]]);
  });

  it('counts a task that straddles either edge of the wait', () => {
    const tasks: LongTask[] = [[120, 60], [280, 60]];
    expect(longTasksInWindow(tasks, timeline)).toEqual(tasks);
  });

  it('without the wait marks, counts everything that overlaps the run', () => {
    expect(longTasksInWindow([[160, 120]], { ...timeline, waiting: null })).toEqual([[160, 120]]);
  });

  it('counts nothing when Lede never started', () => {
    expect(longTasksInWindow([[0, 500]], { start: null, end: null, waiting: null })).toEqual([]);
  });
});

describe('phaseOf', () => {
  it('names the step of Lede’s run a long task fell in', () => {
    expect(phaseOf([40, 70], timeline)).toBe('startup');
    expect(phaseOf([120, 60], timeline)).toBe('extraction');
    expect(phaseOf([290, 40], timeline)).toBe('painting');
    expect(phaseOf([330, 60], timeline)).toBe('after painting');
  });

  it('calls everything after lede-start extraction when the run never reached the analysis', () => {
    expect(phaseOf([330, 60], { start: 100, waiting: null, painted: null })).toBe('extraction');
  });
});

describe('runSteps', () => {
  it('splits time to highlights at Lede’s marks', () => {
    expect(runSteps({ start: 100, extracted: 130, analyzed: 210, painted: 214 })).toEqual({
      extractMs: 30,
      analysisRoundTripMs: 80,
      paintMs: 4,
    });
  });

  it('is null for a run that did not paint', () => {
    expect(runSteps({ start: 100, extracted: 130, analyzed: null, painted: null })).toBeNull();
  });
});
