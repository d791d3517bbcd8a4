import { CYRILLIC_TO_LATIN as BASE_TRANSLITERATION } from '../transliterate.js';
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
    'вело',
    'фото',
    'аудио',
    'видео',
    'эко',
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
      // Spanish and Portuguese double the r after a vowel-final prefix: auto + r... -> autorr...
      if ((lang === 'es' || lang === 'pt') && rest.startsWith('rr') && knows(speller, rest.slice(1)))
        return true;
      if (lang === 'pt' && rest.startsWith('ss') && knows(speller, rest.slice(1))) return true;
    }
  }
  if (knowsInflection(speller, lower, lang)) return true;
  if (lang === 'es') {
    // "Límpiala" = "limpia" + "la": the written accent only exists because of the pronoun.
    const match = SPANISH_ENCLITIC_RE.exec(lower);
    if (match && /[áéíóú]/u.test(match[1]!) && knows(speller, stripAccents(match[1]!))) return true;
    // "desembalarla" = infinitive + pronoun: no accent needed.
    if (match && /(?:ar|er|ir)$/u.test(match[1]!) && knows(speller, match[1]!)) return true;
  }
  return false;
}

/** Diminutive endings (Spanish -ito/-illo, Portuguese -inho): "bolsita" is a small "bolsa". */
const DIMINUTIVES: Readonly<Partial<Record<Language, readonly string[]>>> = {
  es: ['ito', 'ita', 'itos', 'itas'],
  pt: ['inho', 'inha', 'inhos', 'inhas', 'zinho', 'zinha'],
};
const DIMINUTIVE_BASE_ENDINGS = ['o', 'a', 'e', ''];

/**
 * Regular derivations from a known word: adjectives in -able/-ible from verbs (apilar ->
 * apilable), agent nouns in -dor (enhebrar -> enhebrador), English -less/-ness.
 */
const DERIVATIONS: Readonly<Record<Language, ReadonlyArray<readonly [string, readonly string[]]>>> = {
  en: [
    ['less', ['']],
    ['ness', ['', 'e']],
  ],
  es: [
    ['able', ['ar']],
    ['ables', ['ar']],
    ['ible', ['ir', 'er']],
    ['ibles', ['ir', 'er']],
    ['ador', ['ar']],
    ['adora', ['ar']],
    ['adores', ['ar']],
    ['edor', ['er']],
    ['idor', ['ir']],
  ],
  fr: [
    ['able', ['er']],
    ['ables', ['er']],
    ['ible', ['ir', 're']],
    ['ibles', ['ir', 're']],
  ],
  pt: [
    ['ável', ['ar']],
    ['áveis', ['ar']],
    ['ível', ['ir', 'er']],
    ['íveis', ['ir', 'er']],
    ['ador', ['ar']],
    ['adora', ['ar']],
    ['edor', ['er']],
  ],
  ru: [],
};

/** Forms the dictionaries' affix rules do not produce (diminutives, regular derivations). */
function knowsInflection(speller: SpellChecker, lower: string, lang: Language): boolean {
  for (const [suffix, bases] of DERIVATIONS[lang]) {
    if (!lower.endsWith(suffix) || lower.length - suffix.length < 3) continue;
    const stem = lower.slice(0, -suffix.length);
    // "ador" keeps its "a" in the infinitive: enhebr-ador -> enhebr-ar.
    if (bases.some((b) => speller.correct(stem + b))) return true;
  }
  for (const ending of DIMINUTIVES[lang] ?? []) {
    if (!lower.endsWith(ending) || lower.length - ending.length < 3) continue;
    let stem = lower.slice(0, -ending.length);
    // "bolsita" -> "bols" + a; "poquito" -> "poc" + o (qu -> c before the ending).
    if (stem.endsWith('qu')) stem = `${stem.slice(0, -2)}c`;
    if (stem.endsWith('gu')) stem = `${stem.slice(0, -2)}g`;
    if (DIMINUTIVE_BASE_ENDINGS.some((e) => speller.correct(stem + e))) return true;
  }
  return false;
}

