// The analysis contract. `npm run analyze` prints exactly these shapes (plus file/title/text),
// and the content script, popup and background all speak them. Offsets are UTF-16 indices
// into the analysed text, end exclusive.

export type EntityType = 'person' | 'place' | 'organization';

export interface Span {
  start: number;
  end: number;
}

export interface Entity {
  /** Stable within one analysis: `${type}:${canonical name}`. */
  id: string;
  type: EntityType;
  /** Canonical name: the longest full form the article uses ("John Kerry", not "Mr. Kerry"). */
  name: string;
  /** An appositive the article gives ("a former State Department official, now ..."). */
  description?: string;
  /** A title or role placed before the name ("Secretary of State", "Kremlin spokesman"). */
  role?: string;
  /** Every mention, in text order. */
  mentions: Span[];
}

export type QuoteKind = 'direct' | 'reported';

export interface Speaker {
  /** The speaker as best named: the entity's canonical name, or the text's phrase ("a senior Arab official"). */
  name: string;
  entityId?: string;
}

export interface Quote {
  /** The quoted words, without quotation marks. */
  start: number;
  end: number;
  kind: QuoteKind;
  speaker: Speaker | null;
  /** The attribution cue as written ("said", "told", "according to"), when the quote has one of its own. */
  cue?: Span;
  /** The speaker phrase as written ("Mr. Kerry", "he", "a senior official"), when the quote has one of its own.
   * A quote that continues an earlier speaker's words has neither `cue` nor `source`. */
  source?: Span;
}

export interface Analysis {
  entities: Entity[];
  quotes: Quote[];
}
