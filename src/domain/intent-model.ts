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
import { CYRILLIC_TO_LATIN } from './transliterate.js';

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
  format: 'sellerdesk-intent-v3';
  /** log2 of the number of hash buckets. */
  bits: number;
  intent: LinearModelData;
  language: LinearModelData;
  calibration: {
    /** Softmax temperature applied to model logits plus weighted lexicon scores. */
    temperature: number;
    /** Weight of the hand-written lexicon score added to the model logits. */
    lexiconWeight: number;
    /** Below this calibrated probability the intent classification abstains. */
    abstainBelow: number;
    /** Softmax temperature of the language model's logits. */
    languageTemperature: number;
    /**
     * Isotonic map from the softmax top probability to the observed accuracy (out-of-fold):
     * ascending `[probability, accuracy]` knots, interpolated linearly.
     */
    isotonic: ReadonlyArray<readonly [number, number]>;
  };
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

/** Hashed features of one message; `value` is the weight of every feature (1/sqrt(count)). */
export interface Features {
  buckets: Int32Array;
  count: number;
  value: number;
  /** Folded word tokens, for evidence. */
  words: string[];
}

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

// ---------------------------------------------------------------------------------------------
// Normalisation

const CYRILLIC_RE = /[\u0400-\u04ff]/gu;

/** The Russian conjunction "но" as a whole word. */
const RUSSIAN_BUT_RE = /(?<!\p{L})но(?!\p{L})/gu;

/** Replaces Cyrillic letters by the Latin spelling buyers use ("заказ" -> "zakaz"); expects lowercase. */
export function transliterateCyrillic(text: string): string {
  return text.replace(CYRILLIC_RE, (ch) => CYRILLIC_TO_LATIN[ch] ?? ch);
}

