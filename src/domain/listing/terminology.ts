import type { Language } from '../types.js';
import { GLOSSARY, type GlossaryEntry, SIZE_OFFSETS_FROM_EU, SIZE_SYSTEMS } from './glossary.js';
import { compilePattern } from './patterns.js';
import { overlaps } from './text.js';
import type { Issue, ListingField } from './types.js';

const compiled = new Map<string, RegExp>();
function regexOf(entry: GlossaryEntry): RegExp {
  let re = compiled.get(entry.pattern);
  if (!re) {
    re = compilePattern(entry.pattern);
    compiled.set(entry.pattern, re);
  }
  re.lastIndex = 0;
  return re;
}

const requirements = new Map<string, RegExp>();
function requirementOf(pattern: string): RegExp {
  let re = requirements.get(pattern);
  if (!re) {
    re = compilePattern(pattern, 'iu');
    requirements.set(pattern, re);
  }
  return re;
}

/**
 * Names that keep their point in every language: the 2.4 and 5.8 GHz radio bands ("Wi-Fi 2.4 GHz")
 * and numbers inside a model code ("X2.5", "T-1.5": a letter or hyphen glued before the number).
 */
function isStandardName(text: string, start: number, end: number): boolean {
  const before = text[start - 1] ?? '';
  if (/[\p{L}\-/]/u.test(before)) return true;
  return (
    /^(?:2[.,]4|5[.,]8)$/.test(text.slice(start, end)) &&
    /^\s?(?:GHz|ГГц|G)\b/iu.test(text.slice(end, end + 6))
  );
}

function formatNumber(value: number, lang: Language): string {
  const rounded = Math.round(value * 10) / 10;
  const text = Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1);
  return lang === 'en' ? text : text.replace('.', ',');
}

const IMPERIAL: ReadonlyArray<[RegExp, number, string]> = [
  [/inch|pulgada|pouce|polegada|дюйм|"/i, 2.54, 'cm'],
  [/ft|feet|foot/i, 30.48, 'cm'],
  [/lb|pound|libra|фунт/i, 0.4536, 'kg'],
  [/oz|ounce|onza|once|onça|унци/i, 28.35, 'g'],
];

function metricSuggestion(matched: string, lang: Language): string | undefined {
  const number = /(\d+(?:[.,]\d+)?)/.exec(matched)?.[1];
  if (number === undefined) return undefined;
  const value = Number(number.replace(',', '.'));
  if (/°F/i.test(matched)) return `${formatNumber(((value - 32) * 5) / 9, lang)} °C`;
  for (const [re, factor, unit] of IMPERIAL) {
    if (re.test(matched.replace(number, ''))) return `${formatNumber(value * factor, lang)} ${unit}`;
  }
  return undefined;
}

const METRIC_AFTER_RE =
  /^\s?[(/[–-]\s?(?:≈|~|approx\.?|aprox\.?|env\.?|ок\.?|около|cerca de)?\s?\d+(?:[.,]\d+)?\s?(?:mm|cm|m|km|kg|g|ml|l|°C|мм|см|м|км|кг|г|мл|л|°С)(?![\p{L}])/u;
const ENGLISH_UNIT_RE = /inch|ft|feet|foot|lb|pound|oz|ounce|°F/i;
const METRIC_BEFORE_RE = /\d\s?(?:mm|cm|m|km|kg|g|ml|l|°C|мм|см|м|км|кг|г|мл|л|°С)\s?[(/[–-]\s?$/u;

/**
 * An imperial value with its metric equivalent beside it ("17,3 pulgadas (44 cm)", "44 cm / 17"):
 * the buyer reads the metric one; the inch or pound figure is how the product is sold.
 */
function metricBeside(text: string, start: number, end: number): boolean {
  if (METRIC_AFTER_RE.test(text.slice(end, end + 30))) return true;
  return METRIC_BEFORE_RE.test(text.slice(Math.max(0, start - 16), start));
}

const SHOE_SIZE_RE = /(?<![\p{L}])(EU|EUR|US|UK|BR)\s?(\d{1,2}(?:[.,]5)?)(?![\d\p{L}])/gu;

/** Shoe sizes quoted only in a system the market does not read (EU only in EN, EU only in PT-BR...). */
function checkSizeSystems(text: string, lang: Language, field: ListingField): Issue[] {
  const matches = [...text.matchAll(SHOE_SIZE_RE)];
  if (matches.length === 0) return [];
  const local = SIZE_SYSTEMS[lang].local;
  const systems = new Set(matches.map((m) => (m[1] === 'EUR' ? 'EU' : m[1]!)));
  if (systems.has(local)) return [];
  return matches.map((m) => {
    const system = (m[1] === 'EUR' ? 'EU' : m[1]) as keyof typeof SIZE_OFFSETS_FROM_EU;
    const size = Number(m[2]!.replace(',', '.'));
    const converted = size - SIZE_OFFSETS_FROM_EU[system] + SIZE_OFFSETS_FROM_EU[local];
    const start = m.index ?? 0;
    return {
      lang,
      field,
      kind: 'terminology' as const,
      code: 'size_system',
      params: { text: m[0], system, local },
      span: [start, start + m[0].length] as [number, number],
      suggestion: `${m[0]} (${local} ${formatNumber(converted, lang)})`,
    };
  });
}

/** Localized terminology from the per-language glossary, plus shoe-size systems. */
export function checkTerminology(
  text: string,
  lang: Language,
  field: ListingField,
  skip: ReadonlyArray<readonly [number, number]> = [],
): Issue[] {
  const issues: Issue[] = [];
  for (const entry of GLOSSARY[lang]) {
    if (entry.requires !== undefined && !requirementOf(entry.requires).test(text)) continue;
    for (const match of text.matchAll(regexOf(entry))) {
      const start = match.index ?? 0;
      const end = start + match[0].length;
      if (overlaps(start, end, skip)) continue;
      if (entry.code === 'decimal_separator' && isStandardName(text, start, end)) continue;
      // The exemption is for the language's own unit word; "45 cm (18 inches)" is still English.
      if (entry.code === 'imperial_unit' && !ENGLISH_UNIT_RE.test(match[0]) && metricBeside(text, start, end))
        continue;
      const suggestion =
        entry.code === 'imperial_unit'
          ? metricSuggestion(match[0], lang)
          : entry.replace !== undefined
            ? entry.replace.replace(/\$(\d)/g, (_, n: string) => match[Number(n)] ?? '')
            : undefined;
      issues.push({
        lang,
        field,
        kind: 'terminology',
        code: entry.code,
        params: { text: match[0], ...(suggestion ? { suggestion } : {}) },
        span: [start, end],
        ...(suggestion ? { suggestion } : {}),
      });
    }
  }
  for (const issue of checkSizeSystems(text, lang, field)) {
    if (!overlaps(issue.span![0], issue.span![1], skip)) issues.push(issue);
  }
  return issues.sort((a, b) => (a.span?.[0] ?? 0) - (b.span?.[0] ?? 0));
}
