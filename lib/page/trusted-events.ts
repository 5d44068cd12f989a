// Lede's in-page UI answers the reader, never the page. A page's scripts can dispatch any event on
// anything, Lede's shadow hosts included (pointermove on a name to open its card, a click on the
// legend's "All" box); only `event.isTrusted` tells the browser's own events from those. Plain DOM,
// no extension APIs: the content script passes the real check, unit tests may pass another.

/** Whether an event came from the reader through the browser. */
export type TrustCheck = (event: Event) => boolean;

/** The real check, used in every build: true only for events the browser itself dispatched (missing counts as untrusted). */
export const isTrustedEvent: TrustCheck = (event) => event.isTrusted === true;

/** `handler`, run only for events `trusted` accepts; others are ignored (and told to `onIgnored`, if given). */
export function trustedOnly<E extends Event>(
  handler: (event: E) => void,
  trusted: TrustCheck = isTrustedEvent,
  onIgnored?: (event: E) => void,
): (event: E) => void {
  return (event) => {
    if (trusted(event)) handler(event);
    else onIgnored?.(event);
  };
}

/**
 * Every event type a UI could react to. Blocked at the shadow root when untrusted, before any
 * handler inside sees them. Non-bubbling ones (focus, pointerenter, …) still pass the root in the
 * capture phase.
 */
export const UI_EVENT_TYPES: readonly string[] = [
  'click', 'dblclick', 'auxclick', 'contextmenu',
  'pointerdown', 'pointerup', 'pointermove', 'pointerover', 'pointerout', 'pointerenter', 'pointerleave', 'pointercancel',
  'mousedown', 'mouseup', 'mousemove', 'mouseover', 'mouseout', 'mouseenter', 'mouseleave', 'wheel',
  'touchstart', 'touchmove', 'touchend', 'touchcancel',
  'keydown', 'keyup', 'keypress',
  'beforeinput', 'input', 'change', 'submit', 'reset', 'invalid',
  'focus', 'blur', 'focusin', 'focusout',
  'compositionstart', 'compositionupdate', 'compositionend',
  'copy', 'cut', 'paste', 'select', 'selectstart',
  'dragstart', 'drag', 'dragenter', 'dragover', 'dragleave', 'drop', 'dragend',
];

/**
 * Stops untrusted UI events at `root` (a shadow root or the UI's container), in the capture phase,
 * so no handler inside ever runs for one. They are also cancelled: a scripted click on a checkbox,
 * radio or its label then changes nothing (the browser undoes a cancelled click's toggle and fires
 * no input or change). Returns a function that removes the guard.
 */
export function blockUntrustedEvents(root: EventTarget, trusted: TrustCheck = isTrustedEvent): () => void {
  const stop = (event: Event): void => {
    if (trusted(event)) return;
    event.stopImmediatePropagation();
    if (event.cancelable) event.preventDefault();
  };
  for (const type of UI_EVENT_TYPES) root.addEventListener(type, stop, { capture: true });
  return () => {
    for (const type of UI_EVENT_TYPES) root.removeEventListener(type, stop, { capture: true });
  };
}
