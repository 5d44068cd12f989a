import { useEffect, useRef } from 'preact/hooks';

export interface UndoBarProps {
  onUndo: () => void;
  busy: boolean;
  error: string | null;
}

/** "Note deleted. Undo" for a few seconds after a delete. The Undo button takes focus, since the note's own buttons are gone. */
export function UndoBar({ onUndo, busy, error }: UndoBarProps) {
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    button.current?.focus();
  }, []);
  return (
    <div class="note-undo" data-testid="note-undo" role="status">
      <span>{error ?? 'Note deleted.'}</span>
      <button type="button" class="note-action" ref={button} disabled={busy} onClick={onUndo}>
        Undo
      </button>
    </div>
  );
}
