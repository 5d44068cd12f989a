// @vitest-environment happy-dom
// The in-page legend (components/Legend.tsx), which shares its toggles with the popup.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Legend, type LegendProps } from '@/components/Legend';
import type { HighlightPrefs, PrefsScope } from '@/lib/settings/highlight-prefs';

const ALL_ON: HighlightPrefs = { person: true, place: true, organization: true, quote: true, reported: true };
const COUNTS = { person: 3, place: 2, organization: 0, quote: 5, reported: 4 };

let root: HTMLElement;
let changes: Array<[HighlightPrefs, PrefsScope]>;

function show(overrides: Partial<LegendProps> = {}): void {
  render(
    <Legend
      counts={COUNTS}
      prefs={ALL_ON}
      scope="global"
      highlightsSupported
      onChange={(prefs, scope) => changes.push([prefs, scope])}
      {...overrides}
    />,
    root,
  );
}

const byTestId = <T extends HTMLElement = HTMLInputElement>(id: string): T | null => root.querySelector<T>(`[data-testid="${id}"]`);

beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
  changes = [];
});

afterEach(() => {
  render(null, root);
  root.remove();
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

  it('collapses to its header and expands again, announcing the state', () => {
    show();
    const head = byTestId<HTMLButtonElement>('legend-collapse')!;
    expect(head.getAttribute('aria-expanded')).toBe('true');
    act(() => head.click());
    expect(head.getAttribute('aria-expanded')).toBe('false');
    expect(byTestId('legend-toggle-person')).toBeNull();
    act(() => head.click());
    expect(byTestId('legend-toggle-person')).not.toBeNull();
  });

  it('disables the toggles and says why where highlights cannot be painted', () => {
    show({ highlightsSupported: false });
    expect(byTestId('legend-toggle-person')!.disabled).toBe(true);
    expect(root.textContent).toContain('cannot paint highlights');
  });
});
