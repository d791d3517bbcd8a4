import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { IntentClassification } from '../../../src/domain/message/classify.js';
import {
  applyShopMemory,
  jaccard,
  MEMORY_LIMIT,
  MEMORY_TEXT_MAX,
  type MemoryExample,
  memoryKey,
  memoryShingles,
  memoryText,
  minimumSimilarity,
  recallCorrection,
  type ShingleCache,
} from '../../../src/domain/message/shop-memory.js';
import type { Category } from '../../../src/domain/types.js';

const similarity = (a: string, b: string) =>
  jaccard(memoryShingles(memoryKey(a)), memoryShingles(memoryKey(b)));

const CORRECTED = 'Hi, please stop the parcel, I found the same lamp cheaper at a local store. Order 55512.';

describe('shop memory: folded texts and shingles', () => {
  it('folds case, accents, punctuation and digit runs', () => {
    expect(memoryKey('¿Dónde está mi PEDIDO #12345?')).toBe('donde esta mi pedido 0');
    expect(memoryKey('Где   мой заказ!!! 777')).toBe('где мои заказ 0');
    expect(memoryKey('')).toBe('');
  });

  it('clips what it keeps and compares to the first MEMORY_TEXT_MAX characters', () => {
    expect(memoryText('a'.repeat(MEMORY_TEXT_MAX + 50))).toHaveLength(MEMORY_TEXT_MAX);
    expect(memoryKey(`${'x'.repeat(MEMORY_TEXT_MAX)} tail`)).toBe('x'.repeat(MEMORY_TEXT_MAX));
  });

  it('matches rewordings of one request; not different requests that share their wrapper', () => {
    expect(
      similarity(
        CORRECTED,
        'Hello, can you stop the parcel? I found the same lamp cheaper in a local store, order 77731',
      ),
    ).toBeGreaterThanOrEqual(minimumSimilarity(60, 60));
    expect(
      similarity(
        'Hola, ¿pueden detener el envío? Encontré la misma lámpara más barata.',
        'hola pueden detener el envio? encontre la misma lampara mas barata en otra tienda',
      ),
    ).toBeGreaterThan(0.8);
    // Short texts need more: "cancel" and "change" share half their shingles.
    const cancel = memoryKey('I want to cancel my order');
    const change = memoryKey('I want to change my order');
    expect(similarity(cancel, change)).toBeLessThan(minimumSimilarity(cancel.length, change.length));
  });
});

describe('shop memory: recall', () => {
  const example = (id: number, category: Category, text: string): MemoryExample => ({ id, category, text });

  it('recalls the closest remembered correction at or above the threshold', () => {
    const memory = [
      example(3, 'not_received', 'Where is my parcel? It has been three weeks since I ordered.'),
      example(2, 'cancel_order', CORRECTED),
    ];
    const match = recallCorrection(
      'Hello, can you stop the parcel? I found the same lamp cheaper in a local store, order 77731',
      memory,
    );
    expect(match).toMatchObject({ exampleId: 2, category: 'cancel_order' });
    expect(match!.similarity).toBeGreaterThan(0.6);
    expect(recallCorrection('Do you ship to Canada and how long does it take?', memory)).toBeUndefined();
  });

  it('gives a tie to the newest correction (examples come newest first)', () => {
    const memory = [example(9, 'order_change', CORRECTED), example(4, 'cancel_order', CORRECTED)];
    expect(recallCorrection(CORRECTED, memory)).toMatchObject({ exampleId: 9, category: 'order_change' });
  });

  it('ignores texts too short to say anything, and reads at most MEMORY_LIMIT examples', () => {
    expect(recallCorrection('ok!!', [example(1, 'other', 'ok!!')])).toBeUndefined();
    const many = Array.from({ length: MEMORY_LIMIT }, (_, i) =>
      example(1000 - i, 'other', `unrelated message number ${'z'.repeat(i % 7)} about nothing`),
    );
    expect(recallCorrection(CORRECTED, [...many, example(1, 'cancel_order', CORRECTED)])).toBeUndefined();
    expect(recallCorrection(CORRECTED, [example(1, 'cancel_order', CORRECTED), ...many])).toBeDefined();
  });

  it('caches shingles per example id', () => {
    const cache: ShingleCache = new Map();
    recallCorrection(CORRECTED, [example(5, 'cancel_order', CORRECTED)], { cache });
    expect(cache.get(5)?.shingles.length).toBeGreaterThan(10);
  });

  it('runs in linear time on the largest texts', () => {
    const long = 'stop the parcel please '.repeat(1000);
    const memory = Array.from({ length: MEMORY_LIMIT }, (_, i) => example(i, 'other', `${long}${i}`));
    const started = performance.now();
    recallCorrection(long, memory);
    // 300 examples of 1,000 characters each: a few milliseconds; a quadratic pass would take seconds.
    expect(performance.now() - started).toBeLessThan(1500);
  });

  it('keeps cross-category matches rare on the training data (Russian)', () => {
    const lines = readFileSync('data/intent-train.jsonl', 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { text: string; lang: string; category: string })
      .filter((l) => l.lang === 'ru')
      .map((l) => ({ ...l, key: memoryKey(l.text) }))
      .filter((l) => l.key.length >= 12)
      .map((l) => ({ ...l, shingles: memoryShingles(l.key) }));
    let pairs = 0;
    let crossed = 0;
    for (let i = 0; i < lines.length; i++) {
      for (let j = i + 1; j < lines.length; j++) {
        const a = lines[i]!;
        const b = lines[j]!;
        if (a.lang !== b.lang || a.category === b.category) continue;
        pairs++;
        if (jaccard(a.shingles, b.shingles) >= minimumSimilarity(a.key.length, b.key.length)) crossed++;
      }
    }
    expect(pairs).toBeGreaterThan(500_000);
    expect(crossed / pairs).toBeLessThan(1e-5);
  });
});

describe('shop memory: overriding the model', () => {
  const model: IntentClassification = {
    category: 'refund_request',
    confidence: 0.93,
    abstained: false,
    evidence: ['model:refund_request 0.93'],
  };

  it('overrides the model with the remembered category and says so in the evidence', () => {
    const result = applyShopMemory(model, { exampleId: 7, category: 'cancel_order', similarity: 0.7123 });
    expect(result).toEqual({
      category: 'cancel_order',
      confidence: 0.712,
      abstained: false,
      evidence: [
        'model:refund_request 0.93',
        'shop-memory:cancel_order 0.712 (correction #7) overrides model:refund_request',
      ],
      runnerUp: { category: 'refund_request', confidence: 0.93 },
    });
  });

  it('agreeing with the model keeps its category, lifts an abstention and notes the memory', () => {
    const result = applyShopMemory(
      { ...model, abstained: true, confidence: 0.4 },
      { exampleId: 7, category: 'refund_request', similarity: 0.8 },
    );
    expect(result).toMatchObject({ category: 'refund_request', confidence: 0.8, abstained: false });
    expect(result.evidence.at(-1)).toBe('shop-memory:refund_request 0.8 (correction #7)');
    expect(applyShopMemory(model, undefined)).toBe(model);
  });
});
