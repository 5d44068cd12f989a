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
