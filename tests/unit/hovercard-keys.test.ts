// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { isEditable, keyAction, NAV_KEY_HINT } from '@/components/hovercard/keys';

const key = (code: string, key: string, mods: Partial<Record<'altKey' | 'shiftKey' | 'ctrlKey' | 'metaKey', boolean>> = {}) => ({
  code,
  key,
  altKey: false,
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  ...mods,
});

describe('keyAction', () => {
  it.each([
    [key('KeyJ', 'J', { altKey: true, shiftKey: true }), 'next'],
    [key('KeyK', 'K', { altKey: true, shiftKey: true }), 'previous'],
    // macOS: Option+Shift+J types "Ô"; the physical key decides.
    [key('KeyJ', 'Ô', { altKey: true, shiftKey: true }), 'next'],
    [key('Escape', 'Escape'), 'close'],
    [key('Escape', 'Escape', { shiftKey: true }), 'close'],
  ])('%o is %s', (event, action) => {
    expect(keyAction(event)).toBe(action);
  });

  it.each([
    ['plain J', key('KeyJ', 'j')],
    ['Alt+J', key('KeyJ', 'j', { altKey: true })],
    ['Shift+J', key('KeyJ', 'J', { shiftKey: true })],
    ['Ctrl+Alt+Shift+J', key('KeyJ', 'J', { altKey: true, shiftKey: true, ctrlKey: true })],
    ['Meta+Alt+Shift+K', key('KeyK', 'K', { altKey: true, shiftKey: true, metaKey: true })],
    ['Alt+Shift+L', key('KeyL', 'L', { altKey: true, shiftKey: true })],
    ['Ctrl+Escape', key('Escape', 'Escape', { ctrlKey: true })],
  ])('ignores %s', (_label, event) => {
    expect(keyAction(event)).toBeNull();
  });

  it('names the keys in its hint', () => {
    expect(NAV_KEY_HINT).toBe('Alt+Shift+J / K: next / previous');
  });
});

describe('isEditable', () => {
  it.each([
    ['<input>', true],
    ['<input type="search">', true],
    ['<textarea></textarea>', true],
    ['<select><option>a</option></select>', true],
    ['<div contenteditable="true"><b>x</b></div>', true],
    ['<input type="checkbox">', false],
    ['<button>x</button>', false],
    ['<a href="#">x</a>', false],
    ['<div contenteditable="false">x</div>', false],
    ['<p>text</p>', false],
  ])('%s is %s', (html, editable) => {
    document.body.innerHTML = html;
    const element = document.body.firstElementChild!;
    // Inside contenteditable, the key lands on a child.
    const target = element.querySelector('b') ?? element;
    expect(isEditable(target)).toBe(editable);
  });

  it('is false for no target or a non-element', () => {
    expect(isEditable(null)).toBe(false);
    expect(isEditable(window)).toBe(false);
  });
});
