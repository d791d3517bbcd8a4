import { describe, expect, it } from 'vitest';
import { checkSpelling } from '../../../src/domain/listing/spelling.js';
import type { Language } from '../../../src/domain/types.js';
import { wordListSpeller } from './fake-speller.js';

const speller = wordListSpeller(
  `the bottle keeps drinks cold for hours and is made of steel water
   la botella mantiene las bebidas frías limpia adherentes de agua
   бутылка сохраняет напитки скользящий коврик`,
  { drinsk: 'drinks', bebidass: 'bebidas' },
);
const none = () => false;

describe('checkSpelling', () => {
  it.each([
    ['en', 'The bottle keeps drinsk cold.', ['drinsk'], 'drinks'],
    ['es', 'La botella mantiene las bebidass frías.', ['bebidass'], 'bebidas'],
    ['ru', 'Бутылка сохраняет напиткы.', ['напиткы'], undefined],
  ] as const)('%s: %s', (lang, text, words, suggestion) => {
    const issues = checkSpelling(text, lang as Language, 'description', { speller, isAllowed: none });
    expect(issues.map((i) => text.slice(i.span![0], i.span![1]))).toEqual(words);
    expect(issues[0]?.suggestion).toBe(suggestion);
  });

  it.each([
    ['en', 'The Hydroflask bottle keeps drinks cold.', 'a capitalized name inside a sentence'],
    ['en', 'The bottle keeps drinks cold for 24 hours, USB and iPhone.', 'numbers, acronyms, camel case'],
    ['en', 'The bottle is made of Tritan steel.', 'a name'],
    ['es', 'Límpiala con agua.', 'a Spanish enclitic with its written accent'],
    ['es', 'La botella antiadherentes.', 'a productive prefix'],
    ['ru', 'Нескользящий коврик.', 'a Russian prefix'],
    ['en', 'Write to shop@example.com or www.example.com', 'addresses are not words'],
  ] as const)('%s: accepts %s (%s)', (lang, text, _why) => {
    const issues = checkSpelling(text, lang as Language, 'description', {
      speller,
      isAllowed: (w) => w.toLowerCase() === 'tritan',
      skip: [[text.indexOf('shop@'), text.length]],
    });
    expect(issues.filter((i) => !['Write', 'to', 'or'].includes(String(i.params.word)))).toEqual([]);
  });

  it('checks every word of a Title Case title, and skips shared brand terms', () => {
    const title = 'Steel Watter Bottle Xiaomi';
    const issues = checkSpelling(title, 'en', 'title', {
      speller,
      isAllowed: none,
      sharedTerms: new Set(['xiaomi']),
    });
    expect(issues.map((i) => i.params.word)).toEqual(['Watter']);
  });

  it('stops suggesting after maxSuggestions', () => {
    const issues = checkSpelling('drinsk drinsk drinsk', 'en', 'description', {
      speller,
      isAllowed: none,
      maxSuggestions: 1,
    });
    expect(issues.map((i) => i.suggestion)).toEqual(['drinks', undefined, undefined]);
  });
});
