// Shared fixtures for the quote tests: the seed article's texts and hand-made entities for them.
// The entities stand in for the entity layer's output (person mentions found by string search).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import type { Entity, EntityType } from '../../lib/analysis/types';

export const SEED_DIR = resolve(import.meta.dirname, '../../../shared/fixtures/seed');

export function readSeed(name: string): string {
  return readFileSync(resolve(SEED_DIR, name), 'utf8');
}

/** The article body of a seed page: headline, byline and body paragraphs joined by blank lines. */
export function seedPageText(name: 'page-restored.html' | 'page-stripped.html'): string {
  const { document } = parseHTML(readSeed(name));
  const blocks = [...document.querySelectorAll('article h1, article .byline, .article-body p')];
  return blocks.map((b) => (b.textContent ?? '').trim()).join('\n\n');
}

/** An entity whose mentions are every whole-word occurrence of any of `forms` (longest form wins). */
export function entityFromForms(text: string, type: EntityType, name: string, forms: string[]): Entity {
  const mentions: { start: number; end: number }[] = [];
  const sorted = [...forms].sort((a, b) => b.length - a.length);
  for (const form of sorted) {
    let from = 0;
    for (;;) {
      const at = text.indexOf(form, from);
      if (at < 0) break;
      from = at + 1;
      const before = text[at - 1];
      const after = text[at + form.length];
      const boundary = (ch: string | undefined): boolean => ch === undefined || !/[\p{L}\p{N}]/u.test(ch);
      if (!boundary(before) || !boundary(after)) continue;
      if (mentions.some((m) => at < m.end && at + form.length > m.start)) continue;
      mentions.push({ start: at, end: at + form.length });
    }
  }
  mentions.sort((a, b) => a.start - b.start);
  return { id: `${type}:${name}`, type, name, mentions };
}

/** Person, place and organisation entities for any version of the seed article. */
export function seedEntities(text: string): Entity[] {
  const people: [string, string[]][] = [
    ['John Kerry', ['John Kerry', 'Mr. Kerry', 'Kerry']],
    ['Dmitry Peskov', ['Dmitry Peskov']],
    ['Edward Snowden', ['Edward Snowden']],
    ['Stephen Sestanovich', ['Stephen Sestanovich']],
    ['Michael McFaul', ['Michael McFaul']],
    ['Barack Obama', ['Barack Obama', 'Mr. Obama']],
    ['Josh Earnest', ['Josh Earnest', 'Mr. Earnest']],
    ['Hillary Clinton', ['Hillary Clinton', 'Clinton']],
    ['Donald Trump', ['Donald Trump', 'Trump']],
    ['Ban Ki-moon', ['Ban Ki-moon', 'Mr. Ban']],
  ];
  const places = ['Syria', 'Russia', 'Brussels', 'Washington', 'Moscow', 'Aleppo', 'Crimea', 'Turkey', 'Saudi Arabia', 'Afghanistan', 'Europe'];
  const orgs = ['Interfax', 'Kremlin', 'White House', 'State Department', 'United Nations', 'Islamic State', 'CIA'];
  return [
    ...people.map(([name, forms]) => entityFromForms(text, 'person', name, forms)),
    ...places.map((name) => entityFromForms(text, 'place', name, [name])),
    ...orgs.map((name) => entityFromForms(text, 'organization', name, [name])),
  ];
}
