import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HIGHLIGHT_PALETTE, PAGE_BACKGROUNDS, type ColorScheme, type HighlightStyle } from '@/lib/page/highlight-palette';
import { HIGHLIGHT_TYPES, type HighlightType } from '@/lib/page/highlight-types';
import { contrastRatio } from '@/lib/shared/contrast';

const SCHEMES: ColorScheme[] = ['light', 'dark'];
const DARK_MEDIA = '@media (prefers-color-scheme: dark)';

/** The declarations of each `selector(name)` block, for the light part and the dark part of a stylesheet. */
function blocks(path: string, selector: RegExp): Record<ColorScheme, Map<string, string>> {
  const css = readFileSync(path, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
  const at = css.indexOf(DARK_MEDIA);
  const parts: Record<ColorScheme, string> = { light: css.slice(0, at), dark: css.slice(at) };
  const result = { light: new Map<string, string>(), dark: new Map<string, string>() };
  for (const scheme of SCHEMES) {
    for (const match of parts[scheme].matchAll(selector)) result[scheme].set(match[1]!, (result[scheme].get(match[1]!) ?? '') + match[2]!);
  }
  return result;
}

describe('contrastRatio', () => {
  it('gives the WCAG reference values', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(contrastRatio('#ffffff', '#ffffff')).toBe(1);
    expect(() => contrastRatio('red', '#ffffff')).toThrow();
  });
});

describe('highlight palette contrast (WCAG AA)', () => {
  const cases = SCHEMES.flatMap((scheme) => HIGHLIGHT_TYPES.map((type) => [scheme, type, HIGHLIGHT_PALETTE[scheme][type]] as const));

  it.each(cases)('%s %s', (_scheme, _type, style: HighlightStyle) => {
    if (style.kind === 'tint') {
      // Text painted on the tint: 4.5:1.
      expect(contrastRatio(style.text, style.background)).toBeGreaterThanOrEqual(4.5);
    } else {
      // An underline is non-text over the page's own background, light or dark: 3:1 against each.
      for (const page of PAGE_BACKGROUNDS) expect(contrastRatio(style.color, page)).toBeGreaterThanOrEqual(3);
    }
  });

  it('tells direct quotes from reported speech by line and colour', () => {
    for (const scheme of SCHEMES) {
      const { quote, reported } = HIGHLIGHT_PALETTE[scheme];
      expect(quote).toMatchObject({ kind: 'underline', line: 'solid' });
      expect(reported).toMatchObject({ kind: 'underline', line: 'dotted' });
      expect(quote.kind === 'underline' && reported.kind === 'underline' && quote.color !== reported.color).toBe(true);
    }
  });
});

describe('the stylesheets use the palette', () => {
  const page = blocks('entrypoints/content/highlights.css', /::highlight\(lede-([a-z]+)\)\s*\{([^}]*)\}/g);
  const swatches = blocks('components/swatches.css', /\.lede-swatch-([a-z]+)\s*\{([^}]*)\}/g);

  it.each(SCHEMES.flatMap((scheme) => HIGHLIGHT_TYPES.map((type) => [scheme, type] as [ColorScheme, HighlightType])))('%s %s', (scheme, type) => {
    const style = HIGHLIGHT_PALETTE[scheme][type];
    const painted = page[scheme].get(type) ?? '';
    const swatch = swatches[scheme].get(type) ?? '';
    if (style.kind === 'tint') {
      expect(painted).toMatch(new RegExp(`background-color:\\s*${style.background};`));
      expect(painted).toMatch(new RegExp(`(^|[^-])color:\\s*${style.text};`));
      expect(swatch).toMatch(new RegExp(`background:\\s*${style.background};`));
    } else {
      expect(painted).toMatch(new RegExp(`text-decoration:\\s*underline ${style.line} [\\d.]+px ${style.color};`));
      expect(swatch).toMatch(new RegExp(`border-bottom:\\s*\\d+px ${style.line} ${style.color};`));
    }
  });
});
