/**
 * How sure the spelling check is that an unknown word is a slip: a likely correction one edit
 * away raises it; a loanword, a word of another language's list, a cognate of the listing's other
 * versions, a compound of known words or a term the seller writes twice lowers it.
 */
import type { Language } from '../types.js';
import {
  accentRequiredByEnding,
  type Correction,
  closeCorrection,
  cognateKey,
  doubledLetterSlip,
  prefixedCorrection,
  requiredAccentForm,
  similarity,
} from './spelling-correction.js';
import {
  belongsToFamily,
  isCompound,
  isDenominalVerb,
  isDeverbalNoun,
  isFormOfKnownVerb,
  isLoanNounForm,
  isPrefixedWord,
  knows,
  knowsWord,
  listedSiblingOutweighs,
  listVerdict,
} from './spelling-lexicon.js';
import { tokenize } from './text.js';
import type { SpellChecker } from './types.js';
import { RUSSIAN_ENDINGS } from './words/affixes.js';

/** Words of the listing's other language versions, for loanword and cognate evidence. */
export interface SpellingContext {
  /** Lower-cased words of each other version. */
  otherWords: ReadonlyMap<Language, ReadonlySet<string>>;
  /** The English dictionary: an English word in a es/fr/pt/ru text is a loanword, not a typo. */
  english?: SpellChecker;
  /** Every language's checker: a frequent word of another language is a loanword or cognate. */
  others?: Partial<Record<Language, SpellChecker>>;
  /** The whole version (title and description): a term the seller uses twice is deliberate. */
  versionText?: string;
}

/** A judged unknown word. */
export interface Judgement {
  confidence: number;
  correction?: Correction;
}

/** What `judge` reads besides the word. */
export interface Evidence {
  context?: SpellingContext | undefined;
  minConfidence: number;
  repeated: (lower: string) => boolean;
  /** A part of a hyphenated compound ("rubber-tyred"): coined more freely than a word alone. */
  part?: boolean;
}

/** A word this frequent in another language's list is a loanword or cognate there (1 in 10^6.5). */
const OTHER_LANGUAGE_CB = 650;

/** Base confidence of an unknown word with a correction one slip away: longer words, fewer chance neighbours. */
function baseConfidence(letters: number, correction: Correction): number {
  const byLength =
    letters <= 3
      ? 0.3
      : letters === 4
        ? 0.5
        : letters === 5
          ? 0.6
          : letters === 6
            ? 0.7
            : letters <= 8
              ? 0.8
              : 0.9;
  return correction.accentOnly ? Math.min(0.97, byLength + 0.15) : byLength;
}

/**
 * The noisy channel's prior: a slip of a common word is likely, of a rare one less so. Without a
 * frequency list (tests) every correction counts fully.
 */
function correctionWeight(speller: SpellChecker, correction: Correction): number {
  if (!speller.centibels) return 1;
  const cB = correction.centibels;
  if (cB === undefined) return 0.55;
  // Rare corrections keep a fair weight: listings use trade words far more often than the general
  // corpus does ("transpirable" is 769 cB there), and sellers mistype them as often as any word.
  return cB <= 600 ? 1 : cB <= 680 ? 0.9 : cB <= 740 ? 0.8 : 0.65;
}

/** How much rarer (centibels) a listed word must be than its very common correction to be read as its slip. */
const FAR_RARER_CB = 300;
/** A correction at least this common (one word in 100,000) for that. */
const VERY_COMMON_CB = 500;

/**
 * A listed word of five letters or more, a thousand times rarer than its correction, a word of the
 * commonest hundred thousand ("dulse" for "dulce", "долше" for "дольше"): the list has it as the
 * same slip others made. (Four-letter words are too often loans and trade words: "pods", "slub".)
 */
function farRarerThanCorrection(speller: SpellChecker, lower: string, correction: Correction): boolean {
  const cB = speller.centibels?.(lower);
  const to = correction.centibels;
  return (
    [...lower].length >= 5 &&
    cB !== undefined &&
    to !== undefined &&
    to <= VERY_COMMON_CB &&
    cB - to >= FAR_RARER_CB
  );
}

