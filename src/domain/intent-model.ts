/**
 * Character n-gram linear models for buyer messages: intent (13 categories) and language (5).
 *
 * Pure: the weights arrive as data (`intent-model.data.ts`, written by `scripts/train-intent.ts`),
 * nothing is read from disk. Text is folded (lowercase, no diacritics), Cyrillic is transliterated
 * to the Latin spelling buyers use ("заказ" and "zakaz" share features), numbers are normalised,
 * and the features are hashed into 2^bits buckets:
 *
 *   - character 3-5-grams inside each word, with word boundaries (" zakaz " -> " za", "zak", ... "kaz ");
 *   - word unigrams and bigrams;
 *   - the message language as a bias and conjoined with each word (intent model only).
 *
 * The intent model only sees content words: function words, greetings and politeness ("can you
 * help me", "I want", "hola buenas", "здравствуйте подскажите") are dropped from its features, so
 * the wrapper of a request never decides its category. The language model keeps them (they are
 * its best cues).
 *
 * Each model is a multinomial logistic regression with int8-quantised weights.
 */

/** Serialised weights of one linear model: `weights[bucket * labels + label] * scale`. */
export interface LinearModelData {
  labels: readonly string[];
  /**
   * Base64 of a bitmap of the buckets with a non-zero weight (2^bits bits, little-endian within
   * each byte), followed by `labels.length` int8 weights for each of those buckets, in order.
   */
  weights: string;
  scale: number;
  bias: readonly number[];
}

/** The trained models plus calibration, as written by `scripts/train-intent.ts`. */
export interface IntentModelData {
  format: 'sellerdesk-intent-v4';
  /** log2 of the number of hash buckets. */
  bits: number;
  intent: LinearModelData;
  language: LinearModelData;
  calibration: IntentCalibration;
  meta: {
    trainLines: number;
    /** FNV-1a of the training file content, hex. */
    trainHash: string;
    seed: number;
    epochs: number;
    /** FNV-1a of both weight strings, hex; checked by `createIntentModel`. */
    weightsHash: string;
    /**
     * FNV-1a of everything training read (training lines, evaluation corpora used by the leak
     * guard, hyper-parameters, feature version): a test recomputes it to prove the weights are current.
     */
    inputsHash: string;
    /** Training lines the leak guard dropped as near-duplicates of an evaluation text. */
    leakDropped: number;
    /** Out-of-fold figures on the training data, measured while calibrating. */
    crossValidation?: Record<string, number>;
  };
}

import type { IntentCalibration } from './message/intent-decision.js';
import {
  CLAUSE_BREAK,
  extractFeatures,
  type Features,
  finalize,
  fnvHex,
  fnvString,
  SEED_WORD,
  STOPWORDS,
} from './message/intent-features.js';
import { decodeBase64, unpackWeights } from './message/intent-weights.js';

/** A scorer built from `IntentModelData`. */
export interface IntentModel {
  readonly data: IntentModelData;
  readonly labels: readonly string[];
  readonly languageLabels: readonly string[];
  /** Intent logits (in `labels` order) of a message written in `language`, with its features. */
  intent(text: string, language: string): { logits: Float64Array; features: Features };
  /** Language logits (in `languageLabels` order). */
  languageLogits(text: string): Float64Array;
  /** Words of a scored message that pushed intent `label` the most, for evidence ("roto +1.3"). */
  topWords(features: Features, label: number, limit: number): Array<[string, number]>;
}

interface LinearModel {
  labels: readonly string[];
  weights: Int8Array;
  scale: number;
  bias: readonly number[];
}

function loadLinear(data: LinearModelData, bits: number, what: string): LinearModel {
  if (data.bias.length !== data.labels.length) throw new Error(`${what} model: bias/labels mismatch`);
  const bytes = decodeBase64(data.weights);
  if (bytes.length < Math.ceil((1 << bits) / 8)) throw new Error(`${what} model: weights truncated`);
  return {
    labels: data.labels,
    weights: unpackWeights(bytes, 1 << bits, data.labels.length),
    scale: data.scale,
    bias: data.bias,
  };
}

