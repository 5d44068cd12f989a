// A content script speaks for one page: the one the browser says sent the message (sender.url,
// the sending frame's address in Chrome MV3 and Firefox MV2 alike), never the page a message names.
// A compromised page process can make Lede's content script send anything, so every address or
// site in a content script's message is either checked against that page or replaced by it. Pure:
// the background's receiveMessage (lib/protocol/messages.ts) applies it, as SENDER_PAGE_RULES, before any
// handler runs.

import type { LedeRequest, PageRules } from '../protocol/messages';
import { siteOf } from '../shared/page-address';
import { isPageKeyFor } from '../notes/source-url';

/**
 * Why a content script on `pageUrl` may not send this request, or null when it may.
 * - notes: the source named (listAnnotations, saveAnnotation, a re-attach target) must be this
 *   page's key, its own address or a canonical link lib/notes/source-url.ts accepts for it;
 * - updateAnnotation: only a re-attach (a target), never an edit without one; the background also
 *   checks the stored note already belongs to this page, so no note moves between pages;
 * - articleAnalyzed: the article must be this page (fragments aside).
 */
export function pageProblem(request: LedeRequest, pageUrl: string): string | null {
  switch (request.type) {
    case 'listAnnotations':
      return isPageKeyFor(pageUrl, request.source) ? null : 'listAnnotations.source is not the sending page';
    case 'saveAnnotation':
      return isPageKeyFor(pageUrl, request.annotation.target.source) ? null : 'saveAnnotation.annotation.target.source is not the sending page';
    case 'updateAnnotation':
      if (!request.patch.target) return 'updateAnnotation from a content-script must re-attach the note (a target)';
      return isPageKeyFor(pageUrl, request.patch.target.source) ? null : 'updateAnnotation.patch.target.source is not the sending page';
    case 'articleAnalyzed':
      return sameDocument(request.article.url, pageUrl) ? null : 'articleAnalyzed.article.url is not the sending page';
    default:
      return null;
  }
}

/**
 * The request with the page it concerns taken from the sender: the site for preferences and the
 * page setup, the cache key of an analysis, the article left out of a history (which would
 * otherwise tell a page whether the reader has read any address it guesses), the site an article
 * or a new note is shown under.
 */
export function scopedToPage(request: LedeRequest, pageUrl: string): LedeRequest {
  switch (request.type) {
    case 'getPageSetup':
    case 'getHighlightPrefs':
    case 'saveHighlightPrefs':
      return { ...request, site: siteOf(pageUrl) };
    case 'analyzeText':
    case 'getPageKey':
      return { ...request, url: pageUrl };
    case 'getEntityHistory':
      return { ...request, excludeUrl: pageUrl };
    case 'articleAnalyzed':
      return { ...request, article: { ...request.article, site: siteOf(pageUrl) } };
    case 'saveAnnotation':
      return { ...request, annotation: { ...request.annotation, page: { ...request.annotation.page, site: siteOf(pageUrl) } } };
    default:
      return request;
  }
}

/** The background's rules for a content script's messages (receiveMessage's pageRules). */
export const SENDER_PAGE_RULES: PageRules = { problem: pageProblem, scope: scopedToPage };

/** One document: the same URL once parsed, the #fragment aside. */
function sameDocument(a: string, b: string): boolean {
  if (!URL.canParse(a) || !URL.canParse(b)) return false;
  const urlA = new URL(a);
  const urlB = new URL(b);
  urlA.hash = '';
  urlB.hash = '';
  return urlA.href === urlB.href;
}
