import { CYRILLIC_TO_LATIN as BASE_TRANSLITERATION } from '../transliterate.js';
import type { Language } from '../types.js';
import type { SpellChecker } from './types.js';
import { ALPHABETS, CONSONANT_PAIRS, KEYBOARD_ROWS, PREFIXES, SOUND_ALIKE, VOWELS } from './words/affixes.js';

/** A dictionary word one edit away: delete, transpose, replace, insert, or a sound-alike pair. */
export interface Correction {
  word: string;
  /** Only a diacritic differs ("comodo" / "cómodo"). */
  accentOnly: boolean;
  /** The correction's frequency (centibels below 1; lower is more frequent), when a list has it. */
  centibels?: number;
}

/** The word without diacritics ("cómodo" -> "comodo"). */
export function stripAccents(word: string): string {
  return word
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .normalize('NFC');
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

/** A listed word at least this frequent (one in 10^8) corrects a missing accent without hunspell. */
const LISTED_ACCENT_CB = 800;

/** How much more frequent (in centibels) an unlikely slip's correction must be to be preferred. */
const UNLIKELY_SLIP_CB = 200;

/** Frequency of a word in the speller's list; words the list lacks rank after every listed one. */
function rank(speller: SpellChecker, word: string): number {
  return speller.centibels?.(word) ?? 1000;
}

/**
 * The likeliest dictionary word of `lang` one slip away (edit distance 1, or a sound-alike pair):
 * a missing accent first, then the most frequent candidate (the noisy channel: a slip is more
 * often a slip of a common word), ties broken by spelling-neutral similarity.
 */
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
  let accent: Correction | undefined;
  let best: Correction | undefined;
  let bestScore = Number.NEGATIVE_INFINITY;
  const consider = (candidate: string) => {
    // A word written without any accent may be one the list has with it and hunspell lacks
    // ("porcelanico" / "porcelánico").
    if (candidate.length < 2 || candidate === lower) return;
    if (
      !speller.correct(candidate) &&
      !(
        lower === folded &&
        stripAccents(candidate) === folded &&
        rank(speller, candidate) <= LISTED_ACCENT_CB
      )
    )
      return;
    const cB = rank(speller, candidate);
    const correction: Correction = {
      word: candidate,
      accentOnly: stripAccents(candidate) === folded,
      ...(cB < 1000 ? { centibels: cB } : {}),
    };
    if (correction.accentOnly && (!accent || cB < rank(speller, accent.word))) accent = correction;
    // Frequency dominates (100 cB = ten times as frequent); similarity breaks ties ("sesions" is
    // "sessions", a doubled letter, not "lesions"); an unlikely slip (a distant consonant) must be
    // a hundred times as frequent to win over a likely one ("зорядка" is "зарядка", not "порядка").
    const score =
      -cB +
      50 * similarity(key, cognateKey(candidate)) -
      (plausibleSlip(lower, candidate) ? 0 : UNLIKELY_SLIP_CB);
    if (score > bestScore) {
      bestScore = score;
      best = correction;
    }
  };
  for (const candidate of edits1(lower, ALPHABETS[lang])) consider(candidate);
  // French writes a plain "e" before a doubled consonant ("nettoyage", "efficace"): an "é" there with
  // the consonant single ("nétoyage", "éfficace") is one slip of the ear.
  if (lang === 'fr') {
    for (let at = 0; at < lower.length - 1; at++) {
      if (lower[at] !== 'é' && lower[at] !== 'è') continue;
      const next = lower[at + 1]!;
      if (!/[bcdfglmnprst]/u.test(next)) continue;
      consider(`${lower.slice(0, at)}e${next}${lower.slice(at + 1)}`);
    }
  }
  for (const [from, to] of SOUND_ALIKE[lang]) {
    for (let at = lower.indexOf(from); at >= 0; at = lower.indexOf(from, at + 1)) {
      consider(lower.slice(0, at) + to + lower.slice(at + from.length));
    }
  }
  for (const candidate of movedAccents(lower)) consider(candidate);
  // Two consonants swapped across a vowel ("presición" for "precisión").
  for (let i = 0; i + 2 < lower.length; i++) {
    const a = lower[i]!;
    const b = lower[i + 2]!;
    if (a === b || !CONSONANT_RE.test(a) || !CONSONANT_RE.test(b)) continue;
    consider(lower.slice(0, i) + b + lower[i + 1] + a + lower.slice(i + 3));
  }
  // A missing accent is the likeliest slip, unless another correction is far more frequent.
  if (accent && best && rank(speller, accent.word) > rank(speller, best.word) + 50) accent = undefined;
  // An ending whose accent the language requires, written bare: the accented word needs only the
  // list ("inoculación" is listed, not in hunspell), and it wins over any other correction.
  const ended = requiredAccentForm(lower, lang);
  if (ended !== undefined && ended !== lower && (speller.correct(ended) || rank(speller, ended) < 1000)) {
    const cB = rank(speller, ended);
    accent = { word: ended, accentOnly: true, ...(cB < 1000 ? { centibels: cB } : {}) };
  }
  const found = accent ?? best;
  if (cache.size > 20_000) cache.clear();
  cache.set(`${lang}:${lower}`, found ?? null);
  return found;
}

