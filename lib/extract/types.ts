/** A run of article text that maps one-to-one onto a stretch of one DOM Text node. */
export interface TextSegment {
  /** Offset of this segment in the article text. */
  start: number;
  /** End offset (exclusive) in the article text. */
  end: number;
  node: Text;
  /**
   * Offset in node.data of the segment's first character. Character i of the segment is
   * node.data[nodeOffset + i], except that a collapsed space may stand for any whitespace char.
   */
  nodeOffset: number;
}

export interface ExtractedArticle {
  /** The headline (or og:title / document.title when no headline element is found). */
  title: string | null;
  /** Body text: blocks (headline, byline, paragraphs, subheads) joined by "\n\n". */
  text: string;
  /** Is this page an article (og:type, schema.org NewsArticle, text density)? */
  isArticle: boolean;
  /** Maps text offsets back to DOM text nodes, sorted by start, non-overlapping. */
  segments: TextSegment[];
}

/** A position in the DOM: a Text node and an offset into its data. */
export interface DomPoint {
  node: Text;
  offset: number;
}
