// @vitest-environment happy-dom
// The popup's entity cards: what a card shows, what its buttons ask the page to do, the
// "Also in N articles you've read" history, place facts, and how the popup wires them together.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { EntityCard } from '@/components/popup/EntityCard';
import { historyHeading, pieceLabel, placeFactRows, shortDate, siteLabel } from '@/components/popup/card-text';
import { App } from '@/components/popup/PopupApp';
import type { Analysis, Span } from '@/lib/analysis/types';
import type { EntityCard as EntityCardModel } from '@/lib/cards/cards';
import type { EntityHistory } from '@/lib/protocol/messages';
import type { AnalysisReport } from '@/lib/protocol/messages';
import { placeFacts } from '@/lib/cards/place-facts';
import { settle, testRoot } from '../../testing/preact';
import { channel } from '../../testing/fakes/background';

const root = testRoot();

const KERRY: EntityCardModel = {
  id: 'person:John Kerry',
  type: 'person',
  name: 'John Kerry',
  role: 'Secretary of State',
  description: 'the top U.S. diplomat',
  mentions: [
    { start: 0, end: 5 },
    { start: 40, end: 45 },
    { start: 90, end: 95 },
  ],
  mentionCount: 3,
  quotes: [
    { start: 10, end: 20, kind: 'direct', text: 'We will continue' },
    { start: 60, end: 80, kind: 'reported', text: 'talks were over' },
  ],
  prominence: 9,
};

function renderCard(props: Partial<Parameters<typeof EntityCard>[0]> & { reveal?: (span: Span) => Promise<boolean> } = {}): Span[] {
  const revealed: Span[] = [];
  const onReveal = async (span: Span): Promise<boolean> => {
    revealed.push(span);
    return props.reveal ? props.reveal(span) : true;
  };
  render(<EntityCard card={KERRY} domId="card-test" expanded onReveal={onReveal} {...props} />, root);
  return revealed;
}

