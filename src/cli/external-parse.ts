import { CATEGORIES, type Category, isLanguage, type Language } from '../domain/types.js';

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
