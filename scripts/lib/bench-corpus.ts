// Texts for the throughput bench: the seed article, and the core news pages' article text.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { extractArticle } from '../../lib/extract/index';
import { parseHtmlDocument } from '../../lib/extract/node-dom';
import { newsPagesDir, seedDir } from '../../testing/harness/paths';

export interface BenchText {
  name: string;
  text: string;
  /** How the text was obtained. */
  origin: 'seed' | 'articleBody' | 'extracted';
}

interface PageMeta {
  core?: boolean;
  articleBody?: string;
}

/** The seed article, repeated so one call does a realistic long article's work. */
export function seedText(repeat: number): BenchText {
  const text = readFileSync(path.join(seedDir, 'article.txt'), 'utf8');
  return { name: `seed article ×${repeat}`, text: Array.from({ length: repeat }, () => text).join('\n\n'), origin: 'seed' };
}

/** The core news pages: the reference article text where known, else Lede's own extraction. */
export function coreNewsTexts(): BenchText[] {
  if (!existsSync(newsPagesDir)) return [];
  const texts: BenchText[] = [];
  for (const dir of readdirSync(newsPagesDir).sort()) {
    const metaFile = path.join(newsPagesDir, dir, 'meta.json');
    if (!existsSync(metaFile)) continue;
    const meta = JSON.parse(readFileSync(metaFile, 'utf8')) as PageMeta;
    if (!meta.core) continue;
    if (meta.articleBody) {
      texts.push({ name: dir, text: meta.articleBody, origin: 'articleBody' });
      continue;
    }
    const html = readFileSync(path.join(newsPagesDir, dir, 'page.html'), 'utf8');
    const extracted = extractArticle(parseHtmlDocument(html));
    if (extracted?.text) texts.push({ name: dir, text: extracted.text, origin: 'extracted' });
  }
  return texts;
}
