// Hand-written rule vocabulary: closed classes of words (honorifics, titles, role nouns,
// prepositions) where a short rule beats learning. No entity names live here: those are learned
// (lib/model, from `npm run train`).

/** Honorifics that make the following name a person ("Mr. Kerry"). Not part of the mention. */
export const HONORIFICS: ReadonlySet<string> = new Set(['Mr.', 'Mrs.', 'Ms.', 'Dr.', 'Mx.', 'Miss', 'Mr', 'Mrs', 'Ms', 'Dr', 'Sir', 'Dame']);

/** Capitalised words that end a title placed before a name ("President", "Secretary-General"). */
export const TITLE_HEADS: ReadonlySet<string> = new Set([
  'President', 'President-elect', 'Vice-President', 'Secretary', 'Secretary-General', 'Minister', 'Chancellor', 'King', 'Queen',
  'Prince', 'Princess', 'Pope', 'Senator', 'Sen.', 'Rep.', 'Representative', 'Congressman', 'Congresswoman', 'Governor', 'Gov.',
  'Mayor', 'General', 'Gen.', 'Judge', 'Justice', 'Ambassador', 'Speaker', 'Chairman', 'Chairwoman', 'Premier',
  'Commissioner', 'Archbishop', 'Bishop', 'Cardinal', 'Rabbi', 'Imam', 'Sheikh', 'Colonel', 'Col.', 'Lt.', 'Lieutenant',
  'Captain', 'Capt.', 'Sgt.', 'Sergeant', 'Admiral', 'Adm.', 'Maj.', 'Professor', 'Prof.', 'Director', 'Coach',
  'Emperor', 'Empress', 'Detective', 'Inspector', 'Superintendent', 'Envoy', 'Spokesman', 'Spokeswoman',
  'Rev.', 'Reverend', 'Lord', 'Lady', 'Duke', 'Duchess', 'Ayatollah', 'Marshal', 'Corporal',
]);

/** Capitalised words that may precede a title head inside one title ("Prime", "Foreign", "Deputy"). */
export const TITLE_MODIFIERS: ReadonlySet<string> = new Set([
  'Vice', 'Prime', 'Deputy', 'Foreign', 'Defense', 'Defence', 'Interior', 'Finance', 'Trade', 'Attorney', 'Chief', 'Press',
  'Supreme', 'Crown', 'Acting', 'Executive', 'Assistant', 'Senior', 'Health', 'Education', 'Energy', 'Justice', 'Economy',
  'Home', 'Army', 'Navy', 'Majority', 'Minority', 'Opposition', 'State', 'First', 'Grand', 'Lieutenant', 'Secretary',
  'Under', 'Special', 'Head', 'Interim', 'Former', 'Labour', 'Labor', 'Transport', 'Treasury', 'Environment', 'Agriculture',
]);

/** Departments a "Secretary of …" / "Minister of …" title may name. */
export const TITLE_DEPARTMENTS: readonly string[][] = [
  ['State'], ['Defense'], ['Defence'], ['the', 'Treasury'], ['Treasury'], ['Homeland', 'Security'], ['Energy'], ['Commerce'],
  ['Labor'], ['Agriculture'], ['Education'], ['Transportation'], ['Justice'], ['the', 'Interior'], ['Interior'], ['Health'],
  ['Veterans', 'Affairs'], ['Foreign', 'Affairs'], ['Housing'], ['Finance'], ['the', 'Navy'], ['the', 'Army'], ['the', 'Air', 'Force'],
];

/** Lower-case role nouns directly before a name make it a person ("spokesman Dmitry Peskov"). */
export const ROLE_NOUNS: ReadonlySet<string> = new Set([
  'spokesman', 'spokeswoman', 'spokesperson', 'secretary', 'minister', 'contractor', 'ambassador', 'president', 'leader',
  'chief', 'director', 'chairman', 'chairwoman', 'executive', 'analyst', 'economist', 'adviser', 'advisor', 'aide', 'envoy',
  'commander', 'general', 'senator', 'governor', 'mayor', 'lawmaker', 'candidate', 'nominee', 'correspondent', 'reporter',
  'writer', 'author', 'professor', 'researcher', 'lawyer', 'attorney', 'judge', 'prosecutor', 'coach', 'striker',
  'midfielder', 'defender', 'goalkeeper', 'captain', 'manager', 'founder', 'co-founder', 'whistleblower', 'activist', 'actor',
  'actress', 'singer', 'champion', 'strategist', 'pollster', 'historian', 'scientist', 'officer', 'commissioner',
  'chancellor', 'premier', 'counterpart', 'deputy', 'head', 'successor', 'predecessor', 'president-elect', 'dictator',
  'king', 'queen', 'prince', 'princess', 'emperor', 'cleric', 'negotiator', 'diplomat', 'columnist', 'editor', 'publisher',
  'ceo', 'investor', 'billionaire', 'entrepreneur', 'rapper', 'director-general', 'secretary-general', 'vice-president',
  'congressman', 'congresswoman', 'representative', 'speaker', 'photographer', 'filmmaker', 'novelist', 'poet', 'player',
  'forward', 'quarterback', 'pitcher', 'batsman', 'bowler', 'rider', 'driver', 'boxer', 'teammate',
]);

