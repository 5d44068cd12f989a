// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { LibraryLink } from '@/components/library/LibraryLink';
import { openLibrary } from '@/components/library/open-library';

describe('the popup’s Library link', () => {
  it('is a labelled button that opens the library', async () => {
    const root = document.createElement('div');
    const open = vi.fn();
    await act(async () => render(<LibraryLink open={open} />, root));
    const button = root.querySelector<HTMLButtonElement>('[data-testid="open-library"]')!;
    expect(button.textContent).toBe('Library');
    expect(button.getAttribute('aria-keyshortcuts')).toBe('Alt+Shift+L');
    button.click();
    expect(open).toHaveBeenCalledOnce();
    render(null, root);
  });
});

describe('openLibrary', () => {
  it('opens library.html in a new tab when none is open', async () => {
    fakeBrowser.reset();
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await openLibrary();
    expect(create).toHaveBeenCalledWith({ url: expect.stringMatching(/\/library\.html$/) });
  });
});
