import type { SpellChecker } from '../../../src/domain/listing/types.js';

/**
 * A spell checker over a word list (lower-cased compare), for table tests without dictionaries;
 * `frequencies` (centibels below 1: lower is more frequent) stands in for the frequency word list.
 */
export function wordListSpeller(
  words: string,
  suggestions: Record<string, string> = {},
  frequencies?: Record<string, number>,
): SpellChecker {
  const known = new Set(
    words
      .split(/\s+/)
      .filter((w) => w.length > 0)
      .map((w) => w.toLowerCase()),
  );
  return {
    correct: (word) => known.has(word.toLowerCase()),
    suggest: (word) => (suggestions[word] ? [suggestions[word]!] : []),
    ...(frequencies ? { centibels: (word: string) => frequencies[word] } : {}),
  };
}
