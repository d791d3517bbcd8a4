import type { Language } from '../types.js';
import type { Issue, ListingField, SpellChecker } from './types.js';

/** Length limits of a listing; marketplaces differ, so a caller may tighten them. */
export interface FieldLimits {
  /** Longest title (characters); 128 is AliExpress's limit and under Amazon's and Ozon's. */
  maxTitleLength: number;
  minTitleLength: number;
  minTitleWords: number;
  minDescriptionLength: number;
  minDescriptionWords: number;
}

/** Default limits; `maxTitleLength` 128 characters. */
export const DEFAULT_FIELD_LIMITS: FieldLimits = {
  maxTitleLength: 128,
  minTitleLength: 12,
  minTitleWords: 2,
  minDescriptionLength: 80,
  minDescriptionWords: 12,
};

function wordCount(text: string): number {
  return (text.match(/[\p{L}\p{N}]+/gu) ?? []).length;
}

/** Empty or too-short title and description fields. */
export function checkTooShort(
  lang: Language,
  field: ListingField,
  text: string,
  limits: FieldLimits = DEFAULT_FIELD_LIMITS,
): Issue[] {
  const trimmed = text.trim();
  const words = wordCount(trimmed);
  const [minLength, minWords] =
    field === 'title'
      ? [limits.minTitleLength, limits.minTitleWords]
      : [limits.minDescriptionLength, limits.minDescriptionWords];
  if (trimmed.length >= minLength && words >= minWords) return [];
  return [
    {
      lang,
      field,
      kind: 'too_short',
      code: trimmed.length === 0 ? 'empty' : field,
      params: { length: trimmed.length, min: minLength, words, minWords },
      ...(trimmed.length > 0 ? { span: [0, text.length] as [number, number] } : {}),
    },
  ];
}

/** A title longer than the marketplace limit; the span marks the overflow. */
export function checkTitleLength(
  lang: Language,
  title: string,
  limits: FieldLimits = DEFAULT_FIELD_LIMITS,
): Issue[] {
  const length = [...title.trim()].length;
  if (length <= limits.maxTitleLength) return [];
  const cut = title.lastIndexOf(' ', limits.maxTitleLength);
  const suggestion = title.slice(0, cut > limits.maxTitleLength / 2 ? cut : limits.maxTitleLength).trim();
  return [
    {
      lang,
      field: 'title',
      kind: 'title_too_long',
      code: 'title',
      params: { length, max: limits.maxTitleLength },
      span: [limits.maxTitleLength, title.length],
      suggestion,
    },
  ];
}

/** Sentence case for an all-caps title, keeping short acronyms (USB, LED, XL) upper case. */
export function sentenceCase(title: string): string {
  let first = true;
  return title.replace(/[\p{L}]+/gu, (word) => {
    const keep =
      word.length <= 3 &&
      /^\p{Lu}+$/u.test(word) &&
      !/^(?:THE|AND|FOR|DE|LA|LE|EL|LOS|LES|DES|UNA|UNE|UM|UMA|ДЛЯ|ИЗ)$/u.test(word);
    const lower = keep ? word : word.toLowerCase();
    if (first) {
      first = false;
      return keep ? lower : lower.charAt(0).toUpperCase() + lower.slice(1);
    }
    return lower;
  });
}

/** A title shouted in capitals (most of its longer words all upper case). */
export function checkAllCaps(lang: Language, title: string): Issue[] {
  const words = title.match(/[\p{L}]{4,}/gu) ?? [];
  if (words.length < 2) return [];
  const upper = words.filter((w) => w === w.toUpperCase() && w !== w.toLowerCase()).length;
  if (upper / words.length < 0.75) return [];
  return [
    {
      lang,
      field: 'title',
      kind: 'all_caps',
      code: 'title',
      params: {},
      span: [0, title.length],
      suggestion: sentenceCase(title),
    },
  ];
}

/** Up to 40 characters from `at`, within its line (bounded: a line of many clauses stays linear). */
function lineRest(text: string, at: number): string {
  const near = text.slice(at, at + 40);
  const end = near.indexOf('\n');
  return end < 0 ? near : near.slice(0, end);
}

