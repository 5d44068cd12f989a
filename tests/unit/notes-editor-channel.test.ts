// The content script's end of the note editor channel (lib/page/notes/editor-channel.ts), with a
// port that records what is posted: the draft goes out once on a port named for the token, the
// frame's answer reaches the controller only while that editor is open, and junk is ignored.
import { describe, expect, it } from 'vitest';
import type { EditorOutcome, NoteDraftHandoff } from '@/lib/protocol/note-editor-port';
import { editorPortName } from '@/lib/protocol/note-editor-port';
import { EditorChannel } from '@/lib/page/notes/editor-channel';
import { makeAnnotation, noteId } from '../../testing/fixtures/annotation-fixtures';
import { RecordingPort } from '../../testing/fakes/recording-port';

const DRAFT: NoteDraftHandoff = { type: 'draft', annotation: makeAnnotation({ body: '' }), quote: 'the quoted passage' };
const RECT = { left: 1, top: 2, right: 3, bottom: 4 };

function channel() {
  const ports: RecordingPort[] = [];
  const outcomes: EditorOutcome[] = [];
  let tokens = 0;
  const editor = new EditorChannel({
    connect: (name) => {
      const port = new RecordingPort(name);
      ports.push(port);
      return port;
    },
    onOutcome: (outcome) => outcomes.push(outcome),
    newToken: () => `token-${++tokens}`,
  });
  return { editor, ports, outcomes };
}

describe('EditorChannel', () => {
  it('sends the draft once, on the page side of the token’s channel', () => {
    const { editor, ports } = channel();
    const open = editor.start(DRAFT, RECT, null);
    expect(open.token).toBe('token-1');
    expect(ports.map((p) => p.name)).toEqual([editorPortName('page', 'token-1')]);
    expect(ports[0]!.posted).toEqual([DRAFT]);
    expect(editor.open).toBe(open);
  });

  it('passes on the frame’s answer for the open editor, and ignores junk and closed editors', () => {
    const { editor, ports, outcomes } = channel();
    editor.start(DRAFT, RECT, null);
    ports[0]!.receive({ type: 'keepalive' });
    ports[0]!.receive({ type: 'saved' });
    ports[0]!.receive({ type: 'saved', id: noteId(9) });
    expect(outcomes).toEqual([{ type: 'saved', id: noteId(9) }]);
    // A second editor replaces the first: the first one's late answer is not for anyone.
    editor.stop();
    expect(ports[0]!.disconnected).toBe(true);
    editor.start(DRAFT, RECT, null);
    ports[0]!.receive({ type: 'cancelled' });
    expect(outcomes).toHaveLength(1);
    ports[1]!.receive({ type: 'cancelled' });
    expect(outcomes).toEqual([{ type: 'saved', id: noteId(9) }, { type: 'cancelled' }]);
    expect(editor.stop()?.token).toBe('token-2');
    expect(editor.open).toBeNull();
  });
});
