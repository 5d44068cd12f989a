// @vitest-environment happy-dom
// The in-page legend (components/Legend.tsx), which shares its toggles with the popup.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import { Legend, type LegendProps } from '@/components/Legend';
import type { HighlightPrefs, PrefsScope } from '@/lib/settings/highlight-prefs';
import { testRoot } from '../../testing/preact';

const ALL_ON: HighlightPrefs = { person: true, place: true, organization: true, quote: true, reported: true };
const COUNTS = { person: 3, place: 2, organization: 0, quote: 5, reported: 4 };

const root = testRoot();
let changes: Array<[HighlightPrefs, PrefsScope]>;
let opened: boolean[];

function show(overrides: Partial<LegendProps> = {}): void {
  render(
    <Legend
      counts={COUNTS}
      prefs={ALL_ON}
      scope="global"
      highlightsSupported
      open
      onChange={(prefs, scope) => changes.push([prefs, scope])}
      onOpenChange={(open) => opened.push(open)}
      {...overrides}
    />,
    root,
  );
}

const byTestId = <T extends HTMLElement = HTMLInputElement>(id: string): T | null => root.querySelector<T>(`[data-testid="${id}"]`);

beforeEach(() => {
  changes = [];
  opened = [];
});

describe('Legend', () => {
  it('shows a labelled toggle with a count for each type', () => {
    show();
    const rows = [...root.querySelectorAll('.lede-toggle:not(.lede-toggle-all)')].map((row) => row.textContent);
    expect(rows).toEqual(['People3', 'Places2', 'Organisations0', 'Direct quotes5', 'Reported speech4']);
    for (const type of ['person', 'place', 'organization', 'quote', 'reported', 'all']) {
      expect(byTestId(`legend-toggle-${type}`)?.checked).toBe(true);
    }
    expect(root.textContent).toContain('14 found');
  });

  it('turns one type off, keeping the current scope', () => {
    show({ scope: 'site' });
    act(() => byTestId('legend-toggle-place')!.click());
    expect(changes).toEqual([[{ ...ALL_ON, place: false }, 'site']]);
  });

  it('turns everything off when all are on, and everything on otherwise', () => {
    show();
    act(() => byTestId('legend-toggle-all')!.click());
    show({ prefs: { ...ALL_ON, quote: false, reported: false } });
    expect(byTestId('legend-toggle-all')!.indeterminate).toBe(true);
    act(() => byTestId('legend-toggle-all')!.click());
    expect(changes).toEqual([
      [{ person: false, place: false, organization: false, quote: false, reported: false }, 'global'],
      [ALL_ON, 'global'],
    ]);
  });

  it('switches between remembering for this site and for all sites', () => {
    show({ prefs: { ...ALL_ON, person: false } });
    expect(byTestId('legend-scope-global')!.checked).toBe(true);
    act(() => byTestId('legend-scope-site')!.click());
    expect(changes).toEqual([[{ ...ALL_ON, person: false }, 'site']]);
  });

  it('collapses to its pill and expands again, announcing the state and telling whoever remembers it', () => {
    show();
    const head = byTestId<HTMLButtonElement>('legend-collapse')!;
    expect(head.getAttribute('aria-expanded')).toBe('true');
    act(() => head.click());
    expect(head.getAttribute('aria-expanded')).toBe('false');
    expect(byTestId('legend-toggle-person')).toBeNull();
    act(() => head.click());
    expect(byTestId('legend-toggle-person')).not.toBeNull();
    expect(opened).toEqual([false, true]);
  });

  it('starts as a pill when the reader left it closed, with the counts by type for hover and focus', () => {
    show({ open: false });
    expect(byTestId<HTMLButtonElement>('legend-collapse')!.getAttribute('aria-expanded')).toBe('false');
    expect(byTestId('legend-toggle-person')).toBeNull();
    expect(root.querySelector('.lede-legend-collapsed')).not.toBeNull();
    const peek = [...root.querySelectorAll('[data-testid="legend-peek"] li')].map((row) => row.textContent);
    expect(peek).toEqual(['People3', 'Places2', 'Organisations0', 'Direct quotes5', 'Reported speech4']);
  });

  it('follows a new open state from its owner', () => {
    show({ open: false });
    show({ open: true });
    expect(byTestId('legend-toggle-person')).not.toBeNull();
  });

  it('disables the toggles and says why where highlights cannot be painted', () => {
    show({ highlightsSupported: false });
    expect(byTestId('legend-toggle-person')!.disabled).toBe(true);
    expect(root.textContent).toContain('cannot paint highlights');
  });
});
