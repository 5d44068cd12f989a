// What a hostile page's own scripts can try against Lede's in-page UI: synthetic pointer, focus and
// key events, and mapping Lede's closed shadow hosts with elementFromPoint. Each function is passed
// whole to `page.evaluate(fn, arg)` (the page's main world), so it must be self-contained.

/** The part of the viewport where elementFromPoint answers with a given host element: what a page can measure of a closed UI. */
export interface Footprint {
  cells: number;
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Maps `host` (a tag name) over the viewport on a grid of `step` px; null when it covers no grid point. */
export const footprintIn = ({ host, step }: { host: string; step: number }): Footprint | null => {
  let cells = 0;
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  for (let y = 0; y < innerHeight; y += step) {
    for (let x = 0; x < innerWidth; x += step) {
      if (document.elementFromPoint(x, y)?.localName !== host) continue;
      cells += 1;
      left = Math.min(left, x);
      top = Math.min(top, y);
      right = Math.max(right, x);
      bottom = Math.max(bottom, y);
    }
  }
  return cells === 0 ? null : { cells, left, top, right, bottom };
};

export interface SyntheticHoverResult {
  name: string;
  /** The card as the page mapped it once Lede had turned the fake events away; null: no card. */
  footprint: Footprint | null;
  /** Fake pointermoves that reached the window, and how many of them Lede marked as turned away. */
  moves: { dispatched: number; ignored: number };
}

/**
 * For each name: scroll it to the middle of the viewport (waiting for the scroll event: Lede's own
 * scroll listener, which closes any card, has run by then), fake a mouse resting on it
 * (pointerover, pointermove, mouseover, mousemove over three animation frames, then focus and
 * focusin, all at its coordinates), and map the card. Then fake Alt+Shift+J (keyboard navigation)
 * and map again. Run in the marked build: Lede marks each fake event it turns away (`ignoredMark`)
 * as it is dispatched, so once the mark is there the event has been decided on and left nothing
 * pending (no intent delay, no navigation): the map is taken then, with nothing to wait out.
 */
export const syntheticHoverIn = async ({ names, step, ignoredMark }: { names: string[]; step: number; ignoredMark: string }) => {
  const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
  const scrollBy1 = async (then?: () => void): Promise<void> => {
    const before = scrollY;
    const scrolled = new Promise<void>((resolve) => addEventListener('scroll', () => resolve(), { once: true }));
    window.scrollBy(0, 1);
    then?.();
    if (scrollY !== before) await scrolled;
  };
  const ignored = (type: string): number =>
    performance.getEntriesByName(ignoredMark, 'mark').filter((entry) => ((entry as PerformanceMark).detail as { type?: string } | null)?.type === type).length;
  const map = (): Footprint | null => {
    let cells = 0;
    let left = Infinity;
    let top = Infinity;
    let right = -Infinity;
    let bottom = -Infinity;
    for (let y = 0; y < innerHeight; y += step) {
      for (let x = 0; x < innerWidth; x += step) {
        if (document.elementFromPoint(x, y)?.localName !== 'lede-hovercard') continue;
        cells += 1;
        left = Math.min(left, x);
        top = Math.min(top, y);
        right = Math.max(right, x);
        bottom = Math.max(bottom, y);
      }
    }
    return cells === 0 ? null : { cells, left, top, right, bottom };
  };
  const ranges = [...(CSS.highlights.get('lede-person') ?? [])] as Range[];
  const hovers: SyntheticHoverResult[] = [];
  for (const name of names) {
    const range = ranges.find((r) => r.toString() === name);
    if (!range) continue;
    // A scroll closes any open card; then bring the name to the middle.
    await scrollBy1(() => range.startContainer.parentElement?.scrollIntoView({ block: 'center' }));
    const rect = range.getClientRects()[0]!;
    const x = rect.left + rect.width / 2;
    const y = rect.top + rect.height / 2;
    const target = document.elementFromPoint(x, y) ?? document.body;
    const ignoredBefore = ignored('pointermove');
    let dispatched = 0;
    for (const dx of [-4, -2, 0]) {
      const at = { bubbles: true, composed: true, cancelable: true, view: window, clientX: x + dx, clientY: y };
      const pointer = { ...at, pointerId: 1, pointerType: 'mouse', isPrimary: true };
      target.dispatchEvent(new PointerEvent('pointerover', pointer));
      target.dispatchEvent(new PointerEvent('pointermove', pointer));
      window.dispatchEvent(new PointerEvent('pointermove', pointer));
      dispatched += 2;
      target.dispatchEvent(new MouseEvent('mouseover', at));
      target.dispatchEvent(new MouseEvent('mousemove', at));
      await nextFrame();
    }
    target.dispatchEvent(new FocusEvent('focus'));
    target.dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
    hovers.push({ name, footprint: map(), moves: { dispatched, ignored: ignored('pointermove') - ignoredBefore } });
  }
  await scrollBy1();
  const keysBefore = ignored('keydown');
  const keys = { key: 'J', code: 'KeyJ', altKey: true, shiftKey: true, bubbles: true, composed: true, cancelable: true };
  document.body.dispatchEvent(new KeyboardEvent('keydown', keys));
  const keyIgnored = ignored('keydown') - keysBefore;
  const keyboard = map();
  const focusedCard = document.activeElement?.localName === 'lede-hovercard';
  return { hovers, keyboard, keyIgnored, focusedCard };
};

export interface LegendAttack {
  hostFound: boolean;
  /** Whether `host.shadowRoot` handed the page the legend's insides. */
  openRoot: boolean;
  /** Controls the page clicked from inside an open root. */
  clickedInside: string[];
  /** Grid points where the page clicked the host itself. */
  clickedOnHost: number;
}

/**
 * Everything a page can do to the legend: click its controls if its shadow root is open (the scope
 * to "all sites", then All and Person off), then click, press and type on the host itself at every
 * point of a grid over it, and focus it and press Space, Enter, Tab and arrows. What came of it is
 * for the test to read, after a real click that goes the same way (hostile-page-probing.test.ts).
 */
export const legendAttackIn = async ({ step }: { step: number }): Promise<LegendAttack> => {
  const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
  const host = document.querySelector<HTMLElement>('lede-legend');
  const report: LegendAttack = { hostFound: host !== null, openRoot: false, clickedInside: [], clickedOnHost: 0 };
  if (!host) return report;
  const root = host.shadowRoot;
  report.openRoot = root !== null;
  if (root) {
    for (const id of ['legend-scope-global', 'legend-toggle-all', 'legend-toggle-person']) {
      const control = root.querySelector<HTMLElement>(`[data-testid="${id}"]`);
      if (!control) continue;
      control.click();
      report.clickedInside.push(id);
      // Let the legend render the click before the next.
      await nextFrame();
    }
  }
  for (let y = 0; y < innerHeight; y += step) {
    for (let x = 0; x < innerWidth; x += step) {
      const hit = document.elementFromPoint(x, y);
      if (hit?.localName !== 'lede-legend') continue;
      const at = { bubbles: true, composed: true, cancelable: true, view: window, clientX: x, clientY: y, button: 0 };
      const pointer = { ...at, pointerId: 1, pointerType: 'mouse', isPrimary: true };
      hit.dispatchEvent(new PointerEvent('pointerdown', pointer));
      hit.dispatchEvent(new MouseEvent('mousedown', at));
      hit.dispatchEvent(new PointerEvent('pointerup', pointer));
      hit.dispatchEvent(new MouseEvent('mouseup', at));
      hit.dispatchEvent(new MouseEvent('click', at));
      report.clickedOnHost += 1;
    }
  }
  host.focus();
  for (const [key, code] of [[' ', 'Space'], ['Enter', 'Enter'], ['Tab', 'Tab'], ['ArrowDown', 'ArrowDown'], [' ', 'Space']] as const) {
    for (const type of ['keydown', 'keypress', 'keyup']) {
      const init = { key, code, bubbles: true, composed: true, cancelable: true };
      host.dispatchEvent(new KeyboardEvent(type, init));
      (document.activeElement ?? document.body).dispatchEvent(new KeyboardEvent(type, init));
    }
  }
  return report;
};

/** Every performance entry whose name starts with "lede" (marks and measures), as the page sees them. */
export const ledePerformanceEntriesIn = (): string[] =>
  performance
    .getEntries()
    .map((entry) => `${entry.entryType}:${entry.name}`)
    .filter((name) => /^[a-z]+:lede/i.test(name));
