/**
 * `sellerdesk eval --validation [file]`: scores the listing checks on a seeded-error corpus. The
 * corpus names clean listings (`base`, each expected to produce no finding) and cases that copy a
 * clean listing, inject errors with `edits` and list the findings they expect. A finding matches an
 * expected one with the same language, field and kind whose `text` its span overlaps; an expected
 * error is found when a finding matches it, and a finding that matches none is a false positive.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  FINDING_KINDS,
  type FindingKind,
  type Issue,
  type ListingField,
  type ListingTexts,
} from '../domain/listing/index.js';
import { isLanguage, LANGUAGES, type Language } from '../domain/types.js';
import { listingDictionaries } from '../listings/dictionaries.js';
import { validateListing } from '../listings/validate-listing.js';

/** Corpus scored when no file is given. */
export const DEFAULT_VALIDATION_EVAL_FILE = 'test/fixtures/listings/seeded.json';

/** Quality bars of issue 8; `runValidationEval` exits 1 when the corpus misses one. */
export const VALIDATION_EVAL_TARGETS = { recall: 0.991, precision: 0.95 } as const;

/** A clean listing of the corpus. */
export interface CorpusListing extends ListingTexts {
  id: string;
}

/** One injected change: replace `find` with `replace` (first occurrence), or `set` the whole field. */
export interface CorpusEdit {
  lang: Language;
  field: ListingField;
  find?: string;
  replace?: string;
  set?: string;
}

/** A finding the case must produce; `text` is a substring of the edited field its span must overlap. */
export interface ExpectedFinding {
  lang: Language;
  field: ListingField;
  kind: FindingKind;
  text?: string;
}

/** A seeded case: a copy of `base` with `edits` applied (or a whole `listing`), and its expected findings. */
export interface CorpusCase {
  id: string;
  base?: string;
  listing?: ListingTexts;
  edits?: CorpusEdit[];
  expected: ExpectedFinding[];
}

/** Counts of one slice (a kind, a language, or everything). */
export interface Score {
  expected: number;
  found: number;
  missed: number;
  falsePositives: number;
  recall: number;
  precision: number;
}

/** What one corpus case produced that did not match. */
export interface CaseMiss {
  caseId: string;
  type: 'missed' | 'false_positive';
  lang: Language;
  field: ListingField;
  kind: FindingKind;
  text: string;
}

/** Everything `runValidationEval` measured. */
export interface ValidationEvalReport {
  file: string;
  listings: number;
  cases: number;
  overall: Score;
  byKind: Partial<Record<FindingKind, Score>>;
  byLanguage: Partial<Record<Language, Score>>;
  misses: CaseMiss[];
  targets: { recall: boolean; precision: boolean };
  error?: string;
}

/** Raised for a corpus that cannot be read or does not apply (the eval exits 2). */
export class ValidationCorpusError extends Error {
  readonly code = 'validation_corpus_invalid';
}

function applyEdits(base: ListingTexts, edits: readonly CorpusEdit[], caseId: string): ListingTexts {
  const listing: ListingTexts = { title: { ...base.title }, description: { ...base.description } };
  for (const edit of edits) {
    const current = listing[edit.field][edit.lang] ?? '';
    if (edit.set !== undefined) {
      listing[edit.field][edit.lang] = edit.set;
      continue;
    }
    if (edit.find === undefined || !current.includes(edit.find)) {
      throw new ValidationCorpusError(
        `case ${caseId}: "${edit.find}" not found in ${edit.lang} ${edit.field}`,
      );
    }
    listing[edit.field][edit.lang] = current.replace(edit.find, edit.replace ?? '');
  }
  return listing;
}

function occurrences(text: string, needle: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let at = text.indexOf(needle);
  while (at >= 0) {
    spans.push([at, at + needle.length]);
    at = text.indexOf(needle, at + 1);
  }
  return spans;
}

function matches(issue: Issue, expected: ExpectedFinding, listing: ListingTexts): boolean {
  if (issue.lang !== expected.lang || issue.field !== expected.field || issue.kind !== expected.kind)
    return false;
  if (expected.text === undefined) return true;
  if (!issue.span) return false;
  const [start, end] = issue.span;
  const text = listing[expected.field][expected.lang] ?? '';
  return occurrences(text, expected.text).some(([s, e]) => start < e && s < end);
}

