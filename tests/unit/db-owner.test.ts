// The background is the only writer, and the only opener, of Lede's database: no extension page,
// content script or component may load the database module or Dexie, even through other modules.
// Follows every import that is not type-only (`import type`, or only `type` names) from each file
// under entrypoints/ and components/, except the background's entry, through the project's own
// modules; the bundles of the other entrypoints can then hold no IndexedDB code of Lede's.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
const DB_MODULE = path.join(root, 'lib/background/db.ts');
const BACKGROUND_ENTRY = path.join(root, 'entrypoints/background.ts');
const FORBIDDEN_PACKAGES = ['dexie', 'fake-indexeddb'];

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return filesUnder(full);
    return /\.(ts|tsx)$/.test(name) ? [full] : [];
  });
}

/** The specifiers a file loads at run time: type-only imports and exports left out. */
function runtimeImports(source: string): string[] {
  const found: string[] = [];
  const statement = /(?:^|[;\n])\s*(import|export)\s+([^;'"]*?)\s*from\s*['"]([^'"]+)['"]|(?:^|[;\n])\s*import\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
  for (const match of source.matchAll(statement)) {
    const [, , clause, from, bare, dynamic] = match;
    if (bare || dynamic) {
      found.push((bare ?? dynamic)!);
      continue;
    }
    if (/^type\s/.test(clause!)) continue;
    const braced = /^\{([\s\S]*)\}$/.exec(clause!.trim());
    if (braced) {
      const names = braced[1]!.split(',').map((name) => name.trim()).filter(Boolean);
      if (names.length > 0 && names.every((name) => name.startsWith('type '))) continue;
    }
    found.push(from!);
  }
  return found;
}

function resolve(from: string, specifier: string): string | null {
  const base = specifier.startsWith('@/') ? path.join(root, specifier.slice(2)) : specifier.startsWith('.') ? path.resolve(path.dirname(from), specifier) : null;
  if (!base) return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** The chain of files from `entry` to a forbidden module, or null when it loads none. */
function pathToDatabase(entry: string): string[] | null {
  const seen = new Set<string>([entry]);
  const queue: string[][] = [[entry]];
  while (queue.length > 0) {
    const chain = queue.shift()!;
    const file = chain.at(-1)!;
    if (!/\.(ts|tsx)$/.test(file)) continue;
    for (const specifier of runtimeImports(readFileSync(file, 'utf8'))) {
      if (FORBIDDEN_PACKAGES.some((name) => specifier === name || specifier.startsWith(`${name}/`))) return [...chain, specifier];
      const target = resolve(file, specifier);
      if (!target || seen.has(target)) continue;
      if (target === DB_MODULE) return [...chain, target];
      seen.add(target);
      queue.push([...chain, target]);
    }
  }
  return null;
}

describe('who opens the database', () => {
  it('reads which imports load code and which are types only', () => {
    expect(
      runtimeImports(`import type { A } from './a';\nimport { type B, type C } from './b';\nimport { d, type E } from './d';\nexport { f } from './f';\nexport type { G } from './g';\nimport './h.css';\nconst x = import('./i');`),
    ).toEqual(['./d', './f', './h.css', './i']);
  });

  it('finds the background entry loading it (so the walk can see a page doing so)', () => {
    expect(pathToDatabase(BACKGROUND_ENTRY)).not.toBeNull();
  });

  const files = [...filesUnder(path.join(root, 'entrypoints')), ...filesUnder(path.join(root, 'components'))].filter((file) => file !== BACKGROUND_ENTRY);
  it.each(files.map((file) => path.relative(root, file)))('%s loads neither the database module nor Dexie', (file) => {
    const chain = pathToDatabase(path.join(root, file));
    expect(chain && chain.map((step) => path.relative(root, step)).join(' -> ')).toBeNull();
  });
});