/** A correction at least one word in 3 million (650 cB): a slip of a common word, whatever its shape. */
export function slipOfCommonWord(correction: Correction): boolean {
  return (correction.centibels ?? 1000) <= 650;
}

/** Russian: the stem without its case ending; Romance: without the plural. */
function derivationStem(lower: string, lang: Language): string {
  const endings = lang === 'ru' ? RUSSIAN_ENDINGS : ['es', 's'];
  for (const ending of endings) {
    if (lower.endsWith(ending) && [...lower].length - ending.length >= 4)
      return lower.slice(0, -ending.length);
  }
  return lower;
}

/**
 * A frequent word of another language: a loanword or a cognate, not a slip, unless its correction
 * here is far more frequent still ("aspeto", Portuguese, is a slip of Spanish "aspecto").
 */
function inOtherLanguage(
  lower: string,
  lang: Language,
  context: SpellingContext | undefined,
  correction: Correction,
): boolean {
  for (const [other, speller] of Object.entries(context?.others ?? {}) as Array<[Language, SpellChecker]>) {
    if (other === lang) continue;
    const cB = speller.centibels?.(lower) ?? 1000;
    if (cB <= OTHER_LANGUAGE_CB && cB <= (correction.centibels ?? 1000) + 100) return true;
  }
  return false;
}

/**
 * A cognate or the same term in another version of the listing, closer to the word than its
 * correction: a product term, not a slip. Returns the confidence factor (1 when none).
 */
function cognateFactor(
  lower: string,
  lang: Language,
  correction: Correction,
  context: SpellingContext | undefined,
  suspect: boolean,
): number {
  const key = cognateKey(lower);
  const toCorrection = similarity(key, cognateKey(correction.word));
  const doubledSlip = slipOfCommonWord(correction) && doubledLetterSlip(lower, correction.word);
  const stem = derivationStem(lower, lang);
  // Russian: only an adjective built on the stem (-овый, -евый) counts, not a bare case ending.
  const stemmed = lang === 'ru' ? /^[ое]в/u.test(lower.slice(stem.length)) : stem !== lower;
  const stemKey = cognateKey(stem);
  // The same word in another version is a product term; a word far rarer than its correction must
  // be in two other versions for that ("comfortable" copied from the English version is a slip).
  const versions = [...(context?.otherWords ?? [])].filter(([l, words]) => l !== lang && words.has(lower));
  if (!correction.accentOnly && versions.length >= (suspect ? 2 : 1)) return 0.3;
  for (const [other, words] of context?.otherWords ?? []) {
    if (other === lang) continue;
    for (const w of words) {
      if (w === lower || w[0] === undefined) continue;
      const otherKey = cognateKey(w);
      // The same stem with this language's endings ("кемпинговый" / "camping", "glute" / "glúteos").
      if (
        !correction.accentOnly &&
        stemKey.length >= 5 &&
        otherKey.length >= stemKey.length + (lang === 'ru' ? 0 : 2)
      ) {
        const head = otherKey.slice(0, stemKey.length);
        const related =
          lang === 'ru' ? stemmed && similarity(stemKey, head) >= 0.85 : head === stemKey && !stemmed;
        if (
          related &&
          similarity(stemKey, head) > similarity(cognateKey(correction.word).slice(0, head.length), head)
        )
          return 0.4;
      }
      // A Russian transliteration of a word of a Latin-script version ("диммер" / "dimmer"): a loan,
      // unless the correction reads as that word better ("фестевалей" / "festivales"); a tie
      // ("димер" reads as "dimmer" as well) goes to the word, unless the word lacks a doubled letter
      // of a common one (the keys drop doubled letters: "компресоров" is "компрессоров", whatever
      // the Spanish "compresores" says).
      if (lang === 'ru' && other !== 'ru' && otherKey[0] === key[0]) {
        const toLoan = similarity(key, otherKey);
        if (toLoan >= 0.8) {
          const toCorrected = similarity(cognateKey(correction.word), otherKey);
          if (doubledSlip ? toLoan > toCorrected : toLoan >= toCorrected) return 0.4;
        }
      }
      // The same with a Russian case ending on the loan ("вуфера" / "woofer", "твитера" / "tweeters"):
      // the stem reads as the other version's word (without its plural) better than the correction.
      if (
        lang === 'ru' &&
        other !== 'ru' &&
        stem !== lower &&
        stemKey.length >= 4 &&
        otherKey[0] === key[0]
      ) {
        const bare = otherKey.replace(/e?s$/u, '');
        const toStem = similarity(stemKey, bare);
        const correctionStem = cognateKey(derivationStem(correction.word, lang));
        if (toStem >= 0.8 && toStem > similarity(correctionStem, bare)) return 0.4;
      }
      if (otherKey[0] !== key[0] || Math.abs(otherKey.length - key.length) > 3) continue;
      const toOther = similarity(key, otherKey);
      if (toOther > toCorrection && toOther >= 0.75) return 0.3;
      // A tie with the correction goes to the word when it is the English version's word (where
      // trade terms come from) plus an ending ("monopode" / "monopod", not "monopole"); a cut word
      // ("indiret" / "indirect") or a Spanish cognate ("facilment" / "fácilmente") is still a slip.
      if (
        other === 'en' &&
        otherKey.length >= 5 &&
        key.startsWith(otherKey) &&
        toOther === toCorrection &&
        toOther >= 0.8 &&
        toOther > similarity(cognateKey(correction.word), otherKey)
      )
        return 0.3;
    }
  }
  return 1;
}

