/**
 * Trains the intent and language models from `data/intent-train.jsonl` and writes
 * `src/domain/intent-model.data.ts`. Run with `npx tsx scripts/train-intent.ts` (`--check` only
 * verifies that the committed weights are what this script produces).
 *
 * Deterministic: a seeded PRNG drives augmentation, fold assignment and example order, and lines
 * are sorted before use. Calibration (softmax temperature, lexicon weight, an isotonic map from
 * probability to accuracy, abstain threshold) is fitted on out-of-fold predictions of the training
 * data; evaluation corpora are never scored here, only read to refuse training lines that are
 * near-duplicates of one of their texts (`leakGuard`). The generated module records a hash of
 * every input (`inputsHash`), which `npm test` recomputes in milliseconds.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { corporaDir, loadExternalCorpora } from '../src/cli/external-eval.js';
import type { ExternalText } from '../src/cli/external-parse.js';
import type { IntentModelData, LinearModelData } from '../src/domain/intent-model.js';
import {
  applyIsotonic,
  type ReliabilityBin,
  reliability,
  softmax,
} from '../src/domain/message/calibration.js';
import { LEXICON_FINGERPRINT, scoreLexicon } from '../src/domain/message/classify.js';
import { extractFeatures, FEATURE_FINGERPRINT, fnvHex } from '../src/domain/message/intent-features.js';
import { encodeBase64, packWeights } from '../src/domain/message/intent-weights.js';
import { CATEGORIES, type Category, isLanguage, LANGUAGES, type Language } from '../src/domain/types.js';

/** Hyper-parameters of one training run. */
export interface TrainOptions {
  bits: number;
  epochs: number;
  seed: number;
  learningRate: number;
  l2: number;
  /** Augmented variants generated per training line. */
  augment: number;
  folds: number;
  /** Target out-of-fold abstain rate used to place the abstain threshold. */
  abstainTarget: number;
}

/** Defaults used for the committed model. */
export const DEFAULT_TRAIN_OPTIONS: TrainOptions = {
  bits: 16,
  epochs: 8,
  seed: 20240517,
  learningRate: 0.4,
  l2: 1e-4,
  augment: 3,
  folds: 5,
  abstainTarget: 0.04,
};

/**
 * Version of the training procedure, part of `inputsHash` (with the fingerprints of the feature
 * word lists and of the lexicons): bump it when this script changes in a way that changes the weights.
 */
export const TRAINING_VERSION = 5;

/** One labelled training line. */
export interface TrainLine {
  text: string;
  lang: Language;
  category: Category;
}

const TRAIN_FILE = 'data/intent-train.jsonl';
const OUTPUT_FILE = 'src/domain/intent-model.data.ts';
/** Every evaluation corpus: nothing near one of their texts may enter training. */
export const EVAL_FILES = [
  'test/fixtures/intent-dev.jsonl',
  'test/fixtures/intent-holdout.jsonl',
  'test/fixtures/intent-holdout-2.jsonl',
  'test/fixtures/intent-holdout-3.jsonl',
  'test/fixtures/intent-holdout-4.jsonl',
  'test/fixtures/intent-blind-5.jsonl',
  'test/fixtures/intent-blind-6.jsonl',
];

/** Corpora whose texts are never printed, not even as the reason a training line was dropped. */
const BLIND_FILES = new Set(['test/fixtures/intent-blind-5.jsonl', 'test/fixtures/intent-blind-6.jsonl']);

// ---------------------------------------------------------------------------------------------
// Data

/** Parses training JSONL; throws naming the line on a bad record. */
export function parseTrainLines(content: string): TrainLine[] {
  const lines: TrainLine[] = [];
  content.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (line.length === 0) return;
    const record = JSON.parse(line) as Record<string, unknown>;
    const { text, lang, category } = record;
    if (
      typeof text !== 'string' ||
      !isLanguage(lang) ||
      !(CATEGORIES as readonly string[]).includes(String(category))
    ) {
      throw new Error(`${TRAIN_FILE}:${i + 1}: expected {"text","lang","category"}`);
    }
    lines.push({ text, lang, category: category as Category });
  });
  return lines;
}