/** Letters a typo may add or swap in, per language (lower case). */
const ALPHABETS: Readonly<Record<Language, string>> = {
  en: 'abcdefghijklmnopqrstuvwxyz',
  es: 'abcdefghijklmnopqrstuvwxyzáéíóúñü',
  fr: 'abcdefghijklmnopqrstuvwxyzàâçéèêëîïôûùüœ',
  pt: 'abcdefghijklmnopqrstuvwxyzáâãàçéêíóôõú',
  ru: 'абвгдеёжзийклмнопрстуфхцчшщъыьэюя',
};

/** Spellings that sound alike and are one slip apart for a writer (two letters for one). */
const SOUND_ALIKE: Readonly<Record<Language, ReadonlyArray<readonly [string, string]>>> = {
  en: [
    ['f', 'ph'],
    ['ph', 'f'],
  ],
  es: [
    ['y', 'll'],
    ['ll', 'y'],
    ['x', 'cc'],
    ['cc', 'x'],
  ],
  fr: [
    ['au', 'o'],
    ['o', 'au'],
    ['eau', 'o'],
    ['o', 'eau'],
    ['f', 'ph'],
    ['ph', 'f'],
    ['c', 'qu'],
    ['qu', 'c'],
  ],
  pt: [
    ['x', 'ch'],
    ['ch', 'x'],
    ['li', 'lh'],
    ['lh', 'li'],
    ['ni', 'nh'],
    ['nh', 'ni'],
    ['ç', 'ss'],
    ['ss', 'ç'],
  ],
  ru: [
    ['тся', 'ться'],
    ['ться', 'тся'],
  ],
};

/** A dictionary word one edit away: delete, transpose, replace, insert, or a sound-alike pair. */
export interface Correction {
  word: string;
  /** Only a diacritic differs ("comodo" / "cómodo"). */
  accentOnly: boolean;
}

const correctionCache = new WeakMap<SpellChecker, Map<string, Correction | null>>();

function* edits1(word: string, alphabet: string): Generator<string> {
  for (let i = 0; i + 1 < word.length; i++) {
    yield word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
  }
  for (let i = 0; i < word.length; i++) yield word.slice(0, i) + word.slice(i + 1);
  for (let i = 0; i < word.length; i++) {
    for (const c of alphabet) if (c !== word[i]) yield word.slice(0, i) + c + word.slice(i + 1);
  }
  for (let i = 0; i <= word.length; i++) {
    for (const c of alphabet) yield word.slice(0, i) + c + word.slice(i);
  }
}

/** The closest dictionary word of `lang` (edit distance 1, or one sound-alike slip), if any. */
export function closeCorrection(speller: SpellChecker, word: string, lang: Language): Correction | undefined {
  const lower = word.toLowerCase();
  let cache = correctionCache.get(speller);
  if (!cache) {
    cache = new Map();
    correctionCache.set(speller, cache);
  }
  const cached = cache.get(`${lang}:${lower}`);
  if (cached !== undefined) return cached ?? undefined;
  const folded = stripAccents(lower);
  const key = cognateKey(lower);
  let found: Correction | undefined;
  let fallback: Correction | undefined;
  let best = -1;
  // Of all dictionary words one edit away, the one closest in spelling-neutral form: "sesions" is
  // "sessions" (a doubled letter), not "lesions".
  for (const candidate of edits1(lower, ALPHABETS[lang])) {
    if (candidate.length < 2 || !speller.correct(candidate)) continue;
    const correction = { word: candidate, accentOnly: stripAccents(candidate) === folded };
    if (correction.accentOnly) {
      found = correction;
      break;
    }
    const score = similarity(key, cognateKey(candidate));
    if (score > best) {
      best = score;
      fallback = correction;
    }
  }
  if (!found && !fallback) {
    for (const [from, to] of SOUND_ALIKE[lang]) {
      let at = lower.indexOf(from);
      while (at >= 0 && !fallback) {
        const candidate = lower.slice(0, at) + to + lower.slice(at + from.length);
        if (speller.correct(candidate)) fallback = { word: candidate, accentOnly: false };
        at = lower.indexOf(from, at + 1);
      }
      if (fallback) break;
    }
  }
  found ??= fallback;
  if (cache.size > 20_000) cache.clear();
  cache.set(`${lang}:${lower}`, found ?? null);
  return found;
}

