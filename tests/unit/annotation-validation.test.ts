import { describe, expect, it } from 'vitest';
import {
  ANNOTATION_LIMITS,
  AnnotationValidationError,
  parseAnnotation,
  parseAnnotationPatch,
  parseTags,
} from '@/lib/notes/validation';
import { makeAnnotation, SOURCE } from '../../testing/fixtures/annotation-fixtures';

/** A valid annotation as plain JSON, with one path changed (undefined deletes the field). */
function withField(path: string, value: unknown): Record<string, unknown> {
  const copy = JSON.parse(JSON.stringify(makeAnnotation())) as Record<string, unknown>;
  const keys = path.split('.');
  let at: Record<string, unknown> = copy;
  for (const key of keys.slice(0, -1)) at = at[key] as Record<string, unknown>;
  const last = keys.at(-1)!;
  if (value === undefined) delete at[last];
  else at[last] = value;
  return copy;
}

describe('parseAnnotation', () => {
  it('accepts a valid annotation and returns an equal copy that shares nothing with the input', () => {
    const input = makeAnnotation();
    const parsed = parseAnnotation(input);
    expect(parsed).toEqual(input);
    expect(parsed).not.toBe(input);
    expect(parsed.target.selector).not.toBe(input.target.selector);
    expect(parsed.tags).not.toBe(input.tags);
    expect(parsed.page).not.toBe(input.page);
  });

  it('accepts selectors in either order, an empty body, no tags and every colour', () => {
    const base = makeAnnotation();
    const reversed = { ...base, target: { ...base.target, selector: [...base.target.selector].reverse() } };
    expect(parseAnnotation(reversed).target.selector[0]!.type).toBe('TextPositionSelector');
    for (const color of ['yellow', 'green', 'blue', 'pink', 'purple'] as const) {
      expect(parseAnnotation({ ...base, body: '', tags: [], motivation: 'highlighting', color }).color).toBe(color);
    }
  });

  it('trims tags and drops exact repeats, keeping the first', () => {
    expect(parseAnnotation(makeAnnotation({ tags: [' politics ', 'Syria', 'politics', 'syria'] })).tags).toEqual(['politics', 'Syria', 'syria']);
  });

  it('refuses dates that do not exist, which Date.parse would roll over', () => {
    for (const created of ['2026-02-30T10:00:00.000Z', '2026-02-29T10:00:00Z', '2026-04-31T00:00:00Z', '2026-13-01T00:00:00Z', '2026-01-01T24:00:00Z', '2026-01-01T10:60:00Z']) {
      expect(() => parseAnnotation(makeAnnotation({ created })), created).toThrow(/annotation\.created must be an ISO 8601 date and time/);
    }
    // A leap day that exists, and the last day of a long month.
    expect(parseAnnotation(makeAnnotation({ created: '2028-02-29T10:00:00Z', modified: '2026-12-31T23:59:59.999Z' })).created).toBe('2028-02-29T10:00:00Z');
  });

  it('shows a few unexpected field names, each cut short, never the whole file', () => {
    const fields = Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`${'k'.repeat(200_000)}${i}`, 1]));
    let message = '';
    try {
      parseAnnotation({ ...makeAnnotation(), ...fields });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^annotation has unexpected field\(s\) k+…, k+…, k+…, k+…, k+… and 4 more$/);
    expect(message.length).toBeLessThan(300);
  });

  it('accepts times with an offset', () => {
    expect(parseAnnotation(makeAnnotation({ created: '2026-01-01T10:00:00+02:00' })).created).toBe('2026-01-01T10:00:00+02:00');
  });

  it.each([
    ['not an object', null, /^annotation must be an object$/],
    ['an array', [], /^annotation must be an object$/],
    ['an unknown field', withField('extra', 1), /annotation has unexpected field\(s\) extra/],
    ['the wrong type', withField('type', 'Note'), /annotation\.type must be "Annotation"/],
    ['no id', withField('id', undefined), /annotation\.id must be a string/],
    ['an id that is not a urn:uuid', withField('id', 'note-1'), /annotation\.id must be "urn:uuid:" followed by a UUID/],
    ['a schema version of 0', withField('schemaVersion', 0), /annotation\.schemaVersion must be a whole number, 1 or more/],
    ['a schema version from the future', withField('schemaVersion', 99), /schemaVersion 99 is newer than this version of Lede understands/],
    ['an unknown motivation', withField('motivation', 'bookmarking'), /annotation\.motivation must be "highlighting" or "commenting"/],
    ['a created time that is not ISO', withField('created', 'yesterday'), /annotation\.created must be an ISO 8601 date and time/],
    ['an impossible modified time', withField('modified', '2026-13-45T99:00:00Z'), /annotation\.modified must be an ISO 8601/],
    ['no target', withField('target', undefined), /annotation\.target must be an object/],
    ['a relative source', withField('target.source', '/story'), /annotation\.target\.source must be an absolute URL/],
    ['an empty source', withField('target.source', ''), /annotation\.target\.source must not be empty/],
    ['an overlong source', withField('target.source', `${SOURCE}?${'x'.repeat(ANNOTATION_LIMITS.url)}`), /target\.source is longer than 8192 characters/],
    ['selector not an array', withField('target.selector', {}), /annotation\.target\.selector must be an array/],
    ['one selector only', withField('target.selector', [{ type: 'TextPositionSelector', start: 1, end: 2 }]), /exactly one TextQuoteSelector and one TextPositionSelector/],
    [
      'two position selectors',
      withField('target.selector', [
        { type: 'TextPositionSelector', start: 1, end: 2 },
        { type: 'TextPositionSelector', start: 1, end: 2 },
      ]),
      /exactly one TextQuoteSelector and one TextPositionSelector/,
    ],
    ['an unknown selector type', withField('target.selector', [{ type: 'XPathSelector', value: '/p' }]), /annotation\.target\.selector\[0\]\.type must be "TextQuoteSelector" or "TextPositionSelector"/],
    ['a blank exact', withField('target.selector', [{ type: 'TextQuoteSelector', exact: '  ', prefix: '', suffix: '' }]), /selector\[0\]\.exact must not be blank/],
    ['a missing prefix', withField('target.selector', [{ type: 'TextQuoteSelector', exact: 'x', suffix: '' }]), /selector\[0\]\.prefix must be a string/],
    ['an overlong suffix', withField('target.selector', [{ type: 'TextQuoteSelector', exact: 'x', prefix: '', suffix: 'y'.repeat(1001) }]), /selector\[0\]\.suffix is longer than 1000 characters/],
    ['an extra selector field', withField('target.selector', [{ type: 'TextPositionSelector', start: 1, end: 2, refinedBy: {} }]), /selector\[0\] has unexpected field\(s\) refinedBy/],
    ['a negative start', withField('target.selector', [{ type: 'TextPositionSelector', start: -1, end: 2 }]), /selector\[0\]\.start must be a whole number, zero or more/],
    ['a fractional end', withField('target.selector', [{ type: 'TextPositionSelector', start: 1, end: 2.5 }]), /selector\[0\]\.end must be a whole number/],
    ['an empty span', withField('target.selector', [{ type: 'TextPositionSelector', start: 4, end: 4 }]), /selector\[0\]\.start must be less than annotation\.target\.selector\[0\]\.end/],
    ['a body that is not text', withField('body', { html: '<b>x</b>' }), /annotation\.body must be a string/],
    ['an overlong body', withField('body', 'x'.repeat(ANNOTATION_LIMITS.body + 1)), /annotation\.body is longer than 1000000 characters/],
    ['tags not an array', withField('tags', 'a,b'), /annotation\.tags must be an array/],
    ['a tag that is not text', withField('tags', ['a', 7]), /annotation\.tags\[1\] must be a string/],
    ['a blank tag', withField('tags', ['a', ' ']), /annotation\.tags\[1\] must not be blank/],
    ['an overlong tag', withField('tags', ['t'.repeat(101)]), /annotation\.tags\[0\] is longer than 100 characters/],
    ['too many tags', withField('tags', Array.from({ length: 101 }, (_, i) => `t${i}`)), /annotation\.tags has more than 100 tags/],
    ['an unknown colour', withField('color', 'red'), /annotation\.color must be one of yellow, green, blue, pink, purple/],
    ['no page', withField('page', undefined), /annotation\.page must be an object/],
    ['a page title that is not text', withField('page.title', 3), /annotation\.page\.title must be a string/],
    ['a page with extra fields', withField('page.url', SOURCE), /annotation\.page has unexpected field\(s\) url/],
  ])('rejects %s', (_name, input, error) => {
    expect(() => parseAnnotation(input)).toThrow(AnnotationValidationError);
    expect(() => parseAnnotation(input)).toThrow(error);
  });

  it('names the field from the caller’s path', () => {
    expect(() => parseAnnotation(withField('color', 'red'), 'import[3]')).toThrow(/^import\[3\]\.color must be one of/);
  });
});

