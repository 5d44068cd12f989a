// Lede's in-page keys. Alt+Shift+J / Alt+Shift+K step to the next / previous highlight (J and K
// as in many readers' "next/previous item"; with Alt+Shift so plain typing and the browser's own
// shortcuts are left alone), and Escape closes the hover card.

export type KeyAction = 'next' | 'previous' | 'close';

/** For hints in the card and the legend. */
export const NAV_KEYS = { modifiers: ['Alt', 'Shift'], next: 'J', previous: 'K' } as const;
export const NAV_KEY_HINT = `${NAV_KEYS.modifiers.join('+')}+${NAV_KEYS.next} / ${NAV_KEYS.previous}: next / previous`;

/** By physical key (event.code), because Alt+Shift changes event.key on macOS (Alt+Shift+J types "Ô"). */
export function keyAction(event: Pick<KeyboardEvent, 'key' | 'code' | 'altKey' | 'shiftKey' | 'ctrlKey' | 'metaKey'>): KeyAction | null {
  if (event.key === 'Escape' && !event.altKey && !event.ctrlKey && !event.metaKey) return 'close';
  if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey) return null;
  if (event.code === 'KeyJ') return 'next';
  if (event.code === 'KeyK') return 'previous';
  return null;
}

/** Inputs that take no typing: keys pressed on them can still be Lede's. */
const NON_TEXT_INPUTS = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'image', 'range', 'color', 'file']);

/** Typing places (text fields, selects, editable content): keys pressed there belong to the page, never to Lede. */
export function isEditable(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).closest !== 'function') return false;
  const element = target as HTMLElement;
  if (element.isContentEditable) return true;
  if (element.localName === 'input') return !NON_TEXT_INPUTS.has((element as HTMLInputElement).type);
  return element.closest('textarea, select, [contenteditable]:not([contenteditable="false"])') !== null;
}
