// Ten real news pages through the same checks as `npm run bench:pages` (scripts/lib/pages-*.ts):
// Lede must not error, must leave the page's DOM and layout as they were, must judge articles and
// non-articles as expected, and must find the article body. No timing budgets here: those are
// the benchmark's job.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPagesHarness, type OpenHarness } from '../../testing/pages/pages-harness';
import { expectedJudgement, loadNewsPages } from '../../testing/pages/pages-fixtures';
import { measurePage } from '../../testing/pages/pages-measure';

/** A mix of sites and shapes: core news pages, a 1.4 MB page, a long feature, a shopping page, a listicle. */
const SUBSET = [
  'bbc-news-bbc-1',
  'the-guardian-guardian-1',
  'washington-post-wapo-1',
  'nypost-com-a1fca19b884e',
  'reuters-com-57d46c9d751e',
  'cnn-com-d605bdef2cde',
  'herald-sun-au-opinion-herald-sun-1',
  'quanta-magazine-quanta-1',
  '9to5mac-com-ad826691a8a2',
  'vox-list-videos-1',
];
/** The body-finding floor per page (the benchmark's 10th-percentile target). */
const MIN_BODY_F1 = 0.8;

const pages = loadNewsPages().filter((page) => SUBSET.includes(page.dir));

let harness: OpenHarness;

beforeAll(async () => {
  harness = await openPagesHarness();
});

afterAll(async () => {
  await harness?.close();
});

describe('the page suite subset', () => {
  it('covers every chosen page, with at least two that are not articles', () => {
    expect(pages.map((p) => p.dir).sort()).toEqual([...SUBSET].sort());
    expect(pages.filter((p) => expectedJudgement(p) === 'not-article').length).toBeGreaterThanOrEqual(2);
  });
});

describe.each(pages.map((page) => ({ dir: page.dir, page })))('page $dir', ({ page }) => {
  it('is read without errors, left unchanged, judged as expected, and its body found', async () => {
    const m = await measurePage(harness, page, { timeoutMs: 30_000 });
    expect(m.failure).toBeNull();
    expect(m.ledeErrors).toEqual([]);
    expect(m.diff, 'DOM/layout with Lede vs without').toMatchObject({ textChanged: false, markupChanged: false, movedBoxes: 0 });
    const expected = expectedJudgement(page);
    expect(m.status).toBe(expected === 'article' ? 'analyzed' : 'not-article');
    if (m.judgedArticle) expect(m.entities + m.quotes).toBeGreaterThan(0);
    if (page.articleBody !== null) expect(m.body?.f1 ?? 0).toBeGreaterThanOrEqual(MIN_BODY_F1);
  });
});
