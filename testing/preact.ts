// Helpers for Preact component tests in happy-dom: a container to render into (testRoot), let
// the component and the fakes it talks to finish (settle), and click like a reader (click,
// clickTestId).
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach } from 'vitest';

const MIN_TURNS = 6;

/**
 * The element a test file renders its components into: in document.body during each test, and
 * after it unmounted, emptied and taken out, so no test sees another's DOM. Registers the
 * beforeEach/afterEach hooks itself: call it once at the top of the file.
 */
export function testRoot(): HTMLElement {
  const root = document.createElement('div');
  beforeEach(() => {
    document.body.append(root);
  });
  afterEach(() => {
    act(() => render(null, root));
    root.replaceChildren();
    root.remove();
  });
  return root;
}

/** One turn of the event loop under act(): Preact's effects run and the fakes' promises resolve. */
async function turn(): Promise<void> {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

/**
 * Waits until the component is done: turns of the event loop until two in a row change nothing
 * in `root`'s DOM (the chains of effect -> message -> state -> effect have run out). A chain can
 * pass a turn without touching the DOM (a fake answering, a store reading), so it takes at least
 * MIN_TURNS. A component that never stops changing fails the test instead of hanging it.
 */
export async function settle(root: Node = document.body): Promise<void> {
  const changes = { seen: false };
  const observer = new MutationObserver(() => {
    changes.seen = true;
  });
  observer.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
  try {
    let quiet = 0;
    for (let turns = 0; turns < MIN_TURNS || quiet < 2; turns += 1) {
      if (turns > 200) throw new Error('the component kept changing its DOM: it never settled');
      changes.seen = false;
      await turn();
      if (observer.takeRecords().length > 0) changes.seen = true;
      quiet = changes.seen ? 0 : quiet + 1;
    }
  } finally {
    observer.disconnect();
  }
}

/** Clicks `element` (which must exist) inside act(), then waits for the component to settle. */
export async function click(element: Element | null | undefined, root?: Node): Promise<void> {
  if (!element) throw new Error('click: no element to click');
  await act(async () => {
    (element as HTMLElement).click();
  });
  await settle(root);
}

/** The element with data-testid `id` under `root`, or null. */
export function byTestId<T extends HTMLElement = HTMLElement>(root: ParentNode, id: string): T | null {
  return root.querySelector<T>(`[data-testid="${id}"]`);
}

/** Clicks the element with data-testid `id` under `root`, then waits for the component to settle. */
export function clickTestId(root: HTMLElement, id: string): Promise<void> {
  return click(byTestId(root, id), root);
}

/** Turns of the event loop under act() until `condition()` holds (a component's own timer, say). */
export async function waitFor(condition: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('waitFor: the condition never held');
    await turn();
  }
}
