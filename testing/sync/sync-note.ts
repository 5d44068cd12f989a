// The small valid note the sync tests write, edit and carry between devices: what is checked is
// the record's fate (merged, deleted, restored), so only the id, the body and the source vary.

import { ANNOTATION_SCHEMA_VERSION, type Annotation } from '@/lib/notes/annotation';

/** A note with this id and body: a highlight when the body is empty, else a comment. */
export function syncNote(id: string, body: string, source = 'https://news.example/a'): Annotation {
  return {
    id,
    type: 'Annotation',
    schemaVersion: ANNOTATION_SCHEMA_VERSION,
    motivation: body === '' ? 'highlighting' : 'commenting',
    created: '2026-01-01T00:00:00.000Z',
    modified: '2026-01-01T00:00:00.000Z',
    target: { source, selector: [{ type: 'TextQuoteSelector', exact: 'x', prefix: '', suffix: '' }, { type: 'TextPositionSelector', start: 0, end: 1 }] },
    body,
    tags: [],
    color: 'yellow',
    page: { title: 'A', site: 'news.example' },
  };
}
