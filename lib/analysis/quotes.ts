// Quote detection and speaker attribution over plain text.
//   1. Pair quotation marks (quote-marks.ts) and attribute each marked quote from the words around it.
//      A partial quote with no attribution of its own takes the person who opens its sentence.
//   2. Read every other sentence for attribution patterns (attribution.ts): reported speech, and, in a
//      document without quotation marks, direct quotes found by attribution alone ("..., Mr. Kerry said.").
//      A sentence that quotes some of its words ("X said he wants “…”") is reported speech as well.
//   3. Resolve speakers in text order (speakers.ts): entity mentions, pronouns, unnamed descriptions; an
//      unattributed quote opening a sentence right after an attribution continues that speaker.
import type { Entity, Quote, QuoteKind, Span, Speaker } from './types';
import { splitParagraphs, isLetter, isDigit, type Paragraph } from './sentences';
import { findMarkedQuotes, type MarkedQuote } from './quote-marks';
import { tokenize, withoutParentheticals, type Token } from './quote-tokens';
import {
  analyzeSentence, attributionAfter, learnedAttribution, cueOpensQuote, attributionAnywhere, attributionBefore, colonIntroSource, colonSubject, isContinuingCue, isCue, isQuoteMark, sentenceOpeningSubject, type SentenceAttribution, type SpeakerSlot,
} from './attribution';
import { MentionIndex, SpeakerResolver, entitySpeaker, isSingularHuman, passiveAgent, type SpeakerRef } from './speakers';
import { NAMING_CUES } from './speech-cues';
import { hasQuoteMark } from './attribution-model';
import { spanAttribution, type SpanAttribution } from './attribution-span-model';
import { CONTINUATION_HINT, findContinuations } from './participle-cues';
import { reportedEnd } from './reported-ends';
import { keepReported } from './reported-filter';

interface Candidate extends Span {
  kind: QuoteKind;
  ref: SpeakerRef | null;
  cue: string;
  /** Takes the previous quote's speaker (a continuation sentence or paragraph). */
  inherits: boolean;
  /** A marked quote with no attribution that opens its sentence ("Schiff said. “The other factor …”"). */
  opensUnattributed?: boolean;
  /** Found by the learned cue model: shown only with a speaker. */
  learned?: boolean;
  /** The slot's cue and speaker phrase as written, when the quote has an attribution of its own. */
  cueSpan?: Span;
  sourceSpan?: Span;
}

/** The written cue and speaker phrase of a slot, as optional candidate fields. */
function slotSpans(slot: SpeakerSlot | null): Pick<Candidate, 'cueSpan' | 'sourceSpan'> {
  if (!slot) return {};
  return slot.cueSpan ? { cueSpan: slot.cueSpan, sourceSpan: slot.source } : { sourceSpan: slot.source };
}

/** A candidate from the span model: like the learned cue model's, shown only with a speaker who resolves. */
function spanCandidate(found: SpanAttribution): Candidate {
  return { start: found.contentStart, end: found.contentEnd, kind: 'reported', ref: found.slot.ref, cue: found.slot.cue, inherits: false, learned: true, cueSpan: found.cueSpan, sourceSpan: found.slot.source };
}

/** Reported speech a further reader finds in a sentence without quotation marks that every other reader left empty. */
export interface ExtraReportedSpeech {
  slot: SpeakerSlot | null;
  contentStart: number;
  contentEnd: number;
}

/**
 * A further reader of reported speech, plugged in only to measure one: the product has none. The sequence tagger
 * (attribution-tagger-model.ts) was measured here and did not pay for its time, so it is not imported, and its
 * model stays out of the bundle; `attribution-sweep.ts --tagger` and its tests plug it in.
 */
export const extraReportedReader: {
  read: ((text: string, tokens: readonly Token[], mentions: MentionIndex) => ExtraReportedSpeech[]) | null;
} = { read: null };

/** The further reader's finds: like the span model's, shown only with a speaker who resolves. */
function extraCandidates(text: string, tokens: readonly Token[], mentions: MentionIndex): Candidate[] {
  const read = extraReportedReader.read;
  if (!read) return [];
  return read(text, tokens, mentions).flatMap((t) =>
    t.slot ? [{ start: t.contentStart, end: t.contentEnd, kind: 'reported', ref: t.slot.ref, cue: t.slot.cue, inherits: false, learned: true, ...slotSpans(t.slot) } satisfies Candidate] : []);
}

/** A reported content's end once the end model has read it (not one that holds quotation marks: they stay whole). */
function reportedContentEnd(text: string, c: Candidate): number {
  if (hasQuoteMark(text, c.start, c.end)) return c.end;
  return reportedEnd(text, c.start, c.end, c.cue, originOf(c));
}

/** Which reader found a reported content, and whether its cue comes after it. */
function originOf(c: Candidate): string {
  return `${c.learned ? 'learned' : 'pattern'}|${c.cueSpan && c.cueSpan.start >= c.end ? 'after' : 'before'}`;
}

