/**
 * From scores to a decision: the calibrated confidence of the intent model's best category and
 * whether to abstain. Pure and shared by `classify.ts` (every message) and the training script
 * (out-of-fold rows), so the figures training reports are those of the pipeline that runs.
 *
 * The confidence is not the softmax probability: a small logistic model (fitted out-of-fold, on
 * folds that hold out whole families and sources of lines) reads the probability together with
 * what makes it less trustworthy on text from other hands — a narrow margin over the runner-up,
 * a lexicon that disagrees or says nothing, a long message, the language — and an isotonic map
 * turns its output into the accuracy observed at that score.
 */
import { applyIsotonic, softmax } from './calibration.js';

/** Names of the confidence model's inputs, in the order of its weights. */
export const CONFIDENCE_INPUTS = [
  'log-odds of the best probability',
  'log ratio best / runner-up',
  'log(1 + content features)',
  'lexicon agrees',
  'lexicon points elsewhere',
  'lexicon score of the best',
  'language en',
  'language es',
  'language fr',
  'language pt',
  'language ru',
] as const;

const CONFIDENCE_LANGUAGES = ['en', 'es', 'fr', 'pt', 'ru'];

/** Calibration of the intent model, as fitted by `scripts/train-intent.ts`. */
export interface IntentCalibration {
  /** Softmax temperature applied to model logits plus weighted lexicon scores. */
  temperature: number;
  /** Weight of the hand-written lexicon score added to the model logits. */
  lexiconWeight: number;
  /** Below this calibrated confidence the classification abstains. */
  abstainBelow: number;
  /** Softmax temperature of the language model's logits. */
  languageTemperature: number;
  /** Logistic model of P(correct) over `CONFIDENCE_INPUTS`: `weights` in that order, then `bias`. */
  confidence?: { weights: readonly number[]; bias: number };
  /**
   * Isotonic map from the confidence model's score (or, without one, the softmax top probability)
   * to the observed accuracy (out-of-fold): ascending `[score, accuracy]` knots, interpolated linearly.
   */
  isotonic: ReadonlyArray<readonly [number, number]>;
}

/** What the scorers said about one message, label-indexed. */
export interface IntentScores {
  logits: ArrayLike<number>;
  /** Lexicon score of each label, in the same order as `logits`. */
  lexicon: ArrayLike<number>;
  /** Number of the intent model's features (content words, their n-grams and the bias). */
  features: number;
  language: string;
}

/** The best label, its calibrated confidence and the runner-up. */
export interface IntentDecision {
  best: number;
  /** -1 when there is a single label. */
  second: number;
  /** Softmax probabilities of the combined scores. */
  probabilities: Float64Array;
  confidence: number;
  runnerUpConfidence: number;
}

const round3 = (value: number): number => Math.round(value * 1000) / 1000;

/** Inputs of the confidence model for a message (see `CONFIDENCE_INPUTS`). */
export function confidenceInputs(
  probabilities: ArrayLike<number>,
  best: number,
  second: number,
  scores: IntentScores,
): Float64Array {
  const p1 = Math.min(1 - 1e-6, Math.max(1e-6, probabilities[best] ?? 0));
  const p2 = Math.max(1e-9, second < 0 ? 0 : (probabilities[second] ?? 0));
  let lexBest = 0;
  let lexMax = 0;
  for (let i = 0; i < scores.lexicon.length; i++) {
    const v = scores.lexicon[i] ?? 0;
    if (v > lexMax) {
      lexMax = v;
      lexBest = i;
    }
  }
  const inputs = new Float64Array(CONFIDENCE_INPUTS.length);
  inputs[0] = Math.log(p1 / (1 - p1));
  inputs[1] = Math.log(p1 / p2);
  inputs[2] = Math.log1p(scores.features);
  inputs[3] = lexMax > 0 && lexBest === best ? 1 : 0;
  inputs[4] = lexMax > 0 && lexBest !== best ? 1 : 0;
  inputs[5] = scores.lexicon[best] ?? 0;
  const lang = CONFIDENCE_LANGUAGES.indexOf(scores.language);
  if (lang >= 0) inputs[6 + lang] = 1;
  return inputs;
}

