// The seed article's hand-made reference annotations (../shared/fixtures/seed/gold.json).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { seedDir } from '../harness/paths';

export interface GoldPerson {
  name: string;
  required: string[];
  optional?: string[];
  /** The article's own appositive about the person, which the popup should show. */
  description?: string;
}

export interface GoldFormList {
  required: string[];
  optional?: string[];
}

export interface GoldQuote {
  speaker: string;
  text: string;
  unnamed?: boolean;
  continuation?: string;
}

export interface GoldReported {
  speaker: string;
  text: string;
}

export interface SeedGold {
  people: GoldPerson[];
  places: GoldFormList;
  organizations: GoldFormList;
  not_entities: string[];
  quotes: GoldQuote[];
  reported_speech: GoldReported[];
  outside_article: { names: string[] };
}

export function loadSeedGold(): SeedGold {
  return JSON.parse(readFileSync(path.join(seedDir, 'gold.json'), 'utf8')) as SeedGold;
}
