// The named baseline: the `compromise` library used as it is, mapped onto Lede's analysis contract.
import nlp from 'compromise';
import type { Analysis, Entity, EntityType, Quote } from '../../lib/analysis/types';

interface CompromiseMatch {
  text: string;
  offset: { start: number; length: number };
}

const EDGE_PUNCTUATION = /^[\s"'“”‘’«».,;:!?()[\]]+|[\s"'“”‘’«».,;:!?()[\]]+$/gu;

/** Shrinks [start, end) past punctuation that compromise keeps on its terms ("Brussels." → "Brussels"). */
function trimmed(text: string, start: number, end: number): { start: number; end: number } {
  while (start < end && /[\s"'“”‘’«».,;:!?()[\]]/u.test(text[start]!)) start++;
  while (end > start && /[\s"'“”‘’«»,;:!?()[\]]/u.test(text[end - 1]!)) end--;
  // Keep a final period only when it belongs to an abbreviation ("U.S.").
  if (end > start && text[end - 1] === '.' && !/\.[A-Za-z]\.$/.test(text.slice(Math.max(start, end - 4), end))) end--;
  return { start, end };
}

export function compromiseAnalysis(text: string): Analysis {
  const doc = nlp(text);
  const groups: [EntityType, CompromiseMatch[]][] = [
    ['person', doc.people().json({ offset: true }) as CompromiseMatch[]],
    ['place', doc.places().json({ offset: true }) as CompromiseMatch[]],
    ['organization', doc.organizations().json({ offset: true }) as CompromiseMatch[]],
  ];
  const entities = new Map<string, Entity>();
  for (const [type, matches] of groups) {
    for (const m of matches) {
      const span = trimmed(text, m.offset.start, m.offset.start + m.offset.length);
      if (span.end <= span.start) continue;
      const name = text.slice(span.start, span.end).replace(EDGE_PUNCTUATION, '');
      const id = `${type}:${name}`;
      const entity = entities.get(id) ?? { id, type, name, mentions: [] };
      entity.mentions.push(span);
      entities.set(id, entity);
    }
  }
  const quotes: Quote[] = (doc.quotations().json({ offset: true }) as CompromiseMatch[]).map((m) => {
    const span = trimmed(text, m.offset.start, m.offset.start + m.offset.length);
    return { ...span, kind: 'direct', speaker: null };
  });
  return { entities: [...entities.values()], quotes };
}
