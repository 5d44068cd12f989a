// From a DOM Range (the reader's selection) back to offsets in the article text: the inverse of
// lib/extract's rangeFor. Plain DOM code with no extension APIs, so it runs under happy-dom too.

import type { TextSegment } from '../extract';

/** A span of the article text, end exclusive. */
export interface TextSpan {
  start: number;
  end: number;
}

/** The part of a Range this module reads (a live Range, or a StaticRange). */
export interface BoundaryRange {
  startContainer: Node;
  startOffset: number;
  endContainer: Node;
  endOffset: number;
}

// Node.compareDocumentPosition bits.
const PRECEDING = 2;
const FOLLOWING = 4;
const CONTAINS = 8;

function childIndex(node: Node): number {
  let index = 0;
  for (let sibling = node.previousSibling; sibling; sibling = sibling.previousSibling) index++;
  return index;
}

/**
 * Orders two DOM boundary points (the DOM standard's "position of a boundary point"):
 * negative when a comes first, 0 when equal, positive when b comes first.
 */
export function compareBoundaryPoints(aNode: Node, aOffset: number, bNode: Node, bOffset: number): number {
  if (aNode === bNode) return aOffset - bOffset;
  const position = aNode.compareDocumentPosition(bNode);
  // b is an ancestor of a: a's place is that of a's ancestor among b's children.
  if (position & CONTAINS) {
    let child: Node = aNode;
    while (child.parentNode && child.parentNode !== bNode) child = child.parentNode;
    return childIndex(child) < bOffset ? -1 : 1;
  }
  // a is an ancestor of b: the mirror image.
  if (position & 16) {
    let child: Node = bNode;
    while (child.parentNode && child.parentNode !== aNode) child = child.parentNode;
    return childIndex(child) < aOffset ? 1 : -1;
  }
  if (position & FOLLOWING) return -1;
  if (position & PRECEDING) return 1;
  return 0; // Disconnected trees: no order; treat as equal rather than guess.
}

const segmentEnd = (seg: TextSegment): number => seg.nodeOffset + (seg.end - seg.start);

/**
 * The text offset a range START at (node, offset) stands for: inside a segment, its exact
 * character; otherwise the start of the next segment. Null when no article text follows.
 */
export function startOffsetAt(segments: readonly TextSegment[], node: Node, offset: number): number | null {
  // First segment whose end boundary lies after the point.
  let lo = 0;
  let hi = segments.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const seg = segments[mid]!;
    if (compareBoundaryPoints(seg.node, segmentEnd(seg), node, offset) <= 0) lo = mid + 1;
    else hi = mid;
  }
  const seg = segments[lo];
  if (!seg) return null;
  if (node === seg.node && offset >= seg.nodeOffset) return seg.start + (offset - seg.nodeOffset);
  return seg.start;
}

/**
 * The text offset a range END at (node, offset) stands for: inside a segment, its exact
 * character; otherwise the end of the previous segment. Null when no article text comes before.
 */
export function endOffsetAt(segments: readonly TextSegment[], node: Node, offset: number): number | null {
  // Last segment whose start boundary lies before the point.
  let lo = -1;
  let hi = segments.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const seg = segments[mid]!;
    if (compareBoundaryPoints(seg.node, seg.nodeOffset, node, offset) < 0) lo = mid;
    else hi = mid - 1;
  }
  const seg = segments[lo];
  if (!seg) return null;
  if (node === seg.node && offset <= segmentEnd(seg)) return seg.start + (offset - seg.nodeOffset);
  return seg.end;
}

const isSpace = (char: string | undefined): boolean => char !== undefined && /\s/.test(char);

/**
 * The article text a range covers, as offsets into `text`, with surrounding whitespace trimmed
 * (a double-click or a triple-click takes the space or line break after a word). Null when the
 * range covers no article text: it lies wholly outside the article, or holds only whitespace.
 * A range reaching outside the article keeps just its part inside.
 */
export function spanOfRange(text: string, segments: readonly TextSegment[], range: BoundaryRange): TextSpan | null {
  if (segments.length === 0) return null;
  let start = startOffsetAt(segments, range.startContainer, range.startOffset);
  let end = endOffsetAt(segments, range.endContainer, range.endOffset);
  if (start === null || end === null) return null;
  start = Math.max(0, Math.min(start, text.length));
  end = Math.max(0, Math.min(end, text.length));
  while (start < end && isSpace(text[start])) start++;
  while (end > start && isSpace(text[end - 1])) end--;
  return start < end ? { start, end } : null;
}
