import type { ContentScriptContext } from '#imports';
import { Legend, type LegendProps } from '@/components/Legend';
import legendCss from '@/components/legend.css?inline';
import swatchesCss from '@/components/swatches.css?inline';
import type { LegendHandle } from '@/lib/page/session/page-extras';
import { LazyShadowUi } from './lazy-shadow-ui';

export const LEGEND_HOST = 'lede-legend';

export type { LegendHandle };

/**
 * The legend's shadow root (<lede-legend>, at the end of <body>). Closed, and deaf to untrusted
 * events (LazyShadowUi): its switches are remembered for this site or for every site, so a page
 * that could click them could switch Lede's highlights off everywhere.
 */
class LegendHost extends LazyShadowUi {
  constructor(ctx: ContentScriptContext) {
    super(ctx, { name: LEGEND_HOST, mode: 'closed', css: `${swatchesCss}\n${legendCss}` });
  }

  show(props: LegendProps): Promise<void> {
    return this.renderContent(<Legend {...props} />);
  }
}

/** Mounts the legend and shows it; the handle re-renders it with new props or takes it away. */
export async function mountLegend(ctx: ContentScriptContext, initial: LegendProps): Promise<LegendHandle> {
  const host = new LegendHost(ctx);
  await host.show(initial);
  return {
    update(props) {
      host.show(props).catch((error: unknown) => console.warn('Lede could not update its legend:', error));
    },
    remove() {
      host.remove();
    },
  };
}
