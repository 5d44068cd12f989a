// A realistic, seeded library for the library bench: ~300 analysed articles (title, site, people,
// places, organisations, attributed quotes) and 10,000 notes on them — Unicode and emoji,
// right-to-left words, quotes of 20–400 characters, notes of 0–2,000 characters, 0–8 tags,
// all five colours. The same seed gives the same library every run.
import type { EntitySummary, QuoteSummary } from '../../lib/cards/article-summary';
import { HIGHLIGHT_COLORS, ANNOTATION_SCHEMA_VERSION, type Annotation } from '../../lib/notes/annotation';
import type { ArticleRow } from '../../lib/background/db';
import { seededRng, type Rng } from './anchoring-prng';

export interface LibraryCorpus {
  annotations: Annotation[];
  articles: ArticleRow[];
}

export const PEOPLE = [
  'Michael McFaul', 'John Kerry', 'Angela Merkel', 'Barack Obama', 'Stephen Sestanovich', 'Vladimir Putin',
  'Emmanuel Macron', 'Jacinda Ardern', 'Olaf Scholz', 'Ursula von der Leyen', 'Narendra Modi', 'Luiz Inácio Lula da Silva',
  'Recep Tayyip Erdoğan', 'Volodymyr Zelensky', 'Xi Jinping', 'Fumio Kishida', 'Cyril Ramaphosa', 'Justin Trudeau',
  'Antony Blinken', 'Kamala Harris', 'Rishi Sunak', 'Keir Starmer', 'Pedro Sánchez', 'Giorgia Meloni',
];
export const PLACES = [
  'Moscow', 'Washington', 'Berlin', 'Kyiv', 'Paris', 'London', 'Beijing', 'Tokyo', 'New Delhi', 'Brasília',
  'Ankara', 'Pretoria', 'Ottawa', 'Madrid', 'Rome', 'Tehran', 'Jerusalem', 'Cairo', 'Nairobi', 'Canberra',
];
const ORGANIZATIONS = ['NATO', 'the United Nations', 'the European Union', 'the State Department', 'the Kremlin', 'the IMF', 'the World Bank', 'Reuters'];
const SITES = ['www.bbc.co.uk', 'www.nytimes.com', 'www.theguardian.com', 'www.reuters.com', 'apnews.com', 'www.aljazeera.com', 'www.lemonde.fr', 'www.spiegel.de', 'elpais.com', 'www.washingtonpost.com', 'www.ft.com', 'www.npr.org'];
const TOPICS = ['sanctions', 'elections', 'climate', 'trade', 'ceasefire', 'inflation', 'summit', 'energy', 'migration', 'budget', 'courts', 'vaccines'];
export const TAGS = [
  'russia', 'diplomacy', 'follow-up', 'quote', 'economy', 'to-read', 'europe', 'asia', 'climate', 'energy', 'elections',
  'sources', 'context', 'fact-check', 'background', 'interview', 'data', 'opinion', 'timeline', 'history',
  'évaluation', '東京', 'اقتباس', '🔥', 'kerry-watch', 'europe-angle', 'long-read', 'policy', 'profile', 'numbers',
];
/** Words notes and passages are made of: plain English with accents, CJK, Arabic, Hebrew and emoji mixed in. */
const WORDS = (
  'the minister said that talks would continue next week despite deep skepticism among officials ' +
  'analysts expect a slower recovery while the central bank weighs another rate rise after months of pressure ' +
  'negotiators met behind closed doors in a hotel near the border and agreed to exchange prisoners ' +
  'protesters gathered outside parliament demanding new elections and an end to the emergency decree ' +
  'café naïve résumé façade Zürich São Paulo Kraków Ærø ' +
  '東京 会談 合意 经济 政策 مفاوضات السلام وزير שלום ממשלה 🙂 🔥 📈 🇺🇦 — – … ' +
  'reportedly allegedly crucially however meanwhile nonetheless'
).split(' ');

const pad = (n: number): string => String(n).padStart(2, '0');

function words(rng: Rng, minChars: number, maxChars: number): string {
  const target = rng.int(minChars, maxChars);
  let out = '';
  while (out.length < target) out += (out ? ' ' : '') + rng.pick(WORDS);
  return out.slice(0, target).trimEnd() || rng.pick(WORDS);
}

