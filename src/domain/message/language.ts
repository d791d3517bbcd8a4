/**
 * Language detection for short, messy buyer messages in the five sellerdesk languages.
 *
 * franc's trigram scores are only one signal: on two-word texts it is close to random, so they
 * are combined with script, diacritics, per-language lexicons (function words, support vocabulary,
 * spelling without accents, Russian in Latin transliteration) and weak metadata priors.
 */
import { INTENT_MODEL_DATA } from '../intent-model.data.js';
import { sharedIntentModel } from '../intent-model.js';
import { fold, NON_ASCII_RE } from '../normalize.js';
import type { Language } from '../types.js';
import { softmax } from './calibration.js';
import { francScores } from './language-franc.js';
import { type LanguageHints, priorScores } from './language-priors.js';
import { LANGS, type Scores, zeroScores } from './language-scores.js';
import { LEXICON, NEUTRAL_WORDS, RU_CYRILLIC_WORDS, STEMS } from './language-words.data.js';

export type { LanguageHints } from './language-priors.js';

/** Result of `detectLanguage`; `unknown` means the caller must fall back and route to a human. */
export interface LanguageDetection {
  language: Language | 'unknown';
  confidence: number;
  evidence: string[];
}

/** Only the start of very long messages is scored: the language is clear long before that. */
const MAX_TEXT_LENGTH = 4000;

/** Below this confidence the detector answers `unknown` instead of guessing. */
export const LANGUAGE_CONFIDENCE_FLOOR = 0.5;

// ---------------------------------------------------------------------------------------------
// Lexicons (`language-words.data.ts`). Words are folded at load time; `stem*` matches by prefix.
// A word listed for several languages is automatically down-weighted for all of them.

const TIER_WEIGHTS = { very: 3, strong: 2.2, medium: 1.4 } as const;
type Tier = keyof typeof TIER_WEIGHTS;

/** Cyrillic words that make the Russian evidence readable; every Cyrillic token already counts. */
const RU_CYRILLIC = new Set(
  RU_CYRILLIC_WORDS.split(/\s+/)
    .filter((w) => w.length > 0)
    .map(fold),
);

function buildLexicon(): { words: Map<string, Partial<Scores>>; stems: Array<[string, Language, number]> } {
  const raw = new Map<string, Array<[Language, number]>>();
  for (const lang of LANGS) {
    const tiers = LEXICON[lang];
    for (const tier of Object.keys(TIER_WEIGHTS) as Tier[]) {
      const list = tiers[tier];
      if (list === undefined) continue;
      for (const word of list.split(/\s+/)) {
        if (word.length === 0) continue;
        const key = fold(word);
        const existing = raw.get(key) ?? [];
        if (!existing.some(([l]) => l === lang)) existing.push([lang, TIER_WEIGHTS[tier]]);
        raw.set(key, existing);
      }
    }
  }
  const words = new Map<string, Partial<Scores>>();
  for (const [word, entries] of raw) {
    const shared = entries.length > 1 ? 0.4 : 1;
    const weights: Partial<Scores> = {};
    for (const [lang, weight] of entries) weights[lang] = weight * shared;
    words.set(word, weights);
  }
  const stems: Array<[string, Language, number]> = [];
  for (const lang of LANGS) {
    for (const stem of STEMS[lang].split(/\s+/)) {
      if (stem.length > 0) stems.push([fold(stem.replace(/\*$/, '')), lang, TIER_WEIGHTS.strong]);
    }
  }
  stems.sort((a, b) => b[0].length - a[0].length);
  return { words, stems };
}

const { words: WORDS, stems: STEM_LIST } = buildLexicon();

/** Stems are looked up by their first letters instead of scanning all of them for every word. */
const STEM_HEAD = 3;
const STEMS_BY_HEAD = (() => {
  const index = new Map<string, Array<[string, Language, number]>>();
  for (const entry of STEM_LIST) {
    if (entry[0].length < STEM_HEAD) throw new Error(`language stem too short: ${entry[0]}`);
    const head = entry[0].slice(0, STEM_HEAD);
    index.set(head, [...(index.get(head) ?? []), entry]);
  }
  return index;
})();

// ---------------------------------------------------------------------------------------------
// Characters and orthography

