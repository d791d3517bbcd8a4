import { describe, expect, it } from 'vitest';
import { compressWordList, FrequencyList } from '../../src/adapters/spelling/word-list.js';

describe('FrequencyList', () => {
  const list = FrequencyList.fromCompressed(
    compressWordList(
      new Map([
        ['отверждение', 744],
        ['отверждения', 700],
        ['отвертка', 690],
        ['отлип', 761],
        ['cat', 300],
        ['category', 420],
      ]),
    ),
  );

  it('looks a word up in place', () => {
    expect(list.size).toBe(6);
    expect(list.centibels('отверждения')).toBe(700);
    expect(list.centibels('отвержден')).toBeUndefined();
  });

  it('lists the words that start with a prefix (a stem family), up to a limit', () => {
    expect(list.withPrefix('отвержд', 10)).toEqual([
      ['отверждение', 744],
      ['отверждения', 700],
    ]);
    expect(list.withPrefix('cat', 1)).toEqual([['cat', 300]]);
    expect(list.withPrefix('отвер', 10).map(([w]) => w)).toEqual(['отверждение', 'отверждения', 'отвертка']);
    expect(list.withPrefix('zzz', 10)).toEqual([]);
  });
});
