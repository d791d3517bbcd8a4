/** Plain-text hygiene of reply values and templates: placeholders, invisible characters, money. */
import { numberFormat } from '../intl.js';
import type { Language } from '../types.js';
import { FORMAT_LOCALES } from './types.js';

const VAR_PATTERN = /\{\{\s*(?:-\s*)?([^{}\s,]+)(?:[\s,][^{}]*)?\}\}/g;
export const PLAIN_VAR = /\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}/g;
export const LEAK_WORDS = /\bundefined\b|\bnull\b|\bNaN\b/;
// Line breaks and tabs become spaces; other C0/C1 controls and invisible bidi/format marks go away.
const LINE_BREAKING = /[\t\n\v\f\r\u0085\u2028\u2029]/g;
const INVISIBLE = /[\p{Cc}\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/gu;
// In template texts line breaks and tabs are fine; other controls and invisible marks are not.
export const TEXT_INVISIBLE =
  /[^\P{Cc}\t\n\r]|[\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/u;
export const DEBRIS = [
  /\[(?:[A-Z0-9][A-Z0-9 _-]{2,}|(?:your|insert|enter|name|product)\b[^\]\n]*)\]/i,
  /\blorem ipsum\b/i,
  /\b(?:TODO|TBD|FIXME|XXX)\b/,
  /%[sd]\b|\$\{/,
];
const BOGUS_VALUES = new Set(['undefined', 'null', 'NaN']);
export const CURRENCY_CODE = /^[A-Za-z]{3}$/;
export const TRAILING_STOPS = /(?<![\s.。])[\s.。]+$/u;
// Stand-in for every variable value when checking what the templates themselves produced.
export const MASK = '\u2022';

/** Variable names referenced as `{{name}}` in an i18next string. */
export function templateVariables(text: string): string[] {
  const names = new Set<string>();
  for (const match of text.matchAll(VAR_PATTERN)) {
    if (match[1] !== undefined) names.add(match[1]);
  }
  return [...names];
}

/** Plain-text cleanup of a value (no controls, bidi marks or `{{`); undefined if blank or `undefined`/`null`/`NaN`. */
export function sanitizeText(value: string, maxGraphemes?: number): string | undefined {
  let text = scrub(value);
  if (maxGraphemes !== undefined) text = truncateGraphemes(text, maxGraphemes);
  if (text === '' || BOGUS_VALUES.has(text)) return undefined;
  return text;
}

/** Money in the buyer language's style (`1 234,50 €`, `R$ 12,00`); throws RangeError for a malformed code. */
export function formatMoney(value: number, currency: string, language: Language): string {
  return numberFormat(FORMAT_LOCALES[language], {
    style: 'currency',
    currency: currency.trim().toUpperCase(),
  }).format(value);
}

export function scrub(value: string): string {
  return (
    value
      .replace(LINE_BREAKING, ' ')
      .replace(INVISIBLE, '')
      // A lone no-break space (as Intl puts in `4,50 €`) stays; any other run becomes one space.
      .replace(/\s+/g, (run) => (run === '\u00a0' || run === '\u202f' ? run : ' '))
      .replace(/\{{2,}/g, '{')
      .replace(/\}{2,}/g, '}')
      .trim()
  );
}

const GRAPHEMES = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** The first `max` graphemes. Stops reading after them: V8 takes quadratic time to list all the
 * segments of a long text (20k characters: seconds), so never spread the whole iterator. */
function truncateGraphemes(text: string, max: number): string {
  let count = 0;
  let end = 0;
  for (const segment of GRAPHEMES.segment(text)) {
    if (count === max) return text.slice(0, end).trimEnd();
    count++;
    end = segment.index + segment.segment.length;
  }
  return text;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
