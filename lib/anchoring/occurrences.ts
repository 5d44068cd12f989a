// Every exact occurrence of a string in the normalised text: through the block index in long
// texts (no megabyte scan per note), with indexOf in short ones or for short strings.
import { BLOCK } from './block-index';
import { WHOLE_SEARCH_MAX_TEXT } from './fuzzy-candidates';
import type { PreparedText } from './types';

export function occurrencesOf(prepared: PreparedText, needle: string): number[] {
  const text = prepared.norm.text;
  if (text.length > WHOLE_SEARCH_MAX_TEXT && needle.length >= 2 * BLOCK - 1) return prepared.index.occurrences(needle);
  const found: number[] = [];
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) found.push(at);
  return found;
}
