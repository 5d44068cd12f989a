import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const TSX = join(ROOT, 'node_modules/tsx/dist/cli.mjs');
const SEED = resolve(ROOT, '../shared/fixtures/seed');

function runAnalyze(...files: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [TSX, join(ROOT, 'scripts/analyze.ts'), ...files], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, INIT_CWD: ROOT },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run analyze', () => {
  it('prints one JSON object for one HTML file', () => {
    const { status, stdout, stderr } = runAnalyze(join(SEED, 'page-restored.html'));
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const out = JSON.parse(stdout);
    expect(Object.keys(out).sort()).toEqual(['entities', 'file', 'quotes', 'text', 'title']);
    expect(out.file).toBe(join(SEED, 'page-restored.html'));
    expect(out.title).toBe('U.S. Seeks to Redraw Ties With Russia in Syrian Conflict');
    expect(out.text).toContain('The Wall Street Journal, 05 October 2016');
    expect(out.text).not.toContain('Hurricane Matthew');
    expect(Array.isArray(out.entities)).toBe(true);
    expect(Array.isArray(out.quotes)).toBe(true);
  }, 30_000);

  it('prints JSONL for several files, a .txt file taken whole', () => {
    const { status, stdout } = runAnalyze(join(SEED, 'article.txt'), join(SEED, 'page-stripped.html'));
    expect(status).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    const [txt, html] = lines.map((l) => JSON.parse(l));
    expect(txt.file).toBe(join(SEED, 'article.txt'));
    expect(txt.title).toBeNull();
    expect(txt.text).toContain('## **U.S. SEEKS TO REDRAW TIES WITH RUSSIA IN SYRIAN CONFLICT**');
    expect(html.file).toBe(join(SEED, 'page-stripped.html'));
    expect(html.text).toContain('Mr. Kerry said');
  }, 30_000);

  it('reports a missing file on stderr, still prints the others and exits non-zero', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lede-analyze-'));
    const txt = join(dir, 'note.txt');
    writeFileSync(txt, 'Angela Merkel met Emmanuel Macron in Paris.');
    const missing = join(dir, 'missing.html');
    const { status, stdout, stderr } = runAnalyze(missing, txt);
    expect(status).toBe(1);
    expect(stderr.trim()).toBe(`analyze: ${missing}: no such file`);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!).text).toBe('Angela Merkel met Emmanuel Macron in Paris.');
  }, 30_000);

  it('resolves relative paths against the directory npm was run from', () => {
    const { status, stdout } = runAnalyze('../shared/fixtures/seed/article.txt');
    expect(status).toBe(0);
    expect(JSON.parse(stdout).file).toBe('../shared/fixtures/seed/article.txt');
  }, 30_000);

  it('prints usage and exits 2 without arguments', () => {
    const { status, stdout, stderr } = runAnalyze();
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^usage: /);
  }, 30_000);
});