const CHAR_CUES: ReadonlyArray<[RegExp, Partial<Scores>]> = [
  [/ñ/g, { es: 2.5 }],
  [/[¿¡]/g, { es: 2.5 }],
  [/[ãõ]/g, { pt: 2.5 }],
  [/ç/g, { fr: 1, pt: 1 }],
  [/[èùœîïûëÿ]/g, { fr: 2 }],
  [/ê/g, { fr: 1, pt: 1 }],
  [/[âô]/g, { fr: 0.8, pt: 0.8 }],
  [/à/g, { fr: 1.2, pt: 0.6 }],
  [/[áíóú]/g, { es: 1, pt: 1 }],
  [/é/g, { es: 0.4, fr: 0.6, pt: 0.4 }],
];

/** One-letter words worth scoring: Spanish "y", Portuguese "e"/"o", English "i"/"u". */
const SINGLE_LETTER_WORDS = new Set(['y', 'e', 'o', 'i', 'u']);

const FRENCH_ELISION_RE = /(?<![\p{L}])(?:j|n|l|d|c|qu|s|m|t)['’](?=\p{L})/giu;
const ENGLISH_CONTRACTION_RE = /(\p{L})['’](t|m|s|re|ve|ll|d)(?!\p{L})/giu;

/** Removes what carries no language: URLs, emails, ids, digits, emoji, redaction tokens. */
function cleanText(text: string): string {
  let out = text;
  if (/[/@]/.test(out))
    out = out
      .replace(/\b(?:https?:\/\/|www\.)\S+/giu, ' ')
      .replace(/(?<![^\s@])[^\s@]+@[^\s@.]+\.\S+/gu, ' ');
  if (out.includes('[')) out = out.replace(/\[(?:email|phone|card|id_number|iban|address)\]/gu, ' ');
  const ascii = !NON_ASCII_RE.test(out);
  if (ascii ? /\d/.test(out) : /\p{N}/u.test(out)) {
    out = out.replace(/\S+/gu, (word) => (/\p{N}/u.test(word) ? ' ' : word));
  }
  if (!ascii) {
    out = out.replace(
      /\p{Extended_Pictographic}|\p{Emoji_Modifier}|\p{Regional_Indicator}|\u200d|\ufe0f/gu,
      ' ',
    );
  }
  return out.replace(/\s+/gu, ' ').trim();
}

/** Latin letters in lowercase text (a plain loop for ASCII text, the common case). */
function countLatinLetters(text: string, ascii: boolean): number {
  if (!ascii) return (text.match(/\p{Script=Latin}/gu) ?? []).length;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 97 && code <= 122) n++;
  }
  return n;
}

// ---------------------------------------------------------------------------------------------
// Confidence (the metadata priors are in `language-priors.ts`)

/** How sharply score differences turn into a probability for the winning language. */
const SOFTMAX_SHARPNESS = 1.5;

/** Share of the metadata prior that counts as evidence once the text itself says something. */
const PRIOR_MASS = 1.0;

// ---------------------------------------------------------------------------------------------
// Detection

/** Brand names, units and internet words that every buyer writes the same way. */
const NEUTRAL = new Set(NEUTRAL_WORDS.split(/\s+/).filter((w) => w.length > 0));

function lexiconScores(tokens: readonly string[], scores: Scores, hits: Record<Language, number>): void {
  for (const token of tokens) {
    if (NEUTRAL.has(token)) continue;
    const weights = WORDS.get(token);
    if (weights !== undefined) {
      for (const lang of LANGS) {
        const w = weights[lang];
        if (w !== undefined) {
          scores[lang] += w;
          hits[lang] += 1;
        }
      }
      continue;
    }
    if (token.length < 4) continue;
    const matched = new Map<Language, number>();
    for (const [stem, lang, weight] of STEMS_BY_HEAD.get(token.slice(0, STEM_HEAD)) ?? []) {
      if (token.startsWith(stem) && !matched.has(lang)) matched.set(lang, weight);
    }
    const shared = matched.size > 1 ? 0.4 : 1;
    for (const [lang, weight] of matched) {
      scores[lang] += weight * shared;
      hits[lang] += 1;
    }
  }
}

/** Weight of the trained character n-gram language model's vote (see `intent-model.ts`). */
const MODEL_WEIGHT = 4.5;
/** Weight of the model's vote in the confidence (lower: the ranking may trust it more than the score). */
const MODEL_MASS_WEIGHT = 3;
/** Number of words (plus one) from which the model's vote counts fully in the ranking. */
const MODEL_RANK_FULL_WORDS = 4;
/** Number of words from which the model's vote counts fully towards the confidence. */
const MODEL_FULL_WORDS = 5;
/** The model only votes with the probability it puts above this (a near-uniform guess adds nothing). */
const MODEL_FLOOR = 0.35;

