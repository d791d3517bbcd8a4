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

/** One labelled training line. */
export interface TrainLine {
  text: string;
  lang: Language;
  category: Category;
}
