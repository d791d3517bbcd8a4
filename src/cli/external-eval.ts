/**
 * External evaluation: public corpora nobody on the team wrote, mapped onto sellerdesk's
 * categories by `data/external-corpora.json`, scored through the production pipeline
 * (redactPii -> detectLanguage -> classifyIntent).
 *
 * The corpora are never committed: they live under `SELLERDESK_CORPORA_DIR` (default
 * `../corpora` next to the checkout), one directory per source, as published. A missing source is
 * skipped with a message saying where it was looked for. `scripts/train-intent.ts` refuses to
 * train while a training line nearly duplicates one of these texts, so they stay out of training.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ReliabilityBin, reliability } from '../domain/message/calibration.js';
import { classifyIntent } from '../domain/message/classify.js';
import { detectLanguage } from '../domain/message/language.js';
import { redactPii } from '../domain/message/redact.js';
import type { Category, Language } from '../domain/types.js';
import {
  type ExternalRow,
  type ExternalSource,
  type ExternalText,
  mapRows,
  parseMapping,
  parseSource,
} from './external-parse.js';

/** The committed mapping table (sources, licences, intent -> acceptable categories). */
export const EXTERNAL_MAPPING_FILE = 'data/external-corpora.json';

/** Where the corpora are: `SELLERDESK_CORPORA_DIR`, else `../corpora` next to the checkout. */
export function corporaDir(
  env: Record<string, string | undefined> = process.env,
  cwd = process.cwd(),
): string {
  const configured = env.SELLERDESK_CORPORA_DIR;
  if (configured !== undefined && configured.length > 0) return resolve(cwd, configured);
  return resolve(cwd, '..', 'corpora');
}

/** One source as found on disk: its texts, or why it was skipped. */
export interface LoadedSource {
  source: ExternalSource;
  path: string;
  texts: ExternalText[];
  rows: ExternalRow[];
  skipped?: string;
}

/** Reads the mapping table (relative to the checkout). */
export function readMapping(root = checkoutRoot()): ExternalSource[] {
  return parseMapping(readFileSync(join(root, EXTERNAL_MAPPING_FILE), 'utf8'));
}

/** Loads every source of the mapping from `dir`; a missing one is returned with `skipped` set. */
export function loadExternalCorpora(
  dir: string,
  sources: readonly ExternalSource[] = readMapping(),
): LoadedSource[] {
  return sources.map((source) => {
    const path = join(dir, source.dir, source.file);
    if (!existsSync(path)) {
      return {
        source,
        path,
        texts: [],
        rows: [],
        skipped: `${source.name}: not found at ${path} (set SELLERDESK_CORPORA_DIR; see ${EXTERNAL_MAPPING_FILE} for where to get it)`,
      };
    }
    const texts = parseSource(source, readFileSync(path, 'utf8'));
    return { source, path, texts, rows: mapRows(source, texts) };
  });
}

function checkoutRoot(): string {
  return resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
}

// ---------------------------------------------------------------------------------------------
// Scoring

/** Figures of a set of external lines (mapped or out of scope). */
export interface ExternalScore {
  total: number;
  /** Best guess among the acceptable categories (`other` for out of scope), abstentions included. */
  acceptable: number;
  /** The same among answered (not abstained) lines. */
  answeredAcceptable: number;
  answered: number;
  abstainRate: number;
  /** Out-of-scope lines only: share in `other` or abstained. */
  oosHandled: number;
  /** Out-of-scope lines answered with a category other than `other` at confidence >= 0.9. */
  oosConfidentDispute: number;
  /** Language detected as the corpus language. */
  languageAccuracy: number;
  /** Language detected as another language (`unknown` is not wrong: the shop default is used). */
  languageWrong: number;
  reliability: ReliabilityBin[];
  ece: number;
  /** Answered lines with confidence >= 0.9 and how many were acceptable. */
  confident: { correct: number; total: number };
  /** Source intent -> [acceptable, total]. */
  perIntent: Record<string, [number, number]>;
  /** Predicted categories of the misses, per source intent (for reading, never for training). */
  confusions: Record<string, Partial<Record<Category, number>>>;
}

