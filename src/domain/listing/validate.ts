import { detectLanguage } from '../message/language.js';
import type { Language } from '../types.js';
import { checkClaims } from './claims.js';
import { checkConsistency, extractQuantities } from './consistency.js';
import {
  checkAllCaps,
  checkShoutedClauses,
  checkShoutedSentences,
  checkTitleLength,
  checkTooShort,
  DEFAULT_FIELD_LIMITS,
  type FieldLimits,
} from './format.js';
import { findWrongLanguage } from './language-check.js';
import { checkPlaceholders } from './placeholders.js';
import { mergeTitleRepeats } from './repeats.js';
import { checkSpelling } from './spelling.js';
import { checkTerminology } from './terminology.js';
import { addressSpans, firstAtLeast, ingredientListSpans, overlaps, tokenize } from './text.js';
import type { Issue, ListingField, ListingVersion, SpellChecker } from './types.js';
import { checkUntranslated } from './untranslated.js';

/** Dictionaries and word lists the per-language checks read; spell checkers may be missing (tests). */
export interface ListingCheckDeps {
  spellers: Partial<Record<Language, SpellChecker>>;
  /** Brand, model, product and commerce terms of `lang` that its dictionary lacks. */
  isAllowed: (word: string, lang: Language) => boolean;
  limits?: FieldLimits;
  /** Misspellings per field that get a dictionary suggestion (default 5; each costs 50-500 ms). */
  maxSuggestions?: number;
  /** Spelling findings below this confidence are dropped (default `MIN_SPELLING_CONFIDENCE`; the eval sweeps it). */
  minSpellingConfidence?: number;
  /** The shop's own dictionary ("Add to my dictionary"): never reported as spelling for that shop. */
  shopWords?: ShopWords;
}

/** A shop's dictionary: lower-cased words per language. */
export type ShopWords = Partial<Record<Language, ReadonlySet<string>>>;

/** What the per-language checks learn from the listing's other versions. */
export interface ListingContext {
  /** Words written identically in two versions that no dictionary knows (brands, models). */
  shared: ReadonlySet<string>;
  /** Lower-cased words of every version. */
  words: ReadonlyMap<Language, ReadonlySet<string>>;
  /**
   * Whether every other version that states this length (millimetres, within 5%) states it in
   * metric units, at least one does, and this version does not (read lazily: most listings have
   * no inch size).
   */
  metricElsewhere?: (lang: Language, millimetres: number) => boolean;
}

/** A metric length this close to an inch size is its equivalent ("25 cm" for 10 inches, "42 mm" for 1.65). */
const INCH_EQUIVALENT_TOLERANCE = 0.05;

/** `ListingContext.metricElsewhere` over the versions' lengths, extracted on first use and sorted. */
function metricLengthsElsewhere(
  versions: readonly ListingVersion[],
): (lang: Language, mm: number) => boolean {
  let lengths: Map<Language, { metric: number[]; inch: number[] }> | undefined;
  const read = () =>
    new Map(
      versions.map((v) => {
        const all = [
          ...extractQuantities(v.title, v.lang, 'title'),
          ...extractQuantities(v.description, v.lang, 'description'),
        ].filter((q) => q.dimension === 'length');
        const sorted = (inch: boolean) =>
          all
            .filter((q) => (q.approx === true) === inch)
            .map((q) => q.value)
            .sort((a, b) => a - b);
        return [v.lang, { metric: sorted(false), inch: sorted(true) }];
      }),
    );
  // A binary search per list: linear-logarithmic in the number of lengths, whatever the text.
  const near = (sorted: readonly number[], mm: number) => {
    const at = firstAtLeast(sorted, mm * (1 - INCH_EQUIVALENT_TOLERANCE));
    return at < sorted.length && sorted[at]! <= mm * (1 + INCH_EQUIVALENT_TOLERANCE);
  };
  return (lang, mm) => {
    lengths ??= read();
    let metric = false;
    for (const [other, { metric: metricValues, inch }] of lengths) {
      // This version gives the metric value too ("70 mm (2 3/4 in)"), or another gives the inches.
      if (other === lang) {
        if (near(metricValues, mm)) return false;
      } else if (near(inch, mm)) return false;
      else if (near(metricValues, mm)) metric = true;
    }
    return metric;
  };
}

