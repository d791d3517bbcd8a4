import { detectLanguage } from '../message/language.js';
import type { Language } from '../types.js';
import { type Paragraph, paragraphs } from './text.js';
import type { Issue, ListingField, SpellChecker } from './types.js';

/** Paragraphs shorter than this (in words) are too short to judge; titles are judged from 4 words. */
const MIN_PARAGRAPH_WORDS = 6;
const MIN_TITLE_WORDS = 4;
/** A paragraph is reported only when the detector is at least this sure of another language. */
const MIN_CONFIDENCE = 0.6;
/** A title shorter than this many words needs a surer detection: close languages share short phrases. */
const SHORT_TITLE_WORDS = 8;
const MIN_SHORT_TITLE_CONFIDENCE = 0.8;
/**
 * The declared language's dictionary must read this much less of the paragraph than the detected
 * one's: a Spanish title the detector calls Portuguese is still all Spanish words.
 */
const MIN_COVERAGE_GAP = 0.2;
/** A word a frequency list has at least this often (one in 10^6) counts as a word of the language. */
const COMMON_CB = 600;

function letterWords(text: string): string[] {
  return text.match(/\p{L}{2,}/gu) ?? [];
}

/**
 * Share of the words that the language's dictionary knows, or that its frequency list has often
 * and not more rarely than the rival language's list (web text in French is full of "the").
 */
function coverage(words: readonly string[], speller: SpellChecker, rival: SpellChecker): number {
  if (words.length === 0) return 0;
  let known = 0;
  for (const word of words) {
    const lower = word.toLowerCase();
    const cB = speller.centibels?.(lower) ?? 1000;
    if (
      speller.correct(word) ||
      speller.correct(lower) ||
      (cB <= COMMON_CB && cB <= (rival.centibels?.(lower) ?? 1000))
    )
      known++;
  }
  return known / words.length;
}

/** A paragraph written in another language than the one declared for it, with its span. */
export interface WrongLanguageParagraph extends Paragraph {
  detected: Language;
  confidence: number;
}

/**
 * Paragraphs whose detected language is confidently not the declared one. The declared language is
 * the prior: it must lose with it, and (when dictionaries are given) read clearly worse than the
 * detected language in words its dictionary knows.
 */
export function findWrongLanguage(
  text: string,
  declared: Language,
  field: ListingField,
  spellers: Partial<Record<Language, SpellChecker>> = {},
): WrongLanguageParagraph[] {
  const blocks = field === 'title' ? [{ text, start: 0, end: text.length }] : paragraphs(text);
  const found: WrongLanguageParagraph[] = [];
  for (const block of blocks) {
    const words = letterWords(block.text);
    if (words.length < (field === 'title' ? MIN_TITLE_WORDS : MIN_PARAGRAPH_WORDS)) continue;
    const detection = detectLanguage(block.text);
    if (detection.language === 'unknown' || detection.language === declared) continue;
    const needed =
      field === 'title' && words.length < SHORT_TITLE_WORDS ? MIN_SHORT_TITLE_CONFIDENCE : MIN_CONFIDENCE;
    if (detection.confidence < needed) continue;
    // The declared language must itself be a weak reading of the paragraph, not a close second.
    const withPrior = detectLanguage(block.text, { previous: declared, shopDefault: declared });
    if (withPrior.language === declared) continue;
    const own = spellers[declared];
    const other = spellers[detection.language];
    if (own && other && coverage(words, own, other) > coverage(words, other, own) - MIN_COVERAGE_GAP)
      continue;
    found.push({ ...block, detected: detection.language, confidence: detection.confidence });
  }
  return found;
}

/** Declared vs detected language, per paragraph of the description and for the title. */
export function checkDeclaredLanguage(
  text: string,
  declared: Language,
  field: ListingField,
  spellers: Partial<Record<Language, SpellChecker>> = {},
): Issue[] {
  return findWrongLanguage(text, declared, field, spellers).map((p) => ({
    lang: declared,
    field,
    kind: 'wrong_language' as const,
    code: 'paragraph',
    params: { declared, detected: p.detected },
    span: [p.start, p.end] as [number, number],
  }));
}
