// @vitest-environment happy-dom
// The article follower: changes applied block by block, a full read only when needed, bursts
// coalesced, and following stopped once the page is a feed rather than an article.
import { describe, expect, it } from 'vitest';
import { ArticleFollower, type ArticleFollowerDeps } from '../../lib/extract/article-follower';
import { ChangeCollector, type ChangeRecord } from '../../lib/extract/change-set';
import { extractArticle, type ExtractedArticle } from '../../lib/extract/index';

const PARAGRAPHS = [
  'Speaking in Brussels on Tuesday, Secretary of State John Kerry held out the possibility of working with Moscow.',
  'The talks are expected to continue next week in Geneva, officials said, after a day of meetings at the United Nations.',
  'Mr. Ban said the humanitarian situation in Aleppo had become unbearable for the people who remain in the city.',
];

function load(): { story: HTMLElement; article: ExtractedArticle } {
  document.documentElement.innerHTML =
    `<head><meta property="og:type" content="article"></head><body><article><h1>Kerry holds out hope</h1>` +
    `<div id="story">${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}</div></article></body>`;
  return { story: document.getElementById('story')!, article: extractArticle(document, { force: true })! };
}

function append(story: HTMLElement, text: string): ChangeRecord {
  const p = document.createElement('p');
  p.textContent = text;
  story.append(p);
  return { type: 'childList', target: story, addedNodes: [p] as never, removedNodes: [] as never };
}

function changesOf(...records: ChangeRecord[]) {
  const collector = new ChangeCollector();
  for (const record of records) collector.add(record);
  return collector.take();
}

interface Harness {
  follower: ArticleFollower;
  seen: Array<ExtractedArticle | null>;
  stopped: () => boolean;
  /** Resolves when the follower has reported `count` articles. */
  reported: (count: number) => Promise<void>;
  /** Resolves once every timer the follower set has fired (and what it ran is done) or was cleared. */
  timersDone: () => Promise<void>;
}

function follow(overrides: Partial<ArticleFollowerDeps> = {}): Harness {
  const seen: Array<ExtractedArticle | null> = [];
  let stopped = false;
  const waiters: Array<() => void> = [];
  const pending = new Set<number>();
  const timerWaiters: Array<() => void> = [];
  const timerGone = (id: number): void => {
    pending.delete(id);
    if (pending.size === 0) for (const wake of timerWaiters.splice(0)) wake();
  };
  const follower = new ArticleFollower({
    doc: document,
    now: () => performance.now(),
    setTimer: (run, ms) => {
      const id = setTimeout(() => {
        run();
        timerGone(id);
      }, ms) as unknown as number;
      pending.add(id);
      return id;
    },
    clearTimer: (id) => {
      clearTimeout(id);
      timerGone(id);
    },
    yieldToPage: () => Promise.resolve(),
    onChanged: (article) => {
      seen.push(article);
      for (const wake of waiters.splice(0)) wake();
    },
    onStopped: () => (stopped = true),
    onError: (error) => {
      throw error;
    },
    budget: { share: 0.5, minGapMs: 0, maxGapMs: 50 },
    ...overrides,
  });
  const reported = async (count: number): Promise<void> => {
    while (seen.length < count) await new Promise<void>((resolve) => waiters.push(resolve));
  };
  const timersDone = async (): Promise<void> => {
    while (pending.size > 0) await new Promise<void>((resolve) => timerWaiters.push(resolve));
    // What a timer started runs on in promises: one task later, those have all run.
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (pending.size > 0) await timersDone();
  };
  return { follower, seen, stopped: () => stopped, reported, timersDone };
}

describe('ArticleFollower', () => {
  it('applies appended paragraphs without reading the page again', async () => {
    const { story, article } = load();
    const h = follow();
    h.follower.reset(article);
    h.follower.changed(changesOf(append(story, 'Later on Wednesday, Kerry spoke by telephone with Angela Merkel about Aleppo.')));
    await h.reported(1);
    expect(h.seen[0]!.text).toBe(extractArticle(document, { force: true })!.text);
    expect(h.follower.counts).toEqual({ incremental: 1, full: 0 });
  });

  it('coalesces changes that come before its run into one', async () => {
    const { story, article } = load();
    const h = follow();
    h.follower.reset(article);
    h.follower.changed(changesOf(append(story, 'One more paragraph about the talks arrived from the page just now.')));
    h.follower.changed(changesOf(append(story, 'And another paragraph about the talks arrived right after that one.')));
    await h.reported(1);
    expect(h.seen[0]!.text).toContain('right after that one.');
    expect(h.follower.counts.incremental).toBe(1);
  });

  it('reads the page again when a paragraph was edited', async () => {
    const { story, article } = load();
    const h = follow();
    h.follower.reset(article);
    const text = story.querySelector('p')!.firstChild as Text;
    text.data = text.data.replace('Tuesday', 'Monday');
    h.follower.changed(changesOf({ type: 'characterData', target: text, addedNodes: [] as never, removedNodes: [] as never }));
    await h.reported(1);
    expect(h.seen[0]!.text).toContain('Brussels on Monday');
    expect(h.follower.counts).toEqual({ incremental: 0, full: 1 });
  });

  it('stops following once the article is longer than it follows, and ignores later changes', async () => {
    const { story, article } = load();
    const h = follow({ maxText: article.text.length + 50 });
    h.follower.reset(article);
    h.follower.changed(changesOf(append(story, 'A paragraph long enough to take the article past the length the follower keeps up with.')));
    await h.reported(1);
    expect(h.stopped()).toBe(true);
    expect(h.follower.state).toBe('stopped');
    h.follower.changed(changesOf(append(story, 'Nobody reads this one.')));
    expect(h.follower.state).toBe('stopped');
    // A new article (a new view of a single-page app) is followed again.
    h.follower.reset(extractArticle(document, { force: true })!);
    expect(h.follower.state).toBe('stopped'); // still longer than the limit
    const { article: short } = load();
    h.follower.reset(short);
    expect(h.follower.state).toBe('idle');
  });

  it('drops a run that was overtaken by a new article', async () => {
    const { story, article } = load();
    const h = follow({ budget: { share: 0.5, minGapMs: 20, maxGapMs: 50 } });
    h.follower.reset(article);
    h.follower.changed(changesOf(append(story, 'A first paragraph that the page added after it loaded, about the talks.')));
    await h.reported(1);
    h.follower.changed(changesOf(append(story, 'A second paragraph, still waiting for its turn when the view changes.')));
    expect(h.follower.state).toBe('waiting');
    h.follower.reset(null);
    await h.timersDone();
    expect(h.seen).toHaveLength(1);
  });
});