/**
 * An English run that is a name the seller kept in the other versions ("Smart Life", "Home
 * Assistant" in the Spanish, French and Portuguese versions alike): every capitalised word of it
 * appears in two or more other non-English versions, and it has no lower-case word longer than
 * three letters ("app", "y", "и" are the version's own) unless the run is a term of four words or
 * fewer that two other versions keep as well ("needle felting"). A pasted English sentence has words
 * the other versions translated.
 */
export function nameOfEveryVersion(
  text: string,
  issue: Issue,
  lang: Language,
  context: ListingContext,
): boolean {
  if (!issue.span || issue.code === 'chinese') return false;
  const others = [...context.words].filter(([other]) => other !== lang && other !== 'en').map(([, w]) => w);
  if (others.length < 2) return false;
  const words = text.slice(issue.span[0], issue.span[1]).match(/[\p{L}\p{N}]+/gu) ?? [];
  // A short run of lower-case words every other version keeps too is a trade term ("needle felting").
  const term = words.length <= 4;
  let names = 0;
  for (const word of words) {
    const lower = word.toLowerCase();
    const kept = others.filter((w) => w.has(lower)).length >= 2;
    if (!/^\p{Lu}/u.test(word)) {
      if (word.length <= 3) continue;
      if (!term || !kept) return false;
      names++;
      continue;
    }
    if (!kept) return false;
    names++;
  }
  return names > 0;
}

/**
 * Imperial units by family, as a version's words ("inches", "pulgadas", "10-дюймовый", "oz",
 * "onzas", "lbs"): a value's unit in one version and the same family's word in another.
 */
const IMPERIAL_FAMILIES: ReadonlyArray<{ quoted: RegExp; token: RegExp }> = [
  {
    quoted: /inch|pulgad|pouce|polegad|дюйм/iu,
    token: /^(?:\d+-)?(?:inch|inches|pulgad\p{L}*|pouces?|polegad\p{L}*|дюйм\p{L}*)$/u,
  },
  {
    quoted: /oz|ounce|onza|once|onça|унци/iu,
    token: /^(?:\d+-)?(?:oz|ounces?|onzas?|onces?|onças?|унци\p{L}*)$/u,
  },
  { quoted: /lb|pound|libra|livre|фунт/iu, token: /^(?:\d+-)?(?:lbs?|pounds?|libras?|livres?|фунт\p{L}*)$/u },
  { quoted: /psi/iu, token: /^(?:\d+-)?psi$/u },
];

/**
 * An imperial size that every other version (two or more) states too, number and a word of the same
 * unit ("10 pouces", "10 pulgadas", "10-inch"; "3 oz" in each): the trade's name of the product's
 * size, which the seller kept in every language, not an English unit left in one version.
 */
export function imperialSizeOfEveryVersion(
  text: string,
  issue: Issue,
  lang: Language,
  context: ListingContext,
): boolean {
  if (!issue.span) return false;
  const quoted = text.slice(issue.span[0], issue.span[1]);
  const family = IMPERIAL_FAMILIES.find((f) => f.quoted.test(quoted));
  const number = /\d+/u.exec(quoted)?.[0];
  if (!family || number === undefined) return false;
  const others = [...context.words].filter(([other]) => other !== lang).map(([, words]) => words);
  if (others.length < 2) return false;
  return others.every((words) => {
    let hasNumber = words.has(number);
    let hasUnit = false;
    for (const word of words) {
      if (!hasNumber && word.startsWith(`${number}-`)) hasNumber = true;
      if (!hasUnit && family.token.test(word)) hasUnit = true;
      if (hasNumber && hasUnit) return true;
    }
    return false;
  });
}

/** Shared terms and the words of every version, computed once per listing. */
export function listingContext(
  versions: readonly ListingVersion[],
  spellers: Partial<Record<Language, SpellChecker>> = {},
): ListingContext {
  const words = new Map<Language, Set<string>>();
  for (const v of versions) {
    words.set(v.lang, new Set(tokenize(`${v.title}\n${v.description}`).map((t) => t.text.toLowerCase())));
  }
  return {
    shared: sharedTerms(versions, spellers),
    words,
    metricElsewhere: metricLengthsElsewhere(versions),
  };
}

/** A listing as the API receives it: title and description per language. */
export interface ListingTexts {
  title: Partial<Record<Language, string>>;
  description: Partial<Record<Language, string>>;
}

