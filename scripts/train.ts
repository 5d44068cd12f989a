// `npm run train`: learns Lede's compact entity model from CoNLL-2003 eng.train and the
// `world-countries` package, and writes it to lib/model/*.json: the word lists (gazetteer,
// words, spelling n-grams; scripts/train-lists.ts) and the averaged-perceptron tagger
// (tagger.json; scripts/train-tagger.ts). Deterministic: same inputs, byte-identical outputs.
// Only eng.train is read (eng.testa is the evaluation set).
//   --out DIR          write elsewhere (the unit tests use it to check lib/model is current)
//   --tagger-docs N    train the tagger on the first N documents only (a fast reproduction check)
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readConll } from './eval/conll';
import { buildLists, countNewsWords, readSentences, sorted, trainNgrams, worldPlaces } from './train-lists';
import { crossFoldDocuments, TAGGER_OPTIONS, trainTagger } from './train-tagger';

const repoRoot = resolve(import.meta.dirname, '..');
const trainPath = resolve(repoRoot, '../shared/datasets/conll2003/eng.train');
const polnearTextDir = resolve(repoRoot, '../shared/datasets/polnear/train/text');
const flag = (name: string): string | undefined => {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : undefined;
};
const modelDir = resolve(flag('--out') ?? resolve(repoRoot, 'lib/model'));
const taggerDocLimit = flag('--tagger-docs') ? Number(flag('--tagger-docs')) : Infinity;

function main(): void {
  const sentences = readSentences(trainPath);
  const newsCounts = countNewsWords(polnearTextDir);
  const world = worldPlaces();
  const lists = buildLists(sentences, newsCounts, world);
  const { learned, gaz, worldNames } = lists;

  // Lists are packed into one string each ("|" between names, " " between words): a third smaller than JSON arrays.
  const names = (xs: Iterable<string>): string => sorted(xs).join('|');
  const words = (xs: Iterable<string>): string => sorted(xs).join(' ');
  const files: Record<string, unknown> = {
    'gazetteer.json': {
      PER: names(gaz.PER),
      LOC: names(gaz.LOC),
      ORG: names(gaz.ORG),
      MISC: names(gaz.MISC),
      // Places that context must not re-type ("U.S. officials" stays a place).
      world: names(worldNames),
    },
    'words.json': {
      firstNames: words(learned.firstNames),
      orgSuffixes: words(learned.orgSuffixes),
      connectorHeads: Object.fromEntries(Object.entries(learned.connectorHeads).sort(([a], [b]) => (a < b ? -1 : 1))),
      nonEntityCaps: words(learned.nonEntityCaps),
      commonWords: words(learned.commonWords),
      vocabulary: words(learned.lowercase),
    },
    'ngrams.json': trainNgrams(learned.tokenInEntity, [...world.places, ...world.capitals]),
    'tagger.json': trainTagger(crossFoldDocuments(readConll(trainPath), sentences, newsCounts, world, taggerDocLimit), TAGGER_OPTIONS),
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

