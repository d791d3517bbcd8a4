/**
 * Features of the intent and language models (see ../intent-model.ts): folding, tokens, the
 * stopwords the intent model ignores, negation scopes, and hashed character n-grams, words and
 * bigrams. Its fingerprint is part of the model's training inputs.
 */
import { CYRILLIC_TO_LATIN } from '../transliterate.js';

/** Hashed features of one message; `value` is the weight of every feature (1/sqrt(count)). */
export interface Features {
  buckets: Int32Array;
  count: number;
  value: number;
  /** Folded word tokens, for evidence. */
  words: string[];
}

// ---------------------------------------------------------------------------------------------
// Normalisation

const CYRILLIC_RE = /[\u0400-\u04ff]/gu;

/** The Russian conjunction "но" as a whole word. */
const RUSSIAN_BUT_RE = /(?<!\p{L})но(?!\p{L})/gu;

/** Replaces Cyrillic letters by the Latin spelling buyers use ("заказ" -> "zakaz"); expects lowercase. */
export function transliterateCyrillic(text: string): string {
  return text.replace(CYRILLIC_RE, (ch) => CYRILLIC_TO_LATIN[ch] ?? ch);
}

/**
 * A French elided article, pronoun or conjunction before its word ("l'adresse", "j'ai", "n'est",
 * "qu'il", "jusqu'à"): split off, so "l'adresse" reads as "adresse" and "j'aimerais" as the politeness
 * it is, instead of gluing into words of their own ("ladresse", "jaimerais"). The negation "n'" stays
 * glued ("nai", "narrive"): those words mark a negated verb, which the model reads.
 */
