import { francAll } from 'franc';
import { detectLanguage } from '../message/language.js';
import type { Language } from '../types.js';
import { BULLET_CHARS, type Paragraph, paragraphs, sentences } from './text.js';
import type { Issue, IssueParams, ListingField, SpellChecker } from './types.js';

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
  return share(words, (word) => {
    if (inDictionary(word, speller)) return true;
    const lower = word.toLowerCase();
    const cB = speller.centibels?.(lower) ?? 1000;
    return cB <= COMMON_CB && cB <= (rival.centibels?.(lower) ?? 1000);
  });
}

/** The word as written, or in lower case, is in the language's dictionary. */
function inDictionary(word: string, speller: SpellChecker): boolean {
  const lower = word.toLowerCase();
  return speller.correct(word) || (lower !== word && speller.correct(lower));
}

function share(words: readonly string[], known: (word: string) => boolean): number {
  return words.length === 0 ? 0 : words.filter(known).length / words.length;
}

/**
 * Share of the words the language's dictionary itself knows. Its frequency list is no help here: web
 * text in Spanish has "uma", "com" and "bateria" often enough to count them as Spanish words.
 */
function dictionaryCoverage(words: readonly string[], speller: SpellChecker): number {
  return share(words, (word) => inDictionary(word, speller));
}

/** A paragraph written in another language than the one declared for it, with its span. */
export interface WrongLanguageParagraph extends Paragraph {
  /** One of the five languages, or `other` (Ukrainian in a Russian version). */
  detected: Language | 'other';
  confidence: number;
}

/** English's dictionary reads this share of a sentence's real words: the untranslated check's. */
const ENGLISH_READS = 0.8;
/** A sentence inside a paragraph of the declared language is judged from this many words. */
const MIN_SENTENCE_WORDS = 6;
/** A sentence needs a surer detection than a paragraph (0.95 under eight words). */
const MIN_SENTENCE_CONFIDENCE = 0.9;
const MIN_SHORT_SENTENCE_CONFIDENCE = 0.95;
/** Skip detection when the declared language's dictionary reads this share of a sentence's words. */
const SURELY_DECLARED = 0.85;

/**
 * A block with no word in the declared language's script (a Russian version in Latin letters, a
 * Spanish one in Cyrillic) cannot be in that language: the detector then only has to say which
 * language it is, on a lower bar.
 */
const MIN_WRONG_SCRIPT_CONFIDENCE = 0.5;
const CYRILLIC_RE = /\p{Script=Cyrillic}/u;
const LOWER_RE = /\p{Ll}/u;

/** Words of three letters or more with a lower-case letter: codes and sizes ("EU", "US") are not. */
function realWords(words: readonly string[]): string[] {
  return words.filter((w) => w.length >= 3 && LOWER_RE.test(w));
}

function wrongScript(words: readonly string[], declared: Language): boolean {
  // Only real words count, and there must be as many as a title needs.
  const real = realWords(words);
  if (real.length < MIN_TITLE_WORDS) return false;
  const cyrillic = real.filter((w) => CYRILLIC_RE.test(w)).length;
  return declared === 'ru' ? cyrillic === 0 : cyrillic === real.length;
}

/** Letters of Ukrainian that Russian never writes. */
const UKRAINIAN_RE = /[іїєґ]/iu;

/**
 * Words only Ukrainian writes: a word with і, ї, є or ґ, and the one-letter conjunction "і" and
 * preposition "з" (Russian writes "и" and "с").
 */
const UKRAINIAN_WORD_RE = /(?<![\p{L}])(?:[^\P{L}іїєґІЇЄҐ]*[іїєґ]\p{L}*|з)(?![\p{L}])/giu;

/**
 * A Cyrillic sentence or title in a Russian version that is Ukrainian: two or more words only
 * Ukrainian writes ("Обрезинені диски ... з отвором 31 мм").
 */
