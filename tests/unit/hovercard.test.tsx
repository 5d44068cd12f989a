// @vitest-environment happy-dom
// The in-page hover card (components/hovercard/HoverCard.tsx), rendered on its own.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import { HoverCard, type HoverCardProps } from '@/components/hovercard/HoverCard';
import type { HoverCardModel } from '@/components/hovercard/model';
import { testRoot } from '../../testing/preact';

const SESTANOVICH: HoverCardModel = {
  key: 'person:Stephen Sestanovich@',
  entityId: 'person:Stephen Sestanovich',
  name: 'Stephen Sestanovich',
  type: 'person',
  description: 'a former State Department official, now a Columbia University professor',
  mentionCount: 1,
  quoteCount: 3,
  quotes: [
    { start: 10, end: 40, kind: 'direct', text: 'Kerry is a congenial, keep-communicating kind of guy', marked: false },
    { start: 50, end: 90, kind: 'reported', text: 'European governments are uncomfortable', marked: false },
  ],
};

const root = testRoot();
let events: string[];

function show(overrides: Partial<HoverCardProps> = {}): HTMLElement {
  act(() => {
    render(
      <HoverCard
        model={SESTANOVICH}
        anchor={{ left: 100, top: 100, right: 220, bottom: 120 }}
        target={{ start: 3, end: 22, type: 'person' }}
        takeFocus={false}
        keyHint="Alt+Shift+J / K: next / previous"
        onPointerEnter={() => events.push('enter')}
        onPointerLeave={() => events.push('leave')}
        {...overrides}
      />,
      root,
    );
  });
  return root.querySelector<HTMLElement>('[data-testid="hovercard"]')!;
}

const textOf = (card: HTMLElement, testId: string): string[] =>
  [...card.querySelectorAll(`[data-testid="${testId}"]`)].map((e) => e.textContent ?? '');

beforeEach(() => {
  events = [];
});

describe('HoverCard', () => {
  it('shows the name, type, description and counts', () => {
    const card = show();
    expect(textOf(card, 'hovercard-name')).toEqual(['Stephen Sestanovich']);
    expect(textOf(card, 'hovercard-type')).toEqual(['Person']);
    expect(textOf(card, 'hovercard-description')).toEqual([SESTANOVICH.description]);
    expect(textOf(card, 'hovercard-role')).toEqual([]);
    expect(textOf(card, 'hovercard-counts')).toEqual(['1 mention · 3 quotes']);
  });

  it('identifies itself to tests and to assistive technology', () => {
    const card = show();
    expect(card.getAttribute('role')).toBe('dialog');
    expect(card.dataset.entityId).toBe('person:Stephen Sestanovich');
    expect([card.dataset.start, card.dataset.end, card.dataset.highlight]).toEqual(['3', '22', 'person']);
    expect(root.querySelector(`#${card.getAttribute('aria-labelledby')}`)?.textContent).toBe('Stephen Sestanovich');
    expect(root.querySelector(`#${card.getAttribute('aria-describedby')}`)?.textContent).toContain('State Department');
  });

  it('lists quotes with their kind, marks the one pointed at, and counts the rest', () => {
    const marked = { ...SESTANOVICH, quotes: SESTANOVICH.quotes.map((q, i) => ({ ...q, marked: i === 0 })) };
    const card = show({ model: marked });
    const items = [...card.querySelectorAll<HTMLElement>('[data-testid="hovercard-quote"]')];
    expect(items.map((q) => [q.dataset.kind, q.dataset.marked, q.getAttribute('aria-current')])).toEqual([
      ['direct', 'true', 'true'],
      ['reported', 'false', null],
    ]);
    expect(items[0]!.textContent).toContain('this quote');
    // Only direct quotes get quotation marks: reported speech is the writer's paraphrase.
    expect(items[0]!.querySelector('q')).not.toBeNull();
    expect(items[1]!.querySelector('q')).toBeNull();
    expect(card.textContent).toContain('and 1 more quote in the popup');
  });

  it('shows a place without quote counts or a quote list', () => {
    const card = show({ model: { key: 'place:Syria@', entityId: 'place:Syria', name: 'Syria', type: 'place', mentionCount: 12, quoteCount: 0, quotes: [] } });
    expect(textOf(card, 'hovercard-type')).toEqual(['Place']);
    expect(textOf(card, 'hovercard-counts')).toEqual(['12 mentions']);
    expect(card.querySelector('ul')).toBeNull();
  });

  it('shows an unnamed speaker as a speaker, with no counts', () => {
    const card = show({
      model: {
        key: 'quote@1-2',
        entityId: null,
        name: 'a senior Arab official',
        type: null,
        mentionCount: null,
        quoteCount: 1,
        quotes: [{ start: 1, end: 2, kind: 'direct', text: 'Nothing will change.', marked: true }],
      },
    });
    expect(textOf(card, 'hovercard-type')).toEqual(['Speaker']);
    expect(textOf(card, 'hovercard-counts')).toEqual([]);
    expect(card.dataset.entityId).toBe('');
  });

  it('shows nothing from the reading history (a page can measure the card; the popup has the history)', () => {
    const card = show();
    expect(card.querySelector('[data-testid="hovercard-history"]')).toBeNull();
    expect(card.textContent).not.toMatch(/you.ve read|articles? you/i);
  });

  it('is placed (and visible) once measured', () => {
    const card = show();
    expect(card.dataset.side).toBe('below');
    expect(card.style.visibility).toBe('');
    expect(card.style.top).toBe('126px');
  });

  it('takes focus only when asked (keyboard navigation)', () => {
    const card = show();
    expect(document.activeElement).not.toBe(card);
    const focused = show({ takeFocus: true, model: { ...SESTANOVICH, key: 'other' } });
    expect(document.activeElement).toBe(focused);
  });

  it('reports the pointer entering and leaving it', () => {
    const card = show();
    act(() => {
      card.dispatchEvent(new PointerEvent('pointerenter'));
      card.dispatchEvent(new PointerEvent('pointerleave'));
    });
    expect(events).toEqual(['enter', 'leave']);
  });
});

describe('"All about X" on the hover card', () => {
  it('opens the entity’s page by its key, and is there whatever the reader has read', () => {
    const opened: string[] = [];
    const card = show({ onOpenEntity: (key) => opened.push(key) });
    const button = card.querySelector<HTMLButtonElement>('[data-testid="hovercard-open-entity"]')!;
    expect(button.textContent).toBe('All about Stephen Sestanovich');
    act(() => button.click());
    expect(opened).toEqual(['person:stephen sestanovich']);
  });

  it('is left out without a way to open the library, and for a speaker the article names only by a phrase', () => {
    expect(show().querySelector('[data-testid="hovercard-open-entity"]')).toBeNull();
    const speaker = show({ model: { ...SESTANOVICH, entityId: null, type: null, name: 'a senior Arab official' }, onOpenEntity: () => undefined });
    expect(speaker.querySelector('[data-testid="hovercard-open-entity"]')).toBeNull();
  });
});
