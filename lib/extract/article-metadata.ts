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

/** Where pages state when they were first published, most explicit first (meta tags, then microdata). */
const PUBLISHED_SELECTORS = [
  'meta[property="article:published_time"]',
  'meta[name="article:published_time"]',
  'meta[property="og:article:published_time"]',
  'meta[itemprop~="datePublished"]',
];
/** A <time> that says it is the publication date; a bare <time> is as often a comment's or a related story's. */
const PUBLISHED_TIME_SELECTORS = ['time[itemprop~="datePublished"][datetime]', 'time[pubdate][datetime]', 'article time[datetime]'];

/**
 * When the page says it was first published, as an ISO 8601 date ("2024-03-05") or UTC time
 * ("2024-03-05T09:30:00.000Z"): article:published_time, then JSON-LD's datePublished on an
 * Article, then microdata and <time datetime>. Null when the page states none that parses.
 */
export function declaredPublished(doc: Document): string | null {
  for (const selector of PUBLISHED_SELECTORS) {
    const date = publishedDate(metaContent(doc, selector));
    if (date) return date;
  }
  const fromJsonLd = jsonLdPublished(doc);
  if (fromJsonLd) return fromJsonLd;
  for (const selector of PUBLISHED_TIME_SELECTORS) {
    const date = publishedDate(doc.querySelector(selector)?.getAttribute('datetime') ?? null);
    if (date) return date;
  }
  return null;
}

function jsonLdPublished(doc: Document): string | null {
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    const raw = script.textContent ?? '';
    if (raw.length > 200_000) continue;
    try {
      // Some sites wrap the JSON in <![CDATA[ … ]]> (with or without // before each marker).
      const date = articleDatePublished(JSON.parse(raw.replace(/^\s*(?:\/\/\s*)?<!\[CDATA\[|(?:\/\/\s*)?\]\]>\s*$/g, '')));
      if (date) return date;
    } catch {
      // Malformed JSON-LD: the other sources may still say.
    }
  }
  return null;
}

/** datePublished of the first Article-typed node (in @graph, arrays and mainEntity, as hasArticleType walks them). */
function articleDatePublished(value: unknown, depth = 0): string | null {
  if (depth > 6 || value === null || typeof value !== 'object') return null;
  if (Array.isArray(value)) {
    for (const item of value) {
      const date = articleDatePublished(item, depth + 1);
      if (date) return date;
    }
    return null;
  }
  const obj = value as Record<string, unknown>;
  const types = Array.isArray(obj['@type']) ? obj['@type'] : [obj['@type']];
  if (types.some((t) => typeof t === 'string' && ARTICLE_TYPES.test(t)) && typeof obj['datePublished'] === 'string') {
    const date = publishedDate(obj['datePublished']);
    if (date) return date;
  }
  return articleDatePublished(obj['@graph'], depth + 1) ?? articleDatePublished(obj['mainEntity'], depth + 1);
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
// Publication dates before the web or far in the future are template placeholders, not dates.
const EARLIEST_PUBLISHED = Date.UTC(1990, 0, 1);
const LATEST_PUBLISHED = Date.UTC(2200, 0, 1);

/** A stated date as "YYYY-MM-DD" (when only a day is given) or a UTC ISO time; null if it does not parse. */
export function publishedDate(value: string | null): string | null {
  const text = value?.trim();
  if (!text || text.length > 64) return null;
  const time = Date.parse(text);
  if (!Number.isFinite(time) || time < EARLIEST_PUBLISHED || time >= LATEST_PUBLISHED) return null;
  return DATE_ONLY.test(text) ? text : new Date(time).toISOString();
}
