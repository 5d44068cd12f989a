// Pages that are built like articles but are not news to read closely: shopping round-ups
// ("Daily Deals", gift guides, "Best gadgets of 2019") and numbered listicles ("The 21 best
// movies of 2017"). They declare og:type=article and have plenty of prose, so the article
// test alone accepts them; their headline plus what the body is made of gives them away.
import type { TextSegment } from './types';

/** Headlines of shopping pieces: deals, discounts, sales, gift guides. */
const SHOPPING_TITLE = /\b(deals|discounts?|gift guide|on sale|price drops?|cyber monday|black friday)\b/i;
/** Headlines of ranked lists: "The 10 best…", "These are the 8 coolest…", "Best gadgets of 2019". */
const LIST_TITLE =
  /^(?:the |these are the |here are the )?\d{1,3} (?:best|coolest|greatest|top|worst|most|biggest|essential)\b|^(?:the )?best\b.{0,60}\b(?:of|for) (?:19|20)\d\d\b/i;
const PRICE = /[$£€]\s?\d/g;
/** Links to shops and affiliate redirects. */
const SHOP_LINK = /\b(amazon\.|amzn\.to|bestbuy\.|walmart\.|target\.com|ebay\.|newegg\.|bhphotovideo\.|gamestop\.|shop|buy|affiliat|redirect\.viglink|go\.skimresources)/i;

/** Prices per 1000 words in the body from which a deals headline means a shopping page. */
const SHOPPING_PRICE_DENSITY = 15;
const SHOPPING_SHOP_LINKS = 5;
/** A ranked-list headline needs a body of list items (subheads) or prices to be a listicle. */
const LISTICLE_SUBHEADS = 5;
const LISTICLE_PRICES = 5;

export interface PageKindEvidence {
  title: string | null;
  text: string;
  segments: readonly TextSegment[];
}

export type PageKind = 'article' | 'shopping' | 'listicle';

function wordCount(text: string): number {
  let n = 0;
  for (const _ of text.matchAll(/\S+/g)) n++;
  return n;
}

/** Distinct shop links and subheads (h2–h4) that the body's text sits in. */
function bodyStructure(segments: readonly TextSegment[]): { shopLinks: number; subheads: number } {
  const shopLinks = new Set<string>();
  const subheads = new Set<Element>();
  for (const seg of segments) {
    const parent = seg.node.parentElement;
    if (!parent) continue;
    const href = parent.closest('a')?.getAttribute('href');
    if (href && SHOP_LINK.test(href)) shopLinks.add(href);
    const heading = parent.closest('h2, h3, h4');
    if (heading) subheads.add(heading);
  }
  return { shopLinks: shopLinks.size, subheads: subheads.size };
}

/** What sort of page an extracted article is. Only looks further when the headline suggests a round-up. */
export function classifyPageKind({ title, text, segments }: PageKindEvidence): PageKind {
  const headline = (title ?? '').trim();
  const shoppingTitle = SHOPPING_TITLE.test(headline);
  const listTitle = LIST_TITLE.test(headline);
  if (!shoppingTitle && !listTitle) return 'article';
  const prices = text.match(PRICE)?.length ?? 0;
  const priceDensity = (1000 * prices) / Math.max(1, wordCount(text));
  const { shopLinks, subheads } = bodyStructure(segments);
  if (shoppingTitle && (priceDensity >= SHOPPING_PRICE_DENSITY || shopLinks >= SHOPPING_SHOP_LINKS)) return 'shopping';
  if (listTitle && (subheads >= LISTICLE_SUBHEADS || prices >= LISTICLE_PRICES || shopLinks >= SHOPPING_SHOP_LINKS)) return 'listicle';
  return 'article';
}
