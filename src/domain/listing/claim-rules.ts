/**
 * Claims by structure: a head and an object of the claim lexicon (`words/claim-lexicon.ts`) in one
 * sentence, a few words apart ("relieves ... sciatica", "the sharpest knife ... in the world",
 * "approved by ... the FDA", "original ... Apple", "guaranteed ... forever"). Linear in the text:
 * one pass over its words looks each word up (a map per word, a map per prefix of it), and each rule
 * is one pass over the matches.
 */

import type { Language } from '../types.js';
import { fold } from './text.js';
import { CLAIM_BRANDS, CLAIM_LEXICON, type ClaimTag } from './words/claim-lexicon.js';

/** Codes the structural rules report (message codes under `forbidden_claim.`). */
export type StructuralClaimCode =
  | 'medical'
  | 'superlative'
  | 'endorsement'
  | 'authenticity'
  | 'absolute_guarantee'
  | 'guaranteed_result';

/** A claim found by structure: its code and span. */
export interface StructuralClaim {
  code: StructuralClaimCode;
  span: [number, number];
}

interface Word {
  key: string;
  start: number;
  end: number;
  sentence: number;
}

/** One lexicon entry: its words (exact, `*` prefix or `#` year) and tag. */
interface Entry {
  /** `name`: a Latin-script name in a Cyrillic text, marked by `markHits`, not read from the lexicon. */
  tag: ClaimTag | 'brand' | 'name';
  parts: string[];
}

interface Lexicon {
  exact: Map<string, Entry[]>;
  prefix: Map<string, Entry[]>;
  /** Lengths of the prefix entries' stems, so a word looks up only its prefixes of those lengths. */
  prefixLengths: number[];
  /** The entries a folded word may start, memoized (descriptions repeat their words). */
  candidates: Map<string, readonly Entry[]>;
}

const LONGEST_PREFIX = 24;

function partMatches(part: string, key: string): boolean {
  if (part === '#') return /^(?:19|20)\d{2}$/.test(key);
  if (part.endsWith('*')) return key.startsWith(part.slice(0, -1));
  return part === key;
}

function compile(lang: Language): Lexicon {
  const lexicon: Lexicon = { exact: new Map(), prefix: new Map(), prefixLengths: [], candidates: new Map() };
  const lengths = new Set<number>();
  const add = (tag: Entry['tag'], source: string) => {
    for (const raw of source.split(/\s+/)) {
      if (raw.length === 0) continue;
      const parts = raw.split('_').map((p) => (p === '#' ? p : fold(p)));
      const first = parts[0]!;
      const entry = { tag, parts };
      if (first.endsWith('*')) {
        const stem = first.slice(0, -1);
        lengths.add(stem.length);
        lexicon.prefix.set(stem, [...(lexicon.prefix.get(stem) ?? []), entry]);
      } else {
        lexicon.exact.set(first, [...(lexicon.exact.get(first) ?? []), entry]);
      }
    }
  };
  for (const [tag, source] of Object.entries(CLAIM_LEXICON[lang]) as Array<[ClaimTag, string]>)
    add(tag, source);
  add('brand', CLAIM_BRANDS);
  lexicon.prefixLengths = [...lengths].filter((n) => n <= LONGEST_PREFIX).sort((a, b) => a - b);
  return lexicon;
}

const lexicons = new Map<Language, Lexicon>();
function lexiconOf(lang: Language): Lexicon {
  let lexicon = lexicons.get(lang);
  if (!lexicon) {
    lexicon = compile(lang);
    lexicons.set(lang, lexicon);
  }
  return lexicon;
}

/** Words that end with a point without ending a sentence ("No. 1", "approx. 5 cm"). */
const ABBREVIATIONS = new Set([
  'no',
  'n',
  'nº',
  'approx',
  'aprox',
  'env',
  'ca',
  'max',
  'min',
  'incl',
  'ok',
  'st',
]);
const WORD_RE = /[\p{L}\p{M}\p{N}]+/gu;
const SENTENCE_BREAKS = new Set(['.', '!', '?', ';', ':', '\n', '•', '|']);

