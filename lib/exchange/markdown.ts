// Markdown export for Obsidian and similar note vaults: one file per article, named after its
// address so that a second export replaces the same file (lib/exchange/markdown-names.ts). YAML
// front matter (title, url, site, published and read dates, ids, tags, people), then each note in
// reading order: the quote as a block quote with the note's block id under it (`^lede-<uuid>`), a
// link back to the passage (a text fragment), the note, its tags as #hashtags.

import { compareStoredPosition, quoteSelectorOf, type Annotation } from '../notes/annotation';
import { normalizeSourceUrl } from '../notes/source-url';
import { articleExportId, articleFileName, noteBlockId } from './markdown-names';
import { passageLinkBase, passageLinkFrom } from './text-fragment';
import type { ArticleRecord, ExportedFile } from './types';

export interface MarkdownExport {
  files: ExportedFile[];
}

/** One file per article (target source), articles in the order their first note appears. */
export function exportMarkdown(annotations: readonly Annotation[], articles: readonly ArticleRecord[] = []): MarkdownExport {
  const articleBySource = new Map<string, ArticleRecord>();
  for (const article of articles) {
    const source = normalizeSourceUrl(article.url);
    if (!articleBySource.has(source)) articleBySource.set(source, article);
  }
  const groups = new Map<string, Annotation[]>();
  for (const annotation of annotations) {
    const group = groups.get(annotation.target.source);
    if (group) group.push(annotation);
    else groups.set(annotation.target.source, [annotation]);
  }
  const files: ExportedFile[] = [];
  for (const [source, notes] of groups) {
    files.push({ name: articleFileName(source), content: articleMarkdown(source, notes, articleBySource.get(source)) });
  }
  return { files };
}

function articleMarkdown(source: string, notes: Annotation[], article: ArticleRecord | undefined): string {
  const ordered = [...notes].sort(compareStoredPosition);
  // Without a history record, the oldest note's page title and time: the same whichever notes are exported with it.
  const oldest = oldestOf(notes)!;
  const title = article?.title || oldestOf(notes.filter((n) => n.page.title !== ''))?.page.title || article?.site || oldest.page.site || 'Untitled';
  const tags = [...new Set(ordered.flatMap((note) => note.tags.map(hashtagName)))];
  const people = article ? article.entities.filter((entity) => entity.type === 'person').map((entity) => entity.name) : [];
  const read = article ? new Date(article.seenAt).toISOString() : oldest.created;
  const frontMatter = [
    '---',
    `title: ${yamlString(title)}`,
    ...yamlList('aliases', [title]),
    `url: ${yamlString(source)}`,
    `site: ${yamlString(article?.site || ordered[0]!.page.site)}`,
    ...(article?.published ? [`published: ${article.published}`] : []),
    `read: ${read}`,
    `lede-id: ${yamlString(articleExportId(source))}`,
    ...yamlList('lede-notes', ordered.map((note) => note.id)),
    ...yamlList('tags', tags),
    ...yamlList('people', people),
    '---',
  ];
  const linkBase = passageLinkBase(source);
  const sections = ordered.map((note) => noteMarkdown(linkBase, note));
  return `${frontMatter.join('\n')}\n\n# ${inertMarkdown(title.replace(/\s+/g, ' ').trim())}\n\n${sections.join('\n\n')}\n`;
}

/** The note made first (ties: the smaller id), or undefined for none. */
function oldestOf(notes: readonly Annotation[]): Annotation | undefined {
  let oldest: Annotation | undefined;
  for (const note of notes) {
    if (!oldest || note.created < oldest.created || (note.created === oldest.created && note.id < oldest.id)) oldest = note;
  }
  return oldest;
}

/**
 * The quote, its block id on a line of its own (how Obsidian names a quote block), the link to the
 * passage, the note and its tags. Nothing in it depends on the export's date, so an unchanged note
 * reads the same in every export.
 */
