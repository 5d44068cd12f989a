// The reader's notes: commands to the content script's notes controller, and the note writes and
// reads the background answers (it owns the database). Note fields are checked by
// lib/notes/validation.ts; its errors reach the sender as MessageErrors.

import type { Annotation } from '../notes/annotation';
import type { PageNotes } from '../notes/page-notes';
import {
  AnnotationValidationError,
  parseAnnotation,
  parseAnnotationId,
  parseAnnotationPatch,
  parseSourceUrl,
  type AnnotationPatch,
} from '../notes/validation';
import { FIELD_LIMITS, MessageError, needBounded } from './fields';
import { answer, messageTable, type RequestOf } from './spec';

/** Popup -> content script: this page's notes, each with where it landed (reading order, orphans last). */
export interface GetPageNotesRequest {
  type: 'getPageNotes';
}
/**
 * Background -> content scripts and extension pages, after every write to notes: the notes of
 * these pages changed; read them again (a content script reloads and repaints). A content script
 * is told only its own page; no `sources` means any page's may have changed.
 */
export interface NotesChangedRequest {
  type: 'notesChanged';
  sources?: string[];
}
/** Popup -> content script: move this note onto the reader's current selection in the article. */
export interface ReattachAnnotationRequest {
  type: 'reattachAnnotation';
  id: string;
}
/** Background (keyboard shortcut, context menu) -> content script: open the note editor on the selection. */
export interface StartNoteRequest {
  type: 'startNote';
}

/** Content script -> background: create a note, or replace the one with this id. The background sets the times. */
export interface SaveAnnotationRequest {
  type: 'saveAnnotation';
  annotation: Annotation;
}
/** Popup or content script -> background: change a note's body, tags, colour or target (re-attach). */
export interface UpdateAnnotationRequest {
  type: 'updateAnnotation';
  id: string;
  patch: AnnotationPatch;
}
/** Popup -> background: delete a note; the answer is the deleted note, kept by the popup for undo. */
export interface DeleteAnnotationRequest {
  type: 'deleteAnnotation';
  id: string;
}
/** Popup -> background: undo a delete, putting the note back exactly as it was. */
export interface RestoreAnnotationRequest {
  type: 'restoreAnnotation';
  annotation: Annotation;
}
/** Library -> background: delete these notes, all or none; the answer is the deleted notes, for undo. */
export interface DeleteAnnotationsRequest {
  type: 'deleteAnnotations';
  ids: string[];
}
/** Library -> background: undo a delete of several notes, putting them back exactly as they were, all or none. */
export interface RestoreAnnotationsRequest {
  type: 'restoreAnnotations';
  annotations: Annotation[];
}
/** Content script -> background: the notes on one page (normalised URL), in stored reading order. */
export interface ListAnnotationsRequest {
  type: 'listAnnotations';
  source: string;
}
/**
 * Content script -> background: the key this page's notes are stored under, given the canonical
 * link the page claims. The background decides (lib/notes/source-url.ts, with the public suffix
 * list, which the content script does not carry) for the page the browser reports as the sender:
 * `url` is always replaced by the sender's address (lib/background/sender-page.ts).
 */
export interface GetPageKeyRequest {
  type: 'getPageKey';
  url: string;
  canonical: string | null;
}

/** The note as stored after the write. */
export interface AnnotationAnswer {
  annotation: Annotation;
}

export interface DeletedAnnotation {
  deleted: Annotation;
}

export interface DeletedAnnotations {
  deleted: Annotation[];
}

/** Ordered by the stored position (TextPositionSelector start). */
export interface AnnotationList {
  annotations: Annotation[];
}

/** `no-selection`: nothing in the article is selected, so the note stays where it was. */
export type ReattachAnswer = { status: 'reattached'; annotation: Annotation } | { status: 'no-selection' };

/** The answer to getPageKey: the page's notes key (Annotation.target.source). */
export interface PageKey {
  source: string;
}

/** A note's body as written in the editor (about 15,000 words); imported notes may hold more. */
const NOTE_BODY_LIMITS = { noteBody: 100_000 } as const;

/** Annotation fields are checked by lib/notes/validation.ts; its errors reach the sender as MessageErrors. */
function annotationField<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof AnnotationValidationError) throw new MessageError(error.message);
    throw error;
  }
}

/** A note body from the editor, the popup or the library; longer ones only come back by undo (restoreAnnotation). */
function needNoteBody(body: string, where: string): void {
  if (body.length > NOTE_BODY_LIMITS.noteBody) throw new MessageError(`${where} is longer than ${NOTE_BODY_LIMITS.noteBody} characters`);
}

/** Pages named in one notesChanged (past this the background names none: "any may have changed"). */
const NOTICE_LIMITS = { noticeSources: 500 } as const;
/** Notes in one deleteAnnotations or restoreAnnotations (the library sends a larger selection in several). */
const BULK_LIMITS = { bulkNotes: 1_000 } as const;

/** An array of at most `max` items, counted before any item is read. */
function needList(value: unknown, where: string, max: number): unknown[] {
  if (!Array.isArray(value)) throw new MessageError(`${where} must be an array`);
  if (value.length > max) throw new MessageError(`${where} has more than ${max} items`);
  return value;
}

const toPage = ['extension-page'] as const;

