// The kinds of thing Lede paints, and the names they go by in CSS.highlights.
// Shared by the content script (painting), the legend, the popup and the settings.

import type { QuoteKind } from '../analysis/types';

/** `quote` is a direct quote (the quoted words); `reported` is reported speech ("X said that ..."). */
export type HighlightType = 'person' | 'place' | 'organization' | 'quote' | 'reported';

/** In display order: the legend and the popup list them this way. */
export const HIGHLIGHT_TYPES: readonly HighlightType[] = ['person', 'place', 'organization', 'quote', 'reported'];

export const HIGHLIGHT_LABELS: Readonly<Record<HighlightType, string>> = {
  person: 'People',
  place: 'Places',
  organization: 'Organisations',
  quote: 'Direct quotes',
  reported: 'Reported speech',
};

/** The highlight a quote paints under: direct quotes and paraphrase look, and switch, apart. */
export function quoteHighlightType(kind: QuoteKind): 'quote' | 'reported' {
  return kind === 'direct' ? 'quote' : 'reported';
}

/** A record with an empty list for every highlight type. */
export function emptyByType<T>(): Record<HighlightType, T[]> {
  return { person: [], place: [], organization: [], quote: [], reported: [] };
}

/** The CSS Custom Highlight API registry name: `lede-person`, `lede-place`, ..., `lede-reported`. */
export function highlightName(type: HighlightType): `lede-${HighlightType}` {
  return `lede-${type}`;
}
