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

const WORD_RE = /[\p{L}\p{M}\p{N}]+(?:['’-][\p{L}\p{M}\p{N}]+)*/gu;

/** Words (letters, digits, inner apostrophes and hyphens) with their offsets. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD_RE)) {
    const start = match.index ?? 0;
    tokens.push({ text: match[0], start, end: start + match[0].length });
  }
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

/** True when `[start, end)` overlaps any of `spans`. */
export function overlaps(
  start: number,
  end: number,
  spans: ReadonlyArray<readonly [number, number]>,
): boolean {
  return spans.some(([s, e]) => start < e && s < end);
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
