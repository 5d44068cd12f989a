// Lede's in-page UIs that can show the reader's data (the hover card, the notes editor) live in
// CLOSED shadow roots: `host.shadowRoot` is null for the page's scripts, and for page.evaluate.
// Tests reach inside through the DevTools protocol, which sees closed roots: DOM.getDocument with
// pierce, then a function called on the ShadowRoot object itself.
import type { CDPSession, Page } from 'playwright-core';

interface DomNode {
  localName?: string;
  backendNodeId: number;
  children?: DomNode[];
  shadowRoots?: DomNode[];
  contentDocument?: DomNode;
}

const sessions = new WeakMap<Page, Promise<CDPSession>>();

function session(page: Page): Promise<CDPSession> {
  let cdp = sessions.get(page);
  if (!cdp) {
    cdp = page.context().newCDPSession(page);
    sessions.set(page, cdp);
  }
  return cdp;
}

function findHost(node: DomNode, localName: string): DomNode | null {
  if (node.localName === localName) return node;
  for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) {
    const found = findHost(child, localName);
    if (found) return found;
  }
  return null;
}

/**
 * Runs `fn(shadowRoot, arg)` in the page on the (closed or open) shadow root of the first
 * `<hostName>` element and returns its JSON-serialisable result; null when there is no such host.
 */
export async function evaluateInShadow<A, T>(page: Page, hostName: string, fn: (root: ShadowRoot, arg: A) => T, arg?: A): Promise<T | null> {
  const cdp = await session(page);
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
  const shadow = findHost(root, hostName)?.shadowRoots?.[0];
  if (!shadow) return null;
  const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
  if (!object.objectId) return null;
  try {
    const { result, exceptionDetails } = await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration: `function (arg) { return (${fn.toString()})(this, arg); }`,
      arguments: [{ value: arg ?? null }],
      returnByValue: true,
      awaitPromise: true,
    });
    if (exceptionDetails) throw new Error(`evaluateInShadow(${hostName}): ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    return (result.value ?? null) as T | null;
  } finally {
    await cdp.send('Runtime.releaseObject', { objectId: object.objectId }).catch(() => undefined);
  }
}

/**
 * A real (trusted) mouse click on the element matching `selector` inside `<hostName>`'s shadow
 * root: its box is read through DevTools, then Playwright's mouse clicks its middle.
 */
export async function clickInShadow(page: Page, hostName: string, selector: string): Promise<void> {
  const box = await evaluateInShadow(
    page,
    hostName,
    (root, sel) => {
      const element = root.querySelector(sel);
      if (!element) return null;
      element.scrollIntoView({ block: 'nearest' });
      const rect = element.getBoundingClientRect();
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    },
    selector,
  );
  if (!box) throw new Error(`No ${selector} inside <${hostName}>.`);
  await page.mouse.click(box.x, box.y);
}