/** Output of the logistic confidence model (before the isotonic map). */
export function confidenceScore(
  inputs: ArrayLike<number>,
  model: { weights: readonly number[]; bias: number },
): number {
  let z = model.bias;
  for (let i = 0; i < model.weights.length; i++) z += (model.weights[i] ?? 0) * (inputs[i] ?? 0);
  return 1 / (1 + Math.exp(-z));
}

/** Softmax of model logits plus weighted lexicon scores, best and runner-up, calibrated confidence. */
export function decideIntent(scores: IntentScores, calibration: IntentCalibration): IntentDecision {
  const { temperature, lexiconWeight, isotonic, confidence } = calibration;
  const combined = new Float64Array(scores.logits.length);
  for (let i = 0; i < combined.length; i++) {
    combined[i] = (scores.logits[i] ?? 0) + lexiconWeight * (scores.lexicon[i] ?? 0);
  }
  const probabilities = softmax(combined, temperature);
  let best = 0;
  let second = -1;
  for (let i = 1; i < probabilities.length; i++) {
    if ((probabilities[i] ?? 0) > (probabilities[best] ?? 0)) {
      second = best;
      best = i;
    } else if (second < 0 || (probabilities[i] ?? 0) > (probabilities[second] ?? 0)) {
      second = i;
    }
  }
  const p1 = probabilities[best] ?? 0;
  const score =
    confidence === undefined
      ? p1
      : confidenceScore(confidenceInputs(probabilities, best, second, scores), confidence);
  // The calibrated confidence: the accuracy observed out-of-fold at this score.
  const calibrated = round3(applyIsotonic(score, isotonic));
  // The runner-up keeps its share of the winner's probability, on the calibrated scale.
  const runnerUpConfidence =
    second < 0 ? 0 : round3(p1 > 0 ? (calibrated * (probabilities[second] ?? 0)) / p1 : 0);
  return { best, second, probabilities, confidence: calibrated, runnerUpConfidence };
}

/** The runner-up counts as a tie (and the classification abstains) at this share of the winner. */
const TIE_RATIO = 0.85;
/** A lexicon score this high is an explicit cue ("refund", "exchange"). */
const STRONG_CUE = 2;
/** Below this lexicon score a short message's category is only the model's guess. */
const WEAK_CUE = 1.5;
/**
 * A near lexicon tie only counts when the model also gives the runner-up this much confidence; an
 * exact one between two strong cues (the buyer names both, "refund or exchange") with less.
 */
const LEXICON_TIE_MIN_P = 0.2;
/** An exact lexicon tie counts from this softmax probability of the runner-up. */
const EXACT_TIE_MIN_P = 0.02;

/** Why a decision abstains (all false: it answers). */
export interface Abstention {
  abstained: boolean;
  /** A near tie of the probabilities, or of the lexicon between the model's two favourites. */
  tied: boolean;
  /** One or two words with no real lexicon cue for the winner. */
  guess: boolean;
}

/**
 * Whether a decision abstains so that a human picks the category: a confidence below the
 * threshold, a near tie ("refund or exchange?": the buyer has not decided), or a one- or two-word
 * message with no real lexicon cue for the winner (a guess, however sure the model is).
 */
export function abstention(
  decision: IntentDecision,
  lexicon: ArrayLike<number>,
  words: number,
  abstainBelow: number,
): Abstention {
  const lexTop = lexicon[decision.best] ?? 0;
  const lexSecond = decision.second < 0 ? 0 : (lexicon[decision.second] ?? 0);
  const lexiconTie =
    decision.second >= 0 &&
    lexSecond >= STRONG_CUE &&
    lexSecond >= TIE_RATIO * lexTop &&
    (decision.runnerUpConfidence >= LEXICON_TIE_MIN_P ||
      (lexTop >= STRONG_CUE &&
        lexSecond >= lexTop &&
        (decision.probabilities[decision.second] ?? 0) >= EXACT_TIE_MIN_P));
  const tied =
    decision.second >= 0 && (decision.runnerUpConfidence >= TIE_RATIO * decision.confidence || lexiconTie);
  const guess = words <= 2 && lexTop < WEAK_CUE;
  return { abstained: decision.confidence < abstainBelow || tied || guess, tied, guess };
}
