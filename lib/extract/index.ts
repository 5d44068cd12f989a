// Stub: replaced by the real article extraction.
export interface TextSegment {
  /** Offset of this segment in the article text. */
  start: number;
  end: number;
  node: Text;
  /** Offset in node.data of the segment's first character. */
  nodeOffset: number;
}

export interface ExtractedArticle {
  title: string | null;
  /** Body text: blocks (headline, paragraphs, subheads) joined by "\n\n". */
  text: string;
  /** Is this page an article (og:type, schema.org NewsArticle, text density)? */
  isArticle: boolean;
  /** Maps text offsets back to DOM text nodes. */
  segments: TextSegment[];
}

export function extractArticle(doc: Document): ExtractedArticle | null {
  void doc;
  return null;
}