/** Words a document needs in one marked quote before we believe it uses quotation marks for quotes. */
const MIN_WORDS_FOR_MARKED_DOCUMENT = 3;
/** Marked spans this short without attribution are scare quotes ("so-called “reset”"). */
const MAX_SCARE_QUOTE_WORDS = 2;
/** Unattributed marked spans this short in Title Case are names of shows, books, slogans. */
const MAX_TITLE_WORDS = 6;
/** Small words that Title Case leaves lowercase. */
const TITLE_SMALL_WORDS = new Set(['a', 'an', 'the', 'of', 'and', 'or', 'in', 'on', 'at', 'to', 'for', 'with', 'by', 'from', 'as', 'vs']);

function isUppercaseLetter(ch: string): boolean {
  return isLetter(ch) && ch !== ch.toLowerCase();
}

/** "Fox News Sunday", "Contract with America": every word capitalised except small ones. */
function isTitleCase(text: string, start: number, end: number): boolean {
  const words = text.slice(start, end).match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu) ?? [];
  return words.length > 0 && words.every((w, i) => isUppercaseLetter(w[0] as string) || isDigit(w[0]) || (i > 0 && TITLE_SMALL_WORDS.has(w.toLowerCase())));
}

/** Words before a mark that make the marked words a name of something: "said on “Fox News Sunday”". */
const TITLE_PREPOSITIONS = new Set(['on', 'in', 'at', 'to', 'with', 'from', 'of', 'by', 'for', 'about', 'into', 'told', 'tells', 'the', 'a', 'an']);

/** Is the cue among the last few words before the mark, with no preposition or hearer right before it ("added
 * the words, “…”", but not "said on “…”")? */
function cueNearMark(before: readonly Token[], slot: SpeakerSlot): boolean {
  const cueEnd = slot.cueSpan?.end;
  if (cueEnd === undefined) return false;
  const rest = before.filter((t) => t.start >= cueEnd);
  const lastWord = [...before].reverse().find((t) => t.isWord);
  return rest.filter((t) => t.isWord).length <= 3 && lastWord !== undefined && !TITLE_PREPOSITIONS.has(lastWord.lower);
}

/** How far around a quote we read for its attribution. */
const ATTRIBUTION_WINDOW = 300;

/** Count words in [start, end), stopping at `cap`. */
function countWords(text: string, start: number, end: number, cap: number): number {
  let n = 0;
  let inWord = false;
  for (let i = start; i < end && n < cap; i++) {
    const w = isLetter(text[i]) || isDigit(text[i]);
    if (w && !inWord) n++;
    inWord = w;
  }
  return n;
}

/**
 * “… stop him.” Abedin emailed supporters: a quote whose words end with a full stop, followed by a capitalised word,
 * ends its sentence, so the next sentence's subject is not its speaker (an attribution after a quote follows a comma,
 * "?" or "!").
 */
function endsSentence(text: string, q: MarkedQuote): boolean {
  // "… in the U.S.” Lee said" may end on an abbreviation's dot.
  if (text[q.end - 1] !== '.' || text[q.end - 3] === '.') return false;
  let i = q.closeEnd;
  while (i < text.length && (text[i] === ' ' || text[i] === '\u00a0')) i++;
  return i < text.length && isUppercaseLetter(text[i] as string);
}

/** "Trump said." / "Lee said Wednesday.": a sentence that is only an attribution belongs to the quote before it. */
function bareAttribution(text: string, slot: SpeakerSlot): boolean {
  if (!slot.cueSpan) return false;
  return /^\s*(?:\p{Lu}\p{Ll}+|today|yesterday|tonight|later|again)?\s*\./u.test(text.slice(slot.cueSpan.end, slot.cueSpan.end + 24));
}

/** Tokens of [start, end) with the ones inside the given quotes removed. */
function tokensOutside(text: string, start: number, end: number, quotes: readonly MarkedQuote[], commasBefore = -1): Token[] {
  // A comma closing quoted words before `commasBefore` ("on “Face the Nation,” Ryan said … “more listening”") still
  // ends the phrase before the name.
  const closingComma = (t: Token, q: MarkedQuote): boolean => q.closeEnd <= commasBefore && t.text === ',' && text.slice(t.end, q.closeEnd).trim().length <= 1;
  return withoutParentheticals(tokenize(text, start, end).filter((t) => !quotes.some((q) => t.start >= q.openAt && t.end <= q.closeEnd && !closingComma(t, q))));
}

/** Tokens from `from` up to the first sentence end or quotation mark. */
function tokensUntilBreak(text: string, from: number, to: number): Token[] {
  const out: Token[] = [];
  for (const t of tokenize(text, from, Math.min(to, from + ATTRIBUTION_WINDOW), 60)) {
    if (!t.isWord && ('.!?'.includes(t.text) || isQuoteMark(t.text))) break;
    out.push(t);
  }
  return withoutParentheticals(out);
}

/** Tokens from the last sentence break (or quotation mark) before `to`. */
function tokensSinceBreak(text: string, from: number, to: number): Token[] {
  let start = to;
  const floor = Math.max(from, to - ATTRIBUTION_WINDOW);
  while (start > floor) {
    const ch = text[start - 1] as string;
    if (ch === '!' || ch === '?' || (isQuoteMark(ch) && ch !== "'" && ch !== '\u2019')) break;
    // A period ends the window unless it is a word's dot ("Mr.", "U.S.").
    if (ch === '.' && !isLetter(text[start - 2])) break;
    start--;
  }
  return withoutParentheticals(tokenize(text, start, to));
}