/** Folded, punctuation-free form used to detect evaluation texts leaking into training. */
export function leakKey(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** A text of an evaluation corpus, for the leak guard. */
export interface EvalText {
  file: string;
  line: number;
  text: string;
}

/** Word shingles of a folded text: 5-grams from 8 words on, 3-grams from 4 words, else the whole text. */
function shingleSets(text: string): { words: number; three: Set<string>; five: Set<string>; key: string } {
  const key = leakKey(text);
  const words = key.length === 0 ? [] : key.split(' ');
  const grams = (n: number): Set<string> => {
    const out = new Set<string>();
    for (let i = 0; i + n <= words.length; i++) out.add(words.slice(i, i + n).join(' '));
    return out;
  };
  return { words: words.length, three: grams(3), five: grams(5), key };
}

/** Jaccard similarity of two shingle sets. */
function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const s of a) if (b.has(s)) shared++;
  const union = a.size + b.size - shared;
  return union === 0 ? 0 : shared / union;
}

/** Share of the smaller shingle set found in the other one. */
function containment(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size === 0) return 0;
  let shared = 0;
  for (const s of small) if (large.has(s)) shared++;
  return shared / small.size;
}

/** Containment (long texts) and Jaccard (short texts) from which two texts count as near-duplicates. */
export const NEAR_DUPLICATE_SHARE = 0.5;

type Shingles = ReturnType<typeof shingleSets>;

function similar(x: Shingles, y: Shingles): boolean {
  if (x.key === y.key) return true;
  // Long texts: one contains half of the other's 5-grams (a copied sentence with a clause added).
  if (x.words >= 8 && y.words >= 8) return containment(x.five, y.five) >= NEAR_DUPLICATE_SHARE;
  // Short texts: half of their 3-grams in common (a reworded word or two).
  return x.words >= 4 && y.words >= 4 && jaccard(x.three, y.three) >= NEAR_DUPLICATE_SHARE;
}

/**
 * Whether two texts are near-duplicates after folding (case, accents, punctuation): identical,
 * one holding half of the other's word 5-grams (both 8+ words), or word 3-gram Jaccard >= 0.5
 * (4+ words). "The ring turned my finger green in 2 days." and the same sentence with one more
 * clause are.
 */
export function nearDuplicate(a: string, b: string): boolean {
  return similar(shingleSets(a), shingleSets(b));
}

/** Finds, for a training text, an evaluation text it nearly duplicates (shingle index, linear in input). */
export class LeakGuard {
  private readonly texts: EvalText[];
  private readonly sets: Array<ReturnType<typeof shingleSets>>;
  private readonly exact = new Map<string, number>();
  private readonly index = new Map<string, number[]>();

  constructor(texts: readonly EvalText[]) {
    this.texts = [...texts];
    this.sets = this.texts.map((t) => shingleSets(t.text));
    const add = (key: string, id: number): void => {
      const ids = this.index.get(key);
      if (ids === undefined) this.index.set(key, [id]);
      else ids.push(id);
    };
    this.sets.forEach((set, id) => {
      if (!this.exact.has(set.key)) this.exact.set(set.key, id);
      for (const g of set.three) add(`3|${g}`, id);
      for (const g of set.five) add(`5|${g}`, id);
    });
  }

  /** The evaluation text `text` nearly duplicates, if any. */
  match(text: string): EvalText | undefined {
    const x = shingleSets(text);
    const exact = this.exact.get(x.key);
    if (exact !== undefined) return this.texts[exact];
    const candidates = new Set<number>();
    for (const g of x.three) for (const id of this.index.get(`3|${g}`) ?? []) candidates.add(id);
    for (const id of [...candidates].sort((a, b) => a - b)) {
      const y = this.sets[id];
      if (y !== undefined && similar(x, y)) return this.texts[id];
    }
    return undefined;
  }
}

/** Small fast seeded PRNG (mulberry32). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)] as T;
}

// ---------------------------------------------------------------------------------------------
// Augmentation: the noise real buyers add (typos, greetings, sign-offs, emoji, transliteration).

const GREETINGS: Readonly<Record<Language, readonly string[]>> = {
  en: ['hi', 'hello', 'hey', 'hi seller', 'good morning', 'hello friend'],
  es: ['hola', 'buenas', 'hola amigo', 'buenos dias', 'buenas tardes', 'que tal'],
  fr: ['bonjour', 'bonsoir', 'slt', 'bjr', 'bonjour madame', 'coucou'],
  ru: ['здравствуйте', 'привет', 'добрый день', 'zdravstvuite', 'privet', 'здрасте'],
  pt: ['oi', 'ola', 'bom dia', 'boa tarde', 'oi tudo bem', 'boa noite'],
};

const SIGN_OFFS: Readonly<Record<Language, readonly string[]>> = {
  en: ['pls', 'please', 'thanks', 'asap', 'thx', 'help'],
  es: ['porfa', 'por favor', 'gracias', 'saludos', 'xfa', 'urgente'],
  fr: ['svp', 'merci', 'stp', 'cordialement', 'merci d avance', 'vite'],
  ru: ['пожалуйста', 'спасибо', 'срочно', 'pozhaluista', 'spasibo', 'помогите'],
  pt: ['pfv', 'por favor', 'obrigado', 'obg', 'urgente', 'vlw'],
};

/**
 * Wrappers buyers put around a request ("can you help me", "hola buenas", "здравствуйте подскажите"):
 * augmentation adds them so that no politeness word becomes a category cue.
 */