/** A slip in the word after a productive prefix ("велофанарей" = вело + фонарей). */
function prefixedCorrection(speller: SpellChecker, lower: string, lang: Language): Correction | undefined {
  for (const prefix of PREFIXES[lang]) {
    if (!lower.startsWith(prefix) || lower.length - prefix.length < 5) continue;
    const rest = closeCorrection(speller, lower.slice(prefix.length), lang);
    if (rest) return { word: prefix + rest.word, accentOnly: rest.accentOnly };
  }
  return undefined;
}

/** Transliteration for cognate checks; щ as the German-style "sch" loanwords use. */
const CYRILLIC_TO_LATIN: Readonly<Record<string, string>> = { ...BASE_TRANSLITERATION, щ: 'sch' };

/**
 * A spelling-neutral key for comparing words across languages: Latin letters, no diacritics,
 * y/i, k/c, w/v, ph/f and qu/c merged, doubled letters single ("Укулеле" and "ukulele" meet).
 */
export function cognateKey(word: string): string {
  let latin = '';
  for (const ch of stripAccents(word.toLowerCase())) latin += CYRILLIC_TO_LATIN[ch] ?? ch;
  latin = latin
    .replaceAll('ph', 'f')
    .replaceAll('qu', 'c')
    .replaceAll('y', 'i')
    .replaceAll('k', 'c')
    .replaceAll('w', 'v');
  let key = '';
  for (const ch of latin) if (ch !== key.at(-1)) key += ch;
  return key;
}

/** Russian endings of adjectives and nouns built on a loan stem (longest first). */
const RUSSIAN_ENDINGS = [
  'ового',
  'овому',
  'овыми',
  'евыми',
  'овый',
  'овая',
  'овое',
  'овые',
  'овых',
  'овой',
  'евый',
  'евая',
  'евые',
  'евых',
  'ами',
  'ями',
  'ого',
  'ему',
  'ому',
  'ой',
  'ый',
  'ий',
  'ая',
  'ое',
  'ые',
  'ом',
  'ем',
  'ам',
  'ах',
  'ях',
  'ов',
  'ей',
  'ы',
  'и',
  'а',
  'я',
  'у',
  'ю',
  'е',
  'о',
  'ь',
];

/** The word without its inflection (Russian endings; Romance plurals), for stem comparison. */
function derivationStem(lower: string, lang: Language): string {
  const endings = lang === 'ru' ? RUSSIAN_ENDINGS : ['es', 's'];
  for (const ending of endings) {
    if (lower.endsWith(ending) && [...lower].length - ending.length >= 4)
      return lower.slice(0, -ending.length);
  }
  return lower;
}

/** Levenshtein distance (two rows; words are short). */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        previous[j]! + 1,
        current[j - 1]! + 1,
        previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** 1 for equal strings, 0 for nothing in common (edit distance over the longer length). */
export function similarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  return longest === 0 ? 1 : 1 - distance(a, b) / longest;
}

/** Words of the listing's other language versions, for loanword and cognate evidence. */
export interface SpellingContext {
  /** Lower-cased words of each other version. */
  otherWords: ReadonlyMap<Language, ReadonlySet<string>>;
  /** The English dictionary: an English word in a es/fr/pt/ru text is a loanword, not a typo. */
  english?: SpellChecker;
  /** The whole version (title and description): a term the seller uses twice is deliberate. */
  versionText?: string;
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
  context?: SpellingContext;
  /** Words below this confidence are not reported (default `MIN_SPELLING_CONFIDENCE`). */
  minConfidence?: number;
}

