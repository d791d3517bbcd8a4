/** The template text rules shared by the lint, the renderer and `PUT /v1/templates`. */
import { detectLanguage } from '../message/language.js';
import { LANGUAGES, type Language } from '../types.js';
import { lookupText } from './catalogue.js';
import { DEBRIS, LEAK_WORDS, MASK, PLAIN_VAR, TEXT_INVISIBLE } from './text.js';
import {
  type Catalogue,
  FORMAT_ONLY_VARS,
  LANGUAGE_MISMATCH_CONFIDENCE,
  type LocaleResources,
  MAX_TEMPLATE_TEXT_LENGTH,
  type ReplyVarName,
  type TemplateEntry,
  type TemplateTextProblem,
  type TemplateTextValidation,
} from './types.js';

function codePoints(text: string): number {
  return [...text].length;
}

function normalizeForCompare(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function listNames(names: readonly string[]): string {
  return names.map((n) => `{{${n}}}`).join(', ');
}

/** Variables a template body must show: its required ones except those that only format another. */
function mustShow(entry: TemplateEntry): ReplyVarName[] {
  return entry.required.filter((v) => FORMAT_ONLY_VARS[v] === undefined);
}

/** The rules shared by the lint, the renderer and `PUT /v1/templates`; language detection is optional. */
export function checkTemplateText(
  entry: TemplateEntry,
  language: Language,
  text: string,
  english: string | undefined,
  detect: boolean,
): TemplateTextProblem[] {
  if (text.trim() === '') return [{ code: 'empty', message: 'The text is empty.' }];
  const problems: TemplateTextProblem[] = [];
  const length = codePoints(text);
  if (length > MAX_TEMPLATE_TEXT_LENGTH) {
    problems.push({
      code: 'too_long',
      message: `The text has ${length} characters; the limit is ${MAX_TEMPLATE_TEXT_LENGTH}.`,
    });
  }
  if (TEXT_INVISIBLE.test(text)) {
    problems.push({
      code: 'invisible_characters',
      message: 'The text contains control or invisible formatting characters; remove them.',
    });
  }
  if (/[{}]/.test(text.replace(PLAIN_VAR, ''))) {
    problems.push({
      code: 'malformed_placeholder',
      message: 'Braces are unbalanced or a placeholder is malformed; write variables as {{name}}.',
    });
  }
  if (text.includes('$t(')) {
    problems.push({ code: 'nesting_not_allowed', message: 'Nested translations ($t(...)) are not allowed.' });
  }
  const used = [...new Set([...text.matchAll(PLAIN_VAR)].map((m) => m[1] ?? ''))];
  const unknown = used.filter(
    (v) => !entry.required.includes(v as ReplyVarName) && !entry.optional.includes(v as ReplyVarName),
  );
  if (unknown.length > 0) {
    problems.push({
      code: 'unknown_variable',
      message: `${listNames(unknown)} ${unknown.length > 1 ? 'are not variables' : 'is not a variable'} of template ${entry.id}; it can use ${listNames(entry.required) || 'no variables'}.`,
    });
  }
  const optional = used.filter((v) => entry.optional.includes(v as ReplyVarName));
  if (optional.length > 0) {
    problems.push({
      code: 'optional_variable',
      message: `${listNames(optional)} may be unknown for template ${entry.id}, so the text cannot rely on it; it is added below the text automatically when known.`,
    });
  }
  const missing = mustShow(entry).filter((v) => !used.includes(v));
  if (missing.length > 0) {
    problems.push({
      code: 'missing_variable',
      message: `The text must include ${listNames(missing)}.`,
    });
  }
  const masked = text.replace(PLAIN_VAR, MASK);
  const leak = LEAK_WORDS.exec(masked);
  if (leak) {
    problems.push({
      code: 'leak_word',
      message: `The text contains "${leak[0]}", which reads as a rendering error to a buyer.`,
    });
  }
  const debris = DEBRIS.map((re) => re.exec(masked)).find((m) => m !== null);
  if (debris) {
    problems.push({
      code: 'placeholder_debris',
      message: `The text contains "${debris[0]}", which looks like an unfilled placeholder.`,
    });
  }
  if (
    language !== 'en' &&
    english !== undefined &&
    normalizeForCompare(text) === normalizeForCompare(english)
  ) {
    problems.push({
      code: 'copied_from_english',
      message: `The text is identical to the English catalogue text; translate it into ${language}.`,
    });
  }
  if (detect) {
    const detection = detectLanguage(masked);
    if (
      detection.language !== 'unknown' &&
      detection.language !== language &&
      detection.confidence >= LANGUAGE_MISMATCH_CONFIDENCE
    ) {
      problems.push({
        code: 'wrong_language',
        message: `The text reads as ${detection.language} (confidence ${detection.confidence}), not ${language}.`,
      });
    }
  }
  return problems;
}

/**
 * Checks one template text (a shop override or a catalogue text) against the catalogue rules: only the
 * template's required variables, all of them present, well-formed `{{name}}`, not empty, at most 2000
 * characters, no `$t(` nesting, no leftover placeholders, and in the target language. Pass `resources`
 * to also refuse a non-English text identical to the English catalogue text.
 */
export function validateTemplateText(
  catalogue: Catalogue,
  templateId: string,
  language: Language,
  text: string,
  resources?: LocaleResources,
): TemplateTextValidation {
  return validateAgainst(catalogue, templateId, language, text, (id) =>
    resources ? lookupText(resources.en?.replies, id) : undefined,
  );
}

export function validateAgainst(
  catalogue: Catalogue,
  templateId: string,
  language: Language,
  text: string,
  englishOf: (templateId: string) => string | undefined,
): TemplateTextValidation {
  const entry = catalogue.templates.find((t) => t.id === templateId);
  if (!entry) {
    return {
      ok: false,
      errors: [{ code: 'unknown_template', message: `There is no template ${templateId}.` }],
    };
  }
  if (!LANGUAGES.includes(language)) {
    const message = `Language ${String(language)} is not one of ${LANGUAGES.join(', ')}.`;
    return { ok: false, errors: [{ code: 'unsupported_language', message }] };
  }
  if (typeof text !== 'string')
    return { ok: false, errors: [{ code: 'empty', message: 'The text is empty.' }] };
  const errors = checkTemplateText(entry, language, text, englishOf(templateId), true);
  return errors.length === 0 ? { ok: true } : { ok: false, errors };
}