/**
 * The language model's vote, only when the text has a word that is not a brand name, unit or
 * internet word (the model would otherwise guess a language from "iPhone 13 Pro Max").
 */
function modelScores(text: string, tokens: readonly string[], evidence: string[]): Scores {
  const scores = zeroScores();
  if (!tokens.some((t) => !NEUTRAL.has(t) && /\p{L}/u.test(t))) return scores;
  const model = sharedIntentModel(INTENT_MODEL_DATA);
  // The message as given (not a cleaned copy): the intent classifier then reuses its features.
  const p = softmax(model.languageLogits(text), INTENT_MODEL_DATA.calibration.languageTemperature);
  let best = 0;
  model.languageLabels.forEach((label, i) => {
    const lang = label as Language;
    // Squared: a sure model counts fully, a lukewarm one (es/pt share many words) barely.
    const share = Math.max(0, ((p[i] ?? 0) - MODEL_FLOOR) / (1 - MODEL_FLOOR)) ** 2;
    if (LANGS.includes(lang)) scores[lang] += MODEL_WEIGHT * share;
    if ((p[i] ?? 0) > (p[best] ?? 0)) best = i;
  });
  evidence.push(`model:${model.languageLabels[best]} ${(p[best] ?? 0).toFixed(2)}`);
  return scores;
}

/** Share of the model's full vote from which it counts as a source that names a language. */
const MODEL_LEAD_SHARE = 0.4;
/** Evidence added per text source beyond one that confirms the metadata's language (see `agreement`). */
const AGREEMENT_MASS = 1.2;

/** The language a source's scores put first, when they put one first at all (at least `min`). */
function leader(scores: Scores, min: number): Language | undefined {
  let best: Language | undefined;
  let tie = false;
  for (const lang of LANGS) {
    const s = scores[lang];
    if (s <= min || s <= 0) continue;
    if (best === undefined || s > scores[best]) {
      best = lang;
      tie = false;
    } else if (s === scores[best]) tie = true;
  }
  return tie ? undefined : best;
}

/**
 * When the metadata names `top`: how many text sources (lexicon and character cues, the trained
 * model, franc) beyond one name it too, or 0 when any names another language. On a one- or
 * two-word text each is weak alone, but metadata that two text sources confirm, with none against,
 * is strong together; without metadata a short text keeps its low confidence.
 */
function agreement(
  top: Language,
  fromMetadata: Language | undefined,
  fromText: ReadonlyArray<Language | undefined>,
): number {
  if (fromMetadata !== top) return 0;
  const named = fromText.filter((l): l is Language => l !== undefined);
  if (named.some((l) => l !== top)) return 0;
  return Math.max(0, named.length - 1);
}

