// The hover card's decisions as the marked build leaves them on the performance timeline
// (HOVER_MARKS in lib/page/hover/hover-marks.ts): tests wait for Lede to have decided instead
// of sleeping past its intent delay or close grace.
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { HOVER_MARKS, type PointerOutcome } from '../../lib/page/hover/hover-marks';

/** How many marks named `name` the page's timeline holds. */
export function ledeMarkCount(page: Page, name: string): Promise<number> {
  return page.evaluate((name) => performance.getEntriesByName(name, 'mark').length, name);
}

/** The pointer decisions so far, oldest first. */
function pointerDecisions(page: Page): Promise<{ x: number; y: number; outcome: PointerOutcome }[]> {
  return page.evaluate(
    (name) => performance.getEntriesByName(name, 'mark').map((entry) => (entry as PerformanceMark).detail as { x: number; y: number; outcome: PointerOutcome }),
    HOVER_MARKS.pointer,
  );
}

/**
 * Waits until Lede has hit-tested the pointer resting at `point` (its latest decision is for that
 * point, within a pixel) and returns what it decided.
 */
export async function hoverDecisionAt(page: Page, point: { x: number; y: number }): Promise<PointerOutcome> {
  const at = async () => {
    const last = (await pointerDecisions(page)).at(-1);
    return last && Math.abs(last.x - point.x) <= 1 && Math.abs(last.y - point.y) <= 1 ? last.outcome : null;
  };
  await expect.poll(at, { timeout: 10_000 }).not.toBeNull();
  return (await at())!;
}
