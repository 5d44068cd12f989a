// The reader's notes, painted as boxes of colour behind the noted words, in Lede's own layer: a
// zero-size host (<lede-note-layer>) holding a CLOSED shadow root. Unlike the CSS highlight
// registry, which the page's scripts share, nothing of it can be read by the page: not which words
// are noted (the boxes live in the closed root), not their place (the host has no size, and with
// pointer-events: none neither it nor a box is ever hit by elementFromPoint or a click), and the
// page's layout never moves (the host is absolutely positioned and every box covers text that is
// already there). The boxes follow the text on resize, font loads, scrolling inside scrolling
// boxes and DOM changes (the controller draws again after those).

import type { HighlightColor } from '@/lib/notes/annotation';
import type { Rect } from '@/lib/page/hit-test';
import { intersectRects, noteBoxes, toneOfColor, type NoteTone } from '@/lib/page/note-boxes';

export const NOTE_LAYER_HOST = 'lede-note-layer';
/** The same kind of layer, a host of its own, for the brief flash over a span Lede scrolled to (reveal.ts). */
export const FLASH_LAYER_HOST = 'lede-flash-layer';

/** A note's colour, or the flash's strong tint and underline. */
export type LayerTint = HighlightColor | 'flash';

export interface LayerNote {
  range: Range;
  color: LayerTint;
}

/** What the controller's painter needs from a surface to paint on; tests give a stand-in. */
export interface NoteSurface {
  draw(notes: readonly LayerNote[]): void;
  clear(): void;
  dispose(): void;
}

// On a light page a box multiplies its tint into the page: the background takes the colour and
// dark text stays exactly as dark. On a dark page it lays a translucent veil of the same colour
// over it: light text stays light, and dark text on an entity's light tint stays dark. Keep the
// tints equal to the swatches in components/notes/notes.css and components/popup/notes/notes.css.
const LAYER_CSS = `
:host {
  all: initial !important;
  display: block !important;
  position: absolute !important;
  top: 0 !important;
  left: 0 !important;
  width: 0 !important;
  height: 0 !important;
  margin: 0 !important;
  padding: 0 !important;
  border: 0 !important;
  overflow: visible !important;
  pointer-events: none !important;
  visibility: visible !important;
}
.box { position: absolute; pointer-events: none; border-radius: 2px; mix-blend-mode: multiply; }
.box.dark { mix-blend-mode: normal; opacity: 0.32; }
.yellow { background: #fff59d; } .green { background: #c5f0c0; } .blue { background: #cfe3ff; }
.pink { background: #ffd0e6; } .purple { background: #e3d4ff; }
.flash { background: #ffe94d; box-shadow: inset 0 -3px #b35c00; }
.flash.dark { background: #f2c200; box-shadow: inset 0 -3px #ffffff; opacity: 0.55; }
`;

/** Rectangles of the text a range covers, line by line: never the boxes of whole elements. */
function textRects(range: Range): DOMRect[] {
  const start = range.startContainer;
  const doc = start.ownerDocument;
  if (!doc) return [];
  if (start === range.endContainer && start.nodeType === Node.TEXT_NODE) return [...range.getClientRects()];
  const rects: DOMRect[] = [];
  const part = doc.createRange();
  const walker = doc.createTreeWalker(range.commonAncestorContainer, NodeFilter.SHOW_TEXT);
  // Begin at the range's first text node rather than walking everything before it.
  if (start.nodeType === Node.TEXT_NODE) walker.currentNode = start;
  for (let node: Node | null = start.nodeType === Node.TEXT_NODE ? start : walker.nextNode(); node; node = walker.nextNode()) {
    if (range.comparePoint(node, 0) > 0) break;
    if (!range.intersectsNode(node)) continue;
    const text = node as Text;
    const from = node === range.startContainer ? range.startOffset : 0;
    const to = node === range.endContainer ? range.endOffset : text.length;
    if (from >= to) continue;
    part.setStart(text, from);
    part.setEnd(text, to);
    for (const rect of part.getClientRects()) rects.push(rect);
  }
  return rects;
}

export class NoteLayer implements NoteSurface {
  private host: HTMLElement | null = null;
  /** Closed: held only here, never reachable from the page. */
  private root: ShadowRoot | null = null;
  private boxes: HTMLElement[] = [];
  private notes: readonly LayerNote[] = [];
  private frame: number | undefined;
  private resizes: ResizeObserver | null = null;
  private readonly abort = new AbortController();

