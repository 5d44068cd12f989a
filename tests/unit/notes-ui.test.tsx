// @vitest-environment happy-dom
// The selection toolbar and the note editor (components/notes/), rendered on their own.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import { NoteEditor, type NoteDraft } from '@/components/notes/NoteEditor';
import { SelectionToolbar } from '@/components/notes/SelectionToolbar';
import type { HighlightColor } from '@/lib/notes/annotation';
import { testRoot } from '../../testing/preact';

const root = testRoot();
let events: string[];
const ANCHOR = { left: 100, top: 100, right: 300, bottom: 120 };

beforeEach(() => {
  events = [];
});

function key(target: Element, init: KeyboardEventInit): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init });
  act(() => {
    target.dispatchEvent(event);
  });
  return event;
}

describe('SelectionToolbar', () => {
  function showToolbar(status?: string): HTMLElement {
    act(() => {
      render(
        <SelectionToolbar
          anchor={ANCHOR}
          status={status}
          onHighlight={(color: HighlightColor) => events.push(`highlight:${color}`)}
          onNote={() => events.push('note')}
          onCopyQuote={() => events.push('copy')}
          onDismiss={() => events.push('dismiss')}
        />,
        root,
      );
    });
    return root.querySelector<HTMLElement>('[role="toolbar"]')!;
  }

  it('offers five labelled colours, Note and Copy quote as buttons, in tab order', () => {
    const bar = showToolbar();
    expect(bar.getAttribute('aria-label')).toMatch(/highlight or note/i);
    const buttons = [...bar.querySelectorAll('button')];
    expect(buttons.map((b) => b.getAttribute('aria-label') ?? b.textContent)).toEqual([
      'Highlight yellow', 'Highlight green', 'Highlight blue', 'Highlight pink', 'Highlight purple', 'Note', 'Copy quote',
    ]);
    expect(buttons.every((b) => b.type === 'button' && b.tabIndex === 0)).toBe(true);
    act(() => buttons[3]!.click());
    act(() => buttons[5]!.click());
    act(() => buttons[6]!.click());
    expect(events).toEqual(['highlight:pink', 'note', 'copy']);
  });

  it('keeps the page selection when pressed, and Escape dismisses it', () => {
    const bar = showToolbar();
    const down = new MouseEvent('mousedown', { bubbles: true, cancelable: true });
    bar.querySelector('button')!.dispatchEvent(down);
    expect(down.defaultPrevented).toBe(true);
    expect(key(bar.querySelector('button')!, { key: 'Escape' }).defaultPrevented).toBe(true);
    expect(events).toEqual(['dismiss']);
  });

  it('announces what Copy quote did', () => {
    const bar = showToolbar('Copied');
    const status = bar.querySelector('[role="status"]')!;
    expect(status.textContent).toBe('Copied');
    expect(status.getAttribute('aria-live')).toBe('polite');
  });
});

describe('NoteEditor', () => {
  let saved: NoteDraft[];

  function showEditor(error?: string): HTMLFormElement {
    saved = [];
    act(() => {
      render(
        <NoteEditor
          anchor={ANCHOR}
          quote={'The minister said <b>talks</b>\n\nwould resume'}
          initial={{ body: '', tags: [], color: 'blue' }}
          error={error}
          onSave={(draft) => void saved.push(draft)}
          onCancel={() => events.push('cancel')}
        />,
        root,
      );
    });
    return root.querySelector('form')!;
  }

  function type(field: HTMLInputElement | HTMLTextAreaElement, value: string): void {
    act(() => {
      field.value = value;
      field.dispatchEvent(new Event('input', { bubbles: true }));
    });
  }

  it('is a labelled dialog that focuses the note body first, with tags next', () => {
    const form = showEditor();
    expect(form.getAttribute('role')).toBe('dialog');
    expect(form.querySelector('#' + form.getAttribute('aria-labelledby'))!.textContent).toMatch(/note/i);
    const body = form.querySelector('textarea')!;
    expect(document.activeElement).toBe(body);
    expect(form.querySelector(`label[for="${body.id}"]`)!.textContent).toBe('Note');
    const fields = [...form.querySelectorAll('textarea, input, button')];
    expect(fields[0]).toBe(body);
    expect((fields[1] as HTMLInputElement).name).toBe('tags');
  });

  it('shows the passage as text, never as HTML', () => {
    const form = showEditor();
    const quote = form.querySelector('blockquote')!;
    expect(quote.textContent).toBe('The minister said <b>talks</b> would resume');
    expect(quote.querySelector('b')).toBeNull();
  });

  it('saves body, tags and colour with Ctrl+Enter and with Cmd+Enter', () => {
    const form = showEditor();
    type(form.querySelector('textarea')!, 'A **note**');
    type(form.querySelector<HTMLInputElement>('input[name="tags"]')!, 'politics, russia, politics');
    act(() => form.querySelector<HTMLInputElement>('input[value="purple"]')!.click());
    expect(key(form.querySelector('input[name="tags"]')!, { key: 'Enter', ctrlKey: true }).defaultPrevented).toBe(true);
    key(form.querySelector('textarea')!, { key: 'Enter', metaKey: true });
    expect(saved).toEqual([
      { body: 'A **note**', tags: ['politics', 'russia'], color: 'purple' },
      { body: 'A **note**', tags: ['politics', 'russia'], color: 'purple' },
    ]);
  });

  it('keeps the starting colour checked, lets plain Enter make a new line, and Escape cancels', () => {
    const form = showEditor();
    const checked = form.querySelector<HTMLInputElement>('input[name="color"]:checked')!;
    expect(checked.value).toBe('blue');
    expect(form.querySelectorAll('input[name="color"]')).toHaveLength(5);
    expect(key(form.querySelector('textarea')!, { key: 'Enter' }).defaultPrevented).toBe(false);
    expect(saved).toEqual([]);
    key(form.querySelector('textarea')!, { key: 'Escape' });
    expect(events).toEqual(['cancel']);
  });

  it('shows a save error as an alert', () => {
    const form = showEditor('Lede could not save this note. Try again.');
    expect(form.querySelector('[role="alert"]')!.textContent).toMatch(/could not save/);
  });
});
