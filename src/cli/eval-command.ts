/**
 * `npx sellerdesk eval [file]`: scores a labelled corpus (src/cli/eval.ts) and, with no file, prints
 * the side-by-side overview of every in-house, blind and external corpus (src/cli/eval-overview.ts).
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  DEFAULT_EVAL_FILE,
  EvalInputError,
  type EvalReport,
  type EvalRow,
  emptyReport,
  evaluateCorpus,
  parseCorpus,
} from './eval.js';
import { formatReport } from './eval-format.js';
import { buildOverview, formatOverview } from './eval-overview.js';

/** Options of `runEval`; `out` receives every printed line (default: stdout). */
export interface EvalOptions {
  file?: string;
  json?: boolean;
  out?: (line: string) => void;
  /**
   * Also print the side-by-side overview of every in-house, blind and external corpus
   * (`eval-overview.ts`); default: when no file is given.
   */
  overview?: boolean;
  /** Directory of the external corpora (default `SELLERDESK_CORPORA_DIR` or `../corpora`). */
  corporaDir?: string;
}

/** Scores a labelled JSONL corpus and prints the report; exit 0 = targets met, 1 = missed, 2 = bad input. */
export async function runEval(options: EvalOptions = {}): Promise<{ exitCode: number; report: EvalReport }> {
  const file = options.file ?? DEFAULT_EVAL_FILE;
  const out = options.out ?? ((line: string) => console.log(line));
  let rows: EvalRow[];
  try {
    let content: string;
    try {
      content = await readFile(file, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new EvalInputError(
        code === 'ENOENT' ? `${file}: no such file` : `${file}: cannot read (${(error as Error).message})`,
      );
    }
    rows = parseCorpus(content, file);
  } catch (error) {
    if (!(error instanceof EvalInputError)) throw error;
    const report = emptyReport(file, error.message);
    out(options.json ? JSON.stringify({ error: error.message }) : `error: ${error.message}`);
    return { exitCode: 2, report };
  }
  const report = evaluateCorpus(rows, file);
  const overview =
    (options.overview ?? options.file === undefined)
      ? buildOverview(options.corporaDir === undefined ? {} : { corporaDir: options.corporaDir })
      : undefined;
  if (options.json) {
    const { external, ...summary } = overview ?? { external: [] };
    out(
      JSON.stringify(
        overview === undefined
          ? report
          : { ...report, overview: { ...summary, external: external.map(({ lines, ...s }) => s) } },
        null,
        2,
      ),
    );
  } else {
    for (const line of formatReport(report)) out(line);
    if (overview !== undefined) {
      for (const line of formatOverview(overview)) out(line);
    }
  }
  const met = Object.values(report.targets).every(Boolean);
  return { exitCode: met ? 0 : 1, report };
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const args = process.argv.slice(2);
  const file = args.find((arg) => !arg.startsWith('--'));
  const { exitCode } = await runEval({
    ...(file === undefined ? {} : { file }),
    json: args.includes('--json'),
    ...(args.includes('--overview') ? { overview: true } : {}),
    ...(args.includes('--no-overview') ? { overview: false } : {}),
  });
  process.exitCode = exitCode;
}
