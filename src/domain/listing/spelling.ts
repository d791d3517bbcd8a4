import type { Language } from '../types.js';
import { closeCorrection } from './spelling-correction.js';
import {
  bareWord,
  isCandidate,
  type Judgement,
  judge,
  repetitionOf,
  type SpellingContext,
  slipOfCommonWord,
} from './spelling-evidence.js';
import { knows, knowsWord } from './spelling-lexicon.js';
import { overlaps, type Token, tokenize } from './text.js';
import type { Issue, ListingField, SpellChecker } from './types.js';

export { type Correction, closeCorrection, cognateKey, similarity } from './spelling-correction.js';
export type { SpellingContext } from './spelling-evidence.js';

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
  context?: SpellingContext;
  /** Words below this confidence are not reported (default `MIN_SPELLING_CONFIDENCE`). */
  minConfidence?: number;
}

/** A spelling finding needs at least this confidence. */
export const MIN_SPELLING_CONFIDENCE = 0.5;
/** A word a list of common misspellings names: as sure as the strongest evidence of `judge`. */
const LISTED_MISSPELLING_CONFIDENCE = 0.9;

const OPENERS = /[\s"'«»“”„([\-–—•*]/u;

/** True when only quotes, brackets, dashes and spaces stand between the token and a sentence end
 * (or the start of the text). Walks back from the token: linear in what it skips, never the whole
 * prefix per word. */
function isSentenceStart(text: string, token: Token): boolean {
  let at = token.start - 1;
  // A line break is a start of its own (a bullet list: "10 A\n• Resistensia"), not an opener to skip.
  while (at >= 0 && text[at] !== '\n' && OPENERS.test(text[at] ?? '')) at--;
  return at < 0 || /[.!?…:\n]/u.test(text[at] ?? '');
}

function isTitleCase(text: string): boolean {
  const words = text.match(/\p{L}{4,}/gu) ?? [];
  if (words.length === 0) return false;
  return words.filter((w) => /^\p{Lu}/u.test(w)).length / words.length >= 0.5;
}

/** A French elided article, pronoun or conjunction before the word it leans on. */
const FRENCH_ELISION_RE = /^(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu|quoiqu)'(?=\p{L})/iu;

/** The correction in the word's case: "Comodo" -> "Cómodo", "COMODO" -> "CÓMODO". */
function matchCase(word: string, correction: string): string {
  if (word === word.toUpperCase()) return correction.toUpperCase();
  if (/^\p{Lu}/u.test(word)) return correction.charAt(0).toUpperCase() + correction.slice(1);
  return correction;
}

/** How often each lower-cased word occurs in a text. */
function wordCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const token of tokenize(text)) {
    const lower = bareWord(token.text).toLowerCase();
    counts.set(lower, (counts.get(lower) ?? 0) + 1);
  }
  return counts;
}

/**
 * A word only the frequency list vouches for, whose correction another version of the listing writes
 * ("Rechargable" here, "rechargeable" in the French version): the list has the misspelling too, the
 * listing itself shows the right spelling.
 */
function correctedElsewhere(
  word: string,
  lang: Language,
  speller: SpellChecker,
  context: SpellingContext | undefined,
  uses: (lower: string) => number,
): boolean {
  const lower = word.toLowerCase();
  if (!context || knows(speller, word) || speller.centibels?.(lower) === undefined) return false;
  // A word the seller writes twice is meant ("massager" beside the French "massage").
  if (uses(lower) > 1) return false;
  const correction = closeCorrection(speller, lower, lang);
  // A word that extends its correction ("massager", "flyaways") is a derivation, not this slip.
  if (!correction || lower.startsWith(correction.word) || correction.word.startsWith(lower)) return false;
  const versions = [...context.otherWords].filter(([l]) => l !== lang).map(([, words]) => words);
  return versions.some((w) => w.has(correction.word)) && !versions.some((w) => w.has(lower));
}

/** Frequency (centibels) of a listed word that an abbreviation may stand for (one in 10^7). */
const ABBREVIATED_CB = 700;

/**
 * A word cut short with a period inside a sentence ("диам. 4 мм", "aprox. 3 cm"):
 * the period is followed by a digit, a lower-case word or a sign, and listed words begin with it.
 */
