// @vitest-environment happy-dom
// Rendering safety: script-injection payloads in note bodies, tags, quotes, page titles and sites,
// imported files (Lede JSON-LD and Hypothesis JSON, through the real import), reading history and
// encyclopedia summaries are shown as literal text by every component that shows them. Each
// component is rendered twice, with harmless words and with the payloads, and must build the very
// same elements: no <img>, <script>, <svg>, <iframe> or attribute appears because of the data.
// The exports must keep them inert too (Markdown viewers render HTML; spreadsheets run formulas).
import 'fake-indexeddb/auto';
import { render, type ComponentChild } from 'preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CardHistory } from '@/components/popup/CardHistory';
import { EncyclopediaSummary } from '@/components/popup/EncyclopediaSummary';
import { NotesSection } from '@/components/popup/notes/NotesSection';
import { NoteEditor } from '@/components/notes/NoteEditor';
import { LibraryApp } from '@/components/library/LibraryApp';
import type { Annotation } from '@/lib/notes/annotation';
import { createLedeDB } from '@/lib/background/db';
import { exportCsv, exportJsonLd, exportMarkdown, importAnnotations, parseImport } from '@/lib/exchange';
import { inertMarkdown, REMOVED_LINK } from '@/lib/exchange/markdown';
import type { EntityHistory } from '@/lib/protocol/messages';
import type { LedeRequest } from '@/lib/protocol/messages';
import type { PageNote } from '@/lib/notes/page-notes';
import { makeAnnotation, noteId } from '../../testing/fixtures/annotation-fixtures';
import { settle, testRoot } from '../../testing/preact';
import { inProcessLibraryRuntime } from '../../testing/fakes/library-runtime';

/** Each sets window.__ledeXss if it ever runs. */
export const PAYLOADS = [
  '<img src=x onerror="window.__ledeXss=1">',
  '<script>window.__ledeXss=1</script>',
  '"><svg onload=window.__ledeXss=1>',
  "'><iframe srcdoc='<script>parent.__ledeXss=1</script>'>",
  'javascript:window.__ledeXss=1',
  '[click me](javascript:window.__ledeXss=1)',
  '<a href="javascript:window.__ledeXss=1">link</a>',
  '</textarea></style><script>window.__ledeXss=1</script>',
  '<style>*{display:none}</style>',
  '<math><mtext><table><mglyph><style><img src=x onerror=window.__ledeXss=1>',
  '{{constructor.constructor("window.__ledeXss=1")()}}',
  '&lt;img src=x onerror=window.__ledeXss=1&gt;',
] as const;

const BENIGN = PAYLOADS.map((_, i) => `harmless words ${i}`);

/** Tags cannot hold commas (the editor splits on them): the same payloads without commas. */
const tagOf = (text: string): string => text.replace(/,/g, ' ').slice(0, 100);

const root = testRoot();

beforeEach(() => {
  delete (window as unknown as { __ledeXss?: number }).__ledeXss;
});

/** The elements built, by tag, in document order, with their attribute names. */
function structure(): string[] {
  return [...root.querySelectorAll('*')].map((el) => `${el.localName}[${el.getAttributeNames().sort().join(' ')}]`);
}

/** Nothing executable: no on* attribute, no script URL, no payload-made element, nothing ran. */
function expectInert(): void {
  for (const el of root.querySelectorAll('*')) {
    for (const name of el.getAttributeNames()) {
      expect(name, `<${el.localName}> has ${name}`).not.toMatch(/^on/i);
      if (['href', 'src', 'action', 'formaction', 'xlink:href', 'srcdoc'].includes(name)) {
        expect(el.getAttribute(name)!, `<${el.localName} ${name}>`).not.toMatch(/^\s*(javascript|vbscript|data):/i);
      }
    }
  }
  expect(root.querySelector('script, iframe, object, embed, img, svg, math, style, base, meta, link')).toBeNull();
  expect((window as unknown as { __ledeXss?: number }).__ledeXss).toBeUndefined();
}

/** Renders `view(texts)` with harmless words and with the payloads: same elements, payloads shown as text. */
async function expectSafe(view: (texts: readonly string[]) => ComponentChild | Promise<ComponentChild>, shown: (text: string) => boolean = () => true): Promise<void> {
  render(await view(BENIGN), root);
  await settle();
  const benign = structure();
  render(null, root);
  render(await view(PAYLOADS), root);
  await settle();
  expect(structure()).toEqual(benign);
  expectInert();
  const text = root.textContent ?? '';
  for (const payload of PAYLOADS.filter(shown)) expect(text, payload).toContain(payload);
}

