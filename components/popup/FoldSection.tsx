import type { ComponentChildren } from 'preact';
import type { PopupSection } from '@/lib/settings/popup-prefs';
import { useFirstScreen } from './first-screen';

export interface FoldSectionProps {
  section: PopupSection;
  title: string;
  /** Shown after the title; omitted when undefined. */
  count?: string;
  /** A swatch class for the heading (lede-swatch-person …); none when omitted. */
  swatch?: string;
  collapsed: boolean;
  /** Shown open and not foldable for now (while the reader filters the cards, every match shows). */
  locked?: boolean;
  onToggle: (section: PopupSection, collapsed: boolean) => void;
  /** Extra attributes for the section (the entity groups' data-testid/data-type contract). */
  testId?: string;
  dataType?: string;
  children: ComponentChildren;
}

/**
 * A popup section whose heading is a button that folds it (the accordion pattern: a heading
 * holding a button with aria-expanded). Folded content stays in the DOM, hidden, so what the
 * section holds is still there for the next unfold without rebuilding it.
 */
export function FoldSection({ section, title, count, swatch, collapsed, locked = false, onToggle, testId, dataType, children }: FoldSectionProps) {
  const firstScreen = useFirstScreen();
  const bodyId = `section-${section}`;
  const headingId = `section-${section}-heading`;
  return (
    <section
      class={`fold fold-${section}${collapsed ? ' is-collapsed' : ''}`}
      data-testid={testId}
      data-type={dataType}
      data-section={section}
      data-collapsed={collapsed ? 'true' : 'false'}
      aria-labelledby={headingId}
    >
      <h2 class="fold-heading">
        <button
          type="button"
          class="fold-toggle"
          id={headingId}
          data-testid={`fold-${section}`}
          aria-expanded={!collapsed}
          aria-controls={bodyId}
          disabled={locked}
          title={locked ? 'Clear the filter to fold this section' : undefined}
          onClick={() => onToggle(section, !collapsed)}
        >
          <span class="fold-chevron" aria-hidden="true" />
          {swatch && <span class={`lede-swatch ${swatch}`} aria-hidden="true" />}
          <span class="fold-title">{title}</span>
          {count !== undefined && <span class="fold-count">{count}</span>}
        </button>
      </h2>
      <div class="fold-body" id={bodyId} hidden={collapsed}>
        {collapsed && firstScreen ? null : children}
      </div>
    </section>
  );
}
