/**
 * The pattern language of the intent lexicons (`lexicons/<lng>.data.ts`), compiled to rules and
 * matched on a message's tokens:
 *
 *   - tokens are matched on lowercased, accent-folded words (`todavia` matches `todavía`);
 *   - `stem*` matches by prefix, `a|b|c` are alternatives, `#` is any number;
 *   - `..` allows up to 3 words in between, `...` up to 8 (never across a sentence end);
 *   - a leading `!` requires a negation in the 3 words before ("hasn't arrived", "no ha llegado",
 *     "n'est toujours pas arrivé", "не пришёл"); `^` before a word ignores it when it is negated
 *     ("not broken", "ordered ... but ^got" skips "but never got");
 *   - a negative weight pulls a category down ("I don't want a refund").
 */

import { fold } from '../normalize.js';
import type { Category, Language } from '../types.js';
import { transliterateCyrillic } from './intent-features.js';
import { LEXICON_WORDS, type Lexicon, type LexiconWords } from './lexicons/index.js';

/** Spelled-out counts of every language: `#` matches them like digits. */
const NUMBER_WORDS = wordSet((words) => words.numbers);

/** Negations of every language (`!` and `^`). */
const NEGATORS = wordSet((words) => words.negators);

function wordSet(pick: (words: LexiconWords) => string): Set<string> {
  return new Set(
    Object.values(LEXICON_WORDS)
      .map(pick)
      .join(' ')
      .split(/\s+/)
      .filter((w) => w.length > 0)
      .map((w) => latin(w)),
  );
}

/**
 * Matching key of a word: folded, Cyrillic transliterated, so the Russian rules also match Russian
 * typed in Latin letters ("не пришел" and "ne prishel" are the same tokens).
 */
function latin(value: string): string {
  return transliterateCyrillic(fold(value));
}

/** Buyers' own transliteration variants, brought to the scheme `latin` uses. */
function russianLatin(token: string): string {
  return token.replace(/shch|sch/g, 'sh').replace(/kh/g, 'h');
}

/** One alternative of a pattern word: its folded text, a `stem*` prefix or `#` (any number). */
export interface Alternative {
  text: string;
  prefix: boolean;
  number: boolean;
}

interface Step {
  alternatives: Alternative[];
  maxGapBefore: number;
  /** `^` on a step: the word must not be negated ("ordered ... but ^got" skips "but never got"). */
  notNegated: boolean;
}

interface Rule {
  category: Category;
  weight: number;
  steps: Step[];
  requireNegation: boolean;
}

/** Compiles `a|b*|#` into its alternatives. */
export function compileAlternatives(token: string): Alternative[] {
  return token.split('|').map((alt) => ({
    text: latin(alt.replace(/\*$/, '')),
    prefix: alt.endsWith('*'),
    number: alt === '#',
  }));
}

/** Compiles a lexicon into rules, weights scaled by `factor` (foreign languages count less). */
export function compileLexicon(lexicon: Lexicon, factor: number): Rule[] {
  const rules: Rule[] = [];
  for (const [category, block] of Object.entries(lexicon) as Array<[Category, string]>) {
    for (const raw of block.split(/[;\n]/)) {
      const entry = raw.trim();
      if (entry.length === 0) continue;
      const [weightText, ...rest] = entry.split(/\s+/);
      const weight = Number(weightText);
      if (!Number.isFinite(weight) || rest.length === 0) throw new Error(`bad intent rule: ${entry}`);
      const requireNegation = (rest[0] ?? '').startsWith('!');
      const steps: Step[] = [];
      let gap = 0;
      for (const part of rest) {
        if (part === '..') gap = 3;
        else if (part === '...') gap = 8;
        else {
          const notNegated = part.startsWith('^');
          const body = part.replace(/^[!^]/, '');
          steps.push({ alternatives: compileAlternatives(body), maxGapBefore: gap, notNegated });
          gap = 0;
        }
      }
      rules.push({ category, weight: weight * factor, steps, requireNegation });
    }
  }
  return rules;
}

