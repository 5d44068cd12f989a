// What Lede paints for the reader's notes, read the way a person sees it: the note layer's boxes
// (inside Lede's CLOSED shadow root, reached through the DevTools protocol as closed-shadow.ts
// does) and the page's words those boxes cover. Also the mean colour of a stretch of the screen.
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from '../harness/launch-browser';
import { evaluateInShadow } from './closed-shadow';
import { pngStatsIn } from './in-page';

export const NOTE_LAYER_HOST = 'lede-note-layer';
/** The layer (same kind, own host) of the brief flash over a span Lede scrolled to. */
export const FLASH_LAYER_HOST = 'lede-flash-layer';

export interface PaintedBox {
  left: number;
  top: number;
  right: number;
  bottom: number;
  /** The box's classes: its colour and tone. */
  className: string;
}

/** The note layer's boxes in viewport coordinates; [] when there is no layer. */
export async function paintedNoteBoxes(page: Page): Promise<PaintedBox[]> {
  const boxes = await evaluateInShadow(page, NOTE_LAYER_HOST, (root) =>
    [...root.querySelectorAll('.box')].map((box) => {
      const rect = box.getBoundingClientRect();
      return { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom, className: box.className };
    }),
  );
  return boxes ?? [];
}

export interface PaintedText {
  /** Each run of words the boxes cover, in document order (whitespace collapsed). */
  texts: string[];
  /** The text of the <p> around the first painted word, or null. */
  paragraph: string | null;
}

/**
 * The page's words under the note layer's boxes: a character counts as painted when the centre of
 * its own rectangle lies inside a box. Runs across line ends and element edges are joined.
 * `host`: the layer to read, the notes' by default (FLASH_LAYER_HOST for the reveal flash).
 */
export async function paintedNoteText(page: Page, host: string = NOTE_LAYER_HOST): Promise<PaintedText> {
  const found = await evaluateInShadow(page, host, (root) => {
    const boxes = [...root.querySelectorAll('.box')].map((box) => box.getBoundingClientRect());
    const texts: string[] = [];
    let paragraph: string | null = null;
    if (boxes.length === 0) return { texts, paragraph };
    const inBox = (x: number, y: number): boolean => boxes.some((b) => x >= b.left && x <= b.right && y >= b.top && y <= b.bottom);
    const touches = (r: DOMRect): boolean => boxes.some((b) => r.right >= b.left && r.left <= b.right && r.bottom >= b.top && r.top <= b.bottom);
    const range = document.createRange();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let run = '';
    let pending = '';
    const end = (): void => {
      if (run) texts.push(run.replace(/\s+/g, ' ').trim());
      run = '';
      pending = '';
    };
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      range.selectNodeContents(node);
      if (!touches(range.getBoundingClientRect())) {
        if (node.data.trim() !== '') end();
        continue;
      }
      for (let i = 0; i < node.data.length; i++) {
        const char = node.data[i]!;
        if (/\s/.test(char)) {
          if (run) pending += char;
          continue;
        }
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const rect = range.getBoundingClientRect();
        if (rect.width > 0 && inBox(rect.left + rect.width / 2, rect.top + rect.height / 2)) {
          if (!run) paragraph ??= node.parentElement?.closest('p')?.textContent ?? null;
          run += pending + char;
          pending = '';
        } else {
          end();
        }
      }
    }
    end();
    return { texts, paragraph };
  });
  return found ?? { texts: [], paragraph: null };
}

/** The painted note words, run by run (what noteHighlightTexts read from the registry before). */
export async function paintedNoteTexts(page: Page): Promise<string[]> {
  return (await paintedNoteText(page)).texts;
}

/** Scrolls the first painted box to the middle of the viewport (for screenshots and pixel checks). */
export async function scrollToPaintedNote(page: Page): Promise<boolean> {
  return (await evaluateInShadow(page, NOTE_LAYER_HOST, (root) => {
    const box = root.querySelector('.box');
    box?.scrollIntoView({ block: 'center' });
    return box !== null;
  })) === true;
}

export interface Rgb {
  r: number;
  g: number;
  b: number;
}

/**
 * The mean colour of a stretch of the page as Chromium paints it (a screenshot, decoded in a blank
 * page's canvas: no image library needed). `clip` is in viewport coordinates.
 */
export async function meanColour(browser: ExtensionBrowser, page: Page, clip: { x: number; y: number; width: number; height: number }): Promise<Rgb> {
  const png = await page.screenshot({ clip });
  const decoder = await browser.context.newPage();
  try {
    return (await decoder.evaluate(pngStatsIn, png.toString('base64'))).mean;
  } finally {
    await decoder.close();
  }
}
