// The in-page hover card's behaviour: when to open it (the pointer rests on a highlight for an
// intent delay, or keyboard navigation reaches one), and when to close it (Escape, the pointer
// leaving both highlight and card, a scroll). Every listener catches its own errors: nothing
// Lede does here may throw into the page. And every listener ignores untrusted events: a page's
// scripts can fake a pointer resting on any name it prints, or Alt+Shift+J, and must not get a card
// for it (the card's footprint is what a page can measure through the closed shadow root).

import { isEditable, keyAction } from '@/components/hovercard/keys';
import type { HoverCardModel } from '@/components/hovercard/model';
import type { Rect } from '@/lib/page/hit-test';
import type { HighlightType } from '@/lib/page/highlight-types';
import { guardWith } from '@/lib/page/context/guard';
import type { PageLifetime } from '@/lib/page/context/page-lifetime';
import { isTrustedEvent, trustedOnly, type TrustCheck } from '@/lib/page/trusted-events';
import { stepTarget, type Direction } from '@/lib/page/span-navigation';
import { NOTES_HOST } from '@/lib/page/notes/notes-view';
import type { PaintedTarget } from '@/lib/page/entities/painted-targets';
import { HoverCardState, type HoverCardUi, type OpenCard } from './hover-card-state';
import { PointerHitTester, type Hit } from './pointer-hits';
import { HOVER_MARKS, type PointerOutcome } from './hover-marks';
import { revealRange, type Flasher } from './reveal';

/** How long the pointer must rest on a highlight before its card opens (Wikipedia's previews wait about as long). */
export const INTENT_DELAY_MS = 450;

export interface HoverControllerDeps {
  lifetime: PageLifetime;
  win: Window;
  ui: HoverCardUi;
  /** In reading order. */
  targets: readonly PaintedTarget[];
  flasher: Flasher;
  /** Whether a highlight type is painted now: hidden types can't be hovered or navigated to. */
  isShown: (type: HighlightType) => boolean;
  /** The card for a target, or null when there is nothing to show. */
  modelFor: (target: PaintedTarget) => HoverCardModel | null;
  /** Which events count as the reader's; the real `isTrusted` check unless a unit test passes another. */
  trusted?: TrustCheck;
  /** Performance marks for the decisions (`HOVER_MARKS`). */
  mark?: (name: string, detail?: Record<string, unknown>) => void;
}

const isNotesHost = (target: EventTarget | null): boolean => (target as Element | null)?.localName === NOTES_HOST;

const sameTarget = (a: PaintedTarget | null | undefined, b: PaintedTarget | null | undefined): boolean =>
  !!a && !!b && a.range === b.range;

function plainRect(rect: Rect): Rect {
  return { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom };
}

const { guard } = guardWith('Lede hover card:');

export class HoverController {
  private readonly abort = new AbortController();
  private readonly hits: PointerHitTester;
  private readonly card: HoverCardState;
  private pending: PaintedTarget | null = null;
  private intentTimer: number | undefined;
  private lastPointer: { x: number; y: number } | null = null;
  private frameRequested = false;
  /** Scrolls Lede itself started (keyboard navigation) must not close the card they lead to. */
  private revealing = 0;
  /** Where keyboard navigation is: the last target it reached or the card last shown. */
  private cursor: PaintedTarget | null = null;
  /** Bumped on every navigation step, so a slow earlier step can't show its card over a later one. */
  private step = 0;

  constructor(private readonly deps: HoverControllerDeps) {
    this.hits = new PointerHitTester(deps.win, deps.targets);
    this.card = new HoverCardState({
      win: deps.win,
      ui: deps.ui,
      guard,
      onPointerEnter: () => {
        this.cancelIntent();
        this.deps.mark?.(HOVER_MARKS.inCard);
      },
    });
    deps.lifetime.onInvalidated(() => this.dispose());
    this.listen();
  }

  dispose(): void {
    this.abort.abort();
    this.cancelIntent();
    this.deps.flasher.clear();
    this.card.dispose();
  }

  /** The highlight preferences changed: hidden types lose their card and their place in navigation. */
  prefsChanged(): void {
    this.hits.invalidate();
    const open = this.card.open;
    if (open && !this.deps.isShown(open.target.type)) this.close();
    if (this.pending && !this.deps.isShown(this.pending.type)) this.cancelIntent();
  }

