// What Lede shows besides the highlights: the hover card with keyboard navigation, the legend, and
// the flash of a passage the popup asked to see. Each is optional: a failure here leaves the
// highlights be.

import type { LegendProps } from '@/components/Legend';
import { entityHoverCard, quoteHoverCard, type HoverCardModel } from '@/components/hovercard/model';
import type { Analysis } from '@/lib/analysis/types';
import { buildEntityCards, type EntityCard } from '@/lib/cards/cards';
import type { HighlightType } from '@/lib/page/highlight-types';
import type { HighlightPrefs } from '@/lib/settings/highlight-prefs';
import type { PageLifetime } from '@/lib/page/context/page-lifetime';
import type { PaintedTarget } from '@/lib/page/entities/painted-targets';
import type { HoverCardUi } from '@/lib/page/hover/hover-card-state';
import { HoverController } from '@/lib/page/hover/hover-controller';
import { Flasher, revealRange } from '@/lib/page/hover/reveal';

export interface LegendHandle {
  update(props: LegendProps): void;
  remove(): void;
}

export interface PageExtrasDeps {
  lifetime: PageLifetime;
  win: Window;
  /** A fresh hover card host (its closed shadow root is made the first time a card shows). */
  hoverCardUi: () => HoverCardUi;
  /** Mounts the legend in its closed shadow root and shows it. */
  mountLegend: (props: LegendProps) => Promise<LegendHandle>;
  /** The highlight preferences in force: hidden types get no card. */
  prefs: () => HighlightPrefs;
  /** Performance marks (only the marked build leaves them): the hover card's decisions, for tests to wait on. */
  mark?: (name: string, detail?: Record<string, unknown>) => void;
}

export class PageExtras {
  private hover: HoverController | null = null;
  private flasher: Flasher | null = null;
  private legend: LegendHandle | null = null;
  private cardsById: Map<string, EntityCard> | null = null;
  private article: { analysis: Analysis; text: string } | null = null;

  constructor(private readonly deps: PageExtrasDeps) {}

  /** The analysis the cards describe from now on (their index is built again when first needed). */
  setArticle(analysis: Analysis, text: string): void {
    this.article = { analysis, text };
    this.cardsById = null;
  }

  /** Hover cards and keyboard navigation, once something is painted; a failure here leaves the highlights be. */
  startHoverCards(targets: readonly PaintedTarget[]): void {
    this.hover?.dispose();
    this.hover = null;
    if (targets.length === 0 || this.deps.lifetime.isInvalid) return;
    this.flasher ??= new Flasher(this.deps.win);
    try {
      this.hover = new HoverController({
        lifetime: this.deps.lifetime,
        win: this.deps.win,
        ui: this.deps.hoverCardUi(),
        targets,
        flasher: this.flasher,
        isShown: (type: HighlightType) => this.deps.prefs()[type],
        modelFor: (target) => this.hoverModel(target),
        mark: this.deps.mark,
      });
    } catch (error) {
      console.warn('Lede could not set up hover cards on this page:', error);
    }
  }

  /** Shows the legend, or updates the one shown; a failure leaves the highlights and the popup working. */
  async showLegend(props: LegendProps): Promise<void> {
    if (this.deps.lifetime.isInvalid) return;
    try {
      if (this.legend) this.legend.update(props);
      else this.legend = await this.deps.mountLegend(props);
    } catch (error) {
      // The highlights are painted and the popup still works; only the in-page key is missing.
      console.warn('Lede could not show its legend on this page:', error);
    }
  }

  /** The preferences changed: hidden types lose their card, the legend shows the new switches. */
  prefsChanged(legend: LegendProps): void {
    this.hover?.prefsChanged();
    this.legend?.update(legend);
  }

  /** Scrolls the range into view and flashes it; false when that failed. */
  async reveal(range: Range): Promise<boolean> {
    this.flasher ??= new Flasher(this.deps.win);
    try {
      await revealRange(this.deps.win, range, this.flasher);
    } catch (error) {
      console.warn('Lede could not scroll to that part of the page:', error);
      return false;
    }
    return true;
  }

  /** Lede stands down on this page: no card, no flash, no legend. */
  clear(): void {
    this.hover?.dispose();
    this.hover = null;
    this.flasher?.clear();
    this.legend?.remove();
    this.legend = null;
    this.article = null;
    this.cardsById = null;
  }

  dispose(): void {
    this.flasher?.dispose();
  }

  private hoverModel(target: PaintedTarget): HoverCardModel | null {
    const article = this.article;
    if (!article) return null;
    this.cardsById ??= new Map(buildEntityCards(article.analysis, article.text).map((card) => [card.id, card]));
    if (target.kind === 'quote') return quoteHoverCard(target.quote, this.cardsById, article.text);
    const card = this.cardsById.get(target.entityId);
    return card ? entityHoverCard(card) : null;
  }
}
