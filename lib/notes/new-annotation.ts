// A new annotation on a span of the article text, in the stored shape (lib/notes/annotation.ts).
// Pure: the caller passes the id and the time in, so tests can pin them.

import { describeSpan } from '../anchoring';
import { ANNOTATION_SCHEMA_VERSION, type Annotation, type HighlightColor } from './annotation';

export interface NewAnnotationInput {
  /** `urn:uuid:…` (crypto.randomUUID()). */
  id: string;
  /** The article text the span indexes into. */
  text: string;
  start: number;
  end: number;
  /** The page's normalised URL (lib/notes/source-url.ts). */
  source: string;
  color: HighlightColor;
  body: string;
  tags: string[];
  page: { title: string; site: string };
  now: Date;
}

export function newAnnotation(input: NewAnnotationInput): Annotation {
  const time = input.now.toISOString();
  const body = input.body.trim() === '' ? '' : input.body;
  return {
    id: input.id,
    type: 'Annotation',
    schemaVersion: ANNOTATION_SCHEMA_VERSION,
    motivation: body === '' ? 'highlighting' : 'commenting',
    created: time,
    modified: time,
    target: { source: input.source, selector: describeSpan(input.text, input.start, input.end) },
    body,
    tags: [...input.tags],
    color: input.color,
    page: { ...input.page },
  };
}
