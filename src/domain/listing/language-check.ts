import { detectLanguage } from '../language.js';
import type { Language } from '../types.js';
import { type Paragraph, paragraphs } from './text.js';
import type { Issue, ListingField } from './types.js';

/** Paragraphs shorter than this (in words) are too short to judge; titles are judged from 4 words. */
const MIN_PARAGRAPH_WORDS = 6;
const MIN_TITLE_WORDS = 4;
/** A paragraph is reported only when the detector is at least this sure of another language. */
const MIN_CONFIDENCE = 0.6;

function letterWords(text: string): number {
  return (text.match(/\p{L}{2,}/gu) ?? []).length;
}

/** A paragraph written in another language than the one declared for it, with its span. */
export interface WrongLanguageParagraph extends Paragraph {
  detected: Language;
  confidence: number;
}

/** Paragraphs whose detected language is confidently not the declared one. */
export function findWrongLanguage(
  text: string,
  declared: Language,
  field: ListingField,
): WrongLanguageParagraph[] {
  const blocks = field === 'title' ? [{ text, start: 0, end: text.length }] : paragraphs(text);
  const found: WrongLanguageParagraph[] = [];
  for (const block of blocks) {
    if (letterWords(block.text) < (field === 'title' ? MIN_TITLE_WORDS : MIN_PARAGRAPH_WORDS)) continue;
    const detection = detectLanguage(block.text);
    if (detection.language === 'unknown' || detection.language === declared) continue;
    if (detection.confidence < MIN_CONFIDENCE) continue;
    // The declared language must itself be a weak reading of the paragraph, not a close second.
    const withPrior = detectLanguage(block.text, { previous: declared, shopDefault: declared });
    if (withPrior.language === declared) continue;
    found.push({ ...block, detected: detection.language, confidence: detection.confidence });
  }
  return found;
}

/** Declared vs detected language, per paragraph of the description and for the title. */
export function checkDeclaredLanguage(text: string, declared: Language, field: ListingField): Issue[] {
  return findWrongLanguage(text, declared, field).map((p) => ({
    lang: declared,
    field,
    kind: 'wrong_language' as const,
    code: 'paragraph',
    params: { declared, detected: p.detected },
    span: [p.start, p.end] as [number, number],
  }));
}
