// Word lists for attribution: speech verbs, the nouns that name a human speaker, and the small
// function words that bound a speaker phrase. All lowercase. The hand lists are extended by words
// learned from PolNeAR train (lib/model/cues.json, written by scripts/train-cues.ts).
import cueModel from '../model/cues.json';

/** Verbs that introduce speech on their own: "X said the plan ..." / "..., X said."
 * Present forms that are also common plural nouns ("states", "reports", "claims") are left out. */
export const STRONG_CUES = new Set([
  'said', 'says', 'say', 'told', 'tells', 'added', 'adds', 'noted', 'stated', 'argued', 'argues', 'warned',
  'warns', 'explained', 'explains', 'wrote', 'writes', 'asked', 'asks', 'reported', 'announced', 'announces',
  'claimed', 'insisted', 'insists', 'continued', 'replied', 'responded', 'recalled', 'recalls', 'declared',
  'cautioned', 'countered', 'contended', 'observed', 'predicted', 'concluded', 'complained', 'conceded',
  'admitted', 'acknowledged', 'confirmed', 'maintained', 'joked', 'quipped', 'tweeted', 'posted', 'testified',
  'remarked', 'suggested', 'emphasized', 'emphasised', 'stressed', 'agreed', 'repeated', 'vowed', 'promised',
  'pledged', 'estimated', 'demanded', 'wondered', 'charged', 'mused', 'retorted', 'snapped', 'boasted',
  'lamented', 'bragged', 'yelled', 'shouted', 'screamed', 'whispered', 'exclaimed', 'pleaded', 'interjected',
  'texted', 'emailed', 'advised', 'recounted', 'reiterated', 'elaborated', 'offered', 'proclaimed',
  'questioned', 'scoffed', 'instructed', 'commented', 'chanted', 'sang',
]);

/** Present-tense cues that are also plural nouns ("Twenty-seven states, led by …"): cues only after one named
 * speaker ("Emery states, …"). */
export const NOUN_LIKE_CUES = new Set(['states', 'reports', 'claims', 'notes', 'charges', 'remarks', 'recalls']);

/** "…, saying …": the speaker is the subject of the sentence, not the words before the participle. */
export const PARTICIPLE_CUES = new Set(['saying', 'adding', 'telling', 'writing', 'noting', 'arguing', 'warning', 'explaining', 'insisting', 'declaring', 'stating', 'asking']);

/** Cues that only introduce reported speech with an explicit "that" ("emphasized what he called" is not speech). */
export const THAT_ONLY_CUES = new Set([
  'suggested', 'emphasized', 'emphasised', 'stressed', 'acknowledged', 'agreed', 'repeated', 'vowed',
  'promised', 'pledged', 'estimated', 'confirmed', 'maintained', 'predicted', 'conceded', 'admitted',
  'observed', 'concluded', 'told', 'tells', 'announced', 'announces', 'posted', 'tweeted', 'testified',
  'complained', 'charged', 'boasted', 'bragged', 'lamented', 'advised', 'offered', 'texted', 'emailed',
  'questioned', 'wondered', 'demanded', 'reiterated', 'recounted', 'proclaimed', 'mused', 'pleaded',
]);

/** Cues that may follow a quote with the speaker after them: "..., said Stephen Sestanovich". */
export const INVERTIBLE_CUES = new Set([
  'said', 'says', 'added', 'adds', 'noted', 'wrote', 'writes', 'asked', 'explained', 'continued', 'recalled',
  'replied', 'warned', 'argued', 'insisted', 'observed', 'declared', 'cautioned', 'countered', 'concluded',
  'remarked', 'quipped', 'joked', 'tweeted', 'stated', 'reported', 'demanded', 'wondered', 'retorted',
  'snapped', 'shouted', 'yelled', 'exclaimed', 'pleaded', 'interjected', 'charged', 'boasted', 'lamented',
  'mused', 'scoffed', 'instructed', 'commented', 'chanted',
]);

/** Cues only right after a closing quotation mark: "…,” comments Johnston", "…,” the statement read" (elsewhere
 * they are a noun, or reading). */
export const AFTER_QUOTE_CUES = new Set(['comments', 'read', 'reads']);

/** Verbs that put someone's words on a thing: "Clinton called them “deplorables”". They attribute a
 * partial quote in the same sentence, but never introduce reported speech on their own. */
