import { describe, expect, it } from 'vitest';
import { fitIsotonic, fitLogistic, wilsonLower } from '../../scripts/intent/calibrate.js';
import { assignFolds } from '../../scripts/intent/cross-validate.js';
import { groupedFolds, lineGroups } from '../../scripts/intent/folds.js';
import { DEFAULT_TRAIN_OPTIONS, type TrainLine } from '../../scripts/intent/types.js';
import { INTENT_MODEL_DATA } from '../../src/domain/intent-model.data.js';
import {
  abstention,
  CONFIDENCE_INPUTS,
  confidenceInputs,
  decideIntent,
  type IntentCalibration,
} from '../../src/domain/message/intent-decision.js';

const line = (text: string, category: TrainLine['category'], source?: string): TrainLine => ({
  text,
  lang: 'en',
  category,
  ...(source === undefined ? {} : { source }),
});

describe('grouped folds', () => {
  const lines: TrainLine[] = [
    line('cancel my order please', 'cancel_order'),
    line('i want to cancel my order', 'cancel_order'),
    line('pls cancel the order', 'cancel_order'),
    line('the lamp arrived broken', 'damaged'),
    line('lamp arrived broken and scratched', 'damaged'),
    line('where is my parcel', 'not_received'),
    line('do you ship to Chile', 'shipping_inquiry'),
    line('what size should I take', 'product_question'),
    line('cancel it before you ship', 'cancel_order', 'writers-b'),
    line('my parcel never came', 'not_received', 'writers-b'),
  ];

  it('put paraphrases that share half of their content words in one family', () => {
    const groups = lineGroups(lines);
    expect(groups[0]).toBe(groups[1]);
    expect(groups[1]).toBe(groups[2]);
    expect(groups[3]).toBe(groups[4]);
    expect(groups[0]).not.toBe(groups[3]);
    expect(groups[5]).not.toBe(groups[6]);
  });

  it('never split a family across folds', () => {
    const fold = groupedFolds(lines, 3, 7);
    expect(fold[0]).toBe(fold[1]);
    expect(fold[1]).toBe(fold[2]);
    expect(fold[3]).toBe(fold[4]);
    expect(new Set(fold).size).toBe(3);
  });

  it('give each held-out source a fold of its own', () => {
    const fold = assignFolds(lines, { ...DEFAULT_TRAIN_OPTIONS, folds: 3, heldOutSources: ['writers-b'] });
    expect(fold[8]).toBe(3);
    expect(fold[9]).toBe(3);
    expect([...fold.subarray(0, 8)].every((f) => f < 3)).toBe(true);
  });
});

describe('calibration fits', () => {
  it('recover the coefficients of a logistic model', () => {
    const inputs: number[][] = [];
    const correct: boolean[] = [];
    // Deterministic design: x on a grid, the share correct following sigmoid(2x - 1) exactly.
    for (let i = 0; i < 41; i++) {
      const x = -2 + i / 10;
      const p = 1 / (1 + Math.exp(-(2 * x - 1)));
      for (let k = 0; k < 100; k++) {
        inputs.push([x]);
        correct.push(k < Math.round(p * 100));
      }
    }
    const fit = fitLogistic(inputs, correct, new Float64Array(inputs.length).fill(1), 0);
    expect(fit.weights[0]).toBeCloseTo(2, 1);
    expect(fit.bias).toBeCloseTo(-1, 1);
  });

  it('place isotonic knots at the lower bound the evidence supports when asked', () => {
    const rows = Array.from({ length: 400 }, (_, i) => ({ p: i / 400, correct: i % 10 < i / 40 }));
    const observed = fitIsotonic(rows, 20);
    const supported = fitIsotonic(rows, 20, 1);
    for (let i = 1; i < supported.length; i++) {
      expect((supported[i] as [number, number])[1]).toBeGreaterThanOrEqual(
        (supported[i - 1] as [number, number])[1],
      );
    }
    const top = (knots: Array<[number, number]>): number => (knots[knots.length - 1] as [number, number])[1];
    expect(top(supported)).toBeLessThan(top(observed));
    expect(wilsonLower(1, 25, 1)).toBeCloseTo(0.9615, 3);
    expect(wilsonLower(0.9, 1000, 1)).toBeGreaterThan(0.89);
  });
});

describe('decision (src/domain/message/intent-decision.ts)', () => {
  const calibration: IntentCalibration = {
    temperature: 1,
    lexiconWeight: 1,
    abstainBelow: 0.4,
    languageTemperature: 1,
    isotonic: [
      [0, 0],
      [1, 1],
    ],
  };
  const logits = [2, 1, 0];

  it('adds the weighted lexicon to the logits and picks best and runner-up', () => {
    const d = decideIntent({ logits, lexicon: [0, 3, 0], features: 10, language: 'en' }, calibration);
    expect(d.best).toBe(1);
    expect(d.second).toBe(0);
    expect(d.probabilities.reduce((s, p) => s + p, 0)).toBeCloseTo(1, 9);
  });

  it('reads the confidence model when there is one', () => {
    const inputs = confidenceInputs([0.7, 0.2, 0.1], 0, 1, {
      logits,
      lexicon: [2, 0, 0],
      features: 9,
      language: 'fr',
    });
    expect(inputs.length).toBe(CONFIDENCE_INPUTS.length);
    expect(inputs[0]).toBeCloseTo(Math.log(0.7 / 0.3), 9);
    expect(inputs[1]).toBeCloseTo(Math.log(0.7 / 0.2), 9);
    expect(inputs[2]).toBeCloseTo(Math.log(10), 9);
    expect([inputs[3], inputs[4], inputs[5]]).toEqual([1, 0, 2]);
    expect(inputs[CONFIDENCE_INPUTS.indexOf('language fr')]).toBe(1);
    const doubtful = decideIntent(
      { logits, lexicon: [0, 0, 0], features: 10, language: 'en' },
      { ...calibration, confidence: { weights: new Array(CONFIDENCE_INPUTS.length).fill(0), bias: -2 } },
    );
    expect(doubtful.confidence).toBeCloseTo(1 / (1 + Math.exp(2)), 3);
  });

  it('abstains below the threshold, on near ties and on short guesses', () => {
    const sure = decideIntent(
      { logits: [6, 0, 0], lexicon: [2, 0, 0], features: 10, language: 'en' },
      calibration,
    );
    expect(abstention(sure, [2, 0, 0], 5, 0.4).abstained).toBe(false);
    expect(abstention(sure, [0, 0, 0], 2, 0.4)).toMatchObject({ abstained: true, guess: true });
    const tie = decideIntent(
      { logits: [1, 1, -3], lexicon: [0, 0, 0], features: 10, language: 'en' },
      calibration,
    );
    expect(abstention(tie, [0, 0, 0], 5, 0.4)).toMatchObject({ abstained: true, tied: true });
    expect(abstention(sure, [0, 0, 0], 5, 1).abstained).toBe(true);
  });

  it('ships a confidence model measured on grouped and held-out folds', () => {
    const { confidence } = INTENT_MODEL_DATA.calibration;
    expect(confidence?.weights.length).toBe(CONFIDENCE_INPUTS.length);
    // More probability, and a wider margin, never lower the confidence.
    expect(confidence?.weights[0]).toBeGreaterThan(0);
    expect(confidence?.weights[1]).toBeGreaterThan(0);
  });
});