function isUkrainian(text: string): boolean {
  let count = 0;
  for (const _ of text.matchAll(UKRAINIAN_WORD_RE)) if (++count >= 2) return true;
  return false;
}

/**
 * Function words of languages sellers also write but the five checks have no dictionary for:
 * Italian, German, Dutch, Catalan, Polish, Romanian and Galician (articles with prepositions,
 * conjunctions, auxiliaries). A sentence with
 * three of them that the declared dictionary does not know, a fifth of its words or more, is in one
 * of those languages: a paragraph pasted from a listing for another market.
 */
const OUTSIDE_FUNCTION_WORDS: ReadonlySet<string> = new Set(
  `della delle degli dello dalla dalle dagli sulla sulle sugli sui nella nelle negli nello alla alle
   agli allo gli sono oppure alcuni alcune ogni questo questa questi queste perché più molto molti
   dopo aver avere essere viene vengono tutti tutte tutto nel sul dal anche senza sempre che
   dell nell dall sull quell siano di per
   und mit für nicht ist sind auf werden wird eine einen einem einer sich oder bei auch wenn kann
   können zum zur vom beim nur noch über durch zwischen bitte dieser diese dieses
   het van voor zijn niet wordt worden ook maar bij naar deze zoals uw onze
   amb els dels pels als és més també però perquè quan aquest aquesta aquests aquestes seva seves
   són fins dins sense molt molta molts moltes tenen poden
   się są jest oraz dla przez dzięki czemu który która które bardzo tylko lub też jego jej można
   și sau pentru este sunt care din într fără să foarte acest această poate fi cu pe
   unha dunha nunha cunha coa coas polo pola xa moi tamén despois máis`
    .split(/\s+/)
    .filter((w) => w.length > 0),
);

/**
 * A sentence is judged from five words, or four with a function word of an outside language the
 * declared dictionary does not know ("Funziona anche senza batterie." in a French version).
 */
function longEnough(words: readonly string[], own: SpellChecker | undefined): boolean {
  if (words.length >= MIN_SENTENCE_WORDS - 1) return true;
  return (
    words.length === MIN_SENTENCE_WORDS - 2 &&
    words.some((w) => OUTSIDE_FUNCTION_WORDS.has(w.toLowerCase()) && !own?.correct(w.toLowerCase()))
  );
}

function outsideLanguage(
  words: readonly string[],
  own: SpellChecker | undefined,
  neighbour = false,
): boolean {
  let hits = 0;
  words.forEach((word, i) => {
    const lower = word.toLowerCase();
    // Names start with a capital inside a sentence ("Della Rovere").
    if (i > 0 && lower !== word) return;
    if (OUTSIDE_FUNCTION_WORDS.has(lower) && !own?.correct(lower)) hits++;
  });
  // A neighbour of such a sentence needs two of them, at any share.
  return neighbour ? hits >= 2 : hits >= 3 && hits * 5 >= words.length;
}

/**
 * The other language a block reads as, when the detector is sure of it even with the declared
 * language as the prior, and the declared language's dictionary reads clearly fewer of its words.
 */
function otherLanguage(
  text: string,
  words: readonly string[],
  declared: Language,
  spellers: Partial<Record<Language, SpellChecker>>,
  needed: number,
): { detected: Language; confidence: number } | undefined {
  const detection = detectLanguage(text);
  if (detection.language === 'unknown' || detection.language === declared) return undefined;
  if (detection.confidence < needed) return undefined;
  // The declared language must itself be a weak reading of the paragraph, not a close second.
  const withPrior = detectLanguage(text, { previous: declared, shopDefault: declared });
  if (withPrior.language === declared) return undefined;
  const own = spellers[declared];
  const other = spellers[detection.language];
  if (own && other && coverage(words, own, other) > coverage(words, other, own) - MIN_COVERAGE_GAP)
    return undefined;
  return { detected: detection.language, confidence: detection.confidence };
}