function logits(model: LinearModel, features: Features): Float64Array {
  const k = model.labels.length;
  // Integer sums first (exact), scaled once at the end.
  const sums = k === 13 ? sums13(model.weights, features) : new Int32Array(k);
  const { buckets, count } = features;
  const w = model.weights;
  for (let f = 0; k !== 13 && f < count; f++) {
    const base = (buckets[f] as number) * k;
    for (let c = 0; c < k; c++) sums[c] = (sums[c] as number) + (w[base + c] as number);
  }
  const factor = model.scale * features.value;
  const out = new Float64Array(k);
  for (let c = 0; c < k; c++) out[c] = (sums[c] as number) * factor + (model.bias[c] ?? 0);
  return out;
}

/** The 13-label (intent) weight sum with the accumulators in locals: the hottest loop of the pipeline. */
function sums13(w: Int8Array, features: Features): Int32Array {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let s4 = 0;
  let s5 = 0;
  let s6 = 0;
  let s7 = 0;
  let s8 = 0;
  let s9 = 0;
  let s10 = 0;
  let s11 = 0;
  let s12 = 0;
  const { buckets, count } = features;
  for (let f = 0; f < count; f++) {
    const b = (buckets[f] as number) * 13;
    s0 += w[b] as number;
    s1 += w[b + 1] as number;
    s2 += w[b + 2] as number;
    s3 += w[b + 3] as number;
    s4 += w[b + 4] as number;
    s5 += w[b + 5] as number;
    s6 += w[b + 6] as number;
    s7 += w[b + 7] as number;
    s8 += w[b + 8] as number;
    s9 += w[b + 9] as number;
    s10 += w[b + 10] as number;
    s11 += w[b + 11] as number;
    s12 += w[b + 12] as number;
  }
  return Int32Array.of(s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, s11, s12);
}

/** Builds a scorer from trained data; throws when the weights do not match their declared hash. */
export function createIntentModel(data: IntentModelData): IntentModel {
  if (data.format !== 'sellerdesk-intent-v4') throw new Error(`unknown intent model format ${data.format}`);
  const hash = fnvHex(data.intent.weights + data.language.weights);
  if (hash !== data.meta.weightsHash) {
    throw new Error(`intent model weights hash ${hash} does not match declared ${data.meta.weightsHash}`);
  }
  const intent = loadLinear(data.intent, data.bits, 'intent');
  const language = loadLinear(data.language, data.bits, 'language');
  return {
    data,
    labels: intent.labels,
    languageLabels: language.labels,
    intent(text, lang) {
      const features = extractFeatures(text, data.bits, lang);
      return { logits: logits(intent, features), features };
    },
    languageLogits: (text) => logits(language, extractFeatures(text, data.bits)),
    topWords(features, label, limit) {
      const mask = (1 << data.bits) - 1;
      const k = intent.labels.length;
      const scored: Array<[string, number]> = [];
      for (const word of new Set(features.words)) {
        if (word === CLAUSE_BREAK || STOPWORDS.has(word)) continue;
        const bucket = finalize(fnvString(SEED_WORD, word), mask);
        let sum = 0;
        for (let c = 0; c < k; c++) {
          const w = intent.weights[bucket * k + c] ?? 0;
          sum += c === label ? w : -w / (k - 1);
        }
        scored.push([word, sum * intent.scale * features.value]);
      }
      return scored
        .filter(([, s]) => s > 0)
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
        .slice(0, limit);
    },
  };
}

const CACHE = new WeakMap<IntentModelData, IntentModel>();

/** `createIntentModel` once per data object, so every caller shares the decoded weights. */
export function sharedIntentModel(data: IntentModelData): IntentModel {
  let model = CACHE.get(data);
  if (model === undefined) {
    model = createIntentModel(data);
    CACHE.set(data, model);
  }
  return model;
}
