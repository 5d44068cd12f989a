// Lede's highlight colours, as data: the CSS (entrypoints/content/highlights.css for the page,
// components/swatches.css for the legend and popup) must use exactly these, and a unit test checks
// both that it does and that every pair meets WCAG AA contrast.

import type { HighlightType } from './highlight-types';

/** A tint: the highlight's own background and the text colour painted on it. */
export interface TintStyle {
  kind: 'tint';
  background: string;
  text: string;
}

/** An underline over the page's own text and background, which Lede does not know. */
export interface UnderlineStyle {
  kind: 'underline';
  color: string;
  line: 'solid' | 'dotted';
}

export type HighlightStyle = TintStyle | UnderlineStyle;
export type ColorScheme = 'light' | 'dark';

/**
 * Entities are tinted (the text colour comes with the tint). Quotes are underlined so a name inside
 * one keeps its tint: a direct quote with a thin solid line, reported speech with a quieter dotted
 * one in a greyer colour. Underline colours sit at mid luminance so they keep 3:1 against a white
 * page and a near-black one alike, whatever scheme the browser reports.
 */
export const HIGHLIGHT_PALETTE: Readonly<Record<ColorScheme, Readonly<Record<HighlightType, HighlightStyle>>>> = {
  light: {
    person: { kind: 'tint', background: '#ffd9a0', text: '#2a1600' },
    place: { kind: 'tint', background: '#bdebc8', text: '#0b2914' },
    organization: { kind: 'tint', background: '#d3d7ff', text: '#14183d' },
    quote: { kind: 'underline', color: '#d0208a', line: 'solid' },
    reported: { kind: 'underline', color: '#9c7aa8', line: 'dotted' },
  },
  dark: {
    person: { kind: 'tint', background: '#8a5200', text: '#fff4e5' },
    place: { kind: 'tint', background: '#1f6b3a', text: '#eafff0' },
    organization: { kind: 'tint', background: '#3d43a0', text: '#eef0ff' },
    quote: { kind: 'underline', color: '#e0309a', line: 'solid' },
    reported: { kind: 'underline', color: '#9c7aa8', line: 'dotted' },
  },
};

/** Page backgrounds the underlines are checked against: white and the usual dark-mode greys and black. */
export const PAGE_BACKGROUNDS: readonly string[] = ['#ffffff', '#121212', '#000000'];