/**
 * Sentences of another language inside a paragraph of the declared one ("Aplique uma camada fina..."
 * in a Spanish paragraph). English sentences in a non-English version are left to the untranslated
 * check; sentences the declared dictionary reads almost entirely are not run through the detector.
 */
function wrongSentences(
  block: Paragraph,
  declared: Language,
  spellers: Partial<Record<Language, SpellChecker>>,
): WrongLanguageParagraph[] {
  const found: WrongLanguageParagraph[] = [];
  const own = spellers[declared];
  const all = sentences(block.text, block.start);
  const judged = new Set<number>();
  all.forEach((sentence, i) => {
    if (judged.has(i)) return;
    const words = letterWords(sentence.text);
    if (!longEnough(words, own) || realWords(words).length * 2 < words.length) return;
    let other: WrongLanguageParagraph['detected'] | undefined;
    let confidence = 1;
    // English passages are the untranslated check's, whatever the trigrams of a short one say.
    // (Read only when a check below needs it: most sentences never get that far.)
    let englishRead: boolean | undefined;
    const english = () => {
      englishRead ??=
        declared !== 'en' &&
        spellers.en !== undefined &&
        dictionaryCoverage(realWords(words), spellers.en) >= ENGLISH_READS;
      return englishRead;
    };
    // Spanish and Portuguese are told apart by their own function words even in five words
    // ("Ideal para rellenar cojines y peluches." in a Portuguese version).
    if (words.length < MIN_SENTENCE_WORDS && partnerSentence(words, declared, spellers, sentence.text))
      other = PARTNER[declared]!;
    else if (words.length < MIN_SENTENCE_WORDS) {
      // Five words are judged only when the declared dictionary knows none of the longer ones ("Geschikt voor
      // kinderen vanaf 8 jaar." in a French version) and the trigrams name an outside language.
      // (A Ukrainian letter in a Russian version lets the trigrams decide as well: "Крила легко
      // складаються для зберігання.")
      const ukrainianLetter = declared === 'ru' && UKRAINIAN_RE.test(sentence.text);
      // (Words of one or two letters do not count: "a", "de" and "e" are words of most of them.)
      const longWords = words.filter((w) => [...w].length >= 3);
      if (!own || (dictionaryCoverage(longWords, own) > 0 && !ukrainianLetter) || english()) return;
      // (Four words, one an outside function word: all four must be plain words.)
      if (!outsideByTrigrams(sentence.text, words, declared, own, Math.min(MIN_PLAIN_WORDS, words.length)))
        return;
      other = 'other';
    } else if (declared === 'ru' && isUkrainian(sentence.text)) other = 'other';
    else if (partnerSentence(words, declared, spellers, sentence.text)) other = PARTNER[declared]!;
    else if ((declared !== 'ru' || (latinOnly(words) && !english())) && outsideLanguage(words, own))
      other = 'other';
    else if (
      !own ||
      (dictionaryCoverage(words, own) < SURELY_DECLARED && readsBetterElsewhere(words, declared, spellers))
    ) {
      const needed = dictionariesDecide(words, declared, spellers)
        ? MIN_CONFIDENCE
        : words.length < 8 && !hasLettersOfAnother(sentence.text, declared)
          ? MIN_SHORT_SENTENCE_CONFIDENCE
          : MIN_SENTENCE_CONFIDENCE;
      const detection = otherLanguage(sentence.text, words, declared, spellers, needed);
      if (detection && !(detection.detected === 'en' && declared !== 'en')) {
        other = detection.detected;
        confidence = detection.confidence;
      }
    }
    if (other === undefined && own && outsideByTrigrams(sentence.text, words, declared, own) && !english())
      other = 'other';
    if (other === undefined) return;
    // Neighbouring sentences of the same other language join it, judged on a lower bar.
    let first = i;
    let last = i;
    const same = (k: number) => !judged.has(k) && sameOtherLanguage(all[k]!.text, other, declared, own);
    while (first > 0 && same(first - 1)) first--;
    while (last + 1 < all.length && same(last + 1)) last++;
    for (let k = first; k <= last; k++) judged.add(k);
    found.push({
      text: block.text.slice(all[first]!.start - block.start, all[last]!.end - block.start),
      start: all[first]!.start,
      end: all[last]!.end,
      detected: other,
      confidence,
    });
  });
  return found;
}

