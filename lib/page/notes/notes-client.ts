// The content script's side of the notes protocol: every question about notes it asks the
// background, through the send function it is given (runtime.sendMessage in the content script,
// a stand-in in tests). Answers are checked by sendRequest; a refusal rejects.

import type { Annotation } from '@/lib/notes/annotation';
import { sendRequest, type LedeRequest } from '@/lib/protocol/messages';
import type { PageClaim } from './page-claim';

export type SendToBackground = (message: LedeRequest) => Promise<unknown>;

export class NotesClient {
  constructor(private readonly send: SendToBackground) {}

  /**
   * The notes key for a claim. The background decides which canonical links count (the public
   * suffix list lives there, not in this script) and for the page the browser says sent it.
   */
  async pageKey(claim: PageClaim): Promise<string> {
    const { source } = await sendRequest(this.send, { type: 'getPageKey', url: claim.href, canonical: claim.canonical });
    return source;
  }

  async list(source: string): Promise<Annotation[]> {
    const { annotations } = await sendRequest(this.send, { type: 'listAnnotations', source });
    return annotations;
  }

  /** Stores a new note; the answer is the note as stored. */
  async save(annotation: Annotation): Promise<Annotation> {
    return (await sendRequest(this.send, { type: 'saveAnnotation', annotation })).annotation;
  }

  /** Re-attaches a note to another passage of this page. */
  async retarget(id: string, target: Annotation['target']): Promise<Annotation> {
    return (await sendRequest(this.send, { type: 'updateAnnotation', id, patch: { target } })).annotation;
  }
}