function tokenMatches(token: string, alternatives: readonly Alternative[]): boolean {
  for (const alt of alternatives) {
    if (alt.number) {
      if (/^\d+$/.test(token) || NUMBER_WORDS.has(token)) return true;
    } else if (alt.prefix ? token.startsWith(alt.text) : token === alt.text) {
      return true;
    }
  }
  return false;
}

/** Returns the end index (exclusive) of a match of `steps` starting at `start`, or -1. */
function matchFrom(
  tokens: readonly string[],
  steps: readonly Step[],
  stepIndex: number,
  position: number,
): number {
  const step = steps[stepIndex];
  if (step === undefined) return position;
  const maxGap = stepIndex === 0 ? 0 : step.maxGapBefore;
  for (let gap = 0; gap <= maxGap; gap++) {
    const index = position + gap;
    const token = tokens[index];
    if (token === undefined || token === SENTENCE_BREAK) return -1;
    if (tokenMatches(token, step.alternatives) && !(step.notNegated && negatedAt(tokens, index))) {
      const end = matchFrom(tokens, steps, stepIndex + 1, index + 1);
      if (end >= 0) return end;
    }
  }
  return -1;
}

function negatedAt(tokens: readonly string[], start: number): boolean {
  for (let i = start - 1; i >= Math.max(0, start - 3); i--) {
    const token = tokens[i];
    if (token === undefined || token === SENTENCE_BREAK) return false;
    if (NEGATORS.has(token)) return true;
  }
  return false;
}

interface RuleMatch {
  start: number;
  end: number;
}

/** The first match of `rule` starting at one of `starts`, or undefined. */
export function findRule(
  tokens: readonly string[],
  rule: Rule,
  starts: readonly number[],
): RuleMatch | undefined {
  for (const start of starts) {
    const end = matchFrom(tokens, rule.steps, 0, start);
    if (end < 0) continue;
    if (rule.requireNegation && !negatedAt(tokens, start)) continue;
    return { start, end };
  }
  return undefined;
}

/** Buyers state their request early; scoring only the start bounds the work on pasted walls of text. */
const MAX_TEXT_LENGTH = 3000;

/** Token placed between sentences: gaps and negation scopes never cross it. */
const SENTENCE_BREAK = '§';