/** A sentence end between two words (a scan of the few characters between them). */
function breaksSentence(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (SENTENCE_BREAKS.has(text[i]!)) return true;
  return false;
}

const folded = new Map<string, string>();

/** `fold` of one word, memoized. */
function foldWord(word: string): string {
  let key = folded.get(word);
  if (key === undefined) {
    key = fold(word);
    if (folded.size > 50_000) folded.clear();
    folded.set(word, key);
  }
  return key;
}

/** Words split at apostrophes and hyphens, folded, with the sentence each belongs to. */
function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  let sentence = 0;
  for (const match of text.matchAll(WORD_RE)) {
    const start = match.index ?? 0;
    const previous = words.at(-1);
    if (previous && breaksSentence(text, previous.end, start)) {
      const gap = text.slice(previous.end, start);
      const decimal = /^[.,]$/.test(gap) && /\d$/.test(previous.key) && /^\d/.test(match[0]);
      if (!decimal && !(gap.trim() === '.' && ABBREVIATIONS.has(previous.key))) sentence++;
    }
    words.push({ key: foldWord(match[0]), start, end: start + match[0].length, sentence });
  }
  return words;
}

/** A tagged run of words: `from`..`to` (inclusive) word indexes. */
interface Hit {
  tag: Entry['tag'] | 'rank' | 'hundred';
  from: number;
  to: number;
}

function entryAt(entry: Entry, words: readonly Word[], at: number): number {
  const last = at + entry.parts.length - 1;
  if (last >= words.length || words[last]!.sentence !== words[at]!.sentence) return -1;
  for (let k = 1; k < entry.parts.length; k++) {
    if (!partMatches(entry.parts[k]!, words[at + k]!.key)) return -1;
  }
  return last;
}

const NO_ENTRIES: readonly Entry[] = [];

/** The entries whose first word matches `key` (exact, year, or a stem it starts with). */
function candidatesOf(lexicon: Lexicon, key: string): readonly Entry[] {
  let found = lexicon.candidates.get(key);
  if (found === undefined) {
    const list: Entry[] = [...(lexicon.exact.get(key) ?? [])];
    if (partMatches('#', key)) list.push(...(lexicon.exact.get('#') ?? []));
    for (const n of lexicon.prefixLengths) {
      if (n > key.length) break;
      list.push(...(lexicon.prefix.get(key.slice(0, n)) ?? []));
    }
    found = list.length === 0 ? NO_ENTRIES : list;
    if (lexicon.candidates.size > 20_000) lexicon.candidates.clear();
    lexicon.candidates.set(key, found);
  }
  return found;
}

/** English superlatives in -est ("the clearest", "the lightest"); words that only end that way are not. */
const EST_RE = /^[a-z]{3,}est$/;
const NOT_SUPERLATIVE = new Set(
  'test contest protest attest detest rest arrest interest forest honest modest nest west chest guest quest request invest digest suggest harvest manifest latest earnest'.split(
    ' ',
  ),
);

/**
 * Medical specialists by their word formation ("ophthalmologists", "cardiólogos", "трихологи"): an
 * approval by one is an endorsement, whichever specialty the seller names. Words of the same shape
 * that name no physician (catalogue, dialogue, analogue, technologist, geologist) are excluded by
 * their stem.
 */
const SPECIALIST_RE: Readonly<Record<Language, RegExp>> = {
  en: /^[a-z]{3,}(?:ologists?|iatrists?|iatricians?)$/,
  es: /^[a-z]{3,}(?:ologos|ologas|ologo|ologa|iatras?)$/,
  fr: /^[a-z]{3,}(?:ologues?|iatres?)$/,
  pt: /^[a-z]{3,}(?:ologistas?|ologos|iatras?)$/,
  ru: /^[а-яе]{3,}(?:олог|ологи|ологов|ологам|ологами|ологом|олога|иатр|иатры|иатров|иатрами|иатрам)$/,
};
const NOT_SPECIALIST_RE =
  /^(?:cata|dia|pro|ana|homo|epi|mono|deca|tech?no|eco|geo|bio|zoo|arch?a?eo|meteoro|socio|astro|anthropo|antropo|theo|teo|ideo|mixo|musico|etymo|entomo|ornitho|ornito|seismo|sismo|hydro|hidro|paleonto|egypto|egipto|crimino|mytho|mito|neo|crono|chrono|ката|диа|про|ана|эпи|моно|некро|техно|эко|гео|био|зоо|архео|метеоро|социо|астро|антропо|тео|идео|крими|мифо|этимо|энтомо|орнито|сейсмо|гидро|палеонто|египто)(?:l|л)/;

