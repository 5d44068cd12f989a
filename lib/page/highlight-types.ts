// The four kinds of thing Lede paints, and the names they go by in CSS.highlights.
// Shared by the content script (painting), the legend, the popup and the settings.

export type HighlightType = 'person' | 'place' | 'organization' | 'quote';

/** In display order: the legend and the popup list them this way. */
export const HIGHLIGHT_TYPES: readonly HighlightType[] = ['person', 'place', 'organization', 'quote'];

export const HIGHLIGHT_LABELS: Readonly<Record<HighlightType, string>> = {
  person: 'People',
  place: 'Places',
  organization: 'Organisations',
  quote: 'Quotes',
};

/** The CSS Custom Highlight API registry name: `lede-person`, `lede-place`, ... */
export function highlightName(type: HighlightType): `lede-${HighlightType}` {
  return `lede-${type}`;
}

