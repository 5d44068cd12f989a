// Library test data: notes on three articles, with analyses that mention people and places.

import type { ArticleRow } from '@/lib/background/db';
import { makeAnnotation, noteId } from './annotation-fixtures';
import type { Annotation } from '@/lib/notes/annotation';

export const KYIV = 'https://news.example/kyiv-talks';
export const PARIS = 'https://paper.example/paris-climate';
export const UNREAD = 'https://blog.example/no-analysis';

function article(url: string, title: string, site: string, seenAt: number, people: string[], places: string[]): ArticleRow {
  return {
    url,
    title,
    site,
    seenAt,
    entities: [
      ...people.map((name) => ({ type: 'person' as const, name, mentions: 2 })),
      ...places.map((name) => ({ type: 'place' as const, name, mentions: 1 })),
      { type: 'organization' as const, name: 'United Nations', mentions: 1 },
    ],
    quotes: [],
    entityNames: [...people, ...places, 'United Nations'],
  };
}

export const ARTICLES: ArticleRow[] = [
  // Stored with a tracking parameter and a fragment: the join must still find it.
  { ...article(`${KYIV}?utm_source=mail#top`, 'Talks in Kyiv stall', 'news.example', Date.parse('2026-03-02T08:00:00Z'), ['Michael McFaul', 'John Kerry'], ['Kyiv']), quotes: [
    { text: 'We are not there yet', kind: 'direct', speaker: 'John Kerry' },
    { text: 'the talks would resume', kind: 'reported', speaker: 'Michael McFaul' },
    { text: 'Nobody knows', kind: 'direct', speaker: null },
  ] },
  { ...article(PARIS, 'Café owners in Paris brace for heat', 'paper.example', Date.parse('2026-03-05T08:00:00Z'), ['Anne Hidalgo'], ['Paris', 'Zürich']), quotes: [
    { text: 'The city must adapt', kind: 'direct', speaker: 'Anne Hidalgo' },
    { text: 'Diplomacy takes time', kind: 'direct', speaker: 'John Kerry' },
  ] },
];

function note(n: number, source: string, fields: Partial<Annotation> & { start?: number; exact?: string }): Annotation {
  const base = makeAnnotation({ id: noteId(n), ...fields });
  return { ...base, target: { ...base.target, source } };
}

export const NOTES: Annotation[] = [
  note(1, KYIV, { exact: 'the ambassador said talks had stalled', body: 'Check McFaul’s earlier interview', tags: ['ukraine', 'diplomacy'], color: 'yellow', created: '2026-03-02T09:00:00.000Z', start: 400, page: { title: 'Talks in Kyiv stall', site: 'news.example' } }),
  note(2, KYIV, { exact: 'a ceasefire by spring', body: '', tags: ['ukraine'], color: 'green', created: '2026-03-02T09:05:00.000Z', start: 100, page: { title: 'Talks in Kyiv stall', site: 'news.example' } }),
  note(3, PARIS, { exact: 'temperatures above 40 degrees', body: 'Résumé for the climate piece', tags: ['climate'], color: 'blue', created: '2026-03-05T10:00:00.000Z', start: 50, page: { title: 'Café owners in Paris brace for heat', site: 'paper.example' } }),
  note(4, UNREAD, { exact: 'an unrelated passage', body: 'Keep for later', tags: [], color: 'pink', created: '2026-02-20T12:00:00.000Z', start: 5, page: { title: 'A blog post', site: 'blog.example' } }),
];