function notesOf(texts: readonly string[]): Annotation[] {
  return texts.map((text, i) =>
    makeAnnotation({
      id: noteId(i + 1),
      start: 10 + i * 100,
      exact: `quote ${text}`,
      body: `note ${text}`,
      tags: [tagOf(`tag ${text}`)],
      page: { title: `title ${text}`, site: 'news.example' },
    }),
  );
}

describe('components show payloads as text', () => {
  it('the popup’s notes list (body, quote, tags)', async () => {
    await expectSafe((texts) => {
      const notes: PageNote[] = notesOf(texts).map((annotation, i) => ({ annotation, anchor: { status: 'anchored', start: 10 + i * 100, end: 20 + i * 100, method: 'position', score: 1 } }));
      const tab = async (message: LedeRequest): Promise<unknown> => (message.type === 'getPageNotes' ? { source: notes[0]!.annotation.target.source, notes } : { ok: true });
      return <NotesSection tab={tab} background={async () => ({})} />;
    });
  });

  it('the in-page note editor (the selected passage)', async () => {
    // The editor shows a long passage shortened: two payloads at a time, all of them in turn.
    for (let from = 0; from < PAYLOADS.length; from += 2) {
      await expectSafe(
        (texts) => <NoteEditor anchor={{ left: 10, top: 10, right: 50, bottom: 30 }} quote={texts.slice(from, from + 2).join(' | ')} initial={{ body: '', tags: [], color: 'yellow' }} onSave={() => undefined} onCancel={() => undefined} />,
        (text) => PAYLOADS.slice(from, from + 2).includes(text as (typeof PAYLOADS)[number]),
      );
      render(null, root);
    }
  });

  it('the popup card’s reading history (article titles, what other articles said)', async () => {
    await expectSafe((texts) => {
      const history: EntityHistory = {
        name: 'John Kerry',
        total: 3,
        articles: texts.slice(0, 3).map((text, i) => ({ url: `https://news.example/${i}`, title: `title ${text}`, site: 'news.example', seenAt: 1_000 * i, name: 'John Kerry', description: `said ${text}` })),
      };
      return <CardHistory history={history} current={{}} />;
    }, (text) => PAYLOADS.indexOf(text as (typeof PAYLOADS)[number]) < 3);
  });

  it('an encyclopedia summary (title and extract from the network)', async () => {
    const originalObserver = globalThis.IntersectionObserver;
    // The summary loads when the card scrolls into view: show everything at once.
    globalThis.IntersectionObserver = class {
      constructor(private readonly callback: IntersectionObserverCallback) {}
      observe(target: Element): void {
        this.callback([{ target, isIntersecting: true } as unknown as IntersectionObserverEntry], this as unknown as IntersectionObserver);
      }
      disconnect(): void {}
      unobserve(): void {}
      takeRecords(): IntersectionObserverEntry[] {
        return [];
      }
    } as unknown as typeof IntersectionObserver;
    try {
      await expectSafe((texts) => {
        const send = async (): Promise<unknown> => ({ status: 'found', title: `Kerry ${texts[1]}`, extract: texts.join(' '), url: 'https://en.wikipedia.org/wiki/John_Kerry', cached: true });
        return <EncyclopediaSummary name="John Kerry" type="person" send={send} openSettings={() => undefined} />;
      });
    } finally {
      globalThis.IntersectionObserver = originalObserver;
    }
  });

  it('the library page, after importing a Lede backup and a Hypothesis file full of payloads', async () => {
    let count = 0;
    await expectSafe(async (texts) => {
      count += 1;
      const db = createLedeDB(`lede-render-safety-${count}`);
      await db.delete();
      await db.open();
      // A Lede backup with the payloads in notes, tags, titles and the reading history's names.
      const backup = exportJsonLd(notesOf(texts), [
        { url: makeAnnotation().target.source, title: `title ${texts[0]}`, site: 'news.example', seenAt: 1, entities: [{ type: 'person', name: `Person ${texts[1]}`, mentions: 1 }], quotes: [{ text: `quote ${texts[2]}`, kind: 'direct', speaker: `Person ${texts[1]}` }] },
      ]);
      await importAnnotations(db, backup);
      // A Hypothesis export with the payloads in text, tags and the quoted passage.
      const hypothesis = JSON.stringify(
        texts.slice(0, 3).map((text, i) => ({
          id: `hyp${i}`,
          uri: `https://other.example/${i}`,
          text: `hyp ${text}`,
          tags: [tagOf(`hyp ${text}`)],
          created: '2026-01-01T00:00:00Z',
          updated: '2026-01-01T00:00:00Z',
          document: { title: [`doc ${text}`] },
          target: [{ source: `https://other.example/${i}`, selector: [{ type: 'TextQuoteSelector', exact: `passage ${text}`, prefix: '', suffix: '' }] }],
        })),
      );
      const summary = await importAnnotations(db, hypothesis);
      expect(summary.added).toBe(3);
      return <LibraryApp runtime={inProcessLibraryRuntime(db)} debounceMs={0} saveFile={() => undefined} />;
    });
    await vi.waitFor(() => expect(root.querySelector('[data-testid="library-note"]')).not.toBeNull());
  });
});