/** A note body: empty for about a fifth (bare highlights), else 1–2,000 characters with some lines, quotation marks and commas. */
function noteBody(rng: Rng): string {
  if (rng.chance(0.2)) return '';
  const long = rng.chance(0.05);
  const text = words(rng, 1, long ? 2_000 : 300);
  if (rng.chance(0.3)) return `${text}\n\n“${rng.pick(PEOPLE)}”, said: "${rng.pick(WORDS)}", again`;
  return text;
}

function uuid(rng: Rng): string {
  const hex = (n: number): string => Array.from({ length: n }, () => rng.int(0, 15).toString(16)).join('');
  return `urn:uuid:${hex(8)}-${hex(4)}-4${hex(3)}-${rng.pick(['8', '9', 'a', 'b'])}${hex(3)}-${hex(12)}`;
}

function isoDay(day: number, rng: Rng): string {
  const date = new Date(Date.UTC(2025, 0, 1) + day * 86_400_000 + rng.int(0, 86_399) * 1000);
  return date.toISOString();
}

function article(rng: Rng, index: number): ArticleRow {
  const site = rng.pick(SITES);
  const people = [...new Set(Array.from({ length: rng.int(1, 6) }, () => rng.pick(PEOPLE)))];
  const places = [...new Set(Array.from({ length: rng.int(1, 4) }, () => rng.pick(PLACES)))];
  const orgs = [...new Set(Array.from({ length: rng.int(0, 3) }, () => rng.pick(ORGANIZATIONS)))];
  const entities: EntitySummary[] = [
    ...people.map((name): EntitySummary => ({ type: 'person', name, mentions: rng.int(1, 12), ...(rng.chance(0.5) ? { role: 'minister' } : {}) })),
    ...places.map((name): EntitySummary => ({ type: 'place', name, mentions: rng.int(1, 6) })),
    ...orgs.map((name): EntitySummary => ({ type: 'organization', name, mentions: rng.int(1, 4) })),
  ];
  const quotes: QuoteSummary[] = Array.from({ length: rng.int(0, 6) }, () => ({
    text: words(rng, 30, 240),
    kind: 'direct',
    speaker: rng.chance(0.85) ? rng.pick(people) : null,
  }));
  const topic = rng.pick(TOPICS);
  const slug = `${topic}-${index}`;
  return {
    url: `https://${site}/news/2025/${pad(rng.int(1, 12))}/${slug}`,
    title: `${rng.pick(people)} in ${rng.pick(places)}: ${topic} talks, day ${index} — ${rng.pick(['analysis', 'live', 'explainer', 'report'])}`,
    site,
    seenAt: Date.UTC(2025, 0, 1) + index * 86_400_000,
    entities,
    quotes,
    entityNames: entities.map((e) => e.name),
  };
}

function annotation(rng: Rng, on: ArticleRow, day: number): Annotation {
  const exact = words(rng, 20, 400);
  const start = rng.int(0, 40_000);
  const body = noteBody(rng);
  const tags = [...new Set(Array.from({ length: rng.int(0, 8) }, () => rng.pick(TAGS)))];
  const created = isoDay(day, rng);
  return {
    id: uuid(rng),
    type: 'Annotation',
    schemaVersion: ANNOTATION_SCHEMA_VERSION,
    motivation: body ? 'commenting' : 'highlighting',
    created,
    modified: rng.chance(0.3) ? isoDay(day + rng.int(0, 30), rng) : created,
    target: {
      source: on.url,
      selector: [
        { type: 'TextQuoteSelector', exact, prefix: words(rng, 0, 32), suffix: words(rng, 0, 32) },
        { type: 'TextPositionSelector', start, end: start + exact.length },
      ],
    },
    body,
    tags,
    color: rng.pick(HIGHLIGHT_COLORS),
    page: { title: on.title, site: on.site },
  };
}

export function libraryCorpus(options: { notes?: number; articles?: number; seed?: number } = {}): LibraryCorpus {
  const notes = options.notes ?? 10_000;
  const count = options.articles ?? 300;
  const rng = seededRng(options.seed ?? 0x11b7a7e);
  const articles = Array.from({ length: count }, (_, i) => article(rng, i));
  const annotations = Array.from({ length: notes }, () => {
    const index = rng.int(0, count - 1);
    return annotation(rng, articles[index]!, index);
  });
  return { annotations, articles };
}