function noteMarkdown(linkBase: string | null, note: Annotation): string {
  const quote = quoteSelectorOf(note.target);
  const parts = [blockQuote(inertMarkdown(quote?.exact ?? '')), `^${noteBlockId(note.id)}`];
  const link = quote ? passageLinkFrom(linkBase, quote) : null;
  if (link) parts.push(`[Open the passage](${link})`);
  if (note.body.trim() !== '') parts.push(inertMarkdown(note.body.replace(/\r\n?/g, '\n').trimEnd()));
  if (note.tags.length > 0) parts.push(note.tags.map((tag) => `#${hashtagName(tag)}`).join(' '));
  return parts.join('\n\n');
}

/** Every line of the quote prefixed with "> ", blank lines with ">" so the quote stays one block. */
export function blockQuote(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => (line.trim() === '' ? '>' : `> ${line}`))
    .join('\n');
}

/** A tag as Obsidian reads a #hashtag: no spaces (they become "-"), no "#", no markup characters. */
export function hashtagName(tag: string): string {
  return tag.trim().replace(/[#<>[\]()`]/g, '').replace(/\s+/g, '-');
}

/** Link schemes that run code or smuggle content when a Markdown viewer follows them. */
const LIVE_SCHEME = /^(javascript|vbscript|data|file):/;
/** What an unsafe link destination becomes: a harmless fragment that says what happened. */
export const REMOVED_LINK = '#unsafe-link-removed';

/**
 * True when a link destination, read the way a Markdown viewer and then a browser would (character
 * references decoded, tabs, newlines and control characters dropped, any case), names a live scheme.
 */
function isLiveDestination(destination: string): boolean {
  const decoded = destination
    .replace(/&#x([0-9a-f]+);?/gi, (_m, hex: string) => String.fromCodePoint(Math.min(Number.parseInt(hex, 16), 0x10ffff)))
    .replace(/&#(\d+);?/g, (_m, dec: string) => String.fromCodePoint(Math.min(Number.parseInt(dec, 10), 0x10ffff)))
    .replace(/&colon;/gi, ':')
    .replace(/&(tab|newline);/gi, '');
  return LIVE_SCHEME.test(decoded.replace(/[\u0000-\u0020\u007f-\u009f\\<>]/g, '').toLowerCase());
}

function inertDestination(destination: string): string {
  return isLiveDestination(destination) ? REMOVED_LINK : destination;
}

/**
 * Text that stays text in any Markdown viewer: Markdown formatting is kept (a note is "light
 * Markdown"), but raw HTML cannot become elements (every `<` is written as `&lt;`, which also
 * turns <autolinks> into text) and a link cannot point at a script: the destination of
 * `[x](javascript:…)` or `[x]: data:…` becomes REMOVED_LINK.
 */
export function inertMarkdown(text: string): string {
  return text
    .replace(/</g, '&lt;')
    // A destination may hold balanced parentheses, as CommonMark allows: `javascript:alert(1)`.
    .replace(/(\]\(\s*)((?:[^()\s]|\([^()\s]*\))*)/g, (_match, open: string, destination: string) => open + inertDestination(destination))
    .replace(/^(\s{0,3}\[[^\]\n]+\]:\s*)(\S+)/gm, (_match, label: string, destination: string) => label + inertDestination(destination));
}

/**
 * A YAML double-quoted scalar. JSON's escapes are a subset of YAML's; YAML also wants the C1
 * controls, DEL, the Unicode line separators and BOM escaped, since it treats them as breaks or
 * refuses them.
 */
export function yamlString(value: string): string {
  return JSON.stringify(value).replace(/[\u007f-\u009f\u2028\u2029\ufeff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function yamlList(key: string, values: readonly string[]): string[] {
  if (values.length === 0) return [`${key}: []`];
  return [`${key}:`, ...values.map((value) => `  - ${yamlString(value)}`)];
}
