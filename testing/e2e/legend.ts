// The in-page legend starts as a pill: tests that use its switches open it first, as a reader would,
// with a real click on its head (its shadow root is closed).
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { clickInShadow, evaluateInShadow } from './closed-shadow';

const isOpen = (page: Page): Promise<boolean | null> =>
  evaluateInShadow(page, 'lede-legend', (root) => root.querySelector('[data-testid="legend-collapse"]')?.getAttribute('aria-expanded') === 'true');

/** Opens the legend unless the reader's last choice left it open; resolves once its switches show. */
export async function openLegend(page: Page): Promise<void> {
  await expect.poll(() => isOpen(page), { timeout: 10_000 }).not.toBeNull();
  if (!(await isOpen(page))) await clickInShadow(page, 'lede-legend', '[data-testid="legend-collapse"]');
  await expect.poll(() => isOpen(page), { timeout: 10_000 }).toBe(true);
}
