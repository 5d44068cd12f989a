// `npx tsx scripts/train-orgs.ts` (part of `npm run train`): learns how news writes organisations from the
// ORG spans of CoNLL-2003 eng.train (human labels) and shared/datasets/polnear-silver (today's news, silver
// labels), and writes lib/model/orgs.json:
//   heads:  capitalised last words of multi-word names that end organisations and almost nothing else
//           ("Society", "Network", "Research", "Company");
//   before: the one or two lower-case words right before a name that mark it an organisation ("shares of",
//           "analysts at"); after: the lower-case words right after ("said in a statement" -> "said in").
// A cue is kept when it is seen often enough around names and a clear share of those names are
// organisations, in both sources alike (the silver tagger's habits alone do not make a cue).
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readSentences, type Sentence, type Tag } from './train-lists';

const root = resolve(import.meta.dirname, '..');
const outPath = process.argv.includes('--out') ? resolve(process.argv[process.argv.indexOf('--out') + 1]!) : resolve(root, 'lib/model/orgs.json');
const conll = readSentences(resolve(root, '../shared/datasets/conll2003/eng.train'));
const silver = readSentences(resolve(root, '../shared/datasets/polnear-silver/train.conll'));

/**
 * Abstract nouns that end slogans, titles of works and programmes as often as organisations ("Black
 * Lives Matter", "Life of Pi", "Social Security"): a name ending in one says nothing about its kind.
 */
const NOT_HEADS = new Set(['Life', 'Change', 'Plan', 'Star', 'Sun', 'Matter', 'Speech', 'Growth', 'Politics', 'Elections', 'Justice', 'Rights', 'Security', 'Development', 'Democracy', 'Revolution', 'Information', 'Movement', 'Watch', 'Policy', 'Economics', 'Education', 'Force', 'Front', 'Nomination', 'Boys', 'Madrid', 'Sox', 'Rangers', 'United', 'Chase', 'Brugge']);
const MIN_HEAD_COUNT = 4;
const MIN_HEAD_SHARE = 0.6;
/** A head ends this many different organisations' names: not one club's town ("Dynamo Moscow"). */
const MIN_HEAD_NAMES = 3;
const MIN_CUE_COUNT = 8;
const MIN_CUE_SHARE = 0.85;
/** In each source a cue must lean this far to organisations on its own. */
const MIN_SOURCE_SHARE = 0.7;

type Counts = Record<Tag | 'O', number>;
const zero = (): Counts => ({ PER: 0, LOC: 0, ORG: 0, MISC: 0, O: 0 });

const isCapitalised = (w: string): boolean => /^\p{Lu}\p{Ll}+$/u.test(w);
const isLower = (w: string): boolean => /^\p{Ll}[\p{Ll}'-]*$/u.test(w);

interface Stats {
  heads: Map<string, Counts>;
  /** Names of their own, one word long: a town or a person must not become a head. */
  alone: Map<string, Counts>;
  orgsEnding: Map<string, Set<string>>;
  before: Map<string, Counts>;
  after: Map<string, Counts>;
}

function count(map: Map<string, Counts>, key: string, tag: Tag | 'O'): void {
  let c = map.get(key);
  if (!c) map.set(key, (c = zero()));
  c[tag]++;
}

function collect(sentences: Sentence[]): Stats {
  const stats: Stats = { heads: new Map(), alone: new Map(), orgsEnding: new Map(), before: new Map(), after: new Map() };
  for (const s of sentences) {
    if (s.capsMode) continue;
    const words = s.tokens.map((t) => t.word);
    for (const e of s.entities) {
      if (e.last > e.first) {
        count(stats.heads, words[e.last]!, e.type);
        if (e.type === 'ORG') {
          let names = stats.orgsEnding.get(words[e.last]!);
          if (!names) stats.orgsEnding.set(words[e.last]!, (names = new Set()));
          names.add(words.slice(e.first, e.last + 1).join(' '));
        }
      } else count(stats.alone, words[e.first]!, e.type);
      // Only names in running text: the cue words must be lower case.
      const b1 = words[e.first - 1];
      const b2 = words[e.first - 2];
      if (b1 && isLower(b1)) {
        count(stats.before, b1, e.type);
        if (b2 && isLower(b2)) count(stats.before, `${b2} ${b1}`, e.type);
      }
      const a1 = words[e.last + 1];
      const a2 = words[e.last + 2];
      if (a1 && isLower(a1)) {
        count(stats.after, a1, e.type);
        if (a2 && isLower(a2)) count(stats.after, `${a1} ${a2}`, e.type);
      }
    }
    // A capitalised word ending no name: a head word must rarely stand alone as no name mid-sentence.
    s.tokens.forEach((t, i) => {
      if (i > 0 && t.tag === 'O' && isCapitalised(t.word)) count(stats.heads, t.word, 'O');
    });
  }
  return stats;
}

const named = (c: Counts): number => c.PER + c.LOC + c.ORG + c.MISC;

function heads(a: Stats, b: Stats): string[] {
  const out: string[] = [];
  const keys = new Set([...a.heads.keys(), ...b.heads.keys()]);
  for (const w of keys) {
    if (!isCapitalised(w) || NOT_HEADS.has(w)) continue;
    const c = sum(a.heads.get(w), b.heads.get(w));
    const n = named(c) + c.O;
    const alone = sum(a.alone.get(w), b.alone.get(w));
    const names = (a.orgsEnding.get(w)?.size ?? 0) + (b.orgsEnding.get(w)?.size ?? 0);
    if (c.ORG < MIN_HEAD_COUNT || c.ORG / n < MIN_HEAD_SHARE || names < MIN_HEAD_NAMES) continue;
    if (alone.PER + alone.LOC + alone.MISC > c.ORG / 4) continue;
    out.push(w);
  }
  return out.sort();
}

function cues(a: Map<string, Counts>, b: Map<string, Counts>): string[] {
  const out: string[] = [];
  for (const key of new Set([...a.keys(), ...b.keys()])) {
    const ca = a.get(key) ?? zero();
    const cb = b.get(key) ?? zero();
    const c = sum(ca, cb);
    const n = named(c);
    if (n < MIN_CUE_COUNT || c.ORG / n < MIN_CUE_SHARE) continue;
    // Both sources agree where each has seen the cue a few times.
    if ([ca, cb].some((x) => named(x) >= 3 && x.ORG / named(x) < MIN_SOURCE_SHARE)) continue;
    out.push(key);
  }
  return out.sort();
}

function sum(x: Counts | undefined, y: Counts | undefined): Counts {
  const c = zero();
  for (const k of Object.keys(c) as (Tag | 'O')[]) c[k] = (x?.[k] ?? 0) + (y?.[k] ?? 0);
  return c;
}

const a = collect(conll);
const b = collect(silver);
const model = { heads: heads(a, b).join(' '), before: cues(a.before, b.before).join('|'), after: cues(a.after, b.after).join('|') };
writeFileSync(outPath, JSON.stringify(model) + '\n');
console.log(`orgs.json: ${model.heads.split(' ').length} heads, ${model.before.split('|').length} cues before, ${model.after.split('|').length} cues after`);
