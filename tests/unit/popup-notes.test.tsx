// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { NotesSection } from '@/components/popup/notes/NotesSection';
import { bodyPreview, clampText, notesHeading, quotePreview } from '@/components/popup/notes/note-text';
import { App } from '@/components/popup/PopupApp';
import type { AnchorStatus, Annotation } from '@/lib/notes/annotation';
import type { AnalysisReport, LedeRequest } from '@/lib/protocol/messages';
import type { PageNote } from '@/lib/notes/page-notes';
import { makeAnnotation, noteId, SOURCE } from '../../testing/fixtures/annotation-fixtures';
import { click, settle, waitFor, testRoot } from '../../testing/preact';
import { channel, fakeBackground, type FakeChannel } from '../../testing/fakes/background';

const anchoredAt = (start: number, end: number): AnchorStatus => ({ status: 'anchored', start, end, method: 'position', score: 1 });
const ORPHAN: AnchorStatus = { status: 'orphan', reason: 'passage not found' };

function pageNotes(): PageNote[] {
  return [
    { annotation: makeAnnotation({ id: noteId(1), start: 10, exact: 'Kerry met Lavrov', body: 'First note', tags: ['talks', 'syria'] }), anchor: anchoredAt(10, 26) },
    { annotation: makeAnnotation({ id: noteId(2), start: 50, exact: 'in Geneva', body: '', tags: [], color: 'green', motivation: 'highlighting' }), anchor: anchoredAt(52, 61) },
    { annotation: makeAnnotation({ id: noteId(3), start: 90, exact: 'a sentence that was rewritten', body: 'Lost one', color: 'pink' }), anchor: ORPHAN },
  ];
}

type Channel = FakeChannel;

/** The content script: answers getPageNotes from `notes()`, acknowledges the rest. */
function fakeTab(notes: () => PageNote[] = pageNotes, extra: (message: LedeRequest) => unknown = () => undefined): Channel {
  return channel((message) => {
    switch (message.type) {
      case 'getPageNotes':
        return { source: SOURCE, notes: notes() };
      case 'notesChanged':
        return { ok: true };
      case 'revealSpan':
        return { revealed: true };
      default:
        return extra(message);
    }
  });
}

/** The background: a tiny store over the fixture notes; `fail` names a message it refuses. */
function notesBackground(fail?: string): Channel {
  const stored = new Map(pageNotes().map((note) => [note.annotation.id, note.annotation]));
  return fakeBackground(
    {
      updateAnnotation: (message) => {
        const annotation: Annotation = { ...stored.get(message.id)!, ...message.patch, modified: '2026-05-01T00:00:00.000Z' };
        stored.set(message.id, annotation);
        return { annotation };
      },
      deleteAnnotation: (message) => {
        const deleted = stored.get(message.id)!;
        stored.delete(message.id);
        return { deleted };
      },
      restoreAnnotation: (message) => {
        stored.set(message.annotation.id, message.annotation);
        return { annotation: message.annotation };
      },
    },
    { refuse: (message) => (message.type === fail ? 'the database is closed' : null) },
  );
}

const root = testRoot();

const section = (): HTMLElement => root.querySelector('[data-testid="notes"]')!;
const items = (): HTMLElement[] => [...root.querySelectorAll<HTMLElement>('[data-testid="note"]')];
const item = (n: number): HTMLElement => items().find((el) => el.dataset.noteId === noteId(n))!;
const text = (el: Element | null | undefined): string => el?.textContent?.trim() ?? '';