describe('parseAnnotationPatch', () => {
  it('accepts any of body, tags, color and target, and an empty patch', () => {
    const target = makeAnnotation({ start: 99 }).target;
    expect(parseAnnotationPatch({ body: 'New', tags: ['a', 'a'], color: 'blue', target })).toEqual({ body: 'New', tags: ['a'], color: 'blue', target });
    expect(parseAnnotationPatch({})).toEqual({});
    expect(parseAnnotationPatch({ body: '' })).toEqual({ body: '' });
  });

  it.each([
    ['not an object', 'body', /^patch must be an object$/],
    ['a field that may not change', { created: '2026-01-01T00:00:00Z' }, /patch has unexpected field\(s\) created/],
    ['a bad colour', { color: 'black' }, /patch\.color must be one of/],
    ['bad tags', { tags: [''] }, /patch\.tags\[0\] must not be blank/],
    ['a bad target', { target: { source: SOURCE, selector: [] } }, /patch\.target\.selector must hold exactly one/],
  ])('rejects %s', (_name, input, error) => {
    expect(() => parseAnnotationPatch(input)).toThrow(error);
  });
});

describe('parseTags', () => {
  it('accepts the limits exactly', () => {
    const tags = Array.from({ length: ANNOTATION_LIMITS.tags }, (_, i) => `${i}`.padEnd(ANNOTATION_LIMITS.tagLength, 'x'));
    expect(parseTags(tags)).toHaveLength(100);
  });
});
