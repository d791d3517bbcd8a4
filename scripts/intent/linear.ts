/** Multinomial logistic regression over hashed features, trained with AdaGrad; int8 quantisation. */
import type { LinearModelData } from '../../src/domain/intent-model.js';
import { extractFeatures } from '../../src/domain/message/intent-features.js';
import { encodeBase64, packWeights } from '../../src/domain/message/intent-weights.js';
import { prng } from './augment.js';
import type { TrainOptions } from './types.js';

export interface Example {
  buckets: Int32Array;
  count: number;
  value: number;
  label: number;
}

export interface Linear {
  weights: Float64Array;
  bias: Float64Array;
  labels: number;
}

export function featurize(text: string, bits: number, language: string | undefined, label: number): Example {
  const f = extractFeatures(text, bits, language);
  return { buckets: f.buckets.slice(0, f.count), count: f.count, value: f.value, label };
}

export function scoreExample(model: Linear, ex: Example, out: Float64Array): void {
  const k = model.labels;
  for (let c = 0; c < k; c++) out[c] = 0;
  for (let f = 0; f < ex.count; f++) {
    const base = (ex.buckets[f] ?? 0) * k;
    for (let c = 0; c < k; c++) out[c] = (out[c] ?? 0) + (model.weights[base + c] ?? 0);
  }
  for (let c = 0; c < k; c++) out[c] = (out[c] ?? 0) * ex.value + (model.bias[c] ?? 0);
}

/** Gradients below this are not applied (they would barely move the weights). */
const MIN_GRADIENT = 1e-3;

export function trainLinear(
  examples: readonly Example[],
  labels: number,
  options: TrainOptions,
  seed: number,
): Linear {
  const size = (1 << options.bits) * labels;
  const model: Linear = { weights: new Float64Array(size), bias: new Float64Array(labels), labels };
  const g2 = new Float64Array(size);
  const b2 = new Float64Array(labels);
  const rand = prng(seed);
  const order = examples.map((_, i) => i);
  const z = new Float64Array(labels);
  const grad = new Float64Array(labels);
  const activeClasses = new Int32Array(labels);
  const lr = options.learningRate;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      const t = order[i] as number;
      order[i] = order[j] as number;
      order[j] = t;
    }
    for (const index of order) {
      const ex = examples[index] as Example;
      scoreExample(model, ex, z);
      let max = Number.NEGATIVE_INFINITY;
      for (let c = 0; c < labels; c++) max = Math.max(max, z[c] ?? 0);
      let sum = 0;
      for (let c = 0; c < labels; c++) {
        const e = Math.exp((z[c] ?? 0) - max);
        grad[c] = e;
        sum += e;
      }
      // Classes with a negligible gradient are skipped: most of the work once the model fits.
      let active = 0;
      for (let c = 0; c < labels; c++) {
        const g = (grad[c] ?? 0) / sum - (c === ex.label ? 1 : 0);
        grad[c] = g;
        if (Math.abs(g) >= MIN_GRADIENT) activeClasses[active++] = c;
      }
      for (let f = 0; f < ex.count; f++) {
        const base = (ex.buckets[f] ?? 0) * labels;
        for (let a = 0; a < active; a++) {
          const c = activeClasses[a] as number;
          const at = base + c;
          const w = model.weights[at] ?? 0;
          const g = (grad[c] ?? 0) * ex.value + options.l2 * w;
          const acc = (g2[at] ?? 0) + g * g;
          g2[at] = acc;
          model.weights[at] = w - (lr * g) / (Math.sqrt(acc) + 1e-8);
        }
      }
      for (let c = 0; c < labels; c++) {
        const g = grad[c] ?? 0;
        b2[c] = (b2[c] ?? 0) + g * g;
        model.bias[c] = (model.bias[c] ?? 0) - (lr * g) / (Math.sqrt(b2[c] ?? 0) + 1e-8);
      }
    }
  }
  return model;
}

/** Int8 quantisation with a scale at the 99.99th percentile of |w| (rarer outliers are clipped). */
export function quantize(
  model: Linear,
  names: readonly string[],
): { data: LinearModelData; weights: Int8Array } {
  const magnitudes: number[] = [];
  for (const w of model.weights) if (w !== 0) magnitudes.push(Math.abs(w));
  magnitudes.sort((a, b) => a - b);
  const top = magnitudes[Math.min(magnitudes.length - 1, Math.floor(magnitudes.length * 0.9999))] ?? 1;
  const scale = Number((top / 127).toPrecision(6));
  const weights = new Int8Array(model.weights.length);
  for (let i = 0; i < weights.length; i++) {
    weights[i] = Math.max(-127, Math.min(127, Math.round((model.weights[i] ?? 0) / scale)));
  }
  const bias = [...model.bias].map((b) => Number(b.toFixed(5)));
  return {
    data: { labels: names, scale, bias, weights: encodeBase64(packWeights(weights, names.length)) },
    weights,
  };
}