const RU_COMPARATIVE_RE = /^[а-я]{3,}ее$/;

/** Every tag of every word position (the longest entry of a tag starting there). */
function hitsOf(words: readonly Word[], lexicon: Lexicon, lang: Language): Hit[] {
  const hits: Hit[] = [];
  words.forEach((word, at) => {
    if (lang === 'en' && EST_RE.test(word.key) && !NOT_SUPERLATIVE.has(word.key))
      hits.push({ tag: 'superlative', from: at, to: at });
    // Russian comparatives by their shape: быстрее, прочнее, удобнее (folded: no й, no ё).
    if (lang === 'ru' && RU_COMPARATIVE_RE.test(word.key))
      hits.push({ tag: 'comparative', from: at, to: at });
    if (SPECIALIST_RE[lang].test(word.key) && !NOT_SPECIALIST_RE.test(word.key))
      hits.push({ tag: 'authority', from: at, to: at });
    const entries = candidatesOf(lexicon, word.key);
    if (entries.length === 0) return;
    const best = new Map<Entry['tag'], number>();
    for (const entry of entries) {
      const to = entryAt(entry, words, at);
      if (to >= 0 && to > (best.get(entry.tag) ?? -1)) best.set(entry.tag, to);
    }
    for (const [tag, to] of best) hits.push({ tag, from: at, to });
  });
  return hits;
}

/** "most", "más", "mais" make a superlative only before an adjective ("más de 50 países" is a count). */
const COMPARATIVE_FILLERS = new Set([
  'de',
  'del',
  'da',
  'do',
  'dos',
  'das',
  'que',
  'than',
  'of',
  'du',
  'des',
]);
const BARE_SUPERLATIVES = new Set(['most', 'mas', 'mais']);