/**
 * The language a version's sentences are most often mistaken for: Spanish and Portuguese each
 * other's; a Spanish sentence in a French version too (sellers paste the Spanish one).
 */
const PARTNER: Readonly<Partial<Record<Language, Language>>> = { es: 'pt', pt: 'es', fr: 'es' };

/**
 * Function words of the partner that the declared language never writes: "el", "los", "es", "y"
 * are never Portuguese; "os", "um", "com", "não" never Spanish ("da", "dos", "pelo" are words of
 * both); in French, only those Spanish ones French lacks ("la", "las", "es", "con", "y" are French).
 */
const PARTNER_MARKS: Readonly<Partial<Record<Language, ReadonlySet<string>>>> = {
  pt: new Set('el la los las del es y una muy pero con al'.split(' ')),
  es: new Set('os do das em um uma com não ao aos pela pelas na nas é'.split(' ')),
  fr: new Set('el los del una muy pero al'.split(' ')),
};
/** The Spanish conjunction "y" between two words (Portuguese writes "e"; "eixo Y" is a letter). */
const SPANISH_AND_RE = /\p{L} y \p{L}/u;
/** Function words only the partner writes, needed with its dictionary reading `OTHER_SURELY`... */
const PARTNER_FUNCTION_WORDS = 2;
/** ...or one, where the declared dictionary reads at most this share. */
const PARTNER_ONE_WORD_OWN_READS = 0.7;

/**
 * A Spanish sentence in a Portuguese version or the other way round ("Cada rosario es único por la
 * veta natural de la madera.": Brazilian Portuguese's dictionary knows most of its words), or in a
 * French version ("Tallar siempre en dirección contraria al cuerpo."): two or
 * more function words only the other language writes (one, where the declared dictionary reads
 * little of the sentence), and the other language's dictionary reads it better.
 */
function partnerSentence(
  words: readonly string[],
  declared: Language,
  spellers: Partial<Record<Language, SpellChecker>>,
  text: string,
): boolean {
  const partner = PARTNER[declared];
  const marks = PARTNER_MARKS[declared];
  const own = spellers[declared];
  const theirs = partner && spellers[partner];
  if (!marks || !own || !theirs) return false;
  // (Spanish "y" is one letter, so no word here: read from the text. Portuguese "e" is Spanish
  // too, before an i: "agua e hielo".)
  const marked =
    words.filter((w) => marks.has(w.toLowerCase())).length +
    (declared === 'pt' && SPANISH_AND_RE.test(text) ? 1 : 0);
  if (marked === 0) return false;
  const read = dictionaryCoverage(words, theirs);
  const ownRead = dictionaryCoverage(words, own);
  // One such word is enough when the declared dictionary reads little of the rest ("Feito de
  // poliéster 600D com base revestida de PVC." in a Spanish version).
  return (
    read >= OTHER_SURELY &&
    read > ownRead &&
    (marked >= PARTNER_FUNCTION_WORDS || ownRead <= PARTNER_ONE_WORD_OWN_READS)
  );
}

/** A sentence the declared dictionary reads at most this share of... */
const DECLARED_HARDLY = 0.4;
/** ...and another of the five languages' dictionary at least this share. */
const OTHER_SURELY = 0.85;

/**
 * The dictionaries alone tell a short sentence's language: "Tejido: 80% nailon, 20% elastano,
 * elástico en cuatro direcciones." in a Portuguese version is Spanish word for word, though seven
 * words are too few for the detector to be sure. The detector must still name that language.
 */