/** One classified external line. */
export interface ScoredLine {
  row: ExternalRow;
  category: Category;
  confidence: number;
  abstained: boolean;
  acceptable: boolean;
  /** The detected language: the corpus language, `unknown`, or a wrong one. */
  detected: Language | 'unknown';
}

/** Runs the production pipeline over external rows (no hints: the corpus language is the shop default). */
export function classifyExternal(rows: readonly ExternalRow[]): ScoredLine[] {
  return rows.map((row) => {
    const redacted = redactPii(row.text).text;
    const detected = detectLanguage(redacted);
    const language = detected.language === 'unknown' ? row.lang : detected.language;
    const intent = classifyIntent(redacted, language);
    const acceptable =
      row.accept === 'oos' ? intent.category === 'other' : row.accept.includes(intent.category);
    return {
      row,
      category: intent.category,
      confidence: intent.confidence,
      abstained: intent.abstained,
      acceptable,
      detected: detected.language,
    };
  });
}

/** Aggregates classified lines. */
export function scoreExternal(lines: readonly ScoredLine[]): ExternalScore {
  const answered = lines.filter((l) => !l.abstained);
  const oos = lines.filter((l) => l.row.accept === 'oos');
  const calibration = reliability(lines.map((l) => ({ confidence: l.confidence, correct: l.acceptable })));
  const confident = answered.filter((l) => l.confidence >= 0.9);
  const perIntent: Record<string, [number, number]> = {};
  const confusions: Record<string, Partial<Record<Category, number>>> = {};
  for (const l of lines) {
    const key = l.row.intent;
    const entry = perIntent[key] ?? [0, 0];
    entry[1]++;
    if (l.acceptable) entry[0]++;
    perIntent[key] = entry;
    if (!l.acceptable) {
      const c = confusions[key] ?? {};
      c[l.category] = (c[l.category] ?? 0) + 1;
      confusions[key] = c;
    }
  }
  const share = (n: number, d: number): number => (d === 0 ? 0 : n / d);
  return {
    total: lines.length,
    acceptable: share(lines.filter((l) => l.acceptable).length, lines.length),
    answeredAcceptable: share(answered.filter((l) => l.acceptable).length, answered.length),
    answered: answered.length,
    abstainRate: share(lines.length - answered.length, lines.length),
    oosHandled: share(oos.filter((l) => l.category === 'other' || l.abstained).length, oos.length),
    oosConfidentDispute: oos.filter((l) => !l.abstained && l.category !== 'other' && l.confidence >= 0.9)
      .length,
    languageAccuracy: share(lines.filter((l) => l.detected === l.row.lang).length, lines.length),
    languageWrong: share(
      lines.filter((l) => l.detected !== l.row.lang && l.detected !== 'unknown').length,
      lines.length,
    ),
    reliability: calibration.table,
    ece: calibration.ece,
    confident: { correct: confident.filter((l) => l.acceptable).length, total: confident.length },
    perIntent,
    confusions,
  };
}

/** Mapped and out-of-scope figures of one loaded source. */
export interface SourceReport {
  name: string;
  lang: Language;
  licence: string;
  skipped?: string;
  mapped?: ExternalScore;
  oos?: ExternalScore;
  lines: ScoredLine[];
}

/** Scores every loaded source (skipped ones carry their message). */
export function evaluateExternal(loaded: readonly LoadedSource[]): SourceReport[] {
  return loaded.map((l) => {
    const base = { name: l.source.name, lang: l.source.lang, licence: l.source.licence };
    if (l.skipped !== undefined) return { ...base, skipped: l.skipped, lines: [] };
    const lines = classifyExternal(l.rows);
    const mapped = lines.filter((s) => s.row.accept !== 'oos');
    const oos = lines.filter((s) => s.row.accept === 'oos');
    return {
      ...base,
      lines,
      ...(mapped.length > 0 ? { mapped: scoreExternal(mapped) } : {}),
      ...(oos.length > 0 ? { oos: scoreExternal(oos) } : {}),
    };
  });
}
