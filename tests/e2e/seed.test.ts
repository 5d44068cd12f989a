// The seed article, as a reader sees it with Lede loaded: highlights, popup, legend, page intact.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionBrowser } from '../../testing/harness/launch-browser';
import { HIGHLIGHT_NAMES, highlightSizes, type HighlightName } from '../../testing/harness/lede-page';
import { SEED_PAGES } from '../../testing/harness/seed-pages';
import type { StaticServer } from '../../testing/harness/static-server';
import { clickInShadow } from '../../testing/e2e/closed-shadow';
import { loadSeedGold } from '../../testing/e2e/gold';
import { rangesOutside, rangesSplittingWords } from '../../testing/e2e/page-dom';
import { loadSeedView, type SeedView } from '../../testing/e2e/seed-view';
import { coverage, normalize, sameName } from '../../testing/e2e/text-match';
import { openLegend } from '../../testing/e2e/legend';
import { closeBrowserSession, startBrowserSession } from '../../testing/e2e/browser-session';

const gold = loadSeedGold();
const ENTITY_HIGHLIGHTS = ['lede-person', 'lede-place', 'lede-organization'] as const;
const LEGEND_TOGGLES: Record<HighlightName, string> = {
  'lede-person': 'person',
  'lede-place': 'place',
  'lede-organization': 'organization',
  'lede-quote': 'quote',
  'lede-reported': 'reported',
};
/** score_gold.py's rule: a quote or description counts as shown when 80% of its words are covered, in order. */
const MIN_COVERAGE = 0.8;

const sameSpeaker = (shown: string | null, expected: string): boolean =>
  shown !== null && normalize(shown).toLowerCase() === normalize(expected).toLowerCase();

let browser: ExtensionBrowser;
let server: StaticServer;

beforeAll(async () => {
  ({ browser, server } = await startBrowserSession());
});

afterAll(() => closeBrowserSession({ browser, server }));

