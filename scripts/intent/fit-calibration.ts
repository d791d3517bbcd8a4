/**
 * Fits the intent calibration on out-of-fold rows and measures it there, through the same
 * decision code as the pipeline (`decideIntent`, `abstention`): temperature and lexicon weight, the
 * confidence model, the isotonic map, the abstain threshold; then accuracy, answered accuracy,
 * abstain rate, ECE and accuracy at confidence >= 0.9, overall and per kind of fold and language.
 */
import { type ReliabilityBin, reliability, softmax } from '../../src/domain/message/calibration.js';
import { countTextWords } from '../../src/domain/message/classify.js';
import {
  abstention,
  confidenceInputs,
  decideIntent,
  type IntentCalibration,
} from '../../src/domain/message/intent-decision.js';
import { CATEGORIES, LANGUAGES } from '../../src/domain/types.js';
import { fitIsotonic, fitLogistic, fitTemperature, round4 } from './calibrate.js';
import { GROUPED, type OutOfFoldRow } from './cross-validate.js';
import type { TrainOptions } from './types.js';

/** What the pipeline would answer for one out-of-fold row. */
export interface RowDecision {
  kind: string;
  lang: string;
  label: number;
  best: number;
  confidence: number;
  abstained: boolean;
}

/** Figures of a set of decisions. */
export interface Figures {
  lines: number;
  accuracy: number;
  macroF1: number;
  answeredAccuracy: number;
  abstainRate: number;
  ece: number;
  /** Accuracy of the answers (not abstained) with confidence >= 0.9, and their share of all lines. */
  accuracyAt90: number;
  shareAt90: number;
}

/**
 * Weight of each row in the fits: rows of held-out sources together weigh `heldOutShare` of the
 * total (when there are any), the grouped folds the rest.
 */
export function rowWeights(rows: readonly OutOfFoldRow[], heldOutShare: number): Float64Array {
  const held = rows.filter((r) => r.kind !== GROUPED).length;
  const grouped = rows.length - held;
  if (held === 0 || grouped === 0) return new Float64Array(rows.length).fill(1);
  const wHeld = (heldOutShare * rows.length) / held;
  const wGrouped = ((1 - heldOutShare) * rows.length) / grouped;
  return Float64Array.from(rows, (r) => (r.kind === GROUPED ? wGrouped : wHeld));
}

/** Decisions of the pipeline on every row under `calibration`. */
export function decideRows(rows: readonly OutOfFoldRow[], calibration: IntentCalibration): RowDecision[] {
  return rows.map((row) => {
    const base = { kind: row.kind, lang: row.lang, label: row.label };
    if (row.contentFree)
      return { ...base, best: CATEGORIES.indexOf('other'), confidence: 0.2, abstained: true };
    const scores = { logits: row.logits, lexicon: row.lexicon, features: row.features, language: row.lang };
    const decision = decideIntent(scores, calibration);
    const { abstained } = abstention(
      decision,
      row.lexicon,
      countTextWords(row.text),
      calibration.abstainBelow,
    );
    return { ...base, best: decision.best, confidence: decision.confidence, abstained };
  });
}

/** Accuracy, macro-F1, answered accuracy, abstain rate, ECE and the >= 0.9 figures of `decisions`. */
export function figures(decisions: readonly RowDecision[]): Figures {
  const n = Math.max(1, decisions.length);
  const right = decisions.filter((d) => d.best === d.label).length;
  const answered = decisions.filter((d) => !d.abstained);
  const confident = answered.filter((d) => d.confidence >= 0.9);
  const f1s = CATEGORIES.map((_, c) => {
    const tp = decisions.filter((d) => d.best === c && d.label === c).length;
    const predicted = decisions.filter((d) => d.best === c).length;
    const actual = decisions.filter((d) => d.label === c).length;
    if (actual === 0) return undefined;
    return tp === 0 ? 0 : (2 * tp) / (predicted + actual);
  }).filter((f): f is number => f !== undefined);
  return {
    lines: decisions.length,
    accuracy: round4(right / n),
    macroF1: round4(f1s.reduce((s, f) => s + f, 0) / Math.max(1, f1s.length)),
    answeredAccuracy: round4(
      answered.filter((d) => d.best === d.label).length / Math.max(1, answered.length),
    ),
    abstainRate: round4(1 - answered.length / n),
    ece: round4(
      reliability(decisions.map((d) => ({ confidence: d.confidence, correct: d.best === d.label }))).ece,
    ),
    accuracyAt90: round4(confident.filter((d) => d.best === d.label).length / Math.max(1, confident.length)),
    shareAt90: round4(confident.length / n),
  };
}