/**
 * Sentences of a description shouted in capitals ("ALWAYS UNPLUG BEFORE CLEANING."): three words of
 * four letters or more, every word of two letters or more in capitals. Acronym lists and model
 * codes have fewer long words; consecutive shouted sentences are one finding, with the short ones in
 * capitals between them.
 */
export function checkShoutedSentences(lang: Language, description: string): Issue[] {
  if (!/\p{Lu}{4}/u.test(description)) return [];
  const issues: Issue[] = [];
  // (A clause after a colon counts as a sentence: "Adhesivo de doble cara: MONTAJE EN 1 MINUTO SIN TALADRAR".)
  for (const match of description.matchAll(/[^.!?\n:;]+[.!?:;]*/gu)) {
    const sentence = match[0];
    const words = sentence.match(/\p{L}{2,}/gu) ?? [];
    if (words.some((w) => w !== w.toUpperCase())) continue;
    // A heading in capitals before its text in lower case ("CARACTERÍSTICAS PRINCIPALES: ...") is no shouting.
    const after = (match.index ?? 0) + sentence.length;
    if (sentence.trimEnd().endsWith(':') && /\p{Ll}/u.test(lineRest(description, after))) continue;
    const lead = sentence.length - sentence.trimStart().length;
    const start = (match.index ?? 0) + lead;
    const end = (match.index ?? 0) + sentence.trimEnd().length;
    const previous = issues.at(-1);
    // A short sentence in capitals ("LONGITUD: 120 CM.") right after shouted ones continues them.
    if (previous?.span && /^[\s:;]*$/u.test(description.slice(previous.span[1], start))) {
      previous.span = [previous.span[0], end];
      continue;
    }
    if (words.filter((w) => w.length >= 4).length < 3) continue;
    issues.push({
      lang,
      field: 'description',
      kind: 'all_caps',
      code: 'sentence',
      params: {},
      span: [start, end],
    });
  }
  return issues;
}

/** A word of letters (hyphens and apostrophes inside: "ANTI-UV", "L'EAU"). */
const LETTER_WORD_RE = /\p{L}+(?:['’-]\p{L}+)*/gu;
/** What may stand between two words of one clause in capitals: spaces only. */
const CLAUSE_GAP_RE = /^[ \t]+$/u;

/**
 * A clause shouted in capitals inside a title or a description line that is not itself in capitals
 * ("Muffs with Adjustable Spring Clamp - MUST HAVE FOR EVERY BOAT OWNER", "Polyester 600D, TOILE
 * ANTI-UV HAUTE QUALITÉ et déperlante"): words in capitals in a row, two of them ordinary words of
 * four letters or more that the language's dictionary knows in lower case. Acronyms, model codes
 * and units ("USB-C PD", "NEMA 17", "UART") are no ordinary words; a heading before a colon is no
 * shouting. Linear: one pass over the words.
 */
export function checkShoutedClauses(
  lang: Language,
  field: ListingField,
  text: string,
  speller: SpellChecker | undefined,
): Issue[] {
  if (!speller || !/\p{Lu}{4}/u.test(text)) return [];
  const issues: Issue[] = [];
  let run: { start: number; end: number; ordinary: number } | undefined;
  const close = () => {
    if (run && run.ordinary >= 2 && !/^[ \t]*:/u.test(text.slice(run.end, run.end + 4))) {
      issues.push({ lang, field, kind: 'all_caps', code: 'clause', params: {}, span: [run.start, run.end] });
    }
    run = undefined;
  };
  for (const match of text.matchAll(LETTER_WORD_RE)) {
    const word = match[0];
    const start = match.index ?? 0;
    const capitals = !/\p{Ll}/u.test(word);
    if (!capitals) {
      close();
      continue;
    }
    if (run && !CLAUSE_GAP_RE.test(text.slice(run.end, start))) close();
    run ??= { start, end: start, ordinary: 0 };
    run.end = start + word.length;
    const lower = word.toLowerCase();
    if ([...word].length >= 4 && !word.includes('-') && speller.correct(lower)) run.ordinary++;
  }
  close();
  return issues;
}