/** Sentence of `paragraph` that contains `pos` (binary search: paragraphs can hold thousands of sentences). */
function sentenceAt(paragraph: Paragraph, pos: number): Span {
  const sentences = paragraph.sentences;
  let lo = 0;
  let hi = sentences.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sentences[mid] as Span).end <= pos) lo = mid + 1;
    else hi = mid;
  }
  const s = sentences[lo];
  return s && s.start <= pos ? s : paragraph;
}

/** Marked quotes that overlap [from, to), found by walking out from index `i` (the list is sorted). */
function marksNear(marked: readonly MarkedQuote[], i: number, from: number, to: number): MarkedQuote[] {
  let lo = i;
  while (lo > 0 && (marked[lo - 1] as MarkedQuote).closeEnd > from) lo--;
  let hi = i + 1;
  while (hi < marked.length && (marked[hi] as MarkedQuote).openAt < to) hi++;
  return marked.slice(lo, hi);
}

function markedCandidates(
  text: string, paragraphs: Paragraph[], marked: MarkedQuote[], mentions: MentionIndex,
): { candidates: Candidate[]; kept: MarkedQuote[] } {
  const out: Candidate[] = [];
  const kept: MarkedQuote[] = [];
  let previous: { paragraph: number; closeEnd: number; attributed: boolean } | null = null;
  for (let i = 0; i < marked.length; i++) {
    const q = marked[i] as MarkedQuote;
    const first = paragraphs[q.firstParagraph] as Paragraph;
    const last = paragraphs[q.lastParagraph] as Paragraph;
    const sentence = sentenceAt(first, q.openAt);
    const afterSlot = q.unclosed ? null : attributionAfter(text, tokensUntilBreak(text, q.closeEnd, last.end), mentions);
    const after: SpeakerSlot | null = afterSlot && endsSentence(text, q) && !bareAttribution(text, afterSlot) ? null : afterSlot;
    let slot = after;
    const before = tokensSinceBreak(text, sentence.start, q.openAt);
    // A person named after the quote is its speaker; only otherwise does the attribution before it matter.
    // "When Henley suggested …, Lopez fired back: “…”": the main clause's named speaker, not the subordinate clause's.
    const main = afterLeadingClause(before);
    const mainNamed = main && !(slot && isSingularHuman(slot.ref)) ? named(attributionBefore(text, main, mentions) ?? colonSubject(text, main, mentions) ?? shortIntroSubject(text, main, mentions)) : null;
    let leading = slot && isSingularHuman(slot.ref) ? null : mainNamed ?? attributionBefore(text, before, mentions);
    if (!leading && !(slot && isSingularHuman(slot.ref)) && before[0]?.isWord && (before[0].lower === 'and' || before[0].lower === 'but') && q.openAt - sentence.start <= ATTRIBUTION_WINDOW) {
      // "…, called Omar a “terrorist” and said, “…": read the whole sentence before the mark, other quotes left out.
      leading = attributionBefore(text, tokensOutside(text, sentence.start, q.openAt, marksNear(marked, i, sentence.start, q.openAt)), mentions);
    }
    // "He said, “…,” the prosecutor’s office said": the cue that opens the quote names who said it; the one after
    // names who reports it.
    if (leading && (!slot || (cueOpensQuote(before, leading) && !isSingularHuman(slot.ref)))) slot = leading;
    const adjacent = slot !== null;
    if (!slot) {
      // A partial quote inside a sentence that names its speaker elsewhere ("X said the deal was “...” ...").
      const from = Math.max(sentence.start, q.openAt - ATTRIBUTION_WINDOW);
      const to = Math.min(sentenceAt(last, q.closeEnd - 1).end, q.closeEnd + ATTRIBUTION_WINDOW);
      const nearby = marksNear(marked, i, from, to);
      const outside = tokensOutside(text, from, to, nearby, q.openAt);
      slot = attributionAnywhere(text, outside, mentions);
      // "He testified about a meeting when Sondland told officials they would need to “deliver”": a later cue before
      // the quote names its speaker better than a pronoun opening the sentence (a named source stays: it is
      // the sentence's own attribution, "X said Y was “right” when he said …").
      for (let tries = 0; slot?.cueSpan && slot.ref.kind === 'pronoun' && slot.cueSpan.end < q.openAt && tries < 4; tries++) {
        const cueEnd: number = slot.cueSpan.end;
        const next = attributionAnywhere(text, outside, mentions, outside.findIndex((t) => t.start >= cueEnd));
        if (!next?.cueSpan || next.cueSpan.start >= q.openAt) break;
        slot = next;
      }
    }
    const words = countWords(text, q.start, q.end, MAX_TITLE_WORDS + 1);
    if (!slot && words > MAX_SCARE_QUOTE_WORDS && q.openAt > sentence.start && q.openAt - sentence.start <= ATTRIBUTION_WINDOW) {
      // "Reid has gone after Trump as a “human leech who will bleed the country”": the subject's words.
      const opening = tokensOutside(text, sentence.start, q.openAt, marksNear(marked, i, sentence.start, q.openAt));
      const openingMain = afterLeadingClause(opening);
      slot = (openingMain && named(sentenceOpeningSubject(text, openingMain, mentions))) || sentenceOpeningSubject(text, opening, mentions);
    }
    // "… is exemplified by this finding: “…”": the phrase the colon follows, when nothing else names a source.
    if (!slot) {
      // "Politico reveals a few relevant facts: “…”": a named subject speaks, not the unnamed phrase before the colon.
      const intro = colonIntroSource(text, before, mentions);
      const unnamed = intro?.ref.kind === 'phrase' && !intro.ref.entity;
      slot = (unnamed ? named(colonSubject(text, before, mentions)) : null) ?? intro ?? colonSubject(text, before, mentions);
    }
    // "Sanders made the following comment:" closing the paragraph before a quote that opens its own: the colon's.
    if (!slot && q.openAt <= first.start + 1 && q.firstParagraph > 0) slot = colonBeforeParagraph(text, paragraphs[q.firstParagraph - 1] as Paragraph, mentions);
    // "Sen. Jane Roe identified young voters' exhaustion as one reason. “The younger people are …”": a quote opening
    // a sentence right after a narrated sentence about a person is that person's, not the last quote's speaker's.
    if (!slot && q.openAt <= sentence.start) slot = subjectOfSentenceBefore(text, first, sentence, previous?.closeEnd ?? -1, mentions);
    if (!slot && words <= MAX_SCARE_QUOTE_WORDS) continue;
    // A short Title Case span not set off by its own cue ("said on “Fox News Sunday” that …", "told “CBS Evening
    // News”") is a show, book or heading; "“Make America Great Again,” he said" is attached to its cue and stays.
    const attached = after !== null || (leading !== null && (cueOpensQuote(before, leading) || cueNearMark(before, leading))) || (slot !== null && NAMING_CUES.has(slot.cue));
    if (!attached && words <= MAX_TITLE_WORDS && isTitleCase(text, q.start, q.end)) continue;
    // An unattributed quote that opens its own sentence continues the previous quote's speaker.
    const opensSentence = q.openAt <= sentence.start;
    // "“…,” comments Johnston in a statement, “…”": the second part of a quote split by its attribution.
    const resumes = previous !== null && previous.attributed && q.openAt > previous.closeEnd && q.openAt - previous.closeEnd <= MAX_ATTRIBUTION_GAP &&
      !/[.!?\n]/.test(text.slice(previous.closeEnd, q.openAt)) && /,\s*$/.test(text.slice(previous.closeEnd, q.openAt));
    // "“…,” Howitt says. Just because scientists found it first, “that doesn’t mean …”": a quote of a few words in
    // the sentence right after an attributed one, in the same paragraph, goes on with that speaker.
    const followsAttributed = previous !== null && previous.attributed && q.firstParagraph === previous.paragraph && words > MIN_FOLLOWING_WORDS &&
      sentenceEnds(text, previous.closeEnd, q.openAt) <= 1;
    const inherits = !slot && ((opensSentence && previous !== null && q.firstParagraph - previous.paragraph <= 1) || resumes || followsAttributed);
    const candidate: Candidate = { start: q.start, end: q.end, kind: 'direct', ref: slot?.ref ?? null, cue: slot?.cue ?? '', inherits, ...slotSpans(slot) };
    if (!slot && !inherits && opensSentence) candidate.opensUnattributed = true;
    out.push(candidate);
    kept.push(q);
    previous = { paragraph: q.lastParagraph, closeEnd: q.closeEnd, attributed: adjacent };
  }
  return { candidates: out, kept };
}

