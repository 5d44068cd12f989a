// The background's half of the note editor channel (note-editor-port.ts): pairs the content
// script's port with the editor frame's by their one-time token, hands the frame the draft once,
// and passes the frame's answer back. Checks who is at each end: the page side must be Lede's
// content script in a tab, the frame side Lede's own note editor page in that same tab; a second
// frame for a token gets nothing. No extension APIs: the entrypoint passes its ports in.

import { parseDraft, parseEditorPortName, parseOutcome, type NoteDraftHandoff } from '../protocol/note-editor-port';

export interface RelayPort {
  readonly name: string;
  readonly sender?: { id?: string; url?: string; tab?: { id?: number } };
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

export interface RelayIdentity {
  runtimeId: string;
  /** The note editor page's path, e.g. `/note-editor.html`. */
  editorPath: string;
}

interface Pairing {
  page?: RelayPort;
  frame?: RelayPort;
  tabId?: number;
  draft?: NoteDraftHandoff;
  handedOver: boolean;
}

/** More open editors than any reader has at once: old ones are dropped first. */
const MAX_PENDING = 32;

function isExtensionUrl(url: URL): boolean {
  return url.protocol === 'chrome-extension:' || url.protocol === 'moz-extension:';
}

export class NoteEditorRelay {
  private readonly pending = new Map<string, Pairing>();

  constructor(private readonly self: RelayIdentity) {}

  /** Takes a newly connected port if it is one of the editor channel's; false for any other port. */
  accept(port: RelayPort): boolean {
    const parsed = parseEditorPortName(port.name);
    if (!parsed) return false;
    const problem = parsed.side === 'page' ? this.pageProblem(port, parsed.token) : this.frameProblem(port, parsed.token);
    if (problem) {
      console.warn(`Lede refused a note editor connection: ${problem}`);
      port.disconnect();
      return true;
    }
    const pairing = this.pairing(parsed.token);
    if (parsed.side === 'page') this.attachPage(parsed.token, pairing, port);
    else this.attachFrame(pairing, port);
    this.handOver(pairing);
    return true;
  }

  /** How many editors wait for their other end (for tests). */
  get size(): number {
    return this.pending.size;
  }

  private pairing(token: string): Pairing {
    let pairing = this.pending.get(token);
    if (!pairing) {
      if (this.pending.size >= MAX_PENDING) this.drop(this.pending.keys().next().value!);
      pairing = { handedOver: false };
      this.pending.set(token, pairing);
    }
    return pairing;
  }

  private pageProblem(port: RelayPort, token: string): string | null {
    const { sender } = port;
    if (sender?.id !== this.self.runtimeId) return 'not from Lede';
    if (sender.tab?.id === undefined || !sender.url) return 'not from a tab';
    if (!URL.canParse(sender.url) || isExtensionUrl(new URL(sender.url))) return 'not from a content script';
    if (this.pending.get(token)?.page) return 'this editor already has its page';
    return null;
  }

  private frameProblem(port: RelayPort, token: string): string | null {
    const { sender } = port;
    if (sender?.id !== this.self.runtimeId) return 'not from Lede';
    const url = sender.url && URL.canParse(sender.url) ? new URL(sender.url) : null;
    if (!url || !isExtensionUrl(url) || url.pathname !== this.self.editorPath) return 'not from the note editor';
    if (sender.tab?.id === undefined) return 'not in a tab';
    const pairing = this.pending.get(token);
    if (pairing?.frame || pairing?.handedOver) return 'this editor was already opened';
    if (pairing?.tabId !== undefined && pairing.tabId !== sender.tab.id) return 'not in the tab that opened it';
    return null;
  }

  private attachPage(token: string, pairing: Pairing, port: RelayPort): void {
    pairing.page = port;
    pairing.tabId = port.sender?.tab?.id;
    port.onMessage.addListener((message) => {
      const draft = parseDraft(message);
      if (!draft || pairing.draft) return;
      pairing.draft = draft;
      this.handOver(pairing);
    });
    // The page closed the editor (saved, cancelled, navigated away): the frame has nothing to do.
    port.onDisconnect.addListener(() => this.drop(token));
    // A frame that came first must be in this tab.
    if (pairing.frame && pairing.frame.sender?.tab?.id !== pairing.tabId) {
      pairing.frame.disconnect();
      pairing.frame = undefined;
    }
  }

  private attachFrame(pairing: Pairing, port: RelayPort): void {
    pairing.frame = port;
    port.onMessage.addListener((message) => {
      const outcome = parseOutcome(message);
      if (outcome && pairing.frame === port) pairing.page?.postMessage(outcome);
    });
    port.onDisconnect.addListener(() => {
      if (pairing.frame === port) pairing.frame = undefined;
    });
  }

  /** The draft goes to the frame once both ends are there (in either order). */
  private handOver(pairing: Pairing): void {
    if (pairing.handedOver || !pairing.page || !pairing.frame || !pairing.draft) return;
    pairing.handedOver = true;
    pairing.frame.postMessage(pairing.draft);
  }

  private drop(token: string): void {
    const pairing = this.pending.get(token);
    this.pending.delete(token);
    pairing?.frame?.disconnect();
  }
}
