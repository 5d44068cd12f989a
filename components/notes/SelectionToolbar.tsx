import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { HIGHLIGHT_COLORS, type HighlightColor } from '@/lib/notes/annotation';
import type { Rect } from '@/lib/page/hit-test';
import { placeCard, type Placement } from '@/components/hovercard/placement';
import { COLOR_LABELS } from './colors';

export interface SelectionToolbarProps {
  /** The selection's last line box, in viewport coordinates. */
  anchor: Rect;
  /** Shown after "Copy quote": what happened, read out by screen readers. */
  status?: string;
  onHighlight: (color: HighlightColor) => void;
  onNote: () => void;
  onCopyQuote: () => void;
  /** Escape inside the toolbar: put it away. */
  onDismiss: () => void;
}

/**
 * The small bar beside a selection in the article: five highlight colours, "Note" and
 * "Copy quote". Fixed to the viewport, so it never moves the page's text. Pressing a button must
 * not take the page's selection away, hence preventDefault on mousedown.
 */
export function SelectionToolbar({ anchor, status, onHighlight, onNote, onCopyQuote, onDismiss }: SelectionToolbarProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [placement, setPlacement] = useState<Placement | null>(null);

  useLayoutEffect(() => {
    const bar = ref.current;
    if (!bar) return;
    const { width, height } = bar.getBoundingClientRect();
    const view = bar.ownerDocument.defaultView;
    setPlacement(placeCard(anchor, { width, height }, { width: view?.innerWidth ?? width, height: view?.innerHeight ?? height }));
  }, [anchor.left, anchor.top, anchor.right, anchor.bottom, status]);

  const style = placement
    ? { left: `${placement.left}px`, top: `${placement.top}px` }
    : { left: '0px', top: '0px', visibility: 'hidden' as const };
  const keepSelection = (event: MouseEvent): void => event.preventDefault();
  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    onDismiss();
  };

  return (
    <div ref={ref} class="lede-notes-toolbar" style={style} role="toolbar" aria-label="Lede: highlight or note this passage" onMouseDown={keepSelection} onKeyDown={onKeyDown}>
      <div class="lede-notes-colors" role="group" aria-label="Highlight">
        {HIGHLIGHT_COLORS.map((color) => (
          <button
            key={color}
            type="button"
            class={`lede-notes-color lede-note-swatch-${color}`}
            aria-label={`Highlight ${COLOR_LABELS[color].toLowerCase()}`}
            title={`Highlight ${COLOR_LABELS[color].toLowerCase()}`}
            onClick={() => onHighlight(color)}
          />
        ))}
      </div>
      <button type="button" class="lede-notes-action" onClick={onNote} title="Write a note (Alt+Shift+N)">
        Note
      </button>
      <button type="button" class="lede-notes-action" onClick={onCopyQuote}>
        Copy quote
      </button>
      <span class="lede-notes-status" role="status" aria-live="polite">
        {status ?? ''}
      </span>
    </div>
  );
}
