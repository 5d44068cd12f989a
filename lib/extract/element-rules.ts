// Which elements hold article text, which never do, and what class/id names hint at.
import { tagOf } from './dom-utils';

/** Elements whose subtree never holds readable article text. */
const NEVER_TEXT_TAGS = new Set([
  'head', 'script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'embed',
  'canvas', 'video', 'audio', 'picture', 'img', 'button', 'select', 'textarea', 'input', 'option',
  'label', 'dialog', 'link', 'meta', 'title', 'base',
]);

/** Page furniture by element or ARIA role: navigation, sidebars, site footers, promo figures. */
const FURNITURE_TAGS = new Set(['nav', 'aside', 'footer', 'figure', 'figcaption', 'menu']);
const FURNITURE_ROLES = new Set([
  'navigation', 'complementary', 'contentinfo', 'menu', 'menubar', 'dialog', 'alertdialog',
  'banner', 'search', 'toolbar', 'tablist', 'marquee',
]);

/** Elements that start a new block of text (a paragraph break), as opposed to inline ones. */
export const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'center', 'dd', 'details', 'div', 'dl',
  'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'header', 'hgroup', 'hr', 'html', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary',
  'table', 'tbody', 'thead', 'tfoot', 'tr', 'td', 'th', 'caption', 'ul', 'menu', 'br',
]);

export const HEADING_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

// Class/id words that mark boilerplate. Matched as substrings of the lower-cased class+id, so
// "article-comments" and "sharebar" are caught; positive words below override them.
const NEGATIVE_HINT =
  /comment|disqus|sidebar|side-bar|related|recirc|recommend|promo|newsletter|subscri|signup|sign-up|share|sharing|social|sponsor|advert|outbrain|taboola|most-?popular|most-?read|trending|ticker|breaking|cookie|consent|gdpr|modal|popup|breadcrumb|masthead|navbar|menu|footer|pagination|pager|byline-social|tags?-list|author-bio|read-?more|more-stories|newsfeed|skip-link|visually-hidden|sr-only|screen-reader|offscreen|hidden-print|print-only|inline-ad|ad-container|ad-slot|adslot|dfp|teaser|caption|credit|carousel|widget|toolbar|tooltip|lightbox|gallery-|video-player|playlist|(^|[^a-z])rail/;
// Whole-word "ad"/"ads" (not "head", "load", "shadow").
const AD_WORD = /(^|[^a-z])ads?([^a-z]|$)/;
const POSITIVE_HINT =
  /article|story|entry|post-?content|post-?body|main-?content|content-?body|text-?body|body-?text|articlebody|storybody|blog-?post|prose|paragraph|rich-?text|column/;

function hintText(el: Element): string {
  const cls = el.getAttribute('class') ?? '';
  const id = el.getAttribute('id') ?? '';
  return cls || id ? `${cls} ${id}`.toLowerCase() : '';
}

// Reader comments often outweigh the article itself, so these are removed even when big.
const COMMENTS_HINT = /comment|disqus|respond|replies|discussion|forum/;

/** Class/id hint: -2 reader comments, -1 boilerplate, +1 article content, 0 neutral. */
export function classHint(el: Element): -2 | -1 | 0 | 1 {
  const hint = hintText(el);
  if (!hint) return 0;
  if (POSITIVE_HINT.test(hint)) return 1;
  if (COMMENTS_HINT.test(hint)) return -2;
  if (NEGATIVE_HINT.test(hint) || AD_WORD.test(hint)) return -1;
  return 0;
}

/** itemprop=articleBody: the publisher's own marking of the article text. */
export function hasArticleBodyItemprop(el: Element): boolean {
  const itemprop = el.getAttribute('itemprop');
  return itemprop !== null && /articlebody/i.test(itemprop);
}

/** Markers of the article body itself (<article> is weaker: teasers use it too). */
export function isArticleBodyMarker(el: Element): boolean {
  return hasArticleBodyItemprop(el) || tagOf(el) === 'article';
}

const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;
// Classes of things that are hidden until hovered or only for screen readers: a name's
// "rollover" card of related links inside a paragraph must not count as its text.
const HIDDEN_CLASS = /tooltip|popover|popup|rollover|hovercard|hover-card|sr-only|visually-hidden|screen-reader|offscreen/i;

/** Hidden by attribute, inline style or a hidden-content class (no layout needed; works in linkedom). */
export function isHiddenByMarkup(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true;
  if (el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style');
  if (style !== null && HIDDEN_STYLE.test(style)) return true;
  const cls = el.getAttribute('class');
  return cls !== null && HIDDEN_CLASS.test(cls) && !isStructuralRoot(el);
}

/**
 * Elements whose whole subtree is skipped regardless of where they are: non-text elements,
 * hidden ones and page furniture (nav, aside, footer, figure, ARIA landmarks other than main).
 */
export function isExcludedElement(el: Element): boolean {
  const tag = tagOf(el);
  if (NEVER_TEXT_TAGS.has(tag) || FURNITURE_TAGS.has(tag)) return true;
  const role = el.getAttribute('role');
  if (role && FURNITURE_ROLES.has(role.toLowerCase())) return true;
  return isHiddenByMarkup(el);
}

/** Structural elements that class hints never remove (they wrap whole pages). */
export function isStructuralRoot(el: Element): boolean {
  const tag = tagOf(el);
  return tag === 'html' || tag === 'body' || tag === 'main' || isArticleBodyMarker(el);
}