export const NAMING_CUES = new Set([
  'called', 'calling', 'dubbed', 'dubs', 'described', 'describes', 'describing', 'branded', 'termed', 'hailed',
  'hails', 'likened', 'likens', 'characterized', 'characterised', 'characterizes', 'slammed', 'slams',
  'blasted', 'blasts', 'praised', 'praises', 'accused', 'accuses', 'urged', 'condemned', 'condemns',
  'criticized', 'criticised', 'criticizes', 'denounced', 'denounces', 'mocked', 'mocks', 'promised', 'vowed',
  'pledged', 'insisted', 'demanded',
]);

/** Cues after which a bare "he" means the speaker of the previous quote ("He added: ..."). */
export const CONTINUING_CUES = new Set(['added', 'adds', 'continued', 'went']);

/** Nouns naming one human speaker. Their plurals (…s) name a group. */
export const HUMAN_NOUNS = new Set([
  'official', 'spokesman', 'spokeswoman', 'spokesperson', 'diplomat', 'source', 'aide', 'adviser', 'advisor',
  'analyst', 'expert', 'lawyer', 'attorney', 'officer', 'minister', 'senator', 'lawmaker', 'legislator',
  'executive', 'resident', 'witness', 'member', 'leader', 'director', 'president', 'chairman', 'chairwoman',
  'chair', 'professor', 'economist', 'person', 'man', 'woman', 'representative', 'rep', 'publicist', 'secretary', 'ambassador',
  'envoy', 'commander', 'general', 'colonel', 'captain', 'sergeant', 'soldier', 'agent', 'investigator',
  'detective', 'prosecutor', 'judge', 'doctor', 'nurse', 'scientist', 'researcher', 'historian', 'author',
  'writer', 'reporter', 'journalist', 'editor', 'manager', 'owner', 'founder', 'ceo', 'strategist',
  'consultant', 'activist', 'organizer', 'campaigner', 'candidate', 'mayor', 'governor', 'congressman',
  'congresswoman', 'councilman', 'councilwoman', 'negotiator', 'mediator', 'student', 'teacher', 'worker',
  'employee', 'insider', 'veteran', 'survivor', 'victim', 'father', 'mother', 'son', 'daughter', 'friend',
  'neighbor', 'neighbour', 'partner', 'coach', 'player', 'fan', 'voter', 'supporter', 'critic', 'pollster',
  'counsel', 'deputy', 'chief', 'head', 'administrator', 'commissioner', 'inspector', 'trader', 'banker',
  'investor', 'engineer', 'designer', 'developer', 'physician', 'surgeon', 'psychologist', 'lobbyist',
  'observer', 'participant', 'protester', 'protestor', 'cleric', 'bishop', 'priest', 'rabbi', 'imam', 'king',
  'queen', 'prince', 'princess', 'premier', 'chancellor', 'speaker', 'whip', 'businessman', 'businesswoman',
  'announcer', 'narrator', 'host', 'moderator', 'anchor', 'nominee', 'contender', 'incumbent', 'challenger',
  'commentator', 'columnist', 'correspondent', 'blogger', 'physicist', 'biologist', 'operative', 'donor',
  'delegate', 'mom', 'dad', 'wife', 'husband', 'sister', 'brother', 'girl', 'boy', 'citizen', 'farmer',
  'shopkeeper', 'driver', 'pilot', 'firefighter', 'sheriff', 'trooper', 'republican', 'democrat',
  'conservative', 'liberal', 'progressive', 'staffer', 'volunteer', 'organiser',
  'user', 'singer', 'guitarist', 'drummer', 'musician', 'actor', 'actress', 'artist', 'rapper', 'comedian',
  'passenger', 'customer', 'athlete',
]);

const HUMAN_PLURAL_IRREGULAR = new Set(['people', 'men', 'women', 'chiefs', 'staff', 'police', 'children', 'spokesmen', 'spokeswomen', 'businessmen', 'congressmen']);

/** Nouns for writings that speak ("the memo says", "a Homeland Security memo put it", "Ivana Trump's brief said"). */
export const DOCUMENT_NOUNS: ReadonlySet<string> = new Set([
  'memo', 'letter', 'brief', 'piece', 'article', 'ad', 'book', 'bylaws', 'finding', 'findings', 'analysis', 'filing',
  'complaint', 'lawsuit', 'ruling', 'editorial', 'column', 'op-ed', 'email', 'memoir', 'transcript', 'guidance',
  'proposal', 'resolution', 'audit', 'tweet', 'video', 'spot', 'commercial', 'post', 'blog', 'reports', 'studies',
  'surveys', 'polls', 'statements', 'website', 'site', 'platform', 'indictment', 'affidavit', 'motion', 'verdict',
]);

