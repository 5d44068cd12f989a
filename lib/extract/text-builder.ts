// Builds the article text block by block, collapsing whitespace, and records for every stretch
// of text which Text node (and offset in it) it came from.
import type { DomPoint, TextSegment } from './types';
import { isWhitespaceCode } from './dom-utils';

export const BLOCK_SEPARATOR = '\n\n';

/** Decides whether a finished block is kept, from its text and how much of it was link text. */
export type BlockFilter = (text: string, linkChars: number) => boolean;

export class ArticleTextBuilder {
  private readonly parts: string[] = [];
  private length = 0;
  private readonly segments: TextSegment[] = [];
  /** Committed blocks: their text, and where they start in parts/segments (for dropping). */
  private readonly committed: Array<{ text: string; partIndex: number; segmentIndex: number; start: number }> = [];

  // The block being built: text relative to the block, committed by endBlock().
  private blockParts: string[] = [];
  private blockLength = 0;
  private blockSegments: TextSegment[] = [];
  private blockLinkChars = 0;
  /** Where a collapsed whitespace run started, if one is waiting to become a space. */
  private pendingSpace: DomPoint | null = null;

  /** Append a Text node's data to the current block, collapsing whitespace. */
  appendText(node: Text, inLink: boolean): void {
    const data = node.data;
    let i = 0;
    while (i < data.length) {
      if (isWhitespaceCode(data.charCodeAt(i))) {
        if (this.pendingSpace === null && this.blockLength > 0) this.pendingSpace = { node, offset: i };
        i++;
        continue;
      }
      let j = i + 1;
      while (j < data.length && !isWhitespaceCode(data.charCodeAt(j))) j++;
      if (this.pendingSpace) {
        this.push(' ', this.pendingSpace.node, this.pendingSpace.offset);
        this.pendingSpace = null;
      }
      this.push(data.slice(i, j), node, i);
      if (inLink) this.blockLinkChars += j - i;
      i = j;
    }
  }

  private push(piece: string, node: Text, nodeOffset: number): void {
    const last = this.blockSegments[this.blockSegments.length - 1];
    if (last && last.node === node && last.nodeOffset + (last.end - last.start) === nodeOffset) {
      last.end += piece.length;
    } else {
      this.blockSegments.push({ start: this.blockLength, end: this.blockLength + piece.length, node, nodeOffset });
    }
    this.blockParts.push(piece);
    this.blockLength += piece.length;
  }

  /** Finish the current block; keep it if it has text and passes the filter. */
  endBlock(filter?: BlockFilter): void {
    const text = this.blockParts.join('');
    if (text.length > 0 && (!filter || filter(text, this.blockLinkChars))) {
      this.committed.push({ text, partIndex: this.parts.length, segmentIndex: this.segments.length, start: this.length });
      if (this.committed.length > 1) {
        this.parts.push(BLOCK_SEPARATOR);
        this.length += BLOCK_SEPARATOR.length;
      }
      for (const s of this.blockSegments) {
        this.segments.push({ start: s.start + this.length, end: s.end + this.length, node: s.node, nodeOffset: s.nodeOffset });
      }
      this.parts.push(text);
      this.length += text.length;
    }
    this.blockParts = [];
    this.blockLength = 0;
    this.blockSegments = [];
    this.blockLinkChars = 0;
    this.pendingSpace = null;
  }

  get blocks(): number {
    return this.committed.length;
  }

  /** Drop committed blocks from the end while `drop(text)` says so (trailing tag lists etc.). */
  dropTrailingBlocks(drop: (text: string) => boolean): void {
    this.endBlock();
    for (let last = this.committed.at(-1); last && drop(last.text); last = this.committed.at(-1)) {
      this.committed.pop();
      this.parts.length = last.partIndex;
      this.segments.length = last.segmentIndex;
      this.length = last.start;
    }
  }

  finish(): { text: string; segments: TextSegment[] } {
    this.endBlock();
    return { text: this.parts.join(''), segments: this.segments };
  }
}
