// Keeps the page's notes anchored: holds the article text the notes index into, this page's notes
// key and notes as the background last listed them, anchors every note in the current text (an
// orphan where it no longer fits) and paints the anchored ones.

import type { Annotation } from '@/lib/notes/annotation';
import type { ExtractedArticle, TextSegment } from '@/lib/extract';
import { anchoredSpans, anchorPageNotes, type PageNote, type PageNotes } from '@/lib/notes/page-notes';
import type { NotePainter } from './note-painter';
import type { NotesClient } from './notes-client';
import type { PageClaim } from './page-claim';

export interface ArticleText {
  text: string;
  segments: readonly TextSegment[];
}

export interface AnchoringDriverDeps {
  client: NotesClient;
  painter: NotePainter;
  doc: Document;
  /** True once the content script is invalidated: nothing is painted any more. */
  isInvalid: () => boolean;
  /** The claim the page makes when the driver starts; the key is asked for it on the first load. */
  claimId: string;
}

export class AnchoringDriver {
  private current: ArticleText | null = null;
  /** The page's notes key, decided by the background (getPageKey); '' until the first answer. */
  private key = '';
  /** The address and canonical link that key was asked for (PageClaim.id): a change may mean a new key. */
  claimId: string;
  private annotations: Annotation[] = [];
  private notes: PageNote[] = [];
  /** Bumped by every load from the background, so a slow old answer never overwrites a newer one. */
  private generation = 0;

  constructor(private readonly deps: AnchoringDriverDeps) {
    this.claimId = deps.claimId;
  }

  get article(): ArticleText | null {
    return this.current;
  }

  get source(): string {
    return this.key;
  }

  get hasNotes(): boolean {
    return this.annotations.length > 0;
  }

  setArticle(extracted: ExtractedArticle | null): void {
    this.current = extracted ? { text: extracted.text, segments: extracted.segments } : null;
  }

  /** Asks for the claim's key and lists the notes filed under it (the newest load wins). */
  async load(claim: PageClaim): Promise<void> {
    const generation = ++this.generation;
    const source = await this.deps.client.pageKey(claim);
    const annotations = await this.deps.client.list(source);
    if (generation !== this.generation) return;
    this.claimId = claim.id;
    this.key = source;
    this.annotations = annotations;
  }

  /** A note the background just stored or changed: in with the others, anchored and painted at once. */
  put(annotation: Annotation): void {
    this.annotations = [...this.annotations.filter((a) => a.id !== annotation.id), annotation];
    this.reanchor();
  }

  find(id: string): Annotation | undefined {
    return this.annotations.find((annotation) => annotation.id === id);
  }

  /** Anchors every note in the current text and paints the anchored ones. */
  reanchor(): void {
    this.notes = anchorPageNotes(this.current?.text ?? null, this.annotations);
    this.repaint();
  }

  /** Paints the anchored notes again (the text is the same, its nodes may not be). */
  repaint(): void {
    if (this.deps.isInvalid()) return;
    const article = this.current;
    if (!article) {
      this.deps.painter.clear();
      return;
    }
    this.deps.painter.paint(this.deps.doc, article.segments, anchoredSpans(this.notes));
  }

  /** What the popup lists: every note with where it landed, orphans included. */
  pageNotes(): PageNotes {
    return { source: this.key, notes: this.notes.map(({ annotation, anchor }) => ({ annotation, anchor })) };
  }

  dispose(): void {
    this.deps.painter.dispose();
  }
}
