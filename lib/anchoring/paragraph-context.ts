// Whether a passage's own paragraph still surrounds it: the test for a paragraph that moved whole.
import { normalizeString } from './normalize';
import type { PreparedQuote } from './types';

/**
 * The stored context, cut at its paragraph breaks, is exactly what surrounds `span` inside its own
 * paragraph now: true for a paragraph that moved whole. Sides without a break must match whole.
 */
export function paragraphIntact(text: string, quote: PreparedQuote, span: { start: number; end: number }): boolean {
  const prefixBreak = quote.prefix.lastIndexOf('\n');
  const suffixBreak = quote.suffix.indexOf('\n');
  // Without a paragraph break on either side, the ordinary context comparison says everything.
  if (prefixBreak < 0 && suffixBreak < 0) return false;
  const ownPrefix = prefixBreak < 0 ? quote.prefix : quote.prefix.slice(prefixBreak + 1);
  const ownSuffix = suffixBreak < 0 ? quote.suffix : quote.suffix.slice(0, suffixBreak);
  const headStart = span.start - ownPrefix.length;
  const tailEnd = span.end + ownSuffix.length;
  // A side with a break: the paragraph's own text up to the passage, verbatim, then the break.
  const prefixOk =
    prefixBreak < 0
      ? normalizeString(text.slice(Math.max(0, headStart - ownPrefix.length), span.start)).endsWith(normalizeString(ownPrefix))
      : headStart >= 0 && text.startsWith(ownPrefix, headStart) && (headStart === 0 || text[headStart - 1] === '\n');
  const suffixOk =
    suffixBreak < 0
      ? normalizeString(text.slice(span.end, tailEnd + ownSuffix.length)).startsWith(normalizeString(ownSuffix))
      : text.startsWith(ownSuffix, span.end) && (tailEnd === text.length || text[tailEnd] === '\n');
  return prefixOk && suffixOk;
}

