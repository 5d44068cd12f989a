// After every write the background tells whoever shows what changed: each frame painting a changed
// page's notes hears `notesChanged` with its own page only (never another page's address), and
// Lede's extension pages (library, popup, options) hear what changed so they read it again.
// No extension APIs: the entrypoint passes in how to reach a frame and the extension pages.

import type { ChangeRequest, LedeRequest } from '../protocol/messages';
import type { NoteWatchers, WatchedFrame } from './note-watchers';

export interface ChangeNotifierDeps {
  watchers: NoteWatchers;
  /** tabs.sendMessage to one frame (or document); a frame that no longer answers rejects. */
  toFrame: (frame: WatchedFrame, message: LedeRequest) => Promise<unknown>;
  /** runtime.sendMessage: every open extension page; rejects when none listens. */
  toPages: (message: ChangeRequest) => Promise<unknown>;
}

/** What the background's handlers call after a write. */
export interface ChangeNotices {
  notesChanged(sources: Iterable<string>): Promise<void>;
  historyChanged(): Promise<void>;
  settingsChanged(): Promise<void>;
}

/** Pages named in one message to the extension pages; past this, "anything may have changed". */
export const MAX_NOTICE_SOURCES = 500;

export class ChangeNotifier implements ChangeNotices {
  constructor(private readonly deps: ChangeNotifierDeps) {}

  /** Resolves once every frame showing these pages has answered (repainted) or failed, and the pages were told. */
  async notesChanged(sources: Iterable<string>): Promise<void> {
    const changed = [...new Set(sources)];
    if (changed.length === 0) return;
    const frames = await this.deps.watchers.framesShowing(changed);
    await Promise.allSettled(frames.map((frame) => this.deps.toFrame(frame, { type: 'notesChanged', sources: [frame.source] })));
    await this.tellPages(changed.length <= MAX_NOTICE_SOURCES ? { type: 'notesChanged', sources: changed } : { type: 'notesChanged' });
  }

  historyChanged(): Promise<void> {
    return this.tellPages({ type: 'historyChanged' });
  }

  settingsChanged(): Promise<void> {
    return this.tellPages({ type: 'settingsChanged' });
  }

  private async tellPages(message: ChangeRequest): Promise<void> {
    // No extension page open: nobody to tell.
    await this.deps.toPages(message).catch(() => {});
  }
}