/** The language versions of a listing, in request order; a language with only one field gets "" for the other. */
export function listingVersions(listing: ListingTexts): ListingVersion[] {
  const langs = [
    ...new Set([...Object.keys(listing.title), ...Object.keys(listing.description)]),
  ] as Language[];
  return langs.map((lang) => ({
    lang,
    title: listing.title[lang] ?? '',
    description: listing.description[lang] ?? '',
  }));
}

/**
 * Lower-cased words that appear in two or more versions and that no dictionary of those versions
 * knows: brand and model names, not typos, and not English words left in a translation.
 */
export function sharedTerms(
  versions: readonly ListingVersion[],
  spellers: Partial<Record<Language, SpellChecker>> = {},
): Set<string> {
  const seenIn = new Map<string, Set<Language>>();
  for (const v of versions) {
    for (const token of tokenize(`${v.title}\n${v.description}`)) {
      const word = token.text.toLowerCase();
      if (word.length < 3) continue;
      const langs = seenIn.get(word) ?? new Set<Language>();
      langs.add(v.lang);
      seenIn.set(word, langs);
    }
  }
  const shared = new Set<string>();
  for (const [word, langs] of seenIn) {
    if (langs.size < 2) continue;
    if ([...langs].some((l) => spellers[l]?.correct(word))) continue;
    shared.add(word);
  }
  return shared;
}

/** Share of a span's letters that `spans` cover. */
function coverage(
  span: readonly [number, number],
  spans: ReadonlyArray<readonly [number, number]>,
  text: string,
): number {
  const letters = (from: number, to: number) => (text.slice(from, to).match(/\p{L}/gu) ?? []).length;
  const total = letters(span[0], span[1]);
  if (total === 0) return 0;
  let covered = 0;
  for (const [s, e] of spans) {
    const from = Math.max(s, span[0]);
    const to = Math.min(e, span[1]);
    if (from < to) covered += letters(from, to);
  }
  return covered / total;
}

/**
 * A paragraph of the declared language with English left in it is "untranslated", not "wrong
 * language": what remains without the English runs must read as the declared language.
 */
function isMixed(
  text: string,
  span: readonly [number, number],
  runs: ReadonlyArray<readonly [number, number]>,
  lang: Language,
): boolean {
  let rest = text.slice(span[0], span[1]);
  for (const [s, e] of [...runs].sort((a, b) => b[0] - a[0])) {
    const from = Math.max(0, s - span[0]);
    const to = Math.min(rest.length, e - span[0]);
    if (from < to) rest = `${rest.slice(0, from)} ${rest.slice(to)}`;
  }
  if ((rest.match(/\p{L}{2,}/gu) ?? []).length < 4) return false;
  return detectLanguage(rest, { previous: lang }).language === lang;
}

/** Words under which an English paragraph of two sentences is still a line left untranslated. */
const LEFTOVER_WORDS = 12;

/** One sentence, or fewer than twelve words ("Cut-out needed: Ø 48 mm. Use sealant."). */
function englishLine(text: string): boolean {
  const sentences = text.split(/(?<=[.!?])\s+/u).filter((s) => /\p{L}/u.test(s)).length;
  return sentences <= 1 || (text.match(/\p{L}{2,}/gu) ?? []).length < LEFTOVER_WORDS;
}

function spansOf(issues: readonly Issue[]): Array<[number, number]> {
  return issues.flatMap((i) => (i.span ? [i.span] : []));
}

