/**
 * Adversarial texts for the ReDoS fuzz suite and `bench/text-cost.ts`, built from sellerdesk's own
 * patterns: the literal words of their alternatives ("no", "de", "number", "rue", "passport"),
 * repeated with the separators the patterns allow, after a label and before a suffix that makes
 * the match fail at the very end; plus long runs in every script.
 */
import { type AST, RegExpParser, visitRegExpAST } from '@eslint-community/regexpp';

/** Runs of one kind of character: Latin, Cyrillic, CJK, digits, punctuation, whitespace, marks, emoji. */
export const SCRIPT_UNITS: readonly string[] = [
  'a',
  'A',
  'Ж',
  'ж',
  '漢',
  'の',
  '7',
  '.',
  '!',
  '-',
  ',',
  '@',
  '{',
  '}',
  '(',
  '#',
  "'",
  '_',
  ' ',
  '\n',
  '\t',
  ' \n',
  '\u00a0',
  'e\u0301',
  '\u0301',
  '😀',
  '👍🏽',
  'a.',
  'a-',
  'a ',
  '1 ',
  '1.',
  '12 ',
  'Ab ',
  'De ',
  'x@',
  'a@b.',
  '{{a ',
];

/** Separators the patterns put between repeated words. */
export const SEPARATORS: readonly string[] = [' ', '  ', '. ', ': ', '-', ', ', '\n', ''];

/** Suffixes that make a pattern fail after it consumed the whole run. */
export const SUFFIXES: readonly string[] = ['', 'x1', '!1', '?', '@', ' 1', 'zz', '.'];

/** Prefixes that open a labelled pattern (order, id, address, phone, street). */
export const LABELS: readonly string[] = [
  '',
  'order ',
  'pedido ',
  'заказ ',
  'passport ',
  'DNI ',
  'паспорт ',
  'rue ',
  '10 rue ',
  'Calle ',
  'Plaza ',
  'ул. ',
  '12 Main ',
  'my address: ',
  'phone ',
  'tel ',
  'mail ',
];

const parser = new RegExpParser({ ecmaVersion: 2025 });

/**
 * The literal words of every alternation in `patterns` (lower-cased, 1-24 characters): the
 * alternatives a repeated group chooses between are what an attacker repeats.
 */
export function patternWords(patterns: ReadonlyArray<{ source: string; flags: string }>): string[] {
  const words = new Set<string>();
  for (const { source, flags } of patterns) {
    let ast: AST.Pattern;
    try {
      const f = parser.parseFlags(flags);
      ast = parser.parsePattern(source, 0, source.length, { unicode: f.unicode, unicodeSets: f.unicodeSets });
    } catch {
      continue;
    }
    visitRegExpAST(ast, {
      onAlternativeEnter(alt) {
        if (alt.elements.length === 0 || alt.elements.length > 24) return;
        let word = '';
        for (const el of alt.elements) {
          if (el.type === 'Character') word += String.fromCodePoint(el.value);
          else if (el.type === 'CharacterClass' && !el.negate && el.elements[0]?.type === 'Character') {
            word += String.fromCodePoint(el.elements[0].value);
          } else return;
        }
        if (word.trim().length > 0) words.add(word);
      },
    });
  }
  return [...words].sort();
}

/** `label + unit × k + suffix` with about `length` characters. */
export function hostile(label: string, unit: string, suffix: string, length: number): string {
  const k = Math.max(1, Math.ceil((length - label.length - suffix.length) / Math.max(1, unit.length)));
  return label + unit.repeat(k) + suffix;
}

/** Every (label, unit, suffix) shape worth timing: words × separators and script runs. */
export function hostileShapes(
  words: readonly string[],
): Array<{ label: string; unit: string; suffix: string }> {
  const shapes: Array<{ label: string; unit: string; suffix: string }> = [];
  for (const unit of SCRIPT_UNITS) for (const suffix of ['', 'x1']) shapes.push({ label: '', unit, suffix });
  for (const word of words) shapes.push({ label: '', unit: `${word} `, suffix: 'x1' });
  for (const label of LABELS) {
    for (const unit of ['no ', 'De ', 'de ', 'number ', 'n° ', ': ', '- ', 'A ', '1 ', 'apt 4 ', ' ']) {
      for (const suffix of ['x1', '!1']) shapes.push({ label, unit, suffix });
    }
  }
  return shapes;
}
