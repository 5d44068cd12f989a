// The content script's end of the note editor channel, as the page's code sees it: records what
// is posted and whether it was disconnected; `receive` plays a message from the other end (the
// editor frame, through the background).
import type { EditorPort } from '../../lib/page/notes/editor-channel';

export class RecordingPort implements EditorPort {
  posted: unknown[] = [];
  disconnected = false;
  private listeners: Array<(message: unknown) => void> = [];
  constructor(readonly name: string) {}
  postMessage(message: unknown): void {
    this.posted.push(message);
  }
  disconnect(): void {
    this.disconnected = true;
  }
  onMessage = { addListener: (listener: (message: unknown) => void) => void this.listeners.push(listener) };
  onDisconnect = { addListener: () => undefined };
  /** A message from the other end. */
  receive(message: unknown): void {
    for (const listener of this.listeners) listener(message);
  }
}
