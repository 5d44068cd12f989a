// @vitest-environment happy-dom
// Lede's in-page UI ignores events the page's scripts dispatch (lib/page/trusted-events.ts): here
// with the real `isTrusted` check (every event a test dispatches is untrusted) and with a stand-in
// that trusts everything, to show the same UI still works for the reader. Real Chromium, where
// the reader's events are trusted: tests/e2e/hostile-page-probing.test.ts.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HoverCard } from '@/components/hovercard/HoverCard';
import { Legend } from '@/components/Legend';
import { blockUntrustedEvents, isTrustedEvent, trustedOnly, type TrustCheck } from '@/lib/page/trusted-events';
import type { HighlightPrefs, PrefsScope } from '@/lib/settings/highlight-prefs';

const ALL_ON: HighlightPrefs = { person: true, place: true, organization: true, quote: true, reported: true };
const trustEverything: TrustCheck = () => true;

let host: HTMLElement;
let shadow: ShadowRoot;
let container: HTMLElement;
let unguard: () => void;
let changes: Array<[HighlightPrefs, PrefsScope]>;

/** A closed shadow root holding the legend, guarded as LazyShadowUi guards it. */
function mountLegend(trusted: TrustCheck): void {
  unguard = blockUntrustedEvents(shadow, trusted);
  act(() => {
    render(
      <Legend
        counts={{ person: 3, place: 2, organization: 1, quote: 5, reported: 4 }}
        prefs={ALL_ON}
        scope="global"
        highlightsSupported
        open
        onChange={(prefs, scope) => changes.push([prefs, scope])}
      />,
      container,
    );
  });
}

const control = <T extends HTMLElement = HTMLInputElement>(id: string): T => shadow.querySelector<T>(`[data-testid="${id}"]`)!;

beforeEach(() => {
  host = document.createElement('lede-legend');
  document.body.append(host);
  shadow = host.attachShadow({ mode: 'closed' });
  container = document.createElement('div');
  shadow.append(container);
  changes = [];
});

afterEach(() => {
  unguard?.();
  render(null, container);
  host.remove();
});

describe('isTrustedEvent and trustedOnly', () => {
  it('turn away events a script dispatched', () => {
    const seen: string[] = [];
    const target = document.createElement('div');
    target.addEventListener('pointermove', trustedOnly((event) => seen.push(`real ${event.type}`)));
    target.addEventListener('pointermove', trustedOnly((event) => seen.push(`stand-in ${event.type}`), trustEverything));
    const event = new PointerEvent('pointermove', { clientX: 10, clientY: 10 });
    target.dispatchEvent(event);
    expect(isTrustedEvent(event)).toBe(false);
    expect(seen).toEqual(['stand-in pointermove']);
  });

  it('tell an ignored event to onIgnored, and only an ignored one', () => {
    const handled: string[] = [];
    const ignored: string[] = [];
    const target = document.createElement('div');
    const listener = trustedOnly(
      (event: Event) => handled.push(event.type),
      (event) => event.type === 'keydown',
      (event) => ignored.push(event.type),
    );
    target.addEventListener('keydown', listener);
    target.addEventListener('pointermove', listener);
    target.dispatchEvent(new KeyboardEvent('keydown', { key: 'J' }));
    target.dispatchEvent(new PointerEvent('pointermove', { clientX: 10, clientY: 10 }));
    expect(handled).toEqual(['keydown']);
    expect(ignored).toEqual(['pointermove']);
  });
});

describe('blockUntrustedEvents around the legend', () => {
  it('lets no scripted click change a type, the scope or the collapsed state', () => {
    mountLegend(isTrustedEvent);
    act(() => {
      control('legend-scope-site').click();
      control('legend-toggle-all').click();
      control('legend-toggle-person').click();
      control<HTMLButtonElement>('legend-collapse').click();
    });
    expect(changes).toEqual([]);
    // (That a cancelled click also undoes the box's own toggle happy-dom does not model; the e2e
    // test checks it in Chromium.)
    expect(control<HTMLButtonElement>('legend-collapse').getAttribute('aria-expanded')).toBe('true');
  });

  it('stops scripted input, change and key events before the legend’s handlers', () => {
    mountLegend(isTrustedEvent);
    const box = control('legend-toggle-person');
    act(() => {
      box.checked = false;
      box.dispatchEvent(new Event('input', { bubbles: true }));
      box.dispatchEvent(new Event('change', { bubbles: true }));
      box.dispatchEvent(new KeyboardEvent('keydown', { key: ' ', bubbles: true }));
    });
    expect(changes).toEqual([]);
  });

  it('lets the reader’s events through (a check that trusts them)', () => {
    mountLegend(trustEverything);
    act(() => control('legend-toggle-person').click());
    act(() => control('legend-scope-site').click());
    expect(changes).toEqual([
      [{ ...ALL_ON, person: false }, 'global'],
      [ALL_ON, 'site'],
    ]);
  });

  it('stops nothing once removed', () => {
    mountLegend(isTrustedEvent);
    unguard();
    act(() => control('legend-toggle-person').click());
    expect(changes).toEqual([[{ ...ALL_ON, person: false }, 'global']]);
  });
});

describe('blockUntrustedEvents around the hover card', () => {
  it('stops non-bubbling scripted pointerenter/pointerleave in the capture phase', () => {
    const events: string[] = [];
    unguard = blockUntrustedEvents(shadow, isTrustedEvent);
    act(() => {
      render(
        <HoverCard
          model={{ key: 'k', entityId: 'person:A', name: 'A', type: 'person', mentionCount: 1, quoteCount: 0, quotes: [] }}
          anchor={{ left: 10, top: 10, right: 40, bottom: 24 }}
          target={{ start: 0, end: 1, type: 'person' }}
          takeFocus={false}
          keyHint="keys"
          onPointerEnter={() => events.push('enter')}
          onPointerLeave={() => events.push('leave')}
        />,
        container,
      );
    });
    const card = shadow.querySelector('[data-testid="hovercard"]')!;
    card.dispatchEvent(new PointerEvent('pointerenter'));
    card.dispatchEvent(new PointerEvent('pointerleave'));
    expect(events).toEqual([]);
  });
});
