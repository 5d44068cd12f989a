// Reads a JSON document that arrives in pieces (a large backup, decoded chunk by chunk) without
// ever holding it as one string. Every array near the top (the root array, or an array within
// two levels of objects: "first.items", "lede:articles", Hypothesis's "rows") has each of its
// elements cut out as its own small text; the rest (the "skeleton") is kept whole with each such
// array replaced by `[k]`, k numbering the lists. JSON.parse then reads the skeleton and each
// element separately, a few at a time. This scanner only follows strings and brackets: whether
// the text is valid JSON is left to JSON.parse on each piece.

/** Containers deeper than this are inside an element, not split. */
const SPLIT_DEPTH = 2;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;

export interface SplitDocument {
  /** The document with each split list as `[k]`. */
  skeleton: string;
  /** The element texts of list k, in order. */
  lists: string[][];
}

export class JsonSplitter {
  private readonly skeletonParts: string[] = [];
  private readonly lists: string[][] = [];
  /** Open containers of the skeleton, as their opening characters. */
  private readonly stack: number[] = [];
  private inString = false;
  private escaped = false;
  /** The list being split, or -1 in the skeleton. */
  private list = -1;
  /** Bracket depth inside the current element (0 between elements). */
  private depth = 0;
  /** The current element's text from earlier chunks; null between elements. */
  private element: string[] | null = null;

  /** Elements completed so far, over every list. */
  get elementCount(): number {
    let count = 0;
    for (const list of this.lists) count += list.length;
    return count;
  }

  push(text: string): void {
    let skeletonFrom = this.list < 0 ? 0 : -1;
    let elementFrom = this.element ? 0 : -1;
    for (let i = 0; i < text.length; i += 1) {
      if (this.inString) {
        const end = this.stringEnd(text, i);
        if (end < 0) break; // the rest of this chunk is inside the string
        this.inString = false;
        i = end;
        continue;
      }
      const ch = text.charCodeAt(i);
      if (this.list < 0) {
        // In the skeleton.
        if (ch === QUOTE) this.inString = true;
        else if (ch === OPEN_BRACE) this.stack.push(ch);
        else if (ch === CLOSE_BRACE || ch === CLOSE_BRACKET) this.stack.pop();
        else if (ch === OPEN_BRACKET) {
          if (this.stack.length <= SPLIT_DEPTH && this.stack.every((open) => open === OPEN_BRACE)) {
            this.skeletonParts.push(text.slice(skeletonFrom, i), `[${this.lists.length}]`);
            skeletonFrom = -1;
            this.list = this.lists.length;
            this.lists.push([]);
            this.depth = 0;
          } else this.stack.push(ch);
        }
        continue;
      }
      // In a list being split.
      if (this.depth === 0 && elementFrom < 0) {
        if (ch === CLOSE_BRACKET) {
          this.list = -1;
          skeletonFrom = i + 1;
          continue;
        }
        if (ch === COMMA || ch === 0x20 || ch === 0x0a || ch === 0x0d || ch === 0x09) continue;
        elementFrom = i;
        this.element = [];
      }
      if (ch === QUOTE) this.inString = true;
      else if (ch === OPEN_BRACE || ch === OPEN_BRACKET) this.depth += 1;
      else if (ch === CLOSE_BRACE || ch === CLOSE_BRACKET) {
        if (this.depth > 0) {
          this.depth -= 1;
          // A container element just closed.
          if (this.depth === 0) {
            this.finishElement(text.slice(elementFrom, i + 1));
            elementFrom = -1;
          }
        } else if (ch === CLOSE_BRACKET) {
          // The list ends after a scalar element.
          this.finishElement(text.slice(elementFrom, i));
          elementFrom = -1;
          this.list = -1;
          skeletonFrom = i + 1;
        } else {
          // A stray "}": keep it in the element, whose JSON.parse then says what is wrong.
          this.finishElement(text.slice(elementFrom, i + 1));
          elementFrom = -1;
        }
      } else if (ch === COMMA && this.depth === 0) {
        this.finishElement(text.slice(elementFrom, i));
        elementFrom = -1;
      }
    }
    if (skeletonFrom >= 0) this.skeletonParts.push(text.slice(skeletonFrom));
    if (elementFrom >= 0) this.element!.push(text.slice(elementFrom));
  }

  /** True when the text stopped inside a string, an element or an open container: a cut-off file. */
  get incomplete(): boolean {
    return this.inString || this.list >= 0 || this.stack.length > 0;
  }

  /** Everything read; throws nothing (see `incomplete`). */
  result(): SplitDocument {
    return { skeleton: this.skeletonParts.join(''), lists: this.lists };
  }

  /**
   * The index of the quote that closes the string being read, from `from` on; -1 when the chunk
   * ends first (then `escaped` says whether it ended on an unfinished backslash escape). Jumps from
   * quote to quote with indexOf: note bodies are most of a backup, and this is what keeps the
   * scan fast.
   */
  private stringEnd(text: string, from: number): number {
    let i = from;
    if (this.escaped) {
      this.escaped = false;
      i += 1;
      if (i > text.length) {
        this.escaped = true;
        return -1;
      }
    }
    for (;;) {
      const quote = text.indexOf('"', i);
      const stop = quote < 0 ? text.length : quote;
      let backslashes = 0;
      while (stop - backslashes - 1 >= i && text.charCodeAt(stop - backslashes - 1) === BACKSLASH) backslashes += 1;
      if (quote < 0) {
        this.escaped = backslashes % 2 === 1;
        return -1;
      }
      if (backslashes % 2 === 0) return quote;
      i = quote + 1; // an escaped quote
    }
  }

  private finishElement(last: string): void {
    const parts = this.element!;
    parts.push(last);
    const text = parts.length === 1 ? parts[0]! : parts.join('');
    this.lists[this.list]!.push(text.trimEnd());
    this.element = null;
  }
}

/**
 * The parsed skeleton with each `[k]` placeholder (every array within SPLIT_DEPTH levels of
 * objects is one) replaced by the given parsed list.
 */
export function reassemble(skeleton: unknown, lists: unknown[][]): unknown {
  const fill = (value: unknown, level: number): unknown => {
    if (Array.isArray(value)) return level <= SPLIT_DEPTH ? (lists[value[0] as number] ?? []) : value;
    if (level < SPLIT_DEPTH && typeof value === 'object' && value !== null) {
      const record = value as Record<string, unknown>;
      for (const key of Object.keys(record)) record[key] = fill(record[key], level + 1);
    }
    return value;
  };
  return fill(skeleton, 0);
}