/** To the content script's notes controller. */
export const NOTE_PAGE_COMMANDS = messageTable({
  getPageNotes: { senders: toPage, fields: [], parse: (_, type): GetPageNotesRequest => ({ type }), answer: answer<PageNotes>() },
  // Sent by the background, to content scripts (their own page only) and to extension pages.
  notesChanged: {
    senders: toPage,
    fields: ['sources'],
    limits: NOTICE_LIMITS,
    parse: (value, type): NotesChangedRequest => {
      if (value.sources === undefined) return { type };
      const sources = needList(value.sources, `${type}.sources`, NOTICE_LIMITS.noticeSources);
      return { type, sources: sources.map((source, i) => annotationField(() => parseSourceUrl(source, `${type}.sources[${i}]`))) };
    },
    answer: answer<{ ok: true }>(),
  },
  reattachAnnotation: {
    senders: toPage,
    fields: ['id'],
    parse: (value, type): ReattachAnnotationRequest => ({ type, id: annotationField(() => parseAnnotationId(value.id, `${type}.id`)) }),
    answer: answer<ReattachAnswer>(),
  },
  startNote: { senders: toPage, fields: [], parse: (_, type): StartNoteRequest => ({ type }), answer: answer<{ ok: boolean }>() },
});

/** To the background. A content script creates notes (never replaces one: see the background) and re-attaches them. */
export const NOTE_MESSAGES = messageTable({
  saveAnnotation: {
    senders: ['content-script', 'extension-page'],
    fields: ['annotation'],
    limits: NOTE_BODY_LIMITS,
    parse: (value, type): SaveAnnotationRequest => {
      const annotation = annotationField(() => parseAnnotation(value.annotation, `${type}.annotation`));
      needNoteBody(annotation.body, `${type}.annotation.body`);
      return { type, annotation };
    },
    answer: answer<AnnotationAnswer>(),
  },
  // Re-attaching is the one change a content script may make to a stored note (senderProblem).
  updateAnnotation: {
    senders: ['content-script', 'extension-page'],
    fields: ['id', 'patch'],
    limits: NOTE_BODY_LIMITS,
    parse: (value, type): UpdateAnnotationRequest => {
      const patch = annotationField(() => parseAnnotationPatch(value.patch, `${type}.patch`));
      if (patch.body !== undefined) needNoteBody(patch.body, `${type}.patch.body`);
      return { type, id: annotationField(() => parseAnnotationId(value.id, `${type}.id`)), patch };
    },
    answer: answer<AnnotationAnswer>(),
  },
  deleteAnnotation: {
    senders: ['extension-page'],
    fields: ['id'],
    parse: (value, type): DeleteAnnotationRequest => ({ type, id: annotationField(() => parseAnnotationId(value.id, `${type}.id`)) }),
    answer: answer<DeletedAnnotation>(),
  },
  // Undo of a delete puts back exactly what was stored, imported notes too: the stored limits only.
  restoreAnnotation: {
    senders: ['extension-page'],
    fields: ['annotation'],
    parse: (value, type): RestoreAnnotationRequest => ({ type, annotation: annotationField(() => parseAnnotation(value.annotation, `${type}.annotation`)) }),
    answer: answer<AnnotationAnswer>(),
  },
  deleteAnnotations: {
    senders: ['extension-page'],
    fields: ['ids'],
    limits: BULK_LIMITS,
    parse: (value, type): DeleteAnnotationsRequest => ({
      type,
      ids: needList(value.ids, `${type}.ids`, BULK_LIMITS.bulkNotes).map((id, i) => annotationField(() => parseAnnotationId(id, `${type}.ids[${i}]`))),
    }),
    answer: answer<DeletedAnnotations>(),
  },
  // As restoreAnnotation: exactly what was stored comes back, so only the stored limits apply.
  restoreAnnotations: {
    senders: ['extension-page'],
    fields: ['annotations'],
    limits: BULK_LIMITS,
    parse: (value, type): RestoreAnnotationsRequest => ({
      type,
      annotations: needList(value.annotations, `${type}.annotations`, BULK_LIMITS.bulkNotes).map((annotation, i) =>
        annotationField(() => parseAnnotation(annotation, `${type}.annotations[${i}]`)),
      ),
    }),
    answer: answer<AnnotationList>(),
  },
  listAnnotations: {
    senders: ['content-script', 'extension-page'],
    fields: ['source'],
    parse: (value, type): ListAnnotationsRequest => ({ type, source: annotationField(() => parseSourceUrl(value.source, `${type}.source`)) }),
    answer: answer<AnnotationList>(),
  },
  getPageKey: {
    senders: ['content-script'],
    fields: ['url', 'canonical'],
    parse: (value, type): GetPageKeyRequest => ({
      type,
      url: needBounded(value.url, `${type}.url`, FIELD_LIMITS.url),
      canonical: value.canonical === null ? null : needBounded(value.canonical, `${type}.canonical`, FIELD_LIMITS.url),
    }),
    answer: answer<PageKey>(),
  },
});

export type NotesContentRequest = RequestOf<typeof NOTE_PAGE_COMMANDS>;
/** Personal notes, all answered by the background, which owns the database. */
export type AnnotationRequest = RequestOf<typeof NOTE_MESSAGES>;
