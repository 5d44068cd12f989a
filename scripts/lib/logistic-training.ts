// The small logistic models behind Lede's learned attribution files (scripts/train-attribution*.ts):
// feature names to ids, averaged stochastic-gradient training, and pruning to a small model file.

export interface FeatureTable {
  /** Feature name → id, in the order names were first seen. */
  readonly index: Map<string, number>;
  /** The ids of `names`; unseen names get a new id when `grow`, else are left out. */
  ids(names: readonly string[], grow: boolean): Int32Array;
}

export function featureTable(): FeatureTable {
  const index = new Map<string, number>();
  const ids = (names: readonly string[], grow: boolean): Int32Array => {
    const out: number[] = [];
    for (const name of names) {
      let id = index.get(name);
      if (id === undefined && grow) {
        id = index.size;
        index.set(name, id);
      }
      if (id !== undefined) out.push(id);
    }
    return Int32Array.from(out);
  };
  return { index, ids };
}

export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

export interface TrainingOptions {
  epochs: number;
  rate: number;
}

/**
 * Logistic regression by stochastic gradient steps in a seeded shuffle (so a model file is
 * reproducible), with the weights averaged over all steps: steadier than the last step's (the
 * averaged-perceptron trick, kept lazily with a second table).
 */
export function trainLogistic<E extends { feats: Int32Array }>(
  data: readonly E[],
  label: (example: E) => boolean,
  features: number,
  { epochs, rate }: TrainingOptions,
): Float64Array {
  const w = new Float64Array(features);
  const u = new Float64Array(features);
  const order = data.map((_, i) => i);
  let seed = 7;
  const random = (): number => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  let step = 1;
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    for (const k of order) {
      const e = data[k] as E;
      let z = 0;
      for (const f of e.feats) z += w[f] as number;
      const g = rate * ((label(e) ? 1 : 0) - sigmoid(z));
      if (g !== 0) {
        for (const f of e.feats) {
          w[f] = (w[f] as number) + g;
          u[f] = (u[f] as number) + step * g;
        }
      }
      step++;
    }
  }
  for (let f = 0; f < w.length; f++) w[f] = (w[f] as number) - (u[f] as number) / step;
  return w;
}

/** The strongest `max` weights (and the bias 'b'), rounded to two places: the model file. */
export function pruneWeights(index: ReadonlyMap<string, number>, w: Float64Array, max: number): Record<string, number> {
  const ranked = [...index.keys()].map((name, id) => ({ name, v: w[id] as number })).filter((x) => x.name === 'b' || Math.abs(x.v) >= 0.05);
  ranked.sort((a, b) => Math.abs(b.v) - Math.abs(a.v));
  const kept = ranked.slice(0, max);
  if (!kept.some((x) => x.name === 'b')) kept.push({ name: 'b', v: w[index.get('b') as number] as number });
  return Object.fromEntries(kept.sort((a, b) => a.name.localeCompare(b.name)).map((x) => [x.name, Math.round(x.v * 100) / 100]));
}
