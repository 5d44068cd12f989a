import { describe, expect, it } from 'vitest';
import { formatTags, parseTagInput } from '@/components/notes/tags';

describe('parseTagInput', () => {
  it.each([
    ['politics, Russia', ['politics', 'Russia']],
    [' politics ,, Russia , politics ', ['politics', 'Russia']],
    ['', []],
    [' , ', []],
    ['foreign   policy\nSyria', ['foreign policy', 'Syria']],
  ])('%j -> %j', (input, tags) => {
    expect(parseTagInput(input)).toEqual(tags);
  });

  it('bounds tag length and count the way the background does', () => {
    expect(parseTagInput('x'.repeat(150))[0]).toHaveLength(100);
    expect(parseTagInput(Array.from({ length: 150 }, (_, i) => `t${i}`).join(','))).toHaveLength(100);
  });

  it('formats tags back for the field', () => {
    expect(formatTags(['a', 'b c'])).toBe('a, b c');
  });
});