/**
 * How sure we are that an unknown word is a misspelling: it needs a dictionary word one slip away,
 * and loses confidence when it is a loanword, a cognate, a compound or a term used twice.
 */
export function judge(word: string, lang: Language, speller: SpellChecker, evidence: Evidence): Judgement {
  // Russian writes ё or е at will and the lists mostly е: the е spelling's evidence counts too
  // ("ёршиком"), the less certain of the two judgements wins.
  if (lang === 'ru' && /ё/iu.test(word)) {
    const asWritten = judgeWord(word, lang, speller, evidence);
    const withE = judgeWord(word.replace(/ё/gu, 'е').replace(/Ё/gu, 'Е'), lang, speller, evidence);
    return withE.confidence < asWritten.confidence ? withE : asWritten;
  }
  return judgeWord(word, lang, speller, evidence);
}

function requiredAccentKnown(speller: SpellChecker, lower: string, lang: Language): boolean {
  const ended = requiredAccentForm(lower, lang);
  return (
    ended !== undefined &&
    ended !== lower &&
    (speller.correct(ended) || speller.centibels?.(ended) !== undefined)
  );
}

function judgeWord(word: string, lang: Language, speller: SpellChecker, evidence: Evidence): Judgement {
  const lower = word.toLowerCase();
  let penalty = 1;
  // A term used twice is deliberate, but not an ending whose accent the language requires written
  // bare ("inoculacion" in title and description is the same slip twice).
  if (evidence.repeated(lower) && !requiredAccentKnown(speller, lower, lang)) penalty *= 0.35;
  if (penalty * 0.97 < evidence.minConfidence) return { confidence: penalty * 0.97 };
  const correction = closeCorrection(speller, lower, lang) ?? prefixedCorrection(speller, lower, lang);
  if (!correction) return { confidence: 0.2 * penalty };
  const context = evidence.context;
  // A listed word that reads as a slip of a far more frequent one is less certain than an unlisted
  // one, but being English or another version's word is then no excuse ("comfortable" in French).
  // Not when the correction is an English word as well ("offset" / "onset" in Portuguese): the
  // seller chose between two loans, and English knows both.
  const englishPair =
    lang !== 'en' && !!context?.english?.correct(lower) && context.english.correct(correction.word);
  const suspect = listVerdict(speller, lower, lang, context?.others) === 'suspect' && !englishPair;
  if (!correction.accentOnly && !suspect) {
    const english = context?.english;
    if (lang !== 'en' && english && (english.correct(lower) || english.correct(word))) {
      // An English word in a es/fr/pt/ru text is a loanword ("bypass", "timer").
      penalty *= lower.length < 9 ? 0.4 : 0.75;
      if (context?.otherWords.get('en')?.has(lower)) penalty *= 0.8;
    } else if (inOtherLanguage(lower, lang, context, correction)) {
      penalty *= 0.4;
    }
    // Two frequent words run together are a coined term, unless the word is a slip of a common one.
    if (
      !slipOfCommonWord(correction) &&
      !doubledLetterSlip(lower, correction.word) &&
      isCompound(speller, lower, lang)
    )
      penalty *= 0.45;
    // Another form of a lexeme the list has in other forms (technical verbs, loan adjectives).
    // (Not for a doubled or dropped letter of a common word: a slip repeated in the web text has a family of the
    // same slip in the lists.)
    const doubledSlip = slipOfCommonWord(correction) && doubledLetterSlip(lower, correction.word);
    if (!doubledSlip && belongsToFamily(speller, lower, lang, correction.word)) penalty *= 0.45;
    // A verbal prefix on a known word (про + шлифуйте), unless a slip of a common word.
    else if (!slipOfCommonWord(correction) && isPrefixedWord(speller, lower, lang)) penalty *= 0.45;
  } else if (
    correction.accentOnly &&
    lang !== 'en' &&
    context?.otherWords.get('en')?.has(lower) &&
    context.english?.correct(lower) &&
    // ...unless the language requires that accent by the ending: "corrosion" in Spanish is "corrosión".
    !accentRequiredByEnding(lower, correction.word, lang)
  ) {
    // Only an accent separates it from a word of the language, but the English version uses it as is.
    penalty *= 0.4;
  } else if (correction.accentOnly && lang === 'en' && /[\u00c0-\u017f]/u.test(word)) {
    // English writes accents only on purpose, in French loans ("frappé", "née"): typing one is no slip.
    penalty *= 0.45;
  }
  // A Spanish or Portuguese verb in -ar made from a noun the dictionary or the list has ("noun" +
  // "ar", its final vowel dropped): denominal verbs of trade nouns are coined freely.
  if (!correction.accentOnly && isDenominalVerb(speller, lower, lang)) penalty *= 0.45;
  // A noun in -ка of a verb the dictionary or the list has (подмотка, проставки): a word even when
  // the list has it and a frequent neighbour too (проставки / поставки).
  if (!correction.accentOnly && isDeverbalNoun(speller, lower, lang)) penalty *= 0.45;
  // A case form of a loan noun listed bare ("-ов", "-ы"), a form of a dictionary verb it does not conjugate.
  else if (isLoanNounForm(speller, lower, lang, correction.word)) penalty *= 0.45;
  else if (isFormOfKnownVerb(speller, lower, lang, correction.word)) penalty *= 0.45;
  // Another form of the word listed more often than the correction (griffoirs / griffoir).
  else if (!correction.accentOnly && listedSiblingOutweighs(speller, lower, lang, correction.centibels))
    penalty *= 0.45;
  const confidence =
    baseConfidence([...lower].length, correction) *
    correctionWeight(speller, correction) *
    penalty *
    (suspect && (evidence.part || !farRarerThanCorrection(speller, lower, correction)) ? 0.8 : 1) *
    cognateFactor(lower, lang, correction, context, suspect);
  return { confidence, correction };
}