  /** Step to the next or previous shown target: scroll it into view, flash it, show its card beside it. */
  async navigate(direction: Direction): Promise<boolean> {
    const { targets, isShown, win, flasher } = this.deps;
    // Go on from the open card, or from the last target if it is still on screen; after the reader
    // has scrolled elsewhere, start from what they are looking at now.
    const current = this.card.open?.target ?? (this.cursor && this.onScreen(this.cursor) ? this.cursor : null);
    const from = current ? 0 : this.readersPlace(direction);
    const target = stepTarget(targets, current, direction, (t) => isShown(t.type), from);
    if (!target) return false;
    const step = ++this.step;
    this.cursor = target;
    this.cancelIntent();
    this.card.hide();
    this.revealing += 1;
    try {
      await revealRange(win, target.range, flasher);
    } finally {
      // Let the scroll events already queued by the reveal pass before scrolls close cards again.
      win.setTimeout(() => (this.revealing -= 1), 100);
    }
    if (step !== this.step || this.abort.signal.aborted) return true;
    const rect = target.range.getClientRects()[0] ?? target.range.getBoundingClientRect();
    await this.show({ target, rect: plainRect(rect) }, 'keyboard');
    return true;
  }

  private listen(): void {
    const { win } = this.deps;
    const trusted = this.deps.trusted ?? isTrustedEvent;
    const ignored = (event: Event): void => this.deps.mark?.(HOVER_MARKS.untrusted, { type: event.type });
    /** Only the reader's own events, and never an error thrown into the page. */
    const on = <E extends Event>(handler: (event: E) => void) => trustedOnly<E>((event) => guard(() => handler(event)), trusted, ignored);
    const options = { capture: true, passive: true, signal: this.abort.signal };
    win.addEventListener('pointermove', on((event: PointerEvent) => this.onPointerMove(event)), options);
    win.addEventListener('scroll', on(() => this.onScroll()), options);
    win.addEventListener('resize', on(() => this.onLayoutChange()), options);
    win.document.documentElement.addEventListener('pointerleave', on(() => this.onPointerLeftPage()), {
      passive: true,
      signal: this.abort.signal,
    });
    win.addEventListener('keydown', on((event: KeyboardEvent) => this.onKeyDown(event)), { capture: true, signal: this.abort.signal });
    // Text reflows (images arrive, fonts load, the page grows): the rect index must be rebuilt.
    if (typeof ResizeObserver === 'function' && win.document.body) {
      const observer = new ResizeObserver(() => this.hits.invalidate());
      observer.observe(win.document.body);
      this.abort.signal.addEventListener('abort', () => observer.disconnect());
    }
  }

  // ---- Pointer ---------------------------------------------------------------------------------

  private onPointerMove(event: PointerEvent): void {
    if (event.pointerType === 'touch') return;
    // A button held down means selecting or dragging, not reading: no new card for that.
    if (event.buttons !== 0) {
      this.cancelIntent();
      if (this.card.open && !this.card.pointerInCard && !this.deps.ui.contains(event.target)) this.card.scheduleClose();
      return;
    }
    // Browsers send a synthetic move after a scroll with the pointer standing still: not a move.
    if (this.lastPointer && this.lastPointer.x === event.clientX && this.lastPointer.y === event.clientY) return;
    this.lastPointer = { x: event.clientX, y: event.clientY };
    if (this.deps.ui.contains(event.target)) {
      this.card.pointerEntered();
      return;
    }
    if (this.frameRequested) return;
    this.frameRequested = true;
    // One hit test per frame, however fast the pointer events come.
    this.deps.win.requestAnimationFrame(() => {
      this.frameRequested = false;
      guard(() => this.evaluatePointer());
    });
  }

  private evaluatePointer(): void {
    const point = this.lastPointer;
    if (!point || this.abort.signal.aborted) return;
    const outcome = this.decidePointer(point);
    this.deps.mark?.(HOVER_MARKS.pointer, { x: point.x, y: point.y, outcome });
  }

