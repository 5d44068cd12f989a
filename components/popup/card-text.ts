// The words a card shows, kept apart from the components so they can be tested on their own.

import type { EntityType } from '@/lib/analysis/types';
import type { HistoryArticle } from '@/lib/protocol/messages';
import type { PlaceFacts } from '@/lib/cards/place-facts';

export const TYPE_LABELS: Readonly<Record<EntityType, string>> = {
  person: 'Person',
  place: 'Place',
  organization: 'Organisation',
};

export function plural(count: number, one: string, many: string = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

export function mentionsLabel(count: number): string {
  return plural(count, 'mention');
}

/** "Also in 1 article you’ve read" / "Also in 3 articles you’ve read". */
export function historyHeading(total: number): string {
  return `Also in ${plural(total, 'article')} you’ve read`;
}

/** A site as readers name it: the host without "www.". */
export function siteLabel(site: string): string {
  return site.replace(/^www\./i, '');
}

/** "3 March", with the year when it is not this year. */
export function shortDate(ms: number, now: number = Date.now(), locale?: string): string {
  const date = new Date(ms);
  const sameYear = date.getFullYear() === new Date(now).getFullYear();
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', ...(sameYear ? {} : { year: 'numeric' }) }).format(date);
}

/** "a" or "an", by the sound of the first letter as most people read a site's name. */
function indefiniteArticle(word: string): string {
  return /^[aeio]/i.test(word) ? 'an' : 'a';
}

/** What another article said about the entity, when it said something: its description, else its role. */
export function otherArticleSays(article: HistoryArticle): string | null {
  return article.description ?? article.role ?? null;
}

/** "In a reuters.com piece on 3 March". */
export function pieceLabel(article: HistoryArticle, now?: number, locale?: string): string {
  const site = siteLabel(article.site);
  return `In ${indefiniteArticle(site)} ${site} piece on ${shortDate(article.seenAt, now, locale)}`;
}

/** The facts a place card lists, as label/value rows; `shownName` is the name the card goes by. */
export function placeFactRows(facts: PlaceFacts, shownName: string): [label: string, value: string][] {
  const { country } = facts;
  const region = country.subregion && country.subregion !== country.region ? `${country.subregion}, ${country.region}` : country.region;
  if (facts.kind === 'capital') return [['Capital of', country.name], ['Region', region]];
  const rows: [string, string][] = [];
  // "U.S." or "Britain": say which country the card means.
  if (shownName !== country.name) rows.push(['Country', country.name]);
  if (country.official !== country.name) rows.push(['Official name', country.official]);
  if (country.capitals.length > 0) rows.push([country.capitals.length > 1 ? 'Capitals' : 'Capital', country.capitals.join(', ')]);
  rows.push(['Region', region]);
  return rows;
}
