// @vitest-environment happy-dom
// The flash over a revealed span lives in Lede's own closed layer, like the notes: the page sees a
// bare, empty host and nothing in the CSS highlight registry, so it cannot tell which passage the
// reader jumped to. (The boxes' geometry needs a real browser: tests/e2e/hovercard.test.ts.)
import { afterEach, describe, expect, it } from 'vitest';
import { FLASH_LAYER_HOST, NOTE_LAYER_HOST } from '@/lib/page/notes/note-layer';
import { Flasher } from '@/lib/page/hover/reveal';

afterEach(() => {
  document.body.innerHTML = '';
});

function passage(): Range {
  document.body.innerHTML = '<article><p>The minister said the noted passage was secret.</p></article>';
  const text = document.querySelector('p')!.firstChild as Text;
  const range = document.createRange();
  range.setStart(text, 18);
  range.setEnd(text, 32);
  return range;
}

describe('Flasher on its default layer', () => {
  it('mounts a bare host with a closed root, separate from the note layer, and never uses the registry', () => {
    const range = passage();
    const flasher = new Flasher(window);
    expect(document.querySelector(FLASH_LAYER_HOST)).toBeNull(); // nothing before the first flash
    flasher.flash(range);
    const host = document.querySelector(FLASH_LAYER_HOST);
    expect(host).not.toBeNull();
    expect(host!.shadowRoot).toBeNull();
    expect(host!.outerHTML).toBe(`<${FLASH_LAYER_HOST}></${FLASH_LAYER_HOST}>`);
    expect(document.querySelector(NOTE_LAYER_HOST)).toBeNull();
    expect((globalThis as { CSS?: { highlights?: unknown } }).CSS?.highlights).toBeUndefined();
    flasher.dispose();
    expect(document.querySelector(FLASH_LAYER_HOST)).toBeNull();
  });

  it('is one layer however often it flashes', async () => {
    const range = passage();
    const flasher = new Flasher(window);
    flasher.flash(range);
    flasher.flash(range);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(document.querySelectorAll(FLASH_LAYER_HOST)).toHaveLength(1);
    flasher.dispose();
  });
});
