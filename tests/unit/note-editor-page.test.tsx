// @vitest-environment happy-dom
// The note editor frame's page (entrypoints/note-editor/App.tsx) with the background played by a
// stand-in: it shows the draft it was handed, saves the note itself, then says so; Escape cancels.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import { NoteEditorPage } from '@/entrypoints/note-editor/App';
import type { Annotation } from '@/lib/notes/annotation';
import type { LedeRequest } from '@/lib/protocol/messages';
import { newAnnotation } from '@/lib/notes/new-annotation';
import type { EditorOutcome } from '@/lib/protocol/note-editor-port';
import { noteId } from '../../testing/fixtures/annotation-fixtures';
import { testRoot } from '../../testing/preact';

const TEXT = 'The minister said on Tuesday that talks would resume in Geneva next week.';
const DRAFT: Annotation = newAnnotation({
  id: noteId(1), text: TEXT, start: TEXT.indexOf('talks'), end: TEXT.indexOf('talks') + 18, source: 'https://news.example/story',
  color: 'green', body: '', tags: [], page: { title: 'Talks', site: 'news.example' }, now: new Date(Date.UTC(2026, 0, 1)),
});

const root = testRoot();
let outcomes: EditorOutcome[];
let toBackground: LedeRequest[];
let saveFails: boolean;

function background(message: LedeRequest): Promise<unknown> {
  toBackground.push(message);
  if (saveFails) return Promise.reject(new Error('refused'));
  return Promise.resolve({ annotation: message.type === 'saveAnnotation' ? message.annotation : null });
}

function open(): void {
  act(() => {
    render(<NoteEditorPage draft={{ type: 'draft', annotation: DRAFT, quote: 'talks would resume' }} toBackground={background} onDone={(outcome) => outcomes.push(outcome)} />, root);
  });
}

function type(field: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  act(() => {
    field.value = value;
    field.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function press(target: Element, init: KeyboardEventInit): Promise<void> {
  await act(async () => {
    target.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init }));
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

beforeEach(() => {
  outcomes = [];
  toBackground = [];
  saveFails = false;
});

describe('the note editor frame', () => {
  it('shows the passage it was handed, in the draft’s colour, with the note field focused', () => {
    open();
    expect(root.querySelector('blockquote')!.textContent).toBe('talks would resume');
    expect(document.activeElement).toBe(root.querySelector('textarea'));
    expect(root.querySelector<HTMLInputElement>('input[name="color"]:checked')!.value).toBe('green');
  });

  it('saves the note itself through the background, then says it saved it', async () => {
    open();
    type(root.querySelector('textarea')!, 'Only the talks, not the deal');
    type(root.querySelector<HTMLInputElement>('input[name="tags"]')!, 'geneva, talks');
    await press(root.querySelector('textarea')!, { key: 'Enter', ctrlKey: true });
    expect(toBackground).toEqual([{ type: 'saveAnnotation', annotation: { ...DRAFT, body: 'Only the talks, not the deal', tags: ['geneva', 'talks'] } }]);
    expect(outcomes).toEqual([{ type: 'saved', id: DRAFT.id }]);
  });

  it('shows an error and stays open when the background refuses the note', async () => {
    saveFails = true;
    open();
    type(root.querySelector('textarea')!, 'A note');
    await press(root.querySelector('textarea')!, { key: 'Enter', ctrlKey: true });
    expect(root.querySelector('[role="alert"]')!.textContent).toMatch(/could not save/);
    expect(outcomes).toEqual([]);
  });

  it('says the reader cancelled on Escape, saving nothing', async () => {
    open();
    type(root.querySelector('textarea')!, 'never kept');
    await press(root.querySelector('textarea')!, { key: 'Escape' });
    expect(outcomes).toEqual([{ type: 'cancelled' }]);
    expect(toBackground).toEqual([]);
  });
});