function dictionariesDecide(
  words: readonly string[],
  declared: Language,
  spellers: Partial<Record<Language, SpellChecker>>,
): boolean {
  const own = spellers[declared];
  if (!own || dictionaryCoverage(words, own) > DECLARED_HARDLY) return false;
  return (Object.entries(spellers) as Array<[Language, SpellChecker]>).some(
    ([lang, other]) => lang !== declared && lang !== 'en' && dictionaryCoverage(words, other) >= OTHER_SURELY,
  );
}

/**
 * Letters one of the five languages writes and the declared one never does: "ñ" in a Portuguese
 * version, "ã" in a Spanish one. A short sentence with them needs no more proof than a long one.
 */
const OWN_LETTERS: Readonly<Record<Language, RegExp | undefined>> = {
  en: undefined,
  es: /[ñ¿¡]/iu,
  fr: /[èùœîïû]/iu,
  pt: /[ãõ]/iu,
  ru: undefined,
};

function hasLettersOfAnother(text: string, declared: Language): boolean {
  for (const [lang, letters] of Object.entries(OWN_LETTERS) as Array<[Language, RegExp | undefined]>) {
    if (lang !== declared && letters?.test(text)) return true;
  }
  return false;
}

/** franc's codes of the five languages checked here. */
const FRANC_OWN: Readonly<Record<Language, string>> = {
  en: 'eng',
  es: 'spa',
  fr: 'fra',
  pt: 'por',
  ru: 'rus',
};
/**
 * Languages sellers also write that no check here has a dictionary for, by script: Italian, German,
 * Dutch and Catalan beside the Latin-script four; Ukrainian, Belarusian, Bulgarian, Macedonian and
 * Serbian beside Russian.
 */
const FRANC_OUTSIDE_LATIN = ['ita', 'deu', 'nld', 'cat', 'pol', 'ron', 'glg'];
const FRANC_OUTSIDE_CYRILLIC = ['ukr', 'bel', 'bul', 'mkd', 'srp'];
const FRANC_LATIN = [FRANC_OWN.en, FRANC_OWN.es, FRANC_OWN.fr, FRANC_OWN.pt, ...FRANC_OUTSIDE_LATIN];
const FRANC_CYRILLIC = [FRANC_OWN.ru, ...FRANC_OUTSIDE_CYRILLIC];
/** The declared language (and English) must score at most this, franc's best being 1. */
const MAX_OWN_TRIGRAM_SCORE = 0.91;
/**
 * With a function word of the outside language in the sentence that the declared dictionary does
 * not know ("és", "amb"), the declared language may score this close: Catalan and Spanish share
 * most trigrams.
 */
const MAX_OWN_TRIGRAM_SCORE_WITH_FUNCTION_WORD = 0.99;
/** An outside language scoring this close to the declared one's best... */
const CLOSE_NEIGHBOUR_SCORE = 0.99;
/** ...with at most this share of the plain words in the declared dictionary, is that language. */
const CLOSE_NEIGHBOUR_COVERAGE = 0.5;
/** At most this share of the plain words may be in the declared dictionary. */
const MAX_OUTSIDE_COVERAGE = 0.65;
/**
 * Where the declared dictionary reads at most this share, an outside language put first may have
 * the declared one as close behind as with a function word of its own: "Le scarpine restano morbide
 * anche quando il bimbo cammina parecchio." reads Italian 1, Portuguese 0.98, and an Italian
 * sentence without "della" or "che" often has only words the declared dictionary also has by chance
 * ("anche" is a form of Spanish "anchar"). Half would be too loose: three more false positives.
 */
const FEW_OWN_WORDS_COVERAGE = 1 / 3;
/** Plain words needed to judge: names, codes and units are not plain words. */
const MIN_PLAIN_WORDS = 5;
/** A neighbour of a sentence found so is judged from this many. */
const MIN_NEIGHBOUR_PLAIN_WORDS = 3;
const MIN_LONG_PLAIN_WORDS = 3;
const CAPITALISED_RE = /^\p{Lu}/u;