/** Length of the common prefix of two strings. */
function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

const candidates = new Map<string, boolean>();

/** Whether a word is a spelling candidate at all (not a number, code, acronym or brand-like name). */
export function isCandidate(word: string, lang: Language): boolean {
  const key = `${lang === 'ru' ? 'r' : 'l'}${word}`;
  let verdict = candidates.get(key);
  if (verdict === undefined) {
    verdict = candidateUncached(word, lang);
    if (candidates.size > 50_000) candidates.clear();
    candidates.set(key, verdict);
  }
  return verdict;
}

/**
 * Longest word the spelling check judges: the longest words of the five languages have about 25
 * letters ("anticonstitutionnellement", "высокопревосходительство"), a hyphenated compound a few
 * more. A longer run of letters is debris or an attack: looking for its corrections costs the
 * square of its length (a 4,000-letter "word" took 25 s).
 */
const MAX_CANDIDATE_LENGTH = 48;

function candidateUncached(word: string, lang: Language): boolean {
  if (word.length < 2 || word.length > MAX_CANDIDATE_LENGTH) return false;
  if (/\p{N}/u.test(word)) return false;
  if (/^\p{Lu}{2,6}$/u.test(word)) return false; // acronyms: USB, LED, EVA
  if (/\p{Ll}\p{Lu}/u.test(word)) return false; // camel case: iPhone, PowerBank
  const cyrillic = /\p{Script=Cyrillic}/u.test(word);
  // Latin-script words in Russian text are brands, models and loanwords; Cyrillic in a Latin-script
  // language is another check's business (wrong language, untranslated text).
  if (lang === 'ru' ? !cyrillic : cyrillic) return false;
  // і, ї, є and ґ are Ukrainian letters: such a word is Ukrainian ("задній"), not a slip of a Russian
  // one; the language check reports Ukrainian text.
  if (lang === 'ru' && /[іїєґІЇЄҐ]/u.test(word)) return false;
  return true;
}

