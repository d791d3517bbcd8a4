import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TRAIN_OPTIONS, renderDataModule, trainIntentModel } from '../../scripts/train-intent.js';
import { INTENT_MODEL_DATA } from '../../src/domain/intent-model.data.js';
import {
  createIntentModel,
  decodeBase64,
  encodeBase64,
  extractFeatures,
  fnvHex,
  modelTokens,
  packWeights,
  unpackWeights,
} from '../../src/domain/intent-model.js';
import { CATEGORIES, LANGUAGES } from '../../src/domain/types.js';

describe('committed model (src/domain/intent-model.data.ts)', () => {
  it('matches its declared weights hash and loads', () => {
    expect(fnvHex(INTENT_MODEL_DATA.intent.weights + INTENT_MODEL_DATA.language.weights)).toBe(
      INTENT_MODEL_DATA.meta.weightsHash,
    );
    const model = createIntentModel(INTENT_MODEL_DATA);
    expect(model.labels).toEqual(CATEGORIES);
    expect(model.languageLabels).toEqual(LANGUAGES);
  });

  it('was trained on the current data/intent-train.jsonl (retrain after editing it)', () => {
    const content = readFileSync('data/intent-train.jsonl', 'utf8');
    expect(INTENT_MODEL_DATA.meta.trainHash, 'run: npx tsx scripts/train-intent.ts').toBe(fnvHex(content));
    expect(INTENT_MODEL_DATA.meta.seed).toBe(DEFAULT_TRAIN_OPTIONS.seed);
    expect(INTENT_MODEL_DATA.meta.epochs).toBe(DEFAULT_TRAIN_OPTIONS.epochs);
    expect(INTENT_MODEL_DATA.bits).toBe(DEFAULT_TRAIN_OPTIONS.bits);
  });

  it('stays small (hashed into 2^bits buckets, int8 weights)', () => {
    const size = INTENT_MODEL_DATA.intent.weights.length + INTENT_MODEL_DATA.language.weights.length;
    expect(size).toBeLessThan(2 * 1024 * 1024);
    const { temperature, lexiconWeight, abstainBelow } = INTENT_MODEL_DATA.calibration;
    expect(temperature).toBeGreaterThan(0);
    expect(lexiconWeight).toBeGreaterThanOrEqual(0);
    expect(abstainBelow).toBeGreaterThan(0);
    expect(abstainBelow).toBeLessThan(1);
  });

  it('refuses weights that do not match their hash', () => {
    const tampered = { ...INTENT_MODEL_DATA, meta: { ...INTENT_MODEL_DATA.meta, weightsHash: '00000000' } };
    expect(() => createIntentModel(tampered)).toThrow(/does not match/);
  });
});

describe('training', () => {
  it('is deterministic (a small run twice gives the same module)', () => {
    const lines = readFileSync('data/intent-train.jsonl', 'utf8')
      .split('\n')
      .filter((_, i) => i % 20 === 0);
    const options = { ...DEFAULT_TRAIN_OPTIONS, bits: 8, epochs: 1, folds: 2, augment: 1 };
    const first = renderDataModule(trainIntentModel(lines.join('\n'), options).data);
    const second = renderDataModule(trainIntentModel(lines.join('\n'), options).data);
    expect(second).toBe(first);
  });
});

describe('features', () => {
  it('ignore accents and case', () => {
    const a = extractFeatures('Todavía no llegó mi pedido', 12, 'es');
    const b = extractFeatures('TODAVIA NO LLEGO MI PEDIDO', 12, 'es');
    expect([...b.buckets.subarray(0, b.count)]).toEqual([...a.buckets.subarray(0, a.count)]);
  });

  it('spell Russian the same in Cyrillic and in Latin letters', () => {
    expect(modelTokens('верните деньги')).toEqual(modelTokens('vernite dengi'));
  });

  it('replace numbers, URLs and redaction tokens by placeholders and mark questions', () => {
    expect(modelTokens('order 8123456789, 2 days, see https://x.io/a [phone]?')).toEqual([
      'order',
      '_id',
      '|',
      '_n',
      'days',
      '|',
      'see',
      '_url',
      '_pii',
      '_q',
    ]);
  });

  it('pack weights as a bitmap of non-zero buckets and unpack them exactly', () => {
    const weights = Int8Array.from({ length: 11 * 40 }, (_, i) => (i % 7 === 0 ? 0 : ((i * 53) % 255) - 127));
    weights.fill(0, 11 * 5, 11 * 9);
    const packed = packWeights(weights, 11);
    expect(packed.length).toBe(5 + (40 - 4) * 11);
    expect([...unpackWeights(packed, 40, 11)]).toEqual([...weights]);
  });

  it('round-trip base64 without Node buffers', () => {
    const bytes = Uint8Array.from({ length: 257 }, (_, i) => (i * 37) % 256);
    for (const n of [0, 1, 2, 3, 256, 257]) {
      expect([...decodeBase64(encodeBase64(bytes.subarray(0, n)))]).toEqual([...bytes.subarray(0, n)]);
    }
  });
});
