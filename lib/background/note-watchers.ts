// Which frames show which page's notes: a content script's listAnnotations (checked against the
// page that sent it) says "this frame paints the notes of this source". After a write the
// background tells exactly those frames, so a content script only ever hears about its own page.
// Kept in a storage area (browser.storage.session: extension contexts only, gone with the
// session) so a service worker woken after a rest still knows who to tell. No extension APIs.

import type { KeyValueArea } from '../settings/storage-area';
import { createMemoryArea } from '../settings/storage-area';
import { isRecord } from '../shared/is-record';

/** One document in one frame of a tab. `documentId` (Chrome) pins the very document, not what the frame shows later. */
export interface WatchingFrame {
  tabId: number;
  frameId: number;
  documentId?: string;
}

export interface WatchedFrame extends WatchingFrame {
  source: string;
}

const STORAGE_KEY = 'noteWatchers';
/** More frames than a reader has open: the longest-unheard are dropped first. */
export const MAX_WATCHED_FRAMES = 2_000;

export class NoteWatchers {
  private frames: Promise<Map<string, WatchedFrame>> | null = null;

  constructor(private readonly area: KeyValueArea = createMemoryArea()) {}

  /** This frame now shows `source`'s notes (and no other page's). */
  async watch(frame: WatchingFrame, source: string): Promise<void> {
    const frames = await this.load();
    const key = keyOf(frame);
    frames.delete(key); // re-inserted last: the Map's order is how recently each frame asked
    frames.set(key, { tabId: frame.tabId, frameId: frame.frameId, ...(frame.documentId ? { documentId: frame.documentId } : {}), source });
    while (frames.size > MAX_WATCHED_FRAMES) frames.delete(frames.keys().next().value!);
    await this.save(frames);
  }

  /** The tab was closed. */
  async forgetTab(tabId: number): Promise<void> {
    const frames = await this.load();
    let changed = false;
    for (const [key, frame] of frames) {
      if (frame.tabId === tabId) {
        frames.delete(key);
        changed = true;
      }
    }
    if (changed) await this.save(frames);
  }

  /** The frames that show any of these pages' notes, each with its own page. */
  async framesShowing(sources: Iterable<string>): Promise<WatchedFrame[]> {
    const wanted = new Set(sources);
    if (wanted.size === 0) return [];
    return [...(await this.load()).values()].filter((frame) => wanted.has(frame.source));
  }

  private load(): Promise<Map<string, WatchedFrame>> {
    this.frames ??= this.area
      .get([STORAGE_KEY])
      .then((stored) => new Map(framesIn(stored[STORAGE_KEY]).map((frame) => [keyOf(frame), frame] as const)))
      .catch(() => new Map<string, WatchedFrame>());
    return this.frames;
  }

  private async save(frames: Map<string, WatchedFrame>): Promise<void> {
    await this.area.set({ [STORAGE_KEY]: [...frames.values()] }).catch((error: unknown) => console.warn('Lede could not remember the open pages:', error));
  }
}

function keyOf(frame: WatchingFrame): string {
  return `${frame.tabId}:${frame.frameId}`;
}

/** What the area holds, each entry checked (anything else is dropped). */
function framesIn(value: unknown): WatchedFrame[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (item): item is WatchedFrame =>
      isRecord(item) &&
      Number.isSafeInteger(item.tabId) &&
      Number.isSafeInteger(item.frameId) &&
      typeof item.source === 'string' &&
      (item.documentId === undefined || typeof item.documentId === 'string'),
  );
}
