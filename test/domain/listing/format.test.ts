import { describe, expect, it } from 'vitest';
import {
  checkAllCaps,
  checkShoutedClauses,
  checkShoutedSentences,
  checkTitleLength,
  checkTooShort,
  sentenceCase,
} from '../../../src/domain/listing/format.js';
import { wordListSpeller } from './fake-speller.js';

describe('checkTooShort', () => {
  it.each([
    ['title', '', 'empty'],
    ['title', 'Lamp', 'title'],
    ['description', 'Great bottle.', 'description'],
    ['description', '   ', 'empty'],
  ] as const)('%s %j -> %s', (field, text, code) => {
    expect(checkTooShort('en', field, text).map((i) => i.code)).toEqual([code]);
  });

  it.each([
    ['title', 'Stainless steel bottle 750 ml'],
    [
      'description',
      'This bottle keeps drinks cold for up to 24 hours and hot for up to 12 hours, and the lid closes tightly.',
    ],
  ] as const)('accepts %s %j', (field, text) => {
    expect(checkTooShort('en', field, text)).toEqual([]);
  });
});

describe('checkTitleLength', () => {
  it('reports the overflow past 128 characters with a cut suggestion', () => {
    const title =
      `Stainless Steel Water Bottle 750 ml, ${'Gym Office School Travel Hiking '.repeat(4)}`.trim();
    const [issue] = checkTitleLength('en', title);
    expect(issue?.kind).toBe('title_too_long');
    expect(issue?.span).toEqual([128, title.length]);
    expect(issue!.suggestion!.length).toBeLessThanOrEqual(128);
  });

  it('accepts 128 characters', () => {
    expect(checkTitleLength('en', 'x'.repeat(128))).toEqual([]);
  });
});

describe('checkAllCaps', () => {
  it.each([
    ['LED DESK LAMP 10 W WITH 3 COLOUR MODES', true],
    ['НАСТОЛЬНАЯ СВЕТОДИОДНАЯ ЛАМПА 10 ВТ', true],
    ['BOTELLA DE AGUA de acero inoxidable', false],
    ['LED Desk Lamp 10 W with USB-C', false],
    ['Xiaomi Redmi Note 12 PRO 5G', false],
  ])('%s -> %s', (title, shouting) => {
    expect(checkAllCaps('en', title).length > 0).toBe(shouting);
  });

  it('suggests sentence case keeping short acronyms', () => {
    expect(sentenceCase('LED DESK LAMP WITH USB-C')).toBe(
      'LED desk lamp with USB-c'.replace('USB-c', 'USB-C'),
    );
  });
});

describe('checkShoutedSentences', () => {
  it('reports a description sentence in capitals, and consecutive ones once', () => {
    const text =
      'A soft cotton cover. KEEP AWAY FROM OPEN FLAMES. NEVER WASH ABOVE FORTY DEGREES! Dries fast.';
    const issues = checkShoutedSentences('en', text);
    expect(issues.map((i) => text.slice(i.span![0], i.span![1]))).toEqual([
      'KEEP AWAY FROM OPEN FLAMES. NEVER WASH ABOVE FORTY DEGREES!',
    ]);
    expect(checkShoutedSentences('ru', 'Мягкий чехол. НЕ СТИРАТЬ В ГОРЯЧЕЙ ВОДЕ.')).toHaveLength(1);
  });

  it('leaves acronyms, model codes and short capital runs alone', () => {
    expect(checkShoutedSentences('en', 'Ports: USB-C, HDMI, RJ45. Works with PS5 and XBOX.')).toEqual([]);
    expect(checkShoutedSentences('es', 'Funda NUEVA de algodón, talla XL.')).toEqual([]);
  });
});

describe('shouted sentences with short ones between them (issue 18, round 10)', () => {
  it('joins a short sentence in capitals and decimals into the run around it', () => {
    const text =
      'Soft grip. KEEP THE BLADE AWAY FROM CHILDREN. LENGTH 0.5 M. ALWAYS STORE THE TOOL IN ITS CASE.';
    const issues = checkShoutedSentences('en', text);
    expect(issues.map((i) => text.slice(i.span![0], i.span![1]))).toEqual([
      'KEEP THE BLADE AWAY FROM CHILDREN. LENGTH 0.5 M. ALWAYS STORE THE TOOL IN ITS CASE.',
    ]);
    // A short sentence in capitals alone is no shouting.
    expect(checkShoutedSentences('en', 'Soft grip. SIZE XL. Machine wash.')).toEqual([]);
  });
});

describe('a clause in capitals after a colon (issue 18, round 17)', () => {
  it('reports the shouted clause, not the heading before its text', () => {
    const text = 'Strong double-sided tape: HOLDS UP TO FIVE KILOS WITHOUT DRILLING\nMaterial: acrylic foam.';
    const issues = checkShoutedSentences('en', text);
    expect(issues.map((i) => text.slice(i.span![0], i.span![1]))).toEqual([
      'HOLDS UP TO FIVE KILOS WITHOUT DRILLING',
    ]);
    expect(checkShoutedSentences('es', 'CARACTERÍSTICAS PRINCIPALES DEL PRODUCTO: cuerpo de acero.')).toEqual(
      [],
    );
  });
});

describe('a clause shouted in capitals inside a line (issue 18, round 21)', () => {
  const en = wordListSpeller('great gift for every gardener strong handle quality soft warm');
  const pt = wordListSpeller('entrega rápida garantida');
  const clauses = (text: string, lang: 'en' | 'pt' = 'en', field: 'title' | 'description' = 'title') =>
    checkShoutedClauses(lang, field, text, lang === 'en' ? en : pt).map((i) =>
      text.slice(i.span![0], i.span![1]),
    );

  it('reports words in capitals in a row, two of them ordinary words', () => {
    expect(clauses('Folding Pruning Saw 25 cm - GREAT GIFT FOR EVERY GARDENER')).toEqual([
      'GREAT GIFT FOR EVERY GARDENER',
    ]);
    expect(clauses('Tesoura de poda 20 cm, ENTREGA RÁPIDA', 'pt')).toEqual(['ENTREGA RÁPIDA']);
    expect(
      clauses('Fleece gloves\n- Lined with fleece, SOFT AND WARM all winter', 'en', 'description'),
    ).toEqual(['SOFT AND WARM']);
  });

  it('leaves acronyms, model codes, units and headings alone', () => {
    expect(clauses('Stepper driver NEMA 17 with UART and USB-C PD')).toEqual([]);
    expect(clauses('Garden hose QUALITY PVC 15 m')).toEqual([]);
    expect(clauses('Pruning saw\nSTRONG HANDLE: forged steel, 25 cm', 'en', 'description')).toEqual([]);
  });
});
