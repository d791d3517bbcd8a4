import type { Category } from '../../types.js';

/**
 * A language's intent cues: per category, weighted patterns separated by `;` or line breaks
 * (`2.5 still waiting; 3 !arriv*`), in the pattern language of `../intent-patterns.ts`.
 */
export type Lexicon = Partial<Record<Category, string>>;

/** Word lists of one language, space-separated; `stem*` matches by prefix (colours, verbs). */
export interface LexiconWords {
  /** Spelled-out counts, so "hace dos meses" and "two weeks" match `#` like digits do. */
  numbers: string;
  /** Words that negate the next few words (`!` and `^` in patterns). */
  negators: string;
  /** Colour words: two different colours next to "I ordered" is the classic wrong-item report. */
  colours: string;
  /** "I ordered / bought / chose" verbs. */
  orderedVerbs: string;
}
