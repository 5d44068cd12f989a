// @vitest-environment happy-dom
// Following the article as the page changes: only the changed blocks are read, the result is the
// text a full extraction gives, and notes made before stay on their words.
import { describe, expect, it } from 'vitest';
import { anchor, describeSpan } from '../../lib/anchoring';
import { ChangeCollector, MAX_TRACKED_NODES, type ChangeRecord } from '../../lib/extract/change-set';
import { articleRoot, followChanges, followChangesInSlices } from '../../lib/extract/incremental';
import { extractArticle, type ExtractedArticle } from '../../lib/extract/index';

const PARAGRAPHS = [
  'Speaking in Brussels on Tuesday, Secretary of State John Kerry held out the possibility of working with Moscow.',
  'The <b>talks</b> are expected to continue next week in Geneva, officials said, after a day of meetings at the United Nations.',
  'Mr. Ban said the humanitarian situation in Aleppo had become unbearable for the people who remain in the city.',
  'Russian officials did not respond to a request for comment on the proposal on Wednesday evening.',
];

function page(): Document {
  const body = PARAGRAPHS.map((p) => `<p>${p}</p>`).join('');
  // The test window's own document (happy-dom orders nodes correctly; linkedom's compareDocumentPosition does not).
  document.documentElement.innerHTML =
    `<head><title>Kerry in Brussels</title><meta property="og:type" content="article"></head>` +
    `<body><nav><a href="/">Home</a></nav><article><h1>Kerry holds out hope for talks</h1><div id="story">${body}</div></article>` +
    `<footer>Copyright</footer></body>`;
  return document;
}

function extracted(doc: Document): ExtractedArticle {
  const article = extractArticle(doc, { force: true });
  if (!article) throw new Error('no article');
  return article;
}

const rootOf = (article: ExtractedArticle): Node | null => articleRoot(article.segments);

function paragraph(doc: Document, text: string): HTMLElement {
  const p = doc.createElement('p');
  p.textContent = text;
  return p;
}

const added = (target: Node, ...nodes: Node[]): ChangeRecord => ({ type: 'childList', target, addedNodes: nodes as never, removedNodes: [] as never });
const removed = (target: Node, ...nodes: Node[]): ChangeRecord => ({ type: 'childList', target, addedNodes: [] as never, removedNodes: nodes as never });

function changes(...records: ChangeRecord[]) {
  const collector = new ChangeCollector();
  for (const record of records) collector.add(record);
  return collector.take();
}

/** Segments compared by what they point at. */
const shape = (article: ExtractedArticle) => article.segments.map((s) => [s.start, s.end, s.node.data, s.nodeOffset]);

/** What following the changes gave is exactly what reading the whole page again gives: text and segments. */
function expectSameAsFullRead(article: ExtractedArticle, doc: Document): void {
  const full = extracted(doc);
  expect(article.text).toBe(full.text);
  expect(shape(article)).toEqual(shape(full));
}

