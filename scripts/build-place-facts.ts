// Bakes the facts that place cards show (country, capital, region, subregion) from the maintained
// `world-countries` package into lib/data/place-facts.json, so the extension never ships or imports
// the package itself. Deterministic: same package version, byte-identical output.
// It lives in lib/data/, not lib/model/: lib/model is the content script's entity model, with its
// own size budget, and this table is for the popup only.
// `npx tsx scripts/build-place-facts.ts [--out DIR]` (the unit tests use --out to check the file is current).
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import type { CountryFacts, PlaceFactsTable } from '../lib/cards/place-facts';

interface Country {
  name: { common: string; official: string };
  cca2: string;
  cca3: string;
  altSpellings: string[];
  capital?: string[];
  region: string;
  subregion?: string;
}

const repoRoot = resolve(import.meta.dirname, '..');
const outFlag = process.argv.indexOf('--out');
const outDir = outFlag > 0 && process.argv[outFlag + 1] ? resolve(process.argv[outFlag + 1]!) : resolve(repoRoot, 'lib/data');

/** A name as English-language news would write it: Latin letters, no inverted "Korea, Republic of" forms. */
function isPlainName(s: string): boolean {
  return /^[A-Za-z][A-Za-z .'’-]*$/.test(s) && /[a-z]/.test(s);
}

/**
 * Short forms news uses ("UK", "U.K.", "UAE"), matched exactly, never case-folded. Two-letter ISO
 * codes are left out: as places they are more often US states ("CA", "PA", "IN") or cities ("L.A.").
 * The United States is the one country whose everyday short form is its ISO code.
 */
const EVERYDAY_ISO_CODES = new Set(['US']);

function codesOf(country: Country): string[] {
  const short = country.altSpellings.filter(
    (alt) => /^[A-Z]{2,4}$/.test(alt) && (alt !== country.cca2 || EVERYDAY_ISO_CODES.has(alt)),
  );
  const dotted = short.filter((code) => code.length <= 3).map((code) => `${code.split('').join('.')}.`);
  return [...new Set([...short, ...dotted])].sort();
}

/**
 * "Republic of Turkey" -> "Turkey": the everyday name hidden in a long form, for countries whose
 * common name in the dataset is not the one English news uses ("Türkiye"). Common names still win
 * a clash at lookup, so Taiwan's "Republic of China" never takes "China".
 */
function shortFormOf(longForm: string): string | null {
  const match = /^(?:the )?(?:Republic|Kingdom|State|Commonwealth|Federation|Principality) of (?:the )?(.+)$/.exec(longForm);
  return match?.[1] ?? null;
}

function buildPlaceFacts(countries: readonly Country[], source: string): PlaceFactsTable {
  const rows = countries
    .map((country): CountryFacts => {
      const name = country.name.common;
      const longForms = [country.name.official, ...country.altSpellings];
      const aliases = [...longForms, ...longForms.map(shortFormOf)].filter(
        (alt): alt is string => alt !== null && alt !== name && isPlainName(alt),
      );
      const row: CountryFacts = {
        name,
        official: country.name.official,
        aliases: [...new Set(aliases)].sort(),
        codes: codesOf(country),
        // "Washington D.C." is written "Washington" at least as often.
        capitals: (country.capital ?? []).map((capital) => capital.replace(/ D\.C\.$/, '')),
        region: country.region,
      };
      if (country.subregion) row.subregion = country.subregion;
      return row;
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'en'));
  return { source, countries: rows };
}

function main(): void {
  const require = createRequire(import.meta.url);
  const countries = require('world-countries/countries.json') as Country[];
  const { version, licenses } = require('world-countries/package.json') as { version: string; licenses?: { type: string }[] };
  const license = licenses?.map((l) => l.type).join(', ') ?? 'see package';
  const table = buildPlaceFacts(countries, `world-countries ${version} (${license})`);
  mkdirSync(outDir, { recursive: true });
  const file = resolve(outDir, 'place-facts.json');
  writeFileSync(file, `${JSON.stringify(table)}\n`);
  console.log(`wrote ${table.countries.length} countries to ${file}`);
}

main();
