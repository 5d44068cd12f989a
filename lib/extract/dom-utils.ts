// Small DOM helpers that work the same on a browser DOM and on linkedom (no instanceof checks:
// nodes may come from another realm).

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

export function isElement(node: Node): node is Element {
  return node.nodeType === ELEMENT_NODE;
}

export function isText(node: Node): node is Text {
  return node.nodeType === TEXT_NODE;
}

/** Lower-case tag name ("p", "div"); linkedom and browsers differ in tagName case. */
export function tagOf(el: Element): string {
  return (el.localName || el.tagName).toLowerCase();
}

/** Is this code unit whitespace in the sense of JavaScript's \s (which includes NBSP)? */
export function isWhitespaceCode(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 160) return false;
  return (
    code === 160 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** Number of non-whitespace code units in a string: a cheap, layout-free measure of text. */
export function visibleLength(data: string): number {
  let n = 0;
  for (let i = 0; i < data.length; i++) {
    if (!isWhitespaceCode(data.charCodeAt(i))) n++;
  }
  return n;
}

/** Collapse whitespace runs to one space and trim. */
export function collapseWhitespace(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