function emptyScore(): Score {
  return { expected: 0, found: 0, missed: 0, falsePositives: 0, recall: 1, precision: 1 };
}

function finish(score: Score): Score {
  const predicted = score.found + score.falsePositives;
  return {
    ...score,
    recall: score.expected === 0 ? 1 : score.found / score.expected,
    precision: predicted === 0 ? 1 : score.found / predicted,
  };
}

/** Loads a corpus file: `{ base: "clean.json", cases: [...] }`, `base` relative to the file. */
export async function loadValidationCorpus(
  file: string,
): Promise<{ listings: CorpusListing[]; cases: CorpusCase[] }> {
  let parsed: { base?: string; cases?: CorpusCase[] };
  try {
    parsed = JSON.parse(await readFile(file, 'utf8')) as typeof parsed;
  } catch (error) {
    throw new ValidationCorpusError(`${file}: ${(error as Error).message}`);
  }
  const listings = parsed.base
    ? (JSON.parse(await readFile(path.resolve(path.dirname(file), parsed.base), 'utf8')) as CorpusListing[])
    : [];
  const cases = parsed.cases ?? [];
  for (const c of cases) {
    for (const e of c.expected) {
      if (!isLanguage(e.lang) || !(FINDING_KINDS as readonly string[]).includes(e.kind)) {
        throw new ValidationCorpusError(`case ${c.id}: bad expected finding ${JSON.stringify(e)}`);
      }
    }
  }
  return { listings, cases };
}