/** Reliability table (bins of 0.1) of `decisions`, every line, best guess. */
export function reliabilityTable(decisions: readonly RowDecision[]): ReliabilityBin[] {
  return reliability(decisions.map((d) => ({ confidence: d.confidence, correct: d.best === d.label }))).table;
}

/** The fitted calibration plus what it measures out-of-fold. */
export interface CalibrationFit {
  calibration: IntentCalibration;
  nll: number;
  decisions: RowDecision[];
  languageAccuracy: number;
}

/** Fits every calibration parameter on the out-of-fold rows. */
export function fitCalibration(rows: readonly OutOfFoldRow[], options: TrainOptions): CalibrationFit {
  const weights = rowWeights(rows, options.heldOutShare);
  const scored = rows.filter((r) => !r.contentFree);
  const scoredWeights = Float64Array.from(
    rows.map((r, i) => [r, i] as const).filter(([r]) => !r.contentFree),
    ([, i]) => weights[i] as number,
  );
  const { alpha, temperature, nll } = fitTemperature(scored, scoredWeights);
  const base: IntentCalibration = {
    temperature,
    lexiconWeight: alpha,
    abstainBelow: 0,
    languageTemperature: fitLanguageTemperature(rows),
    isotonic: [],
  };
  // The confidence model, on the softmax of the fitted temperature and lexicon weight.
  const inputs: Float64Array[] = [];
  const correct: boolean[] = [];
  for (const row of scored) {
    const scores = { logits: row.logits, lexicon: row.lexicon, features: row.features, language: row.lang };
    const d = decideIntent(scores, base);
    inputs.push(confidenceInputs(d.probabilities, d.best, d.second, scores));
    correct.push(d.best === row.label);
  }
  const confidence = fitLogistic(inputs, correct, scoredWeights, options.confidenceL2);
  const withModel: IntentCalibration = { ...base, confidence };
  const isotonic = fitIsotonic(
    scored.map((row, i) => {
      const scores = { logits: row.logits, lexicon: row.lexicon, features: row.features, language: row.lang };
      return {
        p: decideIntent(scores, withModel).confidence,
        correct: correct[i] as boolean,
        weight: scoredWeights[i] as number,
      };
    }),
    25,
    options.isotonicZ,
  );
  const calibrated: IntentCalibration = { ...withModel, isotonic };
  const confidences = decideRows(rows, calibrated)
    .map((d) => d.confidence)
    .sort((a, b) => a - b);
  const abstainBelow = Number(
    (confidences[Math.floor(confidences.length * options.abstainTarget)] ?? 0.4).toFixed(3),
  );
  const final: IntentCalibration = { ...calibrated, abstainBelow };
  const languageRight = rows.filter((r) => LANGUAGES[argmax(r.languageLogits)] === r.lang).length;
  return {
    calibration: final,
    nll: round4(nll),
    decisions: decideRows(rows, final),
    languageAccuracy: round4(languageRight / Math.max(1, rows.length)),
  };
}

function argmax(values: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if ((values[i] ?? 0) > (values[best] ?? 0)) best = i;
  return best;
}

/** Temperature (0.5-6, step 0.1) of the language model's logits, minimum log-loss. */
function fitLanguageTemperature(rows: readonly OutOfFoldRow[]): number {
  let best = 1;
  let bestNll = Number.POSITIVE_INFINITY;
  for (let t = 5; t <= 60; t++) {
    let total = 0;
    for (const row of rows) {
      const gold = LANGUAGES.indexOf(row.lang as (typeof LANGUAGES)[number]);
      total -= Math.log(Math.max(1e-12, softmax(row.languageLogits, t / 10)[gold] ?? 0));
    }
    if (total < bestNll - 1e-12) {
      bestNll = total;
      best = t / 10;
    }
  }
  return best;
}
