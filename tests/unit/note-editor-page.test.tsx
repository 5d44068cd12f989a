// @vitest-environment happy-dom
// The note editor frame's page (entrypoints/note-editor/App.tsx) with the content script and the
// background played by stand-ins: it takes its draft once for its token, saves the note itself,
// then tells the page's content script; Escape asks the content script to close the frame.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NoteEditorPage } from '@/entrypoints/note-editor/App';
import type { Annotation } from '@/lib/annotation-types';
import type { LedeRequest } from '@/lib/messages';
import { newAnnotation } from '@/lib/new-annotation';
import { noteId } from './annotation-fixtures';

const TOKEN = '0b6f7a4e-3c2d-4e1f-9a8b-7c6d5e4f3a2b';
const TEXT = 'The minister said on Tuesday that talks would resume in Geneva next week.';
const DRAFT: Annotation = newAnnotation({
  id: noteId(1), text: TEXT, start: TEXT.indexOf('talks'), end: TEXT.indexOf('talks') + 18, source: 'https://news.example/story',
  color: 'green', body: '', tags: [], page: { title: 'Talks', site: 'news.example' }, now: new Date(Date.UTC(2026, 0, 1)),
});

let root: HTMLElement;
let toTab: LedeRequest[];
let toBackground: LedeRequest[];
let saveFails: boolean;
let draftGone: boolean;

function tab(message: LedeRequest): Promise<unknown> {
  toTab.push(message);
  if (message.type === 'takeNoteDraft') return draftGone ? Promise.reject(new Error('No note draft for this token')) : Promise.resolve({ annotation: DRAFT, quote: 'talks would resume' });
  return Promise.resolve({ ok: true });
}

function background(message: LedeRequest): Promise<unknown> {
  toBackground.push(message);
  if (saveFails) return Promise.reject(new Error('refused'));
  return Promise.resolve({ annotation: message.type === 'saveAnnotation' ? message.annotation : null });
}

async function open(): Promise<void> {
  await act(async () => {
    render(<NoteEditorPage token={TOKEN} toTab={tab} toBackground={background} />, root);
  });
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
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
  root = document.createElement('div');
  document.body.append(root);
  toTab = [];
  toBackground = [];
  saveFails = false;
  draftGone = false;
});

afterEach(() => {
  act(() => render(null, root));
  root.remove();
});

describe('the note editor frame', () => {
  it('takes its draft from the content script for its token, and shows the passage with the note field focused', async () => {
    await open();
    expect(toTab).toEqual([{ type: 'takeNoteDraft', token: TOKEN }]);
    expect(root.querySelector('blockquote')!.textContent).toBe('talks would resume');
    expect(document.activeElement).toBe(root.querySelector('textarea'));
    expect(root.querySelector<HTMLInputElement>('input[name="color"]:checked')!.value).toBe('green');
  });

  it('saves the note itself through the background, then tells the content script', async () => {
    await open();
    type(root.querySelector('textarea')!, 'Only the talks, not the deal');
    type(root.querySelector<HTMLInputElement>('input[name="tags"]')!, 'geneva, talks');
    await press(root.querySelector('textarea')!, { key: 'Enter', ctrlKey: true });
    expect(toBackground).toEqual([{ type: 'saveAnnotation', annotation: { ...DRAFT, body: 'Only the talks, not the deal', tags: ['geneva', 'talks'] } }]);
    expect(toTab.at(-1)).toEqual({ type: 'notesChanged' });
  });

  it('shows an error and stays open when the background refuses the note', async () => {
    saveFails = true;
    await open();
    type(root.querySelector('textarea')!, 'A note');
    await press(root.querySelector('textarea')!, { key: 'Enter', ctrlKey: true });
    expect(root.querySelector('[role="alert"]')!.textContent).toMatch(/could not save/);
    expect(toTab.map((m) => m.type)).toEqual(['takeNoteDraft']);
  });

  it('asks the content script to close it on Escape, saving nothing', async () => {
    await open();
    type(root.querySelector('textarea')!, 'never kept');
    await press(root.querySelector('textarea')!, { key: 'Escape' });
    expect(toTab.at(-1)).toEqual({ type: 'closeNoteEditor', token: TOKEN });
    expect(toBackground).toEqual([]);
  });

  it('says the editor expired when the draft was already taken, and can still be closed', async () => {
    draftGone = true;
    await open();
    expect(root.querySelector('textarea')).toBeNull();
    expect(root.textContent).toMatch(/expired/);
    await act(async () => root.querySelector('button')!.click());
    expect(toTab.at(-1)).toEqual({ type: 'closeNoteEditor', token: TOKEN });
  });
});
