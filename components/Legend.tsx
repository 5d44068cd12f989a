import { useState } from 'preact/hooks';
import { HIGHLIGHT_TYPES, type HighlightType } from '@/lib/page/highlight-types';
import type { HighlightPrefs, PrefsScope } from '@/lib/settings/highlight-prefs';
import { NAV_KEYS } from './hovercard/keys';
import { TypeToggles } from './TypeToggles';

export interface LegendProps {
  counts: Record<HighlightType, number>;
  prefs: HighlightPrefs;
  scope: PrefsScope;
  highlightsSupported: boolean;
  /** The reader changed which types show, or where that choice is remembered. */
  onChange: (prefs: HighlightPrefs, scope: PrefsScope) => void;
}

/** The in-page key to Lede's colours: fixed bottom-right (inside a shadow root), collapsible. */
export function Legend({ counts, prefs, scope, highlightsSupported, onChange }: LegendProps) {
  const [open, setOpen] = useState(true);
  const total = HIGHLIGHT_TYPES.reduce((sum, type) => sum + counts[type], 0);
  return (
    <aside class={`lede-legend${open ? '' : ' lede-legend-collapsed'}`} aria-label="Lede highlights">
      <button
        type="button"
        class="lede-legend-head"
        aria-expanded={open}
        aria-controls="lede-legend-body"
        data-testid="legend-collapse"
        onClick={() => setOpen(!open)}
      >
        <span class="lede-legend-title">Lede</span>
        <span class="lede-legend-total">{total} found</span>
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
