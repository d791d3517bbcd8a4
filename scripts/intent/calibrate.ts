/**
 * Calibration of the intent model on out-of-fold rows: softmax temperature and lexicon weight
 * (minimum log-loss), the logistic confidence model of `src/domain/message/intent-decision.ts`
 * (Newton's method, L2), and an isotonic map from its score to the observed accuracy. Every fit is
 * weighted, so that rows of a held-out source can count as much as the grouped folds together.
 */
import { softmax } from '../../src/domain/message/calibration.js';
import { scoreLexicon } from '../../src/domain/message/classify.js';
import { CATEGORIES, type Language } from '../../src/domain/types.js';

/** Lexicon scores of a text, in `CATEGORIES` order. */
export function lexiconVector(text: string, lang: Language): Float64Array {
  const { scores } = scoreLexicon(text, lang);
  return Float64Array.from(CATEGORIES.map((c) => scores[c]));
}

/** A row for the temperature fit. */
export interface Scored {
  logits: ArrayLike<number>;
  lexicon: ArrayLike<number>;
  label: number;
}

/** Weighted mean negative log-likelihood of the gold labels. */
export function nll(
  rows: readonly Scored[],
  weights: ArrayLike<number>,
  alpha: number,
  temperature: number,
): number {
  let total = 0;
  let mass = 0;
  const z = new Float64Array(CATEGORIES.length);
  rows.forEach((row, i) => {
    for (let c = 0; c < z.length; c++) z[c] = (row.logits[c] ?? 0) + alpha * (row.lexicon[c] ?? 0);
    const w = weights[i] ?? 1;
    total -= w * Math.log(Math.max(1e-12, softmax(z, temperature)[row.label] ?? 0));
    mass += w;
  });
  return total / mass;
}

/** Lexicon weight (0-3, step 0.1) and temperature (0.5-3, step 0.1) of minimum weighted log-loss. */
export function fitTemperature(
  rows: readonly Scored[],
  weights: ArrayLike<number>,
): { alpha: number; temperature: number; nll: number } {
  let best = { alpha: 0, temperature: 1, nll: Number.POSITIVE_INFINITY };
  for (let a = 0; a <= 30; a++) {
    for (let t = 5; t <= 30; t++) {
      const value = nll(rows, weights, a / 10, t / 10);
      if (value < best.nll - 1e-12) best = { alpha: a / 10, temperature: t / 10, nll: value };
    }
  }
  return best;
}

/**
 * Weighted L2-regularised logistic regression of `correct` on `inputs` (Newton's method; the
 * penalty `l2` is per unit of weight and spares the bias). Deterministic.
 */
export function fitLogistic(
  inputs: readonly ArrayLike<number>[],
  correct: readonly boolean[],
  weights: ArrayLike<number>,
  l2 = 0.01,
  iterations = 25,
): { weights: number[]; bias: number } {
  const d = inputs[0]?.length ?? 0;
  const n = d + 1;
  const beta = new Float64Array(n);
  let mass = 0;
  for (let i = 0; i < inputs.length; i++) mass += weights[i] ?? 1;
  for (let iter = 0; iter < iterations; iter++) {
    const gradient = new Float64Array(n);
    const hessian = new Float64Array(n * n);
    inputs.forEach((x, i) => {
      let z = beta[d] as number;
      for (let j = 0; j < d; j++) z += (beta[j] as number) * (x[j] ?? 0);
      const q = 1 / (1 + Math.exp(-z));
      const w = weights[i] ?? 1;
      const r = w * (q - (correct[i] ? 1 : 0));
      const h = w * q * (1 - q);
      for (let a = 0; a < n; a++) {
        const xa = a === d ? 1 : (x[a] ?? 0);
        gradient[a] = (gradient[a] as number) + r * xa;
        for (let b = 0; b <= a; b++) {
          const xb = b === d ? 1 : (x[b] ?? 0);
          hessian[a * n + b] = (hessian[a * n + b] as number) + h * xa * xb;
        }
      }
    });
    for (let a = 0; a < n; a++) {
      for (let b = a + 1; b < n; b++) hessian[a * n + b] = hessian[b * n + a] as number;
      if (a < d) {
        gradient[a] = (gradient[a] as number) + l2 * mass * (beta[a] as number);
        hessian[a * n + a] = (hessian[a * n + a] as number) + l2 * mass;
      }
    }
    const step = solve(hessian, gradient, n);
    let moved = 0;
    for (let a = 0; a < n; a++) {
      beta[a] = (beta[a] as number) - (step[a] as number);
      moved = Math.max(moved, Math.abs(step[a] as number));
    }
    if (moved < 1e-9) break;
  }
  return { weights: [...beta.subarray(0, d)].map((v) => round4(v)), bias: round4(beta[d] as number) };
}

