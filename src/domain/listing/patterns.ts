/**
 * Regex helpers for the data-driven checks: JavaScript's `\b` only knows ASCII letters, so patterns
 * written with `\b` are compiled with Unicode word edges (Cyrillic, accented Latin). A `\b` that
 * opens a pattern or an alternative is a word start, any other one a word end; one-sided
 * lookarounds keep the scan fast (a two-sided boundary is tried at every position).
 */
const WORD_START = '(?<![\\p{L}\\p{N}])';
const WORD_END = '(?![\\p{L}\\p{N}])';

/** Compiles a pattern source with Unicode-aware `\b`, global, case-insensitive and Unicode. */
export function compilePattern(source: string, flags = 'giu'): RegExp {
  const compiled = source.replace(/\\b/g, (_match, offset: number) => {
    const before = source.slice(0, offset);
    return before === '' || /(?:\||\((?:\?:)?)$/.test(before) ? WORD_START : WORD_END;
  });
  return new RegExp(compiled, flags);
}
