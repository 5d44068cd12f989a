// The gold-page scorer in TypeScript: the same rules as shared/tools/score_gold.py (a unit test checks that
// both give the same summary on the seed), so `npm run eval` can score any system's analysis, Lede's or
// the compromise baseline's, without a Python process per page.
import type { Analysis } from '../../lib/analysis/types';

export interface GoldPerson {
  name: string;
  required: string[];
  optional?: string[];
  description?: string;
  role?: string;
}

export interface GoldFile {
  people: GoldPerson[];
  places: { required: string[]; optional?: string[] };
  organizations: { required: string[]; optional?: string[] };
  not_entities?: string[];
  outside_article?: { names?: string[] };
  quotes: { speaker: string | null; text: string; via?: string; continuation?: string }[];
  reported_speech?: { speaker: string | null; text: string }[];
}

export type Ratio = [found: number, total: number];

export interface GoldScore {
  people: Ratio;
  people_linked: Ratio;
  places: Ratio;
  organizations: Ratio;
  descriptions: Ratio;
  quotes: Ratio;
  quote_speakers: Ratio;
  fp_mentions: number;
  wrong_type: number;
  banned: number;
  quote_fp: number;
  reported_as_direct: number;
  perfect: boolean;
  /** One line per miss, as score_gold.py prints them (MISS, FP, TYPE, BANNED). */
  misses: string[];
}

const QUOTE_CHARS = new Set(['"', "'", '\u2018', '\u2019', '\u201a', '\u201b', '\u201c', '\u201d', '\u201e', '\u00ab', '\u00bb', '`', '\u2039', '\u203a', '\\']);

export function norm(s: string): string {
  const kept = [...s.normalize('NFKC')].filter((c) => !QUOTE_CHARS.has(c)).join('');
  return kept.replace(/\s+/gu, ' ').trim();
}

/** Python's `re.findall(r"\w+", norm(s).lower())`. */
export function words(s: string): string[] {
  return norm(s).toLowerCase().match(/[\p{L}\p{N}_]+/gu) ?? [];
}

/** Total size of difflib.SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks(). */
export function matchingSize(a: string[], b: string[]): number {
  const b2j = new Map<string, number[]>();
  b.forEach((w, j) => {
    const list = b2j.get(w);
    if (list) list.push(j);
    else b2j.set(w, [j]);
  });
  const longest = (alo: number, ahi: number, blo: number, bhi: number): [number, number, number] => {
    let besti = alo;
    let bestj = blo;
    let bestsize = 0;
    let j2len = new Map<number, number>();
    for (let i = alo; i < ahi; i++) {
      const next = new Map<number, number>();
      for (const j of b2j.get(a[i]!) ?? []) {
        if (j < blo) continue;
        if (j >= bhi) break;
        const k = (j2len.get(j - 1) ?? 0) + 1;
        next.set(j, k);
        if (k > bestsize) {
          besti = i - k + 1;
          bestj = j - k + 1;
          bestsize = k;
        }
      }
      j2len = next;
    }
    while (besti > alo && bestj > blo && a[besti - 1] === b[bestj - 1]) {
      besti--;
      bestj--;
      bestsize++;
    }
    while (besti + bestsize < ahi && bestj + bestsize < bhi && a[besti + bestsize] === b[bestj + bestsize]) bestsize++;
    return [besti, bestj, bestsize];
  };
  let total = 0;
  const queue: [number, number, number, number][] = [[0, a.length, 0, b.length]];
  while (queue.length) {
    const [alo, ahi, blo, bhi] = queue.pop()!;
    const [i, j, k] = longest(alo, ahi, blo, bhi);
    if (k === 0) continue;
    total += k;
    if (alo < i && blo < j) queue.push([alo, i, blo, j]);
    if (i + k < ahi && j + k < bhi) queue.push([i + k, ahi, j + k, bhi]);
  }
  return total;
}

/** Share of the gold's words that the prediction has, in order. */
export function coverage(gold: string, pred: string): number {
  const g = words(gold);
  if (g.length === 0) return 0;
  return matchingSize(g, words(pred)) / g.length;
}