function isAbbreviation(text: string, end: number, lower: string, speller: SpellChecker): boolean {
  if (text[end] !== '.' || [...lower].length < 3 || !speller.family) return false;
  const next = /^\.[^\S\n]*([^\s.])/u.exec(text.slice(end, end + 8));
  if (!next || /\p{Lu}/u.test(next[1]!)) return false;
  return speller
    .family(lower, 8)
    .some(([word, cB]) => word.length > lower.length + 1 && cB <= ABBREVIATED_CB);
}

/**
 * Misspelled words by the language's dictionary and word list, each with a confidence (0-1); words
 * below `minConfidence` are not reported. A suggestion is the close correction, else hunspell's first.
 */
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
  const minConfidence = options.minConfidence ?? MIN_SPELLING_CONFIDENCE;
  const titleCase = field === 'title' && isTitleCase(text);
  const others = options.context?.others;
  const evidence = {
    context: options.context,
    minConfidence,
    repeated: repetitionOf(options.context?.versionText ?? text, lang, speller, isAllowed, others),
  };
  const issues: Issue[] = [];
  let suggested = 0;
  let counts: Map<string, number> | undefined;
  const uses = (lower: string) => {
    counts ??= wordCounts(options.context?.versionText ?? text);
    return counts.get(lower) ?? 0;
  };
  for (const token of tokenize(text)) {
    const bare = bareWord(token.text);
    // French elides its articles and pronouns onto the next word ("l'agility", "d'épaisseur"):
    // the word is what follows the apostrophe.
    const elided = lang === 'fr' ? FRENCH_ELISION_RE.exec(bare) : null;
    const word = elided ? bare.slice(elided[0].length) : bare;
    if (!isCandidate(word, lang)) continue;
    // A word touching a reported span ("sÃ¨che-linge") is part of that debris.
    if (overlaps(token.start - 1, token.end + 1, skip)) continue;
    if (isAllowed(word) || shared.has(word.toLowerCase())) continue;
    // A word only the frequency list vouches for, that the language's list of common misspellings
    // names ("seemless", "begginers"): web text is full of them, so the list has them too.
    // (Only where the language has such a list: no hunspell look-up for the others.)
    const listedSlip =
      !speller.misspelling || word.includes('-') || knows(speller, word)
        ? undefined
        : speller.misspelling(word.toLowerCase());
    if (
      listedSlip === undefined &&
      knowsWord(speller, word, lang, others) &&
      !correctedElsewhere(word, lang, speller, options.context, uses)
    )
      continue;
    if (isAbbreviation(text, token.end, word.toLowerCase(), speller)) continue;
    // Capitalized words inside a sentence are names (brands, places) unless the title capitalizes all.
    if (/^\p{Lu}/u.test(word) && !titleCase && !isSentenceStart(text, token) && word !== word.toUpperCase())
      continue;
    if (listedSlip !== undefined) {
      const suggestion = matchCase(word, listedSlip);
      issues.push({
        lang,
        field,
        kind: 'spelling',
        code: 'word',
        params: { word, suggestion },
        span: [token.start, token.end],
        confidence: LISTED_MISSPELLING_CONFIDENCE,
        suggestion,
      });
      continue;
    }
    let judgement: Judgement;
    if (word.includes('-')) {
      // Hyphenated compounds are checked by their parts: the least likely part decides.
      const parts = word.split('-').filter((p) => p.length > 0);
      const unknownParts = parts.filter((p) => !isAllowed(p) && !knowsWord(speller, p, lang, others));
      if (unknownParts.length === 0) continue;
      const judged = unknownParts.map((p) => judge(p, lang, speller, { ...evidence, part: true }));
      judgement = judged.reduce((a, b) => (b.confidence > a.confidence ? b : a));
      // A compound of one known and one unknown part is more often a coined product term.
      if (
        unknownParts.length < parts.length &&
        !(judgement.correction && slipOfCommonWord(judgement.correction))
      )
        judgement.confidence *= 0.8;
    } else {
      judgement = judge(word, lang, speller, evidence);
    }
    const confidence = Math.round(judgement.confidence * 100) / 100;
    if (confidence < minConfidence) continue;
    let suggestion: string | undefined;
    if (judgement.correction && !word.includes('-')) {
      suggestion = matchCase(word, judgement.correction.word);
    } else if (suggested < maxSuggestions) {
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
      confidence,
      ...(suggestion ? { suggestion } : {}),
    });
  }
  return issues;
}
