// Pages built to stress the content script: nothing, a lot, one huge line, and broken quotation marks.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { seedDir } from '../harness/paths';

export interface StressPage {
  file: string;
  description: string;
}

function articlePage(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>` +
    `<meta property="og:type" content="article"></head><body><article><h1>${title}</h1>${body}</article></body></html>`;
}

function seedParagraphs(): string[] {
  return readFileSync(path.join(seedDir, 'article.txt'), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 40)
    .map((line) => line.replace(/[<&]/g, ' '));
}

function emptyPage(): string {
  return '<!doctype html><html><head><meta charset="utf-8"><title></title></head><body></body></html>';
}

/** About 5 MB of real article paragraphs. */
function fiveMegabytePage(): string {
  const paragraphs = seedParagraphs();
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < 5 * 1024 * 1024; i++) {
    const p = `<p>${paragraphs[i % paragraphs.length]}</p>\n`;
    parts.push(p);
    size += Buffer.byteLength(p);
  }
  return articlePage('A very long article', parts.join(''));
}

/** One paragraph that is a single 200,000-character line. */
function longLinePage(): string {
  const text = seedParagraphs().join(' ');
  let line = '';
  while (line.length < 200_000) line += text + ' ';
  return articlePage('One long line', `<p>${line.slice(0, 200_000)}</p>`);
}

/** Opening marks that never close, closers with no opener, and mixed straight and curly marks. */
function unmatchedQuotesPage(): string {
  const marks = ['“', '”', '"', '‘', '’', '«', '»', '„'];
  const paragraphs: string[] = [];
  for (let i = 0; i < 400; i++) {
    const mark = marks[i % marks.length]!;
    const other = marks[(i * 3 + 1) % marks.length]!;
    paragraphs.push(`<p>${mark}Mr. Kerry said ${other}Russia ${mark}knows ${mark}what it needs, ${other} said Dmitry Peskov ${mark}${mark}${other}</p>`);
  }
  return articlePage('Unmatched quotation marks', paragraphs.join('\n'));
}

export function writeStressPages(directory: string): StressPage[] {
  const pages: [string, string, () => string][] = [
    ['empty.html', 'an empty page', emptyPage],
    ['five-megabytes.html', 'a 5 MB article', fiveMegabytePage],
    ['long-line.html', 'a 200,000-character line', longLinePage],
    ['unmatched-quotes.html', 'a page full of unmatched quotation marks', unmatchedQuotesPage],
  ];
  return pages.map(([file, description, make]) => {
    writeFileSync(path.join(directory, file), make());
    return { file, description };
  });
}
