// @vitest-environment happy-dom
// The popup at a glance: tabs (People & places | Notes) from the keyboard, sections that fold and
// stay folded through the background, cards that unfold, the filter, "Show N more people", the way
// to an entity's page, and the empty and loading states.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { entityFromLibrarySearch, entityLibraryPath } from '@/components/library/open-library';
import { App } from '@/components/popup/PopupApp';
import type { Analysis, Span } from '@/lib/analysis/types';
import type { AnalysisReport, LedeRequest } from '@/lib/protocol/messages';
import type { PopupPrefs } from '@/lib/settings/popup-prefs';
import { channel, type FakeChannel } from '../../testing/fakes/background';
import { click, settle, testRoot } from '../../testing/preact';

const PEOPLE = ['Ada Lovelace', 'Bob Brown', 'Cy Young', 'Di Prince', 'Ed Stone', 'Flo Rida', 'Gus Grant', 'Hal Finney', 'Ivy Lee', 'Jo March'];
// Each name once, then the first three again so they lead; Geneva and the UN once each.
const TEXT = `${PEOPLE.join('. ')}. ${PEOPLE.slice(0, 3).join('. ')}. Geneva. UN. “We will talk,” said Ada Lovelace.`;
const at = (word: string, from = 0): Span => {
  const start = TEXT.indexOf(word, from);
  return { start, end: start + word.length };
};
const mentionsOf = (name: string): Span[] => {
  const spans: Span[] = [];
  for (let from = TEXT.indexOf(name); from >= 0; from = TEXT.indexOf(name, from + 1)) spans.push({ start: from, end: from + name.length });
  return spans;
};

const ANALYSIS: Analysis = {
  entities: [
    ...PEOPLE.map((name) => ({ id: `person:${name}`, type: 'person' as const, name, mentions: mentionsOf(name) })),
    { id: 'place:Geneva', type: 'place', name: 'Geneva', mentions: [at('Geneva')] },
    { id: 'organization:United Nations', type: 'organization', name: 'United Nations', mentions: [at('UN.')] },
  ],
  quotes: [{ ...at('We will talk,'), kind: 'direct', speaker: { name: 'Ada Lovelace', entityId: 'person:Ada Lovelace' } }],
};
ANALYSIS.entities[0]!.description = 'a mathematician who wrote the first program';
ANALYSIS.entities[1]!.role = 'Mayor';

function report(overrides: Partial<AnalysisReport> = {}): AnalysisReport {
  return {
    status: 'analyzed',
    url: 'https://news.example/story',
    title: 'Engines',
    analysis: ANALYSIS,
    text: TEXT,
    timings: {},
    highlightsSupported: true,
    highlightPrefs: { prefs: { person: true, place: true, organization: true, quote: true, reported: true }, scope: 'global' },
    ...overrides,
  };
}

/** The page: the analysis, and no notes. */
const tab = (answer: AnalysisReport = report()): FakeChannel =>
  channel((message) => (message.type === 'getPageNotes' ? { source: 'https://news.example/story', notes: [] } : answer));

/** The background: stored popup prefs, and empty histories and switches. */
function background(stored: PopupPrefs = { collapsed: ['highlights'] }): FakeChannel & { saved: PopupPrefs[] } {
  const saved: PopupPrefs[] = [];
  const fake = channel((message: LedeRequest) => {
    switch (message.type) {
      case 'getPopupPrefs':
        return stored;
      case 'savePopupPrefs':
        saved.push(message.prefs);
        return message.prefs;
      case 'getEntityHistory':
        return {
          histories: [{ name: 'Ada Lovelace', total: 2, articles: [{ url: 'https://old.example/a', title: 'Babbage', site: 'old.example', seenAt: 5, name: 'Ada Lovelace' }] }],
        };
      case 'getSiteSwitches':
        return { paused: false, offSites: [] };
      default:
        return { status: 'disabled' };
    }
  });
  return { ...fake, saved };
}

const root = testRoot();
afterEach(() => {
});

const q = <T extends HTMLElement = HTMLElement>(selector: string): T => {
  const found = root.querySelector<T>(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
};
/** Names of the entity items a reader sees (not hidden, in an unfolded section). */
const shownNames = (type: string): string[] =>
  [...root.querySelectorAll<HTMLElement>(`[data-testid="entity-group"][data-type="${type}"] [data-testid="entity"]`)]
    .filter((item) => !item.hidden && !item.closest<HTMLElement>('.fold-body')!.hidden)
    .map((item) => item.dataset.name!);

async function show(props: Partial<Parameters<typeof App>[0]> = {}): Promise<void> {
  render(<App send={tab().send} background={background().send} {...props} />, root);
  await settle();
}

async function key(element: HTMLElement, name: string): Promise<void> {
  await act(() => {
    element.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true }));
  });
  await settle();
}

