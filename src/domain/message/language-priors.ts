/** Metadata priors of language detection: weak votes that tip a close call, never clear text. */
import type { Language } from '../types.js';
import { LANGS, type Scores, zeroScores } from './language-scores.js';

/** Metadata that can tip a close call; it never outweighs clear text evidence. */
export interface LanguageHints {
  locale?: string;
  country?: string;
  previous?: Language;
  shopDefault?: Language;
}

const LOCALE_WEIGHT = 1.5;
const PREVIOUS_WEIGHT = 1.3;
const SHOP_WEIGHT = 0.5;

const COUNTRY_PRIORS: Readonly<Record<string, [Language, number]>> = {
  ES: ['es', 0.9],
  MX: ['es', 0.9],
  AR: ['es', 0.9],
  CO: ['es', 0.9],
  CL: ['es', 0.9],
  PE: ['es', 0.9],
  VE: ['es', 0.9],
  EC: ['es', 0.9],
  UY: ['es', 0.9],
  PY: ['es', 0.9],
  BO: ['es', 0.9],
  CR: ['es', 0.9],
  PA: ['es', 0.9],
  DO: ['es', 0.9],
  GT: ['es', 0.9],
  HN: ['es', 0.9],
  SV: ['es', 0.9],
  NI: ['es', 0.9],
  CU: ['es', 0.9],
  PR: ['es', 0.6],
  BR: ['pt', 0.9],
  PT: ['pt', 0.9],
  AO: ['pt', 0.6],
  MZ: ['pt', 0.6],
  FR: ['fr', 0.9],
  BE: ['fr', 0.45],
  CA: ['fr', 0.3],
  CH: ['fr', 0.3],
  LU: ['fr', 0.45],
  MC: ['fr', 0.6],
  SN: ['fr', 0.45],
  CI: ['fr', 0.45],
  MA: ['fr', 0.3],
  DZ: ['fr', 0.3],
  TN: ['fr', 0.3],
  RU: ['ru', 0.9],
  BY: ['ru', 0.6],
  KZ: ['ru', 0.45],
  UA: ['ru', 0.3],
  KG: ['ru', 0.45],
  US: ['en', 0.9],
  GB: ['en', 0.9],
  UK: ['en', 0.9],
  AU: ['en', 0.9],
  NZ: ['en', 0.9],
  IE: ['en', 0.9],
};

function languageOfLocale(locale: string): Language | undefined {
  const code = locale.trim().toLowerCase().split(/[-_]/)[0];
  return LANGS.find((l) => l === code);
}

function regionOfLocale(locale: string): string | undefined {
  const region = locale.trim().split(/[-_]/)[1];
  return region !== undefined && /^[a-z]{2}$/i.test(region) ? region.toUpperCase() : undefined;
}

/** The metadata's vote per language (locale, country, the ticket's previous language, the shop default). */
export function priorScores(hints: LanguageHints | undefined, evidence: string[]): Scores {
  const prior = zeroScores();
  if (hints === undefined) return prior;
  let region: string | undefined;
  if (hints.locale !== undefined) {
    const lang = languageOfLocale(hints.locale);
    if (lang !== undefined) {
      prior[lang] += LOCALE_WEIGHT;
      evidence.push(`prior:locale ${lang}`);
    }
    region = regionOfLocale(hints.locale);
  }
  const country = hints.country?.trim().toUpperCase() ?? region;
  if (country !== undefined) {
    const entry = COUNTRY_PRIORS[country];
    if (entry !== undefined) {
      const [lang, weight] = entry;
      prior[lang] += weight;
      evidence.push(`prior:country ${country}->${lang}`);
    }
  }
  if (hints.previous !== undefined && LANGS.includes(hints.previous)) {
    prior[hints.previous] += PREVIOUS_WEIGHT;
    evidence.push(`prior:previous ${hints.previous}`);
  }
  if (hints.shopDefault !== undefined && LANGS.includes(hints.shopDefault)) {
    prior[hints.shopDefault] += SHOP_WEIGHT;
    evidence.push(`prior:shop ${hints.shopDefault}`);
  }
  return prior;
}
