// What a page looks like from its own main world: its text, its markup and where its content
// boxes sit, with Lede's own elements (`lede-*` shadow hosts) left out. Taking one snapshot with
// Lede on and one with Lede off, and comparing them, shows whether Lede changed the page.
import type { Page } from 'playwright-core';

/** One laid-out content element: tag and document-relative box, rounded to whole pixels. */
export type LayoutBox = [tag: string, x: number, y: number, width: number, height: number];

export interface PageSnapshot {
  /** The body's text nodes (outside lede-*, script, style), joined and whitespace-collapsed. */
  text: string;
  /** A hash and the length of the body's markup with lede-* elements removed. */
  markupHash: string;
  markupLength: number;
  /** Boxes of p, h1–h6, li, img, figure, blockquote, table, in document order. */
  boxes: LayoutBox[];
  /** How many lede-* elements the page holds (Lede's own shadow hosts). */
  ledeHosts: number;
}

const BOX_SELECTOR = 'p, h1, h2, h3, h4, h5, h6, li, img, figure, blockquote, table';

/**
 * Runs in the page. Kept as plain JavaScript source: tsx adds name helpers to compiled functions
 * that do not exist inside the page, so a TypeScript function cannot be handed to evaluate().
 */
const SNAPSHOT_SOURCE = `(boxSelector) => {
  const isLede = (el) => el.localName.startsWith('lede-');
  const body = document.body;
  if (!body) return { text: '', markupHash: '0', markupLength: 0, boxes: [], ledeHosts: 0 };
  const skipText = new Set(['script', 'style', 'noscript', 'template']);
  const texts = [];
  const walker = document.createTreeWalker(body, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => {
      if (node.nodeType !== Node.ELEMENT_NODE) return NodeFilter.FILTER_ACCEPT;
      return isLede(node) || skipText.has(node.localName) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_SKIP;
    },
  });
  for (let n = walker.nextNode(); n; n = walker.nextNode()) texts.push(n.data);
  const text = texts.join(' ').replace(/\\s+/g, ' ').trim();

  const clone = body.cloneNode(true);
  for (const el of [...clone.querySelectorAll('*')].filter(isLede)) el.remove();
  const markup = clone.outerHTML;
  let hash = 2166136261;
  for (let i = 0; i < markup.length; i++) hash = Math.imul(hash ^ markup.charCodeAt(i), 16777619);

  const insideLede = (el) => {
    for (let a = el.parentElement; a; a = a.parentElement) if (isLede(a)) return true;
    return false;
  };
  const boxes = [];
  for (const el of body.querySelectorAll(boxSelector)) {
    if (insideLede(el)) continue;
    const r = el.getBoundingClientRect();
    boxes.push([el.localName, Math.round(r.left + scrollX), Math.round(r.top + scrollY), Math.round(r.width), Math.round(r.height)]);
  }
  const ledeHosts = [...document.querySelectorAll('*')].filter(isLede).length;
  return { text, markupHash: (hash >>> 0).toString(16), markupLength: markup.length, boxes, ledeHosts };
}`;

export function takeSnapshot(page: Page): Promise<PageSnapshot> {
  return page.evaluate(`(${SNAPSHOT_SOURCE})(${JSON.stringify(BOX_SELECTOR)})`) as Promise<PageSnapshot>;
}

export interface SnapshotDiff {
  textChanged: boolean;
  markupChanged: boolean;
  /** Boxes that moved or resized by more than a pixel, or a different number of boxes. */
  movedBoxes: number;
  /** A short human-readable description of the first difference, or null. */
  detail: string | null;
}

/** Pixels a box may move between two loads (sub-pixel rounding). */
const BOX_TOLERANCE_PX = 1;

export function compareSnapshots(withLede: PageSnapshot, withoutLede: PageSnapshot): SnapshotDiff {
  const textChanged = withLede.text !== withoutLede.text;
  const markupChanged = withLede.markupHash !== withoutLede.markupHash;
  let movedBoxes = Math.abs(withLede.boxes.length - withoutLede.boxes.length);
  let firstMoved: string | null = null;
  const n = Math.min(withLede.boxes.length, withoutLede.boxes.length);
  for (let i = 0; i < n; i++) {
    const a = withLede.boxes[i]!;
    const b = withoutLede.boxes[i]!;
    const same = a[0] === b[0] && a.slice(1).every((v, k) => Math.abs((v as number) - (b[k + 1] as number)) <= BOX_TOLERANCE_PX);
    if (!same) {
      movedBoxes++;
      firstMoved ??= `box ${i} ${b.join(',')} -> ${a.join(',')}`;
    }
  }
  let detail: string | null = null;
  if (textChanged) detail = `text differs at char ${firstDifference(withLede.text, withoutLede.text)}: "${withLede.text.slice(firstDifference(withLede.text, withoutLede.text), firstDifference(withLede.text, withoutLede.text) + 60)}"`;
  else if (markupChanged) detail = `markup differs (${withLede.markupLength} vs ${withoutLede.markupLength} chars)`;
  else if (movedBoxes > 0) detail = firstMoved ?? `${withLede.boxes.length} vs ${withoutLede.boxes.length} boxes`;
  return { textChanged, markupChanged, movedBoxes, detail };
}

function firstDifference(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a[i] === b[i]) i++;
  return i;
}
