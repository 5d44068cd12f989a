// The hover card while it shows: what it shows and beside what, whether the pointer is in it, the
// grace period before it closes once the pointer left, and where focus goes back to when keyboard
// navigation had moved it into the card.

import type { HoverCardProps } from '@/components/hovercard/HoverCard';
import { NAV_KEY_HINT } from '@/components/hovercard/keys';
import type { HoverCardModel } from '@/components/hovercard/model';
import type { Rect } from '@/lib/page/hit-test';
import { giveFocusBack } from '@/lib/page/context/focus';
import type { Guard } from '@/lib/page/context/guard';
import type { PaintedTarget } from '@/lib/page/entities/painted-targets';

/** Time to travel from the highlight into the card before it closes. */
export const CLOSE_GRACE_MS = 300;

/** The hover card's closed shadow root as the controller uses it (entrypoints/content/hovercard-ui.tsx). */
export interface HoverCardUi {
  show(props: HoverCardProps): Promise<void>;
  hide(): void;
  /** True for the host itself: events from inside its shadow root reach the page retargeted to it. */
  contains(target: EventTarget | null): boolean;
  hasFocus(): boolean;
  remove(): void;
}

export interface OpenCard {
  target: PaintedTarget;
  model: HoverCardModel;
  anchor: Rect;
  via: 'pointer' | 'keyboard';
}

export interface HoverCardStateDeps {
  win: Window;
  ui: HoverCardUi;
  guard: Guard;
  /** The pointer entered the card: the controller stops waiting to open another. */
  onPointerEnter: () => void;
}

export class HoverCardState {
  private current: OpenCard | null = null;
  private inCard = false;
  private closeTimer: number | undefined;
  /** What had focus before keyboard navigation moved it into the card. */
  private focusBefore: Element | null = null;

  constructor(private readonly deps: HoverCardStateDeps) {}

  get open(): OpenCard | null {
    return this.current;
  }

  get pointerInCard(): boolean {
    return this.inCard;
  }

  async show(card: OpenCard): Promise<void> {
    this.cancelClose();
    // Remember the page's focus once, when the first keyboard card takes it (later steps replace the card).
    if (card.via === 'keyboard' && this.focusBefore === null && !this.deps.ui.hasFocus()) {
      this.focusBefore = this.deps.win.document.activeElement;
    }
    this.current = card;
    this.inCard = false;
    await this.deps.ui.show({
      model: card.model,
      anchor: card.anchor,
      target: { start: card.target.start, end: card.target.end, type: card.target.type },
      takeFocus: card.via === 'keyboard',
      keyHint: NAV_KEY_HINT,
      onPointerEnter: () => this.deps.guard(() => this.pointerEntered()),
      onPointerLeave: () => this.deps.guard(() => this.pointerLeft()),
    });
  }

  /** Close and, if keyboard navigation had moved focus into the card, give it back. */
  close(): void {
    const hadFocus = this.deps.ui.hasFocus();
    this.hide();
    if (hadFocus) giveFocusBack(this.deps.win.document, this.focusBefore);
    this.focusBefore = null;
  }

  /** Takes the card away, focus left where it is (the next card replaces it). */
  hide(): void {
    this.cancelClose();
    this.current = null;
    this.inCard = false;
    this.deps.ui.hide();
  }

  pointerEntered(): void {
    this.inCard = true;
    this.cancelClose();
    this.deps.onPointerEnter();
  }

  /** Closes after the grace period unless the pointer comes back into the card. */
  scheduleClose(): void {
    if (this.closeTimer !== undefined) return;
    this.closeTimer = this.deps.win.setTimeout(() => {
      this.closeTimer = undefined;
      this.deps.guard(() => {
        if (!this.inCard) this.close();
      });
    }, CLOSE_GRACE_MS);
  }

  cancelClose(): void {
    if (this.closeTimer !== undefined) this.deps.win.clearTimeout(this.closeTimer);
    this.closeTimer = undefined;
  }

  dispose(): void {
    this.cancelClose();
    this.deps.ui.remove();
    this.current = null;
  }

  private pointerLeft(): void {
    this.inCard = false;
    this.scheduleClose();
  }
}