/** Scores the checks on clean listings (no finding expected) and seeded cases. */
export async function evaluateValidationCorpus(
  corpus: { listings: CorpusListing[]; cases: CorpusCase[] },
  file = '(memory)',
): Promise<ValidationEvalReport> {
  const dictionaries = await listingDictionaries();
  const byId = new Map(corpus.listings.map((l) => [l.id, l]));
  const runs: Array<{ id: string; listing: ListingTexts; expected: ExpectedFinding[] }> = [
    ...corpus.listings.map((l) => ({ id: `${l.id}(clean)`, listing: l, expected: [] })),
    ...corpus.cases.map((c) => {
      const base = c.listing ?? (c.base ? byId.get(c.base) : undefined);
      if (!base) throw new ValidationCorpusError(`case ${c.id}: unknown base "${c.base}"`);
      return { id: c.id, listing: applyEdits(base, c.edits ?? [], c.id), expected: c.expected };
    }),
  ];
  const overall = emptyScore();
  const byKind: Partial<Record<FindingKind, Score>> = {};
  const byLanguage: Partial<Record<Language, Score>> = {};
  const misses: CaseMiss[] = [];
  const bump = (
    lang: Language,
    kind: FindingKind,
    key: 'expected' | 'found' | 'missed' | 'falsePositives',
  ) => {
    overall[key]++;
    byKind[kind] ??= emptyScore();
    byKind[kind][key]++;
    byLanguage[lang] ??= emptyScore();
    byLanguage[lang][key]++;
  };
  for (const run of runs) {
    // Suggestions do not change which findings are reported; skipping them keeps the eval fast.
    const issues = validateListing(run.listing, { ...dictionaries, maxSuggestions: 0 });
    // Findings and expectations match by overlap, not one to one: one finding may cover two
    // expected errors ("WhatsApp +34 612 345 678") and two findings one error; a finding is a false
    // positive only when it overlaps no expected error.
    const used = new Set<number>();
    for (const expected of run.expected) {
      bump(expected.lang, expected.kind, 'expected');
      const matching = issues.flatMap((issue, i) => (matches(issue, expected, run.listing) ? [i] : []));
      if (matching.length > 0) {
        for (const i of matching) used.add(i);
        bump(expected.lang, expected.kind, 'found');
      } else {
        bump(expected.lang, expected.kind, 'missed');
        misses.push({ caseId: run.id, type: 'missed', ...expected, text: expected.text ?? '' });
      }
    }
    issues.forEach((issue, i) => {
      if (used.has(i)) return;
      bump(issue.lang, issue.kind, 'falsePositives');
      const text = run.listing[issue.field][issue.lang] ?? '';
      misses.push({
        caseId: run.id,
        type: 'false_positive',
        lang: issue.lang,
        field: issue.field,
        kind: issue.kind,
        text: issue.span ? text.slice(issue.span[0], issue.span[1]).slice(0, 80) : `(${issue.code})`,
      });
    });
  }
  const finalOverall = finish(overall);
  return {
    file,
    listings: corpus.listings.length,
    cases: corpus.cases.length,
    overall: finalOverall,
    byKind: Object.fromEntries(FINDING_KINDS.filter((k) => byKind[k]).map((k) => [k, finish(byKind[k]!)])),
    byLanguage: Object.fromEntries(
      LANGUAGES.filter((l) => byLanguage[l]).map((l) => [l, finish(byLanguage[l]!)]),
    ),
    misses,
    targets: {
      recall: finalOverall.recall >= VALIDATION_EVAL_TARGETS.recall,
      precision: finalOverall.precision >= VALIDATION_EVAL_TARGETS.precision,
    },
  };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function row(name: string, s: Score): string {
  return `${name.padEnd(22)} ${String(s.expected).padStart(5)} ${String(s.found).padStart(5)} ${String(s.falsePositives).padStart(5)} ${pct(s.recall).padStart(7)} ${pct(s.precision).padStart(9)}`;
}

/** The report as printed lines: overall, per kind, per language, then every miss. */
export function formatValidationReport(report: ValidationEvalReport): string[] {
  const header = `${'slice'.padEnd(22)} ${'exp'.padStart(5)} ${'found'.padStart(5)} ${'fp'.padStart(5)} ${'recall'.padStart(7)} ${'precision'.padStart(9)}`;
  const lines = [
    `listing validation eval: ${report.file} (${report.listings} clean listings, ${report.cases} seeded cases)`,
    '',
    header,
    row('overall', report.overall),
    '',
    ...Object.entries(report.byKind).map(([k, s]) => row(k, s)),
    '',
    ...Object.entries(report.byLanguage).map(([l, s]) => row(l, s)),
    '',
    `targets: recall >= ${pct(VALIDATION_EVAL_TARGETS.recall)} ${report.targets.recall ? 'met' : 'MISSED'}, precision >= ${pct(VALIDATION_EVAL_TARGETS.precision)} ${report.targets.precision ? 'met' : 'MISSED'}`,
  ];
  if (report.misses.length > 0) {
    lines.push('', 'misses:');
    for (const m of report.misses) {
      lines.push(
        `  ${m.type === 'missed' ? 'MISSED' : 'FP    '} ${m.caseId} ${m.lang} ${m.field} ${m.kind}: ${m.text}`,
      );
    }
  }
  return lines;
}

/** Options of `runValidationEval`; `out` receives every printed line (default: stdout). */
export interface ValidationEvalOptions {
  file?: string;
  json?: boolean;
  out?: (line: string) => void;
  /** Also write the JSON report to this path. */
  reportFile?: string;
}

/** Scores the corpus and prints the report; exit 0 = targets met, 1 = missed, 2 = bad corpus. */
export async function runValidationEval(
  options: ValidationEvalOptions = {},
): Promise<{ exitCode: number; report: ValidationEvalReport }> {
  const file = options.file ?? DEFAULT_VALIDATION_EVAL_FILE;
  const out = options.out ?? ((line: string) => console.log(line));
  let report: ValidationEvalReport;
  try {
    report = await evaluateValidationCorpus(await loadValidationCorpus(file), file);
  } catch (error) {
    if (!(error instanceof ValidationCorpusError)) throw error;
    out(options.json ? JSON.stringify({ error: error.message }) : `error: ${error.message}`);
    return {
      exitCode: 2,
      report: {
        file,
        listings: 0,
        cases: 0,
        overall: emptyScore(),
        byKind: {},
        byLanguage: {},
        misses: [],
        targets: { recall: false, precision: false },
        error: error.message,
      },
    };
  }
  if (options.json) out(JSON.stringify(report, null, 2));
  else for (const line of formatValidationReport(report)) out(line);
  if (options.reportFile) await writeFile(options.reportFile, `${JSON.stringify(report, null, 2)}\n`);
  return { exitCode: report.targets.recall && report.targets.precision ? 0 : 1, report };
}
