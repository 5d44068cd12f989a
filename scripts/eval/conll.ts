// CoNLL-2003 reader and entity-level scorer (exact span + type), used by `npm run eval`.
import { readFileSync } from 'node:fs';
import type { Entity, EntityType } from '../../lib/analysis/types';

export type ConllType = 'PER' | 'LOC' | 'ORG';
export const CONLL_TYPES: readonly ConllType[] = ['PER', 'LOC', 'ORG'];

const TYPE_OF: Record<EntityType, ConllType> = { person: 'PER', place: 'LOC', organization: 'ORG' };

export interface ConllDocument {
  /** Tokens joined by spaces; sentences separated by blank lines (they read as paragraphs). */
  text: string;
  /** Character span of every token in `text`. */
  tokens: { start: number; end: number }[];
  /** Gold entities as token index ranges [first, last], MISC left out. */
  gold: TokenEntity[];
  /** Every token's gold label, MISC included (what the tagger learns from). */
  labels: TokenLabel[];
}

export interface TokenLabel {
  type: ConllType | 'MISC' | null;
  /** First token of its entity. */
  begins: boolean;
}

export interface TokenEntity {
  first: number;
  last: number;
  type: ConllType;
}

/** Parses a CoNLL-2003 file (IOB1) into documents. */
export function readConll(path: string): ConllDocument[] {
  return readConllText(readFileSync(path, 'utf8'));
}

/** Parses CoNLL-2003 text (IOB1) into documents. */
export function readConllText(conll: string): ConllDocument[] {
  const docs: ConllDocument[] = [];
  let sentences: { word: string; tag: string }[][] = [];
  let sentence: { word: string; tag: string }[] = [];
  const flushDoc = (): void => {
    if (sentence.length) sentences.push(sentence);
    sentence = [];
    if (sentences.length) docs.push(buildDocument(sentences));
    sentences = [];
  };
  for (const line of conll.split(/\r?\n/)) {
    if (line.startsWith('-DOCSTART-')) {
      flushDoc();
    } else if (line.trim() === '') {
      if (sentence.length) sentences.push(sentence);
      sentence = [];
    } else {
      const parts = line.split(' ');
      sentence.push({ word: parts[0]!, tag: parts[parts.length - 1]! });
    }
  }
  flushDoc();
  return docs;
}

function buildDocument(sentences: { word: string; tag: string }[][]): ConllDocument {
  let text = '';
  const tokens: { start: number; end: number }[] = [];
  const gold: TokenEntity[] = [];
  const labels: TokenLabel[] = [];
  let open: TokenEntity | null = null;
  const close = (): void => {
    if (open && open.type) gold.push(open);
    open = null;
  };
  sentences.forEach((sentence, si) => {
    if (si > 0) text += '\n\n';
    sentence.forEach(({ word, tag }, wi) => {
      if (wi > 0) text += ' ';
      const index = tokens.length;
      tokens.push({ start: text.length, end: text.length + word.length });
      text += word;
      const [bio, kind] = tag.split('-') as [string, string | undefined];
      const labelType = kind === 'PER' || kind === 'LOC' || kind === 'ORG' || kind === 'MISC' ? kind : null;
      const previous = wi > 0 ? labels[labels.length - 1]! : null;
      labels.push({ type: labelType, begins: !!labelType && (bio === 'B' || previous?.type !== labelType) });
      const type = kind === 'PER' || kind === 'LOC' || kind === 'ORG' ? kind : null;
      if (!type || bio === 'O') {
        close();
        return;
      }
      const current = open as TokenEntity | null;
      if (current && current.type === type && bio === 'I') current.last = index;
      else {
        close();
        open = { first: index, last: index, type };
      }
    });
    close();
  });
  return { text, tokens, gold, labels };
}

/** Maps predicted mentions onto token ranges; a mention that doesn't align with token edges can't match. */
export function predictedTokenEntities(doc: ConllDocument, entities: Pick<Entity, 'type' | 'mentions'>[]): TokenEntity[] {
  const byStart = new Map<number, number>();
  const byEnd = new Map<number, number>();
  doc.tokens.forEach((t, i) => {
    byStart.set(t.start, i);
    byEnd.set(t.end, i);
  });
  const out: TokenEntity[] = [];
  for (const e of entities) {
    for (const m of e.mentions) {
      const first = byStart.get(m.start);
      const last = byEnd.get(m.end);
      out.push({ first: first ?? -1, last: last ?? -1, type: TYPE_OF[e.type] });
    }
  }
  return out;
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export function scoreEntities(gold: TokenEntity[], predicted: TokenEntity[], into: Record<ConllType, Counts>): void {
  const key = (e: TokenEntity): string => `${e.first}:${e.last}:${e.type}`;
  const goldKeys = new Set(gold.map(key));
  const predKeys = new Set(predicted.map(key));
  for (const e of predicted) {
    if (!predKeys.has(key(e))) continue;
    predKeys.delete(key(e));
    if (goldKeys.has(key(e))) into[e.type].tp++;
    else into[e.type].fp++;
  }
  const seen = new Set(predicted.map(key));
  for (const e of gold) if (!seen.has(key(e))) into[e.type].fn++;
}

export function prf(c: Counts): { p: number; r: number; f: number } {
  const p = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 0;
  const r = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 0;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
}
