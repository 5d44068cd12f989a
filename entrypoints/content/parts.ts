// Lede's content script ships as two files, each its own manifest entry (see wxt.config.ts):
// Chromium compiles and runs each entry in a task of its own, and the whole script as one file
// was one long task (over 50 ms on a busy machine) on nearly every page. The UI part
// (content-ui.content.ts: Preact, the hover card, the legend, the notes toolbar) runs first and
// leaves its factories here; the main part (index.ts) takes them. The hand-over is a property of
// the content scripts' isolated world, which the page's own scripts cannot see.
import type { ContentScriptContext } from '#imports';
import type { LegendProps } from '@/components/Legend';
import type { HoverCardUi } from '@/lib/page/hover/hover-card-state';
import type { NotesUi } from '@/lib/page/notes/notes-view';
import type { LegendHandle } from '@/lib/page/session/page-extras';

/** What the UI part makes, given the main part's context. */
export interface UiPart {
  hoverCardUi(ctx: ContentScriptContext, openEntity: (key: string) => void): HoverCardUi;
  mountLegend(ctx: ContentScriptContext, props: LegendProps): Promise<LegendHandle>;
  notesUi(ctx: ContentScriptContext): NotesUi;
}

interface Exchange {
  ui?: UiPart;
  waiting: Array<(ui: UiPart) => void>;
}

const KEY = Symbol.for('lede.content-parts');

function exchange(): Exchange {
  const world = globalThis as unknown as Record<symbol, Exchange | undefined>;
  return (world[KEY] ??= { waiting: [] });
}

/** Called by the UI part when it has loaded. */
export function provideUiPart(ui: UiPart): void {
  const shared = exchange();
  shared.ui = ui;
  for (const resolve of shared.waiting.splice(0)) resolve(ui);
}

/** The UI part: at once when it ran first (the manifest's order), else when it arrives. */
export function uiPart(): Promise<UiPart> {
  const shared = exchange();
  if (shared.ui) return Promise.resolve(shared.ui);
  return new Promise((resolve) => shared.waiting.push(resolve));
}
