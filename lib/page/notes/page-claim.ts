/**
 * The page's address now and the canonical link it claims. The background decides from these which
 * notes key the page has (getPageKey); `id` compares two claims cheaply, #fragment aside.
 */
export interface PageClaim {
  href: string;
  canonical: string | null;
  id: string;
}

export function currentClaim(win: Window): PageClaim {
  const href = win.location.href;
  const canonical = win.document.querySelector<HTMLLinkElement>('link[rel~="canonical"][href]')?.href ?? null;
  return { href, canonical, id: `${href.split('#', 1)[0]}\n${canonical ?? ''}` };
}
