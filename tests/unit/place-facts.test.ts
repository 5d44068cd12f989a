// Place facts from the baked world-countries table, and that the table is what the script bakes today.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { placeFacts, placeFactsSource } from '@/lib/cards/place-facts';

const repoRoot = resolve(import.meta.dirname, '../..');

describe('placeFacts', () => {
  it('knows a country: capital, region, subregion', () => {
    const facts = placeFacts('Russia');
    expect(facts?.kind).toBe('country');
    expect(facts?.country).toMatchObject({ name: 'Russia', official: 'Russian Federation', capitals: ['Moscow'], region: 'Europe', subregion: 'Eastern Europe' });
  });

  it('knows Saudi Arabia, also by its official name', () => {
    expect(placeFacts('Saudi Arabia')?.country).toMatchObject({ name: 'Saudi Arabia', capitals: ['Riyadh'], region: 'Asia', subregion: 'Western Asia' });
    expect(placeFacts('Kingdom of Saudi Arabia')?.country.name).toBe('Saudi Arabia');
  });

  it('finds the everyday name inside a long form, without letting it take a common name', () => {
    expect(placeFacts('Turkey')?.country).toMatchObject({ name: 'Türkiye', capitals: ['Ankara'] });
    expect(placeFacts('China')?.country.name).toBe('China');
  });

  it('maps a capital to its country', () => {
    const facts = placeFacts('Moscow');
    expect(facts).toMatchObject({ kind: 'capital', name: 'Moscow', country: { name: 'Russia' } });
    expect(placeFacts('Washington')).toMatchObject({ kind: 'capital', country: { name: 'United States' } });
  });

  it('knows the short forms news writes, exactly', () => {
    expect(placeFacts('U.S.')?.country.name).toBe('United States');
    expect(placeFacts('UK')?.country.name).toBe('United Kingdom');
    expect(placeFacts('the United States')?.country.name).toBe('United States');
    // Two-letter codes are mostly US states as places in the news: "CA" is not Canada.
    expect(placeFacts('CA')).toBeNull();
  });

  it('prefers the country when a country and its capital share a name', () => {
    expect(placeFacts('Singapore')?.kind).toBe('country');
  });

  it('ignores case and spacing', () => {
    expect(placeFacts('  saudi   arabia ')?.country.name).toBe('Saudi Arabia');
  });

  it('returns null for places that are neither countries nor capitals', () => {
    expect(placeFacts('Aleppo')).toBeNull();
    expect(placeFacts('Europe')).toBeNull();
    expect(placeFacts('')).toBeNull();
  });

  it('names its source', () => {
    expect(placeFactsSource()).toMatch(/^world-countries \d+\.\d+\.\d+ \(ODbL-1\.0\)$/);
  });
});

describe('scripts/build-place-facts.ts', () => {
  it('reproduces lib/data/place-facts.json byte for byte', () => {
    const out = mkdtempSync(join(tmpdir(), 'lede-place-facts-'));
    execFileSync(process.execPath, [join(repoRoot, 'node_modules/tsx/dist/cli.mjs'), join(repoRoot, 'scripts/build-place-facts.ts'), '--out', out], { stdio: 'pipe' });
    expect(readFileSync(join(out, 'place-facts.json'), 'utf8')).toBe(readFileSync(join(repoRoot, 'lib/data/place-facts.json'), 'utf8'));
  }, 60_000);
});
