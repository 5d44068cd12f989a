import { useEffect, useRef } from 'preact/hooks';
import type { Rect } from '@/lib/page/hit-test';
import { placeCard } from '@/components/hovercard/placement';

/** The editor frame's size: the note editor's natural size, with its longest passage preview. */
export const NOTE_FRAME_SIZE = { width: 360, height: 340 } as const;

export interface NoteFrameProps {
  /** The note editor page's URL (with its one-time token). */
  src: string;
  /** The selection's last line box, in viewport coordinates. */
  anchor: Rect;
}

/**
 * The note editor, as a frame of Lede's own (entrypoints/note-editor) floated beside the selection.
 * What the reader types there stays in the extension's frame: no key or input event of it ever
 * reaches the page's listeners. Takes focus once loaded, so the reader can start typing at once.
 */
export function NoteFrame({ src, anchor }: NoteFrameProps) {
  const ref = useRef<HTMLIFrameElement>(null);
  const view = globalThis as unknown as { innerWidth?: number; innerHeight?: number };
  const size = {
    width: Math.min(NOTE_FRAME_SIZE.width, (view.innerWidth ?? NOTE_FRAME_SIZE.width) - 16),
    height: Math.min(NOTE_FRAME_SIZE.height, (view.innerHeight ?? NOTE_FRAME_SIZE.height) - 16),
  };
  const placement = placeCard(anchor, size, { width: view.innerWidth ?? size.width, height: view.innerHeight ?? size.height });

  // Focus now too: a frame that is still loading keeps it, and the editor focuses its note field.
  useEffect(() => ref.current?.focus({ preventScroll: true }), []);

  return (
    <iframe
      ref={ref}
      class="lede-notes-frame"
      src={src}
      title="Lede: note on this passage"
      style={{ left: `${placement.left}px`, top: `${placement.top}px`, width: `${size.width}px`, height: `${size.height}px` }}
      onLoad={() => ref.current?.focus({ preventScroll: true })}
    />
  );
}
