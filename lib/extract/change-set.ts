// What changed in the page since the article was last read, kept small: the nodes added, the
// parents that lost children, the text nodes edited. MutationRecords themselves are not kept (they
// hold removed subtrees alive); past a cap the set only says "too much changed: read it all again".

/** Nodes remembered per kind before the set gives up and asks for a full read. */
export const MAX_TRACKED_NODES = 4000;

export interface ChangeSet {
  /** Nodes inserted (each maybe inside another; maybe removed again since). */
  added: ReadonlySet<Node>;
  /** Parents that lost children. */
  removedFrom: ReadonlySet<Node>;
  /** Text nodes whose data changed. */
  edited: ReadonlySet<Node>;
  /** More changed than is worth tracking one by one. */
  overflow: boolean;
}

/** The parts of a MutationRecord a change set reads. */
export type ChangeRecord = Pick<MutationRecord, 'type' | 'target' | 'addedNodes' | 'removedNodes'>;

export class ChangeCollector {
  private added = new Set<Node>();
  private removedFrom = new Set<Node>();
  private edited = new Set<Node>();
  private overflow = false;

  get empty(): boolean {
    return !this.overflow && this.added.size === 0 && this.removedFrom.size === 0 && this.edited.size === 0;
  }

  add(record: ChangeRecord, keep: (node: Node) => boolean = () => true): void {
    if (this.overflow) return;
    if (record.type === 'characterData') this.edited.add(record.target);
    else if (record.type === 'childList') {
      for (const node of record.addedNodes) if (keep(node)) this.added.add(node);
      if ([...record.removedNodes].some(keep)) this.removedFrom.add(record.target);
    }
    if (this.added.size + this.removedFrom.size + this.edited.size > MAX_TRACKED_NODES) this.giveUp();
  }

  /** Merges another set in (changes that came while the previous ones were being applied). */
  merge(changes: ChangeSet): void {
    if (this.overflow) return;
    if (changes.overflow) return this.giveUp();
    for (const node of changes.added) this.added.add(node);
    for (const node of changes.removedFrom) this.removedFrom.add(node);
    for (const node of changes.edited) this.edited.add(node);
    if (this.added.size + this.removedFrom.size + this.edited.size > MAX_TRACKED_NODES) this.giveUp();
  }

  /** The changes so far; the collector starts empty again. */
  take(): ChangeSet {
    const changes: ChangeSet = { added: this.added, removedFrom: this.removedFrom, edited: this.edited, overflow: this.overflow };
    this.added = new Set();
    this.removedFrom = new Set();
    this.edited = new Set();
    this.overflow = false;
    return changes;
  }

  private giveUp(): void {
    this.overflow = true;
    this.added.clear();
    this.removedFrom.clear();
    this.edited.clear();
  }
}