  /** `hostName`: the tag of the layer's host, one per layer on a page. */
  constructor(
    private readonly win: Window,
    private readonly hostName: string = NOTE_LAYER_HOST,
  ) {}

  draw(notes: readonly LayerNote[]): void {
    this.notes = notes;
    this.mount();
    this.layout();
  }

  clear(): void {
    this.notes = [];
    this.layout();
  }

  dispose(): void {
    this.abort.abort();
    this.resizes?.disconnect();
    if (this.frame !== undefined) this.win.cancelAnimationFrame(this.frame);
    this.host?.remove();
    this.host = null;
    this.root = null;
    this.boxes = [];
  }

  private mount(): void {
    const doc = this.win.document;
    if (!this.host) {
      const host = doc.createElement(this.hostName);
      const root = host.attachShadow({ mode: 'closed' });
      const style = doc.createElement('style');
      style.textContent = LAYER_CSS;
      root.append(style);
      this.host = host;
      this.root = root;
      this.follow();
    }
    // The page may have replaced <body> or emptied it: put the layer back.
    const parent = doc.body ?? doc.documentElement;
    if (this.host.parentNode !== parent) parent.append(this.host);
  }

  /** Layout changes that move text without the controller hearing of them. */
  private follow(): void {
    const { win } = this;
    const signal = this.abort.signal;
    const later = (): void => this.schedule();
    win.addEventListener('resize', later, { passive: true, signal });
    // Scrolling the document moves the layer with the text; a scrolling box inside it does not.
    win.addEventListener('scroll', (event) => event.target !== win.document && later(), { capture: true, passive: true, signal });
    win.document.fonts?.addEventListener('loadingdone', later, { signal });
    if (typeof ResizeObserver === 'function') {
      const resizes = new ResizeObserver(later);
      resizes.observe(win.document.documentElement);
      if (win.document.body) resizes.observe(win.document.body);
      this.resizes = resizes;
    }
  }

  private schedule(): void {
    if (this.frame !== undefined || this.notes.length === 0) return;
    this.frame = this.win.requestAnimationFrame(() => {
      this.frame = undefined;
      try {
        this.layout();
      } catch (error) {
        console.warn('Lede could not place its note marks:', error);
      }
    });
  }

  private layout(): void {
    const host = this.host;
    const root = this.root;
    if (!host || !root) return;
    const at = host.getBoundingClientRect();
    const origin = { x: at.left, y: at.top };
    const styles = new Map<Element, CSSStyleDeclaration>();
    const style = (element: Element): CSSStyleDeclaration => {
      let found = styles.get(element);
      if (!found) styles.set(element, (found = this.win.getComputedStyle(element)));
      return found;
    };
    let used = 0;
    for (const note of this.notes) {
      const { range } = note;
      if (!range.startContainer.isConnected || !range.endContainer.isConnected) continue;
      const element = range.startContainer.nodeType === Node.ELEMENT_NODE ? (range.startContainer as Element) : range.startContainer.parentElement;
      const tone = toneAt(element, style);
      for (const box of noteBoxes(textRects(range), clipAt(element, style), origin)) {
        let div = this.boxes[used];
        if (!div) {
          div = this.win.document.createElement('div');
          root.append(div);
          this.boxes.push(div);
        }
        div.className = `box ${note.color} ${tone}`;
        div.style.cssText = `left:${box.left}px;top:${box.top}px;width:${box.width}px;height:${box.height}px`;
        used++;
      }
    }
    for (const extra of this.boxes.splice(used)) extra.remove();
  }
}

/** The visible part of every scrolling or clipping box around `element` (the viewport's own scrolling aside). */
function clipAt(element: Element | null, style: (element: Element) => CSSStyleDeclaration): Rect | null {
  let clip: Rect | null = null;
  const doc = element?.ownerDocument;
  for (let at = element; at && at !== doc?.body && at !== doc?.documentElement; at = at.parentElement) {
    const { overflowX, overflowY } = style(at);
    if (overflowX === 'visible' && overflowY === 'visible') continue;
    const rect = at.getBoundingClientRect();
    const box = { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom };
    clip = clip ? (intersectRects(clip, box) ?? { left: 0, top: 0, right: 0, bottom: 0 }) : box;
  }
  return clip;
}

/** Light or dark, from the nearest background that is not transparent; a page with none is light. */
function toneAt(element: Element | null, style: (element: Element) => CSSStyleDeclaration): NoteTone {
  for (let at = element; at; at = at.parentElement) {
    const tone = toneOfColor(style(at).backgroundColor);
    if (tone) return tone;
  }
  return 'light';
}
