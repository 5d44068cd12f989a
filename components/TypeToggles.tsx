import { HIGHLIGHT_LABELS, HIGHLIGHT_TYPES, type HighlightType } from '@/lib/page/highlight-types';
import { allEnabled, noneEnabled, withAll, withType, type HighlightPrefs } from '@/lib/settings/highlight-prefs';

export interface TypeTogglesProps {
  prefs: HighlightPrefs;
  /** Shown beside each label when given. */
  counts?: Record<HighlightType, number>;
  /** Test ids become `${prefix}-person`, ..., `${prefix}-all`. */
  testIdPrefix: string;
  disabled?: boolean;
  onChange: (prefs: HighlightPrefs) => void;
}

/** One checkbox per highlight type with its colour swatch, plus an all on/off checkbox. */
export function TypeToggles({ prefs, counts, testIdPrefix, disabled, onChange }: TypeTogglesProps) {
  const all = allEnabled(prefs);
  return (
    <div class="lede-toggles" role="group" aria-label="Highlight types">
      <label class="lede-toggle lede-toggle-all">
        <input
          type="checkbox"
          data-testid={`${testIdPrefix}-all`}
          checked={all}
          indeterminate={!all && !noneEnabled(prefs)}
          disabled={disabled}
          onChange={() => onChange(withAll(!all))}
        />
        <span class="lede-toggle-label">All highlights</span>
      </label>
      {HIGHLIGHT_TYPES.map((type) => (
        <label class="lede-toggle" key={type}>
          <input
            type="checkbox"
            data-testid={`${testIdPrefix}-${type}`}
            checked={prefs[type]}
            disabled={disabled}
            onChange={(event) => onChange(withType(prefs, type, event.currentTarget.checked))}
          />
          <span class={`lede-swatch lede-swatch-${type}`} aria-hidden="true" />
          <span class="lede-toggle-label">{HIGHLIGHT_LABELS[type]}</span>
          {counts && <span class="lede-count">{counts[type]}</span>}
        </label>
      ))}
    </div>
  );
}