const WRAP_BEFORE: Readonly<Record<Language, readonly string[]>> = {
  en: [
    'can you help me',
    'i want to',
    'i would like to',
    'please check',
    'could you please',
    'i need help,',
    'hello, i have a question:',
    'hi team, can you tell me',
    'i want assistance:',
    'help me please,',
    'can u pls',
    'I need you to',
    "I'm trying to",
    'I am looking for information on how to',
    'what are the steps to',
    "I don't know how to",
    'is there a way to',
    'could you show me how to',
    'I have a question, I would like to',
    'help me to',
  ],
  es: [
    'hola buenas',
    'me pueden ayudar',
    'quisiera saber',
    'por favor revisen',
    'necesito ayuda,',
    'buenas tardes, una consulta:',
    'disculpe,',
    'quiero',
    'me podrian decir',
    'hola amigo, porfa',
    'estoy intentando',
    'no sé cómo',
    'cuáles son los pasos para',
    'hay alguna forma de',
  ],
  fr: [
    'bonjour, pouvez-vous m aider',
    'je voudrais',
    'merci de vérifier',
    'j ai besoin d aide,',
    'bonjour madame, une question :',
    'est-ce que vous pouvez',
    'je souhaite',
    'svp aidez moi,',
    "j'essaie de",
    'je ne sais pas comment',
    'quelles sont les étapes pour',
    'est-ce possible de',
  ],
  ru: [
    'здравствуйте подскажите',
    'помогите пожалуйста',
    'хочу',
    'можно',
    'добрый день, вопрос:',
    'проверьте пожалуйста',
    'скажите пожалуйста',
    'zdravstvuite podskazhite',
    'пытаюсь',
    'не знаю как',
    'что нужно сделать чтобы',
    'есть ли возможность',
  ],
  pt: [
    'oi, podem me ajudar',
    'gostaria de',
    'quero',
    'por favor verifiquem',
    'preciso de ajuda,',
    'boa tarde, uma duvida:',
    'vc pode',
    'ola, queria saber',
    'estou tentando',
    'não sei como',
    'qual o passo a passo pra',
    'tem como',
  ],
};

const WRAP_AFTER: Readonly<Record<Language, readonly string[]>> = {
  en: [
    'thank you so much',
    'can you help?',
    'please let me know',
    'i need help with this',
    'thanks in advance',
  ],
  es: ['me ayudan?', 'quedo atento', 'muchas gracias de antemano', 'espero su respuesta'],
  fr: ['merci de votre aide', 'dans l attente de votre réponse', 'vous pouvez m aider ?'],
  ru: ['заранее спасибо', 'жду ответа', 'помогите'],
  pt: ['aguardo retorno', 'obrigado desde ja', 'me ajudem por favor'],
};

/** Strips diacritics, as buyers on phones often do. */
function stripAccents(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .normalize('NFC');
}

const NOISE = [
  '!!',
  '??',
  '???',
  '!!!',
  ' 😡',
  ' 🙏',
  ' 😢',
  ' 😊',
  '...',
  ' order 8123456789',
  ' #8123456789012',
];

/** Buyers' own Latin spellings of Russian letters (the model itself folds to one scheme). */
const TRANSLIT_VARIANTS: Readonly<Record<string, readonly string[]>> = {
  а: ['a'],
  б: ['b'],
  в: ['v'],
  г: ['g'],
  д: ['d'],
  е: ['e', 'e', 'ye'],
  ё: ['e', 'yo'],
  ж: ['zh', 'j', 'z'],
  з: ['z'],
  и: ['i'],
  й: ['y', 'i', 'j'],
  к: ['k'],
  л: ['l'],
  м: ['m'],
  н: ['n'],
  о: ['o'],
  п: ['p'],
  р: ['r'],
  с: ['s'],
  т: ['t'],
  у: ['u'],
  ф: ['f'],
  х: ['h', 'kh', 'x'],
  ц: ['c', 'ts'],
  ч: ['ch'],
  ш: ['sh'],
  щ: ['sh', 'sch', 'shch'],
  ъ: [''],
  ы: ['y', 'i'],
  ь: ['', '', "'"],
  э: ['e'],
  ю: ['yu', 'iu', 'u'],
  я: ['ya', 'ia', 'a'],
};