/** Lowercase, strip diacritics, transliterate Cyrillic and drop apostrophes inside words. */
export function normalizeForModel(text: string): string {
  let out = text.toLowerCase();
  if (/[\u0080-\uffff]/.test(out)) {
    out = out.normalize('NFD').replace(/\p{M}+/gu, '');
    if (/[\u0400-\u04ff]/.test(out)) {
      // Russian "но" (but) would read as the negator "no" once transliterated.
      out = out.replace(RUSSIAN_BUT_RE, 'no_').replace(CYRILLIC_RE, (ch) => CYRILLIC_TO_LATIN[ch] ?? ch);
    }
  }
  return /['’`´]/.test(out) ? out.replace(/(?<=\p{L})['’`´](?=\p{L})/gu, '') : out;
}

/** Token between clauses: negation scopes and bigrams stop there. */
export const CLAUSE_BREAK = '|';

/**
 * Splits normalised text into word tokens with `CLAUSE_BREAK` between clauses; URLs, e-mails and
 * numbers become placeholders, and a question mark anywhere adds the token `_q`.
 */
export function modelTokens(text: string): string[] {
  let cleaned = normalizeForModel(text.slice(0, MAX_CHARS));
  if (/[/@[]/.test(cleaned)) {
    cleaned = cleaned
      .replace(/\b(?:https?:\/\/|www\.)\S+/gu, ' _url ')
      .replace(/\[(?:email|phone|card|id_number|iban|address)\]/gu, ' _pii ')
      .replace(/(?<![^\s@])[^\s@]+@[^\s@.]+\.\S+/gu, ' _pii ');
  }
  const tokens: string[] = [];
  for (const clause of cleaned.split(/[.,;:!?¿¡()\n]+/u)) {
    const start = tokens.length;
    for (const raw of clause.split(/[^\p{L}\p{N}_]+/u)) {
      if (raw.length === 0) continue;
      if (/\p{N}/u.test(raw)) {
        const digits = raw.replace(/\D/gu, '').length;
        if (digits >= 6) tokens.push('_id');
        else if (digits === raw.length) tokens.push('_n');
        else tokens.push(raw.replace(/\p{N}+/gu, '0'));
      } else {
        tokens.push(raw);
      }
    }
    if (tokens.length > start) tokens.push(CLAUSE_BREAK);
  }
  tokens.pop();
  if (/[?¿]/u.test(text)) tokens.push('_q');
  return tokens;
}

/** Words that open a negation scope (folded, Cyrillic transliterated). */
const NEGATORS = new Set(
  `not no never nothing nobody none nor without cannot cant dont doesnt didnt isnt wasnt arent werent havent
  hasnt hadnt wont wouldnt couldnt shouldnt nunca nada ni sin jamas tampoco ningun ninguna nadie ne pas jamais
  rien aucun aucune sans nao nem nenhum nenhuma net nichego nikogda bez`.split(/\s+/u),
);

/**
 * Function words, greetings and politeness of the five languages (folded, Cyrillic transliterated):
 * the wrapper of a request, not the request. Negators are not in this list (they scope what follows).
 */
const STOPWORDS = new Set(
  `i me my mine myself we us our you your yours u ur he she it its they them their this that these those a an
  the and or but if so of to in on at by for with from about as into is are was were be been being am do does
  doing have has had having can could would should will shall may might must please pls plz kindly help
  helping assist assistance hi hello hey dear sir madam thanks thank thx ty want wanted wanna need needed
  like id im ive just also really some know let check checking see tell inform wondering wonder regarding
  concerning hope possible possibly able question ask asking guys team support trying information info
  yo mi mis mio mia tu tus su sus nos nuestro nuestra el la los las lo le les un una unos unas y o pero del
  al en con por para que es son era ser estar esta este esto ese esa hola buenas buenos tardes noches
  porfa xfa gracias quiero quisiera queria necesito necesitaria puede pueden podria podrian puedo ayudar
  ayuda ayudame ayudeme favor saber consultar consulta usted ustedes senor senora amigo amiga revisar
  verificar disculpe disculpa oiga saludos
  je j moi mon ma mes m te vous votre vos il elle on nous l une des du de d et ou mais qu qui est sont
  suis ai avez au aux dans avec pour par sur ce cet cette ces c bonjour bonsoir salut svp stp merci
  madame monsieur veux voudrais voulais souhaite souhaiterais aimerais besoin pouvez pourriez pourrais peux
  aide aider savoir verifier cordialement bjr slt
  eu mim meu minha meus minhas voce voces vc vcs os as um umas uns e do da dos das na nas com pra pro
  estou oi ola bom boa obrigado obrigada obg pfv quero gostaria preciso podem poderia posso ajudar
  ajuda
  ya menya mne moi moya moe vy vas vam vash vasha eto etot v s k po za iz ob by zhe li zdravstvuite
  zdravstvuyte zdrastvuite privet dobryi dobryy den vecher utro pozhaluista pozhalujsta pozhaluysta
  pojaluista spasibo podskazhite skazhite pomogite hochu hotel hotela mozhno nuzhno nado proverte`
    .split(/\s+/u)
    .filter((w) => w.length > 0),
);

/** Whether the intent model ignores `word` (a function word, greeting or politeness). */
export function isStopword(word: string): boolean {
  return STOPWORDS.has(word);
}

/** Character n-gram lengths. */
const MIN_GRAM = 3;
const MAX_GRAM = 5;

/** Words after a negator (up to this many, within the clause) get features of their own. */
const NEGATION_SCOPE = 3;

/** Only the start of pasted walls of text is scored. */
const MAX_CHARS = 2000;
const MAX_FEATURES = 4096;

// ---------------------------------------------------------------------------------------------
// Hashing (FNV-1a, 32 bit)

const FNV_OFFSET = 0x811c9dc5;
const SEED_CHAR = fnvString(FNV_OFFSET, 'c|');
const SEED_WORD = fnvString(FNV_OFFSET, 'w|');
const SEED_BIGRAM = fnvString(FNV_OFFSET, 'b|');
const SEED_BIAS = fnvString(FNV_OFFSET, 'bias|');
const SEED_NEG_CHAR = fnvString(FNV_OFFSET, 'nc|');
const SEED_NEG_WORD = fnvString(FNV_OFFSET, 'nw|');

function fnvStep(hash: number, code: number): number {
  return Math.imul(hash ^ code, 0x01000193) >>> 0;
}

function fnvString(hash: number, value: string): number {
  let h = hash;
  for (let i = 0; i < value.length; i++) h = fnvStep(h, value.charCodeAt(i));
  return h;
}

/** FNV-1a of a string as 8 hex digits (used to fingerprint training data and weights). */
export function fnvHex(value: string): string {
  return fnvString(FNV_OFFSET, value).toString(16).padStart(8, '0');
}

function finalize(hash: number, mask: number): number {
  let h = hash;
  h ^= h >>> 16;
  h = Math.imul(h, 0x45d9f3b);
  h ^= h >>> 16;
  return (h >>> 0) & mask;
}

interface BaseFeatures {
  /** Every word's features (language model). */
  buckets: Int32Array;
  count: number;
  /** Content words' features only (intent model): no function words, greetings or politeness. */
  content: Int32Array;
  contentCount: number;
  words: string[];
  /** Per word: inside a negation scope. */
  negated: Uint8Array;
  /** Per word: a content word (not a stopword, not a clause break). */
  isContent: Uint8Array;
}

let lastText: string | undefined;
let lastBits = 0;
let lastBase: BaseFeatures | undefined;

/** Features of both models in one pass; the last message's are cached (language then intent see the same text). */
function baseFeatures(text: string, bits: number): BaseFeatures {
  if (lastBase !== undefined && lastText === text && lastBits === bits) return lastBase;
  const mask = (1 << bits) - 1;
  const words = modelTokens(text);
  const size = Math.min(MAX_FEATURES, 8 + words.length * 24 + text.length * 4);
  const buckets = new Int32Array(size);
  const content = new Int32Array(size);
  const negatedWords = new Uint8Array(words.length);
  const isContent = new Uint8Array(words.length);
  let n = 0;
  let m = 0;
  const push = (hash: number, keep: boolean): void => {
    const bucket = finalize(hash, mask);
    if (n < size) buckets[n++] = bucket;
    if (keep && m < size) content[m++] = bucket;
  };
  const bigram = (previous: string, word: string): number =>
    fnvString(fnvStep(fnvString(SEED_BIGRAM, previous), 32), word);
  let scope = 0;
  let previous = '';
  let previousContent = '';
  for (let w = 0; w < words.length; w++) {
    const word = words[w] as string;
    if (word === CLAUSE_BREAK) {
      push(bigram(previous, ''), false);
      if (previousContent !== '') push(bigram(previousContent, ''), true);
      previous = '';
      previousContent = '';
      scope = 0;
      continue;
    }
    const inScope = scope > 0;
    if (scope > 0) scope--;
    const negator = NEGATORS.has(word);
    if (negator) scope = NEGATION_SCOPE;
    negatedWords[w] = inScope ? 1 : 0;
    const keep = negator || !STOPWORDS.has(word);
    isContent[w] = keep ? 1 : 0;
    push(fnvString(inScope ? SEED_NEG_WORD : SEED_WORD, word), keep);
    push(bigram(previous, word), false);
    if (keep) {
      push(bigram(previousContent, word), true);
      previousContent = word;
    }
    previous = word;
    if (word.startsWith('_')) continue;
    // Character n-grams of " word ", 3 to 5 long, hashed incrementally from each start; a negated
    // word's n-grams live in their own space ("not broken" is not "broken").
    const padded = ` ${word} `;
    const len = padded.length;
    const seed = inScope ? SEED_NEG_CHAR : SEED_CHAR;
    for (let start = 0; start <= len - MIN_GRAM; start++) {
      let h = seed;
      const end = Math.min(len, start + MAX_GRAM);
      for (let i = start; i < end; i++) {
        h = fnvStep(h, padded.charCodeAt(i));
        if (i - start + 1 >= MIN_GRAM) push(h, keep);
      }
    }
  }
  if (words.length > 0) {
    push(bigram(previous, ''), false);
    if (previousContent !== '') push(bigram(previousContent, ''), true);
  }
  const base = { buckets, count: n, content, contentCount: m, words, negated: negatedWords, isContent };
  lastText = text;
  lastBits = bits;
  lastBase = base;
  return base;
}

/**
 * Computes the hashed features of a message. With `language`, the content words' features plus
 * the language bias and the content words conjoined with the language (intent model); without,
 * every word's features (language model).
 */
export function extractFeatures(text: string, bits: number, language?: string): Features {
  const base = baseFeatures(text, bits);
  if (language === undefined) {
    return {
      buckets: base.buckets,
      count: base.count,
      value: base.count === 0 ? 0 : 1 / Math.sqrt(base.count),
      words: base.words,
    };
  }
  const mask = (1 << bits) - 1;
  const buckets = new Int32Array(base.contentCount + 1 + base.words.length);
  buckets.set(base.content.subarray(0, base.contentCount));
  let n = base.contentCount;
  buckets[n++] = finalize(fnvString(SEED_BIAS, language), mask);
  const langSeed = fnvString(FNV_OFFSET, `l|${language}|`);
  const words: string[] = [];
  base.words.forEach((word, w) => {
    if (base.isContent[w] !== 1) return;
    words.push(word);
    buckets[n++] = finalize(fnvString(langSeed, base.negated[w] === 1 ? `~${word}` : word), mask);
  });
  // The bias alone counts as one feature: a message of only politeness scores near the prior.
  return { buckets, count: n, value: 1 / Math.sqrt(Math.max(1, n)), words };
}

// ---------------------------------------------------------------------------------------------
// Weights

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Encodes bytes as base64 (no Node `Buffer`: this module stays pure). */
export function encodeBase64(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const v = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += B64.charAt(v >> 18) + B64.charAt((v >> 12) & 63) + B64.charAt((v >> 6) & 63) + B64.charAt(v & 63);
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const v = (bytes[i] ?? 0) << 16;
    out += `${B64[v >> 18]}${B64[(v >> 12) & 63]}==`;
  } else if (rest === 2) {
    const v = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8);
    out += `${B64[v >> 18]}${B64[(v >> 12) & 63]}${B64[(v >> 6) & 63]}=`;
  }
  return out;
}

/** Decodes base64 into bytes. */
export function decodeBase64(text: string): Uint8Array {
  const lookup = new Int16Array(128).fill(-1);
  for (let i = 0; i < B64.length; i++) lookup[B64.charCodeAt(i)] = i;
  const clean = text.replace(/[^A-Za-z0-9+/]/g, '');
  const bytes = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let n = 0;
  for (let i = 0; i < clean.length; i += 4) {
    const a = lookup[clean.charCodeAt(i)] ?? 0;
    const b = lookup[clean.charCodeAt(i + 1)] ?? 0;
    const c = i + 2 < clean.length ? (lookup[clean.charCodeAt(i + 2)] ?? 0) : -1;
    const d = i + 3 < clean.length ? (lookup[clean.charCodeAt(i + 3)] ?? 0) : -1;
    bytes[n++] = (a << 2) | (b >> 4);
    if (c >= 0) bytes[n++] = ((b & 15) << 4) | (c >> 2);
    if (d >= 0) bytes[n++] = ((c & 3) << 6) | d;
  }
  return bytes.subarray(0, n);
}

interface LinearModel {
  labels: readonly string[];
  weights: Int8Array;
  scale: number;
  bias: readonly number[];
}

/** Packs bucket-major int8 weights as a bitmap of non-zero buckets plus their weights. */
export function packWeights(weights: Int8Array, labels: number): Uint8Array {
  const buckets = weights.length / labels;
  const bitmap = new Uint8Array(Math.ceil(buckets / 8));
  const kept: number[] = [];
  for (let b = 0; b < buckets; b++) {
    let nonZero = false;
    for (let c = 0; c < labels; c++) if (weights[b * labels + c] !== 0) nonZero = true;
    if (!nonZero) continue;
    bitmap[b >> 3] = (bitmap[b >> 3] as number) | (1 << (b & 7));
    for (let c = 0; c < labels; c++) kept.push((weights[b * labels + c] as number) & 255);
  }
  const out = new Uint8Array(bitmap.length + kept.length);
  out.set(bitmap);
  out.set(kept, bitmap.length);
  return out;
}

/** Inverse of `packWeights`. */
export function unpackWeights(packed: Uint8Array, buckets: number, labels: number): Int8Array {
  const weights = new Int8Array(buckets * labels);
  const bitmapLength = Math.ceil(buckets / 8);
  let at = bitmapLength;
  for (let b = 0; b < buckets; b++) {
    if ((((packed[b >> 3] as number) >> (b & 7)) & 1) === 0) continue;
    for (let c = 0; c < labels; c++) weights[b * labels + c] = ((packed[at++] as number) << 24) >> 24;
  }
  if (at !== packed.length) throw new Error(`packed weights: ${packed.length - at} bytes left over`);
  return weights;
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
  if (data.format !== 'sellerdesk-intent-v3') throw new Error(`unknown intent model format ${data.format}`);
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

/** Fingerprint of the feature definition (word lists and sizes): part of the model's training inputs. */
export const FEATURE_FINGERPRINT = fnvHex(
  JSON.stringify([
    [...STOPWORDS],
    [...NEGATORS],
    MIN_GRAM,
    MAX_GRAM,
    NEGATION_SCOPE,
    MAX_CHARS,
    MAX_FEATURES,
  ]),
);

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
