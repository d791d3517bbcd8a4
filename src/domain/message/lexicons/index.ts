/**
 * The intent lexicons, one data file per language: add a cue to `<lng>.data.ts`, a language by
 * adding its file here. Training calibrates against these texts (see `LEXICON_FINGERPRINT`).
 */

import type { Language } from '../../types.js';
import { fnvHex } from '../intent-features.js';
import { EN, EN_WORDS } from './en.data.js';
import { ES, ES_WORDS } from './es.data.js';
import { FR, FR_WORDS } from './fr.data.js';
import { PT, PT_WORDS } from './pt.data.js';
import { RU, RU_WORDS } from './ru.data.js';
import type { Lexicon, LexiconWords } from './types.js';

export type { Lexicon, LexiconWords } from './types.js';

/** Cues shared by every language (tax acronyms, carriers, payment brands). */
export const COMMON: Lexicon = {
  customs_tax: '3 iof; 2 gst; 3 icms; 1.5 iva',
  payment: '1 paypal|visa|mastercard; 1 chargeback',
  shipping_inquiry: '0.5 dhl|fedex|ups|usps|ems|cainiao',
};

/** Each language's own intent cues. */
export const LEXICONS: Readonly<Record<Language, Lexicon>> = { en: EN, es: ES, fr: FR, pt: PT, ru: RU };

/** Each language's shared word lists. */
export const LEXICON_WORDS: Readonly<Record<Language, LexiconWords>> = {
  en: EN_WORDS,
  es: ES_WORDS,
  fr: FR_WORDS,
  pt: PT_WORDS,
  ru: RU_WORDS,
};

/** Fingerprint of the lexicons: training calibrates against them, so it is part of the model's inputs. */
export const LEXICON_FINGERPRINT = fnvHex(JSON.stringify([LEXICONS, COMMON]));
