/** Calibration of the intent model on out-of-fold predictions: temperature, lexicon weight, isotonic map. */
import { softmax } from '../../src/domain/message/calibration.js';
import { scoreLexicon } from '../../src/domain/message/classify.js';
import { CATEGORIES, type Language } from '../../src/domain/types.js';

export interface Scored {
  logits: Float64Array;
  lexicon: Float64Array;
  label: number;
}

export function nll(rows: readonly Scored[], alpha: number, temperature: number): number {
  let total = 0;
  const z = new Float64Array(CATEGORIES.length);
  for (const row of rows) {
    for (let c = 0; c < z.length; c++) z[c] = (row.logits[c] ?? 0) + alpha * (row.lexicon[c] ?? 0);
    total -= Math.log(Math.max(1e-12, softmax(z, temperature)[row.label] ?? 0));
  }
  return total / rows.length;
}

export function predict(row: Scored, alpha: number, temperature: number): { label: number; p: number } {
  const z = new Float64Array(CATEGORIES.length);
  for (let c = 0; c < z.length; c++) z[c] = (row.logits[c] ?? 0) + alpha * (row.lexicon[c] ?? 0);
  const p = softmax(z, temperature);
  let best = 0;
  for (let c = 1; c < p.length; c++) if ((p[c] ?? 0) > (p[best] ?? 0)) best = c;
  return { label: best, p: p[best] ?? 0 };
}

export function lexiconVector(text: string, lang: Language): Float64Array {
  const { scores } = scoreLexicon(text, lang);
  return Float64Array.from(CATEGORIES.map((c) => scores[c]));
}

/**
 * Isotonic regression (pool adjacent violators) of correctness on probability: ascending knots
 * `[mean probability, accuracy]` of the pooled blocks, each block holding at least `minBlock` rows.
 */
export function fitIsotonic(
  rows: ReadonlyArray<{ p: number; correct: boolean }>,
  minBlock = 25,
): Array<[number, number]> {
  const sorted = [...rows].sort((a, b) => a.p - b.p);
  const blocks: Array<{ sumP: number; sumY: number; n: number }> = [];
  // Start from chunks of minBlock rows so a handful of rows never make a knot of their own.
  for (let i = 0; i < sorted.length; i += minBlock) {
    const chunk = sorted.slice(i, i + minBlock);
    blocks.push({
      sumP: chunk.reduce((s, r) => s + r.p, 0),
      sumY: chunk.filter((r) => r.correct).length,
      n: chunk.length,
    });
    while (blocks.length >= 2) {
      const last = blocks[blocks.length - 1] as { sumP: number; sumY: number; n: number };
      const prev = blocks[blocks.length - 2] as { sumP: number; sumY: number; n: number };
      if (prev.sumY / prev.n <= last.sumY / last.n) break;
      blocks.splice(blocks.length - 2, 2, {
        sumP: prev.sumP + last.sumP,
        sumY: prev.sumY + last.sumY,
        n: prev.n + last.n,
      });
    }
  }
  const knots = blocks.map((b): [number, number] => [round4(b.sumP / b.n), round4(b.sumY / b.n)]);
  // Runs of equal accuracy keep their two ends (the map is flat in between).
  return knots.filter((k, i) => {
    const before = knots[i - 1];
    const after = knots[i + 1];
    return !(before !== undefined && after !== undefined && before[1] === k[1] && after[1] === k[1]);
  });
}

export function round4(value: number): number {
  return Math.round(value * 10000) / 10000;
}
