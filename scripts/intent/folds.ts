/**
 * Cross-validation folds that hold out whole families of lines, not single lines.
 *
 * Lines that say the same thing in nearly the same content words ("cancel my order" / "pls cancel
 * the order" / "i want to cancel my order") are one family, and a family never straddles two
 * folds: scoring a line with a model that saw its sibling measures memory, not generalisation, and
 * calibrating on such scores makes the model overconfident on text from other hands. (Joining
 * consecutive lines of the file as well was tried: with families on top, the groups percolate into
 * a handful holding most of a language each.)
 */
import { isStopword, modelTokens } from '../../src/domain/message/intent-features.js';
import { prng } from './augment.js';
import type { TrainLine } from './types.js';

/** Two lines of one language whose content-word sets overlap this much (Jaccard) are one family. */
export const FAMILY_JACCARD = 0.5;

class UnionFind {
  private readonly parent: Int32Array;
  constructor(size: number) {
    this.parent = Int32Array.from({ length: size }, (_, i) => i);
  }
  find(i: number): number {
    let root = i;
    while (this.parent[root] !== root) root = this.parent[root] as number;
    let at = i;
    while (this.parent[at] !== root) {
      const next = this.parent[at] as number;
      this.parent[at] = root;
      at = next;
    }
    return root;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

/** Folded content words of a text (no stopwords, placeholders or clause breaks). */
export function contentWords(text: string): Set<string> {
  return new Set(modelTokens(text).filter((w) => w !== '|' && !w.startsWith('_') && !isStopword(w)));
}

/** Family id of each line (indices into `lines`): lines sharing half of their content words, transitively. */
export function lineGroups(lines: readonly TrainLine[]): Int32Array {
  const uf = new UnionFind(lines.length);
  // Families: content-word Jaccard, candidates found through an inverted index per language.
  const words = lines.map((l) => contentWords(l.text));
  const index = new Map<string, number[]>();
  lines.forEach((line, i) => {
    for (const w of words[i] as Set<string>) {
      const key = `${line.lang}|${w}`;
      const list = index.get(key);
      if (list === undefined) index.set(key, [i]);
      else list.push(i);
    }
  });
  lines.forEach((line, i) => {
    const mine = words[i] as Set<string>;
    if (mine.size === 0) return;
    const shared = new Map<number, number>();
    for (const w of mine) {
      for (const j of index.get(`${line.lang}|${w}`) ?? []) {
        if (j > i) shared.set(j, (shared.get(j) ?? 0) + 1);
      }
    }
    for (const [j, n] of shared) {
      const other = (words[j] as Set<string>).size;
      if (n / (mine.size + other - n) >= FAMILY_JACCARD) uf.union(i, j);
    }
  });
  return Int32Array.from(lines, (_, i) => uf.find(i));
}

/**
 * Fold of each line: whole groups dealt to folds, largest first, each to the fold with the fewest
 * lines so far (ties broken by a seeded shuffle), so folds stay about equal in size.
 */
export function groupedFolds(lines: readonly TrainLine[], folds: number, seed: number): Int32Array {
  const groups = lineGroups(lines);
  const members = new Map<number, number[]>();
  groups.forEach((g, i) => {
    const list = members.get(g);
    if (list === undefined) members.set(g, [i]);
    else list.push(i);
  });
  const rand = prng(seed);
  const ids = [...members.keys()].sort((a, b) => a - b);
  for (let i = ids.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [ids[i], ids[j]] = [ids[j] as number, ids[i] as number];
  }
  // Stable sort by size (largest first) keeps the shuffled order among equal sizes.
  ids.sort((a, b) => (members.get(b) as number[]).length - (members.get(a) as number[]).length);
  const sizes = new Array<number>(folds).fill(0);
  const fold = new Int32Array(lines.length);
  for (const id of ids) {
    let target = 0;
    for (let k = 1; k < folds; k++) if ((sizes[k] as number) < (sizes[target] as number)) target = k;
    for (const i of members.get(id) as number[]) fold[i] = target;
    sizes[target] = (sizes[target] as number) + (members.get(id) as number[]).length;
  }
  return fold;
}