/** A letter that is no vowel of the five languages. */
const CONSONANT_RE = /^(?![aeiouyáéíóúàèìòùâêîôûãõäëïöüаеёиоуыэюя])\p{L}$/iu;

/** Vowels that carry a written accent in the five languages. */
const ACCENTABLE = new Set(['a', 'e', 'i', 'o', 'u']);

/**
 * The word with its one accent moved to another vowel ("tensíon" -> "tensión", "fácil" -> "facíl"):
 * two edits for the edit distance, one slip of the hand, and only the accent differs.
 */
function* movedAccents(lower: string): Generator<string> {
  const letters = [...lower.normalize('NFD').matchAll(/\p{L}\p{M}*/gu)].map((m) => m[0]);
  if (letters.length > 30) return;
  // Only a vowel's accent moves; the tilde of ñ and the cedilla of ç stay where they are.
  const marked = letters.flatMap((letter, i) => (letter.length > 1 && ACCENTABLE.has(letter[0]!) ? [i] : []));
  if (marked.length !== 1) return;
  const at = marked[0]!;
  const mark = letters[at]!.slice(1);
  for (let i = 0; i < letters.length; i++) {
    if (i === at || letters[i]!.length > 1 || !ACCENTABLE.has(letters[i]!)) continue;
    const moved = letters.slice();
    moved[at] = letters[at]![0]!;
    moved[i] = `${letters[i]}${mark}`;
    yield moved.join('').normalize('NFC');
  }
}

/**
 * Endings whose accent the spelling rules require, however often the web drops it: Spanish -ción and
 * -sión (every word ending so is stressed on its last syllable: "inoculación"), Portuguese -ção,
 * -ções, -são, -sões ("solução"). The unaccented form is a slip even when the list has it often.
 */
const UNACCENTED_ENDINGS: Partial<Record<Language, ReadonlyArray<readonly [RegExp, string]>>> = {
  es: [
    [/cion$/u, 'ción'],
    [/sion$/u, 'sión'],
  ],
  pt: [
    [/[cç]ao$/u, 'ção'],
    [/[cç]oes$/u, 'ções'],
    [/sao$/u, 'são'],
    [/soes$/u, 'sões'],
  ],
};

/** The word with the accented ending its language requires ("inoculacion" -> "inoculación"). */
export function requiredAccentForm(lower: string, lang: Language): string | undefined {
  if (lower.length < 6) return undefined;
  for (const [re, ending] of UNACCENTED_ENDINGS[lang] ?? []) {
    if (re.test(lower)) return lower.replace(re, ending);
  }
  return undefined;
}

/** True when `correction` is `lower` with the accented ending its language requires. */
export function accentRequiredByEnding(lower: string, correction: string, lang: Language): boolean {
  return requiredAccentForm(lower, lang) === correction;
}