/** 'Mr. Kerry' ~ 'Kerry', 'Barack Obama' ~ 'President Barack Obama': one contains the other, same last word. */
export function sameName(form: string, surface: string): boolean {
  const f = words(form);
  const s = words(surface);
  if (!f.length || !s.length || f[f.length - 1] !== s[s.length - 1]) return false;
  const fj = f.join(' ');
  const sj = s.join(' ');
  return fj === sj || fj.endsWith(sj) || sj.endsWith(fj);
}

function speakerOk(gold: string | null, pred: { name?: string } | null | undefined): boolean {
  if (gold === null) return pred === null || pred === undefined;
  if (!pred) return false;
  const gp = words(gold);
  const pp = words(pred.name ?? '');
  if (!pp.length) return false;
  if (gp.join(' ') === pp.join(' ')) return true;
  const generic = new Set(['a', 'an', 'the', 'senior', 'former', 'official', 'spokesman', 'spokeswoman']);
  if (gp[gp.length - 1] === pp[pp.length - 1]) return true;
  const ps = new Set(pp.filter((w) => !generic.has(w)));
  return gp.some((w) => !generic.has(w) && ps.has(w));
}

/** Python's repr() of a str, enough for miss lines (single quotes unless the text has one). */
function repr(s: string): string {
  if (s.includes("'") && !s.includes('"')) return `"${s}"`;
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** Python's repr() of a JSON value, as the miss lines print a predicted speaker. */
function pyValue(v: unknown): string {
  if (v === null || v === undefined) return 'None';
  if (typeof v === 'string') return repr(v);
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return `[${v.map(pyValue).join(', ')}]`;
  return `{${Object.entries(v as Record<string, unknown>).map(([k, x]) => `${repr(k)}: ${pyValue(x)}`).join(', ')}}`;
}

export function scoreGold(gold: GoldFile, pred: Analysis & { text: string }): GoldScore {
  const text = pred.text;
  const mentions: { s: string; t: string; id: string }[] = [];
  for (const e of pred.entities) for (const m of e.mentions) mentions.push({ s: norm(text.slice(m.start, m.end)), t: e.type, id: e.id });
  const miss: string[] = [];
  const known = new Map<string, string>();
  let found = 0;
  let total = 0;
  let linked = 0;
  for (const p of gold.people) {
    let ids = null as Set<string> | null;
    for (const form of p.required) {
      total++;
      const hits = new Set(mentions.filter((m) => m.t === 'person' && sameName(form, m.s)).map((m) => m.id));
      if (hits.size) {
        found++;
        ids = ids === null ? hits : new Set([...ids].filter((id: string) => hits.has(id)));
      } else miss.push(`person ${repr(form)}`);
    }
    if (p.required.length && ids && ids.size) linked++;
    else if (p.required.length > 1) miss.push(`link ${repr(p.name)}`);
    for (const form of [...p.required, ...(p.optional ?? [])]) known.set(norm(form), 'person');
  }
  const people: Ratio = [found, total];
  const peopleLinked: Ratio = [linked, gold.people.filter((p) => p.required.length).length];
  const typed = (key: 'places' | 'organizations', typ: string): Ratio => {
    const g = gold[key];
    let f = 0;
    for (const form of g.required) {
      if (mentions.some((m) => m.t === typ && (m.s === norm(form) || sameName(form, m.s)))) f++;
      else miss.push(`${typ} ${repr(form)}`);
    }
    for (const form of [...g.required, ...(g.optional ?? [])]) known.set(norm(form), typ);
    return [f, g.required.length];
  };
  const places = typed('places', 'place');
  const organizations = typed('organizations', 'organization');
  const knownType = (s: string): string | null => {
    const direct = known.get(s);
    if (direct !== undefined) return direct;
    for (const [k, t] of known) if (sameName(k, s)) return t;
    return null;
  };
  // Keys sort as Python sorts (surface, type) tuples.
  const fp = new Set<string>();
  const wrong = new Set<string>();
  for (const m of mentions) {
    const kt = knownType(m.s);
    if (kt === null) fp.add(`${m.s}\u0000${m.t}`);
    else if (kt !== m.t) wrong.add(`${m.s}\u0000${m.t}`);
  }
  const banned = new Set([...(gold.not_entities ?? []), ...(gold.outside_article?.names ?? [])].map(norm));
  const violations = [...new Set(mentions.filter((m) => banned.has(m.s)).map((m) => m.s))].sort();
  // Descriptions: a person entity with the same last word whose description covers >= 80% of the gold's words.
  let descOk = 0;
  let descTotal = 0;
  for (const p of gold.people) {
    if (p.description === undefined) continue;
    descTotal++;
    const last = words(p.name).slice(-1).join(' ');
    const ents = pred.entities.filter((e) => e.type === 'person' && words(e.name).slice(-1).join(' ') === last);
    if (ents.some((e) => coverage(p.description!, e.description ?? '') >= 0.8)) descOk++;
    else miss.push(`description ${repr(p.name)}`);
  }
  // Direct quotes: span coverage >= 0.8 and the right speaker.
  const directs = pred.quotes.filter((q) => q.kind === 'direct');
  const used = new Set<number>();
  let qf = 0;
  let qs = 0;
  for (const g of gold.quotes) {
    let bestIndex = -1;
    let bestCoverage = 0;
    for (let i = 0; i < directs.length; i++) {
      const q = directs[i]!;
      const c = coverage(g.text, text.slice(q.start, q.end));
      if (c >= 0.8 && (bestIndex < 0 || c > bestCoverage)) {
        bestIndex = i;
        bestCoverage = c;
      }
    }
    if (bestIndex >= 0) {
      const i = bestIndex;
      qf++;
      used.add(i);
      if (speakerOk(g.speaker, directs[i]!.speaker)) qs++;
      else miss.push(`speaker of quote ${repr(g.text.slice(0, 40))}: got ${pyValue(directs[i]!.speaker)}`);
    } else miss.push(`quote ${repr(g.text.slice(0, 50))}`);
    if (g.continuation !== undefined) {
      directs.forEach((q, i) => {
        if (coverage(g.continuation!, text.slice(q.start, q.end)) >= 0.8) used.add(i);
      });
    }
  }
  let reportedAsDirect = 0;
  for (const r of gold.reported_speech ?? []) {
    directs.forEach((q, i) => {
      if (!used.has(i) && coverage(r.text, text.slice(q.start, q.end)) >= 0.8) reportedAsDirect++;
    });
  }
  const ratios = { people, people_linked: peopleLinked, places, organizations, descriptions: [descOk, descTotal] as Ratio, quotes: [qf, gold.quotes.length] as Ratio, quote_speakers: [qs, gold.quotes.length] as Ratio };
  const quoteFp = directs.length - used.size;
  const perfect = Object.values(ratios).every(([a, b]) => a === b) && violations.length === 0 && quoteFp === 0 && wrong.size === 0;
  const lines = [
    ...miss.map((m) => `MISS ${m}`),
    ...[...fp].sort().map((k) => `FP ${k.split('\u0000')[1]} ${repr(k.split('\u0000')[0]!)}`),
    ...[...wrong].sort().map((k) => `TYPE ${k.split('\u0000')[1]} ${repr(k.split('\u0000')[0]!)}`),
    ...violations.map((s) => `BANNED ${repr(s)}`),
  ];
  return { ...ratios, fp_mentions: fp.size, wrong_type: wrong.size, banned: violations.length, quote_fp: quoteFp, reported_as_direct: reportedAsDirect, perfect, misses: lines };
}

/** The summary line score_gold.py prints last. */
export function summaryLine(s: GoldScore): string {
  const ratios = (['people', 'people_linked', 'places', 'organizations', 'descriptions', 'quotes', 'quote_speakers'] as const).map((k) => `${k} ${s[k][0]}/${s[k][1]}`);
  const counts = (['fp_mentions', 'wrong_type', 'banned', 'quote_fp', 'reported_as_direct'] as const).map((k) => `${k} ${s[k]}`);
  return (s.perfect ? 'PERFECT ' : '') + [...ratios, ...counts].join(' · ');
}
