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
import { CATEGORIES, type Category, isLanguage, type Language } from '../domain/types.js';

/** The committed mapping table (sources, licences, intent -> acceptable categories). */
export const EXTERNAL_MAPPING_FILE = 'data/external-corpora.json';

/** File formats the loader understands. */
export type ExternalFormat = 'bitext-csv' | 'rasa-md' | 'clinc-json' | 'text-category-csv';

/** One source of the mapping table. */
export interface ExternalSource {
  name: string;
  dir: string;
  file: string;
  format: ExternalFormat;
  lang: Language;
  origin: string;
  licence: string;
  /** clinc-json only: the splits to read. */
  splits?: string[];
  /** Source intent -> the categories that count as an acceptable answer. */
  mapped: Record<string, Category[]>;
  /** Source intents that are out of scope for a seller: `other` or an abstention handles them. */
  oos: string[];
}

/** A text of an external corpus with its source intent. */
export interface ExternalText {
  source: string;
  intent: string;
  text: string;
}

/** A scored external line: `accept` is the acceptable categories, or `oos` for out of scope. */
export interface ExternalRow extends ExternalText {
  lang: Language;
  accept: readonly Category[] | 'oos';
}

/** Thrown when the mapping table is malformed; names the source and field. */
export class ExternalMappingError extends Error {}

/** Parses and checks the mapping table. */
export function parseMapping(content: string): ExternalSource[] {
  const raw = JSON.parse(content) as { sources?: unknown };
  if (!Array.isArray(raw.sources)) throw new ExternalMappingError('mapping: "sources" must be an array');
  return raw.sources.map((value, i) => {
    const s = value as Partial<ExternalSource>;
    const where = `mapping source ${i + 1} (${String(s.name)})`;
    for (const field of ['name', 'dir', 'file', 'origin', 'licence'] as const) {
      if (typeof s[field] !== 'string' || (s[field] as string).length === 0) {
        throw new ExternalMappingError(`${where}: "${field}" must be a non-empty string`);
      }
    }
    if (!['bitext-csv', 'rasa-md', 'clinc-json', 'text-category-csv'].includes(String(s.format))) {
      throw new ExternalMappingError(`${where}: unknown format ${JSON.stringify(s.format)}`);
    }
    if (!isLanguage(s.lang))
      throw new ExternalMappingError(`${where}: unknown lang ${JSON.stringify(s.lang)}`);
    const mapped = s.mapped ?? {};
    for (const [intent, categories] of Object.entries(mapped)) {
      if (!Array.isArray(categories) || categories.length === 0) {
        throw new ExternalMappingError(`${where}: ${intent} needs at least one category`);
      }
      for (const c of categories) {
        if (!(CATEGORIES as readonly string[]).includes(c)) {
          throw new ExternalMappingError(`${where}: ${intent} -> unknown category ${JSON.stringify(c)}`);
        }
      }
    }
    const oos = s.oos ?? [];
    for (const intent of oos) {
      if (intent in mapped)
        throw new ExternalMappingError(`${where}: ${intent} is both mapped and out of scope`);
    }
    return { ...(s as ExternalSource), mapped, oos };
  });
}

// ---------------------------------------------------------------------------------------------
// Source formats

/** RFC 4180 CSV (quoted fields, doubled quotes, CRLF or LF); a leading BOM is dropped. */
export function parseCsv(content: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const text = content.charCodeAt(0) === 0xfeff ? content.slice(1) : content;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        field += ch;
      }
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      if (row.some((f) => f.length > 0)) rows.push(row);
      row = [];
      field = '';
    } else {
      field += ch;
    }
  }
  row.push(field);
  if (row.some((f) => f.length > 0)) rows.push(row);
  return rows;
}

