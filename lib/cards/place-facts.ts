// What a place card can say about a country or a capital, from the table that
// scripts/build-place-facts.ts bakes out of the `world-countries` package. Used by the popup only
// (the content script never imports this, so the table doesn't weigh on it).

import table from '../data/place-facts.json';

export interface CountryFacts {
  /** Common English name: "Russia". */
  name: string;
  /** "Russian Federation". */
  official: string;
  /** Other names in Latin script: official name, alternative spellings. */
  aliases: string[];
  /** Short forms ("US", "U.S."), matched exactly. */
  codes: string[];
  capitals: string[];
  region: string;
  subregion?: string;
}

export interface PlaceFactsTable {
  /** Package, version and licence the table came from. */
  source: string;
  countries: CountryFacts[];
}

export type PlaceFacts =
  | { kind: 'country'; country: CountryFacts }
  /** A capital city: `name` is the capital as the table spells it. */
  | { kind: 'capital'; name: string; country: CountryFacts };

interface Index {
  /** Case-folded names: common names, then official names and aliases, then capitals. */
  byName: Map<string, PlaceFacts>;
  /** Exact short codes. */
  byCode: Map<string, PlaceFacts>;
}

let index: Index | null = null;

/** Built on first use; earlier kinds of name win a clash ("Singapore" is the country, not its capital). */
function buildIndex(countries: readonly CountryFacts[]): Index {
  const byName = new Map<string, PlaceFacts>();
  const byCode = new Map<string, PlaceFacts>();
  const add = (map: Map<string, PlaceFacts>, key: string, facts: PlaceFacts): void => {
    if (!map.has(key)) map.set(key, facts);
  };
  for (const country of countries) add(byName, fold(country.name), { kind: 'country', country });
  for (const country of countries) {
    for (const alias of [country.official, ...country.aliases]) add(byName, fold(alias), { kind: 'country', country });
    for (const code of country.codes) add(byCode, code, { kind: 'country', country });
  }
  for (const country of countries) {
    for (const capital of country.capitals) add(byName, fold(capital), { kind: 'capital', name: capital, country });
  }
  return { byName, byCode };
}

function fold(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[’‘]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** Facts for a country (by any of its names or codes) or a capital city; null for anything else. */
export function placeFacts(name: string): PlaceFacts | null {
  index ??= buildIndex((table as PlaceFactsTable).countries);
  const trimmed = name.trim();
  const byCode = index.byCode.get(trimmed);
  if (byCode) return byCode;
  const key = fold(trimmed);
  return index.byName.get(key) ?? index.byName.get(key.replace(/^the /, '')) ?? null;
}

/** Where the facts come from, for the card's small print. */
export function placeFactsSource(): string {
  return (table as PlaceFactsTable).source;
}
