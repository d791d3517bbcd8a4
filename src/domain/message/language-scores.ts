import type { Language } from '../types.js';

/** The five languages in the order the detector adds up their signals. */
export const LANGS: readonly Language[] = ['en', 'es', 'fr', 'ru', 'pt'];

/** One signal's score per language (script, words, franc, the model, metadata priors). */
export type Scores = Record<Language, number>;

/** A score vector with nothing said yet. */
export function zeroScores(): Scores {
  return { en: 0, es: 0, fr: 0, ru: 0, pt: 0 };
}
