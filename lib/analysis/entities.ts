// Named entities in plain text: tokens -> rule candidates (chunks, typed) and the learned
// tagger's spans -> merged (entities-merge.ts) -> document-level linking -> entities with
// mentions, roles and descriptions.
import { dropCommonWordNames } from './common-word-names';
import { PersonDescriptions } from './descriptions';
import { findChunks, findTitles, markHeadingLines } from './entities-candidates';
import { classifyChunks } from './entities-classify';
import { typeByContext } from './entities-context';
import { linkCandidates, type ResolvedMention } from './entities-link';
import { mergeCandidates, oneTypePerName } from './entities-merge';
import { reviseByShape } from './name-shapes';
import { markPageFurniture, markQuotedTitles } from './page-lines';
import { gazetteerLexicon } from './gazetteer';
import { spansFromTags, tagTokens } from './tagger';
import { loadTaggerModel } from './tagger-model';
import { tokenize, type Token } from './tokens';
import type { Entity } from './types';

export function findEntities(text: string): Entity[] {
  if (!text) return [];
  const tokens = tokenize(text);
  markHeadingLines(tokens);
  markPageFurniture(tokens);
  markQuotedTitles(tokens);
  const titles = findTitles(tokens);
  const ruled = classifyChunks(tokens, findChunks(tokens, titles), titles);
  const tagged = spansFromTags(tagTokens(tokens, loadTaggerModel(), gazetteerLexicon));
  const mentions = reviseByShape(tokens, dropCommonWordNames(tokens, oneTypePerName(tokens, linkCandidates(typeByContext(tokens, mergeCandidates(tokens, ruled, tagged, titles))))));
  return buildEntities(text, tokens, titles, mentions);
}

function buildEntities(text: string, tokens: Token[], titles: ReturnType<typeof findTitles>, mentions: ResolvedMention[]): Entity[] {
  const described = new PersonDescriptions(text, tokens, titles, mentions.map((m) => m.candidate));
  const byId = new Map<string, Entity>();
  const sorted = [...mentions].sort((a, b) => a.candidate.start - b.candidate.start);
  for (const m of sorted) {
    const id = `${m.type}:${m.name}`;
    let entity = byId.get(id);
    if (!entity) byId.set(id, (entity = { id, type: m.type, name: m.name, mentions: [] }));
    entity.mentions.push({ start: m.candidate.start, end: m.candidate.end });
    if (m.type === 'person') described.add(entity, m.candidate);
  }
  described.finish();
  for (const e of byId.values()) {
    if (e.role === undefined) delete e.role;
    if (e.description === undefined) delete e.description;
  }
  return [...byId.values()];
}
