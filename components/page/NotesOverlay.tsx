import { NoteFrame } from '@/components/notes/NoteFrame';
import { SelectionToolbar } from '@/components/notes/SelectionToolbar';
import type { NotesView } from '@/lib/page/notes/notes-view';

/** The notes UI in the page: the note editor frame, or the selection toolbar. */
export function NotesOverlay({ view }: { view: NotesView }) {
  if (view.kind === 'editor') return <NoteFrame key={view.token} src={view.src} anchor={view.anchor} />;
  return (
    <SelectionToolbar
      anchor={view.anchor}
      status={view.status}
      onHighlight={view.onHighlight}
      onNote={view.onNote}
      onCopyQuote={view.onCopyQuote}
      onDismiss={view.onDismiss}
    />
  );
}