describe('followChanges', () => {
  it('reads only an appended paragraph, and gives the text and segments a full extraction gives', () => {
    const doc = page();
    const before = extracted(doc);
    const story = doc.getElementById('story')!;
    const p = paragraph(doc, 'Later on Wednesday, Kerry spoke by telephone with German Chancellor Angela Merkel about Aleppo.');
    story.append(p);
    const result = followChanges(before, changes(added(story, p)), rootOf(before));
    expect(result.kind).toBe('changed');
    if (result.kind !== 'changed') return;
    expect(result.read).toEqual([p]);
    expectSameAsFullRead(result.article, doc);
    // The new text's segments point at the new paragraph's own Text node.
    expect(result.article.segments.at(-1)!.node).toBe(p.firstChild);
  });

  it('reads a paragraph inserted between two others and shifts the text after it', async () => {
    const doc = page();
    const before = extracted(doc);
    const story = doc.getElementById('story')!;
    const p = paragraph(doc, 'A spokesman for the Kremlin said the proposal would be studied carefully in Moscow.');
    story.insertBefore(p, story.children[2]!);
    const result = await followChangesInSlices(before, changes(added(story, p)), rootOf(before), { yieldToPage: async () => {} });
    expect(result.kind).toBe('changed');
    if (result.kind !== 'changed') return;
    expect(result.read).toEqual([p]);
    expectSameAsFullRead(result.article, doc);
  });

  it('cuts out a removed paragraph', () => {
    const doc = page();
    const before = extracted(doc);
    const story = doc.getElementById('story')!;
    const gone = story.children[1]!;
    gone.remove();
    const result = followChanges(before, changes(removed(story, gone)), rootOf(before));
    expect(result).toMatchObject({ kind: 'changed', removedBlocks: 1, read: [] });
    if (result.kind !== 'changed') return;
    expectSameAsFullRead(result.article, doc);
  });

  it('cuts out the last paragraph with the separator before it', () => {
    const doc = page();
    const before = extracted(doc);
    // The root is taken when the article is read, as the notes controller does.
    const root = rootOf(before);
    const story = doc.getElementById('story')!;
    const gone = story.lastElementChild!;
    gone.remove();
    const result = followChanges(before, changes(removed(story, gone)), root);
    if (result.kind !== 'changed') throw new Error(result.kind);
    expect(result.article.text).toBe(extracted(doc).text);
  });

  it('leaves the article alone for changes outside it, and for boxes that are not prose', () => {
    const doc = page();
    const before = extracted(doc);
    const footer = doc.querySelector('footer')!;
    const outside = paragraph(doc, 'A newsletter you can sign up to, placed outside the article by the page.');
    footer.append(outside);
    const ad = doc.createElement('div');
    ad.className = 'ad-slot';
    ad.textContent = 'Buy a new car today at a price you will not believe.';
    const story = doc.getElementById('story')!;
    story.append(ad);
    const empty = doc.createElement('div');
    story.append(empty);
    const result = followChanges(before, changes(added(footer, outside), added(story, ad), added(story, empty)), rootOf(before));
    expect(result).toEqual({ kind: 'unchanged' });
  });

  it.each([
    [
      'text edited inside a paragraph',
      (doc: Document): ChangeRecord => {
        const text = doc.querySelector('#story p')!.firstChild as Text;
        text.data = text.data.replace('Tuesday', 'Monday');
        return { type: 'characterData', target: text, addedNodes: [] as never, removedNodes: [] as never };
      },
    ],
    [
      'a paragraph moved',
      (doc: Document): ChangeRecord => {
        const story = doc.getElementById('story')!;
        const first = story.firstElementChild!;
        story.append(first);
        return added(story, first);
      },
    ],
    [
      'words added inside a paragraph',
      (doc: Document): ChangeRecord => {
        const p = doc.querySelector('#story p')!;
        const extra = doc.createElement('b');
        extra.textContent = ' (and in Paris)';
        p.append(extra);
        return added(p, extra);
      },
    ],
    [
      'part of a paragraph removed',
      (doc: Document): ChangeRecord => {
        const b = doc.querySelector('#story b')!;
        const p = b.parentNode!;
        b.remove();
        return removed(p, b);
      },
    ],
  ])('asks for a full read when %s', (_name, change) => {
    const doc = page();
    const before = extracted(doc);
    const record = change(doc);
    const result = followChanges(before, changes(record), rootOf(before));
    expect(result.kind).toBe('reread');
  });

  it('asks for a full read when more changed than it tracks', () => {
    const doc = page();
    const before = extracted(doc);
    const story = doc.getElementById('story')!;
    const collector = new ChangeCollector();
    for (let i = 0; i <= MAX_TRACKED_NODES; i++) collector.add(added(story, doc.createElement('span')));
    expect(followChanges(before, collector.take(), rootOf(before)).kind).toBe('reread');
  });

  it('keeps notes on earlier passages anchored where they were, and moves those after an insertion', () => {
    const doc = page();
    const before = extracted(doc);
    const early = before.text.indexOf('John Kerry');
    const late = before.text.indexOf('Russian officials');
    const earlyNote = describeSpan(before.text, early, early + 'John Kerry'.length);
    const lateNote = describeSpan(before.text, late, late + 'Russian officials'.length);
    const story = doc.getElementById('story')!;
    const p = paragraph(doc, 'A spokesman for the Kremlin said the proposal would be studied carefully in Moscow.');
    story.insertBefore(p, story.lastElementChild);
    const end = paragraph(doc, 'The State Department said Mr. Kerry would return to Washington on Friday morning.');
    story.append(end);
    const result = followChanges(before, changes(added(story, p), added(story, end)), rootOf(before));
    if (result.kind !== 'changed') throw new Error(result.kind);
    expect(result.read).toEqual([p, end]);
    const text = result.article.text;
    expect(anchor(text, earlyNote)).toMatchObject({ status: 'anchored', start: early, method: 'position' });
    expect(anchor(text, lateNote)).toMatchObject({ status: 'anchored', start: text.indexOf('Russian officials') });
    expect(text.indexOf('Russian officials')).toBeGreaterThan(late);
  });
});

describe('ChangeCollector', () => {
  it('keeps nodes the filter lets through, and starts empty after take', () => {
    const doc = page();
    const story = doc.getElementById('story')!;
    const host = doc.createElement('lede-notes');
    const p = paragraph(doc, 'New text.');
    const collector = new ChangeCollector();
    collector.add(added(story, host, p), (node) => node !== host);
    collector.add(removed(story, host), (node) => node !== host);
    const taken = collector.take();
    expect([...taken.added]).toEqual([p]);
    expect(taken.removedFrom.size).toBe(0);
    expect(collector.empty).toBe(true);
  });
});
