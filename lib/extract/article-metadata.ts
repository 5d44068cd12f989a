// Does the page declare itself an article? Cheap checks that need no text scoring.

const ARTICLE_TYPES =
  /^(https?:\/\/schema\.org\/)?(Article|NewsArticle|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|ReviewNewsArticle|AskPublicNewsArticle|BlogPosting|LiveBlogPosting|Report|ScholarlyArticle|SatiricalArticle|TechArticle|SocialMediaPosting)$/;

function hasArticleType(value: unknown, depth = 0): boolean {
  // JSON-LD nests types in @graph, arrays and mainEntity; depth-limit against hostile input.
  if (depth > 6 || value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.some((v) => hasArticleType(v, depth + 1));
  const obj = value as Record<string, unknown>;
  const type = obj['@type'];
  const types = Array.isArray(type) ? type : [type];
  if (types.some((t) => typeof t === 'string' && ARTICLE_TYPES.test(t))) return true;
  return hasArticleType(obj['@graph'], depth + 1) || hasArticleType(obj['mainEntity'], depth + 1);
}

function jsonLdDeclaresArticle(doc: Document): boolean {
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    const raw = script.textContent ?? '';
    // Skip huge blobs: a page's article JSON-LD is small, and parsing megabytes costs time.
    if (raw.length > 200_000) continue;
    try {
      if (hasArticleType(JSON.parse(raw))) return true;
    } catch {
      // Malformed JSON-LD is common; fall back to a textual check of the @type.
      if (/"@type"\s*:\s*"(News)?Article"/.test(raw)) return true;
    }
  }
  return false;
}

function microdataDeclaresArticle(doc: Document): boolean {
  for (const el of Array.from(doc.querySelectorAll('[itemtype]'))) {
    const types = (el.getAttribute('itemtype') ?? '').split(/\s+/);
    if (types.some((t) => ARTICLE_TYPES.test(t.replace(/^https?:\/\/schema\.org\//, '')))) return true;
  }
  return false;
}

function metaContent(doc: Document, selector: string): string | null {
  const content = doc.querySelector(selector)?.getAttribute('content');
  return content ? content.trim() : null;
}

/** og:type=article, or a schema.org Article type in JSON-LD or microdata. */
export function declaresArticle(doc: Document): boolean {
  const ogType = metaContent(doc, 'meta[property="og:type"]') ?? metaContent(doc, 'meta[name="og:type"]');
  if (ogType && /^article$/i.test(ogType)) return true;
  return jsonLdDeclaresArticle(doc) || microdataDeclaresArticle(doc);
}

/** The page's own idea of its title: og:title, else document.title. */
export function declaredTitle(doc: Document): string | null {
  const og = metaContent(doc, 'meta[property="og:title"]') ?? metaContent(doc, 'meta[name="twitter:title"]');
  if (og) return og.replace(/\s+/g, ' ');
  const title = doc.querySelector('title')?.textContent?.replace(/\s+/g, ' ').trim();
  return title || null;
}

/**
 * Count <p> elements with at least minChars characters, stopping at `enough`. A cheap test for
 * "could this be an article?" on pages that declare nothing.
 */
export function countLongParagraphs(doc: Document, minChars: number, enough: number): number {
  let count = 0;
  for (const p of Array.from(doc.querySelectorAll('p'))) {
    if ((p.textContent ?? '').trim().length >= minChars && ++count >= enough) break;
  }
  return count;
}
