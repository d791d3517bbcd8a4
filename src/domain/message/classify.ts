/**
 * Intent classification of buyer messages: a character n-gram model trained in-repo
 * (`intent-model.ts`, weights in `intent-model.data.ts`) combined with native per-language lexicons
 * (`lexicons/<lng>.data.ts`, scored by `intent-lexicon.ts` in the pattern language of
 * `intent-patterns.ts`).
 *
 * The lexicon scores are added to the model logits with a weight fitted on held-out training
 * data; `intent-decision.ts` turns the result into a calibrated confidence and decides whether to
 * abstain. The label is what the buyer asks the seller to do (or the problem, when they only
 * describe one); a low confidence or a near tie abstains so a human picks the category.
 */

import { INTENT_MODEL_DATA } from '../intent-model.data.js';
import { type IntentModel, sharedIntentModel } from '../intent-model.js';
import { fold } from '../normalize.js';
import { CATEGORIES, type Category, type Language } from '../types.js';
import { abstention, decideIntent } from './intent-decision.js';
import { scoreLexicon } from './intent-lexicon.js';

export { type LexiconScores, scoreLexicon } from './intent-lexicon.js';
export { LEXICON_FINGERPRINT } from './lexicons/index.js';

/** Below this calibrated confidence the classification abstains and a human picks the category. */
export const INTENT_ABSTAIN_BELOW = INTENT_MODEL_DATA.calibration.abstainBelow;

/** Whitespace-separated chunks holding a letter or digit, counted without splitting the text. */
export function countTextWords(text: string): number {
  let words = 0;
  for (const match of text.matchAll(/\S+/gu)) if (WORD_CHAR_RE.test(match[0])) words++;
  return words;
}

const WORD_CHAR_RE = /[\p{L}\p{N}]/u;

/** Result of `classifyIntent`; `evidence` lists the matched phrases and the model's strongest words. */
export interface IntentClassification {
  category: Category;
  confidence: number;
  abstained: boolean;
  evidence: string[];
  /** Second most likely category and its probability, when there is one. */
  runnerUp?: { category: Category; confidence: number };
}

/** Words that acknowledge without asking anything: alone they carry no intent. */
const ACKNOWLEDGEMENTS = new Set(
  'ok okay oki okey k kk ack yes yep no nope si sí oui non sim nao não da net ок да нет ладно хорошо'.split(
    ' ',
  ),
);

/** Whether a message holds nothing but acknowledgements ("ok", "да"): there is no intent to score. */
export function contentFree(text: string): boolean {
  for (const match of fold(text).matchAll(/\p{L}+/gu)) if (!ACKNOWLEDGEMENTS.has(match[0])) return false;
  return true;
}

let cachedModel: IntentModel | undefined;
let cachedLabels: Category[] = [];

function intentModel(): IntentModel {
  if (cachedModel === undefined) {
    cachedModel = sharedIntentModel(INTENT_MODEL_DATA);
    cachedLabels = cachedModel.labels.map((label) => {
      if (!(CATEGORIES as readonly string[]).includes(label)) throw new Error(`unknown model label ${label}`);
      return label as Category;
    });
  }
  return cachedModel;
}

/** Labels a buyer message with the action the buyer wants, or abstains so a human decides. */
export function classifyIntent(text: string, language: Language): IntentClassification {
  if (contentFree(text)) {
    return { category: 'other', confidence: 0.2, abstained: true, evidence: ['no intent cue matched'] };
  }
  const lexicon = scoreLexicon(text, language);
  const model = intentModel();
  const { logits, features } = model.intent(text, language);
  const lexiconByLabel = cachedLabels.map((label) => lexicon.scores[label]);
  const { calibration } = INTENT_MODEL_DATA;
  const decision = decideIntent(
    { logits, lexicon: lexiconByLabel, features: features.count, language },
    calibration,
  );
  const { best, second, confidence, runnerUpConfidence } = decision;
  const category = cachedLabels[best] ?? 'other';
  const runnerUpCategory = cachedLabels[second];

  const evidence = [...lexicon.evidence];
  const words = model
    .topWords(features, best, 3)
    .map(([word, weight]) => `${word} +${weight.toFixed(2)}`)
    .join(', ');
  evidence.push(`model:${category} ${confidence}${words.length > 0 ? ` (${words})` : ''}`);
  const { abstained, tied, guess } = abstention(
    decision,
    lexiconByLabel,
    countTextWords(text),
    calibration.abstainBelow,
  );
  if (tied) evidence.push(`tie:${category}~${runnerUpCategory}`);
  if (guess) evidence.push('short:no lexicon cue');
  return {
    category,
    confidence,
    abstained,
    evidence,
    ...(runnerUpCategory === undefined
      ? {}
      : { runnerUp: { category: runnerUpCategory, confidence: runnerUpConfidence } }),
  };
}
