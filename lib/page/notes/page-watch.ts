// Notices when the article may have changed after load: DOM mutations in the page (late content,
// "read more" expansions, a single-page app swapping the article) and URL changes. Both only
// schedule work; the notes controller decides what to re-extract. Mutations are kept as a compact
// change set (lib/extract/change-set.ts), never as the records themselves, which would hold removed
// subtrees alive on a page that never stops changing.
//
// URL changes: a content script runs in an isolated world, so wrapping history.pushState there
// would never see the page's own calls. The entrypoint passes in WXT's `wxt:locationchange` event:
// it listens to the Navigation API's `navigate` event (which fires for the page's
// pushState/replaceState, popstate and hash changes alike) and falls back to polling location.href
// once a second.

import { ChangeCollector, type ChangeSet } from '@/lib/extract/change-set';
import type { PageLifetime, UrlWatch } from '@/lib/page/context/page-lifetime';

/** Mutations usually come in bursts (a framework rendering a list): wait for quiet... */
export const MUTATION_DEBOUNCE_MS = 300;
/** ...but not forever, on a page that never stops changing (tickers, ads, live blogs). */
export const MUTATION_MAX_WAIT_MS = 2000;

/** Lede's own shadow hosts: their insertion, removal and contents are never the article changing. */
export function isLedeHost(node: Node): boolean {
  return node.nodeType === Node.ELEMENT_NODE && (node as Element).localName.startsWith('lede-');
}

function insideLede(node: Node): boolean {
  for (let current: Node | null = node; current; current = current.parentNode) if (isLedeHost(current)) return true;
  return false;
}

/**
 * Whether a mutation could change the article's text: text edits and added or removed nodes,
 * except Lede's own hosts (and anything inside them). Attribute changes are never observed.
 */
export function isRelevantMutation(record: Pick<MutationRecord, 'type' | 'target' | 'addedNodes' | 'removedNodes'>): boolean {
  if (insideLede(record.target)) return false;
  if (record.type === 'characterData') return true;
  if (record.type !== 'childList') return false;
  const changed = [...record.addedNodes, ...record.removedNodes];
  return changed.some((node) => !isLedeHost(node));
}

export interface PageWatchOptions {
  lifetime: PageLifetime;
  win: Window;
  watchUrl: UrlWatch;
  /** The DOM changed (debounced): what changed, from the records relevant by isRelevantMutation. */
  onMutations: (changes: ChangeSet) => void;
  /** The page's URL changed (fragment-only changes included; the caller compares normalised URLs). */
  onUrlChange: (url: string) => void;
}

export class PageWatch {
  private observer: MutationObserver | null = null;
  private readonly pending = new ChangeCollector();
  private debounce: number | undefined;
  private maxWait: number | undefined;

  constructor(private readonly options: PageWatchOptions) {
    options.watchUrl((url) => this.guard(() => options.onUrlChange(url)));
    options.lifetime.onInvalidated(() => this.stop());
  }

  /** Starts observing the body (idempotent). */
  start(): void {
    const body = this.options.win.document.body;
    if (this.observer || !body || typeof MutationObserver !== 'function') return;
    this.observer = new MutationObserver((records) => this.guard(() => this.collect(records)));
    this.observer.observe(body, { childList: true, characterData: true, subtree: true });
  }

  stop(): void {
    this.observer?.disconnect();
    this.observer = null;
    this.clearTimers();
    this.pending.take();
  }

  private collect(records: MutationRecord[]): void {
    const relevant = records.filter(isRelevantMutation);
    if (relevant.length === 0) return;
    for (const record of relevant) this.pending.add(record, (node) => !isLedeHost(node));
    const { win } = this.options;
    if (this.debounce !== undefined) win.clearTimeout(this.debounce);
    this.debounce = win.setTimeout(() => this.flush(), MUTATION_DEBOUNCE_MS);
    this.maxWait ??= win.setTimeout(() => this.flush(), MUTATION_MAX_WAIT_MS);
  }

  private flush(): void {
    this.clearTimers();
    if (this.pending.empty) return;
    const changes = this.pending.take();
    this.guard(() => this.options.onMutations(changes));
  }

  private clearTimers(): void {
    const { win } = this.options;
    if (this.debounce !== undefined) win.clearTimeout(this.debounce);
    if (this.maxWait !== undefined) win.clearTimeout(this.maxWait);
    this.debounce = undefined;
    this.maxWait = undefined;
  }

  private guard(action: () => void): void {
    try {
      action();
    } catch (error) {
      console.warn('Lede page watch:', error);
    }
  }
}