/** A spelling finding needs at least this confidence. */
export const MIN_SPELLING_CONFIDENCE = 0.5;

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
function isCandidate(word: string, lang: Language): boolean {
  if (word.length < 2) return false;
  if (/\p{N}/u.test(word)) return false;
  if (/^\p{Lu}{2,6}$/u.test(word)) return false; // acronyms: USB, LED, EVA
  if (/\p{Ll}\p{Lu}/u.test(word)) return false; // camel case: iPhone, PowerBank
  const cyrillic = /\p{Script=Cyrillic}/u.test(word);
  // Latin-script words in Russian text are brands, models and loanwords; Cyrillic in a Latin-script
  // language is another check's business (wrong language, untranslated text).
  if (lang === 'ru' ? !cyrillic : cyrillic) return false;
  return true;
}

/** Length of the common prefix of two strings. */
function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

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

interface Judgement {
  confidence: number;
  correction?: Correction;
}

/**
 * How sure we are that an unknown word is a misspelling: it needs a dictionary word one slip away,
 * and loses confidence when it is an English loanword, a cognate of a word of another version, or
 * a term the seller uses more than once.
 */
function judge(word: string, lang: Language, speller: SpellChecker, evidence: Evidence): Judgement {
  const lower = word.toLowerCase();
  let penalty = 1;
  const english = evidence.context?.english;
  if (evidence.repeated(lower)) penalty *= 0.35;
  if (penalty * 0.97 < evidence.minConfidence) return { confidence: penalty * 0.97 };
  const correction = closeCorrection(speller, lower, lang) ?? prefixedCorrection(speller, lower, lang);
  if (!correction) return { confidence: 0.2 * penalty };
  if (lang !== 'en' && english && (english.correct(lower) || english.correct(word))) {
    // An English word in a es/fr/pt/ru text is a loanword ("bypass", "timer"), unless all that
    // separates it from a word of the language is an accent ("maxima" / "máxima") and the English
    // version does not use it as it is.
    const inEnglishVersion = evidence.context?.otherWords.get('en')?.has(lower) ?? false;
    if (!correction.accentOnly || inEnglishVersion) {
      penalty *= lower.length < 9 ? 0.4 : 0.75;
      if (inEnglishVersion) penalty *= 0.8;
    }
  }
  let confidence = baseConfidence([...lower].length, correction) * penalty;
  // A cognate in another version closer than the correction: the same product term, not a typo.
  const key = cognateKey(lower);
  const toCorrection = similarity(key, cognateKey(correction.word));
  const stem = derivationStem(lower, lang);
  // Russian: only an adjective built on the stem (-овый, -евый) counts, not a bare case ending.
  const stemmed = lang === 'ru' ? /^[ое]в/u.test(lower.slice(stem.length)) : stem !== lower;
  const stemKey = cognateKey(stem);
  for (const [other, words] of evidence.context?.otherWords ?? []) {
    if (other === lang) continue;
    for (const w of words) {
      if (w === lower || w[0] === undefined) continue;
      const otherKey = cognateKey(w);
      // The same stem with this language's endings ("кемпинговый" / "camping", "glute" / "glúteos"):
      // a strict prefix in Latin script, a close transliteration of an inflected Russian stem.
      if (
        !correction.accentOnly &&
        stemKey.length >= 5 &&
        otherKey.length >= stemKey.length + (lang === 'ru' ? 0 : 2)
      ) {
        const head = otherKey.slice(0, stemKey.length);
        const related =
          lang === 'ru' ? stemmed && similarity(stemKey, head) >= 0.85 : head === stemKey && !stemmed;
        if (related) return { confidence: confidence * 0.4, correction };
      }
      // A Russian transliteration of a word of a Latin-script version ("диммер" / "dimmer"): a loan.
      if (lang === 'ru' && other !== 'ru' && otherKey[0] === key[0] && similarity(key, otherKey) >= 0.8) {
        return { confidence: confidence * 0.4, correction };
      }
      if (otherKey[0] !== key[0] || Math.abs(otherKey.length - key.length) > 3) continue;
      if (similarity(key, otherKey) > toCorrection && similarity(key, otherKey) >= 0.75) {
        confidence *= 0.3;
        return { confidence, correction };
      }
    }
  }
  return { confidence, correction };
}

