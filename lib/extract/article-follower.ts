// Keeps an extracted article in step with a page that goes on changing, at a bounded cost:
// - incremental: the changes since the last run are applied block by block (followChanges); only
//   when they cannot be (an edit inside a paragraph, text moved) is the page read again in full;
// - sliced: both run in slices that hand the thread back to the page every few milliseconds;
// - bounded: changes that come while a run is going are merged into the next one; runs are spaced
//   by a work budget (a share of the page's time); and past MAX_FOLLOWED_TEXT characters (five
//   times the longest article seen) the page is a feed, not an article: following stops there.
// Plain DOM code with the clock, timers and the page's document passed in.
import { ChangeCollector, type ChangeSet } from './change-set';
import { articleRoot, followChangesInSlices } from './incremental';
import { extractArticleInSlices } from './index';
import type { ExtractedArticle } from './types';
import { WorkBudget, type WorkBudgetOptions } from './work-budget';

/** Article text beyond which a page's late content is no longer followed. */
export const MAX_FOLLOWED_TEXT = 250_000;

/** Following may take 5% of the page's time, with a run at most every 250 ms and at least every 10 s. */
export const FOLLOW_BUDGET: WorkBudgetOptions = { share: 0.05, minGapMs: 250, maxGapMs: 10_000 };

export interface ArticleFollowerDeps {
  doc: Document;
  now: () => number;
  setTimer: (run: () => void, ms: number) => number;
  clearTimer: (id: number) => void;
  /** Hands the thread back to the page between slices. */
  yieldToPage: () => Promise<void>;
  /** The article is now `extracted` (null: the page has no readable text any more). */
  onChanged: (extracted: ExtractedArticle | null) => void;
  /** The article grew past MAX_FOLLOWED_TEXT: the caller stops watching the page. */
  onStopped: () => void;
  /** Called with every failure; following goes on with the next changes. */
  onError: (error: unknown) => void;
  budget?: WorkBudgetOptions;
  maxText?: number;
}

export type FollowerState = 'idle' | 'waiting' | 'running' | 'stopped';

export class ArticleFollower {
  private article: ExtractedArticle | null = null;
  private root: Node | null = null;
  private readonly pending = new ChangeCollector();
  private readonly budget: WorkBudget;
  private timer: number | undefined;
  private running = false;
  private stopped = false;
  /** Bumped by reset: a run that started on an older article drops its result. */
  private generation = 0;
  /** Runs so far, and how many read the whole page (for tests and benches). */
  readonly counts = { incremental: 0, full: 0 };

  constructor(private readonly deps: ArticleFollowerDeps) {
    this.budget = new WorkBudget(deps.budget ?? FOLLOW_BUDGET);
  }

  get state(): FollowerState {
    if (this.stopped) return 'stopped';
    if (this.running) return 'running';
    return this.timer === undefined ? 'idle' : 'waiting';
  }

  /** The article as read by someone else (first run, a new view): follow from here. */
  reset(article: ExtractedArticle | null): void {
    this.generation += 1;
    this.cancelTimer();
    this.pending.take();
    this.setArticle(article);
    this.stopped = article !== null && article.text.length > (this.deps.maxText ?? MAX_FOLLOWED_TEXT);
  }

  /** The page changed: apply it when the budget allows. */
  changed(changes: ChangeSet): void {
    if (this.stopped) return;
    this.pending.merge(changes);
    this.schedule();
  }

  dispose(): void {
    this.stopped = true;
    this.generation += 1;
    this.cancelTimer();
    this.pending.take();
  }

  private setArticle(article: ExtractedArticle | null): void {
    this.article = article;
    this.root = article ? articleRoot(article.segments) : null;
  }

  private schedule(): void {
    if (this.running || this.timer !== undefined || this.pending.empty || this.stopped) return;
    const now = this.deps.now();
    this.timer = this.deps.setTimer(() => {
      this.timer = undefined;
      void this.run();
    }, this.budget.earliestStart(now) - now);
  }

  private cancelTimer(): void {
    if (this.timer !== undefined) this.deps.clearTimer(this.timer);
    this.timer = undefined;
  }

  private async run(): Promise<void> {
    if (this.running || this.stopped) return;
    this.running = true;
    const generation = this.generation;
    const started = this.deps.now();
    try {
      const next = await this.read(this.pending.take());
      if (generation !== this.generation || next === 'unchanged') return;
      this.setArticle(next);
      this.deps.onChanged(next);
      if (next && next.text.length > (this.deps.maxText ?? MAX_FOLLOWED_TEXT)) {
        this.dispose();
        this.deps.onStopped();
      }
    } catch (error) {
      this.deps.onError(error);
    } finally {
      this.running = false;
      this.budget.record(started, this.deps.now());
      this.schedule();
    }
  }

  /** The article after the changes, 'unchanged', or null when the page has no text any more. */
  private async read(changes: ChangeSet): Promise<ExtractedArticle | null | 'unchanged'> {
    const { doc, yieldToPage } = this.deps;
    if (this.article) {
      const result = await followChangesInSlices(this.article, changes, this.root, { yieldToPage });
      if (result.kind === 'unchanged') return 'unchanged';
      if (result.kind === 'changed') {
        this.counts.incremental += 1;
        return result.article;
      }
    }
    this.counts.full += 1;
    const extracted = await extractArticleInSlices(doc, { force: true, yieldToPage });
    return extracted && extracted.text.trim() !== '' ? extracted : null;
  }
}