function csvColumns(
  content: string,
  textColumn: string,
  intentColumn: string,
  source: string,
): ExternalText[] {
  const [header, ...rows] = parseCsv(content);
  const t = header?.indexOf(textColumn) ?? -1;
  const c = header?.indexOf(intentColumn) ?? -1;
  if (t < 0 || c < 0)
    throw new ExternalMappingError(`${source}: CSV needs columns ${textColumn} and ${intentColumn}`);
  return rows
    .map((r) => ({ source, intent: (r[c] ?? '').trim(), text: (r[t] ?? '').trim() }))
    .filter((r) => r.text.length > 0);
}

/**
 * Rasa 1.x Markdown NLU data: `## intent:Name` then `- example` lines; entity markup
 * `[text](entity)` is reduced to its text.
 */
export function parseRasaMarkdown(content: string, source: string): ExternalText[] {
  const out: ExternalText[] = [];
  let intent: string | undefined;
  for (const raw of content.split(/\r?\n/u)) {
    const line = raw.trim();
    const heading = /^##\s*intent:\s*(\S+)/u.exec(line);
    if (heading !== null) {
      intent = heading[1];
      continue;
    }
    if (line.startsWith('##')) {
      intent = undefined;
      continue;
    }
    if (intent === undefined || !line.startsWith('-')) continue;
    const text = stripEntityMarkup(line.slice(1)).trim();
    if (text.length > 0) out.push({ source, intent, text });
  }
  return out;
}

/**
 * `[text](entity)` and `[text]{"entity": ...}` -> `text`, in one left-to-right pass (linear: each
 * character is scanned a bounded number of times, whatever the brackets).
 */
export function stripEntityMarkup(line: string): string {
  let out = '';
  let i = 0;
  let noParen = false;
  let noBrace = false;
  while (i < line.length) {
    const open = line.indexOf('[', i);
    const close = open < 0 ? -1 : line.indexOf(']', open + 1);
    if (close < 0) {
      out += line.slice(i);
      break;
    }
    const next = line[close + 1];
    let end = -1;
    if (next === '(' && !noParen) {
      end = line.indexOf(')', close + 2);
      noParen = end < 0;
    } else if (next === '{' && !noBrace) {
      end = line.indexOf('}', close + 2);
      noBrace = end < 0;
    }
    if (end < 0) {
      out += line.slice(i, close + 1);
      i = close + 1;
    } else {
      out += line.slice(i, open) + line.slice(open + 1, close);
      i = end + 1;
    }
  }
  return out;
}

/** CLINC150 `data_full.json`: `{split: [[text, intent], ...]}`; `oos_*` splits hold intent `oos`. */
export function parseClinc(content: string, source: string, splits: readonly string[]): ExternalText[] {
  const data = JSON.parse(content) as Record<string, unknown>;
  const out: ExternalText[] = [];
  for (const split of splits) {
    const rows = data[split];
    if (!Array.isArray(rows)) throw new ExternalMappingError(`${source}: no split ${split}`);
    for (const row of rows) {
      if (Array.isArray(row) && typeof row[0] === 'string' && typeof row[1] === 'string') {
        out.push({ source, intent: row[1], text: row[0].trim() });
      }
    }
  }
  return out;
}

/** Every text of one source file, mapped or not (the training guard covers them all). */
export function parseSource(source: ExternalSource, content: string): ExternalText[] {
  switch (source.format) {
    case 'bitext-csv':
      return csvColumns(content, 'utterance', 'intent', source.name);
    case 'text-category-csv':
      return csvColumns(content, 'text', 'category', source.name);
    case 'rasa-md':
      return parseRasaMarkdown(content, source.name);
    case 'clinc-json':
      return parseClinc(content, source.name, source.splits ?? ['test', 'oos_test']);
  }
}

/** The texts of a source that are scored: mapped ones with their categories, out-of-scope ones. */
export function mapRows(source: ExternalSource, texts: readonly ExternalText[]): ExternalRow[] {
  const oos = new Set(source.oos);
  const rows: ExternalRow[] = [];
  for (const t of texts) {
    const accept = source.mapped[t.intent];
    if (accept !== undefined) rows.push({ ...t, lang: source.lang, accept });
    else if (oos.has(t.intent)) rows.push({ ...t, lang: source.lang, accept: 'oos' });
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Locating and loading

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