async function type(field: HTMLInputElement | HTMLTextAreaElement, value: string): Promise<void> {
  await act(async () => {
    field.value = value;
    field.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function show(tab: Channel, background: Channel, undoMs?: number): Promise<void> {
  render(<NotesSection tab={tab.send} background={background.send} undoMs={undoMs} />, root);
  await settle();
}

describe('the popup notes section', () => {
  it('lists the page’s notes in reading order, orphans in their own list', async () => {
    const tab = fakeTab();
    await show(tab, notesBackground());
    expect(tab.sent).toEqual([{ type: 'getPageNotes' }]);
    expect(section().dataset.state).toBe('ready');
    expect(text(section().querySelector('h2'))).toBe('Your notes (3)');
    expect(items().map((el) => [el.dataset.noteId, el.dataset.status])).toEqual([
      [noteId(1), 'anchored'],
      [noteId(2), 'anchored'],
      [noteId(3), 'orphan'],
    ]);

    const first = item(1);
    expect(text(first.querySelector('[data-testid="note-quote"]'))).toBe('Kerry met Lavrov');
    expect(text(first.querySelector('[data-testid="note-body"]'))).toBe('First note');
    expect([...first.querySelectorAll('[data-testid="note-tags"] li')].map(text)).toEqual(['talks', 'syria']);
    expect(first.querySelector('[role="img"]')?.getAttribute('aria-label')).toBe('Yellow highlight');
    expect(first.querySelector('[data-testid="note-jump"]')).not.toBeNull();
    expect(first.querySelector('[data-testid="note-edit"]')).not.toBeNull();
    expect(first.querySelector('[data-testid="note-reattach"]')).toBeNull();

    // A bare highlight shows its passage, no body and no tags.
    expect(item(2).querySelector('[data-testid="note-body"]')).toBeNull();
    expect(item(2).querySelector('[data-testid="note-tags"]')).toBeNull();

    const orphans = root.querySelector('[data-testid="notes-orphans"]')!;
    expect(text(orphans.querySelector('h3'))).toBe('Couldn’t find these on the page (the article may have changed)');
    expect(orphans.contains(item(3))).toBe(true);
    expect(text(item(3).querySelector('[data-testid="note-quote"]'))).toBe('a sentence that was rewritten');
    expect(item(3).querySelector('[data-testid="note-reattach"]')).not.toBeNull();
    expect(item(3).querySelector('[data-testid="note-delete"]')).not.toBeNull();
    expect(item(3).querySelector('[data-testid="note-jump"]')).toBeNull();
    expect(item(3).querySelector('[data-testid="note-edit"]')).toBeNull();
  });

  it('says how to make a note when the page has none', async () => {
    await show(fakeTab(() => []), notesBackground());
    expect(text(section().querySelector('h2'))).toBe('Your notes (0)');
    expect(text(root.querySelector('[data-testid="notes-empty"]'))).toBe('Select text in the article to highlight it or add a note.');
    expect(items()).toEqual([]);
  });

  it('says so when the page gives no list of notes', async () => {
    await show(
      channel(() => {
        throw new Error('Receiving end does not exist');
      }),
      notesBackground(),
    );
    expect(section().dataset.state).toBe('error');
    expect(text(section())).toContain('Your notes for this page couldn’t be loaded.');
    await show(channel(() => ({ status: 'analyzed' })), notesBackground());
    expect(section().dataset.state).toBe('error');
  });

  it('renders note bodies and quotes as text, never HTML', async () => {
    const evil = '<img src=x onerror="alert(1)"><b>bold</b>';
    await show(fakeTab(() => [{ annotation: makeAnnotation({ body: evil, exact: '<script>x</script>' }), anchor: anchoredAt(10, 27) }]), notesBackground());
    expect(root.querySelector('img, b, script')).toBeNull();
    expect(text(root.querySelector('[data-testid="note-body"]'))).toBe(evil);
    expect(text(root.querySelector('[data-testid="note-quote"]'))).toBe('<script>x</script>');
  });

  it('jumps to the anchored span, and says so when the page could not show it', async () => {
    let revealed = true;
    const tab = fakeTab(pageNotes, () => undefined);
    const send = tab.send;
    tab.send = async (message) => (message.type === 'revealSpan' ? (tab.sent.push(message), { revealed }) : send(message));
    await show(tab, notesBackground());
    await click(item(2).querySelector('[data-testid="note-jump"]'));
    expect(tab.sent.at(-1)).toEqual({ type: 'revealSpan', start: 52, end: 61 });
    expect(text(item(2).querySelector('[data-testid="note-status"]'))).toBe('');
    revealed = false;
    await click(item(2).querySelector('[data-testid="note-jump"]'));
    expect(text(item(2).querySelector('[data-testid="note-status"]'))).toBe('Couldn’t show that passage on the page.');
  });

  it('edits a note inline: body, tags and colour, saved to the background, then the page is told', async () => {
    const tab = fakeTab();
    const background = notesBackground();
    await show(tab, background);
    await click(item(1).querySelector('[data-testid="note-edit"]'));

    const body = item(1).querySelector<HTMLTextAreaElement>('[data-testid="note-editor-body"]')!;
    const tags = item(1).querySelector<HTMLInputElement>('[data-testid="note-editor-tags"]')!;
    expect(body.value).toBe('First note');
    expect(tags.value).toBe('talks, syria');
    expect(document.activeElement).toBe(body);
    const colours = [...item(1).querySelectorAll<HTMLInputElement>('[data-testid="note-editor-color"]')];
    expect(colours.map((radio) => [radio.value, radio.checked])).toEqual([
      ['yellow', true],
      ['green', false],
      ['blue', false],
      ['pink', false],
      ['purple', false],
    ]);
    expect(colours[2]!.closest('label')?.textContent).toContain('Blue');

    await type(body, 'Rewritten <i>note</i>');
    await type(tags, ' diplomacy, ,geneva , diplomacy');
    await click(colours[2]);
    await click(item(1).querySelector('[data-testid="note-editor-save"]'));

    expect(background.sent).toEqual([
      { type: 'updateAnnotation', id: noteId(1), patch: { body: 'Rewritten <i>note</i>', tags: ['diplomacy', 'geneva'], color: 'blue' } },
    ]);
    // The background tells the page (and then the popup); the popup relays nothing.
    expect(tab.sent.map((m) => m.type)).not.toContain('notesChanged');
    expect(item(1).querySelector('[data-testid="note-editor-body"]')).toBeNull();
    expect(text(item(1).querySelector('[data-testid="note-body"]'))).toBe('Rewritten <i>note</i>');
    expect([...item(1).querySelectorAll('[data-testid="note-tags"] li')].map(text)).toEqual(['diplomacy', 'geneva']);
    expect(item(1).querySelector('[role="img"]')?.getAttribute('aria-label')).toBe('Blue highlight');
  });

  it('keeps the editor open with the reason when saving fails, and Escape cancels', async () => {
    const tab = fakeTab();
    await show(tab, notesBackground('updateAnnotation'));
    await click(item(1).querySelector('[data-testid="note-edit"]'));
    await type(item(1).querySelector<HTMLTextAreaElement>('[data-testid="note-editor-body"]')!, 'Changed');
    await click(item(1).querySelector('[data-testid="note-editor-save"]'));
    expect(text(item(1).querySelector('[role="alert"]'))).toBe('Couldn’t save the note: the database is closed');
    expect(item(1).querySelector<HTMLTextAreaElement>('[data-testid="note-editor-body"]')?.value).toBe('Changed');
    expect(tab.sent.map((m) => m.type)).not.toContain('notesChanged');

    await act(async () => {
      item(1).querySelector('form')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    await settle();
    expect(item(1).querySelector('[data-testid="note-editor-body"]')).toBeNull();
    expect(text(item(1).querySelector('[data-testid="note-body"]'))).toBe('First note');
    expect(document.activeElement).toBe(item(1).querySelector('[data-testid="note-edit"]'));
  });

  it('deletes a note with an undo bar; Undo puts it back in its place', async () => {
    const tab = fakeTab();
    const background = notesBackground();
    await show(tab, background);
    await click(item(2).querySelector('[data-testid="note-delete"]'));

    expect(background.sent).toEqual([{ type: 'deleteAnnotation', id: noteId(2) }]);
    expect(items().map((el) => el.dataset.noteId)).toEqual([noteId(1), noteId(3)]);
    expect(text(section().querySelector('h2'))).toBe('Your notes (2)');
    const bar = root.querySelector('[data-testid="note-undo"]')!;
    expect(text(bar)).toContain('Note deleted.');
    expect(document.activeElement).toBe(bar.querySelector('button'));

    await click(bar.querySelector('button'));
    const deleted = pageNotes()[1]!.annotation;
    expect(background.sent.at(-1)).toEqual({ type: 'restoreAnnotation', annotation: deleted });
    expect(tab.sent.map((m) => m.type)).not.toContain('notesChanged');
    expect(items().map((el) => el.dataset.noteId)).toEqual([noteId(1), noteId(2), noteId(3)]);
    expect(root.querySelector('[data-testid="note-undo"]')).toBeNull();
    expect(document.activeElement).toBe(item(2));
  });

  it('lets the undo offer lapse, leaving the note deleted', async () => {
    const background = notesBackground();
    await show(fakeTab(), background, 20);
    await click(item(1).querySelector('[data-testid="note-delete"]'));
    // The offer itself is checked by the undo test; with a 20 ms window a busy machine may already
    // have let it lapse here, so this only waits for it to be gone.
    await waitFor(() => root.querySelector('[data-testid="note-undo"]') === null);
    await settle();
    expect(root.querySelector('[data-testid="note-undo"]')).toBeNull();
    expect(items().map((el) => el.dataset.noteId)).toEqual([noteId(2), noteId(3)]);
    expect(background.sent.map((m) => m.type)).toEqual(['deleteAnnotation']);
    expect(document.activeElement).toBe(section().querySelector('h2'));
  });

  it('says why a delete failed and keeps the note', async () => {
    await show(fakeTab(), notesBackground('deleteAnnotation'));
    await click(item(3).querySelector('[data-testid="note-delete"]'));
    expect(items()).toHaveLength(3);
    expect(text(item(3).querySelector('[data-testid="note-status"]'))).toBe('Couldn’t delete the note: the database is closed');
    expect(root.querySelector('[data-testid="note-undo"]')).toBeNull();
  });

  it('reads the page’s notes again when the background says this page’s notes changed, and only then', async () => {
    let notes = pageNotes();
    const tab = fakeTab(() => notes);
    let notify: ((sources?: readonly string[]) => void) | null = null;
    const notices = (onChange: (sources?: readonly string[]) => void): (() => void) => {
      notify = onChange;
      return () => (notify = null);
    };
    render(<NotesSection tab={tab.send} background={notesBackground().send} notices={notices} />, root);
    await settle();
    expect(items()).toHaveLength(3);
    const asked = (): number => tab.sent.filter((m) => m.type === 'getPageNotes').length;
    expect(asked()).toBe(1);

    // Deleted in the library: the page has repainted; the popup follows.
    notes = notes.slice(1);
    await act(async () => notify!([SOURCE]));
    await settle();
    expect(asked()).toBe(2);
    expect(items().map((el) => el.dataset.noteId)).toEqual([noteId(2), noteId(3)]);

    // Another page's notes: nothing to read again.
    await act(async () => notify!(['https://other.example/page']));
    await settle();
    expect(asked()).toBe(2);
    // No page named: any may have changed.
    await act(async () => notify!());
    await settle();
    expect(asked()).toBe(3);

    render(null, root);
    expect(notify).toBeNull();
  });

  it('re-attaches an orphan to the selection, or explains to select text first', async () => {
    let selection = false;
    let reattached = false;
    const notes = (): PageNote[] => {
      const list = pageNotes();
      if (reattached) list[2] = { ...list[2]!, anchor: anchoredAt(200, 230) };
      return list;
    };
    const tab = fakeTab(notes, (message) => {
      if (message.type !== 'reattachAnnotation') return undefined;
      if (!selection) return { status: 'no-selection' };
      reattached = true;
      return { status: 'reattached', annotation: pageNotes()[2]!.annotation };
    });
    await show(tab, notesBackground());

    await click(item(3).querySelector('[data-testid="note-reattach"]'));
    expect(tab.sent.at(-1)).toEqual({ type: 'reattachAnnotation', id: noteId(3) });
    expect(text(item(3).querySelector('[data-testid="note-status"]'))).toBe(
      'Select the new passage in the article first, then open Lede and choose Re-attach again.',
    );

    selection = true;
    await click(item(3).querySelector('[data-testid="note-reattach"]'));
    expect(tab.sent.slice(-2)).toEqual([{ type: 'reattachAnnotation', id: noteId(3) }, { type: 'getPageNotes' }]);
    expect(item(3).dataset.status).toBe('anchored');
    expect(root.querySelector('[data-testid="notes-orphans"]')).toBeNull();
  });
});

describe('the notes section in the popup', () => {
  const REPORT: AnalysisReport = {
    status: 'analyzed',
    url: SOURCE,
    title: 'Talks collapse',
    analysis: { entities: [{ id: 'person:John Kerry', type: 'person', name: 'John Kerry', mentions: [{ start: 0, end: 5 }] }], quotes: [] },
    text: 'Kerry spoke.',
    timings: {},
    highlightsSupported: true,
    highlightPrefs: { prefs: { person: true, place: true, organization: true, quote: true, reported: true }, scope: 'global' },
  };

  it('has a tab of its own beside the cards, with its count, when the popup can reach the background', async () => {
    const tab = fakeTab(pageNotes, (message) => (message.type === 'getAnalysis' ? REPORT : undefined));
    const background = channel((message) => {
      if (message.type === 'getEntityHistory') return { histories: [] };
      if (message.type === 'getSiteSwitches') return { paused: false, offSites: [] };
      return undefined;
    });
    render(<App send={tab.send} background={background.send} />, root);
    await settle();
    const notesTab = root.querySelector<HTMLElement>('[data-testid="tab-notes"]')!;
    const peopleTab = root.querySelector<HTMLElement>('[data-testid="tab-people"]')!;
    const panelOf = (tabElement: HTMLElement): HTMLElement => root.querySelector<HTMLElement>(`#${tabElement.getAttribute('aria-controls')}`)!;
    expect(notesTab.getAttribute('role')).toBe('tab');
    expect(notesTab.textContent).toBe('Notes3');
    // The cards' tab is the one shown; the notes are there, in the other panel.
    expect(peopleTab.getAttribute('aria-selected')).toBe('true');
    expect(panelOf(peopleTab).contains(root.querySelector('[data-testid="entity-group"]'))).toBe(true);
    expect(panelOf(notesTab).contains(section())).toBe(true);
    expect(panelOf(notesTab).hidden).toBe(true);

    await click(notesTab);
    expect(notesTab.getAttribute('aria-selected')).toBe('true');
    expect(panelOf(notesTab).hidden).toBe(false);
    expect(panelOf(peopleTab).hidden).toBe(true);
    expect(items()).toHaveLength(3);
  });

  it('is left out without the background, and on pages Lede can’t read', async () => {
    render(<App send={fakeTab(pageNotes, () => REPORT).send} />, root);
    await settle();
    expect(root.querySelector('[data-testid="notes"]')).toBeNull();
    render(null, root);
    const unreachable = channel(() => {
      throw new Error('no content script');
    });
    render(<App send={unreachable.send} background={notesBackground().send} />, root);
    await settle();
    expect(root.querySelector('[data-testid="notes"]')).toBeNull();
    expect(unreachable.sent.map((m) => m.type)).toEqual(['getAnalysis']);
  });
});

describe('note text', () => {
  it.each([
    ['short text unchanged', 'A passage.', 20, 'A passage.'],
    ['whitespace collapsed', '  A\n\n passage\t here ', 20, 'A passage here'],
    ['cut at a word boundary near the end', 'one two three four five six', 20, 'one two three four…'],
    ['a long word cut where it is', 'x'.repeat(30), 10, `${'x'.repeat(9)}…`],
  ])('clampText: %s', (_name, input, max, expected) => {
    expect(clampText(input, max)).toBe(expected);
    expect(clampText(input, max).length).toBeLessThanOrEqual(max);
  });

  it('previews the quote at 200 characters and a long body at 600', () => {
    const long = 'word '.repeat(100);
    const preview = quotePreview(makeAnnotation({ exact: long }));
    expect(preview.length).toBeLessThanOrEqual(200);
    expect(preview.endsWith('…')).toBe(true);
    expect(bodyPreview('short\nbody')).toBe('short\nbody');
    const body = bodyPreview('line\n'.repeat(200));
    expect(body.length).toBeLessThanOrEqual(600);
    expect(body.endsWith('…')).toBe(true);
    expect(notesHeading(4)).toBe('Your notes (4)');
  });
});