/** Lower-case words that may stand between an affiliation and a role noun ("White House press secretary"). */
export const ROLE_MODIFIERS: ReadonlySet<string> = new Set([
  'former', 'press', 'deputy', 'chief', 'senior', 'top', 'foreign', 'defense', 'defence', 'national', 'security', 'acting',
  'interim', 'vice', 'assistant', 'associate', 'executive', 'special', 'then', 'longtime', 'veteran', 'campaign', 'policy',
  'intelligence', 'finance', 'interior', 'prime', 'general', 'communications', 'military', 'political', 'economic', 'trade',
  'opposition', 'party', 'government', 'state', 'news', 'agency', 'white', 'house', 'health', 'justice', 'energy', 'ex-',
]);

/** Words after a name that make it an organisation ("Kremlin spokesman", "Islamic State extremists"). */
export const ORG_CONTEXT_AFTER: ReadonlySet<string> = new Set([
  'spokesman', 'spokeswoman', 'spokesperson', 'official', 'officials', 'militants', 'extremists', 'fighters', 'insurgents',
  'jihadists', 'leadership', 'executives', 'employees', 'shareholders', 'lawmakers', 'staffers', 'bureaucrats',
]);

/** Words after a lone surname that make it a person's: "the Assad regime", "the Obama administration". */
export const PERSON_CONTEXT_AFTER: ReadonlySet<string> = new Set(['regime', 'administration']);

/** "press secretary/office/service" after a name: its press office speaks, so it is an organisation. */
export const ORG_CONTEXT_PRESS_HEADS: ReadonlySet<string> = new Set(['secretary', 'office', 'service', 'officer']);

/** Nouns right before a name that make it an organisation ("the news agency Interfax"). */
export const ORG_CUES_BEFORE: ReadonlySet<string> = new Set([
  'agency', 'company', 'firm', 'newspaper', 'daily', 'broadcaster', 'network', 'bank', 'carrier', 'airline', 'maker',
  'retailer', 'insurer', 'magazine', 'organisation', 'organization', 'group', 'party', 'automaker', 'conglomerate', 'startup',
  'website', 'outlet', 'channel', 'tabloid', 'publisher', 'club', 'charity', 'union', 'ministry',
]);

/** Prepositions after which an unknown capitalised word is a place ("skies over Aleppo"). */
export const LOCATIVE_PREPOSITIONS: ReadonlySet<string> = new Set([
  'in', 'over', 'near', 'outside', 'across', 'around', 'throughout', 'toward', 'towards', 'inside',
]);

/** Verbs whose object is territory: an unknown capitalised word after them is a place ("annex Crimea"). */
export const TERRITORIAL_VERBS: ReadonlySet<string> = new Set([
  'annex', 'annexed', 'annexing', 'invade', 'invaded', 'invading', 'occupy', 'occupied', 'occupying', 'bomb', 'bombed',
  'bombing', 'shelled', 'shelling', 'liberate', 'liberated', 'recapture', 'recaptured', 'besieged',
]);

/** "the capital of X", "the outskirts of X": nouns that make the object of "of" a place. */
export const PLACE_NOUNS_BEFORE_OF: ReadonlySet<string> = new Set([
  'capital', 'city', 'region', 'province', 'town', 'village', 'outskirts', 'suburbs', 'annexation', 'invasion',
  'occupation', 'residents', 'streets', 'port', 'district', 'state', 'island', 'coast', 'border',
]);

/** Lower-case words allowed inside an organisation or place name after a head word. */
export const NAME_CONNECTORS: ReadonlySet<string> = new Set(['of', 'on', 'for', 'the', 'de', 'du', 'la', 'del', 'di']);

/** Name particles allowed between two capitalised parts of a person's name ("Charles de Gaulle"). */
export const NAME_PARTICLES: ReadonlySet<string> = new Set(['de', 'van', 'von', 'der', 'den', 'da', 'du', 'bin', 'ibn', 'dos', 'das', 'le', 'la', 'del', 'della', 'di', 'ter', 'ten']);

/** Words that continue an appositive after a comma ("…official, now a professor"). */
export const APPOSITIVE_CONTINUERS: ReadonlySet<string> = new Set([
  'now', 'who', 'which', 'currently', 'formerly', 'and', 'also', 'previously', 'once', 'whose', 'where', 'later',
  'then', 'most', 'until', 'since', 'as', 'both', 'or', 'but',
]);

/** Words that open an appositive after "Name," ("a former State Department official"). */
export const APPOSITIVE_OPENERS: ReadonlySet<string> = new Set(['a', 'an', 'the', 'former', 'ex-', 'currently', 'now']);