/** A token without quotes and outer hyphens, typographic apostrophes made straight. */
export function bareWord(token: string): string {
  return token.replace(/’/g, "'").replace(/^['-]+|(?<!['-])['-]+$/g, '');
}

let lastRepetition:
  | {
      text: string;
      lang: Language;
      speller: SpellChecker;
      isAllowed: (word: string) => boolean;
      repeated: (lower: string) => boolean;
    }
  | undefined;

/** Most word parts one repetition lookup compares. */
const REPETITION_SCAN = 256;

/** Unknown words of the whole version, to tell deliberate terms (used twice) from slips; the title
 * and the description of a version share one scan. */
export function repetitionOf(
  text: string,
  lang: Language,
  speller: SpellChecker,
  isAllowed: (word: string) => boolean,
  others?: Partial<Record<Language, SpellChecker>>,
): (lower: string) => boolean {
  const last = lastRepetition;
  if (last?.text === text && last.lang === lang && last.speller === speller && last.isAllowed === isAllowed)
    return last.repeated;
  // Unknown word parts by their first four letters: a part can only match one sharing them.
  const byPrefix = new Map<string, string[]>();
  for (const token of tokenize(text)) {
    const word = bareWord(token.text);
    if (!isCandidate(word, lang) || isAllowed(word) || knows(speller, word)) continue;
    // Words only the frequency list knows still count as uses ("tetina" beside "tetinas").
    if (speller.centibels?.(word.toLowerCase()) === undefined && knowsWord(speller, word, lang, others))
      continue;
    for (const part of word.toLowerCase().split('-')) {
      if (part.length < 4) continue;
      const key = part.slice(0, 4);
      const bucket = byPrefix.get(key);
      if (bucket) bucket.push(part);
      else byPrefix.set(key, [part]);
    }
  }
  // Linear in the text: each word's verdict is computed once, and a lookup compares at most
  // REPETITION_SCAN parts (past that, a word counts as not repeated: a milder penalty, no more).
  const verdicts = new Map<string, boolean>();
  const repeated = (lower: string) => {
    const known = verdicts.get(lower);
    if (known !== undefined) return known;
    let uses = 0;
    let scanned = 0;
    for (const part of lower.split('-')) {
      if (part.length < 4) continue;
      for (const other of byPrefix.get(part.slice(0, 4)) ?? []) {
        if (++scanned > REPETITION_SCAN || uses >= 2) break;
        const need = Math.max(4, Math.min(part.length, other.length) - 3);
        if (commonPrefix(part, other) >= need) uses++;
      }
    }
    const verdict = uses >= 2;
    verdicts.set(lower, verdict);
    return verdict;
  };
  lastRepetition = { text, lang, speller, isAllowed, repeated };
  return repeated;
}
