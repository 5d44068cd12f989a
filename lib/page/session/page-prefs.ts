// The reader's highlight preferences on this page (which types show; for this site or every
// site): applied at once to the paint, the hover card and the legend, then remembered by the
// background. The legend's switches change them too.

import type { LegendProps } from '@/components/Legend';
import { sendRequest, type LedeRequest } from '@/lib/protocol/messages';
import { DEFAULT_PREFS, type HighlightPrefs, type PrefsScope, type ResolvedPrefs } from '@/lib/settings/highlight-prefs';
import type { Box } from '@/lib/page/legend-placement';
import type { ArticleAnalysis } from './article-analysis';
import type { EntityPaint } from './entity-paint';
import type { PageExtras } from './page-extras';

export interface PagePrefsDeps {
  send: (message: LedeRequest) => Promise<unknown>;
  site: string;
  highlightsSupported: boolean;
  paint: EntityPaint;
  extras: PageExtras;
  article: () => ArticleAnalysis;
}

export class PagePrefs {
  /** The defaults (every type, global) until the page setup arrives. */
  current: ResolvedPrefs = { prefs: { ...DEFAULT_PREFS }, scope: 'global' };
  /** The legend starts as its pill unless the reader left it open (told by the page setup). */
  legendOpen = false;

  constructor(private readonly deps: PagePrefsDeps) {}

  /** Shows the legend (or updates it) when the article has anything to show in it. */
  async showLegend(): Promise<void> {
    if (this.deps.article().found) await this.deps.extras.showLegend(this.legendProps());
  }

  /** Apply at once (paint and legend), then ask the background to remember. */
  async change(prefs: HighlightPrefs, scope: PrefsScope): Promise<ResolvedPrefs> {
    this.current = { prefs: { ...prefs }, scope };
    this.deps.paint.apply(this.current.prefs);
    this.deps.extras.prefsChanged(this.legendProps());
    try {
      await sendRequest(this.deps.send, { type: 'saveHighlightPrefs', scope, site: this.deps.site, prefs: this.current.prefs });
    } catch (error) {
      console.warn('Lede could not save highlight preferences:', error);
    }
    return this.current;
  }

  /** The reader opened or closed the legend: the background remembers it for the next page. */
  private async openChanged(open: boolean): Promise<void> {
    this.legendOpen = open;
    try {
      await sendRequest(this.deps.send, { type: 'saveLegendOpen', open });
    } catch (error) {
      console.warn('Lede could not remember the legend open or closed:', error);
    }
  }

  private readonly articleBox = (): Box | null => this.deps.article().bodyBox();

  private legendProps(): LegendProps {
    return {
      counts: this.deps.article().counts,
      prefs: this.current.prefs,
      scope: this.current.scope,
      highlightsSupported: this.deps.highlightsSupported,
      open: this.legendOpen,
      articleBox: this.articleBox,
      onOpenChange: (open) => {
        this.openChanged(open).catch((error: unknown) => console.warn('Lede:', error));
      },
      onChange: (prefs, scope) => {
        this.change(prefs, scope).catch((error: unknown) => console.warn('Lede:', error));
      },
    };
  }
}