describe('imports refuse script addresses', () => {
  it('a note whose page is a javascript:, data: or vbscript: address is rejected with the reason', () => {
    for (const source of ['javascript:window.__ledeXss=1', 'data:text/html,<script>1</script>', 'vbscript:msgbox(1)']) {
      const parsed = parseImport(exportJsonLd([makeAnnotation({ target: { ...makeAnnotation().target, source } })]));
      expect(parsed.annotations).toEqual([]);
      expect(parsed.rejected[0]!.reason).toMatch(/must be an http, https or file URL/);
    }
  });

  it('reading history with a javascript: address is rejected', () => {
    const parsed = parseImport(
      exportJsonLd([makeAnnotation()], [{ url: 'javascript:window.__ledeXss=1', title: 't', site: 's', seenAt: 1, entities: [], quotes: [] }]),
    );
    expect(parsed.articles).toEqual([]);
    expect(parsed.rejected.map((r) => r.reason).join()).toMatch(/url must be an http, https or file URL/);
  });
});

describe('exports keep payloads inert', () => {
  const notes = notesOf(PAYLOADS);

  it('Markdown: no raw HTML tag and no script link survives, the words stay readable', () => {
    const { files } = exportMarkdown(notes, []);
    // The YAML front matter holds the title as a quoted string (properties, never rendered as HTML).
    const all = files.map((f) => f.content.slice(f.content.indexOf('\n---\n') + 5)).join('\n');
    expect(files[0]!.content).toMatch(/^title: "title <img src=x onerror=\\"window.__ledeXss=1\\">"$/m);
    expect(all).not.toMatch(/<\s*(img|script|svg|iframe|a|style|math|textarea)\b/i);
    expect(all).not.toMatch(/\]\(\s*javascript:/i);
    expect(all).toContain('&lt;img src=x onerror="window.__ledeXss=1">');
    expect(all).toContain(`[click me](${REMOVED_LINK})`);
  });

  it.each([
    ['inline link', '[x](javascript:alert(1))', `[x](${REMOVED_LINK})`],
    ['upper case', '[x](JavaScript:alert(1))', `[x](${REMOVED_LINK})`],
    ['entity-encoded scheme', '[x](jav&#x61;script&#58;alert(1))', `[x](${REMOVED_LINK})`],
    ['reference definition', '[x]: javascript:alert(1)', `[x]: ${REMOVED_LINK}`],
    ['data URL', '[x](data:text/html;base64,PHNjcmlwdD4=)', `[x](${REMOVED_LINK})`],
    ['autolink', '<javascript:alert(1)>', '&lt;javascript:alert(1)>'],
    ['ordinary link kept', '[BBC](https://www.bbc.co.uk/news)', '[BBC](https://www.bbc.co.uk/news)'],
    ['markdown kept', '**bold** and _italic_\n> a quote', '**bold** and _italic_\n> a quote'],
  ])('inertMarkdown: %s', (_name, input, output) => {
    expect(inertMarkdown(input)).toBe(output);
  });

  it('CSV: every cell a spreadsheet would run as a formula starts with an apostrophe', () => {
    const formulas = ['=HYPERLINK("http://evil.example","x")', '+SUM(1,2)', '-2+3', '@SUM(A1)', '\t=1+1', '\r=1+1'];
    const csv = exportCsv(formulas.map((body, i) => makeAnnotation({ id: noteId(i + 1), body, tags: [tagOf(body)] })));
    const cells = csv.split(/,|\r\n/).map((cell) => cell.replace(/^"|"$/g, ''));
    for (const cell of cells) expect(cell, cell).not.toMatch(/^[=+\-@\t\r]/);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
  });
});
