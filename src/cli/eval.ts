import { type ReliabilityBin, reliability } from '../domain/message/calibration.js';
import { classifyIntent } from '../domain/message/classify.js';
import { detectLanguage, type LanguageHints } from '../domain/message/language.js';
import { redactPii } from '../domain/message/redact.js';
import { CATEGORIES, type Category, isLanguage, LANGUAGES, type Language } from '../domain/types.js';

/** Corpus scored when no file is given. */
export const DEFAULT_EVAL_FILE = 'test/fixtures/intent-dev.jsonl';

/** Quality bars of issue 4; `runEval` exits 1 when the corpus misses one of them. */
export const EVAL_TARGETS = {
  languageLong: 0.99,
  languageShort: 0.95,
  macroF1: 0.93,
  maxAbstainRate: 0.1,
} as const;

/** One labelled corpus line. */
export interface EvalRow {
  line: number;
  text: string;
  lang: Language;
  category: Category;
  meta?: { locale?: string; country?: string };
}

/** Accuracy over a slice of the corpus. */
export interface Accuracy {
  correct: number;
  total: number;
  accuracy: number;
}

/** Precision, recall and F1 of one category. */
export interface CategoryScore {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

/** A corpus line the pipeline got wrong. */
export interface EvalMiss {
  line: number;
  text: string;
  kind: 'language' | 'intent';
  expected: string;
  got: string;
  confidence: number;
  abstained?: boolean;
}

/** Everything `runEval` measured; `error` is set (and the rest empty) when the corpus was unreadable. */
export interface EvalReport {
  file: string;
  total: number;
  language: {
    overall: Accuracy;
    perLanguage: Record<Language, Accuracy>;
    /** Texts of one or two words. */
    short: Accuracy;
    /** Texts of three words or more. */
    long: Accuracy;
    unknown: number;
  };
  intent: {
    /** Accuracy of the best guess, abstained lines included. */
    accuracy: number;
    /** Macro-F1 of the best guess over all lines, abstained included. */
    macroF1: number;
    /** Macro-F1 over the lines that were not abstained. */
    answeredMacroF1: number;
    answeredAccuracy: number;
    abstained: number;
    abstainRate: number;
    perCategory: Record<Category, CategoryScore>;
    /** confusion[expected][predicted] = count. */
    confusion: Record<Category, Record<Category, number>>;
    /** Confidence of the best guess against its accuracy, bins of 0.1, every line. */
    reliability: ReliabilityBin[];
    /** Expected calibration error of that table. */
    ece: number;
    /** Lines answered (not abstained) with confidence >= 0.9 — what earned auto-send trusts. */
    confident: Accuracy;
  };
  targets: { languageLong: boolean; languageShort: boolean; macroF1: boolean; abstain: boolean };
  misses: EvalMiss[];
  error?: string;
}

/** Thrown for an unreadable corpus; the message names the file and line. */
export class EvalInputError extends Error {}

/** Words as buyers count them: whitespace-separated chunks holding a letter or a digit. */
export function countWords(text: string): number {
  return text.split(/\s+/u).filter((chunk) => /[\p{L}\p{N}]/u.test(chunk)).length;
}

/** Parses a JSONL corpus; throws `EvalInputError` naming the first bad line. */
export function parseCorpus(content: string, file: string): EvalRow[] {
  const rows: EvalRow[] = [];
  const lines = content.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const raw = (lines[i] ?? '').trim();
    if (raw.length === 0 || raw.startsWith('//')) continue;
    const where = `${file}:${i + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      throw new EvalInputError(`${where}: not valid JSON (${(error as Error).message})`);
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new EvalInputError(`${where}: expected an object {"text","lang","category","meta"?}`);
    }
    const record = value as Record<string, unknown>;
    const { text, lang, category, meta } = record;
    if (typeof text !== 'string') throw new EvalInputError(`${where}: "text" must be a string`);
    if (!isLanguage(lang)) {
      throw new EvalInputError(
        `${where}: "lang" must be one of ${LANGUAGES.join(', ')}, got ${JSON.stringify(lang)}`,
      );
    }
    if (typeof category !== 'string' || !(CATEGORIES as readonly string[]).includes(category)) {
      throw new EvalInputError(
        `${where}: "category" must be one of ${CATEGORIES.join(', ')}, got ${JSON.stringify(category)}`,
      );
    }
    const row: EvalRow = { line: i + 1, text, lang, category: category as Category };
    if (meta !== undefined && meta !== null) {
      if (typeof meta !== 'object' || Array.isArray(meta)) {
        throw new EvalInputError(`${where}: "meta" must be an object {locale?, country?}`);
      }
      const { locale, country } = meta as Record<string, unknown>;
      row.meta = {
        ...(typeof locale === 'string' ? { locale } : {}),
        ...(typeof country === 'string' ? { country } : {}),
      };
    }
    rows.push(row);
  }
  if (rows.length === 0) throw new EvalInputError(`${file}: no corpus lines`);
  return rows;
}

function accuracy(correct: number, total: number): Accuracy {
  return { correct, total, accuracy: total === 0 ? 1 : correct / total };
}

function hintsOf(row: EvalRow): LanguageHints | undefined {
  if (row.meta === undefined) return undefined;
  const hints: LanguageHints = {};
  if (row.meta.locale !== undefined) hints.locale = row.meta.locale;
  if (row.meta.country !== undefined) hints.country = row.meta.country;
  return hints;
}

function fallbackLanguage(row: EvalRow): Language {
  const code = row.meta?.locale?.toLowerCase().split(/[-_]/)[0];
  return isLanguage(code) ? code : 'en';
}

function macroF1(scores: Record<Category, CategoryScore>, present: ReadonlySet<Category>): number {
  const used = CATEGORIES.filter((c) => present.has(c));
  if (used.length === 0) return 1;
  return used.reduce((sum, c) => sum + scores[c].f1, 0) / used.length;
}

function categoryScores(pairs: ReadonlyArray<[Category, Category]>): Record<Category, CategoryScore> {
  const scores = {} as Record<Category, CategoryScore>;
  for (const c of CATEGORIES) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const [expected, got] of pairs) {
      if (got === c && expected === c) tp++;
      else if (got === c) fp++;
      else if (expected === c) fn++;
    }
    const precision = tp + fp === 0 ? (fn === 0 ? 1 : 0) : tp / (tp + fp);
    const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    scores[c] = { precision, recall, f1, support: tp + fn };
  }
  return scores;
}

/** Runs the pipeline over parsed rows and scores it (no I/O). */
export function evaluateCorpus(rows: readonly EvalRow[], file = '(memory)'): EvalReport {
  const perLang = Object.fromEntries(LANGUAGES.map((l) => [l, { correct: 0, total: 0 }])) as Record<
    Language,
    { correct: number; total: number }
  >;
  const confusion = Object.fromEntries(
    CATEGORIES.map((c) => [c, Object.fromEntries(CATEGORIES.map((d) => [d, 0]))]),
  ) as Record<Category, Record<Category, number>>;
  let langCorrect = 0;
  let shortCorrect = 0;
  let shortTotal = 0;
  let longCorrect = 0;
  let longTotal = 0;
  let unknown = 0;
  let abstained = 0;
  const all: Array<[Category, Category]> = [];
  const confidences: Array<{ confidence: number; correct: boolean; answered: boolean }> = [];
  const answered: Array<[Category, Category]> = [];
  const misses: EvalMiss[] = [];

  for (const row of rows) {
    const redacted = redactPii(row.text).text;
    const detected = detectLanguage(redacted, hintsOf(row));
    const language = detected.language === 'unknown' ? fallbackLanguage(row) : detected.language;
    const intent = classifyIntent(redacted, language);

    const langOk = detected.language === row.lang;
    const short = countWords(row.text) <= 2;
    const bucket = perLang[row.lang];
    bucket.total++;
    if (langOk) {
      langCorrect++;
      bucket.correct++;
    }
    if (detected.language === 'unknown') unknown++;
    if (short) {
      shortTotal++;
      if (langOk) shortCorrect++;
    } else {
      longTotal++;
      if (langOk) longCorrect++;
    }
    if (!langOk) {
      misses.push({
        line: row.line,
        text: row.text,
        kind: 'language',
        expected: row.lang,
        got: detected.language,
        confidence: detected.confidence,
      });
    }

    confusion[row.category][intent.category]++;
    all.push([row.category, intent.category]);
    confidences.push({
      confidence: intent.confidence,
      correct: intent.category === row.category,
      answered: !intent.abstained,
    });
    if (intent.abstained) abstained++;
    else answered.push([row.category, intent.category]);
    if (intent.category !== row.category) {
      misses.push({
        line: row.line,
        text: row.text,
        kind: 'intent',
        expected: row.category,
        got: intent.category,
        confidence: intent.confidence,
        abstained: intent.abstained,
      });
    }
  }

  const present = new Set(rows.map((r) => r.category));
  const perCategory = categoryScores(all);
  const answeredScores = categoryScores(answered);
  const intentCorrect = all.filter(([e, g]) => e === g).length;
  const answeredCorrect = answered.filter(([e, g]) => e === g).length;
  const short = accuracy(shortCorrect, shortTotal);
  const long = accuracy(longCorrect, longTotal);
  const f1 = macroF1(perCategory, present);
  const abstainRate = rows.length === 0 ? 0 : abstained / rows.length;
  const calibration = reliability(confidences);
  const confident = confidences.filter((c) => c.answered && c.confidence >= 0.9);
  return {
    file,
    total: rows.length,
    language: {
      overall: accuracy(langCorrect, rows.length),
      perLanguage: Object.fromEntries(
        LANGUAGES.map((l) => [l, accuracy(perLang[l].correct, perLang[l].total)]),
      ) as Record<Language, Accuracy>,
      short,
      long,
      unknown,
    },
    intent: {
      accuracy: rows.length === 0 ? 1 : intentCorrect / rows.length,
      macroF1: f1,
      answeredMacroF1: macroF1(answeredScores, new Set(answered.map(([e]) => e))),
      answeredAccuracy: answered.length === 0 ? 1 : answeredCorrect / answered.length,
      abstained,
      abstainRate,
      perCategory,
      confusion,
      reliability: calibration.table,
      ece: calibration.ece,
      confident: accuracy(confident.filter((c) => c.correct).length, confident.length),
    },
    targets: {
      languageLong: long.accuracy >= EVAL_TARGETS.languageLong,
      languageShort: short.accuracy >= EVAL_TARGETS.languageShort,
      macroF1: f1 >= EVAL_TARGETS.macroF1,
      abstain: abstainRate <= EVAL_TARGETS.maxAbstainRate,
    },
    misses,
  };
}

export function emptyReport(file: string, error: string): EvalReport {
  const report = evaluateCorpus([], file);
  report.error = error;
  report.targets = { languageLong: false, languageShort: false, macroF1: false, abstain: false };
  return report;
}