/** Products buyers name; augmentation swaps them so a product word never becomes a category cue. */
const PRODUCTS: Readonly<Record<Language, readonly string[]>> = {
  en: words(`case charger dress shoes sneakers jacket watch lamp earbuds headphones bag backpack ring necklace
    earrings toy drone keyboard mouse cable mug vase mirror wig blender kettle speaker tablet hoodie shirt socks
    sunglasses bracelet curtains bottle umbrella phone glasses`),
  es: words(`funda cargador vestido zapatos tenis chaqueta reloj lampara audifonos bolso mochila anillo collar
    aretes juguete dron teclado mouse cable taza florero espejo peluca licuadora tetera bocina parlante tablet
    sudadera camisa calcetines lentes pulsera cortinas botella paraguas celular gafas`),
  fr: words(`coque chargeur robe chaussures baskets veste montre lampe écouteurs sac bague collier jouet drone
    clavier souris câble tasse mug vase miroir perruque mixeur bouilloire enceinte tablette sweat chemise
    chaussettes lunettes bracelet rideaux bouteille parapluie téléphone`),
  ru: words(`чехол зарядка платье кроссовки куртка часы лампа наушники сумка рюкзак кольцо цепочка серьги игрушка
    дрон клавиатура мышка кабель кружка ваза зеркало парик блендер чайник колонка планшет толстовка рубашка
    носки очки браслет шторы бутылка зонт телефон`),
  pt: words(`capinha carregador vestido tenis jaqueta relogio luminaria fone bolsa mochila anel colar brincos
    brinquedo drone teclado mouse cabo caneca vaso espelho peruca liquidificador chaleira caixinha tablet
    moletom camisa meias oculos pulseira cortina garrafa celular`),
};

function words(list: string): string[] {
  return list.split(/\s+/u).filter((w) => w.length > 0);
}

function swapProducts(text: string, lang: Language, rand: () => number): string {
  const products = PRODUCTS[lang];
  return text
    .split(' ')
    .map((word) => (products.includes(word.toLowerCase()) ? pick(rand, products) : word))
    .join(' ');
}

function transliterate(text: string, rand: () => number): string {
  const scheme = new Map<string, string>();
  return text.replace(/[\u0400-\u04ff]/gu, (ch) => {
    const lower = ch.toLowerCase();
    let latin = scheme.get(lower);
    if (latin === undefined) {
      latin = pick(rand, TRANSLIT_VARIANTS[lower] ?? [lower]);
      scheme.set(lower, latin);
    }
    return ch === lower ? latin : latin.toUpperCase();
  });
}

function typo(text: string, rand: () => number): string {
  const words = text.split(' ');
  const candidates = words.map((w, i) => [w, i] as const).filter(([w]) => /^\p{L}{4,}$/u.test(w));
  if (candidates.length === 0) return text;
  const [word, index] = pick(rand, candidates);
  const at = 1 + Math.floor(rand() * (word.length - 2));
  const op = Math.floor(rand() * 3);
  let changed: string;
  if (op === 0) changed = word.slice(0, at) + word.slice(at + 1);
  else if (op === 1) changed = word.slice(0, at) + word[at] + word.slice(at);
  else changed = word.slice(0, at - 1) + word[at] + word[at - 1] + word.slice(at + 1);
  words[index] = changed;
  return words.join(' ');
}

