/**
 * `sellerdesk eval --validation [file]`: scores the listing checks on a seeded-error corpus. The
 * corpus names clean listings (`base`, each expected to produce no finding) and cases that copy a
 * clean listing, inject errors with `edits` and list the findings they expect.
 *
 * Scoring rule (one rule for every corpus, stated in docs/LISTINGS.md too): a finding matches an expected
 * error with the same language, field and kind whose `text` its span overlaps (overlap matching);
 * findings and expected errors are paired one to one (a maximum matching: one expected error is
 * matched at most once, each finding is counted once). A paired expected error is found, an
 * unpaired one missed; an unpaired finding is a false positive, even when it overlaps an error
 * another finding already matched. precision = paired / findings, recall = paired / expected.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { listingDictionaries } from '../adapters/spelling/dictionaries.js';
import {
  FINDING_KINDS,
  type FindingKind,
  type Issue,
  type ListingField,
  type ListingTexts,
  validateListing,
} from '../domain/listing/index.js';
import { isLanguage, LANGUAGES, type Language } from '../domain/types.js';

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
  /** Per kind and language (`spelling/es`), only the slices that expected or found something. */
  byKindAndLanguage: Record<string, Score>;
  /** The ten most frequent false-positive texts (lower-cased), most frequent first. */
  topFalsePositives: Array<{ text: string; count: number }>;
  misses: CaseMiss[];
  /** Clean listings (no error expected) that still got at least one finding. */
  cleanWithFindings: number;
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

/**
 * One-to-one pairing of expected errors with the findings that overlap them (Kuhn's augmenting
 * paths; a case has a handful of each). Returns expected index -> finding index.
 */
export function pairFindings(
  issues: readonly Issue[],
  expected: readonly ExpectedFinding[],
  listing: ListingTexts,
): Map<number, number> {
  const candidates = expected.map((e) =>
    issues.flatMap((issue, i) => (matches(issue, e, listing) ? [i] : [])),
  );
  const ownerOf = new Map<number, number>();
  const tryAssign = (e: number, seen: Set<number>): boolean => {
    for (const i of candidates[e]!) {
      if (seen.has(i)) continue;
      seen.add(i);
      const owner = ownerOf.get(i);
      if (owner === undefined || tryAssign(owner, seen)) {
        ownerOf.set(i, e);
        return true;
      }
    }
    return false;
  };
  for (let e = 0; e < expected.length; e++) tryAssign(e, new Set());
  return new Map([...ownerOf].map(([i, e]) => [e, i]));
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
  const byKindAndLanguage: Record<string, Score> = {};
  const misses: CaseMiss[] = [];
  let cleanWithFindings = 0;
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
    byKindAndLanguage[`${kind}/${lang}`] ??= emptyScore();
    byKindAndLanguage[`${kind}/${lang}`]![key]++;
  };
  for (const run of runs) {
    // Suggestions do not change which findings are reported; skipping them keeps the eval fast.
    const issues = validateListing(run.listing, { ...dictionaries, maxSuggestions: 0 });
    if (run.id.endsWith('(clean)') && issues.length > 0) cleanWithFindings++;
    const pairs = pairFindings(issues, run.expected, run.listing);
    const pairedIssues = new Set(pairs.values());
    run.expected.forEach((expected, e) => {
      bump(expected.lang, expected.kind, 'expected');
      if (pairs.has(e)) {
        bump(expected.lang, expected.kind, 'found');
      } else {
        bump(expected.lang, expected.kind, 'missed');
        misses.push({ caseId: run.id, type: 'missed', ...expected, text: expected.text ?? '' });
      }
    });
    issues.forEach((issue, i) => {
      if (pairedIssues.has(i)) return;
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
  const fpCounts = new Map<string, number>();
  for (const m of misses) {
    if (m.type !== 'false_positive') continue;
    const text = m.text.toLowerCase();
    fpCounts.set(text, (fpCounts.get(text) ?? 0) + 1);
  }
  const sliceOrder = FINDING_KINDS.flatMap((k) => LANGUAGES.map((l) => `${k}/${l}`));
  return {
    file,
    listings: corpus.listings.length,
    cases: corpus.cases.length,
    overall: finalOverall,
    byKind: Object.fromEntries(FINDING_KINDS.filter((k) => byKind[k]).map((k) => [k, finish(byKind[k]!)])),
    byLanguage: Object.fromEntries(
      LANGUAGES.filter((l) => byLanguage[l]).map((l) => [l, finish(byLanguage[l]!)]),
    ),
    byKindAndLanguage: Object.fromEntries(
      sliceOrder.filter((key) => byKindAndLanguage[key]).map((key) => [key, finish(byKindAndLanguage[key]!)]),
    ),
    topFalsePositives: [...fpCounts]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, 10)
      .map(([text, count]) => ({ text, count })),
    misses,
    cleanWithFindings,
    targets: {
      recall: finalOverall.recall >= VALIDATION_EVAL_TARGETS.recall,
      precision: finalOverall.precision >= VALIDATION_EVAL_TARGETS.precision,
    },
  };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function row(name: string, s: Score): string {
  return `${name.padEnd(26)} ${String(s.expected).padStart(5)} ${String(s.found).padStart(5)} ${String(s.falsePositives).padStart(5)} ${pct(s.recall).padStart(7)} ${pct(s.precision).padStart(9)}`;
}

/** The report as printed lines: overall, per kind, per language, then every miss. */
export function formatValidationReport(report: ValidationEvalReport): string[] {
  const header = `${'slice'.padEnd(26)} ${'exp'.padStart(5)} ${'found'.padStart(5)} ${'fp'.padStart(5)} ${'recall'.padStart(7)} ${'precision'.padStart(9)}`;
  const lines = [
    `listing validation eval: ${report.file} (${report.listings} clean listings, ${report.cases} seeded cases)`,
    'scoring: overlap matching (same language, field and kind; span overlaps the expected text), one to one: an expected error is matched at most once, each finding counted once',
    '',
    header,
    row('overall', report.overall),
    '',
    ...Object.entries(report.byKind).map(([k, s]) => row(k, s)),
    '',
    ...Object.entries(report.byLanguage).map(([l, s]) => row(l, s)),
    '',
    'per kind and language:',
    ...Object.entries(report.byKindAndLanguage).map(([k, s]) => row(`  ${k}`, s)),
    '',
    `clean listings with a finding: ${report.cleanWithFindings} of ${report.listings}`,
    `most frequent false positives: ${report.topFalsePositives.length === 0 ? '(none)' : report.topFalsePositives.map((f) => `${f.text} (${f.count})`).join(', ')}`,
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
        byKindAndLanguage: {},
        topFalsePositives: [],
        misses: [],
        cleanWithFindings: 0,
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
