// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { App } from '@/components/popup/PopupApp';
import { resolveTargetTab } from '@/entrypoints/popup/target-tab';
import type { Analysis } from '@/lib/analysis/types';
import { groupQuotesBySpeaker, summarizeQuotes, UNATTRIBUTED } from '@/lib/cards/article-summary';
import type { AnalysisReport } from '@/lib/protocol/messages';
import { settle, testRoot } from '../../testing/preact';
import { channel } from '../../testing/fakes/background';

const TEXT = 'Kerry met Lavrov in Geneva. “We will talk,” Kerry said. Lavrov said talks were over. “Not so,” Kerry said. NATO and the UN and Geneva and Kerry. “Quiet,” someone said.';
const at = (word: string, from = 0): { start: number; end: number } => {
  const start = TEXT.indexOf(word, from);
  return { start, end: start + word.length };
};

const ANALYSIS: Analysis = {
  entities: [
    { id: 'person:Sergei Lavrov', type: 'person', name: 'Sergei Lavrov', mentions: [at('Lavrov'), at('Lavrov', 60)] },
    { id: 'person:John Kerry', type: 'person', name: 'John Kerry', role: 'Secretary of State', mentions: [at('Kerry'), at('Kerry', 30), at('Kerry', 90), at('Kerry', 130)] },
    { id: 'place:Geneva', type: 'place', name: 'Geneva', mentions: [at('Geneva'), at('Geneva', 120)] },
    { id: 'organization:NATO', type: 'organization', name: 'NATO', mentions: [at('NATO')] },
    { id: 'organization:United Nations', type: 'organization', name: 'United Nations', mentions: [at('UN')] },
  ],
  quotes: [
    { ...at('We will talk,'), kind: 'direct', speaker: { name: 'John Kerry', entityId: 'person:John Kerry' } },
    { ...at('talks were over'), kind: 'reported', speaker: { name: 'Sergei Lavrov', entityId: 'person:Sergei Lavrov' } },
    { ...at('Not so,'), kind: 'direct', speaker: { name: 'John Kerry', entityId: 'person:John Kerry' } },
    { ...at('Quiet,'), kind: 'direct', speaker: null },
  ],
};

const ALL_ON = { person: true, place: true, organization: true, quote: true, reported: true };

function report(overrides: Partial<AnalysisReport> = {}): AnalysisReport {
  return {
    status: 'analyzed',
    url: 'https://news.example/story',
    title: 'Talks collapse',
    analysis: ANALYSIS,
    text: TEXT,
    timings: { startToPaintMs: 12 },
    highlightsSupported: true,
    highlightPrefs: { prefs: ALL_ON, scope: 'global' },
    ...overrides,
  };
}

/** A content script stand-in: records what the popup sent and answers from a script. */
const fakeTab = channel;

const root = testRoot();

const popup = (): HTMLElement => root.querySelector('[data-testid="popup"]')!;