/** Detects the buyer's language from text plus metadata so replies are drafted in the right one. */
export function detectLanguage(text: string, hints?: LanguageHints): LanguageDetection {
  const evidence: string[] = [];
  const cleaned = cleanText(text.slice(0, MAX_TEXT_LENGTH));
  const lower = cleaned.toLowerCase();

  const textScores = zeroScores();

  // Script: among the five languages only Russian is written in Cyrillic.
  const ascii = !NON_ASCII_RE.test(lower);
  const cyrillicTokens = ascii ? [] : (lower.match(/[\p{Script=Cyrillic}]+/gu) ?? []);
  if (cyrillicTokens.length > 0) {
    let known = 0;
    for (const token of cyrillicTokens) {
      textScores.ru += 2.7;
      if (RU_CYRILLIC.has(fold(token))) {
        textScores.ru += 0.6;
        known += 1;
      }
    }
    evidence.push(`script:cyrillic(${cyrillicTokens.length})`);
    if (known > 0) evidence.push(`lexicon:ru(${known})`);
  }

  const latin = cyrillicTokens.length > 0 ? lower.replace(/[\p{Script=Cyrillic}]+/gu, ' ') : lower;
  const latinLetters = countLatinLetters(latin, ascii);

  // Orthography: elided articles are French, n't-contractions English.
  const apostrophes = /['’]/.test(latin);
  const elisions = apostrophes ? Math.min(4, (latin.match(FRENCH_ELISION_RE) ?? []).length) : 0;
  if (elisions > 0) {
    textScores.fr += 1.2 * elisions;
    evidence.push(`elision:fr(${elisions})`);
  }
  const contractions = apostrophes ? Math.min(3, (latin.match(ENGLISH_CONTRACTION_RE) ?? []).length) : 0;
  if (contractions > 0) {
    textScores.en += 1.2 * contractions;
    evidence.push(`contraction:en(${contractions})`);
  }

  const accented = NON_ASCII_RE.test(latin);
  for (const [re, weights] of accented ? CHAR_CUES : []) {
    const count = Math.min(3, (latin.match(re) ?? []).length);
    if (count === 0) continue;
    for (const lang of LANGS) {
      const w = weights[lang];
      if (w !== undefined) textScores[lang] += w * count;
    }
    const strongest = LANGS.filter((l) => (weights[l] ?? 0) >= 1);
    const seen = [...new Set(latin.match(re) ?? [])].join('');
    if (strongest.length === 1) evidence.push(`chars:${strongest[0]}(${seen})`);
  }

  const tokens = fold(
    apostrophes
      ? latin.replace(ENGLISH_CONTRACTION_RE, '$1$2').replace(FRENCH_ELISION_RE, (m) => `${m.slice(0, -1)} `)
      : latin,
  )
    .split(/[^\p{L}]+/u)
    .filter((t) => t.length > 1 || SINGLE_LETTER_WORDS.has(t));
  const latinHits: Record<Language, number> = zeroScores();
  lexiconScores(tokens, textScores, latinHits);
  const lexiconEvidence = LANGS.filter((l) => latinHits[l] > 0)
    .sort((a, b) => latinHits[b] - latinHits[a])
    .slice(0, 3)
    .map((l) => `lexicon:${l}(${latinHits[l]})`);
  evidence.push(...lexiconEvidence);

  const franc = francScores(latin, latinLetters, ascii, evidence);
  // Cyrillic script already decides among the five languages: the model only helps Latin text.
  const model =
    latinLetters > 0 ? modelScores(text, latin.split(/[^\p{L}\p{N}'’]+/u), evidence) : zeroScores();
  const prior = priorScores(hints, evidence);

  const total = zeroScores();
  // On one or two words the model is overconfident (es/pt share most short words): damp its vote.
  const words = tokens.length + cyrillicTokens.length;
  const modelRank = Math.min(1, (words + 1) / MODEL_RANK_FULL_WORDS);
  for (const lang of LANGS)
    total[lang] = textScores[lang] + modelRank * model[lang] + franc[lang] + prior[lang];
  const top = LANGS.reduce((best, lang) => (total[lang] > total[best] ? lang : best));

  const maxTotal = total[top];
  let partition = 0;
  for (const lang of LANGS) partition += Math.exp(SOFTMAX_SHARPNESS * (total[lang] - maxTotal));
  const pTop = 1 / partition;

  // A one-word text is weak evidence however sure the model is: its vote counts fully in the ranking
  // but only grows into confidence with the number of words.
  const modelMass = model[top] * (MODEL_MASS_WEIGHT / MODEL_WEIGHT) * Math.min(1, words / MODEL_FULL_WORDS);
  const textMass = LANGS.reduce((sum, l) => sum + textScores[l] + model[l], 0);
  const agreeing = agreement(top, leader(prior, 0), [
    leader(textScores, 0),
    leader(model, MODEL_WEIGHT * MODEL_LEAD_SHARE),
    leader(franc, 0),
  ]);
  if (agreeing > 0) evidence.push(`agree:metadata+${agreeing + 1} text sources`);
  const mass =
    textScores[top] +
    modelMass +
    0.5 * franc[top] +
    (textMass > 0 ? PRIOR_MASS * prior[top] : 0) +
    AGREEMENT_MASS * agreeing;
  const strength = 1 - Math.exp(-mass / 3.2);
  const confidence = Math.round(Math.min(1, Math.max(0, pTop * strength)) * 1000) / 1000;

  if (textMass === 0 && latinLetters === 0 && cyrillicTokens.length === 0) evidence.push('text:no letters');
  return {
    language: confidence >= LANGUAGE_CONFIDENCE_FLOOR ? top : 'unknown',
    confidence,
    evidence,
  };
}