function checkField(
  text: string,
  lang: Language,
  field: ListingField,
  deps: ListingCheckDeps,
  context: ListingContext,
  versionText: string,
  isAllowed: (word: string) => boolean,
): Issue[] {
  if (text.trim().length === 0) return [];
  const shared = context.shared;
  const placeholders = checkPlaceholders(text, lang, field);
  const placeholderSpans = spansOf(placeholders);
  const ingredients = ingredientListSpans(text);
  const speller = deps.spellers[lang];
  const english = deps.spellers.en;
  const untranslatedDeps = speller && english ? { target: speller, english, isAllowed } : undefined;
  const allRuns = checkUntranslated(text, lang, field, untranslatedDeps, [
    ...placeholderSpans,
    ...ingredients,
  ]);
  const wrong: Issue[] = [];
  for (const p of findWrongLanguage(text, lang, field, deps.spellers)) {
    const span: [number, number] = [p.start, p.end];
    if (coverage(span, placeholderSpans, text) > 0.5) continue; // dummy text, reported as a placeholder
    const runs = spansOf(
      allRuns.filter((i) => i.code === 'english' && overlaps(i.span![0], i.span![1], [span])),
    );
    if (runs.length > 0 && isMixed(text, span, runs, lang)) continue;
    const previous = wrong.at(-1);
    if (
      previous?.span &&
      previous.params.detected === (p.detected === 'other' ? undefined : p.detected) &&
      text.slice(previous.span[1], span[0]).trim() === ''
    ) {
      // Consecutive paragraphs in the same other language are one finding: the version is that language.
      previous.span = [previous.span[0], span[1]];
      continue;
    }
    wrong.push({
      lang,
      field,
      kind: 'wrong_language',
      code: p.detected === 'other' ? 'other' : 'paragraph',
      params: p.detected === 'other' ? { declared: lang } : { declared: lang, detected: p.detected },
      span,
    });
  }
  // An English line of one sentence (or a few words) among lines of the declared language is
  // English left untranslated ("Use the boat only in water." between two Spanish lines); a
  // paragraph of several sentences, or half of the description and more, is a version written in
  // English (pasted). The untranslated check's own runs inside the line stand, or the line itself
  // when it found none.
  const leftovers: Issue[] = [];
  if (field === 'description' && lang !== 'en') {
    let letters: number | undefined;
    for (let k = wrong.length - 1; k >= 0; k--) {
      const w = wrong[k]!;
      if (w.params.detected !== 'en' || !w.span) continue;
      const line = text.slice(w.span[0], w.span[1]);
      if (!englishLine(line)) continue;
      letters ??= (text.match(/\p{L}/gu) ?? []).length;
      if ((line.match(/\p{L}/gu) ?? []).length * 2 >= letters) continue;
      wrong.splice(k, 1);
      if (!allRuns.some((i) => i.span && overlaps(i.span[0], i.span[1], [w.span!])))
        leftovers.push({
          lang,
          field,
          kind: 'untranslated_segment',
          code: 'english',
          params: { text: text.slice(w.span[0], w.span[1]).slice(0, 60) },
          span: w.span,
        });
    }
  }
  const wrongSpans = spansOf(wrong);
  const claims = checkClaims(text, lang, field, placeholderSpans);
  // A messenger handle or a web address is a contact, not English ("Telegram @shop_opt_24").
  const contactSpans = spansOf(claims.filter((i) => i.code === 'contact'));
  const untranslated = [...allRuns, ...leftovers].filter(
    (i) =>
      (!i.span || !overlaps(i.span[0], i.span[1], [...wrongSpans, ...contactSpans])) &&
      !nameOfEveryVersion(text, i, lang, context),
  );
  const untranslatedSpans = spansOf(untranslated);
  const terminology = checkTerminology(
    text,
    lang,
    field,
    [...placeholderSpans, ...wrongSpans, ...untranslatedSpans],
    context.metricElsewhere && ((mm) => context.metricElsewhere!(lang, mm)),
  ).filter(
    (issue) => !(issue.code === 'imperial_unit' && imperialSizeOfEveryVersion(text, issue, lang, context)),
  );
  const spelling = speller
    ? checkSpelling(text, lang, field, {
        speller,
        isAllowed,
        sharedTerms: shared,
        maxSuggestions: deps.maxSuggestions ?? 5,
        ...(deps.minSpellingConfidence !== undefined ? { minConfidence: deps.minSpellingConfidence } : {}),
        context: {
          otherWords: new Map([...context.words].filter(([l]) => l !== lang)),
          ...(english ? { english } : {}),
          others: deps.spellers,
          versionText,
        },
        skip: [
          ...placeholderSpans,
          ...wrongSpans,
          ...untranslatedSpans,
          ...spansOf(claims),
          ...spansOf(terminology),
          ...addressSpans(text),
          ...ingredients,
        ],
      })
    : [];
  return [...placeholders, ...wrong, ...untranslated, ...claims, ...terminology, ...spelling];
}

/**
 * The description's checks, with its sentences shouted in capitals; a placeholder instruction in
 * capitals ("ENTER THE SIZE") is reported as the placeholder only.
 */
