// The note editor frame while it is open: the new note it was opened for (handed to the frame
// once, through the background, for the one-time token in its URL; the frame saves it itself), the
// channel to it, and where focus goes back to when it closes.

import type { Rect } from '@/lib/page/hit-test';
import { editorPortName, parseOutcome, type EditorOutcome, type NoteDraftHandoff } from '@/lib/protocol/note-editor-port';

/** The end of a runtime.Port the content script uses: the editor frame holds the other end. */
export interface EditorPort {
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

export interface OpenEditor {
  token: string;
  draft: NoteDraftHandoff;
  port: EditorPort | null;
  rect: Rect;
  focusBefore: Element | null;
}

export interface EditorChannelDeps {
  /** Opens a channel through the background (runtime.connect in the content script). */
  connect: (name: string) => EditorPort;
  /** The frame saved the note or the reader cancelled, for the editor still open. */
  onOutcome: (outcome: EditorOutcome) => void;
  newToken?: () => string;
}

export class EditorChannel {
  private current: OpenEditor | null = null;

  constructor(private readonly deps: EditorChannelDeps) {}

  get open(): OpenEditor | null {
    return this.current;
  }

  /**
   * Opens the editor's channel (through the background, named with the frame's token) and sends
   * the draft; the background hands it to the frame once the frame connects with the same token.
   */
  start(draft: NoteDraftHandoff, rect: Rect, focusBefore: Element | null): OpenEditor {
    const token = this.deps.newToken?.() ?? crypto.randomUUID();
    const editor: OpenEditor = { token, draft, port: null, rect, focusBefore };
    this.current = editor;
    const port = this.deps.connect(editorPortName('page', token));
    editor.port = port;
    port.onMessage.addListener((message) => {
      const outcome = parseOutcome(message);
      if (outcome && this.current === editor) this.deps.onOutcome(outcome);
    });
    port.onDisconnect.addListener(() => {
      if (editor.port === port) editor.port = null;
    });
    port.postMessage(draft);
    return editor;
  }

  /** Forgets the open editor and closes its channel; returns it (null when none was open). */
  stop(): OpenEditor | null {
    const editor = this.current;
    this.current = null;
    editor?.port?.disconnect();
    return editor;
  }
}
