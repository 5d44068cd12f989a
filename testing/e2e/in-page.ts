// Functions that run in the page's own world, shared by the Chromium (playwright-core) and Firefox
// (puppeteer-core) helpers: each is passed whole to `page.evaluate(fn, arg)`, so it must be
// self-contained (no imports, no outer variables) and take at most one argument.

/** Selects the first occurrence of `snippet` inside one text node under `container`, as a reader's drag would, and scrolls to it. */
export const selectTextIn = ({ container, snippet }: { container: string; snippet: string }): boolean => {
  const root = document.querySelector(container);
  if (!root) return false;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = (node as Text).data.indexOf(snippet);
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + snippet.length);
    const selection = window.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
    (node.parentElement ?? root).scrollIntoView({ block: 'center' });
    return true;
  }
  return false;
};

/**
 * Every `lede-note-<colour>` highlight with at least one range, by name, as range texts: what a
 * page could read of the notes from the shared registry. Lede paints notes in its closed layer
 * instead, so tests expect this to be empty.
 */
export const noteHighlightsIn = (): Record<string, string[]> => {
  const found: Record<string, string[]> = {};
  CSS.highlights?.forEach((highlight, name) => {
    if (name.startsWith('lede-note-') && highlight.size > 0) found[name] = [...highlight].map((range) => range.toString());
  });
  return found;
};

/**
 * Where the page itself could find `needle`: its DOM (outerHTML leaves out closed shadow roots),
 * open shadow roots, attributes, cookies, window.name, local/session storage and every IndexedDB
 * database of its origin.
 */
export const pageCanReadIn = async (needle: string): Promise<string[]> => {
  const found: string[] = [];
  if (document.documentElement.outerHTML.includes(needle)) found.push('DOM');
  for (const element of document.querySelectorAll('*')) {
    if (element.shadowRoot?.innerHTML.includes(needle)) found.push(`open shadow root of <${element.localName}>`);
    for (const attribute of element.attributes) {
      if (attribute.value.includes(needle)) found.push(`attribute ${attribute.name} of <${element.localName}>`);
    }
  }
  if (document.cookie.includes(needle)) found.push('cookie');
  if (window.name.includes(needle)) found.push('window.name');
  for (const [label, storage] of [['localStorage', localStorage], ['sessionStorage', sessionStorage]] as const) {
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i) ?? '';
      if (key.includes(needle) || (storage.getItem(key) ?? '').includes(needle)) found.push(`${label}[${key}]`);
    }
  }
  for (const info of await indexedDB.databases()) {
    if (!info.name) continue;
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open(info.name!);
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    for (const store of db.objectStoreNames) {
      const values = await new Promise<unknown[]>((resolve, reject) => {
        const request = db.transaction(store, 'readonly').objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      if (JSON.stringify(values).includes(needle)) found.push(`IndexedDB ${info.name}/${store}`);
    }
    db.close();
  }
  return found;
};

/** What the page sees of the notes UI's host: there, with its (closed) shadow root out of reach; null without the host. */
export const notesHostIn = (): { shadowRootVisible: boolean } | null => {
  const element = document.querySelector('lede-notes');
  return element ? { shadowRootVisible: element.shadowRoot !== null } : null;
};

/** The names of the IndexedDB databases of the page's origin. */
export const pageDatabaseNamesIn = async (): Promise<string[]> => (await indexedDB.databases()).map((db) => db.name ?? '');

/**
 * A PNG screenshot (base64) decoded in a canvas that is never added to the page: its mean colour
 * and how many of its pixels are dark (text). No image library needed.
 */
export const pngStatsIn = async (base64: string): Promise<{ mean: { r: number; g: number; b: number }; dark: number }> => {
  const image = new Image();
  image.src = `data:image/png;base64,${base64}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = image.naturalWidth;
  canvas.height = image.naturalHeight;
  const context = canvas.getContext('2d')!;
  context.drawImage(image, 0, 0);
  const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
  const sum = { r: 0, g: 0, b: 0 };
  let dark = 0;
  for (let i = 0; i < data.length; i += 4) {
    sum.r += data[i]!;
    sum.g += data[i + 1]!;
    sum.b += data[i + 2]!;
    if (data[i]! + data[i + 1]! + data[i + 2]! < 300) dark++;
  }
  const pixels = data.length / 4;
  return { mean: { r: sum.r / pixels, g: sum.g / pixels, b: sum.b / pixels }, dark };
};

/** Scrolls the first text node holding `passage` (in the article, else the body) to the middle; the passage's line boxes in viewport coordinates. */
export const passageRectsIn = (passage: string): { left: number; top: number; right: number; bottom: number }[] => {
  const walker = document.createTreeWalker(document.querySelector('article') ?? document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const at = node.data.indexOf(passage);
    if (at < 0) continue;
    node.parentElement!.scrollIntoView({ block: 'center' });
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + passage.length);
    return [...range.getClientRects()].map((r) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom }));
  }
  throw new Error(`no "${passage}" on the page`);
};