describe('the popup’s tabs', () => {
  it('moves between People & places and Notes with the arrow keys, Home and End', async () => {
    await show();
    const people = q('[data-testid="tab-people"]');
    const notes = q('[data-testid="tab-notes"]');
    expect(q('[role="tablist"]').contains(people)).toBe(true);
    expect([people.tabIndex, notes.tabIndex]).toEqual([0, -1]);
    people.focus();
    await key(people, 'ArrowRight');
    expect(notes.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(notes);
    expect([people.tabIndex, notes.tabIndex]).toEqual([-1, 0]);
    expect(q('#panel-notes').hidden).toBe(false);
    expect(q('#panel-people').hidden).toBe(true);
    await key(notes, 'ArrowRight'); // wraps round
    expect(people.getAttribute('aria-selected')).toBe('true');
    await key(people, 'End');
    expect(notes.getAttribute('aria-selected')).toBe('true');
    await key(notes, 'Home');
    expect(people.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(people);
  });

  it('counts the cards and the notes in the tab labels', async () => {
    await show();
    expect(q('[data-testid="tab-people"]').textContent).toBe('People & places12');
    expect(q('[data-testid="tab-notes"]').textContent).toBe('Notes0');
  });
});

describe('the first screen', () => {
  it('lists the most prominent people first with who they are, and the rest behind “Show N more”', async () => {
    await show();
    expect(shownNames('person')).toEqual(PEOPLE.slice(0, 8));
    expect(q('[data-name="Ada Lovelace"] [data-testid="card-description"]').textContent).toBe('a mathematician who wrote the first program');
    expect(q('[data-name="Bob Brown"] [data-testid="card-role"]').textContent).toBe('Mayor');
    expect(q('[data-testid="show-all-people"]').textContent).toBe('Show 2 more people');
    await click(q('[data-testid="show-all-people"]'));
    expect(shownNames('person')).toEqual(PEOPLE);
    expect(root.querySelector('[data-testid="show-all-people"]')).toBeNull();
    expect(shownNames('place')).toEqual(['Geneva']);
    expect(q('[data-name="Geneva"] [data-testid="entity-card"]').className).toContain('card-chip');
  });

  it('unfolds a card from its name button, showing mentions, quotes and history', async () => {
    await show();
    const card = q('[data-testid="entity-card"][data-name="Ada Lovelace"]');
    const toggle = card.querySelector<HTMLButtonElement>('[data-testid="card-toggle"]')!;
    const details = q(`#${toggle.getAttribute('aria-controls')}`);
    expect(toggle.tagName).toBe('BUTTON');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(details.hidden).toBe(true);
    await click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(details.hidden).toBe(false);
    expect(details.querySelector('[data-testid="card-history"]')!.textContent).toContain('Also in 2 articles you’ve read');
    expect(details.querySelectorAll('[data-testid="card-quote"]')).toHaveLength(1);
    await click(toggle);
    expect(details.hidden).toBe(true);
  });

  it('opens the entity’s page from an unfolded card', async () => {
    const opened: string[] = [];
    await show({ openEntity: (name) => opened.push(name) });
    await click(q('[data-name="Geneva"] [data-testid="card-toggle"]'));
    await click(q('[data-name="Geneva"] [data-testid="card-open-entity"]'));
    expect(opened).toEqual(['place:geneva']);
  });
});

describe('the library address a card opens', () => {
  it('names the entity, and the library reads the same name back', () => {
    for (const name of ['Barack Obama', 'AT&T', 'São Paulo', 'a=b?c#d']) {
      const path = entityLibraryPath(name);
      expect(path.startsWith('/library.html?entity=')).toBe(true);
      expect(entityFromLibrarySearch(path.slice(path.indexOf('?')))).toBe(name);
    }
    expect(entityFromLibrarySearch('')).toBeNull();
    expect(entityFromLibrarySearch('?entity=%20')).toBeNull();
  });
});

describe('the filter', () => {
  async function type(text: string): Promise<void> {
    const input = q<HTMLInputElement>('[data-testid="card-filter"]');
    await act(() => {
      input.value = text;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await settle();
  }

  it('narrows the cards by name, description and type, and says how many match', async () => {
    await show();
    await type('mathematician');
    expect([shownNames('person'), shownNames('place'), shownNames('organization')]).toEqual([['Ada Lovelace'], [], []]);
    expect(q('[data-testid="fold-people"]').textContent).toContain('1 of 10');
    await type('jo');
    // Past the first eight too: a match is never hidden behind "Show more".
    expect(shownNames('person')).toEqual(['Jo March']);
    await type('place');
    expect([shownNames('person'), shownNames('place')]).toEqual([[], ['Geneva']]);
    expect(q('[data-type="person"] [data-testid="group-empty"]').textContent).toBe('No match.');
  });

  it('shows matches in a folded section while filtering, and clears on Escape', async () => {
    render(<App send={tab().send} background={background({ collapsed: ['places'] }).send} />, root);
    await settle();
    expect(shownNames('place')).toEqual([]);
    await type('gene');
    expect(shownNames('place')).toEqual(['Geneva']);
    // Folding waits until the filter is cleared: every match shows meanwhile.
    expect(q<HTMLButtonElement>('[data-testid="fold-places"]').disabled).toBe(true);
    await key(q('[data-testid="card-filter"]'), 'Escape');
    expect(q<HTMLInputElement>('[data-testid="card-filter"]').value).toBe('');
    expect(shownNames('place')).toEqual([]);
    expect(q<HTMLButtonElement>('[data-testid="fold-places"]').disabled).toBe(false);
  });
});

describe('folded sections', () => {
  it('starts with the sections the background remembers folded', async () => {
    render(<App send={tab().send} background={background({ collapsed: ['people', 'quotes'] }).send} />, root);
    await settle();
    expect(q('[data-testid="fold-people"]').getAttribute('aria-expanded')).toBe('false');
    expect(q('#section-people').hidden).toBe(true);
    expect(q('[data-testid="fold-places"]').getAttribute('aria-expanded')).toBe('true');
    // The page toggles, folded by default, open because the reader left them open.
    expect(q('#section-highlights').hidden).toBe(false);
  });

  it('folds a section from its heading button and asks the background to remember it', async () => {
    const fake = background();
    render(<App send={tab().send} background={fake.send} />, root);
    await settle();
    const places = q('[data-testid="fold-places"]');
    expect(places.closest('h2')).not.toBeNull();
    await click(places);
    expect(places.getAttribute('aria-expanded')).toBe('false');
    expect(q(`#${places.getAttribute('aria-controls')}`).hidden).toBe(true);
    expect(fake.saved).toEqual([{ collapsed: ['places', 'highlights'] }]);
    await click(places);
    expect(fake.saved.at(-1)).toEqual({ collapsed: ['highlights'] });
  });

  it('waits for the stored folds before showing the cards, so nothing jumps', async () => {
    let answer: (prefs: PopupPrefs) => void = () => {};
    const slow = channel((message) => {
      if (message.type === 'getPopupPrefs') return new Promise((resolve) => (answer = resolve));
      if (message.type === 'getSiteSwitches') return { paused: false, offSites: [] };
      return { histories: [] };
    });
    render(<App send={tab().send} background={slow.send} />, root);
    await settle();
    expect(root.querySelector('[data-testid="entity-card"]')).toBeNull();
    expect(q('[data-testid="popup-loading"]').textContent).toContain('Reading this page');
    await act(() => answer({ collapsed: ['organizations'] }));
    await settle();
    expect(q('[data-testid="popup"]').dataset.cardsReady).toBe('true');
    expect(q('#section-organizations').hidden).toBe(true);
  });
});

describe('empty states', () => {
  it('says when the page has no article', async () => {
    await show({ send: tab(report({ status: 'not-article', analysis: undefined, text: undefined, message: undefined })).send });
    expect(q('.message-title').textContent).toBe('No article found on this page');
    expect(root.querySelector('[data-testid="analyze-now"]')).not.toBeNull();
  });

  it('says “No people found” in the people section of an article that names only places', async () => {
    const placesOnly: Analysis = { entities: ANALYSIS.entities.filter((entity) => entity.type !== 'person'), quotes: [] };
    await show({ send: tab(report({ analysis: placesOnly })).send });
    expect(q('[data-type="person"] [data-testid="group-empty"]').textContent).toBe('No people found.');
    expect(shownNames('place')).toEqual(['Geneva']);
  });
});