/**
 * A sentence in a language no check here has a dictionary for, with too few of its function words
 * for `outsideLanguage` ("Die vier klappbaren Topfstützen tragen Töpfe bis 20 cm Durchmesser.", a
 * Bulgarian sentence in a Russian version): the declared dictionary reads at most two thirds of its
 * plain words (the first word, and words that start in lower case), and franc's trigrams put one of
 * those languages first, clearly ahead of the declared language and of English (English passages
 * are the untranslated check's).
 */
function outsideByTrigrams(
  text: string,
  words: readonly string[],
  declared: Language,
  own: SpellChecker,
  minPlain = MIN_PLAIN_WORDS,
): boolean {
  // A Russian version's sentence in Latin letters only is judged among the Latin-script languages
  // (a German or Polish sentence; English is the untranslated check's).
  const cyrillic = declared === 'ru' && !latinOnly(words);
  // Only words in the sentence's script count (Latin names in Russian are no evidence), three of
  // them of three letters or more (units such as "mW" and "nm" are no evidence either).
  const plain = words.filter(
    (w, i) => (i === 0 || !CAPITALISED_RE.test(w)) && LOWER_RE.test(w) && CYRILLIC_RE.test(w) === cyrillic,
  );
  if (plain.length < minPlain || plain.length * 2 < words.length) return false;
  if (plain.filter((w) => w.length >= 3).length < MIN_LONG_PLAIN_WORDS) return false;
  const ownReads = dictionaryCoverage(plain, own);
  if (ownReads > MAX_OUTSIDE_COVERAGE) return false;
  const scores = francAll(text, { only: cyrillic ? FRANC_CYRILLIC : FRANC_LATIN, minLength: 10 });
  const outside = cyrillic ? FRANC_OUTSIDE_CYRILLIC : FRANC_OUTSIDE_LATIN;
  const best = scores[0];
  // A close neighbour a hair behind the declared language ("Inclou una metxa de cotó de recanvi."
  // reads Spanish 1, Catalan 0.999) whose words the declared dictionary mostly does not know.
  const second = scores[1];
  if (
    best?.[0] === FRANC_OWN[declared] &&
    second !== undefined &&
    outside.includes(second[0]) &&
    second[1] >= CLOSE_NEIGHBOUR_SCORE &&
    ownReads <= CLOSE_NEIGHBOUR_COVERAGE
  )
    return true;
  if (!best || !outside.includes(best[0])) return false;
  const scoreOf = (code: string) => scores.find(([c]) => c === code)?.[1] ?? 0;
  const bar =
    ownReads <= FEW_OWN_WORDS_COVERAGE ||
    plain.some((w) => OUTSIDE_FUNCTION_WORDS.has(w.toLowerCase()) && !own.correct(w.toLowerCase()))
      ? MAX_OWN_TRIGRAM_SCORE_WITH_FUNCTION_WORD
      : MAX_OWN_TRIGRAM_SCORE;
  return scoreOf(FRANC_OWN[declared]) <= bar && (cyrillic || scoreOf('eng') <= MAX_OWN_TRIGRAM_SCORE);
}

/** No word of the sentence is in Cyrillic letters. */
function latinOnly(words: readonly string[]): boolean {
  return words.every((w) => !CYRILLIC_RE.test(w));
}

/**
 * Some other language's dictionary reads the words clearly better than the declared one's (the
 * last test of `otherLanguage`, run first: it costs lookups, the detector costs far more).
 */
