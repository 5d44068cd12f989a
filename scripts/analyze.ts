// `npm run --silent analyze -- FILE…`: extract the article text of .html/.htm files (or take a
// .txt file whole) and print the analysis as JSON (one object; JSONL when given several files).
import { readFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeText } from '../lib/analysis/analyze';
import type { Analysis } from '../lib/analysis/types';
import { extractArticle } from '../lib/extract/index';
import { parseHtmlDocument } from '../lib/extract/node-dom';

export interface AnalyzeOutput extends Analysis {
  file: string;
  title: string | null;
  text: string;
}

const USAGE = 'usage: npm run --silent analyze -- FILE...  (.html/.htm pages or .txt article text)';

/** Title and text of a file: the extracted article for HTML, the whole file for anything else. */
export function readArticle(file: string): { title: string | null; text: string } {
  // `npm run` changes into the project root; resolve paths against where the user ran it.
  const content = readFileSync(resolve(process.env.INIT_CWD ?? '.', file), 'utf8');
  const ext = extname(file).toLowerCase();
  if (ext !== '.html' && ext !== '.htm') return { title: null, text: content };
  const doc = parseHtmlDocument(content);
  // force: the user asked for this file, so read its body even if it doesn't look like an article.
  const article = extractArticle(doc, { force: true });
  if (!article) throw new Error('no article text found');
  return { title: article.title, text: article.text };
}

export function analyzeFile(file: string): AnalyzeOutput {
  const { title, text } = readArticle(file);
  const { entities, quotes } = analyzeText(text);
  return { file, title, text, entities, quotes };
}

function reason(err: unknown): string {
  if (err && typeof err === 'object' && 'code' in err && err.code === 'ENOENT') return 'no such file';
  if (err && typeof err === 'object' && 'code' in err && err.code === 'EISDIR') return 'is a directory';
  return err instanceof Error ? err.message : String(err);
}

/** Runs the CLI; returns the exit code. */
export function main(args: string[]): number {
  const files = args.filter((a) => a !== '--');
  if (files.length === 0) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  let failed = false;
  for (const file of files) {
    let output: AnalyzeOutput;
    try {
      output = analyzeFile(file);
    } catch (err) {
      process.stderr.write(`analyze: ${file}: ${reason(err)}\n`);
      failed = true;
      continue;
    }
    // One file: one readable JSON object. Several: one compact object per line (JSONL).
    process.stdout.write(files.length === 1 ? `${JSON.stringify(output, null, 2)}\n` : `${JSON.stringify(output)}\n`);
  }
  return failed ? 1 : 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