/** Nouns for speakers that are not one person: outlets, bodies, documents. */
export const NON_HUMAN_NOUNS = new Set([
  'agency', 'ministry', 'department', 'company', 'firm', 'newspaper', 'paper', 'report', 'statement',
  'government', 'administration', 'office', 'committee', 'council', 'group', 'organization', 'organisation',
  'team', 'campaign', 'court', 'board', 'bank', 'network', 'channel', 'station', 'website', 'study', 'survey',
  'poll', 'document', 'documents', 'release', 'spokesoffice', 'service', 'police', 'military', 'army',
  'embassy', 'kremlin', 'white', 'house', 'party', 'union', 'commission', 'authority', 'authorities', 'media',
  'press', 'outlet', 'magazine', 'journal', 'tv', 'radio', 'broadcaster', 'regime', 'state',
  ...DOCUMENT_NOUNS,
  'label', 'corporation', 'studio', 'retailer', 'publisher', 'startup', 'airline', 'manufacturer', 'maker',
  'charity', 'foundation', 'league', 'club', 'chain', 'conglomerate', 'insurer', 'lender', 'carrier', 'automaker',
]);

/** Nouns that, after "the", point back to an organisation the article has named: "the company said",
 * "the production company said in a statement", "the label added". */
export const ORGANIZATION_ANAPHOR_NOUNS = new Set([
  'company', 'firm', 'label', 'corporation', 'studio', 'retailer', 'publisher', 'startup', 'airline', 'manufacturer',
  'maker', 'charity', 'foundation', 'league', 'club', 'chain', 'conglomerate', 'insurer', 'lender', 'carrier',
  'automaker', 'network', 'broadcaster', 'group', 'organization', 'organisation', 'union', 'bank', 'agency',
  'newspaper', 'magazine', 'outlet', 'channel', 'station',
]);

/** Writings that, after "the" and with no owner named, speak for the organisation the article is about:
 * "“…,” the statement continued". */
export const ORGANIZATION_DOCUMENT_NOUNS = new Set(['statement', 'release', 'letter', 'memo', 'filing', 'post']);

/** Words that can open a speaker noun phrase. */
export const DETERMINERS = new Set([
  'a', 'an', 'the', 'one', 'another', 'this', 'that', 'these', 'those', 'his', 'her', 'its', 'their', 'our',
  'my', 'your', 'some', 'several', 'two', 'three', 'four', 'many', 'most', 'other', 'both',
]);

/** Words that end a backward scan for a speaker: they start a clause, so the speaker is after them. */
export const CLAUSE_WORDS = new Set([
  'and', 'but', 'or', 'nor', 'although', 'though', 'while', 'because', 'as', 'if', 'when', 'that', 'which',
  'who', 'whom', 'whose', 'where', 'since', 'after', 'before', 'so', 'than', 'until', 'unless', 'whether',
  'what', 'how', 'why', 'once', 'then', 'also', 'said', 'says',
]);

/** Adverbs and auxiliaries that may sit between a speaker and the cue: "Mr. Kerry also said". */
export const SUBJECT_CUE_FILLERS = new Set([
  'also', 'later', 'previously', 'recently', 'once', 'again', 'further', 'repeatedly', 'reportedly', 'has',
  'have', 'had', 'then', 'earlier', 'publicly', 'privately', 'separately', 'similarly', 'often', 'frequently',
  'always', 'subsequently', 'first', 'initially', 'simply', 'flatly', 'bluntly', 'is', 'was', 'are', 'were',
  'been', 'openly', 'famously', 'angrily', 'sharply',
]);

/** Words that may follow a cue before its content: "said Tuesday that", "said later that". */
export const CUE_FILLERS = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'today', 'yesterday',
  'tonight', 'also', 'earlier', 'later', 'repeatedly', 'publicly', 'privately', 'separately', 'recently',
  'again', 'previously', 'flatly', 'bluntly', 'simply', 'then', 'afterward', 'afterwards', 'late', 'early',
]);

