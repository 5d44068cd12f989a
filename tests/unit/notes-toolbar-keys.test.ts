// @vitest-environment happy-dom
// The selection toolbar's keys (lib/page/notes/toolbar-state.ts): Escape puts it away and Tab from
// the page moves focus to it, for the reader's own key presses only. Every event a test dispatches
// is untrusted, like a page's scripted keys; a stand-in check plays the reader.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Toolbar } from '@/lib/page/notes/toolbar-state';
import type { NotesUi } from '@/lib/page/notes/notes-view';
import type { TrustCheck } from '@/lib/page/trusted-events';

let abort: AbortController;
let focused: number;
let renders: number;

beforeEach(() => {
  document.body.innerHTML = '<p>Kerry is a congenial, keep-communicating kind of guy</p>';
  abort = new AbortController();
  focused = 0;
  renders = 0;
});

afterEach(() => abort.abort());

const ui: NotesUi = {
  show: async () => {},
  hide: () => {},
  contains: () => false,
  hasFocus: () => false,
  focusFirstButton: () => {
    focused += 1;
    return true;
  },
  copyWithCommand: () => false,
  remove: () => {},
};

/** A toolbar shown beside the paragraph's words. */
function shownToolbar(trusted?: TrustCheck): Toolbar {
  const toolbar = new Toolbar({ win: window, signal: abort.signal, guard: (action) => action(), ui, editorOpen: () => false, render: () => void (renders += 1), trusted });
  toolbar.start();
  const range = document.createRange();
  range.selectNodeContents(document.querySelector('p')!);
  toolbar.follow({ text: range.toString(), span: { start: 0, end: range.toString().length }, range });
  expect(toolbar.state).not.toBeNull();
  return toolbar;
}

const press = (key: string): KeyboardEvent => {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
  document.body.dispatchEvent(event);
  return event;
};

describe('the selection toolbar’s keys', () => {
  it('ignores a page’s scripted Tab and Escape: focus stays, the toolbar stays', () => {
    const toolbar = shownToolbar();
    expect(press('Tab').defaultPrevented).toBe(false);
    expect(focused).toBe(0);
    press('Escape');
    expect(toolbar.state).not.toBeNull();
  });

  it('answers the reader’s Tab (focus to the toolbar) and Escape (put away)', () => {
    const toolbar = shownToolbar(() => true);
    expect(press('Tab').defaultPrevented).toBe(true);
    expect(focused).toBe(1);
    press('Escape');
    expect(toolbar.state).toBeNull();
  });
});
