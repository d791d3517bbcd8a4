/**
 * Intent figures of a blind set against its key and against the key as adjudicated
 * (`data/adjudication/<corpus>.json`): a third annotator, who saw nothing of the project, judged
 * each line where the model and the key disagreed, given both labels in random order.
 *
 *   npx tsx scripts/intent/adjudicated.ts [intent-blind-6 ...]   (default: every adjudicated set)
 *
 * A line the annotator judged is right when the current model's best guess is a label the verdict
 * accepts (the key's, the model's of the time, either for "both", the annotator's own for
 * "neither"); the other lines keep their key. Only disagreements were reviewed, so the adjudicated
 * figure can only be higher: read it as the key's noise on the boundaries, not as a new blind run.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { evaluateCorpus, parseCorpus } from '../../src/cli/eval.js';

interface Verdict {
  line: number;
  key: string;
  model: string;
  verdict: 'key' | 'model' | 'both' | 'neither';
  right?: string;
}

const ROOT = path.resolve(import.meta.dirname, '../..');
const DIR = path.join(ROOT, 'data/adjudication');

/** Labels a verdict accepts, the first being the one to score against when the guess is none of them. */
function accepted(v: Verdict): string[] {
  if (v.verdict === 'key') return [v.key];
  if (v.verdict === 'model') return [v.model];
  if (v.verdict === 'both') return [v.key, v.model];
  return [v.right ?? v.key];
}

/** Macro-F1 over the categories of the gold labels, and accuracy. */
function scores(gold: readonly string[], guess: readonly string[]): { macroF1: number; accuracy: number } {
  const f1s = [...new Set(gold)].map((c) => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    gold.forEach((g, i) => {
      if (g === c && guess[i] === c) tp++;
      else if (guess[i] === c) fp++;
      else if (g === c) fn++;
    });
    const p = tp + fp > 0 ? tp / (tp + fp) : 0;
    const r = tp + fn > 0 ? tp / (tp + fn) : 0;
    return p + r > 0 ? (2 * p * r) / (p + r) : 0;
  });
  const right = gold.filter((g, i) => g === guess[i]).length;
  return { macroF1: f1s.reduce((a, b) => a + b, 0) / f1s.length, accuracy: right / gold.length };
}

function main(names: string[]): void {
  const sets =
    names.length > 0
      ? names
      : readdirSync(DIR)
          .filter((f) => f.startsWith('intent-'))
          .map((f) => f.replace(/\.json$/, ''));
  for (const name of sets) {
    const record = JSON.parse(readFileSync(path.join(DIR, `${name}.json`), 'utf8')) as {
      corpus: string;
      rows: Verdict[];
    };
    const rows = parseCorpus(readFileSync(path.join(ROOT, record.corpus), 'utf8'), record.corpus);
    const report = evaluateCorpus(rows);
    const guessOf = new Map(report.misses.filter((m) => m.kind === 'intent').map((m) => [m.line, m.got]));
    const verdicts = new Map(record.rows.map((v) => [v.line, v]));
    const key = rows.map((r) => r.category);
    const guess = rows.map((r, i) => guessOf.get(i + 1) ?? r.category);
    const adjudicated = rows.map((r, i) => {
      const v = verdicts.get(i + 1);
      if (!v) return r.category;
      const ok = accepted(v);
      return ok.includes(guess[i]!) ? guess[i]! : ok[0]!;
    });
    const before = scores(key, guess);
    const after = scores(adjudicated, guess);
    const tally: Record<string, number> = {};
    for (const v of record.rows) tally[v.verdict] = (tally[v.verdict] ?? 0) + 1;
    console.log(
      `${name}: ${rows.length} lines, ${record.rows.length} adjudicated ${JSON.stringify(tally)}; ` +
        `key: accuracy ${(before.accuracy * 100).toFixed(1)}%, macro-F1 ${before.macroF1.toFixed(3)}; ` +
        `adjudicated: accuracy ${(after.accuracy * 100).toFixed(1)}%, macro-F1 ${after.macroF1.toFixed(3)}`,
    );
  }
}

main(process.argv.slice(2));