/** Splits a message into folded word tokens; "n't" becomes "not", apostrophes split French elisions. */
export function tokenize(text: string, language: Language): { tokens: string[]; display: string[] } {
  let cleaned = text.slice(0, MAX_TEXT_LENGTH);
  if (/[/@]/.test(cleaned)) {
    cleaned = cleaned
      .replace(/\b(?:https?:\/\/|www\.)\S+/giu, ' ')
      .replace(/(?<![^\s@])[^\s@]+@[^\s@.]+\.\S+/gu, ' ');
  }
  if (/['’`]/.test(cleaned)) cleaned = cleaned.replace(/n['’]t\b/giu, ' not').replace(/['’`]/gu, ' ');
  const tokens: string[] = [];
  const display: string[] = [];
  const folded = fold(cleaned);
  const cyrillic = /[\u0400-\u04ff]/u.test(folded);
  for (const sentence of folded.split(/(?<![.!?;])[.!?;]+(?=\s|$)|\n+/u)) {
    const words = sentence.split(/[^\p{L}\p{N}]+/u).filter((t) => t.length > 0);
    if (words.length === 0) continue;
    if (tokens.length > 0) {
      tokens.push(SENTENCE_BREAK);
      display.push(SENTENCE_BREAK);
    }
    for (const word of words) {
      const key = cyrillic ? transliterateCyrillic(word) : word;
      // Russian "но" / "no" is "but", not a negation.
      tokens.push(language === 'ru' ? (key === 'no' ? 'no_ru' : russianLatin(key)) : key);
      display.push(word);
    }
  }
  return { tokens, display };
}

/** Rules indexed by what their first word can be, so a message only tries rules that can start. */
export interface RuleIndex {
  rules: Rule[];
  exact: Map<string, number[]>;
  /** Prefix alternatives as a character trie: walking a word collects every rule a prefix starts. */
  prefix: TrieNode;
  numeric: number[];
  any: number[];
}

interface TrieNode {
  next: Map<number, TrieNode>;
  ids: number[];
}

/** Indexes compiled rules by their first word. */
export function buildIndex(rules: Rule[]): RuleIndex {
  const index: RuleIndex = {
    rules,
    exact: new Map(),
    prefix: { next: new Map(), ids: [] },
    numeric: [],
    any: [],
  };
  const addPrefix = (text: string, id: number): void => {
    let node = index.prefix;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      let child = node.next.get(code);
      if (child === undefined) {
        child = { next: new Map(), ids: [] };
        node.next.set(code, child);
      }
      node = child;
    }
    if (node.ids[node.ids.length - 1] !== id) node.ids.push(id);
  };
  const add = (map: Map<string, number[]>, key: string, id: number): void => {
    const list = map.get(key) ?? [];
    if (list[list.length - 1] !== id) list.push(id);
    map.set(key, list);
  };
  rules.forEach((rule, id) => {
    for (const alt of rule.steps[0]?.alternatives ?? []) {
      if (alt.number) index.numeric.push(id);
      else if (alt.prefix && alt.text.length === 0) index.any.push(id);
      else if (alt.prefix) addPrefix(alt.text, id);
      else add(index.exact, alt.text, id);
    }
  });
  return index;
}

/** Scratch space of `candidateRules`, reused across calls (the pipeline is single-threaded). */
interface Scratch {
  stamp: Int32Array;
  starts: number[][];
  generation: number;
}

const SCRATCH = new WeakMap<RuleIndex, Scratch>();

/** Rules whose first word occurs in the message, each with the positions where it occurs (ascending). */
export function candidateRules(index: RuleIndex, tokens: readonly string[]): Array<[number, number[]]> {
  let scratch = SCRATCH.get(index);
  if (scratch === undefined) {
    scratch = { stamp: new Int32Array(index.rules.length), starts: [], generation: 0 };
    SCRATCH.set(index, scratch);
  }
  const generation = ++scratch.generation;
  const { stamp, starts } = scratch;
  const ids: number[] = [];
  const add = (list: readonly number[], position: number): void => {
    for (const id of list) {
      if (stamp[id] !== generation) {
        stamp[id] = generation;
        starts[id] = [position];
        ids.push(id);
      } else {
        const at = starts[id] as number[];
        if (at[at.length - 1] !== position) at.push(position);
      }
    }
  };
  for (let position = 0; position < tokens.length; position++) {
    const token = tokens[position] as string;
    if (token === SENTENCE_BREAK) continue;
    if (index.any.length > 0) add(index.any, position);
    const exact = index.exact.get(token);
    if (exact !== undefined) add(exact, position);
    let node: TrieNode | undefined = index.prefix;
    for (let i = 0; i < token.length && node !== undefined; i++) {
      node = node.next.get(token.charCodeAt(i));
      if (node !== undefined && node.ids.length > 0) add(node.ids, position);
    }
    const first = token.charCodeAt(0);
    if ((first >= 48 && first <= 57 && /^\d+$/.test(token)) || NUMBER_WORDS.has(token))
      add(index.numeric, position);
  }
  ids.sort((a, b) => a - b);
  return ids.map((id) => [id, starts[id] as number[]]);
}

/** The alternatives (colour words, verbs) that occur among the tokens. */
export function stemSetMatches(tokens: readonly string[], alternatives: readonly Alternative[]): Set<string> {
  const found = new Set<string>();
  for (const token of tokens) {
    for (const alt of alternatives) {
      if (alt.prefix ? token.startsWith(alt.text) : token === alt.text) found.add(alt.text);
    }
  }
  return found;
}
