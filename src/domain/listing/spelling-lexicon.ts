/**
 * Whether a word belongs to a language: the hunspell dictionary, its regular formations (prefixes,
 * derivations, diminutives, enclitics, inflection paradigms, compounds) and a large frequency
 * list, read as a noisy channel (a listed word is still a slip when a word one edit away is far
 * more frequent).
 */
import type { Language } from '../types.js';
import {
  accentCorrection,
  accentRequiredByEnding,
  closeCorrection,
  doubledLetterSlip,
  plausibleSlip,
  stripAccents,
} from './spelling-correction.js';
import type { SpellChecker } from './types.js';
import {
  DERIVATIONS,
  DIMINUTIVE_BASE_ENDINGS,
  DIMINUTIVES,
  PARADIGMS,
  PREFIXES,
  RUSSIAN_DEVERBAL_VERB_ENDINGS,
  RUSSIAN_FAMILY_ENDINGS,
  RUSSIAN_FAMILY_SUFFIXES,
  RUSSIAN_IMPOSSIBLE_JOINS,
  RUSSIAN_KA_ENDINGS,
  RUSSIAN_VERB_PREFIXES,
} from './words/affixes.js';

const SPANISH_PRONOUNS = ['me', 'te', 'se', 'nos', 'os', 'lo', 'la', 'los', 'las', 'le', 'les'];

/**
 * A Spanish verb with one or two pronouns attached: "Límpiala" = "limpia" + "la" (the written
 * accent exists because of the pronoun), "Acórtelo" = "acorte" + "lo", "desembalarla" =
 * infinitive + "la" (no accent needed). Every split is tried: "acór" + "te" + "lo" is not a verb.
 */
function knowsEnclitic(speller: SpellChecker, lower: string): boolean {
  const splits: string[] = [];
  for (const first of SPANISH_PRONOUNS) {
    if (!lower.endsWith(first)) continue;
    const rest = lower.slice(0, -first.length);
    splits.push(rest);
    for (const second of SPANISH_PRONOUNS)
      if (rest.endsWith(second)) splits.push(rest.slice(0, -second.length));
  }
  for (const verb of splits) {
    if (verb.length < 3) continue;
    if (/[áéíóú]/u.test(verb) && knows(speller, stripAccents(verb))) return true;
    if (/(?:ar|er|ir)$/u.test(verb) && knows(speller, verb)) return true;
  }
  return false;
}