interface Evidence {
  context?: SpellingContext | undefined;
  minConfidence: number;
  repeated: (lower: string) => boolean;
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

/** The title and the description of a version share one scan of the version's text. */
function repetitionCached(
  text: string,
  lang: Language,
  speller: SpellChecker,
  isAllowed: (word: string) => boolean,
): (lower: string) => boolean {
  const last = lastRepetition;
  if (last?.text === text && last.lang === lang && last.speller === speller && last.isAllowed === isAllowed)
    return last.repeated;
  const repeated = repetitionOf(text, lang, speller, isAllowed);
  lastRepetition = { text, lang, speller, isAllowed, repeated };
  return repeated;
}

/** Unknown words of the whole version, to tell deliberate terms (used twice) from slips. */
function repetitionOf(
  text: string,
  lang: Language,
  speller: SpellChecker,
  isAllowed: (word: string) => boolean,
): (lower: string) => boolean {
  const unknown: string[] = [];
  for (const token of tokenize(text)) {
    const word = token.text.replace(/’/g, "'").replace(/^['-]+|(?<!['-])['-]+$/g, '');
    if (!isCandidate(word, lang) || isAllowed(word) || knowsWord(speller, word, lang)) continue;
    for (const part of word.toLowerCase().split('-')) if (part.length >= 4) unknown.push(part);
  }
  return (lower) => {
    let uses = 0;
    for (const part of lower.split('-')) {
      if (part.length < 4) continue;
      for (const other of unknown) {
        const need = Math.max(4, Math.min(part.length, other.length) - 3);
        if (commonPrefix(part, other) >= need) uses++;
      }
    }
    return uses >= 2;
  };
}

/**
 * Misspelled words by the language's dictionary, each with a confidence (0-1); words below
 * `minConfidence` are not reported. A suggestion is the close correction, else hunspell's first.
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
  const evidence: Evidence = {
    context: options.context,
    minConfidence,
    repeated: repetitionCached(options.context?.versionText ?? text, lang, speller, isAllowed),
  };
  const issues: Issue[] = [];
  let suggested = 0;
  for (const token of tokenize(text)) {
    const word = token.text.replace(/’/g, "'").replace(/^['-]+|(?<!['-])['-]+$/g, '');
    if (!isCandidate(word, lang)) continue;
    // A word touching a reported span ("sÃ¨che-linge") is part of that debris.
    if (overlaps(token.start - 1, token.end + 1, skip)) continue;
    if (isAllowed(word) || shared.has(word.toLowerCase())) continue;
    if (knowsWord(speller, word, lang)) continue;
    // Capitalized words inside a sentence are names (brands, places) unless the title capitalizes all.
    if (/^\p{Lu}/u.test(word) && !titleCase && !isSentenceStart(text, token) && word !== word.toUpperCase())
      continue;
    let judgement: Judgement;
    if (word.includes('-')) {
      // Hyphenated compounds are checked by their parts: the least likely part decides.
      const parts = word.split('-').filter((p) => p.length > 0);
      const unknownParts = parts.filter((p) => !knowsWord(speller, p, lang) && !isAllowed(p));
      if (unknownParts.length === 0) continue;
      const judged = unknownParts.map((p) => judge(p, lang, speller, evidence));
      judgement = judged.reduce((a, b) => (b.confidence > a.confidence ? b : a));
      // A compound of one known and one unknown part is more often a coined product term.
      if (unknownParts.length < parts.length) judgement.confidence *= 0.8;
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

/** The correction in the word's case: "Comodo" -> "Cómodo", "COMODO" -> "CÓMODO". */
function matchCase(word: string, correction: string): string {
  if (word === word.toUpperCase()) return correction.toUpperCase();
  if (/^\p{Lu}/u.test(word)) return correction.charAt(0).toUpperCase() + correction.slice(1);
  return correction;
}