/** Words a reported content that ends before a sentence's quotation marks needs. */
const MIN_REPORTED_BEFORE_MARKS = 3;

/**
 * Reported speech that quotes some of its words: "Trump said he wants “a total and complete shutdown …”".
 * The marked words are a direct quote of their own; the clause after the cue is the reported content.
 * Only a leading attribution whose cue comes before the first mark counts, and the content must have
 * words of its own before the mark ("said that “…”" is the direct quote alone).
 */
function reportedAroundMarks(text: string, s: Span, q: MarkedQuote, mentions: MentionIndex, reading: SentenceReading): Candidate | null {
  if (q.openAt <= s.start) return null;
  // Cheap test first: most sentences with marks have no cue before the first one.
  const before = tokenize(text, s.start, q.openAt, 80);
  if (!before.some((_, i) => isCue(before, i, true))) return null;
  const tokens = reading.tokens();
  const found = reading.found();
  // "Smith said [he did not own the boats], but agreed that the fleet had “promotional value.”": a leading content
  // that ends before the marks is reported speech of its own (a trailing one there is too often narration).
  if (found?.type === 'leading' && found.contentEnd <= q.openAt && countWords(text, found.contentStart, found.contentEnd, MIN_REPORTED_BEFORE_MARKS) >= MIN_REPORTED_BEFORE_MARKS) {
    return { start: found.contentStart, end: found.contentEnd, kind: 'reported', ref: found.slot.ref, cue: found.slot.cue, inherits: false, ...slotSpans(found.slot) };
  }
  if (found?.type !== 'leading' || found.contentEnd <= q.openAt) return null;
  const cueAt = (tokens[found.slot.last + 1] as Token | undefined)?.start ?? found.contentStart;
  if (cueAt >= q.openAt || found.contentStart >= q.openAt) return null;
  if (countWords(text, found.contentStart, q.openAt, 1) < 1) return null;
  return {
    start: found.contentStart, end: found.contentEnd, kind: 'reported', ref: found.slot.ref, cue: found.slot.cue, inherits: false, ...slotSpans(found.slot),
  };
}