describe.each(SEED_PAGES)('seed $file', ({ file, label }) => {
  let view: SeedView;

  beforeAll(async () => {
    view = await loadSeedView(browser, server.url(file), label);
  });

  it('paints highlights and marks the time it took', () => {
    expect(view.painted, 'performance mark "lede-painted" never appeared').toBe(true);
  });

  it('highlights every required person form as a person', () => {
    const people = view.highlights['lede-person'];
    const missing = gold.people.flatMap((p) => p.required).filter((form) => !people.some((s) => sameName(form, s)));
    expect(missing).toEqual([]);
  });

  it('highlights every required place and organisation with its type', () => {
    const missingFrom = (forms: string[], ranges: string[]): string[] =>
      forms.filter((form) => !ranges.some((s) => normalize(s) === normalize(form) || sameName(form, s)));
    expect(missingFrom(gold.places.required, view.highlights['lede-place'])).toEqual([]);
    expect(missingFrom(gold.organizations.required, view.highlights['lede-organization'])).toEqual([]);
  });

  it('highlights nothing from the not-entities list or from outside the article', async () => {
    const banned = new Set([...gold.not_entities, ...gold.outside_article.names].map(normalize));
    const bannedHits = ENTITY_HIGHLIGHTS.flatMap((name) =>
      view.highlights[name].filter((s) => banned.has(normalize(s))).map((s) => `${name}: ${s}`),
    );
    expect(bannedHits).toEqual([]);
    expect(await rangesOutside(view.opened.page, HIGHLIGHT_NAMES, 'article')).toEqual([]);
  });

  it('paints names on whole words, never inside a longer word', async () => {
    expect(await rangesSplittingWords(view.opened.page, ENTITY_HIGHLIGHTS)).toEqual([]);
  });

  it('shows the popup as analysed', () => {
    expect(view.popup.status).toBe('analyzed');
  });

  it('links all forms of each person into one popup entity', () => {
    const people = view.popup.entities.filter((e) => e.type === 'person');
    const problems: string[] = [];
    for (const person of gold.people.filter((p) => p.required.length > 0)) {
      const named = people.filter((e) => normalize(e.name) === person.name);
      if (named.length !== 1) problems.push(`${person.name}: ${named.length} entities named so`);
      else if (named[0]!.mentions < person.required.length) {
        problems.push(`${person.name}: ${named[0]!.mentions} mentions, fewer than its ${person.required.length} forms`);
      }
      const split = people.filter((e) => normalize(e.name) !== person.name && person.required.some((f) => sameName(f, e.name)));
      if (split.length) problems.push(`${person.name}: also listed as ${split.map((e) => e.name).join(', ')}`);
    }
    expect(problems).toEqual([]);
  });

  it("shows the article's own description of a person in the popup", () => {
    const described = gold.people.filter((p) => p.description);
    const missing = described
      .filter((p) => !view.popup.entities.some((e) => normalize(e.name) === p.name && coverage(p.description!, e.text) >= MIN_COVERAGE))
      .map((p) => p.name);
    expect(described.length).toBeGreaterThan(0);
    expect(missing).toEqual([]);
  });

  it('highlights the nine direct quotes on the page', () => {
    const ranges = view.highlights['lede-quote'];
    const missing = gold.quotes
      .filter((q) => !ranges.some((r) => coverage(q.text, r) >= MIN_COVERAGE))
      .map((q) => q.text.slice(0, 50));
    expect(gold.quotes).toHaveLength(9);
    expect(missing).toEqual([]);
  });

  it('lists each direct quote in the popup under its speaker', () => {
    const directs = view.popup.quotes.filter((q) => q.kind === 'direct');
    const problems = gold.quotes.flatMap((q) => {
      const shown = directs.filter((d) => coverage(q.text, d.text) >= MIN_COVERAGE);
      if (shown.length === 0) return [`not shown as direct: ${q.text.slice(0, 50)}`];
      return shown.some((d) => sameSpeaker(d.speaker, q.speaker))
        ? []
        : [`${q.text.slice(0, 40)}: under ${shown.map((d) => d.speaker).join(', ')}, expected ${q.speaker}`];
    });
    expect(problems).toEqual([]);
  });

  it('shows the six reported statements as reported speech under their speakers, not as direct quotes', () => {
    const problems = gold.reported_speech.flatMap((r) => {
      const shown = view.popup.quotes.filter((q) => coverage(r.text, q.text) >= MIN_COVERAGE);
      const out: string[] = [];
      if (shown.some((q) => q.kind === 'direct')) out.push(`shown as direct: ${r.text.slice(0, 50)}`);
      const reported = shown.filter((q) => q.kind === 'reported');
      if (reported.length === 0) out.push(`not shown as reported: ${r.text.slice(0, 50)}`);
      else if (!reported.some((q) => sameSpeaker(q.speaker, r.speaker))) {
        out.push(`${r.text.slice(0, 40)}: under ${reported.map((q) => q.speaker).join(', ')}, expected ${r.speaker}`);
      }
      return out;
    });
    expect(gold.reported_speech).toHaveLength(6);
    expect(problems).toEqual([]);
  });

  it('leaves the page DOM unchanged apart from one legend host', () => {
    const { dom } = view;
    expect(dom.legendHosts).toBeLessThanOrEqual(1);
    expect(dom.liveElementCount).toBe(dom.servedElementCount);
    expect(normalize(dom.liveText)).toBe(normalize(dom.servedText));
    expect(dom.bodyUnchanged).toBe(true);
  });

  it('legend toggles remove and restore each highlight type', async () => {
    const { page } = view.opened;
    await page.bringToFront(); // the popup tab opened after it; background tabs get no animation frames
    await openLegend(page);
    const before = await highlightSizes(page);
    for (const name of HIGHLIGHT_NAMES) expect(before[name], `${name} is empty before toggling`).toBeGreaterThan(0);
    for (const name of HIGHLIGHT_NAMES) {
      // The legend's root is closed: real clicks at the boxes DevTools reports.
      const toggle = { click: () => clickInShadow(page, 'lede-legend', `[data-testid="legend-toggle-${LEGEND_TOGGLES[name]}"]`) };
      await toggle.click();
      await expect.poll(() => highlightSizes(page)).toEqual({ ...before, [name]: 0 });
      await toggle.click();
      await expect.poll(() => highlightSizes(page)).toEqual(before);
    }
    const all = { click: () => clickInShadow(page, 'lede-legend', '[data-testid="legend-toggle-all"]') };
    await all.click();
    await expect.poll(() => highlightSizes(page)).toEqual({
      'lede-person': 0, 'lede-place': 0, 'lede-organization': 0, 'lede-quote': 0, 'lede-reported': 0,
    });
    await all.click();
    await expect.poll(() => highlightSizes(page)).toEqual(before);
  });

  it('makes no network requests beyond the page itself', () => {
    // The seed pages load nothing from elsewhere, so anything refused came from Lede.
    expect(browser.blockedRequests).toEqual([]);
  });

  it('raises no errors in the page or the popup', () => {
    expect(view.opened.errors).toEqual([]);
    expect(view.popupErrors).toEqual([]);
  });
});