function augmentLine(line: TrainLine, rand: () => number): TrainLine {
  let text = line.text;
  if (rand() < 0.7) text = swapProducts(text, line.lang, rand);
  if (line.lang === 'ru' && /[\u0400-\u04ff]/u.test(text) && rand() < 0.5) text = transliterate(text, rand);
  if (rand() < 0.5) text = typo(text, rand);
  if (rand() < 0.25 && text.split(' ').length >= 4) {
    const words = text.split(' ');
    words.splice(1 + Math.floor(rand() * (words.length - 1)), 1);
    text = words.join(' ');
  }
  if (rand() < 0.2) text = stripAccents(text);
  const w = rand();
  if (w < 0.35)
    text = `${pick(rand, WRAP_BEFORE[line.lang])} ${text.charAt(0).toLowerCase()}${text.slice(1)}`;
  else if (w < 0.45) text = `${text} ${pick(rand, WRAP_AFTER[line.lang])}`;
  const r = rand();
  if (r < 0.3) text = `${pick(rand, GREETINGS[line.lang])}, ${text}`;
  else if (r < 0.38) text = `${pick(rand, GREETINGS[pick(rand, LANGUAGES)])} ${text}`;
  const s = rand();
  if (s < 0.25) text = `${text} ${pick(rand, SIGN_OFFS[line.lang])}`;
  else if (s < 0.5) text = `${text}${pick(rand, NOISE)}`;
  if (rand() < 0.15) text = text.toUpperCase();
  return { ...line, text };
}

// ---------------------------------------------------------------------------------------------
// Multinomial logistic regression with AdaGrad

interface Example {
  buckets: Int32Array;
  count: number;
  value: number;
  label: number;
}

interface Linear {
  weights: Float64Array;
  bias: Float64Array;
  labels: number;
}

function featurize(text: string, bits: number, language: string | undefined, label: number): Example {
  const f = extractFeatures(text, bits, language);
  return { buckets: f.buckets.slice(0, f.count), count: f.count, value: f.value, label };
}