/** A sentence's tokens and pattern attribution, each read at most once however many readers ask. */
interface SentenceReading {
  tokens(): Token[];
  found(): SentenceAttribution | null;
}

function sentenceReading(text: string, s: Span, mentions: MentionIndex): SentenceReading {
  let tokens: Token[] | null = null;
  let found: SentenceAttribution | null | undefined;
  const reading: SentenceReading = {
    tokens: () => (tokens ??= withoutParentheticals(tokenize(text, s.start, s.end))),
    found: () => (found === undefined ? (found = analyzeSentence(text, reading.tokens(), s.end, mentions)) : found),
  };
  return reading;
}

/** Reported speech that quotes some of its words, found by the learned cue model ("Trump is once again questioning
 * the integrity of the voting system, encouraging … to make sure everything is “on the up and up.”"): as for the
 * patterns, the cue and some words of the content come before the first mark. */
function learnedAroundMarks(text: string, s: Span, q: MarkedQuote, mentions: MentionIndex, reading: SentenceReading): Candidate | null {
  const tokens = reading.tokens();
  const learned = learnedAttribution(text, tokens, s.end, mentions);
  if (!learned || (learned.slot.cueSpan?.end ?? q.openAt) > q.openAt || learned.contentStart >= q.openAt) return null;
  // "said that “…”" is the direct quote alone: the content needs words of its own before the mark.
  const from = /^that\b/i.test(text.slice(learned.contentStart, learned.contentStart + 5)) ? learned.contentStart + 4 : learned.contentStart;
  if (countWords(text, from, q.openAt, 1) < 1) return null;
  // Only where the patterns find no attribution at all (reportedAroundMarks also turns some down on purpose); asked
  // last, as it costs most.
  if (reading.found()) return null;
  return { start: learned.contentStart, end: learned.contentEnd, kind: 'reported', ref: learned.slot.ref, cue: learned.slot.cue, inherits: false, learned: true, ...slotSpans(learned.slot) };
}

function sentenceCandidates(
  text: string, paragraphs: Paragraph[], kept: MarkedQuote[], usesMarks: boolean, mentions: MentionIndex,
): Candidate[] {
  const out: Candidate[] = [];
  let k = 0; // pointer into kept marked quotes (sorted, disjoint)
  for (const paragraph of paragraphs) {
    let continuing = false; // inside a paragraph whose direct quote may go on sentence by sentence
    for (const s of paragraph.sentences) {
      while (k < kept.length && (kept[k] as MarkedQuote).closeEnd <= s.start) k++;
      const q = kept[k];
      if (q && q.openAt < s.end) {
        continuing = false;
        const reading = sentenceReading(text, s, mentions);
        const reported = reportedAroundMarks(text, s, q, mentions, reading) ?? learnedAroundMarks(text, s, q, mentions, reading);
        // It holds marked words whole: a sentence end inside the marks ("… a plan.”") must not cut them.
        for (let j = k; reported && j < kept.length && (kept[j] as MarkedQuote).openAt < reported.end; j++) reported.end = Math.max(reported.end, (kept[j] as MarkedQuote).end);
        if (reported) out.push(reported);
        continue;
      }
      const tokens = withoutParentheticals(tokenize(text, s.start, s.end));
      const found = analyzeSentence(text, tokens, s.end, mentions);
      if (!found) {
        if (continuing) out.push({ start: s.start, end: s.end, kind: 'direct', ref: null, cue: '', inherits: true });
        else {
          const learned = learnedAttribution(text, tokens, s.end, mentions);
          if (learned) out.push({ start: learned.contentStart, end: learned.contentEnd, kind: 'reported', ref: learned.slot.ref, cue: learned.slot.cue, inherits: false, learned: true, ...slotSpans(learned.slot) });
          else if (!hasQuoteMark(text, s.start, s.end)) {
            // Sentences without quotation marks only: as the span model was trained, and where the tagger was chosen on dev.
            const spanned = spanAttribution(text, tokens, mentions);
            if (spanned) out.push(spanCandidate(spanned));
            else out.push(...extraCandidates(text, tokens, mentions));
          }
        }
        continue;
      }
      continuing = false;
      // Only a singular human speaker in a document without marks makes an unmarked sentence direct;
      // "according to" always reports.
      const direct = !usesMarks && (found.type === 'trailing' || found.type === 'colon') && found.slot.cue !== 'according' && isSingularHuman(found.slot.ref);
      if (found.type === 'colon') {
        if (isQuoteMark(text[found.contentStart] as string)) continue; // a stray mark: not clean content
        const end = direct ? paragraph.end : s.end;
        out.push({
          start: found.contentStart, end, kind: direct ? 'direct' : 'reported', ref: found.slot.ref, cue: found.slot.cue, inherits: false, ...slotSpans(found.slot),
        });
        if (direct) break;
        continue;
      }
      if (found.contentEnd <= found.contentStart) continue;
      out.push({
        start: found.contentStart, end: found.contentEnd, kind: direct ? 'direct' : 'reported', ref: found.slot.ref, cue: found.slot.cue, inherits: false,
        ...slotSpans(found.slot),
      });
      continuing = direct && found.type === 'trailing';
    }
  }
  return out;
}

