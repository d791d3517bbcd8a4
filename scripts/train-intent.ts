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
import { BLIND_FILES as BLIND_CORPORA } from '../src/cli/eval-overview.js';
import { corporaDir, loadExternalCorpora } from '../src/cli/external-eval.js';
import type { IntentModelData, LinearModelData } from '../src/domain/intent-model.js';
import type { ReliabilityBin } from '../src/domain/message/calibration.js';
import { LEXICON_FINGERPRINT } from '../src/domain/message/classify.js';
import { FEATURE_FINGERPRINT, fnvHex } from '../src/domain/message/intent-features.js';
import { CATEGORIES, type Category, isLanguage, LANGUAGES } from '../src/domain/types.js';
import {
  assignFolds,
  augmentAll,
  crossValidate,
  GROUPED,
  intentExamples,
  languageExamples,
  languageLines,
  type OutOfFoldRow,
} from './intent/cross-validate.js';
import { type Figures, figures, fitCalibration, reliabilityTable } from './intent/fit-calibration.js';
import { type EvalText, evaluationTexts, externalLeaks, LeakGuard } from './intent/leak-guard.js';
import { quantize, trainLinear } from './intent/linear.js';
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
export const TRAINING_VERSION = 9;

const TRAIN_FILE = 'data/intent-train.jsonl';
const OUTPUT_FILE = 'src/domain/intent-model.data.ts';

/** Corpora whose texts are never printed, not even as the reason a training line was dropped. */
const BLIND_FILES = new Set(BLIND_CORPORA);

// ---------------------------------------------------------------------------------------------
// Data

/** Parses training JSONL; throws naming the line on a bad record. */
export function parseTrainLines(content: string): TrainLine[] {
  const lines: TrainLine[] = [];
  content.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (line.length === 0) return;
    const record = JSON.parse(line) as Record<string, unknown>;
    const { text, lang, category, source } = record;
    if (
      typeof text !== 'string' ||
      !isLanguage(lang) ||
      !(CATEGORIES as readonly string[]).includes(String(category))
    ) {
      throw new Error(`${TRAIN_FILE}:${i + 1}: expected {"text","lang","category"}`);
    }
    lines.push({
      text,
      lang,
      category: category as Category,
      ...(typeof source === 'string' ? { source } : {}),
    });
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
  /** Out-of-fold figures overall, per kind of fold (grouped, each held-out source) and per language. */
  breakdown: Record<string, Figures>;
  /** Out-of-fold reliability of the calibrated confidence (bins of 0.1), every line. */
  reliability: ReliabilityBin[];
  /** The out-of-fold rows themselves (`--oof FILE` writes them out for analysis). */
  rows: OutOfFoldRow[];
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

  const rows = crossValidate(lines, assignFolds(lines, options), options);
  const fit = fitCalibration(rows, options);
  const overall = figures(fit.decisions);
  const crossValidation: Record<string, number> = {
    folds: options.folds,
    heldOutSources: options.heldOutSources.filter((s) => rows.some((r) => r.kind === s)).length,
    intentAccuracy: overall.accuracy,
    macroF1: overall.macroF1,
    answeredAccuracy: overall.answeredAccuracy,
    abstainRate: overall.abstainRate,
    nll: fit.nll,
    ece: overall.ece,
    accuracyAt90: overall.accuracyAt90,
    shareAt90: overall.shareAt90,
    languageAccuracy: fit.languageAccuracy,
  };
  const breakdown: Record<string, Figures> = { all: overall };
  for (const kind of [GROUPED, ...options.heldOutSources]) {
    const own = fit.decisions.filter((d) => d.kind === kind);
    if (own.length > 0) breakdown[kind] = figures(own);
  }
  for (const lang of LANGUAGES) breakdown[lang] = figures(fit.decisions.filter((d) => d.lang === lang));
  // The honest figure for text from other hands: the held-out sources' rows, scored by models
  // that saw none of their lines (a test keeps a floor on it).
  const heldOut = figures(fit.decisions.filter((d) => d.kind !== GROUPED));
  if (heldOut.lines > 0) {
    crossValidation.heldOutAccuracy = heldOut.accuracy;
    crossValidation.heldOutMacroF1 = heldOut.macroF1;
    crossValidation.heldOutAccuracyAt90 = heldOut.accuracyAt90;
  }

  // Final models on every line.
  const augmented = augmentAll(lines, options, options.seed, true);
  const intent = quantize(
    trainLinear(intentExamples(augmented, options.bits), CATEGORIES.length, options, options.seed),
    CATEGORIES,
  );
  const language = quantize(
    trainLinear(
      languageExamples(augmentAll(languageLines(lines), options, options.seed), options.bits),
      LANGUAGES.length,
      options,
      options.seed,
    ),
    LANGUAGES,
  );
  const data: IntentModelData = {
    format: 'sellerdesk-intent-v4',
    bits: options.bits,
    intent: intent.data,
    language: language.data,
    calibration: fit.calibration,
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
      breakdown,
      reliability: reliabilityTable(fit.decisions),
      rows,
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

function option(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at < 0 ? undefined : process.argv[at + 1];
}

function pct(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}

function main(): void {
  const check = process.argv.includes('--check');
  // --data FILE trains on another file and writes nothing (experiments); --oof FILE saves the
  // out-of-fold rows as JSON for analysis.
  const dataFile = option('--data');
  const oofFile = option('--oof');
  const started = performance.now();
  const content = readFileSync(dataFile ?? TRAIN_FILE, 'utf8');
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
  console.log('out-of-fold figures (grouped folds; held-out sources scored by a model without them):');
  console.log(
    '  rows                 lines  accuracy  macro-F1  answered  abstain    ECE  acc>=0.9  share>=0.9',
  );
  for (const [name, f] of Object.entries(report.breakdown)) {
    console.log(
      `  ${name.padEnd(18)} ${String(f.lines).padStart(6)} ${pct(f.accuracy).padStart(9)} ${f.macroF1.toFixed(3).padStart(9)} ${pct(f.answeredAccuracy).padStart(9)} ${pct(f.abstainRate).padStart(8)} ${f.ece.toFixed(3).padStart(6)} ${pct(f.accuracyAt90).padStart(9)} ${pct(f.shareAt90).padStart(11)}`,
    );
  }
  console.log('out-of-fold reliability (calibrated, every line): bin  count  mean-confidence  accuracy');
  for (const bin of report.reliability) {
    console.log(
      `  ${bin.from.toFixed(1)}-${bin.to.toFixed(1)} ${String(bin.count).padStart(6)} ${bin.meanConfidence.toFixed(3).padStart(8)} ${bin.accuracy.toFixed(3).padStart(8)}`,
    );
  }
  if (oofFile !== undefined) {
    const rows = report.rows.map((r) => ({
      ...r,
      logits: [...r.logits],
      lexicon: [...r.lexicon],
      languageLogits: [...r.languageLogits],
    }));
    writeFileSync(oofFile, JSON.stringify(rows));
  }
  if (dataFile !== undefined) return;
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
