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
import type { IntentModelData, LinearModelData } from '../src/domain/intent-model.js';
import {
  applyIsotonic,
  type ReliabilityBin,
  reliability,
  softmax,
} from '../src/domain/message/calibration.js';
import { LEXICON_FINGERPRINT } from '../src/domain/message/classify.js';
import { FEATURE_FINGERPRINT, fnvHex } from '../src/domain/message/intent-features.js';
import { CATEGORIES, type Category, isLanguage, LANGUAGES } from '../src/domain/types.js';
import { augmentLine, prng } from './intent/augment.js';
import { fitIsotonic, lexiconVector, nll, predict, round4, type Scored } from './intent/calibrate.js';
import { type EvalText, evaluationTexts, externalLeaks, LeakGuard } from './intent/leak-guard.js';
import { type Example, featurize, quantize, scoreExample, trainLinear } from './intent/linear.js';
import { DEFAULT_TRAIN_OPTIONS, type TrainLine, type TrainOptions } from './intent/types.js';

export { fitIsotonic } from './intent/calibrate.js';
export {
  EVAL_FILES,
  type EvalText,
  evaluationTexts,
  externalLeaks,
  LeakGuard,
  leakKey,
  NEAR_DUPLICATE_SHARE,
  nearDuplicate,
} from './intent/leak-guard.js';
export { DEFAULT_TRAIN_OPTIONS, type TrainLine, type TrainOptions } from './intent/types.js';

/**
 * Version of the training procedure, part of `inputsHash` (with the fingerprints of the feature
 * word lists and of the lexicons): bump it when this script changes in a way that changes the weights.
 */
export const TRAINING_VERSION = 5;

const TRAIN_FILE = 'data/intent-train.jsonl';
const OUTPUT_FILE = 'src/domain/intent-model.data.ts';

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
