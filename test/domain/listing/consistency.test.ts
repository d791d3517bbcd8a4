import { describe, expect, it } from 'vitest';
import { checkConsistency, extractQuantities } from '../../../src/domain/listing/consistency.js';
import type { ListingVersion } from '../../../src/domain/listing/types.js';

const v = (lang: ListingVersion['lang'], description: string, title = ''): ListingVersion => ({
  lang,
  title,
  description,
});

describe('extractQuantities', () => {
  it.each([
    ['en', 'It is 30 cm long', [['length', 300]]],
    [
      'es',
      'Mide 38 x 28 x 12 cm',
      [
        ['length', 380],
        ['length', 280],
        ['length', 120],
      ],
    ],
    ['ru', 'Объём 0,5 л', [['volume', 500]]],
    ['en', 'Battery 1,500 mAh', [['charge', 1500]]],
    ['es', 'Batería de 1.500 mAh', [['charge', 1500]]],
    [
      'fr',
      'Lot de 3, 24 heures',
      [
        ['duration', 1440],
        ['count', 3],
      ],
    ],
    ['ru', 'Набор из 4 штук', [['count', 4]]],
    [
      'pt',
      'Tamanhos BR 34 a BR 39',
      [
        ['size:BR', 34],
        ['size:BR', 39],
      ],
    ],
    ['en', 'Bluetooth 5.3 and 5G', []],
  ] as const)('%s %s', (lang, text, expected) => {
    const found = extractQuantities(text, lang, 'description').map((q) => [q.dimension, q.value]);
    expect(found).toEqual(expected);
  });
});

describe('checkConsistency', () => {
  it('flags "30 cm" in EN vs "40 cm" in ES on the Spanish value (English is the reference of two)', () => {
    const issues = checkConsistency([v('en', 'The arm is 30 cm long.'), v('es', 'El brazo mide 40 cm.')]);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ lang: 'es', kind: 'inconsistent_value', suggestion: '30 cm' });
  });

  it('takes the majority of three or more versions, wherever the wrong one is', () => {
    const issues = checkConsistency([
      v('en', 'It weighs 1.5 kg.'),
      v('es', 'Pesa 1,2 kg.'),
      v('fr', 'Il pèse 1,2 kg.'),
      v('pt', 'Pesa 1200 g.'),
    ]);
    expect(issues.map((i) => [i.lang, i.suggestion])).toEqual([['en', '1.2 kg']]);
  });

  it('accepts the same value in other units and a version that does not mention it', () => {
    expect(
      checkConsistency([
        v('en', 'Holds 500 ml, 26 cm tall.'),
        v('ru', 'Объём 0,5 л, высота 260 мм.'),
        v('fr', 'Contenance 500 ml.'),
      ]),
    ).toEqual([]);
  });

  it('reads titles too', () => {
    const issues = checkConsistency([
      v('en', '', 'Backpack 12 L'),
      v('es', '', 'Mochila 15 L'),
      v('fr', '', 'Sac 12 L'),
    ]);
    expect(issues.map((i) => [i.lang, i.field])).toEqual([['es', 'title']]);
  });
});
