// What the library page shows: every note joined to its article's stored analysis (title, site,
// when read, who and where it mentions), and every attributed quote grouped by speaker across
// articles. The page gets the rows from the background (lib/protocol/library-ports.ts) and joins
// them here (libraryDataOf); loadLibraryData reads them from Dexie, for the background and tests.

import type { Annotation } from '../notes/annotation';
import type { QuoteKind } from '../analysis/types';
import type { ArticleRow, LedeDB } from '../background/db';
import type { LibraryItem } from './library-index';
import { runSteps, type Slicer, type Steps } from '../exchange/steps';
import { normalizeSourceUrl } from '../notes/source-url';

/** Entity types the library's "mentions" filter offers: a person, place or organisation. */
const FILTERABLE_ENTITY_TYPES = new Set(['person', 'place', 'organization']);

/** Articles keyed the way notes are (normalised URL), under every address they were read at; the most recently read wins a tie. */
export function articlesBySource(articles: ArticleRow[]): Map<string, ArticleRow> {
  const bySource = new Map<string, ArticleRow>();
  for (const article of articles) {
    for (const key of new Set([normalizeSourceUrl(article.url), ...(article.aliases ?? [])])) {
      const known = bySource.get(key);
      if (!known || known.seenAt < article.seenAt) bySource.set(key, article);
    }
  }
  return bySource;
}

/** Each note with its article's details; a note whose article has no stored analysis keeps its own page title and site. */
export function joinNotesToArticles(annotations: Annotation[], articles: ArticleRow[]): LibraryItem[] {
  return runSteps(joinNotesToArticlesSteps(annotations, articles));
}

/** joinNotesToArticles as steps (yields notes joined so far). */
export function* joinNotesToArticlesSteps(annotations: Annotation[], articles: ArticleRow[]): Steps<LibraryItem[]> {
  const bySource = articlesBySource(articles);
  // Once per article, not per note: a library has many notes per article.
  const entitiesOf = new Map<ArticleRow, string[]>();
  for (const article of bySource.values()) {
    entitiesOf.set(article, [...new Set(article.entities.filter((e) => FILTERABLE_ENTITY_TYPES.has(e.type)).map((e) => e.name))]);
  }
  const items: LibraryItem[] = new Array(annotations.length);
  for (let i = 0; i < annotations.length; i += 1) {
    const annotation = annotations[i]!;
    const source = annotation.target.source;
    const article = bySource.get(source);
    items[i] = {
      annotation,
      source,
      articleTitle: article?.title || annotation.page.title || source,
      site: article?.site || annotation.page.site,
      readAt: article?.seenAt ?? null,
      // Shared by the article's notes: nothing changes an item's entities.
      entities: article ? entitiesOf.get(article)! : [],
    };
    yield i;
  }
  return items;
}

/** One quote with the article it appeared in. */
export interface SpeakerQuote {
  text: string;
  kind: QuoteKind;
  url: string;
  title: string;
  site: string;
  seenAt: number;
}

export interface SpeakerQuotes {
  speaker: string;
  quotes: SpeakerQuote[];
  /** How many different articles quote them. */
  articleCount: number;
}

/** Attributed quotes across all stored analyses, by speaker, most-quoted first; each speaker's quotes newest article first. */
export function quotesBySpeaker(articles: ArticleRow[]): SpeakerQuotes[] {
  const bySpeaker = new Map<string, SpeakerQuote[]>();
  for (const article of articles) {
    for (const quote of article.quotes) {
      if (!quote.speaker) continue;
      const list = bySpeaker.get(quote.speaker) ?? [];
      list.push({ text: quote.text, kind: quote.kind, url: article.url, title: article.title, site: article.site, seenAt: article.seenAt });
      bySpeaker.set(quote.speaker, list);
    }
  }
  return [...bySpeaker]
    .map(([speaker, quotes]) => ({
      speaker,
      quotes: quotes.sort((a, b) => b.seenAt - a.seenAt),
      articleCount: new Set(quotes.map((q) => q.url)).size,
    }))
    .sort((a, b) => b.quotes.length - a.quotes.length || a.speaker.localeCompare(b.speaker));
}

export interface LibraryData {
  annotations: Annotation[];
  articles: ArticleRow[];
  items: LibraryItem[];
  speakers: SpeakerQuotes[];
}

/** Notes read per request: each page is decoded in its own short task, never 100,000 at once. */
export const LOAD_PAGE_SIZE = 2_000;

/** Everything the library page needs, in one read transaction so notes and articles agree. */
export async function loadLibraryData(db: LedeDB, slicer?: Slicer): Promise<LibraryData> {
  const [annotations, articles] = await db.transaction('r', db.annotations, db.articles, () =>
    Promise.all([allAnnotations(db), db.articles.toArray()]),
  );
  return libraryDataOf(annotations, articles, slicer);
}

/** The library's view of these notes and articles. */
export async function libraryDataOf(annotations: Annotation[], articles: ArticleRow[], slicer?: Slicer): Promise<LibraryData> {
  // With a slicer (the page), the join hands the thread back now and then: 100,000 notes take a while.
  const items = slicer ? await slicer.run(joinNotesToArticlesSteps(annotations, articles)) : joinNotesToArticles(annotations, articles);
  return { annotations, articles, items, speakers: quotesBySpeaker(articles) };
}

/** Every note in id order (as toArray), a page at a time. */
async function allAnnotations(db: LedeDB): Promise<Annotation[]> {
  const all: Annotation[] = [];
  let page = await db.annotations.orderBy(':id').limit(LOAD_PAGE_SIZE).toArray();
  for (;;) {
    for (const note of page) all.push(note);
    if (page.length < LOAD_PAGE_SIZE) return all;
    page = await db.annotations.where(':id').above(page.at(-1)!.id).limit(LOAD_PAGE_SIZE).toArray();
  }
}