function scoreExample(model: Linear, ex: Example, out: Float64Array): void {
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

function trainLinear(
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
function quantize(model: Linear, names: readonly string[]): { data: LinearModelData; weights: Int8Array } {
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

// ---------------------------------------------------------------------------------------------
// Calibration

interface Scored {
  logits: Float64Array;
  lexicon: Float64Array;
  label: number;
}

function nll(rows: readonly Scored[], alpha: number, temperature: number): number {
  let total = 0;
  const z = new Float64Array(CATEGORIES.length);
  for (const row of rows) {
    for (let c = 0; c < z.length; c++) z[c] = (row.logits[c] ?? 0) + alpha * (row.lexicon[c] ?? 0);
    total -= Math.log(Math.max(1e-12, softmax(z, temperature)[row.label] ?? 0));
  }
  return total / rows.length;
}

function predict(row: Scored, alpha: number, temperature: number): { label: number; p: number } {
  const z = new Float64Array(CATEGORIES.length);
  for (let c = 0; c < z.length; c++) z[c] = (row.logits[c] ?? 0) + alpha * (row.lexicon[c] ?? 0);
  const p = softmax(z, temperature);
  let best = 0;
  for (let c = 1; c < p.length; c++) if ((p[c] ?? 0) > (p[best] ?? 0)) best = c;
  return { label: best, p: p[best] ?? 0 };
}

function lexiconVector(text: string, lang: Language): Float64Array {
  const { scores } = scoreLexicon(text, lang);
  return Float64Array.from(CATEGORIES.map((c) => scores[c]));
}

// ---------------------------------------------------------------------------------------------
// Training run

/** A training line the leak guard refused, with the evaluation text it nearly duplicates. */
export interface DroppedLine {
  text: string;
  near: EvalText;
}

/** What a training run measured on its own data (out-of-fold). */
export interface TrainReport {
  lines: number;
  examples: number;
  dropped: DroppedLine[];
  crossValidation: Record<string, number>;
  /** Out-of-fold reliability of the calibrated confidence (bins of 0.1). */
  reliability: ReliabilityBin[];
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

/** Hash of every input of a training run; `npm test` recomputes it to prove the committed weights current. */
export function inputsHash(content: string, evalTexts: readonly EvalText[], options: TrainOptions): string {
  const evaluation = evalTexts.map((t) => `${t.file}\u0000${t.text}`).join('\u0001');
  return fnvHex(
    JSON.stringify({
      v: TRAINING_VERSION,
      options,
      train: fnvHex(content),
      evaluation: fnvHex(evaluation),
      features: FEATURE_FINGERPRINT,
      lexicon: LEXICON_FINGERPRINT,
    }),
  );
}

function augmentAll(lines: readonly TrainLine[], options: TrainOptions, seed: number): TrainLine[] {
  const rand = prng(seed);
  const out: TrainLine[] = [];
  for (const line of lines) {
    out.push(line);
    for (let i = 0; i < options.augment; i++) out.push(augmentLine(line, rand));
  }
  return out;
}

function intentExamples(lines: readonly TrainLine[], bits: number): Example[] {
  return lines.map((l) => featurize(l.text, bits, l.lang, CATEGORIES.indexOf(l.category)));
}

function languageExamples(lines: readonly TrainLine[], bits: number): Example[] {
  return lines.map((l) => featurize(l.text, bits, undefined, LANGUAGES.indexOf(l.lang)));
}

/** Trains both models and calibrates them; pure apart from the CPU it burns. */
export function trainIntentModel(
  content: string,
  options: TrainOptions = DEFAULT_TRAIN_OPTIONS,
  evalTexts: readonly EvalText[] = [],
): { data: IntentModelData; report: TrainReport } {
  const dropped: DroppedLine[] = [];
  const guard = new LeakGuard(evalTexts);
  const lines = parseTrainLines(content)
    .filter((line) => {
      const near = guard.match(line.text);
      if (near === undefined) return true;
      dropped.push({ text: line.text, near });
      return false;
    })
    .sort((a, b) =>
      a.lang !== b.lang ? (a.lang < b.lang ? -1 : 1) : a.text < b.text ? -1 : a.text > b.text ? 1 : 0,
    );

  // Stratified folds: shuffle within each (language, category) group, then deal round-robin.
  const rand = prng(options.seed);
  const fold = new Array<number>(lines.length).fill(0);
  const groups = new Map<string, number[]>();
  lines.forEach((line, i) => {
    const key = `${line.lang}/${line.category}`;
    groups.set(key, [...(groups.get(key) ?? []), i]);
  });
  for (const key of [...groups.keys()].sort()) {
    const members = groups.get(key) ?? [];
    for (let i = members.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [members[i], members[j]] = [members[j] as number, members[i] as number];
    }
    members.forEach((index, n) => {
      fold[index] = n % options.folds;
    });
  }

  const scored: Scored[] = [];
  const languageScored: Array<{ logits: Float64Array; label: number }> = [];
  let langCorrect = 0;
  for (let k = 0; k < options.folds; k++) {
    const train = lines.filter((_, i) => fold[i] !== k);
    const test = lines.filter((_, i) => fold[i] === k);
    const augmented = augmentAll(train, options, options.seed + 101 * (k + 1));
    const intent = trainLinear(
      intentExamples(augmented, options.bits),
      CATEGORIES.length,
      options,
      options.seed + k,
    );
    const language = trainLinear(
      languageExamples(augmented, options.bits),
      LANGUAGES.length,
      options,
      options.seed + k,
    );
    const z = new Float64Array(CATEGORIES.length);
    const zl = new Float64Array(LANGUAGES.length);
    for (const line of test) {
      scoreExample(intent, featurize(line.text, options.bits, line.lang, 0), z);
      scored.push({
        logits: Float64Array.from(z),
        lexicon: lexiconVector(line.text, line.lang),
        label: CATEGORIES.indexOf(line.category),
      });
      scoreExample(language, featurize(line.text, options.bits, undefined, 0), zl);
      languageScored.push({ logits: Float64Array.from(zl), label: LANGUAGES.indexOf(line.lang) });
      let best = 0;
      for (let c = 1; c < zl.length; c++) if ((zl[c] ?? 0) > (zl[best] ?? 0)) best = c;
      if (LANGUAGES[best] === line.lang) langCorrect++;
    }
  }

  // Temperature and lexicon weight: minimum out-of-fold negative log-likelihood on a grid.
  let bestAlpha = 0;
  let bestT = 1;
  let bestNll = Number.POSITIVE_INFINITY;
  for (let a = 0; a <= 60; a++) {
    const alpha = a * 0.05;
    for (let t = 2; t <= 40; t++) {
      const temperature = t * 0.1;
      const value = nll(scored, alpha, temperature);
      if (value < bestNll - 1e-12) {
        bestNll = value;
        bestAlpha = alpha;
        bestT = temperature;
      }
    }
  }
  let languageTemperature = 1;
  let languageNll = Number.POSITIVE_INFINITY;
  for (let t = 5; t <= 60; t++) {
    const temperature = t * 0.1;
    let total = 0;
    for (const row of languageScored) {
      total -= Math.log(Math.max(1e-12, softmax(row.logits, temperature)[row.label] ?? 0));
    }
    if (total < languageNll - 1e-12) {
      languageNll = total;
      languageTemperature = temperature;
    }
  }
  const raw = scored.map((row) => ({ ...predict(row, bestAlpha, bestT), gold: row.label }));
  const isotonic = fitIsotonic(raw.map((r) => ({ p: r.p, correct: r.label === r.gold })));
  const predictions = raw.map((r) => ({ ...r, p: applyIsotonic(r.p, isotonic) }));
  const calibrated = reliability(predictions.map((r) => ({ confidence: r.p, correct: r.label === r.gold })));
  const confident = predictions.filter((r) => r.p >= 0.9);
  const modelOnly = scored.filter((row) => predict(row, 0, 1).label === row.label).length / scored.length;
  const sortedP = predictions.map((p) => p.p).sort((a, b) => a - b);
  const abstainBelow = Number(
    (sortedP[Math.floor(sortedP.length * options.abstainTarget)] ?? 0.4).toFixed(3),
  );
  const answered = predictions.filter((p) => p.p >= abstainBelow);
  const crossValidation = {
    folds: options.folds,
    intentAccuracy: round4(predictions.filter((p) => p.label === p.gold).length / predictions.length),
    intentAccuracyModelOnly: round4(modelOnly),
    answeredAccuracy: round4(answered.filter((p) => p.label === p.gold).length / answered.length),
    abstainRate: round4(1 - answered.length / predictions.length),
    nll: round4(bestNll),
    ece: round4(calibrated.ece),
    accuracyAt90: round4(confident.filter((r) => r.label === r.gold).length / Math.max(1, confident.length)),
    shareAt90: round4(confident.length / predictions.length),
    languageAccuracy: round4(langCorrect / lines.length),
  };

  // Final models on every line.
  const augmented = augmentAll(lines, options, options.seed);
  const intent = quantize(
    trainLinear(intentExamples(augmented, options.bits), CATEGORIES.length, options, options.seed),
    CATEGORIES,
  );
  const language = quantize(
    trainLinear(languageExamples(augmented, options.bits), LANGUAGES.length, options, options.seed),
    LANGUAGES,
  );
  const data: IntentModelData = {
    format: 'sellerdesk-intent-v3',
    bits: options.bits,
    intent: intent.data,
    language: language.data,
    calibration: {
      temperature: round4(bestT),
      lexiconWeight: round4(bestAlpha),
      abstainBelow,
      languageTemperature: round4(languageTemperature),
      isotonic,
    },
    meta: {
      trainLines: lines.length,
      trainHash: fnvHex(content),
      seed: options.seed,
      epochs: options.epochs,
      weightsHash: fnvHex(intent.data.weights + language.data.weights),
      inputsHash: inputsHash(content, evalTexts, options),
      leakDropped: dropped.length,
      crossValidation,
    },
  };
  return {
    data,
    report: {
      lines: lines.length,
      examples: augmented.length,
      dropped,
      crossValidation,
      reliability: calibrated.table,
    },
  };
}

function round4(value: number): number {
  return Math.round(value * 10000) / 10000;
}

/** Renders the generated TypeScript module holding the weights. */
export function renderDataModule(data: IntentModelData): string {
  const { intent, language, ...rest } = data;
  const linear = (model: LinearModelData): string =>
    [
      '{',
      `    labels: ${JSON.stringify(model.labels)},`,
      `    scale: ${model.scale},`,
      `    bias: ${JSON.stringify(model.bias)},`,
      `    weights:\n      '${model.weights}',`,
      '  }',
    ].join('\n');
  return [
    '// Generated by scripts/train-intent.ts from data/intent-train.jsonl: do not edit, retrain.',
    "import type { IntentModelData } from './intent-model.js';",
    '',
    '/** Trained intent and language weights with their calibration (see scripts/train-intent.ts). */',
    'export const INTENT_MODEL_DATA: IntentModelData = {',
    `  format: ${JSON.stringify(rest.format)},`,
    `  bits: ${rest.bits},`,
    `  intent: ${linear(intent)},`,
    `  language: ${linear(language)},`,
    `  calibration: ${JSON.stringify(rest.calibration)},`,
    `  meta: ${JSON.stringify(rest.meta)},`,
    '};',
    '',
  ].join('\n');
}

/** Formats the generated module with the project's Biome, so `npm run lint` leaves it untouched. */
function formatWithBiome(source: string): string {
  const bin = resolve('node_modules/.bin/biome');
  if (!existsSync(bin)) {
    console.warn('biome not found: writing the module unformatted');
    return source;
  }
  return execFileSync(bin, ['format', `--stdin-file-path=${OUTPUT_FILE}`], {
    input: source,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
}

/** Texts of every evaluation corpus (read only to keep training away from them). */
export function evaluationTexts(files: readonly string[] = EVAL_FILES): EvalText[] {
  const texts: EvalText[] = [];
  for (const file of files) {
    if (!existsSync(file)) continue;
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (line.trim().length === 0) return;
        const { text } = JSON.parse(line) as { text: string };
        texts.push({ file, line: i + 1, text });
      });
  }
  return texts;
}

/**
 * Training lines that nearly duplicate a text of the external corpora (`src/cli/external-eval.ts`).
 * External text must stay out of training; since the corpora are not in the repository (and may be
 * absent), such a line is not silently dropped (the weights would then depend on what is on disk)
 * but refused: training stops until the line is removed from the training file.
 */
export function externalLeaks(
  lines: readonly TrainLine[],
  external: readonly ExternalText[],
): Array<{ text: string; near: ExternalText }> {
  const guard = new LeakGuard(external.map((t, i) => ({ file: t.source, line: i, text: t.text })));
  const leaks: Array<{ text: string; near: ExternalText }> = [];
  for (const line of lines) {
    const near = guard.match(line.text);
    if (near !== undefined) leaks.push({ text: line.text, near: external[near.line] as ExternalText });
  }
  return leaks;
}

/** Runs the external guard when the corpora are on disk; returns false when a training line leaks. */
function checkExternalCorpora(content: string): boolean {
  const dir = corporaDir();
  const loaded = loadExternalCorpora(dir);
  const present = loaded.filter((l) => l.skipped === undefined);
  for (const l of loaded) if (l.skipped !== undefined) console.warn(`external guard: skipped ${l.skipped}`);
  if (present.length === 0) return true;
  const leaks = externalLeaks(
    parseTrainLines(content),
    present.flatMap((l) => l.texts),
  );
  for (const { text, near } of leaks) {
    console.error(
      `external text in training: ${JSON.stringify(text)} ~ ${near.source} ${near.intent}: ${JSON.stringify(near.text)}`,
    );
  }
  console.log(
    `external guard: ${present.map((l) => `${l.source.name} (${l.texts.length})`).join(', ')}: ${leaks.length} training lines near an external text`,
  );
  return leaks.length === 0;
}

function main(): void {
  const check = process.argv.includes('--check');
  const started = performance.now();
  const content = readFileSync(TRAIN_FILE, 'utf8');
  if (!checkExternalCorpora(content)) {
    console.error(`remove those lines from ${TRAIN_FILE}: external corpora are for evaluation only`);
    process.exitCode = 1;
    return;
  }
  const { data, report } = trainIntentModel(content, DEFAULT_TRAIN_OPTIONS, evaluationTexts());
  const module = formatWithBiome(renderDataModule(data));
  const perFile = new Map<string, number>();
  for (const { text, near } of report.dropped) {
    perFile.set(near.file, (perFile.get(near.file) ?? 0) + 1);
    // A blind corpus stays blind: only the number of training lines it excluded is reported.
    if (!BLIND_FILES.has(near.file))
      console.warn(`dropped: ${JSON.stringify(text)} ~ ${near.file}:${near.line}`);
  }
  for (const [file, n] of [...perFile].sort()) console.warn(`leak guard: ${n} training lines near ${file}`);
  console.log(
    `trained on ${report.lines} lines (${report.examples} with augmentation) in ${((performance.now() - started) / 1000).toFixed(1)}s`,
  );
  console.log(`out-of-fold: ${JSON.stringify(report.crossValidation)}`);
  console.log(`calibration: ${JSON.stringify(data.calibration)}`);
  console.log('out-of-fold reliability (calibrated): bin  count  mean-confidence  accuracy');
  for (const bin of report.reliability) {
    console.log(
      `  ${bin.from.toFixed(1)}-${bin.to.toFixed(1)} ${String(bin.count).padStart(6)} ${bin.meanConfidence.toFixed(3).padStart(8)} ${bin.accuracy.toFixed(3).padStart(8)}`,
    );
  }
  if (check) {
    const current = existsSync(OUTPUT_FILE) ? readFileSync(OUTPUT_FILE, 'utf8') : '';
    if (current !== module) {
      console.error(`${OUTPUT_FILE} is stale: run npx tsx scripts/train-intent.ts`);
      process.exitCode = 1;
    } else {
      console.log(`${OUTPUT_FILE} is up to date`);
    }
    return;
  }
  writeFileSync(OUTPUT_FILE, module);
  console.log(`wrote ${OUTPUT_FILE} (${(module.length / 1024).toFixed(0)} KiB)`);
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === resolve(process.argv[1])) main();
