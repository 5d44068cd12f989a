// `npm run train`: learns Lede's compact entity model from CoNLL-2003 eng.train, recent news with
// silver labels (shared/datasets/polnear-silver: the tagger and a list of today's names) and the
// `world-countries` package, and writes it to lib/model/*.json: the word lists (gazetteer,
// words, spelling n-grams; scripts/train-lists.ts) and the averaged-perceptron tagger
// (tagger.json; scripts/train-tagger.ts). Deterministic: same inputs, byte-identical outputs.
// Only eng.train and the silver file are read (eng.testa is the evaluation set).
//   --out DIR          write elsewhere (the unit tests use it to check lib/model is current)
//   --tagger-docs N    train the tagger on the first N CoNLL documents only (a fast reproduction check)
//   --silver-docs N    and on the first N silver documents only
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readConll } from './eval/conll';
import { buildLists, countNewsWords, listsLexicon, readSentences, silverFirstNames, silverNames, sorted, trainNgrams, worldPlaces } from './train-lists';
import { crossFoldDocuments, silverDocuments, TAGGER_OPTIONS, trainTagger } from './train-tagger';

const repoRoot = resolve(import.meta.dirname, '..');
const trainPath = resolve(repoRoot, '../shared/datasets/conll2003/eng.train');
const polnearTextDir = resolve(repoRoot, '../shared/datasets/polnear/train/text');
const silverPath = resolve(repoRoot, '../shared/datasets/polnear-silver/train.conll');
const flag = (name: string): string | undefined => {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : undefined;
};
const modelDir = resolve(flag('--out') ?? resolve(repoRoot, 'lib/model'));
const taggerDocLimit = flag('--tagger-docs') ? Number(flag('--tagger-docs')) : Infinity;
const CONLL_WEIGHT = 2;
const silverDocLimit = flag('--silver-docs') ? Number(flag('--silver-docs')) : Infinity;

function main(): void {
  const sentences = readSentences(trainPath);
  const newsCounts = countNewsWords(polnearTextDir);
  const world = worldPlaces();
  const lists = buildLists(sentences, newsCounts, world);
  const { learned, gaz, worldNames } = lists;
  // Names of today's news join the shipped lists only: the tagger's gazetteer features are learned
  // with CoNLL's lists, so these read as any other list name at run time.
  const known = (s: string): boolean => worldNames.has(s) || (['PER', 'LOC', 'ORG', 'MISC'] as const).some((t) => gaz[t].has(s));
  const silverSentences = readSentences(silverPath);
  const silver = silverNames(silverSentences, known);
  const firstNames = [...learned.firstNames, ...silverFirstNames(silverSentences, new Set(learned.firstNames))];
  const shipped = (t: 'PER' | 'LOC' | 'ORG' | 'MISC'): string[] => [...gaz[t], ...silver[t]];

  // Lists are packed into one string each ("|" between names, " " between words): a third smaller than JSON arrays.
  const names = (xs: Iterable<string>): string => sorted(xs).join('|');
  const words = (xs: Iterable<string>): string => sorted(xs).join(' ');
  const conllDocs = crossFoldDocuments(readConll(trainPath), sentences, newsCounts, world, taggerDocLimit);
  const files: Record<string, unknown> = {
    'gazetteer.json': {
      PER: names(shipped('PER')),
      LOC: names(shipped('LOC')),
      ORG: names(shipped('ORG')),
      MISC: names(shipped('MISC')),
      // Places that context must not re-type ("U.S. officials" stays a place).
      world: names(worldNames),
    },
    'words.json': {
      firstNames: words(firstNames),
      orgSuffixes: words(learned.orgSuffixes),
      connectorHeads: Object.fromEntries(Object.entries(learned.connectorHeads).sort(([a], [b]) => (a < b ? -1 : 1))),
      nonEntityCaps: words(learned.nonEntityCaps),
      commonWords: words(learned.commonWords),
      vocabulary: words(learned.lowercase),
    },
    'ngrams.json': trainNgrams(learned.tokenInEntity, [...world.places, ...world.capitals]),
    'tagger.json': trainTagger(
      [
        // CoNLL's human labels count twice against the silver labels (with the silver-only weights of
        // trainWeights): eng.testa micro F1 91.3 once, 92.2 twice; still most of the silver gain on real pages.
        ...Array.from({ length: CONLL_WEIGHT }, () => conllDocs).flat(),
        ...silverDocuments(silverPath, listsLexicon(lists), silverDocLimit),
      ],
      TAGGER_OPTIONS,
    ),
  };

  mkdirSync(modelDir, { recursive: true });
  let sum = 0;
  for (const [name, data] of Object.entries(files)) {
    const json = JSON.stringify(data) + '\n';
    writeFileSync(resolve(modelDir, name), json);
    const bytes = Buffer.byteLength(json);
    sum += bytes;
    console.log(`lib/model/${name.padEnd(16)} ${(bytes / 1024).toFixed(1).padStart(6)} kB`);
  }
  console.log(`total${' '.repeat(22)}${(sum / 1024).toFixed(1).padStart(6)} kB`);
  const g = files['gazetteer.json'] as Record<string, string>;
  console.log(['PER', 'LOC', 'ORG', 'MISC', 'world'].map((k) => `${k} ${g[k]!.split('|').length}`).join(', '));
  const w = files['words.json'] as Record<string, string>;
  console.log(['firstNames', 'orgSuffixes', 'nonEntityCaps', 'commonWords', 'vocabulary'].map((k) => `${k} ${w[k]!.split(' ').length}`).join(', '));
}

main();

