// Bench: the entity model in Node: its files' sizes, the tagger's load time (parse the file and
// build the weight table), the heap the loaded model holds, and heap growth while analysing.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parseTaggerModel, type TaggerModel, type TaggerModelFile } from '../../lib/analysis/tagger-model';
import { repoRoot } from '../../testing/harness/paths';
import { median } from './stats';

const modelDir = path.join(repoRoot, 'lib/model');

export interface ModelFiles {
  files: { name: string; bytes: number }[];
  totalBytes: number;
}

export function measureModelFiles(): ModelFiles {
  const files = readdirSync(modelDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((name) => ({ name, bytes: statSync(path.join(modelDir, name)).size }));
  return { files, totalBytes: files.reduce((sum, f) => sum + f.bytes, 0) };
}

export interface ModelLoad {
  /** Parse lib/model/tagger.json and build the weight table, per run (ms); the first run is cold. */
  samples: number[];
  first: number;
  median: number;
}

/** Times what the first analysis pays for the tagger: JSON.parse of its file plus parseTaggerModel. */
export function measureModelLoad(runs = 10): ModelLoad {
  const json = readFileSync(path.join(modelDir, 'tagger.json'), 'utf8');
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    parseTaggerModel(JSON.parse(json) as TaggerModelFile);
    samples.push(performance.now() - started);
  }
  return { samples, first: samples[0]!, median: median(samples) };
}

/** A forced full garbage collection (the flag is set at run time, so plain `tsx` works). */
function collector(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

export interface HeapUse {
  /** Memory held by the tagger once loaded: its parsed file and weight table (heap + array buffers, bytes). */
  taggerModelBytes: number;
  /** Largest growth over the settled baseline while analysing the texts (heap + array buffers, bytes). */
  analysisPeakGrowthBytes: number;
}

/** JS heap plus typed-array backing stores, which V8 keeps outside the heap. */
function used(): number {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

export function measureHeap(analyse: (text: string) => unknown, texts: readonly string[]): HeapUse {
  const gc = collector();
  const json = readFileSync(path.join(modelDir, 'tagger.json'), 'utf8');
  gc();
  const before = used();
  const file = JSON.parse(json) as TaggerModelFile;
  const model: TaggerModel = parseTaggerModel(file);
  gc();
  const taggerModelBytes = used() - before;
  if (model.weights.length === 0 || !file.weights) throw new Error('empty tagger model'); // keeps both alive until here
  for (const text of texts) analyse(text); // warm-up: the shipped model loads here
  gc();
  const baseline = used();
  let peak = baseline;
  for (const text of texts) {
    analyse(text);
    peak = Math.max(peak, used());
  }
  return { taggerModelBytes, analysisPeakGrowthBytes: peak - baseline };
}