/** Words that open a subordinate clause before the main one ("When Henley suggested …, Lopez said"). */
const SUBORDINATORS = new Set(['when', 'after', 'as', 'while', 'before', 'once', 'although', 'though', 'since', 'because', 'if', 'until', 'whereas', 'whenever']);

/** The tokens after a leading subordinate or participle clause and its comma, or null when they open no such clause. */
function afterLeadingClause(tokens: readonly Token[]): Token[] | null {
  const first = tokens[0];
  // "Asked about it, Smith shot back:", "Speaking in Beijing, Lu said": a participle opens the clause too.
  if (!first?.isWord || !(SUBORDINATORS.has(first.lower) || /^\p{Lu}\p{Ll}+(?:ed|ing)$/u.test(first.text))) return null;
  const comma = tokens.findIndex((t) => t.text === ',');
  if (comma < 2) return null;
  const rest = tokens.slice(comma + 1);
  return rest.some((t) => t.isWord) ? rest : null;
}

/** Words of a short main clause that leads into a quote with a comma ("Kessler shot back, “…”"). */
const MAX_SHORT_INTRO_WORDS = 6;

/** "Anna Kessler shot back, “…”": the subject of a short clause that ends in a comma or colon right at the mark. */
function shortIntroSubject(text: string, tokens: readonly Token[], mentions: MentionIndex): SpeakerSlot | null {
  const last = tokens[tokens.length - 1];
  if (!last || (last.text !== ',' && last.text !== ':') || tokens.filter((t) => t.isWord).length > MAX_SHORT_INTRO_WORDS) return null;
  return sentenceOpeningSubject(text, tokens, mentions);
}

/** The slot when it names its speaker (a known entity or a name), else null. */
function named(slot: SpeakerSlot | null): SpeakerSlot | null {
  const ref = slot?.ref;
  const entity = ref?.kind === 'entity' || ref?.kind === 'phrase' ? ref.entity : undefined;
  return ref && (ref.kind === 'surname' || ref.kind === 'name' || (entity && entity.type !== 'place')) ? slot : null;
}

