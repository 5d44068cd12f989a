// How news writes organisations, learned by scripts/train-orgs.ts from the ORG spans of CoNLL-2003 and
// today's news with silver labels (lib/model/orgs.json): head words that end organisations' names, and
// the lower-case words around a name that mark it an organisation ("shares of X", "X filings"). A few
// closed-class cues of business news that the training text is too small to teach stand beside them.
import orgsData from '../model/orgs.json';
import type { Token } from './tokens';

const heads = new Set<string>(orgsData.heads.split(' '));
const before = new Set<string>(orgsData.before.split('|'));
const after = new Set<string>(orgsData.after.split('|'));

/** Lower-case words before a company's name in business news: "shares of X", "a stake in X". */
const BUSINESS_BEFORE = new Set(['shares of', 'stake in', 'analysts at', 'analyst at', 'customers of', 'investors in', 'spokesperson for', 'spokeswoman for', 'spokesman for', 'representative for', 'owner of', 'subsidiary of', 'acquired by', 'acquisition of']);

/**
 * Lower-case kinds of business written right before a lone brand: "the taxi service X", "retailer X",
 * "game developer X", "broker X". Only a one-word name takes them: "developer Ann Lee" is a job.
 */
const BUSINESS_KINDS = new Set(['service', 'retailer', 'startup', 'start-up', 'developer', 'automaker', 'carmaker', 'chipmaker', 'brokerage', 'broker', 'platform', 'app', 'studio', 'chain', 'carrier', 'insurer', 'lender', 'conglomerate', 'manufacturer', 'firm', 'e-commerce', 'streamer', 'marketplace']);

/** Words before an outlet named by one word: "in an email to X", "she writes for X", "first published in X". */
const OUTLET_BEFORE = new Set(['email to', 'writes for', 'wrote for', 'writing for', 'published in', 'published on', 'published by']);

/** "a company like X", "companies such as X": a kind of business, then an example of it. */
const BUSINESS_EXAMPLE = new Set(['company like', 'companies like', 'firms like', 'firm like', 'retailers like', 'brands like', 'apps like', 'services like']);

/** A company's things after its possessive: "X's stock", "X's shares", "X's website". */
const OWNED_THINGS = new Set(['stock', 'shares', 'stores', 'website', 'app', 'products', 'revenue', 'earnings', 'ceo', 'founder', 'headquarters', 'subscribers', 'customers', 'spokesperson', 'spokeswoman', 'spokesman', 'buyout', 'acquisition', 'ipo', 'listing', 'shareholders', 'employees', 'subsidiary']);

/** Lower-case words right after a company's name: "X shares rose", "X stock". */
const BUSINESS_AFTER = new Set(['shares', 'stock', 'stores', 'spokesperson', 'customers', 'subscribers', 'shareholders', 'headquarters']);

/**
 * Last words of shop, restaurant and service brands, which neither CoNLL (1996) nor political news
 * name often enough to learn: "X Beauty", "X Express", "X Pharmacy".
 */
const BRAND_HEADS = new Set([
  'Beauty', 'Express', 'Outfitters', 'Apparel', 'Pharmacy', 'Grill', 'Kitchen', 'Restaurants', 'Roadhouse', 'Steakhouse',
  'Pizza', 'Burgers', 'Cafe', 'Café', 'Coffee', 'Bakery', 'Brewing', 'Brewery', 'Depot', 'Mart', 'Wholesale', 'Supermarkets',
  'Markets', 'Stores', 'Brands', 'Foods', 'Holdings', 'Bancorp', 'Bank', 'Trust', 'Society', 'Foundation', 'Analytics',
  'Insights', 'Consulting', 'Research', 'Advisors', 'Advisers', 'Associates', 'Group', 'Cosmetics', 'Fitness', 'Rentals',
]);

/** A capitalised word that ends organisations' names ("Network", "Research", "School", "Beauty"). */
export function isLearnedOrgHead(word: string): boolean {
  return heads.has(word) || BRAND_HEADS.has(word);
}

/** A stock ticker in brackets: "(ACME)", "(NYSE: ACME)", "(ticker: AC)". */
function tickerAt(tokens: Token[], i: number): boolean {
  if (tokens[i]?.text !== '(' || tokens[i]!.breakBefore > 0) return false;
  let k = i + 1;
  if (tokens[k + 1]?.text === ':' && tokens[k]!.isWord) k += 2;
  const symbol = tokens[k];
  return !!symbol && /^\p{Lu}{1,5}$/u.test(symbol.text) && tokens[k + 1]?.text === ')';
}

function lowerAt(tokens: Token[], i: number): string | null {
  const t = tokens[i];
  return t && t.isWord && !t.isCap && t.breakBefore === 0 ? t.lower : null;
}

/** A lower-case word, or one capitalised only because it opens the sentence ("Shares of X"). */
function cueWordAt(tokens: Token[], i: number): string | null {
  const t = tokens[i];
  if (!t || !t.isWord || t.isAllCaps) return null;
  if (!t.isCap) return t.lower;
  return t.sentenceStart ? t.lower : null;
}

/** The words around tokens first..last say they name an organisation. */
export function orgCueAround(tokens: Token[], first: number, last: number): boolean {
  if (tokens[first]!.breakBefore === 0) {
    const b1 = lowerAt(tokens, first - 1);
    const b2 = b1 === null || tokens[first - 1]!.breakBefore > 0 ? null : cueWordAt(tokens, first - 2);
    if (b1 !== null && (before.has(b1) || (first === last && BUSINESS_KINDS.has(b1)))) return true;
    if (b2 !== null && (before.has(`${b2} ${b1}`) || BUSINESS_BEFORE.has(`${b2} ${b1}`) || BUSINESS_EXAMPLE.has(`${b2} ${b1}`) || (first === last && OUTLET_BEFORE.has(`${b2} ${b1}`)))) return true;
  }
  const next = tokens[last + 1];
  if (!next || next.breakBefore > 0) return false;
  if (/^['’]s$/.test(next.text)) {
    // "X's 2012 acquisition of Y": a year may stand between.
    const year = /^(?:19|20)\d\d$/.test(tokens[last + 2]?.text ?? '') ? 1 : 0;
    const thing = lowerAt(tokens, last + 2 + year);
    return (thing !== null && OWNED_THINGS.has(thing)) || tickerAt(tokens, last + 2);
  }
  if (tickerAt(tokens, last + 1)) return true;
  const a1 = lowerAt(tokens, last + 1);
  if (a1 === null) return false;
  if (after.has(a1) || BUSINESS_AFTER.has(a1)) return true;
  const a2 = lowerAt(tokens, last + 2);
  if (a2 !== null && after.has(`${a1} ${a2}`)) return true;
  // "X said in a statement": people say things in statements too, but the caller keeps people out.
  return a1 === 'said' && a2 === 'in' && lowerAt(tokens, last + 3) === 'a' && lowerAt(tokens, last + 4) === 'statement';
}

/**
 * "according to X" before a lone word no rule or tagger could type: a source named by one unknown word
 * is a company or body far more often than a person, whom news names in full first (the caller keeps
 * names the page makes people out).
 */
export function afterAccordingTo(tokens: Token[], first: number): boolean {
  if (tokens[first]!.breakBefore > 0 || tokens[first]!.sentenceStart) return false;
  return lowerAt(tokens, first - 1) === 'to' && cueWordAt(tokens, first - 2) === 'according';
}
