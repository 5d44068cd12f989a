// What the in-page code needs from the content script's own life, passed in by the entrypoint so
// lib/page stays free of extension APIs (WXT's ContentScriptContext fits PageLifetime as it is).

export interface PageLifetime {
  /** True once the extension was reloaded or removed: this script must stop touching the page. */
  readonly isInvalid: boolean;
  onInvalidated(callback: () => void): unknown;
}

/**
 * Subscribes to the page's URL changes, fragment-only changes included (the entrypoint uses WXT's
 * `wxt:locationchange`, which sees the page's own pushState from the isolated world).
 */
export type UrlWatch = (listener: (url: string) => void) => void;
