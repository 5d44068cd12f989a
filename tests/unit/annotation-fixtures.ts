// Annotations for tests: a valid note with sensible defaults; override any field.

import type { Annotation } from '@/lib/notes/annotation';

export const SOURCE = 'https://news.example/story';

/** A fixed id per number, so tests can name notes: noteId(1) === 'urn:uuid:00000000-0000-4000-8000-000000000001'. */
export function noteId(n: number): string {
  return `urn:uuid:00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

export function makeAnnotation(overrides: Partial<Annotation> & { start?: number; exact?: string } = {}): Annotation {
  const { start = 10, exact = 'the quoted passage', ...fields } = overrides;
  return {
    id: noteId(1),
    type: 'Annotation',
    schemaVersion: 1,
    motivation: 'commenting',
    created: '2026-01-01T10:00:00.000Z',
    modified: '2026-01-01T10:00:00.000Z',
    target: {
      source: SOURCE,
      selector: [
        { type: 'TextQuoteSelector', exact, prefix: 'before ', suffix: ' after' },
        { type: 'TextPositionSelector', start, end: start + exact.length },
      ],
    },
    body: 'My note',
    tags: ['politics'],
    color: 'yellow',
    page: { title: 'Talks collapse', site: 'news.example' },
    ...fields,
  };
}