const ELISION_RE = /(?<!\p{L})(?:[cdjlmst]|qu|jusqu|lorsqu|puisqu|quoiqu)['’`´](?=\p{L})/gu;

/** Lowercase, strip diacritics, transliterate Cyrillic, split French elisions and drop other apostrophes inside words. */
export function normalizeForModel(text: string): string {
  let out = text.toLowerCase();
  if (/[\u0080-\uffff]/.test(out)) {
    out = out.normalize('NFD').replace(/\p{M}+/gu, '');
    if (/[\u0400-\u04ff]/.test(out)) {
      // Russian "но" (but) would read as the negator "no" once transliterated.
      out = out.replace(RUSSIAN_BUT_RE, 'no_').replace(CYRILLIC_RE, (ch) => CYRILLIC_TO_LATIN[ch] ?? ch);
    }
  }
  if (!/['’`´]/.test(out)) return out;
  return out.replace(ELISION_RE, (m) => `${m.slice(0, -1)} `).replace(/(?<=\p{L})['’`´](?=\p{L})/gu, '');
}

/** Token between clauses: negation scopes and bigrams stop there. */
export const CLAUSE_BREAK = '|';

/**
 * Splits normalised text into word tokens with `CLAUSE_BREAK` between clauses; URLs, e-mails and
 * numbers become placeholders, and a question mark anywhere adds the token `_q`.
 */
export function modelTokens(text: string): string[] {
  let cleaned = normalizeForModel(text.slice(0, MAX_CHARS));
  if (/[/@[]/.test(cleaned)) {
    cleaned = cleaned
      .replace(/\b(?:https?:\/\/|www\.)\S+/gu, ' _url ')
      .replace(/\[(?:email|phone|card|id_number|iban|address)\]/gu, ' _pii ')
      .replace(/(?<![^\s@])[^\s@]+@[^\s@.]+\.\S+/gu, ' _pii ');
  }
  const tokens: string[] = [];
  for (const clause of cleaned.split(/[.,;:!?¿¡()\n]+/u)) {
    const start = tokens.length;
    for (const raw of clause.split(/[^\p{L}\p{N}_]+/u)) {
      if (raw.length === 0) continue;
      if (/\p{N}/u.test(raw)) {
        const digits = raw.replace(/\D/gu, '').length;
        if (digits >= 6) tokens.push('_id');
        else if (digits === raw.length) tokens.push('_n');
        else tokens.push(raw.replace(/\p{N}+/gu, '0'));
      } else {
        tokens.push(raw);
      }
    }
    if (tokens.length > start) tokens.push(CLAUSE_BREAK);
  }
  tokens.pop();
  if (/[?¿]/u.test(text)) tokens.push('_q');
  return tokens;
}

/** Words that open a negation scope (folded, Cyrillic transliterated). */
const NEGATORS = new Set(
  `not no never nothing nobody none nor without cannot cant dont doesnt didnt isnt wasnt arent werent havent
  hasnt hadnt wont wouldnt couldnt shouldnt nunca nada ni sin jamas tampoco ningun ninguna nadie ne pas jamais
  rien aucun aucune sans nao nem nenhum nenhuma net nichego nikogda bez`.split(/\s+/u),
);

/**
 * Function words, greetings and politeness of the five languages (folded, Cyrillic transliterated):
 * the wrapper of a request, not the request; since round 5 also acknowledgements ("ok", "oui", "d'accord",
 * "vale", "ладно"), which open chat replies whatever they go on to ask. Negators are not in this list
 * (they scope what follows).
 */
export const STOPWORDS = new Set(
  `i me my mine myself we us our you your yours u ur he she it its they them their this that these those a an
  the and or but if so of to in on at by for with from about as into is are was were be been being am do does
  doing have has had having can could would should will shall may might must please pls plz kindly help
  helping assist assistance hi hello hey dear sir madam thanks thank thx ty want wanted wanna need needed
  like id im ive just also really some know let check checking see tell inform wondering wonder regarding
  concerning hope possible possibly able question ask asking guys team support trying information info
  several few how what whats which where when why many much
  ok okay oki okey yes yeah yep yup alright oui accord daccord dac vale dale sim beleza ladno horosho
  yo mi mis mio mia tu tus su sus nos nuestro nuestra el la los las lo le les un una unos unas y o pero del
  al en con por para que es son era ser estar esta este esto ese esa hola buenas buenos tardes noches
  porfa xfa gracias quiero quisiera queria necesito necesitaria puede pueden podria podrian puedo ayudar
  ayuda ayudame ayudeme favor saber consultar consulta usted ustedes senor senora amigo amiga revisar
  verificar disculpe disculpa oiga saludos varios varias algunos algunas como cual cuales cuanto
  cuanta cuantos cuantas donde cuando
  je j moi mon ma mes m te vous votre vos il elle on nous l une des du de d et ou mais qu qui est sont
  suis ai avez au aux dans avec pour par sur ce cet cette ces c bonjour bonsoir salut svp stp merci
  madame monsieur veux voudrais voulais souhaite souhaiterais aimerais besoin pouvez pourriez pourrais peux
  aide aider savoir verifier cordialement bjr slt plusieurs quelques comment quoi quel quelle quels quelles quand
  combien pourquoi s t y en se sa son ses leur leurs vs voudrai aimerais aimerai souhaiterai jusqu lorsqu puisqu
  pourrai pouviez plait cdt cdlt rebonjour
  eu mim meu minha meus minhas voce voces vc vcs os as um umas uns e do da dos das na nas com pra pro
  estou oi ola bom boa obrigado obrigada obg pfv quero gostaria preciso podem poderia posso ajudar
  ajuda alguns algumas qual quais quanto quanta quantos quantas onde quando
  ya menya mne moi moya moe vy vas vam vash vasha eto etot v s k po za iz ob by zhe li zdravstvuite
  zdravstvuyte zdrastvuite privet dobryi dobryy den vecher utro pozhaluista pozhalujsta pozhaluysta
  pojaluista spasibo podskazhite skazhite pomogite hochu hotel hotela mozhno nuzhno nado proverte
  neskolko neskolkih kak chto kakoi kakaya kakie skolko gde kogda kuda pochemu`
    .split(/\s+/u)
    .filter((w) => w.length > 0),
);

/** Whether the intent model ignores `word` (a function word, greeting or politeness). */
export function isStopword(word: string): boolean {
  return STOPWORDS.has(word);
}

/** Character n-gram lengths. */
const MIN_GRAM = 3;
const MAX_GRAM = 5;

/** Words after a negator (up to this many, within the clause) get features of their own. */
const NEGATION_SCOPE = 3;

/** Only the start of pasted walls of text is scored. */
const MAX_CHARS = 2000;
const MAX_FEATURES = 4096;

// ---------------------------------------------------------------------------------------------
// Hashing (FNV-1a, 32 bit)

const FNV_OFFSET = 0x811c9dc5;
const SEED_CHAR = fnvString(FNV_OFFSET, 'c|');
export const SEED_WORD = fnvString(FNV_OFFSET, 'w|');
const SEED_BIGRAM = fnvString(FNV_OFFSET, 'b|');
const SEED_BIAS = fnvString(FNV_OFFSET, 'bias|');
const SEED_NEG_CHAR = fnvString(FNV_OFFSET, 'nc|');
const SEED_NEG_WORD = fnvString(FNV_OFFSET, 'nw|');

function fnvStep(hash: number, code: number): number {
  return Math.imul(hash ^ code, 0x01000193) >>> 0;
}

export function fnvString(hash: number, value: string): number {
  let h = hash;
  for (let i = 0; i < value.length; i++) h = fnvStep(h, value.charCodeAt(i));
  return h;
}

/** FNV-1a of a string as 8 hex digits (used to fingerprint training data and weights). */
export function fnvHex(value: string): string {
  return fnvString(FNV_OFFSET, value).toString(16).padStart(8, '0');
}

export function finalize(hash: number, mask: number): number {
  let h = hash;
  h ^= h >>> 16;
  h = Math.imul(h, 0x45d9f3b);
  h ^= h >>> 16;
  return (h >>> 0) & mask;
}

interface BaseFeatures {
  /** Every word's features (language model). */
  buckets: Int32Array;
  count: number;
  /** Content words' features only (intent model): no function words, greetings or politeness. */
  content: Int32Array;
  contentCount: number;
  words: string[];
  /** Per word: inside a negation scope. */
  negated: Uint8Array;
  /** Per word: a content word (not a stopword, not a clause break). */
  isContent: Uint8Array;
}

let lastText: string | undefined;
let lastBits = 0;
let lastBase: BaseFeatures | undefined;

/** Features of both models in one pass; the last message's are cached (language then intent see the same text). */
function baseFeatures(text: string, bits: number): BaseFeatures {
  if (lastBase !== undefined && lastText === text && lastBits === bits) return lastBase;
  const mask = (1 << bits) - 1;
  const words = modelTokens(text);
  const size = Math.min(MAX_FEATURES, 8 + words.length * 24 + text.length * 4);
  const buckets = new Int32Array(size);
  const content = new Int32Array(size);
  const negatedWords = new Uint8Array(words.length);
  const isContent = new Uint8Array(words.length);
  let n = 0;
  let m = 0;
  const push = (hash: number, keep: boolean): void => {
    const bucket = finalize(hash, mask);
    if (n < size) buckets[n++] = bucket;
    if (keep && m < size) content[m++] = bucket;
  };
  const bigram = (previous: string, word: string): number =>
    fnvString(fnvStep(fnvString(SEED_BIGRAM, previous), 32), word);
  let scope = 0;
  let previous = '';
  let previousContent = '';
  for (let w = 0; w < words.length; w++) {
    const word = words[w] as string;
    if (word === CLAUSE_BREAK) {
      push(bigram(previous, ''), false);
      if (previousContent !== '') push(bigram(previousContent, ''), true);
      previous = '';
      previousContent = '';
      scope = 0;
      continue;
    }
    const inScope = scope > 0;
    if (scope > 0) scope--;
    const negator = NEGATORS.has(word);
    if (negator) scope = NEGATION_SCOPE;
    negatedWords[w] = inScope ? 1 : 0;
    const keep = negator || !STOPWORDS.has(word);
    isContent[w] = keep ? 1 : 0;
    push(fnvString(inScope ? SEED_NEG_WORD : SEED_WORD, word), keep);
    push(bigram(previous, word), false);
    if (keep) {
      push(bigram(previousContent, word), true);
      previousContent = word;
    }
    previous = word;
    if (word.startsWith('_')) continue;
    // Character n-grams of " word ", 3 to 5 long, hashed incrementally from each start; a negated
    // word's n-grams live in their own space ("not broken" is not "broken").
    const padded = ` ${word} `;
    const len = padded.length;
    const seed = inScope ? SEED_NEG_CHAR : SEED_CHAR;
    for (let start = 0; start <= len - MIN_GRAM; start++) {
      let h = seed;
      const end = Math.min(len, start + MAX_GRAM);
      for (let i = start; i < end; i++) {
        h = fnvStep(h, padded.charCodeAt(i));
        if (i - start + 1 >= MIN_GRAM) push(h, keep);
      }
    }
  }
  if (words.length > 0) {
    push(bigram(previous, ''), false);
    if (previousContent !== '') push(bigram(previousContent, ''), true);
  }
  const base = { buckets, count: n, content, contentCount: m, words, negated: negatedWords, isContent };
  lastText = text;
  lastBits = bits;
  lastBase = base;
  return base;
}

/**
 * Computes the hashed features of a message. With `language`, the content words' features plus
 * the language bias and the content words conjoined with the language (intent model); without,
 * every word's features (language model).
 */
export function extractFeatures(text: string, bits: number, language?: string): Features {
  const base = baseFeatures(text, bits);
  if (language === undefined) {
    return {
      buckets: base.buckets,
      count: base.count,
      value: base.count === 0 ? 0 : 1 / Math.sqrt(base.count),
      words: base.words,
    };
  }
  const mask = (1 << bits) - 1;
  const buckets = new Int32Array(base.contentCount + 1 + base.words.length);
  buckets.set(base.content.subarray(0, base.contentCount));
  let n = base.contentCount;
  buckets[n++] = finalize(fnvString(SEED_BIAS, language), mask);
  const langSeed = fnvString(FNV_OFFSET, `l|${language}|`);
  const words: string[] = [];
  base.words.forEach((word, w) => {
    if (base.isContent[w] !== 1) return;
    words.push(word);
    buckets[n++] = finalize(fnvString(langSeed, base.negated[w] === 1 ? `~${word}` : word), mask);
  });
  // The bias alone counts as one feature: a message of only politeness scores near the prior.
  return { buckets, count: n, value: 1 / Math.sqrt(Math.max(1, n)), words };
}

// ---------------------------------------------------------------------------------------------
// Weights

/** Fingerprint of the feature definition (word lists and sizes): part of the model's training inputs. */
export const FEATURE_FINGERPRINT = fnvHex(
  JSON.stringify([
    [...STOPWORDS],
    [...NEGATORS],
    MIN_GRAM,
    MAX_GRAM,
    NEGATION_SCOPE,
    MAX_CHARS,
    MAX_FEATURES,
  ]),
);
