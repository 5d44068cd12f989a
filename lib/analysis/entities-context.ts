// Types merged candidates by what the sentence does with them, where news usage differs from the
// lists learned from CoNLL-2003 (Reuters, 1996): a name someone "told" or gave "a statement to" is
// an outlet, a name one "posted on" is a platform, a name before ", Town, ST" is a venue, a known
// place used as someone's affiliation ("a former X adviser") is the body that employs them, and a
// plural acronym ("the XYZs") is an event or award, not a name Lede highlights.
import { joinWords } from './entities-candidates';
import { isBrandCased, Strength, type Candidate } from './entities-classify';
import { gazetteerType, isFirstName, isVocabularyWord, isWorldPlace } from './gazetteer';
import { isStateCode, isStateName, isVenueHead } from './name-heads';
import { afterAccordingTo, orgCueAround } from './org-cues';
import { formalOrgNames } from './org-formal-names';
import { TITLE_HEADS } from './entities-lexicon';
import type { Token } from './tokens';
import type { EntityType } from './types';

/** Verbs whose object is the outlet the words went to: "told X", "tells X". */
const TELL_VERBS = new Set(['told', 'tells', 'telling']);

/** "a statement to X", "in an interview with X", "speaking to X". */
const TO_OUTLET_HEADS = new Set(['statement', 'statements', 'interview', 'interviews', 'comment', 'comments', 'spoke', 'speaking', 'talking', 'talked']);

/** "obtained by X", "first reported by X", "published by X". */
const BY_OUTLET_HEADS = new Set(['obtained', 'reported', 'published', 'broadcast', 'aired']);

/** Where a thing is sold or streamed: "rent on X", "an all-time low on X", "streaming on X". */
const SHOP_ON_VERBS = new Set(['rent', 'buy', 'purchase', 'stream', 'streaming', 'streamed', 'low', 'available']);

/** Verbs after which "on X" names a platform: "posted on X", "wrote on X", "follow us on X". */
const POST_VERBS = new Set([
  'posted', 'post', 'posts', 'posting', 'wrote', 'writes', 'writing', 'tweeted', 'shared', 'sharing', 'announced', 'follow',
  'followed', 'uploaded', 'commented', 'live', 'trending', 'said', 'says', 'wrote', ...SHOP_ON_VERBS,
]);

/** "in an X post", "her X account": what a platform holds. */
const PLATFORM_THINGS = new Set(['post', 'posts', 'account', 'accounts', 'page', 'feed', 'followers', 'livestream', 'handle']);

const DETERMINERS = new Set(['a', 'an', 'the', 'his', 'her', 'their', 'its', 'my', 'our', 'your']);

/** "in an X post", "on her X account". */
function platformThing(tokens: Token[], c: Candidate): boolean {
  const det = tokens[c.first - 1];
  const thing = lowerAt(tokens, c.last + 1);
  return !!det && det.breakBefore === 0 && tokens[c.first]!.breakBefore === 0 && DETERMINERS.has(det.lower) && thing !== null && PLATFORM_THINGS.has(thing);
}

/** Role nouns whose affiliation comes right before them: "a former X adviser", "X officials". */
const AFFILIATION_ROLES = new Set([
  'adviser', 'advisers', 'advisor', 'advisors', 'aide', 'aides', 'official', 'officials', 'counsel', 'staffer', 'staffers',
  'spokesman', 'spokeswoman', 'spokesperson', 'correspondent', 'lawyer', 'lawyers', 'chief', 'staff', 'press',
]);

function lowerAt(tokens: Token[], i: number): string | null {
  const t = tokens[i];
  return t && t.isWord && !t.isCap && t.breakBefore === 0 ? t.lower : null;
}

/** A token on the same line as the one before it, so cues never reach across a paragraph. */
function sameLine(tokens: Token[], i: number): boolean {
  return tokens[i]!.breakBefore === 0;
}

/** What the cue before the candidate says it is, if anything. */
function outletCue(tokens: Token[], first: number): boolean {
  if (!sameLine(tokens, first)) return false;
  const before = lowerAt(tokens, first - 1);
  if (before === null) return false;
  if (TELL_VERBS.has(before)) return true;
  // "according to ABC": an acronym as a source is a body ("according to the X" is the rules').
  if (before === 'to' && tokens[first - 2]?.lower === 'according' && tokens[first]!.isAllCaps && !tokens[first]!.text.includes('.')) return true;
  const head = lowerAt(tokens, first - 2);
  if (head === null) return false;
  if ((before === 'to' || before === 'with') && TO_OUTLET_HEADS.has(head)) return true;
  return before === 'by' && BY_OUTLET_HEADS.has(head);
}

