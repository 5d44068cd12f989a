import { render } from 'preact';
import { createShadowRootUi, type ContentScriptContext } from '#imports';
import { Legend, type LegendProps } from '@/components/Legend';
import legendCss from '@/components/legend.css?inline';
import swatchesCss from '@/components/swatches.css?inline';

export interface LegendHandle {
  update(props: LegendProps): void;
  remove(): void;
}

/**
 * Mounts the legend in its own shadow root: the one element Lede adds to a page
 * (<lede-legend>, at the end of <body>). Page styles cannot reach inside it and its styles
 * cannot leak out; key events stay inside so page shortcuts don't fire while it has focus.
 */
export async function mountLegend(ctx: ContentScriptContext, initial: LegendProps): Promise<LegendHandle> {
  let container: HTMLElement | null = null;
  const ui = await createShadowRootUi(ctx, {
    name: 'lede-legend',
    mode: 'open',
    position: 'inline',
    anchor: 'body',
    append: 'last',
    css: `${swatchesCss}\n${legendCss}`,
    isolateEvents: true,
    onMount: (uiContainer) => {
      container = uiContainer;
      render(<Legend {...initial} />, uiContainer);
    },
    onRemove: () => {
      if (container) render(null, container);
      container = null;
    },
  });
  ui.mount();
  return {
    update(props) {
      if (container) render(<Legend {...props} />, container);
    },
    remove() {
      ui.remove();
    },
  };
}
