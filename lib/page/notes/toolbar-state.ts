// The selection toolbar's state: beside which selection it shows, and what it last said. While
// it shows, it is the next stop in the tab order (Tab from the page moves focus to its first
// colour) and Escape puts it away; it follows its selection when the page scrolls.

import { isEditable } from '@/components/hovercard/keys';
import type { Rect } from '@/lib/page/hit-test';
import type { Guard } from '@/lib/page/context/guard';
import { isTrustedEvent, trustedOnly, type TrustCheck } from '@/lib/page/trusted-events';
import type { NotesUi } from './notes-view';
import { selectionRect, type ArticleSelection } from './selection-tracker';

export interface ToolbarState extends ArticleSelection {
  rect: Rect;
  status?: string;
}

export interface ToolbarDeps {
  win: Window;
  signal: AbortSignal;
  guard: Guard;
  ui: NotesUi;
  /** The editor frame is open: the toolbar stays away and ignores keys and scrolls. */
  editorOpen: () => boolean;
  /** The toolbar changed: show it again (or hide it). */
  render: () => void;
  /** Which key presses count as the reader's; the real `isTrusted` check unless a unit test passes another. */
  trusted?: TrustCheck;
}

export class Toolbar {
  private current: ToolbarState | null = null;
  private frameRequested = false;
  private listening = false;

  constructor(private readonly deps: ToolbarDeps) {}

  get state(): ToolbarState | null {
    return this.current;
  }

  /** Starts listening for keys and scrolls (idempotent). */
  start(): void {
    if (this.listening) return;
    this.listening = true;
    const { win, signal, guard } = this.deps;
    // Only the reader's keys: a page's scripted Tab or Escape must not move focus or put the toolbar away.
    const onKey = trustedOnly((event: KeyboardEvent) => guard(() => this.onKeyDown(event)), this.deps.trusted ?? isTrustedEvent);
    win.addEventListener('keydown', onKey, { capture: true, signal });
    win.addEventListener('scroll', () => guard(() => this.onScroll()), { capture: true, passive: true, signal });
    win.addEventListener('resize', () => guard(() => this.onScroll()), { passive: true, signal });
  }

  /** Shows the toolbar beside the selection now in the page, or hides it when there is none. */
  follow(selection: ArticleSelection | null): void {
    // The reader is in the toolbar (reached with Tab): focus moving there must not take it away.
    if (this.current && this.deps.ui.hasFocus()) return;
    if (!selection) {
      this.hide();
      return;
    }
    const before = this.current;
    const same = before && before.span.start === selection.span.start && before.span.end === selection.span.end;
    this.current = { ...selection, rect: selectionRect(selection.range), status: same ? before.status : undefined };
    this.deps.render();
  }

  /** Says something in the toolbar, if it still shows the same selection. */
  say(state: ToolbarState, status: string): void {
    if (this.current !== state) return;
    this.current = { ...state, status };
    this.deps.render();
  }

  /** Forgets the toolbar without showing anything new (the caller renders). */
  forget(): void {
    this.current = null;
  }

  /** The toolbar did its job (a highlight was saved): it goes, whatever it shows now. */
  close(): void {
    this.current = null;
    this.deps.render();
  }

  hide(): void {
    if (!this.current) return;
    this.current = null;
    this.deps.render();
  }

  /** Escape in the toolbar: put it away and give focus back to the page. */
  dismiss(): void {
    const hadFocus = this.deps.ui.hasFocus();
    this.current = null;
    this.deps.render();
    if (hadFocus) (this.deps.win.document.activeElement as HTMLElement | null)?.blur?.();
  }

  private onKeyDown(event: KeyboardEvent): void {
    const { ui } = this.deps;
    if (!this.current || this.deps.editorOpen() || ui.contains(event.target)) return;
    if (event.key === 'Escape') {
      this.hide();
      return;
    }
    if (event.key !== 'Tab' || event.shiftKey || event.altKey || event.ctrlKey || event.metaKey) return;
    // Keys typed into the page's own fields are left alone.
    if (isEditable(event.composedPath()[0] ?? event.target)) return;
    if (ui.focusFirstButton()) event.preventDefault();
  }

  private onScroll(): void {
    if (!this.current || this.frameRequested) return;
    this.frameRequested = true;
    this.deps.win.requestAnimationFrame(() => {
      this.frameRequested = false;
      this.deps.guard(() => {
        if (!this.current || this.deps.editorOpen()) return;
        this.current = { ...this.current, rect: selectionRect(this.current.range) };
        this.deps.render();
      });
    });
  }
}
