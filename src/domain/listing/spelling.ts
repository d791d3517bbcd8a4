import type { Language } from '../types.js';
import { overlaps, type Token, tokenize } from './text.js';
import type { Issue, ListingField, SpellChecker } from './types.js';

/** Productive prefixes: "antiadherente" is fine when "adherente" is a word. */
const PREFIXES: Readonly<Record<Language, readonly string[]>> = {
  en: ['anti', 'non', 're', 'pre', 'multi', 'mini', 'micro', 'ultra', 'super', 'over', 'under', 'eco'],
  es: [
    'anti',
    're',
    'multi',
    'mini',
    'micro',
    'ultra',
    'super',
    'auto',
    'semi',
    'termo',
    'bio',
    'eco',
    'contra',
    'sobre',
  ],
  fr: [
    'anti',
    're',
    'ré',
    'multi',
    'mini',
    'micro',
    'ultra',
    'super',
    'auto',
    'semi',
    'thermo',
    'bio',
    'éco',
    'sur',
  ],
  ru: [
    'не',
    'анти',
    'авто',
    'мини',
    'микро',
    'супер',
    'ультра',
    'термо',
    'полу',
    'само',
    'водо',
    'влаго',
    'свето',
    'электро',
  ],
  pt: ['anti', 're', 'multi', 'mini', 'micro', 'ultra', 'super', 'auto', 'semi', 'termo', 'bio', 'eco'],
};

const SPANISH_ENCLITIC_RE = /^(.{3,}?)((?:me|te|se|nos|os|lo|la|los|las|le|les){1,2})$/u;

function stripAccents(word: string): string {
  return word
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .normalize('NFC');
}

/** Dictionary lookup plus the word formation hunspell's affix files miss (prefixes, Spanish enclitics). */
function knowsWord(speller: SpellChecker, word: string, lang: Language): boolean {
  if (knows(speller, word)) return true;
  const lower = word.toLowerCase();
  const minRest = 5;
  for (const prefix of PREFIXES[lang]) {
    if (lower.startsWith(prefix) && lower.length - prefix.length >= minRest) {
      const rest = lower.slice(prefix.length).replace(/^-/, '');
      if (knows(speller, rest)) return true;
    }
  }
  if (lang === 'es') {
    // "Límpiala" = "limpia" + "la": the written accent only exists because of the pronoun.
    const match = SPANISH_ENCLITIC_RE.exec(lower);
    if (match && /[áéíóú]/u.test(match[1]!) && knows(speller, stripAccents(match[1]!))) return true;
  }
  return false;
}

/** What the spelling check needs besides the text. */
export interface SpellingOptions {
  speller: SpellChecker;
  /** Brand, model and product terms (checked case-insensitively by the caller's predicate). */
  isAllowed: (word: string) => boolean;
  /** Words written identically in another language version: names, not typos. */
  sharedTerms?: ReadonlySet<string>;
  /** Spans other checks already reported (placeholders, untranslated text, addresses). */
  skip?: ReadonlyArray<readonly [number, number]>;
  /** At most this many misspellings get a suggestion (hunspell suggestions are slow). */
  maxSuggestions?: number;
}

const OPENERS = /[\s"'«»“”„([\-–—•*]/u;

/** True when only quotes, brackets, dashes and spaces stand between the token and a sentence end
 * (or the start of the text). Walks back from the token: linear in what it skips, never the whole
 * prefix per word. */
function isSentenceStart(text: string, token: Token): boolean {
  let at = token.start - 1;
  while (at >= 0 && OPENERS.test(text[at] ?? '')) at--;
  return at < 0 || /[.!?…:\n]/u.test(text[at] ?? '');
}

function isTitleCase(text: string): boolean {
  const words = text.match(/\p{L}{4,}/gu) ?? [];
  if (words.length === 0) return false;
  return words.filter((w) => /^\p{Lu}/u.test(w)).length / words.length >= 0.5;
}

function knows(speller: SpellChecker, word: string): boolean {
  if (speller.correct(word)) return true;
  const lower = word.toLowerCase();
  if (lower !== word && speller.correct(lower)) return true;
  // Upper-case words: hunspell knows "Botella" but maybe not "BOTELLA".
  if (word === word.toUpperCase()) {
    const capital = lower.charAt(0).toUpperCase() + lower.slice(1);
    if (speller.correct(capital)) return true;
  }
  return false;
}

/** Whether a word is a spelling candidate at all (not a number, code, acronym or brand-like name). */
function isCandidate(word: string): boolean {
  if (word.length < 2) return false;
  if (/\p{N}/u.test(word)) return false;
  if (/^\p{Lu}{2,6}$/u.test(word)) return false; // acronyms: USB, LED, EVA
  if (/\p{Ll}\p{Lu}/u.test(word)) return false; // camel case: iPhone, PowerBank
  if (/^\p{Script=Latin}/u.test(word) && /\p{Script=Cyrillic}/u.test(word)) return false;
  return true;
}

/** Misspelled words by the language's dictionary, with the dictionary's first suggestion. */
export function checkSpelling(
  text: string,
  lang: Language,
  field: ListingField,
  options: SpellingOptions,
): Issue[] {
  const { speller, isAllowed } = options;
  const skip = options.skip ?? [];
  const shared = options.sharedTerms ?? new Set<string>();
  const maxSuggestions = options.maxSuggestions ?? 12;
  const titleCase = field === 'title' && isTitleCase(text);
  const issues: Issue[] = [];
  let suggested = 0;
  for (const token of tokenize(text)) {
    const word = token.text.replace(/’/g, "'").replace(/^['-]+|(?<!['-])['-]+$/g, '');
    if (!isCandidate(word)) continue;
    // A word touching a reported span ("sÃ¨che-linge") is part of that debris.
    if (overlaps(token.start - 1, token.end + 1, skip)) continue;
    if (isAllowed(word) || shared.has(word.toLowerCase())) continue;
    if (knowsWord(speller, word, lang)) continue;
    // Hyphenated compounds are fine when every part is a word.
    if (
      word.includes('-') &&
      word.split('-').every((part) => part.length === 0 || knowsWord(speller, part, lang) || isAllowed(part))
    )
      continue;
    // Capitalized words inside a sentence are names (brands, places) unless the title capitalizes all.
    if (/^\p{Lu}/u.test(word) && !titleCase && !isSentenceStart(text, token) && word !== word.toUpperCase())
      continue;
    let suggestion: string | undefined;
    if (suggested < maxSuggestions) {
      suggested++;
      suggestion = speller.suggest(word)[0];
    }
    issues.push({
      lang,
      field,
      kind: 'spelling',
      code: 'word',
      params: { word, ...(suggestion ? { suggestion } : {}) },
      span: [token.start, token.end],
      ...(suggestion ? { suggestion } : {}),
    });
  }
  return issues;
}
