// Node-only: parse HTML into a Document with linkedom. Only scripts/ and tests import this
// module; the content script must never bundle linkedom.
import { parseHTML } from 'linkedom';

export function parseHtmlDocument(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}