function checkDescription(
  description: string,
  lang: Language,
  deps: ListingCheckDeps,
  context: ListingContext,
  versionText: string,
  isAllowed: (word: string) => boolean,
): Issue[] {
  const issues = checkField(description, lang, 'description', deps, context, versionText, isAllowed);
  const debris = spansOf(issues.filter((i) => i.kind === 'placeholder'));
  const shouted = checkShoutedSentences(lang, description).filter(
    (i) => !i.span || !overlaps(i.span[0], i.span[1], debris),
  );
  // A clause in capitals inside a line of lower case, where no shouted sentence holds it.
  const sentences = spansOf(shouted);
  const clauses = checkShoutedClauses(lang, 'description', description, deps.spellers[lang]).filter(
    (i) => !i.span || !overlaps(i.span[0], i.span[1], [...debris, ...sentences]),
  );
  return [...issues, ...shouted, ...clauses];
}

/** A title in capitals, else the clauses in capitals inside it. */
function titleCaps(lang: Language, title: string, speller: SpellChecker | undefined): Issue[] {
  const whole = checkAllCaps(lang, title);
  return whole.length > 0 ? whole : checkShoutedClauses(lang, 'title', title, speller);
}

/** All single-language checks of one version: language, leftovers, claims, terms, spelling and form. */
export function validateLanguageVersion(
  version: ListingVersion,
  deps: ListingCheckDeps,
  context: ListingContext = { shared: new Set(), words: new Map() },
): Issue[] {
  const limits = deps.limits ?? DEFAULT_FIELD_LIMITS;
  const { lang, title, description } = version;
  const versionText = `${title}\n${description}`;
  // One predicate per version (title and description share the spelling check's scan of the text).
  const own = deps.shopWords?.[lang];
  const isAllowed = (word: string) => deps.isAllowed(word, lang) || (own?.has(word.toLowerCase()) ?? false);
  const titleFindings = checkField(title, lang, 'title', deps, context, versionText, isAllowed);
  const titleDebris = spansOf(titleFindings.filter((i) => i.kind === 'placeholder'));
  return mergeTitleRepeats([
    ...checkTooShort(lang, 'title', title, limits),
    ...checkTitleLength(lang, title, limits),
    ...titleCaps(lang, title, deps.spellers[lang]).filter(
      (i) => !i.span || i.code === 'title' || !overlaps(i.span[0], i.span[1], titleDebris),
    ),
    ...titleFindings,
    ...checkTooShort(lang, 'description', description, limits),
    ...checkDescription(description, lang, deps, context, versionText, isAllowed),
  ]);
}

/** The sentence around a span (to the previous and next . ! ? or line break). */
function sentenceOf(text: string, span: readonly [number, number]): [number, number] {
  let start = span[0];
  while (start > 0 && !'.!?\n'.includes(text[start - 1]!)) start--;
  let end = span[1];
  while (end < text.length && !'.!?\n'.includes(text[end]!)) end++;
  return [start, end];
}

/**
 * Cross-language checks, run once every version has been checked on its own. A value inside a
 * forbidden claim or a placeholder ("delivered in 48 hours") is reported as that, not twice; a
 * wrong value the title and the description of one version both state is one finding.
 */
export function validateAcrossLanguages(versions: readonly ListingVersion[]): Issue[] {
  const reported = new Map<string, Array<[number, number]>>();
  for (const v of versions) {
    for (const field of ['title', 'description'] as const) {
      const placeholders = checkPlaceholders(v[field], v.lang, field);
      const claims = checkClaims(v[field], v.lang, field, spansOf(placeholders));
      reported.set(`${v.lang}:${field}`, [
        ...spansOf(placeholders),
        ...spansOf(claims).map((span) => sentenceOf(v[field], span)),
      ]);
    }
  }
  return mergeTitleRepeats(
    checkConsistency(versions).filter(
      (i) => !i.span || !overlaps(i.span[0], i.span[1], reported.get(`${i.lang}:${i.field}`) ?? []),
    ),
  );
}

/** Runs every check of a listing in-process (eval, bench); the workflow runs the same steps as activities. */
export function validateListing(listing: ListingTexts, deps: ListingCheckDeps): Issue[] {
  const versions = listingVersions(listing);
  const context = listingContext(versions, deps.spellers);
  return [
    ...versions.flatMap((v) => validateLanguageVersion(v, deps, context)),
    ...validateAcrossLanguages(versions),
  ];
}
