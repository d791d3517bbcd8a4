/**
 * Folds the category corrections shops agreed to share (`learning.shareCorrections: true` in
 * their settings) into the global training data, `data/intent-train.jsonl`. Run it against the
 * deployment's database like `sellerdesk migrate` (DATABASE_URL, or the embedded one in DATA_DIR):
 *
 *   npx tsx scripts/fold-corrections.ts [--dry-run] [--train-file <path>]
 *
 * A correction becomes a training line `{"text", "lang", "category", "source": "correction"}` unless
 * its text was erased, is already in the training data (same folded text), or is a near-duplicate
 * of a text of an evaluation corpus or of the external corpora (the leak guard of
 * `scripts/train-intent.ts`: evaluation text never enters training). Only counts and correction ids
 * are printed, never the buyers' (redacted) words. Retrain afterwards (`npm run intent:train`):
 * `npm test` checks that the committed weights come from the committed data.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { corporaDir, loadExternalCorpora } from '../src/cli/external-eval.js';
import { loadConfig } from '../src/config.js';
import type { Db } from '../src/db/client.js';
import { type SharedCorrection, sharedCorrections } from '../src/db/corrections-repo.js';
import { ERASED_TEXT } from '../src/db/erasure-keys.js';
import { type EvalText, evaluationTexts, LeakGuard, leakKey, parseTrainLines } from './train-intent.js';

const TRAIN_FILE = 'data/intent-train.jsonl';

/** A training line made from a correction (`source` tells folded lines from hand-written ones). */
export interface FoldedLine {
  text: string;
  lang: SharedCorrection['language'];
  category: SharedCorrection['category'];
  source: 'correction';
}

/** What folding decided for each shared correction. */
export interface FoldResult {
  lines: FoldedLine[];
  /** Correction ids whose text is already in the training data (or earlier in this fold). */
  duplicates: number[];
  /** Correction ids erased (or empty): nothing to learn from. */
  erased: number[];
  /** Correction ids near a text of an evaluation corpus or an external corpus, and which corpus. */
  leaks: Array<{ id: number; file: string }>;
}

const ERASED_MARKERS = new Set(Object.values(ERASED_TEXT));

/**
 * Decides which shared corrections become training lines: oldest first, one line per folded text,
 * none that is already trained on, erased, or near an evaluation text (`guard`).
 */
export function foldCorrections(
  corrections: readonly SharedCorrection[],
  trainContent: string,
  guard: LeakGuard,
): FoldResult {
  const known = new Set(parseTrainLines(trainContent).map((line) => leakKey(line.text)));
  const result: FoldResult = { lines: [], duplicates: [], erased: [], leaks: [] };
  for (const correction of corrections) {
    const text = correction.text.trim();
    const key = leakKey(text);
    if (text === '' || key === '' || ERASED_MARKERS.has(text)) {
      result.erased.push(correction.id);
      continue;
    }
    if (known.has(key)) {
      result.duplicates.push(correction.id);
      continue;
    }
    const near = guard.match(text);
    if (near) {
      result.leaks.push({ id: correction.id, file: near.file });
      continue;
    }
    known.add(key);
    result.lines.push({
      text,
      lang: correction.language,
      category: correction.category,
      source: 'correction',
    });
  }
  return result;
}

/** The training file with `lines` appended, one JSON object per line. */
export function appendLines(trainContent: string, lines: readonly FoldedLine[]): string {
  if (lines.length === 0) return trainContent;
  const body = trainContent.length === 0 || trainContent.endsWith('\n') ? trainContent : `${trainContent}\n`;
  return `${body}${lines.map((line) => JSON.stringify(line)).join('\n')}\n`;
}

/** The leak guard over every evaluation corpus and, when they are on disk, the external corpora. */
export function foldGuard(): LeakGuard {
  const external: EvalText[] = loadExternalCorpora(corporaDir())
    .filter((loaded) => loaded.skipped === undefined)
    .flatMap((loaded) =>
      loaded.texts.map((t, i) => ({ file: `external:${t.source}`, line: i, text: t.text })),
    );
  return new LeakGuard([...evaluationTexts(), ...external]);
}

/** Reads the shared corrections of `db` and folds them into `trainFile` (unless `dryRun`). */
export async function runFold(
  db: Db,
  options: { trainFile: string; dryRun: boolean; guard: LeakGuard },
): Promise<FoldResult> {
  const content = existsSync(options.trainFile) ? readFileSync(options.trainFile, 'utf8') : '';
  const result = foldCorrections(await sharedCorrections(db), content, options.guard);
  if (!options.dryRun) writeFileSync(options.trainFile, appendLines(content, result.lines));
  return result;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const dryRun = args.includes('--dry-run');
  const fileAt = args.indexOf('--train-file');
  const trainFile = fileAt >= 0 && args[fileAt + 1] ? args[fileAt + 1]! : TRAIN_FILE;
  const config = loadConfig();
  const { databaseOptions, openDatabase } = await import('../src/db/client.js');
  const database = await openDatabase(databaseOptions(config));
  try {
    const result = await runFold(database.db, { trainFile, dryRun, guard: foldGuard() });
    const byFile = new Map<string, number>();
    for (const leak of result.leaks) byFile.set(leak.file, (byFile.get(leak.file) ?? 0) + 1);
    console.log(
      `${dryRun ? 'would fold' : 'folded'} ${result.lines.length} corrections into ${trainFile}; ` +
        `skipped ${result.duplicates.length} already trained on, ${result.erased.length} erased, ` +
        `${result.leaks.length} near an evaluation text`,
    );
    for (const [file, n] of [...byFile].sort()) console.log(`  leak guard: ${n} near ${file}`);
    if (result.lines.length > 0 && !dryRun) console.log('now retrain: npm run intent:train');
  } finally {
    await database.close();
  }
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  });
}
