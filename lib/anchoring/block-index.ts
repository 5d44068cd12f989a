// An index of the text's 8-character blocks (at offsets 0, 8, 16, …) for finding where a pattern
// might be without scanning a megabyte per note. Any occurrence of a pattern at least 15
// characters long contains one whole indexed block; an edited passage keeps most of them.

/** Block length: long enough to be rare in prose, short enough to survive between edits. */
export const BLOCK = 8;

function hashAt(s: string, at: number): number {
  let h = 0;
  for (let i = 0; i < BLOCK; i += 1) h = (Math.imul(h, 31) + s.charCodeAt(at + i)) | 0;
  return h;
}

function sameBlock(a: string, aAt: number, b: string, bAt: number): boolean {
  for (let i = 0; i < BLOCK; i += 1) if (a.charCodeAt(aAt + i) !== b.charCodeAt(bAt + i)) return false;
  return true;
}

export class BlockIndex {
  private readonly text: string;
  private readonly mask: number;
  /** Bucket heads and per-block chains (block number, -1 for none). */
  private readonly head: Int32Array;
  private readonly next: Int32Array;
  private readonly hashes: Int32Array;

  constructor(text: string) {
    this.text = text;
    const blocks = Math.floor(text.length / BLOCK);
    let size = 1024;
    while (size < blocks * 2) size *= 2;
    this.mask = size - 1;
    this.head = new Int32Array(size).fill(-1);
    this.next = new Int32Array(blocks);
    this.hashes = new Int32Array(blocks);
    for (let b = 0; b < blocks; b += 1) {
      const h = hashAt(text, b * BLOCK);
      const bucket = h & this.mask;
      this.hashes[b] = h;
      this.next[b] = this.head[bucket]!;
      this.head[bucket] = b;
    }
  }

  /** Text offsets of indexed blocks equal to pattern[at, at + 8), stopping after `limit`. */
  blocksEqualTo(pattern: string, at: number, limit: number): number[] {
    const out: number[] = [];
    if (at < 0 || at + BLOCK > pattern.length) return out;
    const h = hashAt(pattern, at);
    for (let b = this.head[h & this.mask]!; b !== -1; b = this.next[b]!) {
      if (this.hashes[b] !== h || !sameBlock(this.text, b * BLOCK, pattern, at)) continue;
      out.push(b * BLOCK);
      if (out.length >= limit) break;
    }
    return out;
  }

  /** Every start of `pattern` in the text (pattern length ≥ 2 × BLOCK - 1), in order. */
  occurrences(pattern: string): number[] {
    const found: number[] = [];
    for (let offset = 0; offset < BLOCK; offset += 1) {
      for (const blockStart of this.blocksEqualTo(pattern, offset, Number.MAX_SAFE_INTEGER)) {
        const start = blockStart - offset;
        if (start >= 0 && this.text.startsWith(pattern, start)) found.push(start);
      }
    }
    return found.sort((a, b) => a - b);
  }

  /**
   * Likely starts of the quote: `window` is the stored prefix + quote + suffix, with the quote at
   * `quoteOffset`. Each shared block votes for a start; starts with the most votes come first.
   */
  likelyQuoteStarts(window: string, quoteOffset: number, clusterWidth: number, maxStarts: number): number[] {
    // A block found in more places than this is common prose ("of the ") and votes for nothing.
    const MAX_HITS_PER_BLOCK = 32;
    const votes: number[] = [];
    for (let at = 0; at + BLOCK <= window.length; at += 1) {
      const hits = this.blocksEqualTo(window, at, MAX_HITS_PER_BLOCK + 1);
      if (hits.length > MAX_HITS_PER_BLOCK) continue;
      for (const hit of hits) votes.push(hit - at + quoteOffset);
    }
    votes.sort((a, b) => a - b);
    const clusters: { start: number; votes: number }[] = [];
    for (const v of votes) {
      const last = clusters[clusters.length - 1];
      if (last && v - last.start <= clusterWidth) last.votes += 1;
      else clusters.push({ start: v, votes: 1 });
    }
    clusters.sort((a, b) => b.votes - a.votes);
    // Places with far fewer shared blocks than the best are chance hits, not the passage.
    const minVotes = Math.max(1, Math.floor((clusters[0]?.votes ?? 0) / 4));
    return clusters
      .filter((c) => c.votes >= minVotes)
      .slice(0, maxStarts)
      .map((c) => c.start);
  }
}