/** Find direct and reported quotes in `text` and attribute them to speakers. Sorted by start. */
export function findQuotes(text: string, entities: Entity[]): Quote[] {
  if (text.length === 0) return [];
  const paragraphs = splitParagraphs(text);
  const mentions = new MentionIndex(text, entities);
  const marked = findMarkedQuotes(text, paragraphs);
  const usesMarks = marked.some((q) => countWords(text, q.start, q.end, MIN_WORDS_FOR_MARKED_DOCUMENT) >= MIN_WORDS_FOR_MARKED_DOCUMENT);

  const { candidates: fromMarks, kept } = markedCandidates(text, paragraphs, marked, mentions);
  const candidates = [...fromMarks, ...sentenceCandidates(text, paragraphs, kept, usesMarks, mentions)];
  candidates.sort((a, b) => a.start - b.start);
  if (addContinuations(text, paragraphs, candidates, mentions)) candidates.sort((a, b) => a.start - b.start);
  adoptReportingAttribution(candidates);

  // Names inside direct quotes are the speaker's own words; names in reported speech are narration and may be
  // what a later "he" or "the company" means.
  const resolver = new SpeakerResolver(mentions, candidates.filter((c) => c.kind === 'direct'));
  const quotes: Quote[] = [];
  let previousSpeaker: Speaker | null = null;
  let previous: { candidate: Candidate; setSpeaker: boolean } | null = null;
  let lastDirect = null as { attributed: boolean; speaker: Speaker | null } | null;
  /** The last quote whose own attribution named its speaker ("“…,” Smith said of Jones."). */
  let lastNamed = null as { speaker: Speaker; end: number } | null;
  for (const c of candidates) {
    let speaker: Speaker | null;
    // A quote that goes on from one whose own attribution named nobody we know ("“…,” they said. “…”") is theirs too,
    // not the last person's.
    if (c.inherits) speaker = lastDirect?.attributed && lastDirect.speaker === null ? null : previousSpeaker;
    else if (c.opensUnattributed && previous?.setSpeaker && followsClosely(text, previous.candidate.end, c.start)) speaker = previousSpeaker;
    else if (c.ref?.kind === 'pronoun' && isContinuingCue(c.cue) && previousSpeaker && !resolver.clashes(previousSpeaker, c.ref.gender)) speaker = previousSpeaker;
    else {
      const agent = c.sourceSpan && c.cueSpan ? passiveAgent(text, c.sourceSpan, c.cueSpan, mentions) : undefined;
      speaker = agent ? entitySpeaker(agent.entity) : resolver.resolve(c.ref, c.start, c.sourceSpan);
      // "“…,” Smith said of Jones. “…,” he said.": a he/she right after a named speaker's quote, in the next sentence,
      // goes on with that speaker when the gender is theirs.
      if (c.ref?.kind === 'pronoun' && lastNamed && speaker?.entityId !== lastNamed.speaker.entityId && resolver.agrees(lastNamed.speaker, c.ref.gender) &&
        sentenceEnds(text, lastNamed.end, c.start) <= 1 && !/\n/.test(text.slice(lastNamed.end, c.start))) speaker = lastNamed.speaker;
      // The phrase as written is the agent's name, not the passive subject's.
      if (agent) c.sourceSpan = { start: agent.start, end: agent.end };
    }
    // A learned cue whose speaker resolves to no one ("he" with nobody before it) is too unsure to show.
    if (c.learned && speaker === null) continue;
    resolver.noteSpeaker(speaker, c.start);
    const quote: Quote = { start: c.start, end: c.kind === 'reported' ? reportedContentEnd(text, c) : c.end, kind: c.kind, speaker };
    const shown = c.kind !== 'reported' || keepReported(text, { start: quote.start, end: quote.end, cue: c.cue, origin: originOf(c), refKind: c.ref?.kind ?? '', named: !!speaker?.entityId });
    if (c.cueSpan) quote.cue = c.cueSpan;
    if (c.sourceSpan) quote.source = c.sourceSpan;
    if (shown) quotes.push(quote);
    const setSpeaker = speaker !== null && (c.kind === 'direct' || isSingularHuman(c.ref));
    if (setSpeaker) previousSpeaker = speaker;
    if (c.kind === 'direct') lastDirect = { attributed: c.ref !== null, speaker };
    if (speaker?.entityId && c.ref && c.ref.kind !== 'pronoun' && isSingularHuman(c.ref)) lastNamed = { speaker, end: c.end };
    previous = { candidate: c, setSpeaker };
  }
  return quotes;
}

/**
 * "…, Jane Doe said, adding that [the vote would wait]": a participle after a comma carries a further attribution of
 * the sentence's speaker (participle-cues.ts). Adds it as reported speech with the speaker of the sentence's own
 * attribution before it (else the person the sentence opens with), and ends a reported content of that sentence that
 * ran on over it at the comma. `candidates` are sorted by start; returns whether any was added.
 */
function addContinuations(text: string, paragraphs: readonly Paragraph[], candidates: Candidate[], mentions: MentionIndex): boolean {
  const commas = Array.from(text.matchAll(CONTINUATION_HINT), (m) => m.index);
  if (commas.length === 0) return false;
  let added = false;
  let from = 0; // the first candidate that may lie in the sentence (candidates and sentences both run in text order)
  let next = 0; // the first comma not before the sentence
  for (const paragraph of paragraphs) {
    for (const s of paragraph.sentences) {
      while (next < commas.length && (commas[next] as number) < s.start) next++;
      if (next >= commas.length || (commas[next] as number) >= s.end) continue;
      while (from < candidates.length && (candidates[from] as Candidate).end <= s.start && (candidates[from] as Candidate).start < s.start) from++;
      const tokens = withoutParentheticals(tokenize(text, s.start, s.end));
      for (const found of findContinuations(tokens)) {
        const comma = (tokens[found.boundary] as Token).start;
        const start = (tokens[found.first] as Token).start;
        // The sentence's attribution before the comma whose speaker is named; its content stops at the comma.
        let owner: Candidate | null = null;
        for (let k = from; k < candidates.length && (candidates[k] as Candidate).start < s.end; k++) {
          const c = candidates[k] as Candidate;
          if (c.start >= comma && !(c.kind === 'reported' && c.start < start)) continue;
          if (c.kind === 'reported' && c.start < comma && c.end > comma) c.end = trimmedEnd(text, c.start, comma);
          const at = c.sourceSpan?.start ?? -1;
          if (c.ref && at >= s.start && at < comma && c.start !== start) owner = c;
        }
        const cueStart = (tokens[found.cueFirst] as Token).start;
        // The patterns or a model read this cue already ("…, telling reporters that …").
        if (candidates.some((c) => c.kind === 'reported' && (c.start === start || c.cueSpan?.start === cueStart))) continue;
        const slot = owner ? null : sentenceOpeningSubject(text, tokens, mentions);
        const ref = owner?.ref ?? slot?.ref ?? null;
        if (!ref) continue;
        const cueSpan = { start: cueStart, end: (tokens[found.cueLast] as Token).end };
        const sourceSpan = owner?.sourceSpan ?? slot?.source;
        candidates.push({
          start, end: (tokens[found.last] as Token).end, kind: 'reported', ref, cue: (tokens[found.cueFirst] as Token).lower, inherits: false, cueSpan,
          ...(sourceSpan ? { sourceSpan } : {}),
        });
        added = true;
      }
    }
  }
  return added;
}

