import type { Analysis } from './types';

/** Analyse article text into entities and quotes. (Stub: replaced by the real pipeline.) */
export function analyzeText(text: string): Analysis {
  void text;
  return { entities: [], quotes: [] };
}
