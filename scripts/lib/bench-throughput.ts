// Bench (b): analysis throughput in Node, in words per second, for Lede and a named baseline.
import { performance } from 'node:perf_hooks';
import { wordCount } from './stats';

export interface Throughput {
  words: number;
  seconds: number;
  wordsPerSecond: number;
}

/** Runs analyse over every text (after one warm-up pass) until at least minSeconds have passed. */
export function measureThroughput(analyse: (text: string) => unknown, texts: readonly string[], minSeconds = 2): Throughput {
  const wordsPerPass = texts.reduce((sum, text) => sum + wordCount(text), 0);
  for (const text of texts) analyse(text);
  let passes = 0;
  const started = performance.now();
  let elapsed = 0;
  do {
    for (const text of texts) analyse(text);
    passes++;
    elapsed = (performance.now() - started) / 1000;
  } while (elapsed < minSeconds);
  const words = wordsPerPass * passes;
  return { words, seconds: elapsed, wordsPerSecond: words / elapsed };
}

export interface SeedTiming {
  /** Milliseconds per analysis, one sample per run after warm-up. */
  samples: number[];
}

/** Times single analyses of one text (after `warmUp` untimed runs), one sample per run. */
export function timeSingleAnalyses(analyse: (text: string) => unknown, text: string, runs = 25, warmUp = 10): SeedTiming {
  for (let i = 0; i < warmUp; i++) analyse(text);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    analyse(text);
    samples.push(performance.now() - started);
  }
  return { samples };
}
