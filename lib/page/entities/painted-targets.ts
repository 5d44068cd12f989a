// What Lede painted, one target per highlighted range: an entity mention or a quote, with the DOM
// Range it paints and the analysis item it stands for. Hover cards and keyboard navigation work
// from these; the painter gets its per-type range lists from the same Ranges, so each span is
// mapped onto the DOM once.

import type { Analysis, Quote } from '@/lib/analysis/types';
import { rangeFor, type TextSegment } from '@/lib/extract';
import { emptyByType, quoteHighlightType, type HighlightType } from '@/lib/page/highlight-types';
import type { RangesByType } from '@/lib/page/paint';
import { inReadingOrder } from '@/lib/page/span-navigation';

interface TargetBase {
  /** Offsets into the analysed text. */
  start: number;
  end: number;
  type: HighlightType;
  range: Range;
}

export interface MentionTarget extends TargetBase {
  kind: 'mention';
  entityId: string;
}

export interface QuoteTarget extends TargetBase {
  kind: 'quote';
  /** `quote` for a direct quote, `reported` for reported speech. */
  type: 'quote' | 'reported';
  quote: Quote;
}

export type PaintedTarget = MentionTarget | QuoteTarget;

/**
 * Every mention of every entity, then every quote (the order the painter has always used). A span
 * that maps onto no text, or whose nodes changed after extraction, is skipped.
 */
export function paintedTargets(doc: Document, segments: readonly TextSegment[], analysis: Analysis): PaintedTarget[] {
  const targets: PaintedTarget[] = [];
  const rangeOrNull = (start: number, end: number): Range | null => {
    try {
      const range = rangeFor(doc, segments, start, end);
      return range.collapsed ? null : range;
    } catch {
      // The DOM moved on since extraction (setStart throws past a shrunken node): skip this span.
      return null;
    }
  };
  for (const entity of analysis.entities) {
    for (const { start, end } of entity.mentions) {
      const range = rangeOrNull(start, end);
      if (range) targets.push({ kind: 'mention', type: entity.type, entityId: entity.id, start, end, range });
    }
  }
  for (const quote of analysis.quotes) {
    const range = rangeOrNull(quote.start, quote.end);
    if (range) targets.push({ kind: 'quote', type: quoteHighlightType(quote.kind), quote, start: quote.start, end: quote.end, range });
  }
  return targets;
}

export function rangesOfTargets(targets: readonly PaintedTarget[]): RangesByType {
  const ranges: RangesByType = emptyByType<Range>();
  for (const target of targets) ranges[target.type].push(target.range);
  return ranges;
}

/** The same targets in reading order, for keyboard navigation. */
export function targetsInReadingOrder(targets: readonly PaintedTarget[]): PaintedTarget[] {
  return inReadingOrder(targets);
}
