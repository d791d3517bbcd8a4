/** Shared types of the intent training pipeline (`scripts/train-intent.ts`). */
import type { Category, Language } from '../../src/domain/types.js';

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
  /**
   * Sources (the `source` of training lines) each scored as a fold of its own, by a model that saw
   * none of its lines: text from other hands, the calibration's stand-in for unseen buyers.
   */
  heldOutSources: readonly string[];
  /** Share of the calibration fits' weight given to the held-out sources' rows (when there are any). */
  heldOutShare: number;
  /** L2 penalty of the logistic confidence model. */
  confidenceL2: number;
  /**
   * Standard errors below each isotonic block's observed accuracy that its knot is placed (Wilson
   * lower bound; 0 = the observed accuracy): a confidence the evidence supports, not just matches.
   */
  isotonicZ: number;
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
  heldOutSources: ['helper-2026-12', 'helper-2026-12f'],
  heldOutShare: 0.5,
  confidenceL2: 0.01,
  isotonicZ: 1,
};

/** One labelled training line. */
export interface TrainLine {
  text: string;
  lang: Language;
  category: Category;
  /** Where the line comes from when not written for this repository (`correction`, a writer's batch). */
  source?: string;
}