/** `end` moved back over whitespace, so a content cut at a comma ends on its last word. */
function trimmedEnd(text: string, start: number, end: number): number {
  while (end > start && /\s/.test(text[end - 1] as string)) end--;
  return end;
}

/** The attribution of a paragraph that ends in a colon and so introduces the quote opening the next paragraph
 * ("The Daily Ledger reports:", "On Monday, Jane Roe made the following comment:"). */
function colonBeforeParagraph(text: string, paragraph: Paragraph, mentions: MentionIndex): SpeakerSlot | null {
  const last = paragraph.sentences.at(-1);
  if (!last || !/:\s*$/.test(text.slice(last.start, last.end))) return null;
  const end = text.lastIndexOf(':', last.end) + 1;
  const tokens = tokensSinceBreak(text, last.start, end);
  if (tokens.length === 0 || tokens.length > 40) return null;
  // A phrase before the colon must name someone ("The Daily Ledger reports:"), not a writing ("that tweet:").
  const intro = colonIntroSource(text, tokens, mentions);
  const named = intro && (intro.ref.kind === 'entity' || intro.ref.kind === 'name' || intro.ref.kind === 'surname' || (intro.ref.kind === 'phrase' && intro.ref.entity)) ? intro : null;
  return attributionBefore(text, tokens, mentions) ?? named ?? colonSubject(text, tokens, mentions);
}

/** Longest sentence read for the subject a following quote may belong to. */
const MAX_NARRATED_SENTENCE = 600;

/** The person who opens the sentence before `sentence` in the same paragraph, when that sentence quotes nothing. */
function subjectOfSentenceBefore(text: string, paragraph: Paragraph, sentence: Span, previousQuoteEnd: number, mentions: MentionIndex): SpeakerSlot | null {
  // The sentence just before, by binary search (paragraphs can hold thousands of sentences).
  const sentences = paragraph.sentences;
  let lo = 0;
  let hi = sentences.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sentences[mid] as Span).end <= sentence.start) lo = mid + 1;
    else hi = mid;
  }
  const before = lo > 0 ? sentences[lo - 1] : undefined;
  // The sentence that attributes the quote before ("“…,” Jane Roe, the firm's director, said. “…”") goes on with it.
  if (!before || before.end - before.start > MAX_NARRATED_SENTENCE || previousQuoteEnd > before.start || text.slice(before.start, before.end).includes(':')) return null;
  // Quoted words are someone's own and name no subject; a comma closing them still ends an opening phrase.
  let inside = false;
  const tokens = tokenize(text, before.start, before.end).filter((t) => {
    if (t.text === '"' || t.text === '\u201c' || t.text === '\u201d') {
      inside = t.text === '"' ? !inside : t.text === '\u201c';
      return false;
    }
    return !inside || t.text === ',';
  });
  while (tokens[0] && !tokens[0].isWord) tokens.shift();
  const slot = sentenceOpeningSubject(text, withoutParentheticals(tokens), mentions);
  return slot && (slot.ref.kind === 'entity' || slot.ref.kind === 'surname' || slot.ref.kind === 'name') ? slot : null;
}

/** Words a mid-sentence quote needs to go on with the previous speaker (fewer: a scare quote or a term). */
const MIN_FOLLOWING_WORDS = 4;

/** Sentence ends ([.!?] then a space) in [from, to). */
function sentenceEnds(text: string, from: number, to: number): number {
  return text.slice(from, to).match(/[.!?]["\u201d\u2019']?\s/g)?.length ?? 0;
}

/** "Walsh referred to Brandt as “a bright, charismatic leader”": a marked quote with no attribution of its own that
 * lies inside the content of a reported-speech sentence is the words of that sentence's speaker. Candidates are
 * sorted by start; a reported content starts before the marks it holds. */
function adoptReportingAttribution(candidates: Candidate[]): void {
  let reporting: Candidate | null = null;
  for (const c of candidates) {
    if (c.kind === 'reported') {
      reporting = c.ref ? c : null;
      continue;
    }
    if (!reporting || c.start >= reporting.end) continue;
    if (c.ref || c.inherits || c.end > reporting.end) continue;
    c.ref = reporting.ref;
    c.cue = reporting.cue;
    if (reporting.cueSpan) c.cueSpan = reporting.cueSpan;
    if (reporting.sourceSpan) c.sourceSpan = reporting.sourceSpan;
    delete c.opensUnattributed;
  }
}

/** How far an attribution may sit before the unattributed quote that goes on with it ("…, Schiff said. “…”"). */
const MAX_ATTRIBUTION_GAP = 80;

/** Is `to` right after `from`: a short stretch (the attribution itself) and at most one paragraph break? */
function followsClosely(text: string, from: number, to: number): boolean {
  if (to < from || to - from > MAX_ATTRIBUTION_GAP) return false;
  const gap = text.slice(from, to);
  return (gap.match(/\n\s*\n/g)?.length ?? 0) <= 1;
}
