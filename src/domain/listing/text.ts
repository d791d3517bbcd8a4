/** A word of a text with its offsets, for checks that report spans. */
export interface Token {
  text: string;
  start: number;
  end: number;
}

/** A paragraph (block separated by blank lines, or a line of a short-line list) with offsets. */
export interface Paragraph {
  text: string;
  start: number;
  end: number;
}

/** Lowercase without diacritics, so "Envío" and "envio" compare equal. */
export function fold(value: string): string {
  return value
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .normalize('NFC');
}

/** Characters that open a list item: bullets, dashes, check marks, arrows. */
export const BULLET_CHARS = '•·▪●◦‣∙*✓✔☑➤►▶→–-';
const WORD_RE = /[\p{L}\p{M}\p{N}]+(?:['’-][\p{L}\p{M}\p{N}]+)*/gu;

/** Texts tokenized lately: a listing's checks tokenize the same field and version several times. */
const RECENT_TEXTS = 16;
const recentTokens = new Map<string, readonly Token[]>();

/** Words (letters, digits, inner apostrophes and hyphens) with their offsets (shared: do not mutate). */
export function tokenize(text: string): readonly Token[] {
  const cached = recentTokens.get(text);
  if (cached) return cached;
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD_RE)) {
    const start = match.index ?? 0;
    tokens.push({ text: match[0], start, end: start + match[0].length });
  }
  if (recentTokens.size >= RECENT_TEXTS) recentTokens.delete(recentTokens.keys().next().value!);
  recentTokens.set(text, tokens);
  return tokens;
}

/** Blocks separated by blank lines; a block is split further at line breaks when its lines are long. */
export function paragraphs(text: string): Paragraph[] {
  const result: Paragraph[] = [];
  const re = /[^\n]+(?:\n(?![^\S\n]*\n)[^\n]+)*/g;
  for (const match of text.matchAll(re)) {
    const start = match.index ?? 0;
    let offset = start;
    for (const line of match[0].split('\n')) {
      if (line.trim().length > 0) result.push({ text: line, start: offset, end: offset + line.length });
      offset += line.length + 1;
    }
  }
  return result;
}

/** Sentences of a paragraph (split after . ! ? … followed by space), with offsets. */
export function sentences(text: string, base = 0): Paragraph[] {
  const result: Paragraph[] = [];
  // Starts only at a run's start: a start inside the run would fail the same way (linear, not quadratic).
  const re = /(?<![^.!?…])[^.!?…]+(?:[.!?…]+(?=\s|$)|$)/g;
  for (const match of text.matchAll(re)) {
    const raw = match[0];
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed.length === 0) continue;
    const start = base + (match.index ?? 0) + lead;
    result.push({ text: trimmed, start, end: start + trimmed.length });
  }
  return result;
}

type Spans = ReadonlyArray<readonly [number, number]>;

/**
 * Spans sorted by start with the running maximum of their ends: "does `[start, end)` overlap any
 * span" in O(log n). A text with thousands of e-mail-like or claim-like pieces has thousands of
 * spans, and every word asks: a linear scan per question would make the checks quadratic.
 */
export class SpanIndex {
  private starts: number[] = [];
  private maxEnds: number[] = [];
  private spans: Array<readonly [number, number]> = [];

  constructor(spans: Spans = []) {
    this.addAll(spans);
  }

  get size(): number {
    return this.spans.length;
  }

  /** Adds spans (one sort per call: add a batch, not one span at a time). */
  addAll(spans: Spans): void {
    if (spans.length === 0) return;
    this.spans = [...this.spans, ...spans].sort((a, b) => a[0] - b[0]);
    this.starts = this.spans.map((s) => s[0]);
    this.maxEnds = [];
    let max = Number.NEGATIVE_INFINITY;
    for (const [, e] of this.spans) {
      max = Math.max(max, e);
      this.maxEnds.push(max);
    }
  }

  /** True when `[start, end)` overlaps one of the spans. */
  overlaps(start: number, end: number): boolean {
    const lo = firstAtLeast(this.starts, end);
    return lo > 0 && this.maxEnds[lo - 1]! > start;
  }
}

/** Index of the first value of an ascending list that is at least `x` (the list's length if none). */
export function firstAtLeast(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const indexes = new WeakMap<Spans, { length: number; index: SpanIndex }>();

/** True when `[start, end)` overlaps any of `spans` (long lists are indexed once, then searched). */
export function overlaps(start: number, end: number, spans: Spans): boolean {
  if (spans.length <= 8) return spans.some(([s, e]) => start < e && s < end);
  let cached = indexes.get(spans);
  if (!cached || cached.length !== spans.length) {
    cached = { length: spans.length, index: new SpanIndex(spans) };
    indexes.set(spans, cached);
  }
  return cached.index.overlaps(start, end);
}

/** Spans of URLs, e-mail addresses and @handles, which no word check should read as words. */
export function addressSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  const re =
    /\b(?:https?:\/\/|www\.)\S+|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?<![\w@])@[A-Za-z0-9_]{3,}|(?<![\w-])[\w-]+\.(?:com|net|org|ru|br|es|fr|pt|shop|store|io)(?:\/\S*)?\b/giu;
  for (const match of text.matchAll(re)) {
    const start = match.index ?? 0;
    spans.push([start, start + match[0].length]);
  }
  return spans;
}

/**
 * Ingredient lists ("Ingredients: Aqua, Zinc Oxide, Glycerin..."): INCI names are Latin and
 * English in every language version by law, so no word check reads them as untranslated text or
 * misspellings. From the label to the end of its sentence or line.
 */
export function ingredientListSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  const re =
    /(?<![\p{L}])(?:ingredients?|ingredientes|ingrédients|ingredienti|composition|composición|composição|inci|состав)\s?:[^.\n]*/giu;
  for (const match of text.matchAll(re)) {
    const start = match.index ?? 0;
    spans.push([start, start + match[0].length]);
  }
  return spans;
}
