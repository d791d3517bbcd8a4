/** Lexicon scores of a message: the compiled rules of each language, matched on its tokens. */
import { CATEGORIES, type Category, type Language } from '../types.js';
import {
  type Alternative,
  buildIndex,
  candidateRules,
  compileAlternatives,
  compileLexicon,
  findRule,
  type RuleIndex,
  stemSetMatches,
  tokenize,
} from './intent-patterns.js';
import { COMMON, LEXICON_WORDS, LEXICONS, type LexiconWords } from './lexicons/index.js';

const RULES: Readonly<Record<Language, { own: RuleIndex; foreign: RuleIndex }>> = (() => {
  const compiled = {} as Record<Language, { own: RuleIndex; foreign: RuleIndex }>;
  const all = Object.keys(LEXICONS) as Language[];
  for (const lang of all) {
    const own = [...compileLexicon(LEXICONS[lang], 1), ...compileLexicon(COMMON, 1)];
    // Other languages' lexicons count a little, for mixed texts and misdetected languages.
    const foreign = all.filter((l) => l !== lang).flatMap((l) => compileLexicon(LEXICONS[l], 0.3));
    compiled[lang] = { own: buildIndex(own), foreign: buildIndex(foreign) };
  }
  return compiled;
})();

function stemAlternatives(
  words: Readonly<Record<Language, LexiconWords>>,
  pick: (words: LexiconWords) => string,
): Record<Language, Alternative[]> {
  const out = {} as Record<Language, Alternative[]>;
  for (const lang of Object.keys(words) as Language[]) {
    out[lang] = compileAlternatives(pick(words[lang]).trim().split(/\s+/).join('|'));
  }
  return out;
}

const COLOURS = stemAlternatives(LEXICON_WORDS, (words) => words.colours);
const ORDERED = stemAlternatives(LEXICON_WORDS, (words) => words.orderedVerbs);

/** Per-category lexicon scores of a message, with the phrases that produced them. */
export interface LexiconScores {
  scores: Record<Category, number>;
  evidence: string[];
  /** Number of rules that matched. */
  matched: number;
}

/** Scores a message against the hand-written lexicons of `language` (plus foreign cues at 0.3). */
export function scoreLexicon(text: string, language: Language): LexiconScores {
  const { tokens, display } = tokenize(text, language);
  const scores: Record<Category, number> = {
    not_received: 0,
    damaged: 0,
    not_as_described: 0,
    wrong_item: 0,
    refund_request: 0,
    cancel_order: 0,
    order_change: 0,
    return_exchange: 0,
    customs_tax: 0,
    payment: 0,
    shipping_inquiry: 0,
    product_question: 0,
    other: 0,
  };
  const evidence: string[] = [];
  let matched = 0;
  const add = (category: Category, weight: number, label: string): void => {
    scores[category] += weight;
    matched++;
    evidence.push(`${category}:"${label}"${weight >= 0 ? '+' : ''}${Math.round(weight * 100) / 100}`);
  };

  const rules = RULES[language];
  const claimed = new Set<number>();
  for (const [id, starts] of candidateRules(rules.own, tokens)) {
    const rule = rules.own.rules[id];
    if (rule === undefined) continue;
    const match = findRule(tokens, rule, starts);
    if (match === undefined) continue;
    add(rule.category, rule.weight, display.slice(match.start, match.end).join(' '));
    for (let i = match.start; i < match.end; i++) claimed.add(i);
  }
  // Foreign-language cues only count on words the message's own language did not explain.
  for (const [id, starts] of candidateRules(rules.foreign, tokens)) {
    const rule = rules.foreign.rules[id];
    if (rule === undefined) continue;
    const match = findRule(tokens, rule, starts);
    if (match === undefined) continue;
    let fresh = false;
    for (let i = match.start; i < match.end; i++) if (!claimed.has(i)) fresh = true;
    if (fresh) add(rule.category, rule.weight, display.slice(match.start, match.end).join(' '));
  }

  const colours = stemSetMatches(tokens, COLOURS[language]);
  if (colours.size >= 2 && stemSetMatches(tokens, ORDERED[language]).size > 0) {
    add('wrong_item', 2.5, `colours ${[...colours].join('/')}`);
  }

  if (/[?¿]/.test(text)) {
    for (const category of ['product_question', 'shipping_inquiry'] as const) {
      if (scores[category] > 0) add(category, 0.5, '?');
    }
    // A question with no other cue is most often a pre-sale question about the product.
    let strongest = 0;
    for (const category of CATEGORIES) strongest = Math.max(strongest, scores[category]);
    if (strongest < 1.5) add('product_question', 1.2, 'question without other cue');
  }
  return { scores, evidence, matched };
}