const q = <T extends Element = HTMLElement>(selector: string): T => {
  const found = root.querySelector<T>(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
};

describe('EntityCard', () => {
  it('carries the DOM contract: id, type, name, role, description, mentions and quotes', () => {
    renderCard();
    const card = q('[data-testid="entity-card"]');
    expect(card.dataset).toMatchObject({ entityId: 'person:John Kerry', type: 'person', name: 'John Kerry' });
    expect(q('[data-testid="card-role"]').textContent).toBe('Secretary of State');
    expect(q('[data-testid="card-description"]').textContent).toBe('the top U.S. diplomat');
    expect(q('[data-testid="card-mentions"]').textContent).toBe('3 mentions');
    const quotes = [...root.querySelectorAll<HTMLElement>('[data-testid="card-quote"]')];
    expect(quotes.map((quote) => [quote.tagName, quote.dataset.kind])).toEqual([
      ['BUTTON', 'direct'],
      ['BUTTON', 'reported'],
    ]);
    expect(quotes[0]!.textContent).toContain('We will continue');
    expect(quotes[0]!.textContent).toContain('Direct quote');
    expect(quotes[1]!.textContent).toContain('Reported speech');
    // The heading names the card for screen readers.
    expect(card.getAttribute('aria-labelledby')).toBe('card-test-name');
    expect(q('#card-test-name').textContent).toBe('John Kerry');
  });

  it('reveals the next mention on each click, cycling, and says which one', async () => {
    const revealed = renderCard();
    const button = q<HTMLButtonElement>('[data-testid="card-mentions"]');
    expect(button.getAttribute('aria-label')).toBe('3 mentions of John Kerry: show the next in the page');
    for (let i = 0; i < 4; i += 1) {
      await act(() => button.click());
      await settle();
    }
    expect(revealed).toEqual([KERRY.mentions[0], KERRY.mentions[1], KERRY.mentions[2], KERRY.mentions[0]]);
    expect(q('[role="status"]').textContent).toBe('Mention 1 of 3');
  });

  it('reveals a quote when it is clicked, and says so when the page cannot', async () => {
    const revealed = renderCard({ reveal: async () => false });
    await act(() => root.querySelectorAll<HTMLButtonElement>('[data-testid="card-quote"]')[1]!.click());
    await settle();
    expect(revealed).toEqual([{ start: 60, end: 80, kind: 'reported', text: 'talks were over' }]);
    expect(q('[role="status"]').textContent).toBe('Couldn’t find that on the page.');
  });

  it('folds the quotes of cards that are not expanded, keeping them in the DOM', () => {
    renderCard({ expanded: false });
    expect(q<HTMLDetailsElement>('details.card-quotes').open).toBe(false);
    expect(root.querySelectorAll('[data-testid="card-quote"]')).toHaveLength(2);
  });

  it('shows no quotes section, no history and no facts for an entity without them', () => {
    render(<EntityCard card={{ ...KERRY, quotes: [], role: undefined, description: undefined }} domId="c" expanded onReveal={async () => true} />, root);
    expect(root.querySelector('details.card-quotes')).toBeNull();
    expect(root.querySelector('[data-testid="card-history"]')).toBeNull();
    expect(root.querySelector('[data-testid="card-role"]')).toBeNull();
    expect(root.querySelector('[data-testid="card-description"]')).toBeNull();
    expect(root.querySelector('[data-testid="card-place-facts"]')).toBeNull();
  });

  it('lists other articles with links that open in a new tab, folding in what they said', () => {
    const history: EntityHistory = {
      name: 'John Kerry',
      total: 7,
      articles: [
        { url: 'https://www.reuters.com/a', title: 'Kerry in Geneva', site: 'www.reuters.com', seenAt: Date.UTC(2026, 2, 3, 12), name: 'John Kerry', description: 'the former senator' },
        { url: 'https://apnews.com/b', title: 'Talks stall', site: 'apnews.com', seenAt: Date.UTC(2026, 2, 2, 12), name: 'John F. Kerry', role: 'Secretary of State' },
      ],
    };
    renderCard({ history });
    const section = q('[data-testid="card-history"]');
    expect(section.textContent).toContain('Also in 7 articles you’ve read');
    const links = [...section.querySelectorAll<HTMLAnchorElement>('a[href]')];
    expect(links.map((a) => [a.getAttribute('href'), a.target, a.rel])).toEqual([
      ['https://www.reuters.com/a', '_blank', 'noopener noreferrer'],
      ['https://apnews.com/b', '_blank', 'noopener noreferrer'],
    ]);
    expect(links[0]!.textContent).toContain('Kerry in Geneva');
    // Another article's description is folded in; the same role as this article's is not repeated.
    expect(section.textContent).toMatch(/In a reuters\.com piece on .*: “the former senator”/);
    expect(section.textContent).not.toContain('piece on March 2');
    expect(section.textContent).toContain('apnews.com ·');
    expect(section.textContent).toContain('and 5 more');
  });

  it('shows place facts for a country and for a capital', () => {
    render(<EntityCard card={{ ...KERRY, id: 'place:Moscow', type: 'place', name: 'Moscow', quotes: [], role: undefined, description: undefined }} domId="m" expanded={false} onReveal={async () => true} />, root);
    const facts = q('[data-testid="card-place-facts"]');
    expect([...facts.querySelectorAll('dt')].map((dt) => dt.textContent)).toEqual(['Capital of', 'Region']);
    expect(facts.textContent).toContain('Russia');
  });
});

describe('card text', () => {
  it('says "article" or "articles"', () => {
    expect(historyHeading(1)).toBe('Also in 1 article you’ve read');
    expect(historyHeading(3)).toBe('Also in 3 articles you’ve read');
  });

  it('names sites and dates the way readers do', () => {
    expect(siteLabel('www.bbc.co.uk')).toBe('bbc.co.uk');
    const now = Date.UTC(2026, 10, 26);
    expect(shortDate(Date.UTC(2026, 2, 3, 12), now, 'en-GB')).toBe('3 March');
    expect(shortDate(Date.UTC(2024, 2, 3, 12), now, 'en-GB')).toBe('3 March 2024');
    const article = { url: 'u', title: 't', site: 'www.apnews.com', seenAt: Date.UTC(2026, 2, 3, 12), name: 'n' };
    expect(pieceLabel(article, now, 'en-GB')).toBe('In an apnews.com piece on 3 March');
  });

  it('lists country facts, naming the country when the card goes by a short form', () => {
    expect(placeFactRows(placeFacts('Russia')!, 'Russia')).toEqual([
      ['Official name', 'Russian Federation'],
      ['Capital', 'Moscow'],
      ['Region', 'Eastern Europe, Europe'],
    ]);
    expect(placeFactRows(placeFacts('U.S.')!, 'U.S.')[0]).toEqual(['Country', 'United States']);
  });
});

// ---- The popup as a whole ---------------------------------------------------------------------

const TEXT = 'Kerry met Lavrov in Moscow. “We will talk,” Kerry said. Lavrov said talks were over.';
const at = (word: string, from = 0): Span => {
  const start = TEXT.indexOf(word, from);
  return { start, end: start + word.length };
};
const ANALYSIS: Analysis = {
  entities: [
    { id: 'person:Sergei Lavrov', type: 'person', name: 'Sergei Lavrov', mentions: [at('Lavrov'), at('Lavrov', 40)] },
    { id: 'person:John Kerry', type: 'person', name: 'John Kerry', role: 'Secretary of State', mentions: [at('Kerry'), at('Kerry', 30)] },
    { id: 'place:Moscow', type: 'place', name: 'Moscow', mentions: [at('Moscow')] },
  ],
  quotes: [
    { ...at('We will talk,'), kind: 'direct', speaker: { name: 'John Kerry', entityId: 'person:John Kerry' } },
    { ...at('talks were over'), kind: 'reported', speaker: { name: 'Sergei Lavrov', entityId: 'person:Sergei Lavrov' } },
  ],
};

const REPORT: AnalysisReport = {
  status: 'analyzed',
  url: 'https://news.example/story',
  title: 'Talks',
  analysis: ANALYSIS,
  text: TEXT,
  timings: {},
  highlightsSupported: true,
  highlightPrefs: { prefs: { person: true, place: true, organization: true, quote: true, reported: true }, scope: 'global' },
};

const popupRoot = (): HTMLElement => q('[data-testid="popup"]');

describe('popup cards', () => {
  it('renders cards most prominent first inside the type groups, and is ready at once without a background', async () => {
    render(<App send={channel(() => REPORT).send} />, root);
    await settle();
    expect(popupRoot().dataset.cardsReady).toBe('true');
    const cards = [...root.querySelectorAll<HTMLElement>('[data-testid="entity-card"]')];
    expect(cards.map((card) => `${card.dataset.type}:${card.dataset.name}`)).toEqual(['person:John Kerry', 'person:Sergei Lavrov', 'place:Moscow']);
    for (const card of cards) expect(card.closest('[data-testid="entity"]')!.getAttribute('data-name')).toBe(card.dataset.name);
    expect(q('[data-name="Moscow"] [data-testid="card-place-facts"]').textContent).toContain('Russia');
  });

  it('shows the cards at once and fills in their history when the background answers', async () => {
    let answer: (value: unknown) => void = () => {};
    const history: EntityHistory = {
      name: 'John Kerry',
      total: 1,
      articles: [{ url: 'https://old.example/a', title: 'Earlier', site: 'old.example', seenAt: 5, name: 'John Kerry' }],
    };
    const background = channel((message) => {
      if (message.type === 'getEntityHistory') return new Promise((resolve) => (answer = resolve));
      if (message.type === 'getSiteSwitches') return { paused: false, offSites: [] };
      return { status: 'disabled' };
    });
    render(<App send={channel(() => REPORT).send} background={background.send} />, root);
    await settle();
    const asked = background.sent.find((m) => m.type === 'getEntityHistory');
    expect(asked).toMatchObject({ type: 'getEntityHistory', excludeUrl: 'https://news.example/story' });
    expect(asked && 'names' in asked ? [...asked.names].sort() : []).toEqual(['John Kerry', 'Moscow', 'Sergei Lavrov']);
    expect(root.querySelectorAll('[data-testid="entity-card"]')).toHaveLength(3);
    expect(popupRoot().dataset.cardsReady).toBe('true');
    expect(popupRoot().dataset.history).toBe('loading');
    expect(root.querySelector('[data-testid="card-history"]')).toBeNull();

    await act(() => answer({ histories: [history, { name: 'Sergei Lavrov', total: 0, articles: [] }, { name: 'Moscow', total: 0, articles: [] }] }));
    await settle();
    expect(popupRoot().dataset.history).toBe('ready');
    expect(q('[data-name="John Kerry"] [data-testid="card-history"]').textContent).toContain('Also in 1 article you’ve read');
    expect(root.querySelector('[data-name="Sergei Lavrov"] [data-testid="card-history"]')).toBeNull();
  });

  it('shows the cards without history when the background fails', async () => {
    const background = channel((message) => {
      if (message.type === 'getEntityHistory') throw new Error('no background');
      if (message.type === 'getSiteSwitches') return { paused: false, offSites: [] };
      return { status: 'disabled' };
    });
    render(<App send={channel(() => REPORT).send} background={background.send} />, root);
    await settle();
    expect(popupRoot().dataset.history).toBe('unavailable');
    expect(popupRoot().dataset.cardsReady).toBe('true');
    expect(root.querySelector('[data-testid="card-history"]')).toBeNull();
  });

  it('sends revealSpan to the page for a mention and for a quote', async () => {
    const tab = channel((message) => (message.type === 'revealSpan' ? { revealed: true } : REPORT));
    render(<App send={tab.send} />, root);
    await settle();
    await act(() => q<HTMLButtonElement>('[data-name="John Kerry"] [data-testid="card-mentions"]').click());
    await act(() => q<HTMLButtonElement>('[data-name="John Kerry"] [data-testid="card-quote"]').click());
    await settle();
    expect(tab.sent.filter((m) => m.type === 'revealSpan')).toEqual([
      { type: 'revealSpan', ...at('Kerry') },
      { type: 'revealSpan', ...at('We will talk,') },
    ]);
  });
});