/** "did not respond to X's request for comment": X is the outlet asking. */
function commentRequestOf(tokens: Token[], last: number): boolean {
  return /^['’]s$/.test(tokens[last + 1]?.text ?? '') && lowerAt(tokens, last + 2) === 'request' && lowerAt(tokens, last + 3) === 'for' && lowerAt(tokens, last + 4) === 'comment';
}

/**
 * "posted on X", "Follow Y on X, Z and W": the start of the list after "on" when a posting verb
 * stands before it (one name between them allowed: "follow Y on"). Returns the index after "on".
 */
function platformListStart(tokens: Token[], on: number): boolean {
  if (lowerAt(tokens, on) !== 'on') return false;
  for (let k = on - 1; k >= Math.max(0, on - 3); k--) {
    const t = tokens[k]!;
    // The verb may open the sentence: "Follow Y on X".
    if (POST_VERBS.has(t.lower)) return true;
    if (!t.isWord || !t.isCap || t.breakBefore > 0) return false;
  }
  return false;
}

/** Words that may join a venue's name: "BB&T Pavilion", "Music Park at Walnut Creek". */
const VENUE_JOINERS = new Set(['&', 'at', 'of', 'the', 'on']);

/**
 * Venues written with their address, as tour dates and event listings do: "Xfinity Center,
 * Mansfield, MA". The venue is the run of capitalised words (and joiners) before ", Town, ST" back
 * to a dash or the line's start. Returns [first, last] token spans.
 */
function addressVenues(tokens: Token[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let comma = 1; comma < tokens.length; comma++) {
    const mark = tokens[comma]!.text;
    if ((mark !== ',' && mark !== '.') || tokens[comma]!.breakBefore > 0 || !addressAfter(tokens, comma)) continue;
    const last = comma - 1;
    if (!tokens[last]!.isWord || !tokens[last]!.isCap) continue;
    // A listing's slip of the pen ("X Amphitheatre. Town, ST") only when the name ends as venues do.
    if (mark === '.' && !isVenueHead(tokens[last]!.text)) continue;
    let first = last;
    while (first > 0 && tokens[first]!.breakBefore === 0) {
      const p = tokens[first - 1]!;
      if (!((p.isWord && p.isCap) || VENUE_JOINERS.has(p.text))) break;
      first--;
    }
    while (first < last && !tokens[first]!.isCap) first++;
    // A listing's entry after a dash ("June 26 -- PPL Center, Allentown, PA"), or a line of its own
    // ending as venues do; a line "Acme Robotics, Palo Alto, California" lists a company's seat.
    const before = tokens[first - 1];
    const dashed = before?.text === '-' || before?.text === '–' || before?.text === '—';
    const ownLine = (first === 0 || tokens[first]!.breakBefore > 0) && isVenueHead(tokens[last]!.text);
    if (dashed || ownLine) out.push([first, last]);
  }
  return out;
}

/** ", Town, ST" closing a line or phrase right after the comma at `comma`. */
function addressAfter(tokens: Token[], comma: number): boolean {
  let i = comma + 1;
  let words = 0;
  while (tokens[i]?.isCap && tokens[i]!.breakBefore === 0 && words < 4) {
    i++;
    words++;
    if (tokens[i]?.text === '.' && tokens[i]!.breakBefore === 0) i++; // "St. Louis"
  }
  if (words === 0 || tokens[i]?.text !== ',' || tokens[i]!.breakBefore > 0) return false;
  const state = tokens[i + 1];
  if (!state || state.breakBefore > 0 || !(isStateCode(state.text) || isStateName(state.text))) return false;
  const after = tokens[i + 2];
  return !after || after.breakBefore > 0 || !after.isWord;
}

/** A known place (not a country, capital or state) named as the employer of the role after it. */
function affiliationOf(tokens: Token[], c: Candidate): boolean {
  if (c.type !== 'place' || isWorldPlace(c.text) || isStateName(c.text) || c.last === c.first) return false;
  let i = c.last + 1;
  // One capitalised topic word may stand between: "X Russia adviser".
  if (tokens[i]?.isCap && tokens[i]!.breakBefore === 0) i++;
  const role = lowerAt(tokens, i);
  if (role === null || !AFFILIATION_ROLES.has(role)) return false;
  return role !== 'press' || lowerAt(tokens, i + 1) === 'secretary';
}

/** "X, which ...": people take "who". */
function whichAfter(tokens: Token[], last: number): boolean {
  return tokens[last + 1]?.text === ',' && lowerAt(tokens, last + 2) === 'which';
}

/**
 * Lower-case nouns after a place's name: a town's services ("X police", "X residents") and the
 * kind of building a name is written with ("the X hotel", "the X mall").
 */
const TOWN_SERVICES = new Set(['police', 'residents', 'firefighters', 'hotel', 'motel', 'casino', 'mall', 'campground']);

function townServiceAfter(tokens: Token[], last: number): boolean {
  const w = lowerAt(tokens, last + 1);
  return w !== null && TOWN_SERVICES.has(w);
}

/** Lower-case nouns after an event's name: "the X conference", "the X awards". */
const EVENT_NOUNS = new Set(['conference', 'summit', 'festival', 'awards', 'ceremony', 'gala', 'expo', 'hackathon']);

/**
 * Names the article only ever uses before an event noun and after its owner ("at Acme's Code
 * conference"), or before a thing noun ("X disease"): the event's or thing's name, not an
 * organisation. A name used elsewhere too, or an event without an owner ("the Conservative Party
 * conference"), stays.
 */
function eventOnlyNames(tokens: Token[], candidates: Candidate[]): Set<string> {
  const before = new Map<string, boolean>();
  for (const c of candidates) {
    // A name is out once one mention is not before such a noun, and a known name is never in.
    if (before.get(c.text) === false) continue;
    if (isWorldPlace(c.text) || !!gazetteerType(c.text)) {
      before.set(c.text, false);
      continue;
    }
    const w = lowerAt(tokens, c.last + 1);
    const owner = tokens[c.first - 1];
    const owned = !!owner && owner.breakBefore === 0 && /['’]s$/.test(owner.text) && tokens[c.first]!.breakBefore === 0;
    const event = owned && w !== null && EVENT_NOUNS.has(w);
    before.set(c.text, event || thingNounAfter(tokens, c.last));
  }
  return new Set([...before].filter(([, only]) => only).map(([text]) => text));
}

/** "Mother's Day", "Veterans Day", "Christmas Eve": an ordinary word before these names a holiday. */
const HOLIDAY_HEADS = new Set(['Day', 'Eve', 'Weekend']);

const WEEKDAYS = new Set(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']);

/**
 * Words that make a weekday a holiday or a sale ("Black Friday", "Cyber Monday", "Giving Tuesday");
 * a closed list, since news dates anything by its weekday ("posted on Acme Tuesday").
 */
const WEEKDAY_HOLIDAY_WORDS = new Set(['Black', 'Cyber', 'Giving', 'Super', 'Good', 'Ash', 'Holy', 'Easter', 'Palm', 'Fat', 'Shrove', 'Maundy', 'Bloody', 'Travel']);

/**
 * A lone capitalised word that names a day with the day word after it ("Black Friday", "Cyber
 * Monday", "Mother's Day", "Veterans Day"): a holiday or a sale, not a name Lede highlights.
 */
function holidayWord(tokens: Token[], c: Candidate, personLike: (c: Candidate) => boolean): boolean {
  if (c.first !== c.last || c.honorific) return false;
  let i = c.last + 1;
  if (/^['’]s?$/.test(tokens[i]?.text ?? '') && tokens[i]!.breakBefore === 0) i++;
  const day = tokens[i];
  if (!day || day.breakBefore > 0) return false;
  const word = tokens[c.first]!.text;
  // Whether the name is a person's is asked last: it costs the most, and few names stand before a day.
  if (WEEKDAYS.has(day.text)) return i === c.last + 1 && WEEKDAY_HOLIDAY_WORDS.has(word) && !personLike(c);
  if (!HOLIDAY_HEADS.has(day.text)) return false;
  const lower = word.toLowerCase();
  return (isVocabularyWord(lower) || isVocabularyWord(lower.replace(/s$/, ''))) && !personLike(c);
}

/** Nouns after a brand's name that no place or person takes: "the X browser", "an X device", "X's app". */
const BRAND_THINGS = new Set([
  'app', 'apps', 'browser', 'device', 'devices', 'subscription', 'subscribers', 'users', 'platform', 'smartphone', 'smartphones',
  'console', 'consoles', 'headset', 'earbuds', 'laptop', 'laptops', 'software', 'chatbot', 'assistant', 'speaker', 'speakers',
]);

function brandThingAfter(tokens: Token[], last: number): boolean {
  let i = last + 1;
  if (/^['’]s$/.test(tokens[i]?.text ?? '') && tokens[i]!.breakBefore === 0) i++;
  const w = lowerAt(tokens, i);
  return w !== null && BRAND_THINGS.has(w) && tokens[last + 1]!.breakBefore === 0;
}

/** What a shop does, a few words after its name: "X offers", "X is also offering", "X founder". */
const OWNED_BY_SHOPS = new Set(['website', 'app', 'stores', 'founder', 'ceo', 'headquarters', 'warehouses', 'warehouse', 'customers']);

const SHOP_VERBS = new Set(['offers', 'offering', 'sells', 'selling', 'ships', 'shipping', 'founder', 'ceo', 'shoppers', 'sellers', 'prime']);

/**
 * A lone name the lists know as a place, but not a country, capital, region or state ("Amazon"),
 * that the page uses as a shop: "X offers", "X is also offering", "X founder", "X's website".
 * A known place written with "the" ("the Amazon") stays the place.
 */
function shopOfKnownPlace(tokens: Token[], c: Candidate): boolean {
  if (!minorKnownPlace(tokens, c)) return false;
  // "X's website": what a company owns ("X shares" also follows regions: "Asia shares").
  if (/^['’]s$/.test(tokens[c.last + 1]?.text ?? '') && OWNED_BY_SHOPS.has(lowerAt(tokens, c.last + 2) ?? '')) return true;
  return shopVerbAfter(tokens, c.last);
}

/**
 * A lone word the lists know as a place, but not a country, capital, region or state, and not
 * written with "the" ("the Amazon" is the river): a shop's or platform's name when the page says so.
 */
function minorKnownPlace(tokens: Token[], c: Candidate): boolean {
  if (c.first !== c.last || c.honorific || gazetteerType(c.text) !== 'LOC' || isWorldPlace(c.text) || isStateName(c.text)) return false;
  return lowerAt(tokens, c.first - 1) !== 'the';
}

/** "X offers", "X is also offering", "X founder": within three lower-case words after the name. */
function shopVerbAfter(tokens: Token[], last: number): boolean {
  for (let i = last + 1; i <= last + 3; i++) {
    const w = lowerAt(tokens, i);
    if (w === null) return false;
    if (SHOP_VERBS.has(w)) return true;
  }
  return false;
}

/** Words before a common noun that people's names do not take: "the X", "an X" ("the Rev." is an honorific). */
const THING_DETERMINERS = new Set(['the', 'a', 'an', 'its', 'your', 'our', 'every', 'each']);

/** A size or model number written before a product: "16-inch", "12.9-inch", "787-9". */
const MEASURE = /^\d[\d.,]*-(?:\d+|\p{L}+)$/u;
const isAsciiDigit = (code: number): boolean => code >= 48 && code <= 57;

/** The mention stands right after a determiner or a measure on its line ("the Velox Pro", "a 15-inch Orbix"). */
function afterDeterminer(tokens: Token[], first: number): boolean {
  const det = tokens[first - 1];
  if (!det || det.breakBefore > 0 || tokens[first]!.breakBefore > 0) return false;
  // MEASURE opens with a digit: test that before the Unicode-class regex.
  return (det.isWord && THING_DETERMINERS.has(det.lower)) || (isAsciiDigit(det.text.charCodeAt(0)) && MEASURE.test(det.text));
}

/**
 * Names read as people that the article writes after "the" or "a" at least half the time ("the
 * Velox Pro", "a Skyrunner 9"): products, vehicles, works and models, which news calls by a common
 * noun's grammar ("the 16-inch X"), unlike people. Names the lists or the page make people stay.
 */
function thingNames(tokens: Token[], candidates: Candidate[], personLike: (c: Candidate) => boolean): Set<string> {
  const counts = new Map<string, { det: number; all: number; person: boolean; kept: boolean; work: boolean; sure: boolean }>();
  for (const c of candidates) {
    let n = counts.get(c.text);
    if (!n) counts.set(c.text, (n = { det: 0, all: 0, person: false, kept: false, work: false, sure: false }));
    n.all++;
    if (afterDeterminer(tokens, c.first)) n.det++;
    if (afterWorkNoun(tokens, c.first)) n.work = true;
    if (c.type === 'person') n.person = true;
    const named = c.honorific || c.type === 'place' || personLike(c);
    if (named || c.type === 'organization') n.kept = true;
    if (named || (c.type === 'organization' && c.strength >= Strength.Strong) || gazetteerType(c.text) === 'ORG') n.sure = true;
  }
  const out = new Set<string>();
  for (const [text, n] of counts) if ((n.person && !n.kept && n.det * 2 >= n.all) || (n.work && !n.sure)) out.add(text);
  return out;
}

/** Kinds of work whose title may follow them: "the film X", "her debut novel X". */
const WORK_NOUNS = new Set([
  'film', 'films', 'movie', 'movies', 'novel', 'novels', 'book', 'books', 'memoir', 'album', 'albums', 'song', 'songs', 'single',
  'series', 'sitcom', 'documentary', 'docuseries', 'musical', 'opera', 'painting', 'poem', 'podcast', 'franchise', 'game', 'games',
  'video', 'comedy', 'drama', 'thriller', 'play', 'show', 'miniseries', 'anthology', 'sequel', 'prequel', 'remake', 'festival',
]);

/** "the film X", "his new novel X": a work noun after a determiner (one word may stand between) right before the name. */
function afterWorkNoun(tokens: Token[], first: number): boolean {
  const noun = lowerAt(tokens, first - 1);
  if (noun === null || !WORK_NOUNS.has(noun) || tokens[first]!.breakBefore > 0) return false;
  for (let i = first - 2; i >= Math.max(0, first - 3); i--) {
    const w = lowerAt(tokens, i);
    if (w === null) return false;
    if (DETERMINERS.has(w)) return true;
  }
  return false;
}

/** Nouns whose capitalised modifiers name a thing, not a body or place: "X disease", "the X Prize". */
const THING_NOUNS = new Set(['disease', 'syndrome', 'disorder', 'virus', 'vaccine', 'infection', 'prize', 'trophy', 'medal']);

/** The capitalised words after the name, if any, end at a thing noun: "Feather Duvet Lung disease". */
function thingNounAfter(tokens: Token[], last: number): boolean {
  let i = last + 1;
  while (i <= last + 6 && tokens[i] && tokens[i]!.breakBefore === 0 && tokens[i]!.isWord && tokens[i]!.isCap) i++;
  const w = lowerAt(tokens, i);
  return w !== null && THING_NOUNS.has(w);
}

/** "a four-time X winner": what one wins N times is a prize, not a name Lede highlights. */
function afterTimes(tokens: Token[], first: number): boolean {
  const prev = tokens[first - 1];
  return !!prev && prev.breakBefore === 0 && tokens[first]!.breakBefore === 0 && /^[\p{L}\d]+-times?$/iu.test(prev.text);
}

/** Nouns for a company that a place name may modify: "the Burbank-style X giant". */
const COMPANY_NOUNS = new Set(['giant', 'company', 'firm', 'maker', 'startup', 'retailer', 'conglomerate', 'chain', 'manufacturer']);

/** "the X entertainment giant", "the X software company": a lone word there is the company's home town. */
function homeOfCompany(tokens: Token[], c: Candidate): boolean {
  if (lowerAt(tokens, c.first - 1) !== 'the') return false;
  for (let i = c.last + 1; i <= c.last + 3; i++) {
    const w = lowerAt(tokens, i);
    if (w === null) return false;
    if (COMPANY_NOUNS.has(w)) return i > c.last + 1;
  }
  return false;
}

/** "AMAs", "VMAs": an acronym in the plural names an event or prize series, never one body. */
/** Head nouns of an appositive that says a name is a body: "X, a rights group", "X, the Ohio company". */
const ORG_APPOSITIVE_HEADS = new Set([
  'organization', 'organisation', 'group', 'party', 'company', 'firm', 'agency', 'militia', 'movement', 'network',
  'coalition', 'charity', 'nonprofit', 'non-profit', 'startup', 'start-up', 'bank', 'newspaper', 'magazine', 'broadcaster',
  'publisher', 'retailer', 'airline', 'carrier', 'manufacturer', 'automaker', 'conglomerate', 'consultancy', 'insurer',
  'lender', 'university', 'foundation', 'institute', 'think', 'tank', 'outlet', 'website', 'union', 'subsidiary', 'regulator',
]);

/** Words an appositive may hold before its head: "an al-Qaeda-linked", "a London-based rights", "the Ohio". */
const MAX_APPOSITIVE_WORDS = 5;

/** ", a/an/the … group": an appositive right after the name whose head noun is a body's. */
function orgAppositive(tokens: Token[], last: number): boolean {
  if (tokens[last + 1]?.text !== ',' || !/^(?:a|an|the)$/.test(lowerAt(tokens, last + 2) ?? '')) return false;
  for (let k = last + 3; k < tokens.length && k <= last + 2 + MAX_APPOSITIVE_WORDS; k++) {
    const t = tokens[k]!;
    if (t.breakBefore > 0 || t.text === ',' || t.text === '.' || t.text === '—' || t.text === ';') return false;
    if (t.isWord && ORG_APPOSITIVE_HEADS.has(t.lower)) {
      // The head ends the phrase: "a group of", "a company spokesman" name a person's affiliation.
      const next = tokens[k + 1];
      return !next || !next.isWord || next.isCap || /^(?:that|which|whose|based|founded|linked|in|with|from|run|led|known)$/.test(next.lower);
    }
    // "a former X official", "the son of": people's appositives run through these.
    if (t.isWord && /^(?:of|who|whose|for|at)$/.test(t.lower)) return false;
  }
  return false;
}

/** The candidate ends a longer capitalised name it was cut from: "Alliance for American [Manufacturing]". */
function tailOfLongerName(tokens: Token[], first: number): boolean {
  const prev = tokens[first - 1];
  if (!prev || tokens[first]!.breakBefore > 0) return false;
  if (prev.isWord && prev.isCap && !prev.sentenceStart) return true;
  const before = tokens[first - 2];
  return /^(?:of|for|and|&)$/.test(prev.text) && !!before && before.isCap && !before.isAllCaps;
}

/** "Osama bin Laden", "Mohammed bin Salman": capitalised names joined by a lower-case patronymic particle. */
function arabicPatronymic(tokens: Token[], c: Candidate): boolean {
  for (let i = c.first + 1; i < c.last; i++) {
    const t = tokens[i]!;
    if (/^(?:bin|ibn|bint)$/.test(t.text) && tokens[i - 1]!.isCap && tokens[i + 1]!.isCap) return true;
  }
  return false;
}

/** A win-loss record or a score: "4-0", "70-44", "112-107". */
const RECORD = /^\d{1,3}-\d{1,3}$/;

/**
 * A team on a results line: its records in brackets after it ("Viera (4-0):", "the Wildcats (2-8, 0-7)"),
 * or either side of "d." ("Palm Bay d. Rockledge 70-44"). Teams are organisations; a pitcher's one
 * record in running text ("Pettite (19-7) allowed two runs") is not a team's.
 */
function teamOnResultsLine(tokens: Token[], c: Candidate): boolean {
  const after = tokens[c.last + 1];
  if (after?.text === '(' && after.breakBefore === 0 && RECORD.test(tokens[c.last + 2]?.text ?? '')) {
    // A season and a conference record, or a results line's "(4-0):"; a pitcher's "(7-5)" alone is no team's.
    const next = tokens[c.last + 3]?.text;
    if ((next === ',' && RECORD.test(tokens[c.last + 4]?.text ?? '')) || (next === ')' && tokens[c.last + 4]?.text === ':')) return true;
  }
  // "X d. Y 70-44": "d" glued to its period between two names.
  if (after?.text === 'd' && tokens[c.last + 2]?.text === '.' && tokens[c.last + 3]?.isCap === true) return true;
  const before = tokens[c.first - 1];
  return before?.text === '.' && tokens[c.first - 2]?.text === 'd' && tokens[c.first - 2]!.end === before.start && RECORD.test(tokens[c.last + 1]?.text ?? '');
}

export function isPluralAcronym(word: string): boolean {
  return /^\p{Lu}{2,}s$/u.test(word);
}

export function typeByContext(tokens: Token[], found: Candidate[]): Candidate[] {
  const candidates = typeByList(tokens, withSpans(tokens, withSpans(tokens, found, addressVenues(tokens), 'place', Strength.Context), [...joinedNames(tokens), ...siteNames(tokens), ...formalOrgNames(tokens).filter((span) => !cutsLonger(found, span))], 'organization', Strength.Strong));
  // Surnames of people the article names in full: "told Johnston" is a person, whoever else is told.
  const surnames = new Set<string>();
  for (const c of candidates) {
    if (c.last > c.first && (c.type === 'person' || (c.type === null && isFirstName(tokens[c.first]!.text)))) surnames.add(tokens[c.last]!.text);
  }
  // Names the article itself makes people somewhere ("president X", "Mr. X").
  const personTexts = new Set<string>();
  for (const c of candidates) if (c.type === 'person' && (c.strength >= Strength.Strong || c.honorific)) personTexts.add(c.text);
  const namedPerson = (c: Candidate): boolean =>
    c.honorific || personTexts.has(c.text) || gazetteerType(c.text) === 'PER' || isFirstName(tokens[c.first]!.text);
  const personLike = (c: Candidate): boolean => namedPerson(c) || (c.first === c.last && surnames.has(c.text));
  // What the name itself says, without the rules' guesses from its spelling ("Ansar al-Sharia").
  const givenOrListedPerson = (c: Candidate): boolean =>
    gazetteerType(c.text) === 'PER' || isFirstName(tokens[c.first]!.text) || (c.first === c.last && surnames.has(c.text));
  // Last words of longer names no rule could type ("Marta Quillon"): a lone mention may be that person's surname.
  const untypedEnds = new Set<string>();
  for (const c of candidates) if (c.last > c.first && c.type === null) untypedEnds.add(tokens[c.last]!.text);
  const placeKnown = (c: Candidate): boolean => isWorldPlace(c.text) || gazetteerType(c.text) === 'LOC' || isStateName(c.text);

  // "the Doobies" for "The Doobie Brothers": the plural of an organisation's first word is its short name.
  const orgOpeners = new Set<string>();
  for (const c of candidates) {
    if (c.type !== 'organization' || c.last === c.first) continue;
    const opener = tokens[c.first]!.text === 'The' ? c.first + 1 : c.first;
    if (opener < c.last) orgOpeners.add(tokens[opener]!.text);
  }
  const seen = new Map<string, number>();
  for (const c of candidates) seen.set(c.text, (seen.get(c.text) ?? 0) + 1);
  // What one sentence says of a name holds for the article: its other mentions follow.
  const said = new Map<string, EntityType>();
  const eventNames = eventOnlyNames(tokens, candidates);
  const things = thingNames(tokens, candidates, personLike);
  const typedTexts = new Set<string>();
  for (const c of candidates) if (c.type === 'place' || c.type === 'person') typedTexts.add(c.text);
  const out: Candidate[] = [];
  let platformList = false;
  // A list after "rent on", "available on": shops and services, even those named like minor places ("Amazon").
  let shopList = false;
  let prevEnd = -1;
  for (const c of candidates) {
    if ((c.first === c.last && isPluralAcronym(tokens[c.first]!.text)) || eventNames.has(c.text) || things.has(c.text) || afterTimes(tokens, c.first) || holidayWord(tokens, c, personLike)) continue;
    // A list continues over ", " and "and": "on Instagram, Facebook, Twitter and YouTube".
    const continuesList: boolean = platformList && c.first > prevEnd + 1 && tokens.slice(prevEnd + 1, c.first).every((t) => t.breakBefore === 0 && (t.text === ',' || t.text === 'and'));
    platformList = continuesList || (tokens[c.first]!.breakBefore === 0 && platformListStart(tokens, c.first - 1));
    shopList = platformList && (continuesList ? shopList : SHOP_ON_VERBS.has(tokens[c.first - 2]?.lower ?? ''));
    prevEnd = c.last;
    let type = c.type;
    let strength = c.strength;
    if ((outletCue(tokens, c.first) || platformList || platformThing(tokens, c) || commentRequestOf(tokens, c.last)) && !personLike(c) && (!placeKnown(c) || (shopList && minorKnownPlace(tokens, c)))) {
      type = 'organization';
      strength = Strength.Context;
      said.set(c.text, 'organization');
    } else if (c.first === c.last && !c.honorific && c.text.endsWith('s') && orgOpeners.has(c.text.slice(0, -1))) {
      type = 'organization';
      strength = Strength.Context;
    } else if (
      (c.type !== 'organization' && (c.type !== null || typedTexts.has(c.text)) && brandThingAfter(tokens, c.last) && !placeKnown(c) && !personLike(c) && !(c.type === 'person' && c.strength >= Strength.Strong)) ||
      shopOfKnownPlace(tokens, c) ||
      (c.type === 'person' && c.first === c.last && c.strength <= Strength.Medium && !c.honorific && !personLike(c) && !untypedEnds.has(c.text) && shopVerbAfter(tokens, c.last))
    ) {
      // "the Zentro browser", "Hollo's app", "Marketon offers …": a brand, not a place or person.
      type = 'organization';
      strength = Strength.Context;
      said.set(c.text, 'organization');
    } else if (affiliationOf(tokens, c) || (c.type === 'person' && !personLike(c) && !placeKnown(c) && whichAfter(tokens, c.last))) {
      type = 'organization';
      strength = Strength.Context;
      said.set(c.text, 'organization');
    } else if (c.type !== 'person' && !c.honorific && c.last > c.first && arabicPatronymic(tokens, c)) {
      // "Osama bin Laden": a given name, "bin" and a family name make a person, whatever the tagger said.
      type = 'person';
      strength = Strength.Strong;
      said.set(c.text, 'person');
    } else if (c.type !== 'organization' && !c.honorific && !givenOrListedPerson(c) && !placeKnown(c) && !(c.type === 'person' && c.strength >= Strength.Context) && orgAppositive(tokens, c.last) && !tailOfLongerName(tokens, c.first)) {
      // "X, an al-Qaeda-linked organization", "X, a London-based rights group": the article says what it is.
      type = 'organization';
      strength = Strength.Context;
      said.set(c.text, 'organization');
    } else if (c.type !== 'organization' && !c.honorific && !personLike(c) && !placeKnown(c) && !(c.type === 'person' && c.strength >= Strength.Context) && teamOnResultsLine(tokens, c)) {
      type = 'organization';
      strength = Strength.Context;
      said.set(c.text, 'organization');
    } else if (c.type === 'person' && c.last > c.first && !c.honorific && tokens[c.first]!.text === 'The' && c.strength < Strength.Strong) {
      // "told The Hill", "The Verge's request": a person's name never opens with "The"; an outlet's or a band's does.
      type = 'organization';
      strength = Strength.Context;
      said.set(c.text, 'organization');
    } else if (c.type === 'person' && c.first === c.last && c.strength <= Strength.Medium && !c.honorific && isBrandCased(c.text) && !personLike(c)) {
      // "SoFi", "WeWork": a lone word with an inner capital the lists don't know as a person is a brand.
      type = 'organization';
      strength = Strength.Strong;
      said.set(c.text, 'organization');
    } else if (c.type !== 'organization' && c.strength < Strength.Context && !c.ordinary && !personLike(c) && !untypedEnds.has(c.text) && !placeKnown(c) && (orgCueAround(tokens, c.first, c.last) || (c.type === null && c.first === c.last && afterAccordingTo(tokens, c.first)))) {
      // "shares of X", "X filings", "X said in a statement": words news writes around companies and bodies.
      type = 'organization';
      strength = Strength.Strong;
      said.set(c.text, 'organization');
    } else if (seen.get(c.text) === 1 && c.first === c.last && gazetteerType(c.text) !== 'ORG' && !namedPerson(c) && homeOfCompany(tokens, c)) {
      type = 'place';
      strength = Strength.Context;
    } else if (c.type !== 'organization' && (c.type !== null || !tokens[c.first]!.sentenceStart) && !c.honorific && !(c.type === 'person' && c.strength >= Strength.Context) && townServiceAfter(tokens, c.last)) {
      type = 'place';
      strength = Strength.Context;
      said.set(c.text, 'place');
    }
    out.push(type === c.type && strength === c.strength ? c : { ...c, type, strength });
  }
  orgsInLists(tokens, out, personLike, said);
  if (said.size === 0) return out;
  return out.map((c) => {
    const type = said.get(c.text);
    return type && c.type !== type && !c.honorific ? { ...c, type, strength: Strength.Context } : c;
  });
}

/**
 * "Walmart, Kroger and Costco": in a list of three or more with an organisation the article or the lists
 * know, lone words only the tagger called people (and nothing on the page makes people) are organisations too.
 */
function orgsInLists(tokens: Token[], out: Candidate[], personLike: (c: Candidate) => boolean, said: Map<string, EntityType>): void {
  let start = 0;
  while (start < out.length) {
    let end = start;
    while (end + 1 < out.length && coordinated(tokens, out[end]!, out[end + 1]!)) end++;
    const group = out.slice(start, end + 1);
    const sureOrg = group.some((c) => c.type === 'organization' && c.strength >= Strength.Strong);
    const unsurePerson = (c: Candidate): boolean => c.type === 'person' && c.first === c.last && c.strength <= Strength.Medium && !c.honorific && !personLike(c);
    // Three names at least: "Rudolph and Garrett" pairs people as often as companies.
    if (end - start >= 2 && sureOrg && group.every((c) => c.type !== 'person' || unsurePerson(c))) {
      for (let k = start; k <= end; k++) {
        const c = out[k]!;
        if (!unsurePerson(c)) continue;
        out[k] = { ...c, type: 'organization', strength: Strength.Medium };
        said.set(c.text, 'organization');
      }
    }
    start = end + 1;
  }
}

/** A formal name that would cut a longer name the rules or the tagger read ("Center for Food" of "… and Allergy Research"). */
function cutsLonger(found: Candidate[], [first, last]: [number, number]): boolean {
  return found.some((c) => c.first <= last && c.last >= first && (c.first < first || c.last > last));
}

/** Spans read as a whole replace whatever the rules and tagger made of their words. */
function withSpans(tokens: Token[], found: Candidate[], all: Array<[number, number]>, type: EntityType, strength: Strength): Candidate[] {
  const spans = all.filter(([first, last]) => {
    const text = joinWords(tokens, first, last);
    // A known place ("Chicago, Tinley Park, IL") or a person ("Jane Roe, Austin, Texas") stays as it is.
    return !isWorldPlace(text) && !gazetteerType(text) && !isFirstName(tokens[first]!.text);
  });
  if (spans.length === 0) return found;
  const covered = new Uint8Array(tokens.length);
  for (const [first, last] of spans) covered.fill(1, first, last + 1);
  const inSpan = (c: Candidate): boolean => {
    for (let i = c.first; i <= c.last; i++) if (covered[i]) return true;
    return false;
  };
  const added: Candidate[] = spans.map(([first, last]) => ({
    first,
    last,
    start: tokens[first]!.start,
    end: tokens[last]!.end,
    text: writtenText(tokens, first, last),
    type,
    strength,
    honorific: false,
    ordinary: false,
  }));
  return [...found.filter((c) => !inSpan(c)), ...added].sort((a, b) => a.start - b.start);
}

/** The words as written: a space only where the text has one ("BB&T Pavilion"). */
function writtenText(tokens: Token[], first: number, last: number): string {
  let out = tokens[first]!.text;
  for (let i = first + 1; i <= last; i++) out += (tokens[i]!.start > tokens[i - 1]!.end ? ' ' : '') + tokens[i]!.text;
  return out;
}

/** Only separators between two candidates: ", ", "and", ", and". */
function coordinated(tokens: Token[], a: Candidate, b: Candidate): boolean {
  if (b.first <= a.last + 1) return false;
  for (let i = a.last + 1; i < b.first; i++) {
    const t = tokens[i]!;
    if (t.breakBefore > 0 || (t.text !== ',' && t.text !== 'and')) return false;
  }
  return tokens[b.first]!.breakBefore === 0;
}

/**
 * "the likes of Jane Roe, Demi Vantor and Ari Grell": a name the rules could not type, in a list
 * whose typed names all share one type, has that type too. A single word joins only a list of
 * organisations or places ("Marvel Entertainment, Quillfilm and BamTech"); people's lone words
 * are too often something else.
 */
function typeByList(tokens: Token[], candidates: Candidate[]): Candidate[] {
  const out = [...candidates];
  let start = 0;
  while (start < out.length) {
    let end = start;
    while (end + 1 < out.length && coordinated(tokens, out[end]!, out[end + 1]!)) end++;
    if (end > start) {
      const group = out.slice(start, end + 1);
      const typedMembers = group.filter((c) => c.type !== null);
      const types = new Set(typedMembers.map((c) => c.type));
      const [type] = [...types];
      // People pair up ("Jane Roe and John Doe"); places and organisations need a longer list with
      // two typed names: "between Tuzla and X", "Portugal and X I" say too little.
      // People need one the lists or the article itself makes a person ("Kim Roe" by her given name).
      const enough = type === 'person' ? typedMembers.some((c) => c.strength >= Strength.Strong) : group.length >= 3 && typedMembers.length >= 2;
      if (types.size === 1 && type && enough && typedMembers.some((c) => c.strength >= Strength.Medium)) {
        for (let k = start; k <= end; k++) {
          const c = out[k]!;
          if (c.type !== null || c.ordinary || !listable(tokens, c, type)) continue;
          out[k] = { ...c, type, strength: Strength.Medium };
        }
      }
    }
    start = end + 1;
  }
  return out;
}

function listable(tokens: Token[], c: Candidate, type: string): boolean {
  const first = tokens[c.first]!;
  if (first.isAllCaps || first.sentenceStart || isVocabularyWord(first.lower)) return false;
  // A piece of a compound: "Ontario-based".
  if (tokens[c.last + 1]?.text === '-' && tokens[c.last + 1]!.start === tokens[c.last]!.end) return false;
  // People's names are two words or more, none brand-cased ("CarPlay").
  if (type !== 'person') return true;
  if (c.last === c.first) return false;
  for (let i = c.first; i <= c.last; i++) if (/\p{Ll}\p{Lu}/u.test(tokens[i]!.text)) return false;
  return true;
}

/**
 * "Customs and Border Protection", "Securities and Exchange Commission": mid-sentence, a
 * capitalised common noun (no name on its own), "and", then two to four capitalised words make one
 * organisation's name. Titles stay apart ("Health and Human Services Secretary Jane Roe").
 */
function joinedNames(tokens: Token[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const joined = new Uint8Array(tokens.length);
  // "the Rock & Roll Hall of Fame", "the Pro Football Hall of Fame": the institution, not a building.
  for (let fame = 3; fame < tokens.length; fame++) {
    if (tokens[fame]!.text !== 'Fame' || tokens[fame - 1]!.text !== 'of' || tokens[fame - 2]!.text !== 'Hall') continue;
    let first = fame - 2;
    while (first > 0 && tokens[first]!.breakBefore === 0 && (capWord(tokens, first - 1) || ((tokens[first - 1]!.text === '&' || tokens[first - 1]!.text === 'and') && capWord(tokens, first - 2)))) first--;
    while (first < fame - 2 && !tokens[first]!.isCap) first++;
    if (first < fame - 2) {
      out.push([first, fame]);
      joined.fill(1, first, fame + 1);
    }
  }
  for (let and = 1; and + 2 < tokens.length; and++) {
    if (tokens[and]!.text !== 'and' || tokens[and]!.breakBefore > 0) continue;
    const first = and - 1;
    if (!commonCap(tokens, first) || tokens[first]!.sentenceStart || joined[first]) continue;
    // The common noun opens the run: after a name ("Kansai Electric Power and …") it is a list of two.
    // So does a connector after a name ("Office on Drugs and Crime"), and a brand ("iPad Pro and …").
    const before = tokens[first - 1];
    const joinedBefore = !!before && tokens[first]!.breakBefore === 0 && before.isWord;
    if (joinedBefore && (/\p{Lu}/u.test(before.text) || CONNECTORS_BEFORE.has(before.text))) continue;
    // "has my Complete and Total Support": no one owns an organisation that way.
    if (joinedBefore && POSSESSIVES.has(before.text)) continue;
    let last = and;
    while (last + 1 < tokens.length && last - and < 4 && capWord(tokens, last + 1)) last++;
    if (last - and < 2 || TITLE_HEADS.has(tokens[last]!.text) || (tokens[last + 1] && capWord(tokens, last + 1))) continue;
    // Street corners: "25th Street and Gladstone Avenue".
    if (isVenueHead(tokens[last]!.text) || STREET_WORDS.has(tokens[first]!.text)) continue;
    // "Acme and Elon Musk": a person's name on the right makes two names.
    if (gazetteerType(tokens[last]!.text) === 'PER' || gazetteerType(joinWords(tokens, and + 1, last)) === 'PER') continue;
    if (TITLE_HEADS.has(tokens[last + 1]?.text ?? '')) continue;
    out.push([first, last]);
    and = last;
  }
  return out;
}

const CONNECTORS_BEFORE = new Set(['of', 'on', 'for', '&']);

const STREET_WORDS = new Set(['Street', 'Road', 'Drive', 'Lane', 'Avenue', 'Boulevard', 'Highway', 'Way', 'Place']);

const POSSESSIVES = new Set(['my', 'your', 'his', 'her', 'our', 'their']);

/** A capitalised word on the line that is an ordinary noun: "Customs", "Securities", "Food". */
function commonCap(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  return !!t && i >= 0 && capWord(tokens, i) && !t.isAllCaps && isVocabularyWord(t.lower) && !gazetteerType(t.text) && !isWorldPlace(t.text);
}

function capWord(tokens: Token[], i: number): boolean {
  const t = tokens[i]!;
  return t.isWord && t.isCap && t.breakBefore === 0 && !isFirstName(t.text);
}

/**
 * "Acme Tickets … at AcmeTickets.com": capitalised words the page also writes as a web address
 * ("Name.com") are the name of the organisation behind it.
 */
function siteNames(tokens: Token[]): Array<[number, number]> {
  const stems = new Set<string>();
  for (const t of tokens) {
    if (t.text.length < 6 || !t.text.includes('.')) continue; // "Ab.com" at the shortest
    const m = /^(\p{Lu}[\p{L}\d]+)\.(?:com|org|net)\.?$/u.exec(t.text);
    if (m && /\p{Ll}\p{Lu}/u.test(m[1]!)) stems.add(m[1]!.toLowerCase());
  }
  const out: Array<[number, number]> = [];
  if (stems.size === 0) return out;
  for (let first = 0; first < tokens.length; first++) {
    if (!capWord(tokens, first) && !(tokens[first]!.isWord && tokens[first]!.isCap && tokens[first]!.breakBefore > 0)) continue;
    let joined = tokens[first]!.text;
    for (let last = first + 1; last < Math.min(tokens.length, first + 4); last++) {
      if (!capWord(tokens, last)) break;
      joined += tokens[last]!.text;
      if (stems.has(joined.toLowerCase())) out.push([first, last]);
    }
  }
  return out;
}
