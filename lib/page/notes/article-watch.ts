// Keeps the notes' article in step with the page after load: DOM changes go to the article
// follower (incremental, sliced, within a work budget), and a change of address or canonical link
// is reported once the page has settled on its new view.

import type { ExtractedArticle } from '@/lib/extract';
import { ArticleFollower } from '@/lib/extract/article-follower';
import type { ChangeSet } from '@/lib/extract/change-set';
import type { Guard } from '@/lib/page/context/guard';
import type { PageLifetime, UrlWatch } from '@/lib/page/context/page-lifetime';
import { yieldToPage } from '@/lib/page/entities/progressive-paint';
import { PageWatch } from './page-watch';

/** After a URL change, let the page render the new view before reading its canonical link and text. */
export const URL_SETTLE_MS = 400;

export interface ArticleWatchDeps {
  lifetime: PageLifetime;
  win: Window;
  watchUrl: UrlWatch;
  guard: Guard;
  /** Whether notes are kept on this page at all: until then, DOM changes are not followed. */
  active: () => boolean;
  /** Whether the page's claim (address, canonical link) differs from the one its notes key is for. */
  claimChanged: () => boolean;
  /** The follower read the changes: the article now (null when no readable text is left). */
  onFollowed: (extracted: ExtractedArticle | null) => void;
  /** The address or canonical link changed, and the page had time to render the new view. */
  onClaimSettled: () => void;
}

export class ArticleWatch {
  private readonly watch: PageWatch;
  private readonly follower: ArticleFollower;
  private urlTimer: number | undefined;

  constructor(private readonly deps: ArticleWatchDeps) {
    const { win } = deps;
    this.watch = new PageWatch({
      lifetime: deps.lifetime,
      win,
      watchUrl: deps.watchUrl,
      onMutations: (changes) => this.onMutations(changes),
      onUrlChange: () => this.scheduleClaimCheck(),
    });
    this.follower = new ArticleFollower({
      doc: win.document,
      now: () => win.performance.now(),
      setTimer: (run, ms) => win.setTimeout(run, ms),
      clearTimer: (id) => win.clearTimeout(id),
      yieldToPage: () => yieldToPage(win),
      onChanged: (extracted) => deps.guard(() => deps.onFollowed(extracted)),
      // The page is a feed, not an article: its notes stay painted, and it is not watched any more.
      onStopped: () => this.watch.stop(),
      onError: (error) => console.warn('Lede notes:', error),
    });
  }

  /** Follows the page from this article on (null: nothing readable now), watching the DOM. */
  follow(extracted: ExtractedArticle | null): void {
    this.follower.reset(extracted);
    this.watch.start();
  }

  /** Takes this article as the one the follower compares with, without (re)starting the watch. */
  reset(extracted: ExtractedArticle | null): void {
    this.follower.reset(extracted);
  }

  dispose(): void {
    this.watch.stop();
    this.follower.dispose();
    if (this.urlTimer !== undefined) this.deps.win.clearTimeout(this.urlTimer);
    this.urlTimer = undefined;
  }

  private onMutations(changes: ChangeSet): void {
    if (!this.deps.active()) return;
    // The canonical link can change with the view (single-page apps): notes follow the new source.
    if (this.deps.claimChanged()) {
      this.scheduleClaimCheck();
      return;
    }
    this.follower.changed(changes);
  }

  private scheduleClaimCheck(): void {
    const { win } = this.deps;
    if (this.urlTimer !== undefined) win.clearTimeout(this.urlTimer);
    this.urlTimer = win.setTimeout(() => {
      this.urlTimer = undefined;
      this.deps.onClaimSettled();
    }, URL_SETTLE_MS);
  }
}