  private decidePointer(point: { x: number; y: number }): PointerOutcome {
    const hit = this.hits.hitAt(point.x, point.y, (t) => this.deps.isShown(t.type));
    if (hit && sameTarget(hit.target, this.card.open?.target)) {
      this.card.cancelClose();
      this.cancelIntent();
      return 'open-card';
    }
    if (this.card.open && !this.card.pointerInCard) this.card.scheduleClose();
    if (!hit) {
      this.cancelIntent();
      return 'nothing';
    }
    if (sameTarget(hit.target, this.pending)) return 'waiting';
    this.cancelIntent();
    this.pending = hit.target;
    this.intentTimer = this.deps.win.setTimeout(() => {
      this.intentTimer = undefined;
      this.pending = null;
      guard(() => void this.showAfterIntent(hit));
    }, INTENT_DELAY_MS);
    return 'intent';
  }

  /** The pointer is still on the target when the delay runs out: show (its line box may have moved a little). */
  private async showAfterIntent(hit: Hit): Promise<void> {
    const point = this.lastPointer;
    if (!point) return;
    const still = this.hits.hitAt(point.x, point.y, (t) => this.deps.isShown(t.type));
    if (!still || !sameTarget(still.target, hit.target)) return;
    this.cursor = still.target;
    await this.show({ target: still.target, rect: plainRect(still.rect) }, 'pointer');
  }

  private onPointerLeftPage(): void {
    this.cancelIntent();
    if (this.card.open && !this.card.pointerInCard) this.card.scheduleClose();
  }

  // ---- Scroll, resize, keys -------------------------------------------------------------------

  private onScroll(): void {
    this.hits.invalidate();
    if (this.revealing > 0) return;
    this.cancelIntent();
    if (this.card.open) this.close();
  }

  private onLayoutChange(): void {
    this.hits.invalidate();
    if (this.card.open) this.close();
  }

  /**
   * Every key press, seen first (window, capture phase): also those aimed inside Lede's own shadow
   * roots (the card, the legend), which keep them from the page afterwards.
   */
  private onKeyDown(event: KeyboardEvent): void {
    const action = keyAction(event);
    if (!action) return;
    if (action === 'close') {
      if (this.card.open) this.close();
      return;
    }
    if (isEditable(event.composedPath()[0] ?? event.target)) {
      this.deps.mark?.(HOVER_MARKS.keyIgnored, { reason: 'editable' });
      return;
    }
    // The note editor's shadow root is closed, so its fields show up here only as its host.
    if (isNotesHost(event.target)) {
      this.deps.mark?.(HOVER_MARKS.keyIgnored, { reason: 'notes' });
      return;
    }
    if (!this.deps.targets.some((t) => this.deps.isShown(t.type))) return;
    event.preventDefault();
    event.stopPropagation();
    this.navigate(action).catch((error: unknown) => console.warn('Lede keyboard navigation:', error));
  }

  // ---- The card -------------------------------------------------------------------------------

  private async show(hit: { target: PaintedTarget; rect: Rect }, via: OpenCard['via']): Promise<void> {
    const model = this.deps.modelFor(hit.target);
    if (!model) return;
    await this.card.show({ target: hit.target, model, anchor: hit.rect, via });
  }

  /** Close and, if keyboard navigation had moved focus into the card, give it back. */
  close(): void {
    this.card.close();
  }

  private cancelIntent(): void {
    if (this.intentTimer !== undefined) this.deps.win.clearTimeout(this.intentTimer);
    this.intentTimer = undefined;
    this.pending = null;
  }

  private onScreen(target: PaintedTarget): boolean {
    const rect = target.range.getBoundingClientRect();
    return rect.bottom > 0 && rect.top < this.deps.win.innerHeight;
  }

  /**
   * With nothing selected yet, navigation starts where the reader is looking: "next" from the first
   * shown target in the viewport, "previous" from just after the last one.
   */
  private readersPlace(direction: Direction): number {
    const { targets, isShown } = this.deps;
    const visible = targets.filter((t) => isShown(t.type) && this.onScreen(t));
    if (visible.length === 0) {
      // Nothing on screen: start after what lies above the viewport.
      const above = targets.filter((t) => t.range.getBoundingClientRect().bottom <= 0);
      const last = above[above.length - 1];
      return last ? last.start + 1 : 0;
    }
    return direction === 'next' ? visible[0]!.start : visible[visible.length - 1]!.start + 1;
  }
}
