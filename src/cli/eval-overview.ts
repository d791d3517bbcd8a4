/**
 * The side-by-side table `sellerdesk eval` prints after the development report: every in-house
 * corpus, the blind set (aggregate figures only: its lines are never printed), and each external
 * corpus (mapped intents and out-of-scope lines apart), with answered accuracy, abstain rate,
 * out-of-scope rate, calibration error and the reliability table.
 */
import { existsSync, readFileSync } from 'node:fs';
import { type ReliabilityBin, reliability } from '../domain/message/calibration.js';
import { type EvalReport, evaluateCorpus, parseCorpus } from './eval.js';
import {
  corporaDir,
  type ExternalScore,
  evaluateExternal,
  loadExternalCorpora,
  type SourceReport,
  scoreExternal,
} from './external-eval.js';

/** In-house development corpora (all have informed some tuning). */
export const IN_HOUSE_FILES = [
  'test/fixtures/intent-dev.jsonl',
  'test/fixtures/intent-holdout.jsonl',
  'test/fixtures/intent-holdout-2.jsonl',
  'test/fixtures/intent-holdout-3.jsonl',
  'test/fixtures/intent-holdout-4.jsonl',
];

/** The blind set: scored in aggregate only, never tuned on. */
export const BLIND_FILES = [
  'test/fixtures/intent-blind-5.jsonl',
  'test/fixtures/intent-blind-6.jsonl',
  'test/fixtures/intent-blind-7.jsonl',
  'test/fixtures/intent-blind-8.jsonl',
  'test/fixtures/intent-blind-9.jsonl',
  'test/fixtures/intent-blind-10.jsonl',
  'test/fixtures/intent-blind-11.jsonl',
  'test/fixtures/intent-blind-12.jsonl',
];

/** One row of the overview table. */
export interface OverviewRow {
  corpus: string;
  kind: 'in-house' | 'blind' | 'external';
  lines: number;
  /** Best guess right (acceptable, for external lines), abstentions included. */
  accuracy: number;
  answeredAccuracy: number;
  abstainRate: number;
  /** Out-of-scope lines in `other` or abstained (external out-of-scope rows only). */
  oosHandled?: number;
  ece: number;
  confident: { correct: number; total: number };
}

/** The overview: table rows, pooled reliability tables, and sources skipped or measured. */
export interface Overview {
  rows: OverviewRow[];
  reliability: Array<{ name: string; table: ReliabilityBin[]; ece: number }>;
  external: SourceReport[];
  corporaDir: string;
  notes: string[];
}

/** Options of `buildOverview`. */
export interface OverviewOptions {
  inHouse?: readonly string[];
  blind?: readonly string[];
  corporaDir?: string;
}

function fromReport(file: string, kind: 'in-house' | 'blind', r: EvalReport): OverviewRow {
  return {
    corpus: file.replace(/^test\/fixtures\/intent-/u, '').replace(/\.jsonl$/u, ''),
    kind,
    lines: r.total,
    accuracy: r.intent.accuracy,
    answeredAccuracy: r.intent.answeredAccuracy,
    abstainRate: r.intent.abstainRate,
    ece: r.intent.ece,
    confident: r.intent.confident,
  };
}

function fromExternal(corpus: string, s: ExternalScore, oos: boolean): OverviewRow {
  return {
    corpus,
    kind: 'external',
    lines: s.total,
    accuracy: s.acceptable,
    answeredAccuracy: s.answeredAcceptable,
    abstainRate: s.abstainRate,
    ...(oos ? { oosHandled: s.oosHandled } : {}),
    ece: s.ece,
    confident: s.confident,
  };
}

/** Scores every corpus it can find (I/O: reads the fixtures and the external corpora). */
export function buildOverview(options: OverviewOptions = {}): Overview {
  const notes: string[] = [];
  const rows: OverviewRow[] = [];
  const pools: Record<string, ReliabilityBin[][]> = { 'in-house': [], blind: [] };
  const score = (file: string, kind: 'in-house' | 'blind'): void => {
    if (!existsSync(file)) {
      notes.push(`${file}: not found, skipped`);
      return;
    }
    const report = evaluateCorpus(parseCorpus(readFileSync(file, 'utf8'), file), file);
    rows.push(fromReport(file, kind, report));
    pools[kind]?.push(report.intent.reliability);
  };
  for (const file of options.inHouse ?? IN_HOUSE_FILES) score(file, 'in-house');
  for (const file of options.blind ?? BLIND_FILES) score(file, 'blind');

  const dir = options.corporaDir ?? corporaDir();
  const external = evaluateExternal(loadExternalCorpora(dir));
  const mappedEn: SourceReport['lines'] = [];
  const mappedOther: SourceReport['lines'] = [];
  const oosAll: SourceReport['lines'] = [];
  for (const source of external) {
    if (source.skipped !== undefined) {
      notes.push(`external ${source.skipped}`);
      continue;
    }
    if (source.mapped !== undefined) rows.push(fromExternal(`${source.name} mapped`, source.mapped, false));
    if (source.oos !== undefined) rows.push(fromExternal(`${source.name} out-of-scope`, source.oos, true));
    for (const line of source.lines) {
      if (line.row.accept === 'oos') oosAll.push(line);
      else if (source.lang === 'en') mappedEn.push(line);
      else mappedOther.push(line);
    }
  }
  if (mappedEn.length > 0)
    rows.push(fromExternal('external en mapped (all)', scoreExternal(mappedEn), false));
  if (mappedOther.length > 0) {
    rows.push(fromExternal('external fr/es/ru/pt mapped (all)', scoreExternal(mappedOther), false));
  }
  if (oosAll.length > 0) rows.push(fromExternal('external out-of-scope (all)', scoreExternal(oosAll), true));

  const tables: Overview['reliability'] = [];
  for (const [name, pool] of Object.entries(pools)) {
    if (pool.length > 0) tables.push({ name, ...mergeBins(pool) });
  }
  const externalAll = [...mappedEn, ...mappedOther, ...oosAll].map((l) => ({
    confidence: l.confidence,
    correct: l.acceptable,
  }));
  if (externalAll.length > 0) tables.push({ name: 'external', ...reliability(externalAll) });
  return { rows, reliability: tables, external, corporaDir: dir, notes };
}

