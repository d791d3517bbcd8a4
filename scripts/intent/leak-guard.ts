/**
 * The leak guard of training: near-duplicate detection between training lines and evaluation or
 * external texts (folded word shingles), so nothing near an evaluation text enters training.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { ExternalText } from '../../src/cli/external-parse.js';
import type { TrainLine } from './types.js';

/** Every evaluation corpus: nothing near one of their texts may enter training. */
export const EVAL_FILES = [
  'test/fixtures/intent-dev.jsonl',
  'test/fixtures/intent-holdout.jsonl',
  'test/fixtures/intent-holdout-2.jsonl',
  'test/fixtures/intent-holdout-3.jsonl',
  'test/fixtures/intent-holdout-4.jsonl',
  'test/fixtures/intent-blind-5.jsonl',
  'test/fixtures/intent-blind-6.jsonl',
  'test/fixtures/intent-blind-7.jsonl',
  'test/fixtures/intent-blind-8.jsonl',
  'test/fixtures/intent-blind-9.jsonl',
  'test/fixtures/intent-blind-10.jsonl',
  'test/fixtures/intent-blind-11.jsonl',
  'test/fixtures/intent-blind-12.jsonl',
];

/** Folded, punctuation-free form used to detect evaluation texts leaking into training. */
export function leakKey(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** A text of an evaluation corpus, for the leak guard. */
export interface EvalText {
  file: string;
  line: number;
  text: string;
}

/** Word shingles of a folded text: 5-grams from 8 words on, 3-grams from 4 words, else the whole text. */
function shingleSets(text: string): { words: number; three: Set<string>; five: Set<string>; key: string } {
  const key = leakKey(text);
  const words = key.length === 0 ? [] : key.split(' ');
  const grams = (n: number): Set<string> => {
    const out = new Set<string>();
    for (let i = 0; i + n <= words.length; i++) out.add(words.slice(i, i + n).join(' '));
    return out;
  };
  return { words: words.length, three: grams(3), five: grams(5), key };
}

/** Jaccard similarity of two shingle sets. */
function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const s of a) if (b.has(s)) shared++;
  const union = a.size + b.size - shared;
  return union === 0 ? 0 : shared / union;
}

/** Share of the smaller shingle set found in the other one. */
function containment(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size === 0) return 0;
  let shared = 0;
  for (const s of small) if (large.has(s)) shared++;
  return shared / small.size;
}

/** Containment (long texts) and Jaccard (short texts) from which two texts count as near-duplicates. */
export const NEAR_DUPLICATE_SHARE = 0.5;

type Shingles = ReturnType<typeof shingleSets>;

function similar(x: Shingles, y: Shingles): boolean {
  if (x.key === y.key) return true;
  // Long texts: one contains half of the other's 5-grams (a copied sentence with a clause added).
  if (x.words >= 8 && y.words >= 8) return containment(x.five, y.five) >= NEAR_DUPLICATE_SHARE;
  // Short texts: half of their 3-grams in common (a reworded word or two).
  return x.words >= 4 && y.words >= 4 && jaccard(x.three, y.three) >= NEAR_DUPLICATE_SHARE;
}

/**
 * Whether two texts are near-duplicates after folding (case, accents, punctuation): identical,
 * one holding half of the other's word 5-grams (both 8+ words), or word 3-gram Jaccard >= 0.5
 * (4+ words). "The ring turned my finger green in 2 days." and the same sentence with one more
 * clause are.
 */
export function nearDuplicate(a: string, b: string): boolean {
  return similar(shingleSets(a), shingleSets(b));
}

/** Finds, for a training text, an evaluation text it nearly duplicates (shingle index, linear in input). */
export class LeakGuard {
  private readonly texts: EvalText[];
  private readonly sets: Array<ReturnType<typeof shingleSets>>;
  private readonly exact = new Map<string, number>();
  private readonly index = new Map<string, number[]>();

  constructor(texts: readonly EvalText[]) {
    this.texts = [...texts];
    this.sets = this.texts.map((t) => shingleSets(t.text));
    const add = (key: string, id: number): void => {
      const ids = this.index.get(key);
      if (ids === undefined) this.index.set(key, [id]);
      else ids.push(id);
    };
    this.sets.forEach((set, id) => {
      if (!this.exact.has(set.key)) this.exact.set(set.key, id);
      for (const g of set.three) add(`3|${g}`, id);
      for (const g of set.five) add(`5|${g}`, id);
    });
  }

  /** The evaluation text `text` nearly duplicates, if any. */
  match(text: string): EvalText | undefined {
    const x = shingleSets(text);
    const exact = this.exact.get(x.key);
    if (exact !== undefined) return this.texts[exact];
    const candidates = new Set<number>();
    for (const g of x.three) for (const id of this.index.get(`3|${g}`) ?? []) candidates.add(id);
    for (const id of [...candidates].sort((a, b) => a - b)) {
      const y = this.sets[id];
      if (y !== undefined && similar(x, y)) return this.texts[id];
    }
    return undefined;
  }
}

/** Texts of every evaluation corpus (read only to keep training away from them). */
export function evaluationTexts(files: readonly string[] = EVAL_FILES): EvalText[] {
  const texts: EvalText[] = [];
  for (const file of files) {
    if (!existsSync(file)) continue;
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (line.trim().length === 0) return;
        const { text } = JSON.parse(line) as { text: string };
        texts.push({ file, line: i + 1, text });
      });
  }
  return texts;
}

/**
 * Training lines that nearly duplicate a text of the external corpora (`src/cli/external-eval.ts`).
 * External text must stay out of training; since the corpora are not in the repository (and may be
 * absent), such a line is not silently dropped (the weights would then depend on what is on disk)
 * but refused: training stops until the line is removed from the training file.
 */
export function externalLeaks(
  lines: readonly TrainLine[],
  external: readonly ExternalText[],
): Array<{ text: string; near: ExternalText }> {
  const guard = new LeakGuard(external.map((t, i) => ({ file: t.source, line: i, text: t.text })));
  const leaks: Array<{ text: string; near: ExternalText }> = [];
  for (const line of lines) {
    const near = guard.match(line.text);
    if (near !== undefined) leaks.push({ text: line.text, near: external[near.line] as ExternalText });
  }
  return leaks;
}
