import type { HighlightColor } from '@/lib/notes/annotation';

/**
 * The note editor's class names on each surface: one markup, styled by the stylesheet of where it
 * shows (components/notes/notes.css in the page's editor frame, components/popup/notes/notes.css in
 * the popup, whose list items share its swatches and buttons).
 */
export type EditorLook = 'page' | 'popup';

export interface EditorClasses {
  form: string;
  /** Added when the editor fills a page of its own (the editor frame). */
  formPage: string;
  title: string;
  quote: string;
  label: string;
  hint: string;
  body: string;
  tags: string;
  colorset: string;
  colorOption: string;
  swatch: (color: HighlightColor) => string;
  screenReaderOnly: string;
  error: string;
  buttons: string;
  action: string;
  primary: string;
}

export const EDITOR_LOOKS: Record<EditorLook, EditorClasses> = {
  page: {
    form: 'lede-notes-editor',
    formPage: 'lede-notes-editor-page',
    title: 'lede-notes-title',
    quote: 'lede-notes-quote',
    label: 'lede-notes-label',
    hint: 'lede-notes-hint',
    body: 'lede-notes-body',
    tags: 'lede-notes-tags',
    colorset: 'lede-notes-colorset',
    colorOption: 'lede-notes-color-option',
    swatch: (color) => `lede-notes-color lede-note-swatch-${color}`,
    screenReaderOnly: 'lede-notes-sr',
    error: 'lede-notes-error',
    buttons: 'lede-notes-buttons',
    action: 'lede-notes-action',
    primary: 'lede-notes-primary',
  },
  popup: {
    form: 'note-editor',
    formPage: '',
    title: 'note-editor-label',
    quote: 'note-quote',
    label: 'note-editor-label',
    hint: 'note-editor-hint',
    body: 'note-editor-field',
    tags: 'note-editor-field',
    colorset: 'note-editor-colors',
    colorOption: 'note-color-option',
    swatch: (color) => `note-swatch note-swatch-${color}`,
    screenReaderOnly: 'visually-hidden',
    error: 'note-error',
    buttons: 'note-editor-buttons',
    action: 'note-action',
    primary: 'note-action-primary',
  },
};