function readsBetterElsewhere(
  words: readonly string[],
  declared: Language,
  spellers: Partial<Record<Language, SpellChecker>>,
): boolean {
  const own = spellers[declared]!;
  for (const [lang, other] of Object.entries(spellers) as Array<[Language, SpellChecker]>) {
    if (lang === declared || (lang === 'en' && declared !== 'en')) continue;
    if (coverage(words, own, other) <= coverage(words, other, own) - MIN_COVERAGE_GAP) return true;
  }
  return false;
}

/** A sentence next to a wrong one reads as the same other language (three words or more). */
function sameOtherLanguage(
  text: string,
  other: WrongLanguageParagraph['detected'],
  declared: Language,
  own: SpellChecker | undefined,
): boolean {
  const words = letterWords(text);
  if (words.length < 3) return false;
  if (other === 'other') {
    // A neighbour in the same outside language needs two of its function words, or its trigrams
    // from three plain words.
    if (declared === 'ru' && !latinOnly(words) ? isUkrainian(text) : outsideLanguage(words, own, true))
      return true;
    return own !== undefined && outsideByTrigrams(text, words, declared, own, MIN_NEIGHBOUR_PLAIN_WORDS);
  }
  const detection = detectLanguage(text);
  return detection.language === other && detection.confidence >= MIN_CONFIDENCE;
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
  const own = spellers[declared];
  const found: WrongLanguageParagraph[] = [];
  for (const block of blocks) {
    const words = letterWords(block.text);
    if (words.length < (field === 'title' ? MIN_TITLE_WORDS : MIN_PARAGRAPH_WORDS)) {
      // A paragraph of five words is judged as a sentence is (on the stricter bar of short ones).
      if (field === 'description' && longEnough(words, own))
        found.push(...wrongSentences(block, declared, spellers));
      continue;
    }
    // A size table of codes ("EU 38 = US 7, EU 40,5 = US 9") has letters but no language.
    if (realWords(words).length * 2 < words.length) continue;
    const needed = wrongScript(words, declared)
      ? MIN_WRONG_SCRIPT_CONFIDENCE
      : field === 'title' && words.length < SHORT_TITLE_WORDS
        ? MIN_SHORT_TITLE_CONFIDENCE
        : MIN_CONFIDENCE;
    const other = otherLanguage(block.text, words, declared, spellers, needed);
    // An English bullet in a version of another language is a line left untranslated: the
    // untranslated check's ("• Material: heat-treated carbon steel" in a Russian version).
    if (other && other.detected === 'en' && declared !== 'en' && BULLET_RE.test(block.text)) continue;
    if (other) found.push({ ...block, ...other });
    // A Spanish title in a Portuguese version or the other way round, as a sentence is judged
    // ("Correa de reloj de cuero ... con pasadores" in a Portuguese version).
    else if (field === 'title' && partnerSentence(realWords(words), declared, spellers, block.text))
      found.push({ ...block, detected: PARTNER[declared]!, confidence: 1 });
    // A title in a language no check has a dictionary for, by its trigrams and a letter or two
    // function words of that language ("Інкубатор на 24 яйця з автоматичним перевертанням"), or
    // in a Russian version by two words only Ukrainian writes.
    else if (
      field === 'title' &&
      own &&
      ((declared === 'ru' && isUkrainian(block.text)) ||
        ((declared === 'ru' ? UKRAINIAN_RE.test(block.text) : outsideLanguage(words, own, true)) &&
          outsideByTrigrams(block.text, words, declared, own)))
    )
      found.push({ ...block, detected: 'other', confidence: 1 });
    else if (field === 'description') found.push(...wrongSentences(block, declared, spellers));
  }
  return found;
}

/** A list item: a line that starts with a bullet, a dash or a check mark. */
const BULLET_RE = new RegExp(String.raw`^\s{0,8}[${BULLET_CHARS}]\s`, 'u');

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
    code: p.detected === 'other' ? 'other' : 'paragraph',
    params: (p.detected === 'other' ? { declared } : { declared, detected: p.detected }) as IssueParams,
    span: [p.start, p.end] as [number, number],
  }));
}
