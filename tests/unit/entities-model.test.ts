// The learned model (lib/model, from `npm run train`): what it knows, how big it is, and that
// it is exactly what training produces today.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  gazetteerStep,
  gazetteerType,
  guessWordType,
  isCommonWord,
  isFirstName,
  isNonEntityCap,
  isNewsSurname,
  isOrgSuffix,
  isVocabularyWord,
  isWorldPlace,
  mayExtendGazetteerName,
} from '../../lib/analysis/gazetteer';
import { findEntities } from '../../lib/analysis/entities';
import surnamesData from '../../lib/model/surnames.json';

const repoRoot = resolve(import.meta.dirname, '../..');
const modelDir = join(repoRoot, 'lib/model');

describe('learned gazetteer', () => {
  it('knows entity strings with their usual type, and MISC words as non-entities', () => {
    expect(gazetteerType('Interfax')).toBe('ORG');
    expect(gazetteerType('Clinton')).toBe('PER');
    expect(gazetteerType('Syrian')).toBe('MISC');
    expect(gazetteerType('Democrat')).toBe('MISC');
    expect(gazetteerType('Tuesday')).toBeUndefined();
  });

  it('knows countries, capitals, regions and the forms news writes them in', () => {
    for (const place of ['Syria', 'Saudi Arabia', 'Brussels', 'Europe', 'U.S.', 'United Arab Emirates']) expect(isWorldPlace(place)).toBe(true);
    expect(isWorldPlace('Kremlin')).toBe(false);
  });

  it('knows which words begin a longer entry, so longest-match loops can stop early', () => {
    expect(mayExtendGazetteerName('United')).toBe(true); // "United Arab Emirates"
    expect(mayExtendGazetteerName('United Arab')).toBe(true);
    expect(mayExtendGazetteerName('United Arab Emirates')).toBe(false);
    expect(mayExtendGazetteerName('Saudi')).toBe(true);
    expect(mayExtendGazetteerName('Tuesday')).toBe(false);
  });

  it("answers from its one map exactly as the model's lists say, for every entry and every entry's leading words", () => {
    const model = JSON.parse(readFileSync(join(modelDir, 'gazetteer.json'), 'utf8')) as Record<'PER' | 'LOC' | 'ORG' | 'MISC' | 'world', string>;
    const list = (packed: string): string[] => (packed ? packed.split('|') : []);
    const typeOf = new Map<string, string>();
    for (const type of ['PER', 'LOC', 'ORG', 'MISC'] as const) for (const s of list(model[type])) typeOf.set(s, type);
    const world = new Set(list(model.world));
    const prefixes = new Set<string>();
    for (const entry of [...typeOf.keys(), ...world]) {
      const parts = entry.split(' ');
      for (let k = 1; k < parts.length; k++) prefixes.add(parts.slice(0, k).join(' '));
    }
    const wrong: string[] = [];
    for (const s of [...typeOf.keys(), ...world, ...prefixes, 'Tuesday', 'Zzyzx Qwerty', '']) {
      const step = gazetteerStep(s);
      if (gazetteerType(s) !== typeOf.get(s) || isWorldPlace(s) !== world.has(s) || mayExtendGazetteerName(s) !== prefixes.has(s)) wrong.push(s);
      if (step.known !== (typeOf.has(s) || world.has(s)) || step.mayExtend !== prefixes.has(s)) wrong.push(`step ${s}`);
    }
    expect(wrong).toEqual([]);
    // Curly apostrophes are looked up straight, for the type and the place (not for longer entries).
    const curly = [...typeOf.keys(), ...world].filter((s) => s.includes("'"));
    expect(curly.length).toBeGreaterThan(0);
    for (const s of curly) {
      const c = s.replace(/'/g, '’');
      expect(gazetteerType(c), c).toBe(typeOf.get(s));
      expect(isWorldPlace(c), c).toBe(world.has(s));
      expect(gazetteerStep(c), c).toEqual({ known: true, mayExtend: false });
      expect(mayExtendGazetteerName(c), c).toBe(false);
    }
  });

  it("answers each word list's question exactly as the list in the model says, whatever the other lists hold", () => {
    const model = JSON.parse(readFileSync(join(modelDir, 'words.json'), 'utf8')) as Record<string, string>;
    const surnames = JSON.parse(readFileSync(join(modelDir, 'surnames.json'), 'utf8')) as { surnames: string };
    const list = (packed: string): Set<string> => new Set(packed ? packed.split(' ') : []);
    const [first, suffix, nonEntity, common, vocabulary, news] = [model.firstNames!, model.orgSuffixes!, model.nonEntityCaps!, model.commonWords!, model.vocabulary!, surnames.surnames].map(list);
    const asked: [string, (w: string) => boolean, (w: string) => boolean][] = [
      ['first name', isFirstName, (w) => first!.has(w)],
      ['organisation suffix', isOrgSuffix, (w) => suffix!.has(w)],
      ['non-entity capital', isNonEntityCap, (w) => nonEntity!.has(w) || (w.endsWith('.') && nonEntity!.has(w.slice(0, -1)))],
      ['common word', isCommonWord, (w) => common!.has(w)],
      ['vocabulary word', isVocabularyWord, (w) => common!.has(w) || vocabulary!.has(w)],
      ['news surname', isNewsSurname, (w) => news!.has(w)],
    ];
    const all = [first, suffix, nonEntity, common, vocabulary, news].flatMap((l) => [...l!]);
    const words = [...all, ...all.map((w) => `${w}.`), 'Syria', 'New York', 'Zzyzx', ''];
    const wrong = asked.flatMap(([name, ask, expected]) => words.filter((w) => ask(w) !== expected(w)).map((w) => `${name}: ${w}`));
    expect(wrong).toEqual([]);
  });

  it('knows first names, organisation head words, non-entity capitals and common words', () => {
    expect(isFirstName('Stephen')).toBe(true);
    expect(isFirstName('Syria')).toBe(false);
    for (const w of ['University', 'Agency', 'Council', 'Department', 'Group']) expect(isOrgSuffix(w)).toBe(true);
    expect(isOrgSuffix('Moscow')).toBe(false);
    for (const w of ['Tuesday', 'January', 'President']) expect(isNonEntityCap(w)).toBe(true);
    for (const w of ['speaking', 'while', 'senior']) expect(isCommonWord(w)).toBe(true);
  });

  it('guesses person names from their spelling', () => {
    for (const w of ['McFaul', 'Peskov', 'Sestanovich']) expect(guessWordType(w)?.type).toBe('PER');
  });

  it('keeps its word lists under 250 kB and the tagger under 1 MB', () => {
    const lists = ['gazetteer.json', 'words.json', 'ngrams.json'];
    const total = lists.reduce((sum, f) => sum + statSync(join(modelDir, f)).size, 0);
    expect(total).toBeLessThan(250 * 1024);
    expect(statSync(join(modelDir, 'tagger.json')).size).toBeLessThan(1024 * 1024);
  });
});

describe('npm run train', () => {
  // Full training (word lists, and the tagger on eng.train twice plus 837 silver articles) takes a
  // minute or more on a busy machine, so the check retrains the word lists in full (compared with
  // lib/model byte for byte) and the tagger on a fixed slice, compared with the digest of that
  // slice's model. After a change to the tagger's features or training, refresh both: `npm run
  // train`, then `npx tsx scripts/train.ts --out DIR --tagger-docs 40 --silver-docs 20` and
  // `sha256sum DIR/tagger.json`.
  const SLICE_TAGGER_SHA256 = 'ff16189e4b564cf353cec5262c61fe2866c9aad39b4228d12d64ab4718af1072';
  it('reproduces the word lists byte for byte, and the tagger on a fixed slice', () => {
    const out = mkdtempSync(join(tmpdir(), 'lede-model-'));
    const train = join(repoRoot, 'scripts/train.ts');
    execFileSync(process.execPath, [join(repoRoot, 'node_modules/tsx/dist/cli.mjs'), train, '--out', out, '--tagger-docs', '40', '--silver-docs', '20'], { stdio: 'pipe' });
    const written = readdirSync(out).sort();
    expect(written).toEqual(['gazetteer.json', 'ngrams.json', 'tagger.json', 'words.json']);
    for (const f of ['gazetteer.json', 'ngrams.json', 'words.json']) {
      expect(readFileSync(join(out, f), 'utf8'), f).toBe(readFileSync(join(modelDir, f), 'utf8'));
    }
    const slice = readFileSync(join(out, 'tagger.json'));
    expect(createHash('sha256').update(slice).digest('hex')).toBe(SLICE_TAGGER_SHA256);
    // The shipped tagger has the slice's shape (same features, same table size).
    const shipped = JSON.parse(readFileSync(join(modelDir, 'tagger.json'), 'utf8')) as { format: number; bucketBits: number; weights: string };
    const small = JSON.parse(slice.toString('utf8')) as typeof shipped;
    expect([shipped.format, shipped.bucketBits, shipped.weights.length]).toEqual([small.format, small.bucketBits, small.weights.length]);
  }, 180_000);
});

describe('surnames of today\'s news (lib/model/surnames.json)', () => {
  const surnames = surnamesData.surnames.split(' ');

  it('holds capitalised words the 1996 lists do not know, and no places or companies', () => {
    expect(surnames.length).toBeGreaterThan(10);
    for (const w of surnames) {
      expect(w).toMatch(/^\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?$/u);
      expect(isWorldPlace(w)).toBe(false);
    }
    expect(surnames).not.toContain('Washington');
    expect(surnames).not.toContain('Apple');
  });

  it('is exactly what scripts/train-surnames.ts writes today', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'lede-surnames-')), 'surnames.json');
    execFileSync(process.execPath, [join(repoRoot, 'node_modules/tsx/dist/cli.mjs'), join(repoRoot, 'scripts/train-surnames.ts'), '--out', out], { stdio: 'pipe' });
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(join(modelDir, 'surnames.json'), 'utf8'));
  }, 60_000);

  it('reads each of them standing alone as a person', () => {
    for (const w of surnames.filter((_, i) => i % 3 === 0)) {
      expect(isNewsSurname(w)).toBe(true);
      const types = findEntities(`Investors were unsure whether ${w} would back the plan.`).filter((e) => e.name === w).map((e) => e.type);
      expect(types).toEqual(['person']);
    }
  });
});
