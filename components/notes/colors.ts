import type { HighlightColor } from '@/lib/notes/annotation';

/** What a screen reader says for each colour button, and the tooltip. */
export const COLOR_LABELS: Record<HighlightColor, string> = {
  yellow: 'Yellow',
  green: 'Green',
  blue: 'Blue',
  pink: 'Pink',
  purple: 'Purple',
};
