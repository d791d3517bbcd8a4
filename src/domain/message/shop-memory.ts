/**
 * A shop's memory of its seller's category corrections: texts the seller labelled by hand
 * override the global model on close matches, so the next "stop the parcel, I found it cheaper"
 * of that shop lands where the seller put the last one.
 *
 * Closeness is the Jaccard similarity of character 4-gram sets over a folded form of the texts
 * (case, accents, punctuation and digit runs ignored): linear in the length of the texts, robust
 * to typos, order numbers and small rewordings, and near zero between texts that share only
 * function words. Only texts of the same shop and language are compared (the caller loads them),
 * at most {@link MEMORY_LIMIT} of them, newest first.
 */
import { fold } from '../normalize.js';
import type { Category } from '../types.js';
import type { IntentClassification } from './classify.js';

/** Character n-gram size of the shingles. */
export const MEMORY_SHINGLE = 4;

/**
 * Jaccard similarity from which a remembered correction overrides the model, and the stricter one
 * when either text is short (under {@link MEMORY_SHORT_KEY} folded characters: "I want to cancel my
 * order" and "I want to change my order" share half their shingles). Chosen on the training data:
 * of the 3.2 million pairs of different lines of one language and different categories, 4 reach
 * it (10 with 0.55 throughout); see test/domain/message/shop-memory.test.ts.
 */
export const MEMORY_MIN_SIMILARITY = 0.55;
/** The threshold when either text is short. */
export const MEMORY_MIN_SIMILARITY_SHORT = 0.65;
/** Folded length under which a text counts as short. */
export const MEMORY_SHORT_KEY = 40;

/** Corrections of one shop and language the memory compares a text with (the newest). */
export const MEMORY_LIMIT = 300;

/** Longest text kept and compared (characters of the classifier's input): bounds the work per match. */
export const MEMORY_TEXT_MAX = 1000;

/** Folded forms shorter than this carry too little to match on ("ok", "hi?"). */
export const MEMORY_MIN_KEY = 12;

/** One remembered correction: the text the classifier read and the category the seller chose. */
export interface MemoryExample {
  id: number;
  category: Category;
  text: string;
}

/** The remembered correction a text matched, and how closely. */
export interface MemoryMatch {
  exampleId: number;
  category: Category;
  similarity: number;
}

/** The text a correction keeps: the classifier's input, clipped to {@link MEMORY_TEXT_MAX}. */
export function memoryText(text: string): string {
  return text.length <= MEMORY_TEXT_MAX ? text : text.slice(0, MEMORY_TEXT_MAX);
}

/** Folded form compared by the memory: lower case, no accents, digit runs as `0`, one space between words. */
export function memoryKey(text: string): string {
  return fold(memoryText(text))
    .replace(/\p{N}+/gu, '0')
    .replace(/[^\p{L}0]+/gu, ' ')
    .trim();
}

/** FNV-1a of the {@link MEMORY_SHINGLE} UTF-16 units of `text` at `at`: a shingle as a number. */
function shingleHash(text: string, at: number): number {
  let hash = 0x811c9dc5;
  for (let i = at; i < at + MEMORY_SHINGLE; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * The character shingles of a folded text (padded with a space at each end), hashed to 32-bit
 * numbers: no substring is allocated and a set lookup costs a number comparison.
 */
export function memoryShingles(key: string): Set<number> {
  const padded = ` ${key} `.padEnd(MEMORY_SHINGLE, ' ');
  const out = new Set<number>();
  for (let i = 0; i + MEMORY_SHINGLE <= padded.length; i++) out.add(shingleHash(padded, i));
  return out;
}

/** Jaccard similarity of two shingle sets (0 when both are empty). */
export function jaccard(a: ReadonlySet<number>, b: ReadonlySet<number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const s of small) if (large.has(s)) shared++;
  const union = a.size + b.size - shared;
  return union === 0 ? 0 : shared / union;
}

/** An example's folded length and distinct shingles, as the memory compares them. */
interface Shingled {
  length: number;
  shingles: Uint32Array;
}

/** Shingles of an example, computed once per example id (examples never change, only vanish). */
export type ShingleCache = Map<number, Shingled>;

/** Most examples whose shingles a process keeps (the oldest go first). */
const SHINGLE_CACHE_MAX = 20_000;

function shinglesOf(example: MemoryExample, cache: ShingleCache | undefined): Shingled | undefined {
  const cached = cache?.get(example.id);
  if (cached) return cached;
  const key = memoryKey(example.text);
  if (key.length < MEMORY_MIN_KEY) return undefined;
  const shingled = { length: key.length, shingles: Uint32Array.from(memoryShingles(key)) };
  if (cache) {
    if (cache.size >= SHINGLE_CACHE_MAX) cache.delete(cache.keys().next().value as number);
    cache.set(example.id, shingled);
  }
  return shingled;
}

/** The similarity two folded texts of these lengths need to count as the same request. */
export function minimumSimilarity(a: number, b: number): number {
  return Math.min(a, b) < MEMORY_SHORT_KEY ? MEMORY_MIN_SIMILARITY_SHORT : MEMORY_MIN_SIMILARITY;
}

/**
 * The remembered correction closest to `text`, when it reaches {@link minimumSimilarity};
 * `examples` newest first (a tie goes to the newest: the seller's latest word). At most
 * {@link MEMORY_LIMIT} examples are read, each in time linear in its shingles (none for an example
 * whose size alone rules it out: Jaccard is at most the ratio of the two set sizes).
 */
export function recallCorrection(
  text: string,
  examples: readonly MemoryExample[],
  options: { cache?: ShingleCache } = {},
): MemoryMatch | undefined {
  if (examples.length === 0) return undefined;
  const key = memoryKey(text);
  if (key.length < MEMORY_MIN_KEY) return undefined;
  const shingles = memoryShingles(key);
  let best: MemoryMatch | undefined;
  for (const example of examples.slice(0, MEMORY_LIMIT)) {
    const other = shinglesOf(example, options.cache);
    if (!other) continue;
    const minimum = Math.max(minimumSimilarity(key.length, other.length), best?.similarity ?? 0);
    const smaller = Math.min(shingles.size, other.shingles.length);
    if (smaller < minimum * Math.max(shingles.size, other.shingles.length)) continue;
    let shared = 0;
    for (const s of other.shingles) if (shingles.has(s)) shared++;
    const similarity = shared / (shingles.size + other.shingles.length - shared);
    if (similarity >= minimum && (best === undefined || similarity > best.similarity)) {
      best = { exampleId: example.id, category: example.category, similarity };
    }
  }
  return best;
}

/**
 * The classification once the shop's memory had its say: a match overrides the model's category
 * (confidence = the similarity, never abstained), and the evidence says so either way.
 */
export function applyShopMemory(
  intent: IntentClassification,
  match: MemoryMatch | undefined,
): IntentClassification {
  if (!match) return intent;
  const similarity = Math.round(match.similarity * 1000) / 1000;
  const note = `shop-memory:${match.category} ${similarity} (correction #${match.exampleId})`;
  if (match.category === intent.category) {
    return {
      ...intent,
      confidence: Math.max(intent.confidence, similarity),
      abstained: false,
      evidence: [...intent.evidence, note],
    };
  }
  return {
    category: match.category,
    confidence: similarity,
    abstained: false,
    evidence: [...intent.evidence, `${note} overrides model:${intent.category}`],
    runnerUp: { category: intent.category, confidence: intent.confidence },
  };
}
