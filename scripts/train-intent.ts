/**
 * Trains the intent and language models from `data/intent-train.jsonl` and writes
 * `src/domain/intent-model.data.ts`. Run with `npx tsx scripts/train-intent.ts` (`--check` only
 * verifies that the committed weights are what this script produces).
 *
 * Deterministic: a seeded PRNG drives augmentation, fold assignment and example order, and lines
 * are sorted before use. Calibration (softmax temperature, lexicon weight, abstain threshold) is
 * fitted on out-of-fold predictions of the training data; evaluation corpora are never read except
 * to refuse training lines that also appear in them.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scoreLexicon } from '../src/domain/classify.js';
import {
  encodeBase64,
  extractFeatures,
  fnvHex,
  type IntentModelData,
  type LinearModelData,
  packWeights,
  softmax,
} from '../src/domain/intent-model.js';
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
  augment: 2,
  folds: 5,
  abstainTarget: 0.04,
};

/** One labelled training line. */
export interface TrainLine {
  text: string;
  lang: Language;
  category: Category;
}

const TRAIN_FILE = 'data/intent-train.jsonl';
const OUTPUT_FILE = 'src/domain/intent-model.data.ts';
const EVAL_FILES = [
  'test/fixtures/intent-dev.jsonl',
  'test/fixtures/intent-holdout.jsonl',
  'test/fixtures/intent-holdout-2.jsonl',
  'test/fixtures/intent-holdout-3.jsonl',
  'test/fixtures/intent-holdout-4.jsonl',
];

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

/** What a training run measured on its own data (out-of-fold). */
export interface TrainReport {
  lines: number;
  examples: number;
  dropped: string[];
  crossValidation: Record<string, number>;
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
  excluded: ReadonlySet<string> = new Set(),
): { data: IntentModelData; report: TrainReport } {
  const dropped: string[] = [];
  const lines = parseTrainLines(content)
    .filter((line) => {
      if (!excluded.has(leakKey(line.text))) return true;
      dropped.push(line.text);
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
  const predictions = scored.map((row) => ({ ...predict(row, bestAlpha, bestT), gold: row.label }));
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
    format: 'sellerdesk-intent-v2',
    bits: options.bits,
    intent: intent.data,
    language: language.data,
    calibration: {
      temperature: round4(bestT),
      lexiconWeight: round4(bestAlpha),
      abstainBelow,
      languageTemperature: round4(languageTemperature),
    },
    meta: {
      trainLines: lines.length,
      trainHash: fnvHex(content),
      seed: options.seed,
      epochs: options.epochs,
      weightsHash: fnvHex(intent.data.weights + language.data.weights),
      crossValidation,
    },
  };
  return { data, report: { lines: lines.length, examples: augmented.length, dropped, crossValidation } };
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

/** Texts of the evaluation corpora in leak-key form (training must not contain them). */
export function evaluationKeys(files: readonly string[] = EVAL_FILES): Set<string> {
  const keys = new Set<string>();
  for (const file of files) {
    if (!existsSync(file)) continue;
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (line.trim().length === 0) continue;
      const { text } = JSON.parse(line) as { text: string };
      keys.add(leakKey(text));
    }
  }
  return keys;
}

function main(): void {
  const check = process.argv.includes('--check');
  const started = performance.now();
  const content = readFileSync(TRAIN_FILE, 'utf8');
  const { data, report } = trainIntentModel(content, DEFAULT_TRAIN_OPTIONS, evaluationKeys());
  const module = formatWithBiome(renderDataModule(data));
  for (const text of report.dropped) console.warn(`dropped (also in an evaluation corpus): ${text}`);
  console.log(
    `trained on ${report.lines} lines (${report.examples} with augmentation) in ${((performance.now() - started) / 1000).toFixed(1)}s`,
  );
  console.log(`out-of-fold: ${JSON.stringify(report.crossValidation)}`);
  console.log(`calibration: ${JSON.stringify(data.calibration)}`);
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
