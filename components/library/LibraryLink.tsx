import { openLibrary } from './open-library';

export interface LibraryLinkProps {
  /** Defaults to opening (or focusing) the library tab. */
  open?: () => void;
}

const openLibraryTab = (): void => void openLibrary();

/** The popup header's way to the library of every note. Styled like the Settings link beside it. */
export function LibraryLink({ open = openLibraryTab }: LibraryLinkProps) {
  return (
    <button type="button" class="settings-link" data-testid="open-library" onClick={open} aria-keyshortcuts="Alt+Shift+L">
      Library
    </button>
  );
}
