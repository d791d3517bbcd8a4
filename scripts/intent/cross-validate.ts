/**
 * Out-of-fold scores of the training lines, for calibration and for the figures training reports.
 *
 * Two kinds of fold: lines of a held-out source (a batch written by other hands) form a fold of
 * their own, scored by a model that saw none of that source — the closest the training data comes
 * to text from buyers nobody here has read; every other line is dealt to grouped folds that keep
 * each family of near-paraphrases together (`folds.ts`). Augmented copies are made from the
 * training side of each fold only, so no copy of a scored line is ever trained on.
 */
import { contentFree } from '../../src/domain/message/classify.js';
import { CATEGORIES, LANGUAGES } from '../../src/domain/types.js';
import { augmentLine, prng } from './augment.js';
import { lexiconVector } from './calibrate.js';
import { groupedFolds } from './folds.js';
import { type Example, featurize, type Linear, scoreExample, trainLinear } from './linear.js';
import type { TrainLine, TrainOptions } from './types.js';

/** One training line scored by a model that did not see it (nor its family, nor its source when held out). */
export interface OutOfFoldRow {
  text: string;
  lang: string;
  label: number;
  /** `grouped` for the grouped folds, else the held-out source's name. */
  kind: string;
  logits: Float64Array;
  lexicon: Float64Array;
  /** Feature count of the intent model for this text. */
  features: number;
  /** Whether the pipeline would not score it at all (acknowledgements only). */
  contentFree: boolean;
  languageLogits: Float64Array;
}

/** Kind of the grouped folds' rows. */
export const GROUPED = 'grouped';

/**
 * Fold of each line: `folds` grouped folds for ordinary lines, then one fold per held-out source
 * (numbered from `folds` on, in the order of `options.heldOutSources`).
 */
export function assignFolds(lines: readonly TrainLine[], options: TrainOptions): Int32Array {
  const held = options.heldOutSources;
  const ordinary = lines.map((_, i) => i).filter((i) => !held.includes(lines[i]?.source ?? ''));
  const grouped = groupedFolds(
    ordinary.map((i) => lines[i] as TrainLine),
    options.folds,
    options.seed,
  );
  const fold = new Int32Array(lines.length);
  lines.forEach((line, i) => {
    const source = held.indexOf(line.source ?? '');
    if (source >= 0) fold[i] = options.folds + source;
  });
  ordinary.forEach((i, n) => {
    fold[i] = grouped[n] as number;
  });
  return fold;
}

/** The training lines plus `options.augment` augmented variants of each (seeded). */
export function augmentAll(
  lines: readonly TrainLine[],
  options: TrainOptions,
  seed: number,
  intent = false,
): TrainLine[] {
  const rand = prng(seed);
  const out: TrainLine[] = [];
  for (const line of lines) {
    out.push(line);
    for (let i = 0; i < options.augment; i++) out.push(augmentLine(line, rand, intent));
  }
  return out;
}

export function intentExamples(lines: readonly TrainLine[], bits: number): Example[] {
  return lines.map((l) => featurize(l.text, bits, l.lang, CATEGORIES.indexOf(l.category)));
}

/**
 * Lines the language model learns from: the project's own (no `source`). It also checks listing
 * texts (`src/domain/listing`), whose corpora were tuned with it; trained on the 2026-12 helper
 * lines too, it rose 0.2 points on buyer messages but missed a French title inside an English
 * listing.
 */
export function languageLines(lines: readonly TrainLine[]): TrainLine[] {
  return lines.filter((l) => l.source === undefined);
}

export function languageExamples(lines: readonly TrainLine[], bits: number): Example[] {
  return lines.map((l) => featurize(l.text, bits, undefined, LANGUAGES.indexOf(l.lang)));
}

/** Trains one model per fold (intent and language) and scores that fold's lines. */
export function crossValidate(
  lines: readonly TrainLine[],
  fold: Int32Array,
  options: TrainOptions,
): OutOfFoldRow[] {
  const rows: OutOfFoldRow[] = [];
  const total = options.folds + options.heldOutSources.length;
  for (let k = 0; k < total; k++) {
    const test = lines.filter((_, i) => fold[i] === k);
    if (test.length === 0) continue;
    const train = lines.filter((_, i) => fold[i] !== k);
    const augmented = augmentAll(train, options, options.seed + 101 * (k + 1), true);
    const intent: Linear = trainLinear(
      intentExamples(augmented, options.bits),
      CATEGORIES.length,
      options,
      options.seed + k,
    );
    const language: Linear = trainLinear(
      languageExamples(augmentAll(languageLines(train), options, options.seed + 101 * (k + 1)), options.bits),
      LANGUAGES.length,
      options,
      options.seed + k,
    );
    const kind = k < options.folds ? GROUPED : (options.heldOutSources[k - options.folds] as string);
    for (const line of test) {
      const example = featurize(line.text, options.bits, line.lang, 0);
      const logits = new Float64Array(CATEGORIES.length);
      scoreExample(intent, example, logits);
      const languageLogits = new Float64Array(LANGUAGES.length);
      scoreExample(language, featurize(line.text, options.bits, undefined, 0), languageLogits);
      rows.push({
        text: line.text,
        lang: line.lang,
        label: CATEGORIES.indexOf(line.category),
        kind,
        logits,
        lexicon: lexiconVector(line.text, line.lang),
        features: example.count,
        contentFree: contentFree(line.text),
        languageLogits,
      });
    }
  }
  return rows;
}
