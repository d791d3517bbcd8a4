import { CATEGORIES, type Category, LANGUAGES } from '../domain/types.js';
import { type Accuracy, EVAL_TARGETS, type EvalReport } from './eval.js';

const pct = (value: number): string => `${(value * 100).toFixed(1)}%`;
const frac = (a: Accuracy): string => `${pct(a.accuracy).padStart(6)}  (${a.correct}/${a.total})`;
const mark = (ok: boolean): string => (ok ? 'ok' : 'MISSED');

const SHORT_NAMES: Readonly<Record<Category, string>> = {
  not_received: 'n_rcv',
  damaged: 'dmg',
  not_as_described: 'n_a_d',
  wrong_item: 'wrong',
  refund_request: 'rfnd',
  cancel_order: 'cncl',
  order_change: 'chng',
  return_exchange: 'rtrn',
  customs_tax: 'cstm',
  payment: 'pay',
  shipping_inquiry: 'ship',
  product_question: 'prod',
  other: 'other',
};

/** Formats a report as the human-readable text `runEval` prints. */
export function formatReport(report: EvalReport): string[] {
  const lines: string[] = [];
  const { language: lang, intent } = report;
  lines.push(`eval ${report.file}: ${report.total} messages`);
  lines.push('');
  lines.push('language');
  lines.push(`  overall          ${frac(lang.overall)}   unknown: ${lang.unknown}`);
  for (const l of LANGUAGES) lines.push(`  ${l}               ${frac(lang.perLanguage[l])}`);
  lines.push(
    `  1-2 words        ${frac(lang.short)}   target >= ${pct(EVAL_TARGETS.languageShort)}: ${mark(report.targets.languageShort)}`,
  );
  lines.push(
    `  3+ words         ${frac(lang.long)}   target >= ${pct(EVAL_TARGETS.languageLong)}: ${mark(report.targets.languageLong)}`,
  );
  lines.push('');
  lines.push('intent');
  lines.push(`  accuracy         ${pct(intent.accuracy)}`);
  lines.push(
    `  macro-F1         ${intent.macroF1.toFixed(3)}   target >= ${EVAL_TARGETS.macroF1}: ${mark(report.targets.macroF1)}`,
  );
  lines.push(
    `  abstained        ${pct(intent.abstainRate)} (${intent.abstained})   target <= ${pct(EVAL_TARGETS.maxAbstainRate)}: ${mark(report.targets.abstain)}`,
  );
  lines.push(
    `  answered only    accuracy ${pct(intent.answeredAccuracy)}, macro-F1 ${intent.answeredMacroF1.toFixed(3)}`,
  );
  lines.push('');
  lines.push('reliability (every line, best guess)');
  lines.push('  confidence   count  mean conf  accuracy');
  for (const bin of intent.reliability) {
    lines.push(
      `  ${bin.from.toFixed(1)}-${bin.to.toFixed(1)} ${String(bin.count).padStart(9)} ${bin.meanConfidence.toFixed(3).padStart(10)} ${bin.accuracy.toFixed(3).padStart(9)}`,
    );
  }
  lines.push(`  ECE              ${intent.ece.toFixed(3)}`);
  lines.push(`  answered >= 0.9  ${frac(intent.confident)}`);
  lines.push('');
  lines.push(`  ${'category'.padEnd(18)} precision  recall     f1  support`);
  for (const c of CATEGORIES) {
    const s = intent.perCategory[c];
    lines.push(
      `  ${c.padEnd(18)} ${s.precision.toFixed(3).padStart(9)} ${s.recall.toFixed(3).padStart(7)} ${s.f1.toFixed(3).padStart(6)} ${String(s.support).padStart(8)}`,
    );
  }
  lines.push('');
  lines.push('confusion (rows: expected, columns: predicted)');
  lines.push(`  ${''.padEnd(18)}${CATEGORIES.map((c) => SHORT_NAMES[c].padStart(6)).join('')}`);
  for (const c of CATEGORIES) {
    const row = CATEGORIES.map((d) => {
      const n = intent.confusion[c][d];
      return (n === 0 ? '.' : String(n)).padStart(6);
    }).join('');
    lines.push(`  ${c.padEnd(18)}${row}`);
  }
  lines.push('');
  lines.push(`misclassified (${report.misses.length})`);
  for (const miss of report.misses) {
    const flag = miss.abstained ? ' abstained' : '';
    lines.push(
      `  ${String(miss.line).padStart(4)} ${miss.kind.padEnd(8)} expected ${miss.expected}, got ${miss.got} (${miss.confidence.toFixed(2)}${flag}): ${miss.text}`,
    );
  }
  return lines;
}