/** A slip in the word after a productive prefix ("велофанарей" = вело + фонарей). */
export function prefixedCorrection(
  speller: SpellChecker,
  lower: string,
  lang: Language,
): Correction | undefined {
  for (const prefix of PREFIXES[lang]) {
    if (!lower.startsWith(prefix) || lower.length - prefix.length < 5) continue;
    const rest = closeCorrection(speller, lower.slice(prefix.length), lang);
    if (rest) return { ...rest, word: prefix + rest.word };
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

/**
 * The most frequent dictionary word that differs from `lower` only by one diacritic ("comodo" ->
 * "cómodo"): a cheap search for words too frequent to be any other slip.
 */
export function accentCorrection(
  speller: SpellChecker,
  lower: string,
  lang: Language,
): Correction | undefined {
  let best: Correction | undefined;
  const alphabet = ALPHABETS[lang];
  for (let i = 0; i < lower.length; i++) {
    const base = stripAccents(lower[i]!);
    for (const c of alphabet) {
      if (c === lower[i] || stripAccents(c) !== base) continue;
      const candidate = lower.slice(0, i) + c + lower.slice(i + 1);
      if (!speller.correct(candidate)) continue;
      const cB = rank(speller, candidate);
      if (!best || cB < rank(speller, best.word))
        best = { word: candidate, accentOnly: true, ...(cB < 1000 ? { centibels: cB } : {}) };
    }
  }
  return best;
}

const neighbours = new Map<string, Set<string>>();
for (const layouts of Object.values(KEYBOARD_ROWS)) {
  for (const rows of layouts) {
    rows.forEach((row, r) => {
      for (let c = 0; c < row.length; c++) {
        const key = row[c]!;
        const near = neighbours.get(key) ?? new Set<string>();
        for (const [dr, dc] of [
          [0, -1],
          [0, 1],
          [-1, 0],
          [-1, 1],
          [1, 0],
          [1, -1],
        ] as const) {
          const other = rows[r + dr]?.[c + dc];
          if (other) near.add(other);
        }
        neighbours.set(key, near);
      }
    });
  }
}

/**
 * Whether a one-letter substitution is a likely slip: neighbouring keys, a vowel for a vowel, a
 * diacritic, or consonants that sound alike; insertions, deletions, swaps and multi-letter
 * sound-alikes always are. Used to choose between corrections ("зорядка" is "зарядка", not the more
 * frequent "порядка"), not to doubt a slip: writers also mistype far from the key.
 */
export function plausibleSlip(word: string, correction: string): boolean {
  if (word.length !== correction.length) return true;
  let i = 0;
  while (i < word.length && word[i] === correction[i]) i++;
  if (i >= word.length || word.slice(i + 1) !== correction.slice(i + 1)) return true;
  const [a, b] = [stripAccents(word[i]!), stripAccents(correction[i]!)];
  if (a === b) return true;
  if (VOWELS.includes(a) && VOWELS.includes(b)) return true;
  if (CONSONANT_PAIRS.includes(a + b)) return true;
  if (neighbours.get(a)?.has(b)) return true;
  // Two-letter sound-alikes written as one substitution ("brilio" for "brilho": li / lh).
  for (const [from, to] of Object.values(SOUND_ALIKE).flat()) {
    if (from.length !== to.length) continue;
    for (let at = Math.max(0, i - from.length + 1); at <= i; at++) {
      if (word.startsWith(from, at) && correction.startsWith(to, at)) return true;
    }
  }
  return false;
}

/** One letter doubled or undoubled ("spatering" / "spattering", "amonia" / "ammonia"): the commonest slip. */
export function doubledLetterSlip(word: string, correction: string): boolean {
  const [long, short] = word.length > correction.length ? [word, correction] : [correction, word];
  if (long.length !== short.length + 1) return false;
  for (let i = 0; i < long.length; i++) {
    if (long.slice(0, i) + long.slice(i + 1) === short)
      return long[i] === long[i - 1] || long[i] === long[i + 1];
  }
  return false;
}
