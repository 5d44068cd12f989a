import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { HIGHLIGHT_LABELS, HIGHLIGHT_TYPES, type HighlightType } from '@/lib/page/highlight-types';
import { legendPlacement, type Box, type LegendPlacement } from '@/lib/page/legend-placement';
import type { HighlightPrefs, PrefsScope } from '@/lib/settings/highlight-prefs';
import { NAV_KEYS } from './hovercard/keys';
import { TypeToggles } from './TypeToggles';

export interface LegendProps {
  counts: Record<HighlightType, number>;
  prefs: HighlightPrefs;
  scope: PrefsScope;
  highlightsSupported: boolean;
  /** Open, or the small pill it starts as; the reader's last choice, remembered by the background. */
  open: boolean;
  /** The reader changed which types show, or where that choice is remembered. */
  onChange: (prefs: HighlightPrefs, scope: PrefsScope) => void;
  /** The reader opened or closed the legend. */
  onOpenChange?: (open: boolean) => void;
  /** The article body's box in the viewport, so the legend keeps off its text; absent, the corner. */
  articleBox?: () => Box | null;
}

/** Where the legend sits, asked again on scroll and resize (once a frame at most). */
function usePlacement(aside: { current: HTMLElement | null }, open: boolean, articleBox?: () => Box | null): LegendPlacement {
  const [placement, setPlacement] = useState<LegendPlacement>('right');
  // The size it has in a corner: tucked, it is squeezed, so the last corner size is kept.
  const cornerSize = useRef<{ width: number; height: number } | null>(null);
  useLayoutEffect(() => {
    const element = aside.current;
    const win = element?.ownerDocument.defaultView;
    if (!element || !win || !articleBox) return;
    cornerSize.current = null;
    let frame = 0;
    const measure = (): void => {
      frame = 0;
      const rect = element.getBoundingClientRect();
      if (!element.classList.contains('lede-legend-tucked') || !cornerSize.current) cornerSize.current = { width: rect.width, height: rect.height };
      setPlacement(legendPlacement(articleBox(), { width: win.innerWidth, height: win.innerHeight }, cornerSize.current));
    };
    const schedule = (): void => {
      if (!frame) frame = win.requestAnimationFrame(measure);
    };
    measure();
    win.addEventListener('scroll', schedule, { passive: true, capture: true });
    win.addEventListener('resize', schedule, { passive: true });
    return () => {
      if (frame) win.cancelAnimationFrame(frame);
      win.removeEventListener('scroll', schedule, { capture: true });
      win.removeEventListener('resize', schedule);
    };
  }, [open, articleBox]);
  return placement;
}

/**
 * The in-page key to Lede's colours (inside a shadow root). It starts as a small pill (the counts
 * show on hover or focus), opens to the switches, and keeps off the article's text: bottom-right,
 * else bottom-left, else tucked against the right edge until the reader reaches for it.
 */
export function Legend({ counts, prefs, scope, highlightsSupported, open: openProp, onChange, onOpenChange, articleBox }: LegendProps) {
  // The reader's click shows at once; a new `open` from the owner (the page setup) wins over it.
  const [local, setLocal] = useState<{ from: boolean; open: boolean } | null>(null);
  const open = local && local.from === openProp ? local.open : openProp;
  const aside = useRef<HTMLElement>(null);
  const placement = usePlacement(aside, open, articleBox);
  const total = HIGHLIGHT_TYPES.reduce((sum, type) => sum + counts[type], 0);
  const toggle = (): void => {
    setLocal({ from: openProp, open: !open });
    onOpenChange?.(!open);
  };
  return (
    <aside
      ref={aside}
      class={`lede-legend lede-legend-${placement}${open ? '' : ' lede-legend-collapsed'}`}
      aria-label="Lede highlights"
      data-placement={placement}
      data-open={String(open)}
    >
      {/* Above the head: the pill grows upwards from the bottom edge, so the head stays under the pointer. */}
      {!open && (
        <ul class="lede-legend-peek" data-testid="legend-peek">
          {HIGHLIGHT_TYPES.map((type) => (
            <li key={type}>
              <span class={`lede-swatch lede-swatch-${type}`} aria-hidden="true" />
              <span class="lede-toggle-label">{HIGHLIGHT_LABELS[type]}</span>
              <span class="lede-count">{counts[type]}</span>
            </li>
          ))}
        </ul>
      )}
      <button
        type="button"
        class="lede-legend-head"
        aria-expanded={open}
        aria-controls="lede-legend-body"
        data-testid="legend-collapse"
        onClick={toggle}
      >
        <span class="lede-legend-title">Lede</span>
        <span class="lede-legend-total">{open ? `${total} found` : total}</span>
        <span class="lede-legend-chevron" aria-hidden="true">{open ? '▾' : '▴'}</span>
      </button>
      {open && (
        <div id="lede-legend-body" class="lede-legend-body">
          {!highlightsSupported && (
            <p class="lede-note">This browser cannot paint highlights; the toolbar popup lists what was found.</p>
          )}
          <TypeToggles
            prefs={prefs}
            counts={counts}
            testIdPrefix="legend-toggle"
            disabled={!highlightsSupported}
            onChange={(next) => onChange(next, scope)}
          />
          <fieldset class="lede-scope">
            <legend>Remember</legend>
            <label>
              <input
                type="radio"
                name="lede-scope"
                value="site"
                data-testid="legend-scope-site"
                checked={scope === 'site'}
                onChange={() => onChange(prefs, 'site')}
              />
              for this site
            </label>
            <label>
              <input
                type="radio"
                name="lede-scope"
                value="global"
                data-testid="legend-scope-global"
                checked={scope === 'global'}
                onChange={() => onChange(prefs, 'global')}
              />
              for all sites
            </label>
          </fieldset>
          {highlightsSupported && (
            <p class="lede-note" data-testid="legend-keys">
              <kbd>{[...NAV_KEYS.modifiers, NAV_KEYS.next].join('+')}</kbd> / <kbd>{NAV_KEYS.previous}</kbd> step through
              highlights
            </p>
          )}
        </div>
      )}
    </aside>
  );
}
