import { detectLanguage } from '../message/language.js';
import type { Language } from '../types.js';

/** What a seller's text is written in: a buyer language, Chinese, Japanese, Korean or another script. */
export const WRITTEN_LANGUAGES = ['en', 'es', 'fr', 'ru', 'pt', 'zh', 'ja', 'ko', 'other'] as const;
export type WrittenLanguage = (typeof WRITTEN_LANGUAGES)[number];

/** An edited reply that does not read as the buyer's language: what it reads as, and how sure. */
export interface ReplyLanguageMismatch {
  expected: Language;
  detected: WrittenLanguage;
  confidence: number;
}

/** A same-script reply detected as another buyer language at least this sure is held. */
export const REPLY_MISMATCH_CONFIDENCE = 0.8;

/** Share of the (weighted) letters in a script the buyer's language is not written in that holds a reply. */
const FOREIGN_SCRIPT_SHARE = 0.5;

/** One Han, kana or Hangul character carries about as much as three Latin or Cyrillic letters. */
const CJK_WEIGHT = 3;

const HAN = /\p{Script=Han}/u;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
const HANGUL = /\p{Script=Hangul}/u;
const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN = /\p{Script=Latin}/u;
const LETTER = /\p{L}/u;

interface ScriptCounts {
  han: number;
  kana: number;
  hangul: number;
  cyrillic: number;
  latin: number;
  other: number;
}

/** Letters per script, one pass over the text (linear). */
function countScripts(text: string): ScriptCounts {
  const counts: ScriptCounts = { han: 0, kana: 0, hangul: 0, cyrillic: 0, latin: 0, other: 0 };
  for (const char of text) {
    if (LATIN.test(char)) counts.latin++;
    else if (HAN.test(char)) counts.han++;
    else if (CYRILLIC.test(char)) counts.cyrillic++;
    else if (KANA.test(char)) counts.kana++;
    else if (HANGUL.test(char)) counts.hangul++;
    else if (LETTER.test(char)) counts.other++;
  }
  return counts;
}

/**
 * Whether an edited reply reads as another language than the buyer's (`expected`): mostly written in
 * a script that language does not use (Chinese typed for a Spanish buyer, Latin text for a Russian
 * one), or in the same script but detected as another buyer language with high confidence. Short
 * or undecidable texts pass: only a clear case holds a seller's reply. Pure, linear time.
 */
export function findReplyLanguageMismatch(
  text: string,
  expected: Language,
): ReplyLanguageMismatch | undefined {
  const counts = countScripts(text.slice(0, 4000));
  const cjk = counts.han + counts.kana + counts.hangul;
  const own = expected === 'ru' ? counts.cyrillic : counts.latin;
  const weightedTotal = counts.latin + counts.cyrillic + counts.other + CJK_WEIGHT * cjk;
  if (weightedTotal < 2) return undefined;
  const foreign = weightedTotal - own;
  if (foreign / weightedTotal >= FOREIGN_SCRIPT_SHARE) {
    const confidence = Math.round((foreign / weightedTotal) * 100) / 100;
    const cjkWeighted = CJK_WEIGHT * cjk;
    const largest = Math.max(cjkWeighted, counts.other, expected === 'ru' ? counts.latin : counts.cyrillic);
    if (largest === cjkWeighted) {
      const detected: WrittenLanguage =
        counts.kana > 0 && counts.kana * 4 >= counts.han ? 'ja' : counts.hangul > counts.han ? 'ko' : 'zh';
      return { expected, detected, confidence };
    }
    if (largest === counts.other) return { expected, detected: 'other', confidence };
    // Latin text for a Russian buyer, Cyrillic for the others: which language, if it is clear.
    const detection = detectLanguage(text);
    if (detection.language === expected) return undefined;
    if (expected === 'ru' && detection.language === 'unknown') return undefined;
    return {
      expected,
      detected: detection.language === 'unknown' ? 'other' : detection.language,
      confidence: detection.language === 'unknown' ? confidence : detection.confidence,
    };
  }
  const detection = detectLanguage(text);
  if (
    detection.language !== 'unknown' &&
    detection.language !== expected &&
    detection.confidence >= REPLY_MISMATCH_CONFIDENCE
  ) {
    return { expected, detected: detection.language, confidence: detection.confidence };
  }
  return undefined;
}
