import type { ContentScriptContext } from '#imports';
import { HoverCard, type HoverCardProps } from '@/components/hovercard/HoverCard';
import hovercardCss from '@/components/hovercard/hovercard.css?inline';
import type { HoverCardUi } from '@/lib/page/hover/hover-card-state';
import { LazyShadowUi } from './lazy-shadow-ui';

export const HOVERCARD_HOST = 'lede-hovercard';

/**
 * The hover card's shadow root (<lede-hovercard>, at the end of <body>), created the first time
 * a card is shown: pages where nobody hovers never get it. Key events stay inside the shadow root
 * (the card passes them to Lede itself), so page shortcuts don't fire while the card has focus.
 * Closed and deaf to untrusted events (LazyShadowUi); what the card shows depends on the article
 * alone (HoverCard says why).
 */
export class HoverCardHost extends LazyShadowUi implements HoverCardUi {
  /** `openEntity` asks the background to open the library at an entity's page ("All about X"). */
  constructor(
    ctx: ContentScriptContext,
    private readonly openEntity?: (key: string) => void,
  ) {
    super(ctx, { name: HOVERCARD_HOST, mode: 'closed', css: hovercardCss });
  }

  show(props: HoverCardProps): Promise<void> {
    return this.renderContent(<HoverCard {...props} onOpenEntity={this.openEntity} />);
  }
}