/** Prepositions that start a tail after a cue: "he said in his Brussels speech". */
export const TAIL_PREPOSITIONS = new Set([
  'in', 'at', 'on', 'during', 'to', 'from', 'after', 'before', 'with', 'while', 'for', 'by', 'of', 'via',
  'through', 'about', 'when', 'as', 'over', 'outside', 'inside', 'near', 'ahead', 'last', 'this', 'earlier',
  'later', 'recently', 'late', 'early', 'following', 'referring', 'adding', 'noting', 'explaining', 'citing',
]);

export const MALE_PRONOUNS = new Set(['he']);
export const FEMALE_PRONOUNS = new Set(['she']);
export const GROUP_PRONOUNS = new Set(['they', 'we', 'i', 'you', 'it']);

/** Titles before a surname: "Mr. Kerry", "Sen. Warren". Keys without the dot. */
export const HONORIFICS = new Set([
  'mr', 'mrs', 'ms', 'miss', 'dr', 'sen', 'rep', 'gov', 'gen', 'prof', 'lt', 'col', 'capt', 'sgt', 'adm',
  'maj', 'rev', 'president', 'senator', 'governor', 'minister', 'secretary', 'judge', 'justice', 'sir', 'dame',
  'lord', 'lady', 'pope', 'king', 'queen', 'prince', 'princess', 'mayor', 'chancellor', 'premier',
]);

export const MALE_HONORIFICS = new Set(['mr', 'sir', 'lord', 'king', 'prince', 'messrs']);
export const FEMALE_HONORIFICS = new Set(['mrs', 'ms', 'miss', 'dame', 'lady', 'queen', 'princess']);

/** Is this lowercase word a singular human noun? */
export function isHumanNoun(lower: string): boolean {
  return HUMAN_NOUNS.has(lower);
}

/** Is this lowercase word a plural human noun ("officials", "people")? */
export function isHumanPlural(lower: string): boolean {
  if (HUMAN_PLURAL_IRREGULAR.has(lower)) return true;
  if (lower.endsWith('ies') && HUMAN_NOUNS.has(lower.slice(0, -3) + 'y')) return true;
  if (lower.endsWith('es') && HUMAN_NOUNS.has(lower.slice(0, -2))) return true;
  return lower.endsWith('s') && HUMAN_NOUNS.has(lower.slice(0, -1));
}

/** Participles learned from train ("suggesting that", "citing his …", "denouncing the …"): "…, saying …"-style cues. */
export const LEARNED_PARTICIPLE_CUES: ReadonlySet<string> = new Set(
  [...Object.keys(cueModel.thatCues), ...Object.keys(cueModel.clauseCues)].filter((w) => w.endsWith('ing') && !PARTICIPLE_CUES.has(w)),
);

const isHandCue = (w: string): boolean => STRONG_CUES.has(w) || NOUN_LIKE_CUES.has(w) || PARTICIPLE_CUES.has(w) || w.endsWith('ing');

/** Words learned as attribution cues that no hand list has ("revealed", "indicated", "found", "showed"): verbs
 * that head cues often in train, and words that, followed by "that", open the content in most of their train uses.
 * They only introduce reported speech with an explicit "that": many of them also take a plain object ("endorsed
 * Clinton", "found the money"). */
export const LEARNED_THAT_CUES: ReadonlySet<string> = new Set(
  [...Object.keys(cueModel.cues), ...Object.keys(cueModel.thatCues)].filter((w) => !isHandCue(w)),
);

/** Learned cues that, followed directly by a subject ("insisted he …", "noted the …"), open the content in most
 * train uses: they may take a bare clause when the words after them read as one (a finite verb near their start). */
export const LEARNED_CLAUSE_CUES: ReadonlySet<string> = new Set(Object.keys(cueModel.clauseCues).filter((w) => !w.endsWith('ing')));

/** Lowercase nouns learned as the last word of source phrases ("the poll", "critics", "strategists"). */
export const LEARNED_SOURCE_HEADS: ReadonlySet<string> = new Set(Object.keys(cueModel.sourceHeads));

/** Cues learned with what follows them as content, clause or not: "criticized the plan", "talked about the plan",
 * "called for an inquiry". Keys are a word or "word preposition". */
export const OBJECT_CUES: ReadonlySet<string> = new Set(Object.keys(cueModel.objectCues));

/** First words of the multi-word OBJECT_CUES ("talked" of "talked about"): only they need the pair looked up. */
export const OBJECT_CUE_PAIR_HEADS: ReadonlySet<string> = new Set([...OBJECT_CUES].filter((c) => c.includes(' ')).map((c) => c.slice(0, c.indexOf(' '))));
