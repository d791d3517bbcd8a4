import type { Language } from '../types.js';
import { BULLET_CHARS, overlaps, type Token, tokenize } from './text.js';
import type { Issue, ListingField, SpellChecker } from './types.js';

/** English words that give an English run away even when short; all are foreign to ES/FR/RU/PT. */
const ENGLISH_FUNCTION_WORDS = new Set(
  `the and with for of to is are this that your you it its our we be will from by at or not all has have
  can which these those their they them when while into only also very each other than then there about`.split(
    /\s+/,
  ),
);

const CJK_RE =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}][\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{N}\s，。、：；！？（）·\-—]*/gu;

/** What the untranslated check needs: the declared language's and English's spell checkers. */
export interface UntranslatedDeps {
  target: SpellChecker;
  english: SpellChecker;
  /** Brand, model and product terms that are no language's words. */
  isAllowed: (word: string) => boolean;
}

function isEnglishOnly(token: Token, deps: UntranslatedDeps, lang: Language): boolean {
  const word = token.text.replace(/’/g, "'");
  if (/\p{N}/u.test(word) || word.length < 2) return false;
  if (lang === 'ru' && !/^\p{Script=Latin}+(?:['-]\p{Script=Latin}+)*$/u.test(word)) return false;
  if (deps.isAllowed(word)) return false;
  const lower = word.toLowerCase();
  if (!deps.english.correct(word) && !deps.english.correct(lower)) return false;
  return !deps.target.correct(word) && !deps.target.correct(lower);
}

type Mark = 'en' | 'both' | 'other';

/** `en`: English only; `both`: a word of both languages, digits or a letter, which may sit inside an English run. */
/** Codes in capitals ("EU", "US", "PD", "USB"): size systems, standards and acronyms, no language's text. */
const CODE_RE = /^\p{Lu}{2,5}$/u;

function markOf(token: Token, deps: UntranslatedDeps, lang: Language): Mark {
  const word = token.text.replace(/’/g, "'");
  if (CODE_RE.test(word)) return 'both';
  if (isEnglishOnly(token, deps, lang)) return 'en';
  if (/^\p{N}+$/u.test(word) || word.length === 1) return 'both';
  if (lang !== 'ru' && deps.english.correct(word.toLowerCase()) && deps.target.correct(word.toLowerCase()))
    return 'both';
  return 'other';
}

/** Punctuation between two words that ends a run: a run does not cross a sentence end or a line break. */
const RUN_BREAK_RE = /[.!?;:\n•|]/;

/** At most this many `both` words in a row inside an English run. */
const MAX_BRIDGE = 2;

/** A number, or a unit of at most three letters right after one ("18 cm", "3.5 mm"). */
function isValue(tokens: readonly Token[], k: number): boolean {
  const token = tokens[k]!.text;
  return /\d/u.test(token) || (k > 0 && [...token].length <= 3 && /\d/u.test(tokens[k - 1]!.text));
}

/**
 * A run whose sentence goes on with nothing but English and shared words ("... in a thin case.")
 * reaches the last English word of that sentence: the whole sentence was left in English. Values
 * and units that end the sentence ("... thicker than 3.5 cm.") belong to the English run; a word of
 * no language stops it, and so does a value of no language followed by more English.
 *
 * Built once per text, so each run's end is found in constant time: a scan from every run to the
 * end of a long sentence would be quadratic in the text.
 */
class SentenceTails {
  /** First token after the sentence of each token. */
  private readonly stop: Int32Array;
  /** From each token on: the next word of no language, value of no language, English word. */
  private readonly nextOther: Int32Array;
  private readonly nextOtherValue: Int32Array;
  private readonly nextEnglish: Int32Array;
  /** From each token on, within its sentence: the last English word, the last value not English. */
  private readonly lastEnglish: Int32Array;
  private readonly lastValue: Int32Array;
  /** From each token to its sentence's end: only shared words, values and words of 3 letters. */
  private readonly quietTail: Uint8Array;

  constructor(text: string, tokens: readonly Token[], marks: readonly Mark[]) {
    const n = tokens.length;
    this.stop = new Int32Array(n);
    this.nextOther = new Int32Array(n + 1).fill(n);
    this.nextOtherValue = new Int32Array(n + 1).fill(n);
    this.nextEnglish = new Int32Array(n + 1).fill(n);
    this.lastEnglish = new Int32Array(n).fill(-1);
    this.lastValue = new Int32Array(n).fill(-1);
    this.quietTail = new Uint8Array(n);
    let stop = n;
    for (let k = n - 1; k >= 0; k--) {
      this.stop[k] = stop;
      const value = marks[k] !== 'en' && isValue(tokens, k);
      this.nextOther[k] = marks[k] === 'other' && !value ? k : this.nextOther[k + 1]!;
      this.nextOtherValue[k] = marks[k] === 'other' && value ? k : this.nextOtherValue[k + 1]!;
      this.nextEnglish[k] = marks[k] === 'en' ? k : this.nextEnglish[k + 1]!;
      const sameSentence = k + 1 < stop;
      const laterEnglish = sameSentence ? this.lastEnglish[k + 1]! : -1;
      this.lastEnglish[k] = laterEnglish >= 0 ? laterEnglish : marks[k] === 'en' ? k : -1;
      const laterValue = sameSentence ? this.lastValue[k + 1]! : -1;
      this.lastValue[k] = laterValue >= 0 ? laterValue : value ? k : -1;
      const quiet = marks[k] === 'both' || /\d/u.test(tokens[k]!.text) || [...tokens[k]!.text].length <= 3;
      this.quietTail[k] = quiet && (!sameSentence || this.quietTail[k + 1] === 1) ? 1 : 0;
      // A break before this token (a decimal point or comma inside a number ends no sentence).
      if (k > 0) {
        const gap = text.slice(tokens[k - 1]!.end, tokens[k]!.start);
        const decimal =
          /^[.,]$/u.test(gap) && /\d$/u.test(tokens[k - 1]!.text) && /^\d/u.test(tokens[k]!.text);
        if (RUN_BREAK_RE.test(gap) && !decimal) stop = k;
      }
    }
  }

  /** Whether nothing but shared words, values and short words follow `last` in its sentence. */
  quietAfter(last: number): boolean {
    return last + 1 >= this.stop[last]! || this.quietTail[last + 1] === 1;
  }

  /** The last token of the sentence token `k` is in. */
  sentenceLast(k: number): number {
    return this.stop[k]! - 1;
  }

  /** Where a run ending at `last` ends once its sentence is taken into account. */
  end(last: number): number {
    const from = last + 1;
    if (from >= this.stop.length) return last;
    const stop = this.stop[last]!;
    if (from >= stop) return last;
    if (this.nextOther[from]! < stop) return last;
    const foreignValue = this.nextOtherValue[from]!;
    if (foreignValue < stop && this.nextEnglish[foreignValue + 1]! < stop) return last;
    const english = this.lastEnglish[from]!;
    const lastEnglish = english >= 0 ? english : last;
    const value = this.lastValue[from]!;
    return value >= 0 && value > lastEnglish ? value : lastEnglish;
  }
}

/**
 * A run that is its whole sentence, from a sentence start to a sentence end, in a description
 * ("Gate width 18 mm." left in English): nothing of the declared language around it.
 */
function wholeSentence(
  text: string,
  tokens: readonly Token[],
  marks: readonly Mark[],
  tails: SentenceTails,
  first: number,
  last: number,
): boolean {
  for (let k = first; k <= last; k++) if (marks[k] === 'other' && !isValue(tokens, k)) return false;
  const before = first === 0 ? '\n' : text.slice(tokens[first - 1]!.end, tokens[first]!.start);
  if (!/[.!?\n]/u.test(before)) return false;
  // After the last English word, only a value or words English shares may end the sentence ("... 18
  // mm.", "... water saving design."); a decimal point ("3.5") ends no sentence.
  return tails.quietAfter(last);
}

/**
 * A sentence of two or more words, all English or shared with English, one of them English only
 * ("Working pressure 0–10 bar.": French has "pressure" as a form of "pressurer"): a line left in
 * English. (Not with a word in capitals: "Crawler RC 1" is a model's name.)
 */
function englishLine(run: readonly Token[], marks: readonly Mark[]): boolean {
  const words = run.filter((t) => /^\p{L}{2,}$/u.test(t.text));
  // A model name: "Crawler RC 1".
  if (words.length < 2 || words.some((t) => /^\p{Lu}+$/u.test(t.text))) return false;
  // Two words of four letters or more: "Crawler max 1:10" is a name and a scale.
  if (words.filter((t) => [...t.text].length >= 4).length < 2) return false;
  return run.some((t, k) => marks[k] === 'en' && /^\p{L}\p{Ll}{2,}$/u.test(t.text));
}

/**
 * A run whose sentence opens with words English shares with the declared language ("High
 * pressure, water saving design." in French, where "high", "pressure" and "design" are French
 * dictionary words too) starts where the sentence does: the whole sentence was left in English.
 */
function fromSentenceStart(
  text: string,
  tokens: readonly Token[],
  marks: readonly Mark[],
  first: number,
): number {
  for (let k = first; k > 0; k--) {
    const gap = text.slice(tokens[k - 1]!.end, tokens[k]!.start);
    if (/[.!?\n]/u.test(gap)) return k;
    if (RUN_BREAK_RE.test(gap) || (marks[k - 1] !== 'both' && !isValue(tokens, k - 1))) return first;
  }
  return 0;
}

/** Most words of a capitalised run that still reads as a name. */
const MAX_NAME_WORDS = 4;

/**
 * A feature or product name inside a sentence ("PPS (Super Fast Charging de Samsung)", "con Quick
 * Charge 3.0"): a short run of capitalised English words that does not start a sentence. Titles
 * capitalise everything, so there it is no evidence.
 */
function isName(
  text: string,
  field: ListingField,
  run: readonly Token[],
  english: readonly Token[],
): boolean {
  if (field === 'title') return false;
  if (!english.every((t) => /^\p{Lu}/u.test(t.text))) return false;
  if (isNameList(text, run)) return true;
  if (run.length > MAX_NAME_WORDS) return false;
  let at = run[0]!.start - 1;
  while (at >= 0 && /[\s"'«»“”„([]/u.test(text[at]!)) at--;
  return at >= 0 && !/[.!?…:\n•]/u.test(text[at]!);
}

/** A word of a name: title case, a short acronym, or a code with a digit ("OBD2"). */
const NAME_WORD_RE = /^(?:\p{Lu}[\p{Ll}\d][\p{L}\d]*|[\p{Lu}\d]{1,4}|\p{Lu}*\d[\p{L}\d]*)$/u;

/**
 * Names listed with commas ("Compatible apps: Car Scanner, Torque Lite, OBD Fusion"): every word
 * capitalised, two or more items of at most `MAX_NAME_WORDS` words each. A pasted sentence has
 * lower-case words; a list of names reads the same in every language, after a colon too.
 */
function isNameList(text: string, run: readonly Token[]): boolean {
  // Title-case words, short acronyms and codes: shouted words ("KEEP AWAY") are no names.
  if (!run.every((t) => NAME_WORD_RE.test(t.text))) return false;
  let items = 1;
  let words = 1;
  for (let k = 1; k < run.length; k++) {
    const gap = text.slice(run[k - 1]!.end, run[k]!.start);
    if (/^\s*,\s*$/u.test(gap)) {
      items++;
      words = 1;
    } else if (/^\s+$/u.test(gap)) {
      if (++words > MAX_NAME_WORDS) return false;
    } else return false;
  }
  return items >= 2;
}

/**
 * Chinese (CJK) text left in any version, and English runs (three or more English-only words, or two
 * with an English function word) left inside ES/FR/RU/PT text. `skip` spans (wrong-language
 * paragraphs, placeholders) are not reported again.
 */
/** One-letter conjunctions of the declared language ("gravel e mountain bike", "trail y enduro"). */
const CONJUNCTIONS: Readonly<Partial<Record<Language, ReadonlySet<string>>>> = {
  es: new Set(['y', 'e', 'o', 'u']),
  pt: new Set(['e', 'o']),
  fr: new Set([]),
  ru: new Set(['и', 'а']),
};

/**
 * English trade terms of one or two words joined by a conjunction of the declared language
 * ("estrada, gravel e mountain bike"): the seller's sentence lists loan terms; a pasted English
 * sentence would join them with "and".
 */
function termList(run: readonly Token[], lang: Language): boolean {
  const joins = CONJUNCTIONS[lang];
  if (!joins) return false;
  let segment = 0;
  let joined = false;
  for (const token of run) {
    if (joins.has(token.text.toLowerCase())) {
      joined = true;
      segment = 0;
    } else if (++segment > 2) return false;
  }
  return joined;
}

/** Quotation marks that open and close a term: «…», “…”, „…“, "…", ‹…›. */
const OPENING_QUOTE_RE = /[«“„"‹]\s?$/u;
const CLOSING_QUOTE_RE = /^\s?[»”“"›]/u;
/** A quoted English term of at most this many words is a name the seller mentions, not a passage. */
const MAX_QUOTED_TERM_WORDS = 4;

/**
 * An English run of a few words inside quotation marks ("la technique « park and draft »"): the
 * quotes mark a name mentioned as such (a technique, a style, a product line), not a sentence left
 * untranslated.
 */
function quotedTerm(text: string, run: readonly Token[]): boolean {
  if (run.length > MAX_QUOTED_TERM_WORDS) return false;
  const before = text.slice(Math.max(0, run[0]!.start - 2), run[0]!.start);
  const after = text.slice(run.at(-1)!.end, run.at(-1)!.end + 2);
  return OPENING_QUOTE_RE.test(before) && CLOSING_QUOTE_RE.test(after);
}

/**
 * English phrases every market's tech and hobby listings keep as they are ("plug and play", "hot
 * swap", "true wireless", "black bass", "bullet journal"): their words count as shared, so alone they make no English run, and inside an
 * English sentence they still join it.
 */
const LOAN_PHRASES: readonly (readonly string[])[] = [
  ['plug', 'and', 'play'],
  // "plug & play": "&" is no token.
  ['plug', 'play'],
  ['hot', 'swap'],
  ['hot', 'swappable'],
  ['hot-swap'],
  ['hot-swappable'],
  ['true', 'wireless'],
  ['power', 'delivery'],
  ['quick', 'charge'],
  // Anglers' lures and fish, which Spanish, Portuguese and French anglers name in English.
  ['black', 'bass'],
  ['shad'],
  ['shads'],
  ['crankbait'],
  ['swimbait'],
  ['spinnerbait'],
  ['jerkbait'],
  ['topwater'],
  ['jig', 'head'],
  // Paper crafts.
  ['bullet', 'journal'],
  ['junk', 'journal'],
  ['scrapbook'],
  ['scrapbooking'],
  ['washi', 'tape'],
  ['hand', 'lettering'],
  // Parties and water sports, named in English in all four markets.
  ['baby', 'shower'],
  ['bridal', 'shower'],
  ['gender', 'reveal'],
  ['stand', 'up', 'paddle'],
  ['paddle', 'surf'],
  ['paddleboard'],
  ['rafting'],
  ['bodyboard'],
  ['wakeboard'],
  ['kitesurf'],
];

function markLoanPhrases(tokens: readonly Token[], marks: Mark[]): void {
  for (let k = 0; k < tokens.length; k++) {
    for (const phrase of LOAN_PHRASES) {
      if (k + phrase.length > tokens.length) continue;
      if (!phrase.every((w, j) => tokens[k + j]!.text.toLowerCase() === w)) continue;
      for (let j = 0; j < phrase.length; j++) if (marks[k + j] === 'en') marks[k + j] = 'both';
    }
  }
}

/** Before a label: the line's start, a bullet or dash, spaces. */
const LABEL_LEAD_RE = new RegExp(String.raw`(?:^|\n)[^\S\n]{0,8}(?:[${BULLET_CHARS}][^\S\n]{0,3})?$`, 'u');

/** Most words of a label. */
const MAX_LABEL_WORDS = 6;

/**
 * An English label that opens a line of a version in another language, up to its colon: "Package
 * includes:" over a list, "• Max stirring volume: 3 L". Two to six words, one of them English only
 * and none the declared language's. Returns the label's last token, or -1.
 */
function englishLabel(text: string, tokens: readonly Token[], marks: readonly Mark[], first: number): number {
  if (!LABEL_LEAD_RE.test(text.slice(Math.max(0, tokens[first]!.start - 12), tokens[first]!.start)))
    return -1;
  let words = 0;
  let english = false;
  for (let k = first; k < tokens.length && words <= MAX_LABEL_WORDS; k++) {
    if (marks[k] === 'other') return -1;
    if (marks[k] === 'en') english = true;
    if (/\p{L}/u.test(tokens[k]!.text)) words++;
    const gap = text.slice(tokens[k]!.end, tokens[k + 1]?.start ?? text.length);
    // A colon then a space or the line's end (not the "1:10" of a scale or a time).
    if (/^:(?:\s|$)/u.test(text.slice(tokens[k]!.end, tokens[k]!.end + 2)))
      return words >= 2 && words <= MAX_LABEL_WORDS && english ? k : -1;
    if (/[\n.!?;]/u.test(gap)) return -1;
  }
  return -1;
}

export function checkUntranslated(
  text: string,
  lang: Language,
  field: ListingField,
  deps: UntranslatedDeps | undefined,
  skip: ReadonlyArray<readonly [number, number]> = [],
): Issue[] {
  const issues: Issue[] = [];
  for (const match of text.matchAll(CJK_RE)) {
    const start = match.index ?? 0;
    const end = start + match[0].trimEnd().length;
    if (overlaps(start, end, skip)) continue;
    issues.push({
      lang,
      field,
      kind: 'untranslated_segment',
      code: 'chinese',
      params: { text: match[0].trim().slice(0, 40) },
      span: [start, end],
    });
  }
  if (lang === 'en' || deps === undefined) return joinChinese(text, issues);

  const tokens = tokenize(text);
  const marks = tokens.map((t) => markOf(t, deps, lang));
  // A unit symbol after a number is a value, not an English word: "10 oz, 12 oz y 16 oz" (gloves are
  // sold by the ounce everywhere; a unit foreign to the market is the terminology check's).
  tokens.forEach((token, k) => {
    if (marks[k] !== 'en' || k === 0 || [...token.text].length > 3 || !/^\p{Ll}+$/u.test(token.text)) return;
    const before = tokens[k - 1]!;
    if (/\d$/u.test(before.text) && /^[\s\u00a0]?$/u.test(text.slice(before.end, token.start)))
      marks[k] = 'both';
  });
  // A capitalised word before a model number is part of a product name ("Galaxy Watch 6", "Note 13").
  tokens.forEach((token, k) => {
    const next = tokens[k + 1];
    if (
      marks[k] === 'en' &&
      next &&
      /^\p{Lu}/u.test(token.text) &&
      /^\d/u.test(next.text) &&
      text.slice(token.end, next.start).trim() === ''
    )
      marks[k] = 'both';
  });
  markLoanPhrases(tokens, marks);
  const tails = new SentenceTails(text, tokens, marks);
  let i = 0;
  while (i < tokens.length) {
    if (marks[i] !== 'en') {
      i++;
      continue;
    }
    let j = i;
    let last = i;
    let bridge = 0;
    while (j + 1 < tokens.length && marks[j + 1] !== 'other') {
      const gap = text.slice(tokens[j]!.end, tokens[j + 1]!.start);
      if (RUN_BREAK_RE.test(gap)) break;
      j++;
      if (marks[j] === 'en') {
        last = j;
        bridge = 0;
      } else if (++bridge > MAX_BRIDGE) break;
    }
    last = tails.end(last);
    i = fromSentenceStart(text, tokens, marks, i);
    const run = tokens.slice(i, last + 1);
    const english = run.filter((_, k) => marks[i + k] === 'en');
    const whole = wholeSentence(text, tokens, marks, tails, i, last);
    const functionWords = run.filter((t) => ENGLISH_FUNCTION_WORDS.has(t.text.toLowerCase())).length;
    const label = english.length < 3 ? englishLabel(text, tokens, marks, i) : -1;
    if (label >= last) last = label;
    if (
      (english.length >= 3 ||
        (english.length >= 2 && (functionWords >= 1 || whole)) ||
        (whole && englishLine(run, marks.slice(i, last + 1))) ||
        label >= 0) &&
      !isName(text, field, run, english) &&
      !quotedTerm(text, run) &&
      !(functionWords === 0 && termList(run, lang))
    ) {
      const start = run[0]!.start;
      // A sentence left in English whole ends where the sentence does ("... water saving design.").
      if (whole) last = tails.sentenceLast(last);
      const end = tokens[last]!.end;
      if (!overlaps(start, end, skip)) {
        issues.push({
          lang,
          field,
          kind: 'untranslated_segment',
          code: 'english',
          params: { text: text.slice(start, end).slice(0, 60) },
          span: [start, end],
        });
      }
    }
    i = last + 1;
  }
  // Words of the declared language only, counted up to each token: a gap without them is English.
  // Names, numbers and units ("20 cm Microtex", "Kindle 4") are no words of the declared language.
  const others = [0];
  marks.forEach((mark, k) => {
    const word = tokens[k]!.text;
    const name = /^\p{Lu}/u.test(word) || /\d/u.test(word) || [...word].length <= 2;
    others.push(others.at(-1)! + (mark === 'other' && !name ? 1 : 0));
  });
  const englishGap = (from: number, to: number) => {
    if (text.slice(from, to).includes('\n')) return false;
    const a = firstTokenAt(tokens, from);
    const b = firstTokenAt(tokens, to);
    return others[b]! - others[a]! === 0;
  };
  return joinRuns(
    text,
    joinChinese(text, issues).sort((a, b) => (a.span?.[0] ?? 0) - (b.span?.[0] ?? 0)),
    englishGap,
  );
}

/**
 * Chinese runs of one sentence with only a name, a number or punctuation between them ("适合
 * Kindle 4 和 Kobo 阅读器", "内置USB充电口") are one passage: no line break, no sentence end and no
 * lower-case word of three letters or more (the declared language's) between them.
 */
function joinChinese(text: string, issues: Issue[]): Issue[] {
  const joined: Issue[] = [];
  for (const issue of issues) {
    const last = joined.at(-1);
    if (last?.span && issue.span && last.code === 'chinese' && issue.code === 'chinese') {
      const gap = text.slice(last.span[1], issue.span[0]);
      if (!/[\n.!?。！？]/u.test(gap) && !/(?<!\p{L})\p{Ll}{3,}/u.test(gap)) {
        const span: [number, number] = [last.span[0], issue.span[1]];
        joined[joined.length - 1] = {
          ...last,
          span,
          params: { text: text.slice(span[0], span[1]).trim().slice(0, 40) },
        };
        continue;
      }
    }
    joined.push(issue);
  }
  return joined;
}

/** Index of the first token starting at or after `offset`. */
function firstTokenAt(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (tokens[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * English runs of one line with only punctuation, numbers and words of both languages between them
 * ("Sterilise before first use; dishwasher safe on the top rack.") are one passage left in
 * English: one finding.
 */
function joinRuns(text: string, issues: Issue[], englishGap: (from: number, to: number) => boolean): Issue[] {
  const joined: Issue[] = [];
  for (const issue of issues) {
    const last = joined.at(-1);
    if (
      last?.span &&
      issue.span &&
      last.code === 'english' &&
      issue.code === 'english' &&
      englishGap(last.span[1], issue.span[0])
    ) {
      const span: [number, number] = [last.span[0], issue.span[1]];
      joined[joined.length - 1] = {
        ...last,
        span,
        params: { text: text.slice(span[0], span[1]).slice(0, 60) },
      };
      continue;
    }
    joined.push(issue);
  }
  return joined;
}