/** Solves `A x = b` (A symmetric positive definite, row-major n x n) by Gaussian elimination. */
function solve(matrix: Float64Array, vector: Float64Array, n: number): Float64Array {
  const a = Float64Array.from(matrix);
  const x = Float64Array.from(vector);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) {
      if (Math.abs(a[r * n + col] as number) > Math.abs(a[pivot * n + col] as number)) pivot = r;
    }
    if (pivot !== col) {
      for (let c = 0; c < n; c++) {
        const t = a[col * n + c] as number;
        a[col * n + c] = a[pivot * n + c] as number;
        a[pivot * n + c] = t;
      }
      const t = x[col] as number;
      x[col] = x[pivot] as number;
      x[pivot] = t;
    }
    const diag = a[col * n + col] as number;
    for (let r = col + 1; r < n; r++) {
      const f = (a[r * n + col] as number) / diag;
      if (f === 0) continue;
      for (let c = col; c < n; c++) a[r * n + c] = (a[r * n + c] as number) - f * (a[col * n + c] as number);
      x[r] = (x[r] as number) - f * (x[col] as number);
    }
  }
  for (let r = n - 1; r >= 0; r--) {
    let sum = x[r] as number;
    for (let c = r + 1; c < n; c++) sum -= (a[r * n + c] as number) * (x[c] as number);
    x[r] = sum / (a[r * n + r] as number);
  }
  return x;
}

/**
 * Isotonic regression (pool adjacent violators) of correctness on a score: ascending knots
 * `[mean score, accuracy]` of the pooled blocks (weighted means), each block holding at least
 * `minBlock` rows.
 */
export function fitIsotonic(
  rows: ReadonlyArray<{ p: number; correct: boolean; weight?: number }>,
  minBlock = 25,
  z = 0,
): Array<[number, number]> {
  const sorted = [...rows].sort((a, b) => a.p - b.p);
  // With z > 0 a block's value is the Wilson lower bound of its accuracy (z standard errors below,
  // on its row count): pooling violators then yields a monotone map the evidence supports.
  const value = (b: { sumY: number; n: number; rows: number }): number =>
    z > 0 ? wilsonLower(b.sumY / b.n, b.rows, z) : b.sumY / b.n;
  const blocks: Array<{ sumP: number; sumY: number; n: number; rows: number }> = [];
  // Start from chunks of minBlock rows so a handful of rows never make a knot of their own.
  for (let i = 0; i < sorted.length; i += minBlock) {
    const chunk = sorted.slice(i, i + minBlock);
    blocks.push({
      sumP: chunk.reduce((s, r) => s + r.p * (r.weight ?? 1), 0),
      sumY: chunk.reduce((s, r) => s + (r.correct ? (r.weight ?? 1) : 0), 0),
      n: chunk.reduce((s, r) => s + (r.weight ?? 1), 0),
      rows: chunk.length,
    });
    while (blocks.length >= 2) {
      const last = blocks[blocks.length - 1] as (typeof blocks)[number];
      const prev = blocks[blocks.length - 2] as (typeof blocks)[number];
      if (value(prev) <= value(last)) break;
      blocks.splice(blocks.length - 2, 2, {
        sumP: prev.sumP + last.sumP,
        sumY: prev.sumY + last.sumY,
        n: prev.n + last.n,
        rows: prev.rows + last.rows,
      });
    }
  }
  const knots = blocks.map((b): [number, number] => [round4(b.sumP / b.n), round4(value(b))]);
  // Runs of equal accuracy keep their two ends (the map is flat in between).
  return knots.filter((k, i) => {
    const before = knots[i - 1];
    const after = knots[i + 1];
    return !(before !== undefined && after !== undefined && before[1] === k[1] && after[1] === k[1]);
  });
}

/** Wilson score lower bound of a proportion `p` observed on `n` rows, `z` standard errors below. */
export function wilsonLower(p: number, n: number, z: number): number {
  const z2 = z * z;
  const centre = p + z2 / (2 * n);
  const spread = z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return Math.max(0, (centre - spread) / (1 + z2 / n));
}

export function round4(value: number): number {
  return Math.round(value * 10000) / 10000;
}
