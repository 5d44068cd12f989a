/**
 * Gives focus back to the page after Lede's own UI had it: to what had it before, if that is still
 * there (and is not just the body), else nowhere (the active element loses it).
 */
export function giveFocusBack(doc: Document, before: Element | null): void {
  if (before instanceof HTMLElement && before.isConnected && before !== before.ownerDocument.body) before.focus({ preventScroll: true });
  else (doc.activeElement as HTMLElement | null)?.blur?.();
}