describe('popup', () => {
  it('shows loading until the content script answers', async () => {
    const tab = fakeTab(() => new Promise(() => {}));
    render(<App send={tab.send} />, root);
    await settle();
    expect(popup().dataset.status).toBe('loading');
    expect(tab.sent).toEqual([{ type: 'getAnalysis' }]);
  });

  it('lists entities by type, most-mentioned first, with counts', async () => {
    render(<App send={fakeTab(() => report()).send} />, root);
    await settle();
    expect(popup().dataset.status).toBe('analyzed');
    expect(popup().textContent).toContain('Talks collapse');
    const groups = [...root.querySelectorAll<HTMLElement>('[data-testid="entity-group"]')].map((group) => [
      group.dataset.type,
      [...group.querySelectorAll<HTMLElement>('[data-testid="entity"]')].map((item) => `${item.dataset.name}=${item.dataset.mentions}`),
    ]);
    expect(groups).toEqual([
      ['person', ['John Kerry=4', 'Sergei Lavrov=2']],
      ['place', ['Geneva=2']],
      ['organization', ['NATO=1', 'United Nations=1']],
    ]);
    expect(root.querySelector('[data-name="John Kerry"]')!.textContent).toContain('Secretary of State');
  });

  it('groups quotes by speaker, marks direct and reported, and shows the quoted words', async () => {
    render(<App send={fakeTab(() => report()).send} />, root);
    await settle();
    const speakers = [...root.querySelectorAll<HTMLElement>('[data-testid="speaker-group"]')].map((group) => [
      group.dataset.speaker,
      [...group.querySelectorAll<HTMLElement>('[data-testid="quote"]')].map((quote) => [quote.dataset.kind, quote.querySelector('.quote-text')!.textContent, quote.textContent!.includes(quote.querySelector('.quote-text')!.textContent!)]),
    ]);
    expect(speakers).toEqual([
      ['John Kerry', [['direct', 'We will talk,', true], ['direct', 'Not so,', true]]],
      ['Sergei Lavrov', [['reported', 'talks were over', true]]],
      ['Unattributed', [['direct', 'Quiet,', true]]],
    ]);
  });

  it('says when nothing was found', async () => {
    render(<App send={fakeTab(() => report({ analysis: { entities: [], quotes: [] } })).send} />, root);
    await settle();
    expect(popup().dataset.status).toBe('analyzed');
    expect(root.querySelector('[data-testid="nothing-found"]')).not.toBeNull();
    expect(root.querySelector('[data-testid="entity-group"]')).toBeNull();
  });

  it('offers "Analyse this page" on a non-article, sends analyzeNow, then refreshes', async () => {
    let analyzed = false;
    const tab = fakeTab((message) => {
      if (message.type === 'analyzeNow') analyzed = true;
      return analyzed ? report() : report({ status: 'not-article', analysis: undefined, text: undefined, timings: {} });
    });
    render(<App send={tab.send} />, root);
    await settle();
    expect(popup().dataset.status).toBe('not-article');
    const button = root.querySelector<HTMLButtonElement>('[data-testid="analyze-now"]')!;
    expect(button.textContent).toBe('Analyse this page');
    await act(() => button.click());
    await settle();
    expect(tab.sent.map((m) => m.type)).toEqual(['getAnalysis', 'analyzeNow', 'getAnalysis']);
    expect(popup().dataset.status).toBe('analyzed');
    expect(root.querySelectorAll('[data-testid="entity"]')).toHaveLength(5);
  });

  it('explains an unreachable page (no content script there)', async () => {
    const tab = fakeTab(() => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    });
    render(<App send={tab.send} />, root);
    await settle();
    expect(popup().dataset.status).toBe('unreachable');
    expect(popup().textContent).toContain('can’t read this page');
  });

  it('mirrors the page toggles and sends the new preferences to the page', async () => {
    const tab = fakeTab((message) =>
      message.type === 'setHighlightPrefs' ? { prefs: message.prefs, scope: 'global' } : report(),
    );
    render(<App send={tab.send} />, root);
    await settle();
    const quoteToggle = root.querySelector<HTMLInputElement>('[data-testid="popup-toggle-quote"]')!;
    expect(quoteToggle.checked).toBe(true);
    await act(() => quoteToggle.click());
    await settle();
    expect(tab.sent.at(-1)).toEqual({ type: 'setHighlightPrefs', prefs: { ...ALL_ON, quote: false } });
    expect(root.querySelector<HTMLInputElement>('[data-testid="popup-toggle-quote"]')!.checked).toBe(false);
    expect(root.querySelector<HTMLInputElement>('[data-testid="popup-toggle-all"]')!.indeterminate).toBe(true);
  });

  it('disables the toggles where the browser cannot paint highlights', async () => {
    render(<App send={fakeTab(() => report({ highlightsSupported: false })).send} />, root);
    await settle();
    expect(root.querySelector<HTMLInputElement>('[data-testid="popup-toggle-person"]')!.disabled).toBe(true);
    expect(root.querySelectorAll('[data-testid="entity"]')).toHaveLength(5);
  });
});

describe('resolveTargetTab', () => {
  const noActiveTab = async (): Promise<number | undefined> => undefined;

  it('prefers ?tab=<id> and otherwise asks for the active tab', async () => {
    expect(await resolveTargetTab('?tab=42', async () => 7)).toBe(42);
    expect(await resolveTargetTab('', async () => 7)).toBe(7);
    expect(await resolveTargetTab('', noActiveTab)).toBeNull();
  });

  it('refuses a malformed tab id rather than guessing', async () => {
    expect(await resolveTargetTab('?tab=abc', async () => 7)).toBeNull();
    expect(await resolveTargetTab('?tab=-1', async () => 7)).toBeNull();
  });
});

describe('quote grouping', () => {
  it('puts quotes in text order, orders speakers by number of quotes, keeps unattributed last, and collapses whitespace', () => {
    const text = 'one\n\n  two | bbb | ccc | ddd';
    const span = (words: string): { start: number; end: number } => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length });
    const quotes = summarizeQuotes(
      {
        entities: [],
        quotes: [
          { ...span('ddd'), kind: 'direct', speaker: { name: 'C' } },
          { ...span('one\n\n  two'), kind: 'direct', speaker: null },
          { ...span('bbb'), kind: 'reported', speaker: { name: 'B' } },
          { ...span('ccc'), kind: 'direct', speaker: { name: 'C' } },
        ],
      },
      text,
    );
    expect(quotes.map((quote) => quote.text)).toEqual(['one two', 'bbb', 'ccc', 'ddd']);
    expect(groupQuotesBySpeaker(quotes).map((group) => [group.speaker, group.quotes.length])).toEqual([
      ['C', 2],
      ['B', 1],
      [UNATTRIBUTED, 1],
    ]);
  });
});
