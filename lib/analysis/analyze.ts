import { findEntities } from './entities';
import { findQuotes } from './quotes';
import type { Analysis } from './types';

/** Analyse article text: named entities first, then quotes attributed to them. */
export function analyzeText(text: string): Analysis {
  const entities = findEntities(text);
  return { entities, quotes: findQuotes(text, entities) };
}
