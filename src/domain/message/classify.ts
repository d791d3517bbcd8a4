/**
 * Intent classification of buyer messages: a character n-gram model trained in-repo
 * (`intent-model.ts`, weights in `intent-model.data.ts`) combined with native per-language lexicons
 * (`lexicons/<lng>.data.ts`, scored by `intent-lexicon.ts` in the pattern language of
 * `intent-patterns.ts`).
 *
 * The lexicon scores are added to the model logits with a weight fitted on held-out training
 * data, and a temperature-scaled softmax gives a calibrated confidence. The label is what the
 * buyer asks the seller to do (or the problem, when they only describe one); a low confidence or a
 * near tie abstains so a human picks the category.
 */

import { INTENT_MODEL_DATA } from '../intent-model.data.js';
import { type IntentModel, sharedIntentModel } from '../intent-model.js';
import { fold } from '../normalize.js';
import { CATEGORIES, type Category, type Language } from '../types.js';
import { applyIsotonic, softmax } from './calibration.js';
import { scoreLexicon } from './intent-lexicon.js';

export { type LexiconScores, scoreLexicon } from './intent-lexicon.js';
export { LEXICON_FINGERPRINT } from './lexicons/index.js';

/** Below this calibrated confidence the classification abstains and a human picks the category. */
export const INTENT_ABSTAIN_BELOW = INTENT_MODEL_DATA.calibration.abstainBelow;

/** The runner-up counts as a tie (and the classification abstains) at this share of the winner. */
const TIE_RATIO = 0.85;
/** A lexicon score this high is an explicit cue ("refund", "exchange"). */
const STRONG_CUE = 2;
/** Below this lexicon score a short message's category is only the model's guess. */
const WEAK_CUE = 1.5;
/** A lexicon tie only counts when the model also gives the runner-up this much probability. */
const LEXICON_TIE_MIN_P = 0.2;

/** Whitespace-separated chunks holding a letter or digit, counted without splitting the text. */
function countWords(text: string): number {
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

function contentFree(text: string): boolean {
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

const round3 = (value: number): number => Math.round(value * 1000) / 1000;

/** Labels a buyer message with the action the buyer wants, or abstains so a human decides. */
export function classifyIntent(text: string, language: Language): IntentClassification {
  if (contentFree(text)) {
    return { category: 'other', confidence: 0.2, abstained: true, evidence: ['no intent cue matched'] };
  }
  const lexicon = scoreLexicon(text, language);
  const model = intentModel();
  const { logits, features } = model.intent(text, language);
  const { temperature, lexiconWeight, abstainBelow, isotonic } = INTENT_MODEL_DATA.calibration;
  const combined = new Float64Array(logits.length);
  for (let i = 0; i < logits.length; i++) {
    const label = cachedLabels[i];
    combined[i] = (logits[i] ?? 0) + (label === undefined ? 0 : lexiconWeight * lexicon.scores[label]);
  }
  const probabilities = softmax(combined, temperature);
  let best = 0;
  let second = -1;
  for (let i = 1; i < probabilities.length; i++) {
    if ((probabilities[i] ?? 0) > (probabilities[best] ?? 0)) {
      second = best;
      best = i;
    } else if (second < 0 || (probabilities[i] ?? 0) > (probabilities[second] ?? 0)) {
      second = i;
    }
  }
  const category = cachedLabels[best] ?? 'other';
  // The calibrated confidence: the accuracy observed out-of-fold at this probability.
  const confidence = round3(applyIsotonic(probabilities[best] ?? 0, isotonic));
  const runnerUpCategory = cachedLabels[second];
  // The runner-up keeps its share of the winner's probability, on the calibrated scale.
  const runnerUpConfidence = round3(
    (probabilities[best] ?? 0) > 0
      ? (confidence * (probabilities[second] ?? 0)) / (probabilities[best] ?? 1)
      : 0,
  );

  const evidence = [...lexicon.evidence];
  const words = model
    .topWords(features, best, 3)
    .map(([word, weight]) => `${word} +${weight.toFixed(2)}`)
    .join(', ');
  evidence.push(`model:${category} ${confidence}${words.length > 0 ? ` (${words})` : ''}`);
  // A near tie of the probabilities, or of the lexicon between the model's two favourites
  // ("refund or exchange?"): the buyer has not decided, a human should read it.
  const lexTop = lexicon.scores[category];
  const lexSecond = runnerUpCategory === undefined ? 0 : lexicon.scores[runnerUpCategory];
  const lexiconTie =
    runnerUpConfidence >= LEXICON_TIE_MIN_P && lexSecond >= STRONG_CUE && lexSecond >= TIE_RATIO * lexTop;
  const tied = runnerUpCategory !== undefined && (runnerUpConfidence >= TIE_RATIO * confidence || lexiconTie);
  if (tied) evidence.push(`tie:${category}~${runnerUpCategory}`);
  // One or two words with no real lexicon cue for the winner are a guess, however sure the model is.
  const guess = countWords(text) <= 2 && lexTop < WEAK_CUE;
  if (guess) evidence.push('short:no lexicon cue');
  const abstained = confidence < abstainBelow || tied || guess;
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