/** Pools reliability tables of several corpora (bin counts and sums add up) and recomputes the ECE. */
export function mergeBins(tables: readonly ReliabilityBin[][]): { table: ReliabilityBin[]; ece: number } {
  const first = tables[0] ?? [];
  const table = first.map((bin, b) => {
    let count = 0;
    let confidence = 0;
    let correct = 0;
    for (const t of tables) {
      const other = t[b];
      if (other === undefined) continue;
      count += other.count;
      confidence += other.meanConfidence * other.count;
      correct += other.accuracy * other.count;
    }
    return {
      from: bin.from,
      to: bin.to,
      count,
      meanConfidence: count === 0 ? 0 : confidence / count,
      accuracy: count === 0 ? 0 : correct / count,
    };
  });
  const total = table.reduce((s, bin) => s + bin.count, 0);
  const ece =
    total === 0
      ? 0
      : table.reduce((s, bin) => s + (bin.count / total) * Math.abs(bin.meanConfidence - bin.accuracy), 0);
  return { table, ece };
}

const pct = (value: number): string => `${(value * 100).toFixed(1)}%`;

/** Formats the overview as text lines. */
export function formatOverview(overview: Overview): string[] {
  const lines: string[] = [];
  lines.push('');
  lines.push(`overview: in-house, blind and external corpora (external from ${overview.corporaDir})`);
  lines.push(
    `  ${'corpus'.padEnd(36)} ${'lines'.padStart(6)} ${'acc'.padStart(7)} ${'answered'.padStart(9)} ${'abstain'.padStart(8)} ${'oos ok'.padStart(7)} ${'ECE'.padStart(6)}  acc at >= 0.9`,
  );
  for (const r of overview.rows) {
    const label = `${r.kind === 'external' ? '' : `${r.kind} `}${r.corpus}`;
    const confident =
      r.confident.total === 0
        ? '-'
        : `${pct(r.confident.correct / r.confident.total)} (${r.confident.correct}/${r.confident.total})`;
    lines.push(
      `  ${label.padEnd(36)} ${String(r.lines).padStart(6)} ${pct(r.accuracy).padStart(7)} ${pct(r.answeredAccuracy).padStart(9)} ${pct(r.abstainRate).padStart(8)} ${(r.oosHandled === undefined ? '-' : pct(r.oosHandled)).padStart(7)} ${r.ece.toFixed(3).padStart(6)}  ${confident}`,
    );
  }
  lines.push('  (external: acc = best guess among the mapped categories; oos ok = `other` or abstained)');
  if (overview.reliability.length > 0) {
    lines.push('');
    lines.push('reliability (count, mean confidence, accuracy per bin)');
    lines.push(
      `  ${'confidence'.padEnd(10)}${overview.reliability.map((t) => t.name.padStart(24)).join('')}`,
    );
    for (let b = 0; b < 10; b++) {
      const cells = overview.reliability.map((t) => {
        const bin = t.table[b] as ReliabilityBin;
        const text =
          bin.count === 0 ? '-' : `${bin.count} ${bin.meanConfidence.toFixed(3)} ${bin.accuracy.toFixed(3)}`;
        return text.padStart(24);
      });
      lines.push(`  ${`${(b / 10).toFixed(1)}-${((b + 1) / 10).toFixed(1)}`.padEnd(10)}${cells.join('')}`);
    }
    lines.push(
      `  ${'ECE'.padEnd(10)}${overview.reliability.map((t) => t.ece.toFixed(3).padStart(24)).join('')}`,
    );
  }
  for (const source of overview.external) {
    if (source.skipped !== undefined) continue;
    lines.push('');
    lines.push(`external ${source.name} (${source.lang}; licence: ${source.licence})`);
    for (const [kind, score] of [
      ['mapped', source.mapped],
      ['out of scope', source.oos],
    ] as const) {
      if (score === undefined) continue;
      lines.push(
        `  ${kind}: ${score.total} lines, acceptable ${pct(score.acceptable)}, language right ${pct(score.languageAccuracy)}, wrong ${pct(score.languageWrong)}${kind === 'out of scope' ? `, confident dispute answers ${score.oosConfidentDispute}` : ''}`,
      );
      for (const [intent, [ok, total]] of Object.entries(score.perIntent).sort()) {
        const misses = Object.entries(score.confusions[intent] ?? {})
          .sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0))
          .slice(0, 3)
          .map(([c, n]) => `${c} ${n}`)
          .join(', ');
        lines.push(
          `    ${intent.padEnd(32)} ${`${ok}/${total}`.padStart(9)} ${pct(ok / total).padStart(7)}${misses.length > 0 ? `   misses: ${misses}` : ''}`,
        );
      }
    }
  }
  for (const note of overview.notes) lines.push(`note: ${note}`);
  return lines;
}
