/** Calibration of classifier confidences: softmax, the isotonic map, and reliability tables. */

/**
 * Maps a softmax probability to the accuracy observed at that probability out-of-fold (the
 * isotonic knots of the calibration), interpolating linearly between knots.
 */
export function applyIsotonic(p: number, knots: ReadonlyArray<readonly [number, number]>): number {
  const first = knots[0];
  const last = knots[knots.length - 1];
  if (first === undefined || last === undefined) return p;
  if (p <= first[0]) return first[1];
  if (p >= last[0]) return last[1];
  let lo = 0;
  let hi = knots.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if ((knots[mid] as readonly [number, number])[0] <= p) lo = mid;
    else hi = mid;
  }
  const [x0, y0] = knots[lo] as readonly [number, number];
  const [x1, y1] = knots[hi] as readonly [number, number];
  return x1 === x0 ? y1 : y0 + ((p - x0) / (x1 - x0)) * (y1 - y0);
}

/** One bin of a reliability table. */
export interface ReliabilityBin {
  from: number;
  to: number;
  count: number;
  meanConfidence: number;
  accuracy: number;
}

/** Reliability table (bins of width 1/`bins`) and expected calibration error of (confidence, correct) pairs. */
export function reliability(
  rows: ReadonlyArray<{ confidence: number; correct: boolean }>,
  bins = 10,
): { table: ReliabilityBin[]; ece: number } {
  const table: ReliabilityBin[] = [];
  let ece = 0;
  for (let b = 0; b < bins; b++) {
    const from = b / bins;
    const to = (b + 1) / bins;
    const inBin = rows.filter(
      (r) => r.confidence >= from && (b === bins - 1 ? r.confidence <= to : r.confidence < to),
    );
    const count = inBin.length;
    const meanConfidence = count === 0 ? 0 : inBin.reduce((s, r) => s + r.confidence, 0) / count;
    const accuracy = count === 0 ? 0 : inBin.filter((r) => r.correct).length / count;
    if (rows.length > 0) ece += (count / rows.length) * Math.abs(meanConfidence - accuracy);
    table.push({ from, to, count, meanConfidence, accuracy });
  }
  return { table, ece };
}

/** Softmax of `logits / temperature`, numerically stable. */
export function softmax(values: ArrayLike<number>, temperature = 1): Float64Array {
  const out = new Float64Array(values.length);
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < values.length; i++) max = Math.max(max, (values[i] ?? 0) / temperature);
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    const e = Math.exp((values[i] ?? 0) / temperature - max);
    out[i] = e;
    sum += e;
  }
  for (let i = 0; i < values.length; i++) out[i] = (out[i] ?? 0) / sum;
  return out;
}