/** Hunspell lookup in the word's case, lower case, or (for upper-case words) capitalized. */
export function knows(speller: SpellChecker, word: string): boolean {
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

/** A listed compound rivalling its correction, at least this frequent (1 in 10^7.6), is a word. */
const LISTED_COMPOUND_CB = 760;

/** At most this many centibels below 1 (one word in 10^7) for a list word to vouch for others. */
const ATTESTED_CB = 700;

/**
 * A word seen often enough to vouch for another form of it: in the frequency list at least one in
 * 10^7 (a rare dictionary word such as "nivaux" does not make "nivau" a form); the dictionary alone
 * when there is no list (tests).
 */
function wellAttested(speller: SpellChecker, lower: string): boolean {
  if (!speller.centibels) return speller.correct(lower);
  return (speller.centibels(lower) ?? 1000) <= ATTESTED_CB;
}

/**
 * What the frequency list says of a word hunspell lacks: `absent` (not listed), `known` (listed,
 * and no word one slip away is so much more frequent that this one reads as its misspelling), or
 * `suspect` (listed, but a slip of a far more frequent word: "comodo" beside "cómodo").
 */
export function listVerdict(
  speller: SpellChecker,
  lower: string,
  lang: Language,
  others?: Partial<Record<Language, SpellChecker>>,
): 'absent' | 'known' | 'suspect' {
  const cB = speller.centibels?.(lower);
  if (cB === undefined) return 'absent';
  // A word this frequent (one in a million) is a slip only of a word at least ten times as frequent
  // that an accent away: other slips would need a correction no word list has that often.
  const correction =
    cB < 600 ? accentCorrection(speller, lower, lang) : closeCorrection(speller, lower, lang);
  if (correction?.centibels === undefined) return 'known';
  // Another form of the same word ("flyaways" beside "flyaway") is an inflection, not a slip; a
  // listed compound rivalling another ("hardwire" beside "hardware") is a word of its own.
  // (Not Russian: its paradigms are wide enough that a dropped ending is another "form".)
  if (lang !== 'ru' && isParadigmSibling(lower, correction.word, lang)) return 'known';
  // Russian too when the word is a full case form of a noun the dictionary has bare ("дизайны"
  // beside дизайн, дизайна): a cut word such as "примерн" has no ending, and a slip in the ending
  // of an adjective ("базовы") has no bare noun.
  if (lang === 'ru' && isParadigmSibling(lower, correction.word, lang) && caseFormOfKnownNoun(speller, lower))
    return 'known';
  // (Not an accent pair: "esta" + "tica" against "está" + "tica" is one part written two ways.)
  if (!correction.accentOnly && cB <= LISTED_COMPOUND_CB && rivalCompounds(speller, lower, correction.word))
    return 'known';
  // A form whose own paradigm is listed, more often than the word itself ("wobblers" beside
  // "wobbler", "discales" beside "discal", "хвостовики" beside хвостовик, хвостовика): a rare trade
  // word in another form, not a slip of a frequent neighbour.
  if (!correction.accentOnly && listedParadigm(speller, lower, lang, cB, correction)) return 'known';
  // A listed word one distant consonant from its frequent neighbour ("chamfer" / "chamber",
  // "padouk" / "padoue"): no likely slip makes one from the other, so the list's word stands.
  if (!correction.accentOnly && !plausibleSlip(lower, correction.word)) return 'known';
  const gap = cB - correction.centibels;
  // A missing accent is the commonest slip (gap 100 = ten times rarer than the accented word);
  // other slips need the word to be rarer still, the more so the more often the word itself is seen.
  if (correction.accentOnly)
    return gap >= 100 || accentRequiredByEnding(lower, correction.word, lang) ? 'suspect' : 'known';
  let needed = cB >= 750 ? 50 : cB >= 700 ? 150 : 180;
  // Far more frequent in another language ("comfortable" in French text): the list has it as that
  // language's word, which vouches less for it here.
  for (const [other, checker] of Object.entries(others ?? {}) as Array<[Language, SpellChecker]>) {
    const elsewhere = other === lang ? undefined : checker.centibels?.(lower);
    if (elsewhere !== undefined && elsewhere + 100 <= cB) {
      needed -= 50;
      break;
    }
  }
  return gap >= needed ? 'suspect' : 'known';
}

/** A Russian noun's case ending after a stem of three letters or more. */
const RUSSIAN_CASE_FORM = /^(.{3,}?)(?:ами|ов|ам|ах|ом|ей|ы|и|а|у|е)$/u;

/** A case form of a noun whose bare form (or its -й, -ь lemma) the dictionary has. */
function caseFormOfKnownNoun(speller: SpellChecker, lower: string): boolean {
  const stem = RUSSIAN_CASE_FORM.exec(lower)?.[1];
  if (stem === undefined) return false;
  return speller.correct(stem) || speller.correct(`${stem}й`) || speller.correct(`${stem}ь`);
}

/** A correction this frequent (one word in 10^6.5) is a common word (as `slipOfCommonWord`). */
const COMMON_CORRECTION_CB = 650;

/** A correction at least this frequent (one word in 10^6): a letter or a diacritic from it is a slip. */
const FREQUENT_CORRECTION_CB = 600;

/** Most centibels of a sibling that vouches for a listed form (one word in 10^7.6). */
const SIBLING_CB = 760;

/** A correction on the word's own stem this much more frequent (30 times) is the right form. */
const SAME_STEM_GAP = 150;

/**
 * Spanish and Portuguese add "-es" to a consonant or a stressed vowel ("flores", "rubíes"), never to
 * an unstressed one: "desviadoes" is no plural of "desviado"; and an ending that adds a syllable
 * drops the written accent of a last syllable in -n or -s.
 */
function noPluralEs(lang: Language, ending: string, stem: string): boolean {
  // English adds "-es" after a hissing sound: "boxes", "brushes"; "boxs" is a slip.
  if (lang === 'en') return ending === 's' && /(?:[sxz]|[cs]h)$/u.test(stem);
  if (lang !== 'es' && lang !== 'pt') return false;
  if (ending === 'es' && /[aeiou]$/u.test(stem)) return true;
  // A stressed last syllable in -n or -s loses its written accent when an ending adds a syllable:
  // "patrón" -> "patrones", "inglés" -> "ingleses", "português" -> "portugueses" ("patrónes" is a slip).
  return /^[aeiou]/u.test(ending) && /[áéíóúâêô][ns]$/u.test(stem);
}

/** A dropped letter's correction must be this much more frequent (centibels: 200 = 100 times). */
const DROPPED_LETTER_GAP = 200;

/** `lower` is `word` with one letter left out. */
function droppedLetter(lower: string, word: string): boolean {
  if (word.length !== lower.length + 1) return false;
  let i = 0;
  while (i < lower.length && lower[i] === word[i]) i++;
  return lower.slice(i) === word.slice(i + 1);
}

/**
 * A listed word with other forms of its paradigm listed at least as often as itself (and at least
 * one in 10^7.6): one sibling, two in Russian, whose own ending must be a real one (not the bare
 * stem: "примерн" beside примерно is a cut word).
 */
function listedParadigm(
  speller: SpellChecker,
  lower: string,
  lang: Language,
  cB: number,
  correction: { word: string; centibels?: number },
): boolean {
  if (!speller.centibels) return false;
  // A doubled or dropped letter of a common word ("металический") is a slip the web repeats in every
  // form: its listed paradigm is the same slip, not a rare word.
  if ((correction.centibels ?? 1000) <= COMMON_CORRECTION_CB && doubledLetterSlip(lower, correction.word))
    return false;
  // So is any letter dropped from a common word a hundred times as frequent ("segudos" for
  // "segundos", with "segudo" listed too).
  if (
    (correction.centibels ?? 1000) <= COMMON_CORRECTION_CB &&
    cB - (correction.centibels ?? 1000) >= DROPPED_LETTER_GAP &&
    droppedLetter(lower, correction.word)
  )
    return false;
  const needed = lang === 'ru' ? 2 : 1;
  const limit = Math.min(SIBLING_CB, cB);
  for (const { stem, siblings } of paradigmSplits(lower, lang)) {
    // A far more frequent correction on the same stem is the right form ("genous" / "genoux").
    if (correction.word.startsWith(stem) && cB - (correction.centibels ?? 1000) >= SAME_STEM_GAP) continue;
    let hits = 0;
    for (const other of siblings)
      if ((speller.centibels(stem + other) ?? 1000) <= limit && ++hits >= needed) return true;
  }
  return false;
}

/**
 * Each way a word splits into a stem of four letters or more and a real ending of one of its
 * language's paradigms, with the paradigm's other endings that fit that stem (the siblings to look
 * up). Not the bare Russian stem, on either side: bare stems are often cut words in the list
 * ("руков", "примерн"); no "-s" after "s", no Spanish or Portuguese "-es" after an unstressed vowel.
 */
function* paradigmSplits(lower: string, lang: Language): Generator<{ stem: string; siblings: string[] }> {
  if (lang === 'ru' && RUSSIAN_IMPOSSIBLE_JOINS.test(lower)) return;
  for (const paradigm of PARADIGMS[lang]) {
    for (const ending of paradigm) {
      if (!lower.endsWith(ending) || (lang === 'ru' && ending === '')) continue;
      const stem = lower.slice(0, lower.length - ending.length);
      if (
        [...stem].length < 4 ||
        (ending === 's' && stem.endsWith('s')) ||
        noPluralEs(lang, ending, stem) ||
        !fitsParadigm(lang, paradigm, stem)
      )
        continue;
      const siblings = paradigm.filter(
        (other) =>
          other !== ending &&
          !(other === 's' && stem.endsWith('s')) &&
          !(lang === 'ru' && other === '') &&
          !noPluralEs(lang, other, stem),
      );
      yield { stem, siblings };
    }
  }
}

/**
 * English agent nouns and -ing forms of a verb that takes no doubled consonant: "focusers" (focus),
 * "wicking" (wick). A stem that would double its last consonant (one vowel, then one consonant, in a
 * one-syllable word: run, ship, wrap) is not accepted: "runing" and "wraper" stay slips.
 */
function knowsEnglishAgentNoun(speller: SpellChecker, lower: string): boolean {
  const match = /^(.{4,}?)(?:ers|er|ing)$/u.exec(lower);
  if (!match) return false;
  const stem = match[1]!;
  const syllables = stem.match(/[aeiouy]+/gu)?.length ?? 0;
  if (syllables < 2 && /[^aeiou][aeiou][b-df-hj-np-tvz]$/u.test(stem)) return false;
  // The doubled consonant of such a stem: pit -> "pitter", strip -> "stripper" (not "wrapper" of "wrapp").
  const doubled = /^(.*[^aeiou][aeiou]([b-df-hj-np-tvz]))\2$/u.exec(stem);
  if (doubled && (doubled[1]!.match(/[aeiouy]+/gu)?.length ?? 0) === 1 && speller.correct(doubled[1]!))
    return true;
  // A stem ending in "e" takes "-er" only (the -e rule above); "-ing" drops the e.
  if (stem.endsWith('e')) return false;
  return speller.correct(stem);
}

/** Forms the dictionaries' affix rules do not produce (diminutives, regular derivations). */
/**
 * A word the list has a hundred times rarer than its correction (or lacks, when `unlisted` counts:
 * an unlisted derivation is still coined trade vocabulary, an unlisted inflection is not), a common
 * word (one in 10^6), that lacks one of its letters (the commonest slip: "longeur" / "longueur"). Other neighbours are often the
 * base's own forms ("stuffer" / "stuffed", "centrador" / "centrado"): no evidence against a derivation.
 */
function slipOfFrequentWord(speller: SpellChecker, lower: string, lang: Language, unlisted = false): boolean {
  const cB = speller.centibels?.(lower) ?? (unlisted && speller.centibels ? 1000 : undefined);
  if (cB === undefined) return false;
  const correction = closeCorrection(speller, lower, lang);
  const corrected = correction?.centibels;
  if (correction === undefined || corrected === undefined) return false;
  // (A first letter less is another word as often as a slip: "пинами" is no "спинами".)
  return (
    corrected <= FREQUENT_CORRECTION_CB &&
    cB - corrected >= 200 &&
    [...correction.word].length === [...lower].length + 1 &&
    correction.word.slice(1) !== lower
  );
}

/** The dropped letter of `slipOfFrequentWord` (listed or not) is one of a doubled pair. */
function undoubledCommonWord(speller: SpellChecker, lower: string, lang: Language): boolean {
  if (!slipOfFrequentWord(speller, lower, lang, true)) return false;
  const correction = closeCorrection(speller, lower, lang);
  return correction !== undefined && doubledLetterSlip(lower, correction.word);
}

function knowsDerivation(speller: SpellChecker, lower: string, lang: Language): boolean {
  for (const [suffix, bases] of DERIVATIONS[lang]) {
    if (!lower.endsWith(suffix) || lower.length - suffix.length < 4) continue;
    const stem = lower.slice(0, -suffix.length);
    // French keeps a soft g or c before a and o: recharg-er gives "rechargeable", remplac-er
    // "remplaçable"; "rechargable" is a slip, no derivation.
    if (lang === 'fr' && /^[ao]/u.test(suffix) && /[gc]$/u.test(stem)) continue;
    // "ador" keeps its "a" in the infinitive: enhebr-ador -> enhebr-ar.
    if (bases.some((b) => speller.correct(stem + b))) return true;
  }
  if (lang === 'en' && knowsEnglishAgentNoun(speller, lower)) return true;
  // Spanish writes -iaco with or without the accent (cardiaco, cardíaco; policiaco, zodiaco).
  if (lang === 'es' && /iac[oa]s?$/u.test(lower) && speller.correct(lower.replace(/iac(?=[oa]s?$)/u, 'íac')))
    return true;
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

/**
 * Stems whose adjectives mix -ий with -ая, -ое (мягкий, мягкое; свежий, свежая): after г, к, х and
 * the hushing consonants only. Elsewhere -ий is a soft stem's ("передний", "переднее"), and
 * "передное" is a slip.
 */
const MIXED_ADJECTIVE_STEM = /[гкхжшчщ]$/u;

/** Whether a stem takes a paradigm's endings at all (the mixed Russian adjective's: see above). */
function fitsParadigm(lang: Language, paradigm: readonly string[], stem: string): boolean {
  return !(lang === 'ru' && paradigm[0] === 'ий' && paradigm[1] === 'ая' && !MIXED_ADJECTIVE_STEM.test(stem));
}

/**
 * An inflected form of a well-attested word: another ending of the same paradigm gives a known
 * word ("chalotas" / "chalota"; Russian needs two such forms, its paradigms being large). A form
 * that breaks a spelling rule at the ending ("напиткы") is a slip, not a form.
 */
export function knowsInflection(speller: SpellChecker, lower: string, lang: Language): boolean {
  if (lang === 'ru' && RUSSIAN_IMPOSSIBLE_JOINS.test(lower)) return false;
  const needed = lang === 'ru' ? 2 : 1;
  for (const paradigm of PARADIGMS[lang]) {
    for (const ending of paradigm) {
      if (!lower.endsWith(ending)) continue;
      const stem = lower.slice(0, lower.length - ending.length);
      // A Russian stem of three letters ("пин-ами") needs a third attested form: short stems meet
      // endings by chance more often.
      const short = lang === 'ru' && [...stem].length === 3 && ending.length >= 2;
      if ([...stem].length < 4 && !short) continue;
      // "bebidass" is not the plural of "bebidas", nor "brightnes" the singular of "brightness".
      if (ending === 's' && stem.endsWith('s')) continue;
      if (noPluralEs(lang, ending, stem)) continue;
      if (!fitsParadigm(lang, paradigm, stem)) continue;
      if (short) {
        let listed = 0;
        for (const other of paradigm)
          if (other !== ending && (speller.centibels?.(stem + other) ?? 1000) <= ATTESTED_CB) listed++;
        if (listed >= 3) return true;
        continue;
      }
      let hits = 0;
      let withDictionary = 0;
      let listOnly = false;
      for (const other of paradigm) {
        if (other === ending || (other === 's' && stem.endsWith('s'))) continue;
        // -ий and -ие of an adjective are also a noun's ("изделий", "изделие"): they vouch for no
        // adjective form ("изделей" is a slip of "изделий").
        if (lang === 'ru' && paradigm[0] === 'ий' && (other === 'ий' || other === 'ие')) continue;
        const sibling = stem + other;
        // An English plural of a singular the dictionary has, however rare ("platies", platy).
        const englishSingular = lang === 'en' && ending !== '' && speller.correct(sibling);
        if (wellAttested(speller, sibling) || englishSingular) {
          if (++hits >= needed) return true;
          continue;
        }
        if (lang !== 'ru') continue;
        // Russian: a dictionary entry without its inflections ("гофра" known, "гофры" only listed)
        // lets its known forms count too; where the dictionary inflects the stem, a form it lacks
        // ("настольны", "оттяжк") is a slip.
        const known = speller.correct(sibling);
        if (known) withDictionary++;
        else if ((speller.centibels?.(sibling) ?? 1000) <= RARE_SIBLING_CB) listOnly = true;
      }
      if (listOnly && withDictionary + hits >= needed) return true;
    }
  }
  return false;
}

/** A Russian neuter noun in -ие and its case endings (плетение, плетения, плетений, плетениями). */
const RUSSIAN_NEUTER_IE_RE = /^(\p{L}{3,}и)(е|я|ю|ем|и|й|ям|ями|ях)$/u;
const NEUTER_IE_ENDINGS = ['е', 'я', 'ю', 'ем', 'и', 'й', 'ям', 'ями', 'ях'];

/**
 * A case form of a Russian -ие noun whose dictionary entry has two other forms: the Russian
 * dictionary lacks many of them (the genitive plural "плетений" beside плетение, плетения), and
 * the paradigm is regular.
 */
function knowsNeuterIeForm(speller: SpellChecker, lower: string): boolean {
  const match = RUSSIAN_NEUTER_IE_RE.exec(lower);
  if (!match) return false;
  const [, stem, ending] = match;
  let known = 0;
  for (const other of NEUTER_IE_ENDINGS) {
    if (other !== ending && speller.correct(stem! + other) && ++known >= 2) return true;
  }
  return false;
}

/**
 * A Russian compound adjective of a numeral or "many", "half" and a known noun: "двух" + "строп" +
 * "-ный", "трёх" + "слой" + "-ный", "много" + "камер(а)" + "-ный": the trade's way to count parts.
 */
const RUSSIAN_NUMERAL_COMPOUND_RE =
  /^(?:одно|двух|трех|трёх|четырех|четырёх|пяти|шести|семи|восьми|десяти|много|мало|полу|разно)(\p{L}{3,}?)н(ый|ая|ое|ые|ого|ому|ым|ом|ой|ую|ых|ыми|ой)$/u;

function knowsNumeralCompound(speller: SpellChecker, lower: string): boolean {
  const stem = RUSSIAN_NUMERAL_COMPOUND_RE.exec(lower)?.[1];
  if (stem === undefined || [...stem].length < 3) return false;
  return [stem, `${stem}а`, `${stem}ь`, `${stem}о`].some((noun) => speller.correct(noun));
}

const RUSSIAN_RELATIONAL_RE = /^(\p{L}{2,}?)([ое]в|ьн)(ый|ая|ое|ые|ого|ому|ым|ом|ой|ую|ых|ыми)$/u;

/**
 * A Russian relational adjective built on a known noun: noun + -ов-/-ев-/-ьн- + adjective ending
 * ("гель" -> "гелевый", "бамбук" -> "бамбуковых", "прокол" -> "прокольный"), the way Russian names
 * a material, part or purpose.
 */
export function knowsRelationalAdjective(speller: SpellChecker, lower: string): boolean {
  const match = RUSSIAN_RELATIONAL_RE.exec(lower);
  if (!match) return false;
  const stem = match[1]!;
  if ([...stem].length < 3) return false;
  // A noun in -ь takes -ев- ("ясень" -> "ясеневый", "гель" -> "гелевый"): "-ов-" on it is a slip.
  if (match[2] === 'ов' && speller.correct(`${stem}ь`)) return false;
  return ['', 'ь', 'а', 'я', 'ы', 'и', 'о'].some(
    (e) => speller.correct(stem + e) || wellAttested(speller, stem + e),
  );
}

/**
 * Two compounds that share a part and differ in the other, both parts frequent words ("hard" +
 * "wire" / "hard" + "ware"): two words, not a slip ("removeable" is no compound of "removable").
 */
function rivalCompounds(speller: SpellChecker, lower: string, correction: string): boolean {
  for (let i = 4; i <= lower.length - 4; i++) {
    const head = lower.slice(0, i);
    const tail = lower.slice(i);
    if (!strongPart(speller, head) || !strongPart(speller, tail)) continue;
    // The rival part replaces letters of the same length ("wire" / "ware"), not a dropped one
    // ("vais" + "elle" is no rival of "vais" + "selle").
    const rivalTail = correction.slice(i);
    if (
      correction.startsWith(head) &&
      rivalTail.length === tail.length &&
      rivalTail !== tail &&
      strongPart(speller, rivalTail)
    )
      return true;
    const rivalHead = correction.slice(0, correction.length - tail.length);
    if (
      correction.endsWith(tail) &&
      rivalHead.length === head.length &&
      rivalHead !== head &&
      strongPart(speller, rivalHead)
    )
      return true;
  }
  return false;
}

/** A frequent word of at least four letters (a compound's part). */
function strongPart(speller: SpellChecker, part: string): boolean {
  if ([...part].length < 4 || !speller.correct(part)) return false;
  return (speller.centibels?.(part) ?? 0) <= 650;
}

/**
 * A closed compound of two frequent words ("portavasos", "когтеточка": stem + linking vowel +
 * word). Evidence, not proof: the caller lowers its confidence, a slip rarely splits so cleanly.
 */
export function isCompound(speller: SpellChecker, lower: string, lang: Language): boolean {
  for (let i = 4; i <= lower.length - 4; i++) {
    const head = lower.slice(0, i);
    const tail = lower.slice(i);
    if (!strongPart(speller, tail)) continue;
    if (strongPart(speller, head)) return true;
    // Russian joins a stem and a word with о/е: когт-е-точка.
    if (lang === 'ru' && /[ое]$/u.test(head)) {
      const stem = head.slice(0, -1);
      if (['', 'а', 'ы', 'и', 'о', 'ь', 'я'].some((e) => strongPart(speller, stem + e))) return true;
    }
  }
  return false;
}

const knownCache = new WeakMap<SpellChecker, Map<string, boolean>>();

/**
 * Dictionary lookup plus the word formation hunspell's affix files miss, plus the frequency list
 * (memoized per checker: the answer depends only on the word, its language and whether the other
 * languages' lists were given).
 */
export function knowsWord(
  speller: SpellChecker,
  word: string,
  lang: Language,
  others?: Partial<Record<Language, SpellChecker>>,
): boolean {
  let cache = knownCache.get(speller);
  if (!cache) {
    cache = new Map();
    knownCache.set(speller, cache);
  }
  const key = `${others ? '+' : '-'}${lang}:${word}`;
  let known = cache.get(key);
  if (known === undefined) {
    known = knowsWordUncached(speller, word, lang, others);
    if (cache.size > 50_000) cache.clear();
    cache.set(key, known);
  }
  return known;
}

function knowsWordUncached(
  speller: SpellChecker,
  word: string,
  lang: Language,
  others?: Partial<Record<Language, SpellChecker>>,
): boolean {
  if (knows(speller, word)) return true;
  const lower = word.toLowerCase();
  // Russian writes ё or е at will: "блёснами" is "блеснами".
  if (lang === 'ru' && lower.includes('ё') && knowsWord(speller, lower.replaceAll('ё', 'е'), lang, others))
    return true;
  for (const prefix of PREFIXES[lang]) {
    // "anti" takes short nouns too ("antiosos": against bears, "antigás").
    const minRest = prefix === 'anti' || prefix === 'анти' ? 4 : 5;
    if (lower.startsWith(prefix) && lower.length - prefix.length >= minRest) {
      const rest = lower.slice(prefix.length).replace(/^-/, '');
      if (knows(speller, rest)) return true;
      // A listed word after a prefix of four letters or more ("auto" + "sellante"), when the list
      // reads it as a word ("re" + "moveable" is no formation of "removable").
      if (prefix.length >= 4 && rest.length >= 6 && listVerdict(speller, rest, lang, others) === 'known')
        return true;
      // French agreement after such a prefix: "auto" + "affûtante", the feminine of "affûtant".
      if (lang === 'fr' && prefix.length >= 4) {
        const base = /(?<=.{5})(?:es|e|s)$/u.exec(rest);
        if (base && knows(speller, rest.slice(0, base.index))) return true;
      }
      // A prefix on a regular derivation: "auto" + "limpiable" (limpiar), "pre" + "formante".
      if (knowsDerivation(speller, rest, lang)) return true;
      // "антипрокольный": a prefix on a relational adjective of a known noun.
      if (lang === 'ru' && knowsRelationalAdjective(speller, rest)) return true;
      // Spanish and Portuguese double the r after a vowel-final prefix: auto + r... -> autorr...
      if ((lang === 'es' || lang === 'pt') && rest.startsWith('rr') && knows(speller, rest.slice(1)))
        return true;
      if (lang === 'pt' && rest.startsWith('ss') && knows(speller, rest.slice(1))) return true;
    }
  }
  // A regular derivation is a word, unless the list reads it as a slip of a common word a hundred
  // times as frequent ("longeur" is "longueur", no agent noun of "longer").
  // Nor when the common word is the same with a doubled letter ("transmiter" is "transmitter", no
  // agent noun of "transmit" that forgot to double).
  if (
    knowsDerivation(speller, lower, lang) &&
    !slipOfFrequentWord(speller, lower, lang) &&
    !undoubledCommonWord(speller, lower, lang)
  )
    return true;
  if (lang === 'es' && knowsEnclitic(speller, lower)) return true;
  if (lang === 'ru' && (knowsNeuterIeForm(speller, lower) || knowsNumeralCompound(speller, lower)))
    return true;
  // A Russian adverb in -о of an adjective the dictionary has: бесконтактный -> бесконтактно.
  if (
    lang === 'ru' &&
    /[нкв]о$/u.test(lower) &&
    ['ый', 'ий', 'ой'].some((e) => speller.correct(lower.slice(0, -1) + e))
  )
    return true;
  const verdict = listVerdict(speller, lower, lang, others);
  if (verdict === 'known') return true;
  // A relational adjective of a known noun is a word even when the list also has a frequent
  // neighbour for it: the morphology is evidence of its own.
  if (lang === 'ru' && knowsRelationalAdjective(speller, lower)) return true;
  // An unlisted word one letter short of a common word is that word's slip, whatever paradigm it
  // seems to share ("divison" is "division", not the singular of the verb form "divisons").
  // Nor is one a diacritic away from a common word ("tamanos" is "tamaños", whatever "tamano" says).
  return (
    verdict === 'absent' &&
    knowsInflection(speller, lower, lang) &&
    !slipOfFrequentWord(speller, lower, lang, true) &&
    (accentCorrection(speller, lower, lang)?.centibels ?? 1000) > FREQUENT_CORRECTION_CB
  );
}

/**
 * Two forms of one word in one paradigm ("flyaways" / "flyaway", "отлипа" / "отлип"): same stem of
 * at least three letters, two endings of the same group; "-s" after a final "s" is no ending.
 */
export function isParadigmSibling(a: string, b: string, lang: Language): boolean {
  if (a === b) return false;
  for (const paradigm of PARADIGMS[lang]) {
    for (const ending of paradigm) {
      if (!a.endsWith(ending)) continue;
      const stem = a.slice(0, a.length - ending.length);
      if ([...stem].length < 3 || (ending === 's' && stem.endsWith('s'))) continue;
      for (const other of paradigm) {
        if (other === ending || (other === 's' && stem.endsWith('s'))) continue;
        if (noPluralEs(lang, ending, stem) || noPluralEs(lang, other, stem)) continue;
        if (b === stem + other) return true;
      }
    }
  }
  return false;
}

/** One edit (insert, delete, replace or swap of neighbours) between two words. */
export function oneEditApart(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const restA = a.slice(i);
  const restB = b.slice(i);
  if (a.length === b.length) {
    if (restA.slice(1) === restB.slice(1)) return true;
    return (
      restA.length >= 2 && restA[0] === restB[1] && restA[1] === restB[0] && restA.slice(2) === restB.slice(2)
    );
  }
  return a.length > b.length ? restA.slice(1) === restB : restB.slice(1) === restA;
}

/** Family members looked at per stem. */
const FAMILY_SCAN = 24;

/** Case endings of nouns that no adjective or participle stem (-нн-) takes. */
const NOUN_ONLY_ENDINGS: ReadonlySet<string> = new Set([
  'у',
  'ю',
  'е',
  'и',
  'я',
  'ь',
  'ам',
  'ами',
  'ах',
  'ов',
]);

/**
 * A Russian word that is another form of a lexeme the frequency list has in other forms: strip an
 * ending, and the stem (five letters or more) starts two listed words that are that stem plus an
 * ending or a regular suffix ("отверждается": отверждение, отверждения; "запитывайте": запитать,
 * запитан). Russian paradigms are large and technical verbs rare, so a list has some forms and not
 * others; a slip rarely leaves a stem whose family is listed (words one edit away do not count:
 * "запястя" has its correction there, not a family).
 */
export function belongsToFamily(
  speller: SpellChecker,
  lower: string,
  lang: Language,
  correction?: string,
): boolean {
  if (lang !== 'ru' || !speller.family || RUSSIAN_IMPOSSIBLE_JOINS.test(lower)) return false;
  for (const ending of RUSSIAN_FAMILY_ENDINGS) {
    if (!lower.endsWith(ending)) continue;
    const stem = lower.slice(0, lower.length - ending.length);
    // A correction on the same stem means a slip in the ending ("базовы" / "базовый"), not a form.
    if ([...stem].length < 5 || correction?.startsWith(stem)) continue;
    // A stem in -нн is an adjective's or a participle's: it takes no noun ending ("картинну").
    if (stem.endsWith('нн') && NOUN_ONLY_ENDINGS.has(ending)) continue;
    let members = 0;
    for (const [word] of speller.family(stem, FAMILY_SCAN)) {
      const rest = word.slice(stem.length);
      if (rest === ending || !RUSSIAN_FAMILY_SUFFIXES.has(rest) || oneEditApart(word, lower)) continue;
      if (++members >= 2) return true;
    }
  }
  return false;
}

/**
 * A Russian noun in -ка made from a verb the dictionary or the list has: подмот-ка from подмотать,
 * простав-ки from проставить, простав-ок (genitive plural). Technical Russian names parts and
 * operations this way far more often than a word list can hold.
 */
export function isDeverbalNoun(speller: SpellChecker, lower: string, lang: Language): boolean {
  if (lang !== 'ru') return false;
  let stem: string | undefined;
  if (lower.endsWith('ок')) stem = lower.slice(0, -2);
  else {
    for (const ending of RUSSIAN_KA_ENDINGS) {
      if (lower.endsWith(`к${ending}`)) {
        stem = lower.slice(0, -(ending.length + 1));
        break;
      }
    }
  }
  if (stem === undefined || [...stem].length < 5) return false;
  return RUSSIAN_DEVERBAL_VERB_ENDINGS.some(
    (e) => speller.correct(stem + e) || wellAttested(speller, stem + e),
  );
}

/**
 * A Russian verbal prefix on a word the dictionary knows ("про" + "шлифуйте"): a prefixed verb or
 * noun of its own, which the dictionary lacks more often than it lacks a slip.
 */
export function isPrefixedWord(speller: SpellChecker, lower: string, lang: Language): boolean {
  if (lang !== 'ru') return false;
  for (const prefix of RUSSIAN_VERB_PREFIXES) {
    if (!lower.startsWith(prefix)) continue;
    const rest = lower.slice(prefix.length);
    if ([...rest].length >= 5 && speller.correct(rest)) return true;
  }
  return false;
}

/** A sibling listed at most this rarely (one word in 10^8) still outweighs an unlisted correction. */
const RARE_SIBLING_CB = 800;

/**
 * Another form of the word's paradigm that the frequency list has more often than the correction
 * ("griffoir" at 772 cB for "griffoirs", whose correction "greffoirs" no list has): a rare trade word
 * in another form, not a slip (Russian needs two such forms). A correction the list has more often
 * than every sibling wins.
 */
export function listedSiblingOutweighs(
  speller: SpellChecker,
  lower: string,
  lang: Language,
  correctionCb: number | undefined,
): boolean {
  if (!speller.centibels) return false;
  const needed = lang === 'ru' ? 2 : 1;
  const limit = Math.min(RARE_SIBLING_CB, correctionCb ?? 1000);
  for (const { stem, siblings } of paradigmSplits(lower, lang)) {
    let hits = 0;
    for (const other of siblings)
      if ((speller.centibels(stem + other) ?? 1000) < limit && ++hits >= needed) return true;
  }
  return false;
}

const RUSSIAN_NOUN_FORM_RE = /^(.{4,}?)(?:ами|ов|ам|ах|ом|ы|а|у|е)$/u;
/**
 * Stems a loan noun does not end with: a soft sign, й, a hushing letter or a cluster that closes
 * cut adjectives and surnames in the lists ("примерн", "базов", "руков", "городск").
 */
const NOT_LOAN_STEM_RE = /(?:[нвйьжшчщ]|ск)$/u;

/**
 * A case form of a loan noun the dictionary or the list has bare (a hard consonant stem + -ов, -ы,
 * -ам, -ами, -ах, -ом, -а, -у, -е): the lists hold a trade loan's nominative far more often than its
 * other cases. Not when the correction keeps the stem (a slip in the ending), nor on stems that end as
 * cut words and surnames do.
 */
export function isLoanNounForm(
  speller: SpellChecker,
  lower: string,
  lang: Language,
  correction?: string,
): boolean {
  if (lang !== 'ru') return false;
  const stem = RUSSIAN_NOUN_FORM_RE.exec(lower)?.[1];
  if (stem === undefined || NOT_LOAN_STEM_RE.test(stem) || !/[бгдзклмпрстфхц]$/u.test(stem)) return false;
  if (correction?.startsWith(stem) || RUSSIAN_IMPOSSIBLE_JOINS.test(lower)) return false;
  return speller.correct(stem) || (speller.centibels?.(stem) ?? 1000) <= RARE_SIBLING_CB;
}

/** Russian verb endings by infinitive class, for forms the dictionary does not conjugate. */
const RUSSIAN_VERB_FORMS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['ать', ['айте', 'ай', 'ает', 'ают', 'аем', 'аете', 'аешь', 'ал', 'ала', 'али', 'ая', 'ав']],
  ['ять', ['яйте', 'яй', 'яет', 'яют', 'яем', 'яете', 'яешь', 'ял', 'яла', 'яли', 'яя', 'яв']],
  ['еть', ['ейте', 'ей', 'еет', 'еют', 'еем', 'еете', 'ел', 'ела', 'ели']],
  // The imperative of -ить verbs stressed on the stem: "обставьте" of обставить, "заправьте".
  ['ить', ['ьте']],
];

/**
 * A form of a verb whose infinitive the dictionary has but does not conjugate ("обмет-айте" of
 * обметать): imperatives and present forms of -ать, -ять and -еть verbs, imperatives in -ьте of
 * -ить verbs, on a stem of four letters
 * or more, unless the correction keeps the stem (a slip in the ending).
 */
export function isFormOfKnownVerb(
  speller: SpellChecker,
  lower: string,
  lang: Language,
  correction?: string,
): boolean {
  if (lang === 'en') return isAbleOfKnownVerb(speller, lower);
  if (lang === 'pt') return isSubjunctiveOfKnownVerb(speller, lower);
  if (lang !== 'ru') return false;
  for (const [infinitive, endings] of RUSSIAN_VERB_FORMS) {
    for (const ending of endings) {
      if (!lower.endsWith(ending)) continue;
      const stem = lower.slice(0, -ending.length);
      if ([...stem].length < 4) continue;
      // The plural imperative is regular ("прокатывайте"): a correction that keeps the stem
      // ("прокатываете") is another form, not the word meant.
      if (correction?.startsWith(stem) && !IMPERATIVES.has(ending)) continue;
      if (speller.correct(stem + infinitive)) return true;
    }
  }
  return false;
}

/**
 * The polite imperative (the subjunctive) of a Portuguese -ar verb the dictionary has but does not
 * conjugate: "Mobilie uma casa de bonecas" of mobiliar, "calibre", "higienizem".
 */
function isSubjunctiveOfKnownVerb(speller: SpellChecker, lower: string): boolean {
  const match = /^(\p{L}{4,}?)(?:e|em|es)$/u.exec(lower);
  return match !== null && speller.correct(`${match[1]}ar`);
}

const IMPERATIVES: ReadonlySet<string> = new Set(['айте', 'яйте', 'ейте', 'ьте']);

/**
 * An English adjective in -able of a verb the dictionary has, its final "e" dropped or kept
 * ("tunable", "rotatable"), that the dictionary does not spell the other way: coined freely in
 * product text.
 */
function isAbleOfKnownVerb(speller: SpellChecker, lower: string): boolean {
  if (!lower.endsWith('able')) return false;
  const stem = lower.slice(0, -4);
  if (stem.length < 3 || !(speller.correct(stem) || speller.correct(`${stem}e`))) return false;
  // Not when the dictionary spells the adjective the other way ("rechargable" for rechargeable,
  // "removeable" for removable).
  const other = stem.endsWith('e') ? `${stem.slice(0, -1)}able` : `${stem}eable`;
  return !speller.correct(other);
}

/** A listed word at least this frequent (one in 10^7.2) names a noun a verb can be made from. */
const DENOMINAL_BASE_CB = 720;

/**
 * A Spanish or Portuguese infinitive in -ar of a noun the dictionary has or the list has well
 * (stem, stem + a/o/e): "noun" + "ar", the noun's final vowel dropped. A stem of four letters or more.
 */
export function isDenominalVerb(speller: SpellChecker, lower: string, lang: Language): boolean {
  if ((lang !== 'es' && lang !== 'pt') || !lower.endsWith('ar')) return false;
  const stem = lower.slice(0, -2);
  if ([...stem].length < 4) return false;
  return ['', 'a', 'o', 'e'].some(
    (e) => speller.correct(stem + e) || (speller.centibels?.(stem + e) ?? 1000) <= DENOMINAL_BASE_CB,
  );
}