/** Numbers and sales-rank marks ("#1", "No. 1", "№1", "number one") as their own hits. */
const RANK_RE =
  /(?<![\p{L}\p{N}])(?:(?:#|№|n[º°o]\.?|top)\s?1|(?:number|numero|número|numéro|номер)\s(?:1|one|uno|un|um|один))(?![\p{L}\p{N}])/giu;

/**
 * A capitalised Latin-script word (and the capitalised or "&" words joined to it) in a Cyrillic text:
 * the name of a brand or a maker ("фирмы Shapton"). Codes in capitals ("USB", "LED") are no names.
 */
const LATIN_NAME_RE = /(?<![\p{L}\p{N}])[A-Z][a-z]{2,}(?:\s(?:&\s)?[A-Z][a-z]+)*(?![\p{L}\p{N}])/gu;
const CYRILLIC_RE = /[а-яё]{3}/iu;

/** "100 %": an absolute next to a guarantee ("garantie à 100 %"). */
const HUNDRED_PERCENT_RE = /(?<![\d.,])100\s?%/gu;

function markHits(text: string, words: readonly Word[]): Hit[] {
  const hits: Hit[] = [];
  const marks: Array<readonly [RegExp, Hit['tag']]> = [
    [RANK_RE, 'rank'],
    [HUNDRED_PERCENT_RE, 'absolute'],
    [HUNDRED_PERCENT_RE, 'hundred'],
  ];
  if (CYRILLIC_RE.test(text)) marks.push([LATIN_NAME_RE, 'name']);
  for (const [re, tag] of marks) {
    for (const match of text.matchAll(re)) {
      const start = match.index ?? 0;
      const end = start + match[0].length;
      // The words the mark covers (a "#1" covers the word "1").
      let from = -1;
      let to = -1;
      for (let i = lowerBound(words, start); i < words.length && words[i]!.start < end; i++) {
        if (from < 0) from = i;
        to = i;
      }
      if (from >= 0) hits.push({ tag, from, to });
    }
  }
  return hits;
}

function lowerBound(words: readonly Word[], offset: number): number {
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (words[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

interface Rule {
  code: StructuralClaimCode;
  head: Hit['tag'];
  object: Hit['tag'];
  /** Most words between head and object. */
  gap: number;
  /** The object may also come first, at most this many words before the head. */
  before?: number;
  /** Words between them must not be numbers ("guarantee of 2 years, always..."). */
  noNumberBetween?: boolean;
  /** No claim in a sentence with a word of this tag ("removes wrinkles" from clothes). */
  unless?: Entry['tag'];
  /** The object must end its clause: "safe for everyone." but not "safe for all skin types". */
  objectEndsClause?: boolean;
  /** No word of this tag between head and object ("stop if you feel pain" is a warning). */
  noneBetween?: Entry['tag'];
  /** A number must stand between them ("burns 1000 calories", not "burn calories while you walk"). */
  numberBetween?: boolean;
}

const RULES: readonly Rule[] = [
  { code: 'medical', head: 'therapy', object: 'condition', gap: 5, before: 2, noneBetween: 'conditional' },
  // "the clearest night vision of any dash cam on the market"
  { code: 'superlative', head: 'superlative', object: 'scope', gap: 7 },
  { code: 'superlative', head: 'rank', object: 'scope', gap: 3 },
  { code: 'superlative', head: 'rank', object: 'rankContext', gap: 2, before: 2 },
  { code: 'superlative', head: 'rank', object: 'sales', gap: 2, before: 2 },
  // "Recomendado por el 9 de cada 10 dentistas": a share of professionals stands between them.
  { code: 'endorsement', head: 'approval', object: 'authority', gap: 6, before: 1 },
  { code: 'endorsement', head: 'approval', object: 'brand', gap: 2 },
  { code: 'authenticity', head: 'original', object: 'brand', gap: 2, before: 1 },
  {
    code: 'absolute_guarantee',
    head: 'guarantee',
    object: 'absolute',
    gap: 3,
    before: 3,
    noNumberBetween: true,
  },
  // "100% waterproof and indestructible forever", "impermeable para siempre".
  { code: 'absolute_guarantee', head: 'durable', object: 'forever', gap: 3, before: 2 },
  // "garantía de resultados", "results guaranteed".
  {
    code: 'guaranteed_result',
    head: 'guarantee',
    object: 'result',
    gap: 2,
    before: 2,
    noNumberBetween: true,
  },
  // "safe for everyone", "безопасна для всех," (not "safe for all skin types").
  { code: 'guaranteed_result', head: 'safe', object: 'everyone', gap: 2, objectEndsClause: true },
  // Anti-ageing miracles: "efface les rides", "убирает морщины" (not wrinkles of clothes).
  { code: 'medical', head: 'erase', object: 'ageing', gap: 3, unless: 'fabric' },
  // "rejuvenece tu piel 10 años", "омолаживает кожу на 10 лет".
  { code: 'medical', head: 'rejuvenate', object: 'years', gap: 4 },
  // Weight loss: "perca até 5 kg", "сбросить 10 кг", "melt belly fat".
  { code: 'medical', head: 'lose', object: 'bodyFat', gap: 3 },
  { code: 'medical', head: 'burn', object: 'fat', gap: 2 },
  // Replicas of a brand's product: "Réplica exacta del iPhone", "Копия iPhone", "1:1 replica".
  { code: 'authenticity', head: 'replica', object: 'brand', gap: 5 },
  // "clinically proven", "эффективность доказана клинически", "comprovado cientificamente".
  { code: 'medical', head: 'clinical', object: 'proven', gap: 2, before: 2 },
  { code: 'authenticity', head: 'replica', object: 'exact', gap: 0, before: 1 },
  // A function of the body strengthened, restored or lowered: "strengthens the immune system",
  // "восстанавливает зрение", "fait baisser la glycémie".
  { code: 'medical', head: 'boost', object: 'bodyFunction', gap: 3 },
  { code: 'medical', head: 'therapy', object: 'bodyFunction', gap: 3 },
  // Never + a verb of failure: "never cracks", "nunca se rompe", "не сломается никогда".
  { code: 'absolute_guarantee', head: 'never', object: 'breaks', gap: 2, before: 2 },
  // A guaranteed first try: "starts on the first pull, guaranteed", "гарантированно с первого раза".
  {
    code: 'absolute_guarantee',
    head: 'guarantee',
    object: 'firstTime',
    gap: 4,
    before: 6,
    noNumberBetween: true,
  },
  { code: 'absolute_guarantee', head: 'guaranteed', object: 'firstTime', gap: 4, before: 6 },
  // A measurable change, guaranteed: "cuts fuel use by 30%, guaranteed" (the participle, not a warranty).
  { code: 'guaranteed_result', head: 'change', object: 'guaranteed', gap: 8, before: 2 },
  // "better than any other", "mejor que cualquier otro", "лучше любых аналогов".
  { code: 'superlative', head: 'better', object: 'anyOther', gap: 4 },
  // Biocidal claims: "kills 99.9% of germs", "elimina el 99 % de las bacterias", "уничтожает вирусы".
  { code: 'medical', head: 'kill', object: 'germs', gap: 5 },
  // A comparison with every rival: "lasts longer than any", "más resistente que cualquier", "прочнее любого".
  { code: 'superlative', head: 'comparative', object: 'thanAny', gap: 3 },
  // "no other kettle in the world", "aucune autre ... au monde", "ни одна другая ... в мире".
  { code: 'superlative', head: 'noOther', object: 'scope', gap: 5 },
  // A health promise by negation: "never causes migraines", "nunca provoca dolor de cabeza".
  { code: 'medical', head: 'neverCauses', object: 'condition', gap: 3 },
  // "perfect results every time", "resultados perfectos cada vez", "идеальный результат каждый раз".
  { code: 'guaranteed_result', head: 'perfect', object: 'everyTime', gap: 5, before: 5 },
  // A lasting state promised forever: "stays bright forever", "permanece nítido para siempre".
  { code: 'absolute_guarantee', head: 'stay', object: 'forever', gap: 5 },
  // Total protection for life: "protección total de por vida", "защита полная, на всю жизнь".
  { code: 'absolute_guarantee', head: 'total', object: 'forever', gap: 7 },
  // A guaranteed absence: "guarantees zero leaks", "garantiza cero fugas", "гарантирует ноль сбоев".
  { code: 'guaranteed_result', head: 'guarantee', object: 'zero', gap: 4, before: 3, noNumberBetween: true },
  // Zero risk: "zero risk of leaks", "riesgo cero", "нулевой риск".
  { code: 'absolute_guarantee', head: 'zero', object: 'risk', gap: 1, before: 1 },
  // Detox of the body: "detoxifies the body", "desintoxica el organismo", "очищает кровь".
  { code: 'medical', head: 'detox', object: 'body', gap: 3 },
  // "100% safe for newborns", "sans danger à 100 %", "на 100% безопасна" (not "pago 100% seguro").
  { code: 'absolute_guarantee', head: 'hundred', object: 'safe', gap: 1, before: 2, unless: 'payment' },
  // "totally harmless", "absolutamente seguro", "абсолютно безопасен"; "absolutely no risk".
  { code: 'absolute_guarantee', head: 'totally', object: 'safe', gap: 0, unless: 'payment' },
  { code: 'absolute_guarantee', head: 'totally', object: 'risk', gap: 2 },
  // "100% unbreakable", "100 % incassable", "на 100% небьющийся".
  { code: 'absolute_guarantee', head: 'hundred', object: 'unbreakable', gap: 1, before: 2 },
  // "100% protection against head injuries", "protège à 100 % contre" (not "100% UV protection").
  { code: 'absolute_guarantee', head: 'hundred', object: 'protection', gap: 2, before: 2, unless: 'uv' },
  // A guarantee of total safety or of preventing everything: "garantiza la seguridad total",
  // "guaranteed to prevent all damage", "garantit une protection totale".
  { code: 'absolute_guarantee', head: 'guarantee', object: 'totalSafety', gap: 3, before: 3 },
  { code: 'absolute_guarantee', head: 'guarantee', object: 'preventAll', gap: 2 },
  // A promise of no harm in any case: "não danifica em hipótese alguma", "ни в коем случае не повредит".
  {
    code: 'absolute_guarantee',
    head: 'harms',
    object: 'inNoCase',
    gap: 4,
    before: 4,
    noneBetween: 'conditional',
  },
  // "works for everyone, no exceptions", "funciona con todo el mundo, sin excepción".
  { code: 'guaranteed_result', head: 'works', object: 'noException', gap: 5 },
  // The only one approved: "le seul gabarit recommandé par les Compagnons", "the only brand approved".
  { code: 'endorsement', head: 'onlyOne', object: 'approval', gap: 3 },
  // A number of calories burnt: "quema 1000 calorías en 10 minutos" (not "burn calories while you walk").
  { code: 'medical', head: 'burn', object: 'calories', gap: 3, numberBetween: true },
  // A quantified weight loss: "perte de 10 kg en un mois", "pérdida de 5 kilos" (not "perte de poids" alone).
  { code: 'medical', head: 'loss', object: 'bodyFat', gap: 3, numberBetween: true },
  // Protection from a disease: "protects against malaria", "protège contre le paludisme".
  { code: 'medical', head: 'protection', object: 'condition', gap: 4 },
  // "Оригинальный ... фирмы Xyz", "подлинные кисти Xyz": a brand no list has, named in Latin letters.
  { code: 'authenticity', head: 'original', object: 'name', gap: 3 },
];

/** After "every time", these make it "increasingly" ("cada vez más"), no promise. */
const INCREASINGLY = new Set(['mas', 'mais', 'menos', 'more', 'plus']);

/** Tags that are claims on their own, with their codes. */
const STANDALONE: ReadonlyArray<[Entry['tag'], StructuralClaimCode]> = [
  ['sales', 'superlative'],
  ['sideEffects', 'medical'],
  ['miracle', 'medical'],
  ['noRisk', 'absolute_guarantee'],
];

/** The one-word `compatibility` entries of every language, folded ("with", "con", "al", "ao", "к"). */
const COMPATIBILITY_WORDS: ReadonlySet<string> = new Set(
  Object.values(CLAIM_LEXICON).flatMap((tags) =>
    (tags.compatibility ?? '')
      .split(/\s+/)
      .filter((w) => w.length > 0 && !w.includes('_') && !w.endsWith('*'))
      .map((w) => fold(w)),
  ),
);

/** A word of `set` among the `span` words before `at` in its sentence. */
function precededByWord(words: readonly Word[], at: number, set: ReadonlySet<string>, span: number): boolean {
  for (let i = at - 1; i >= Math.max(0, at - span); i--) {
    if (words[i]!.sentence !== words[at]!.sentence) return false;
    if (set.has(words[i]!.key)) return true;
  }
  return false;
}

/** Parts of the body after "lower" ("lower back"). */
const BODY_BELOW = new Set([
  'back',
  'abdomen',
  'belly',
  'body',
  'leg',
  'legs',
  'limbs',
  'jaw',
  'lip',
  'spine',
  'teeth',
]);

/** Oblique cases of Russian "original" adjectives: оригинальным, фирменному, оригинальном. */
const OBLIQUE_RU = /^(?:оригинальн|фирменн|подлинн)(?:ым|ыми|ому|ом)$/;

/** Words after an "everyone" that keep it a claim ("safe for everyone, even babies"). */
const EVEN = new Set(['even', 'incluso', 'meme', 'даже', 'mesmo', 'inclusive', 'including']);

/** A word of `tag` among the `span` words before `at` in its sentence. */
function precededBy(
  hits: ReadonlyMap<number, ReadonlySet<string>>,
  words: readonly Word[],
  at: number,
  tag: string,
  span: number,
): boolean {
  for (let i = at - 1; i >= Math.max(0, at - span); i--) {
    if (words[i]!.sentence !== words[at]!.sentence) return false;
    if (hits.get(i)?.has(tag)) return true;
  }
  return false;
}

function allowed(
  rule: Rule,
  head: Hit,
  object: Hit,
  words: readonly Word[],
  tagsAt: ReadonlyMap<number, ReadonlySet<string>>,
  context: ClaimContext,
): boolean {
  const first = Math.min(head.from, object.from);
  // "оригинальный подарок для фанатов Xyz": a name after a preposition of use is what the product
  // serves, not its maker.
  if (object.tag === 'name') {
    for (let i = head.to + 1; i < object.from; i++) if (COMPATIBILITY_WORDS.has(words[i]!.key)) return false;
  }
  if (rule.unless && context.sentenceTags.get(words[head.from]!.sentence)?.has(rule.unless)) return false;
  if (rule.objectEndsClause) {
    const next = words[object.to + 1];
    if (
      next &&
      next.sentence === words[object.to]!.sentence &&
      !EVEN.has(next.key) &&
      !/[,(—–-]/u.test(context.text.slice(words[object.to]!.end, next.start))
    )
      return false;
  }
  // "does not cure or treat": a negation a few words before the promise takes it back.
  // ("never causes" carries its own negation: the promise is the negation.)
  if (
    rule.code === 'medical' &&
    head.tag !== 'neverCauses' &&
    precededBy(tagsAt, words, head.from, 'negation', 4)
  )
    return false;
  // "charges with the original DJI charger", "se conecta al adaptador original Sony": an accessory the
  // product works with, named after a preposition of use a few words before, is no claim.
  // Every language's words count: the English lexicon reads the other versions too.
  if (
    rule.code === 'authenticity' &&
    (precededBy(tagsAt, words, first, 'compatibility', 4) ||
      precededByWord(words, first, COMPATIBILITY_WORDS, 4))
  )
    return false;
  // Russian says the same by the case: "заряжается оригинальным зарядным устройством" (instrumental,
  // dative or prepositional), while a claim names the product in the nominative.
  if (rule.code === 'authenticity' && head.tag === 'original' && OBLIQUE_RU.test(words[head.from]!.key))
    return false;
  if (head.tag === 'superlative' && BARE_SUPERLATIVES.has(words[head.to]!.key)) {
    const next = words[head.to + 1];
    if (!next || COMPARATIVE_FILLERS.has(next.key) || /^\d/.test(next.key)) return false;
  }
  if (object.tag === 'everyTime' && INCREASINGLY.has(words[object.to + 1]?.key ?? '')) return false;
  // "pain in your lower back": "lower" before a part of the body is its position, not the verb.
  if (words[head.to]!.key === 'lower' && BODY_BELOW.has(words[head.to + 1]?.key ?? '')) return false;
  if (rule.noneBetween) {
    const [from, to] = head.from < object.from ? [head.to, object.from] : [object.to, head.from];
    for (let i = from + 1; i < to; i++) if (tagsAt.get(i)?.has(rule.noneBetween)) return false;
  }
  if (rule.numberBetween) {
    const [from, to] = head.from < object.from ? [head.to, object.from] : [object.to, head.from];
    let number = false;
    for (let i = from + 1; i < to && !number; i++) number = /\d/.test(words[i]!.key);
    if (!number) return false;
  }
  if (rule.noNumberBetween) {
    const [from, to] = head.from < object.from ? [head.to, object.from] : [object.to, head.from];
    for (let i = from + 1; i < to; i++) if (/\d/.test(words[i]!.key)) return false;
  }
  return true;
}

/**
 * Claims of the structural rules in one field, in text order, before merging with the phrase rules.
 * Each of `langs` reads the words with its own lexicon (copied English claims are common in other
 * versions); the text is split into words once.
 */
export function structuralClaims(text: string, ...langs: Language[]): StructuralClaim[] {
  const words = wordsOf(text);
  if (words.length === 0) return [];
  const marks = markHits(text, words);
  return langs
    .flatMap((lang) => claimsOf(text, words, [...hitsOf(words, lexiconOf(lang), lang), ...marks]))
    .sort((a, b) => a.span[0] - b.span[0]);
}

/** What `allowed` reads beyond the two hits: the text and the tags of each sentence. */
interface ClaimContext {
  text: string;
  sentenceTags: ReadonlyMap<number, ReadonlySet<string>>;
}

function claimsOf(text: string, words: readonly Word[], unsorted: Hit[]): StructuralClaim[] {
  const hits = unsorted.sort((a, b) => a.from - b.from);
  const tagsAt = new Map<number, Set<string>>();
  const sentenceTags = new Map<number, Set<string>>();
  for (const hit of hits) {
    const tags = tagsAt.get(hit.from) ?? new Set<string>();
    tags.add(hit.tag);
    tagsAt.set(hit.from, tags);
    const sentence = words[hit.from]!.sentence;
    const inSentence = sentenceTags.get(sentence) ?? new Set<string>();
    inSentence.add(hit.tag);
    sentenceTags.set(sentence, inSentence);
  }
  const context: ClaimContext = { text, sentenceTags };
  const claims: StructuralClaim[] = [];
  for (const rule of RULES) {
    let lastHead: Hit | undefined;
    let lastObject: Hit | undefined;
    for (const hit of hits) {
      if (hit.tag === rule.head) {
        // A head inside the previous one ("adeus a" in "diga adeus a") keeps the longer one.
        if (lastHead && hit.from <= lastHead.to) continue;
        lastHead = hit;
        const object = lastObject;
        if (
          rule.before !== undefined &&
          object &&
          object.to < hit.from &&
          words[object.to]!.sentence === words[hit.from]!.sentence &&
          hit.from - object.to - 1 <= rule.before &&
          allowed(rule, hit, object, words, tagsAt, context)
        ) {
          claims.push({ code: rule.code, span: [words[object.from]!.start, words[hit.to]!.end] });
          lastObject = undefined;
        }
      } else if (hit.tag === rule.object) {
        lastObject = hit;
        const head = lastHead;
        if (
          head &&
          head.to < hit.from &&
          words[head.to]!.sentence === words[hit.from]!.sentence &&
          hit.from - head.to - 1 <= rule.gap &&
          allowed(rule, head, hit, words, tagsAt, context)
        ) {
          claims.push({ code: rule.code, span: [words[head.from]!.start, words[hit.to]!.end] });
          lastHead = undefined;
          lastObject = undefined;
        }
      }
    }
  }
  claims.push(...guaranteedAtEnd(text, words, hits, claims));
  // Sales ranks ("best seller", "хит продаж"), "no side effects", "10 years younger": claims on their own.
  for (const hit of hits) {
    const code = STANDALONE.find(([tag]) => tag === hit.tag)?.[1];
    if (code) claims.push({ code, span: [words[hit.from]!.start, words[hit.to]!.end] });
  }
  return claims;
}

/**
 * A promise closed by the guarantee participle: "..., guaranteed!", "..., garantizado.", "..., c'est
 * garanti", "..., гарантированно." The participle is set off by a comma or a dash and ends a sentence of
 * three words or more and no other rule reads; the whole sentence is the claim. "Guaranteed
 * delivery" and a warranty are not.
 */
function guaranteedAtEnd(
  text: string,
  words: readonly Word[],
  hits: readonly Hit[],
  found: readonly StructuralClaim[],
): StructuralClaim[] {
  const claims: StructuralClaim[] = [];
  for (const hit of hits) {
    if (hit.tag !== 'guaranteed') continue;
    const last = words[hit.to]!;
    const next = words[hit.to + 1];
    if (next && next.sentence === last.sentence) continue;
    const previous = words[hit.from - 1];
    if (!previous || previous.sentence !== last.sentence) continue;
    if (!/[,—–]/u.test(text.slice(previous.end, words[hit.from]!.start))) continue;
    let first = hit.from - 1;
    while (first > 0 && words[first - 1]!.sentence === last.sentence) first--;
    if (hit.from - first < 3) continue;
    const start = words[first]!.start;
    // A sentence another rule already reads ("starts on the first pull, guaranteed") keeps its code.
    if (found.some((c) => c.span[0] < last.end && start < c.span[1])) continue;
    claims.push({ code: 'guaranteed_result', span: [start, last.end] });
  }
  return claims;
}
