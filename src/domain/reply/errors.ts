/** Why a reply was not rendered, each with a stable `code` the API and the activities map. */
import type { SellerLanguage } from '../shop/seller-language.js';
import type { Language } from '../types.js';
import type { TemplateTextProblem } from './types.js';

/** A template needs a variable the caller did not supply (or supplied blank); nothing was rendered. */
export class MissingTemplateVariableError extends Error {
  readonly code = 'missing_template_variable';
  readonly templateId: string;
  readonly missing: string[];

  constructor(templateId: string, missing: string[]) {
    super(`template ${templateId} is missing required variable(s): ${missing.join(', ')}`);
    this.name = 'MissingTemplateVariableError';
    this.templateId = templateId;
    this.missing = missing;
  }
}

/** A rendered text still contains `{{`, `}}`, `undefined`, `null` or `NaN`; the text is withheld. */
export class TemplateRenderLeakError extends Error {
  readonly code = 'template_render_leak';
  readonly key: string;
  readonly language: SellerLanguage;

  constructor(key: string, language: SellerLanguage, detail: string) {
    super(`rendering ${key} (${language}) leaked ${detail}`);
    this.name = 'TemplateRenderLeakError';
    this.key = key;
    this.language = language;
  }
}

/** The catalogue or locale files are inconsistent (bad entry, missing text, unknown key or template). */
export class TemplateConfigError extends Error {
  readonly code = 'template_config_invalid';

  constructor(message: string) {
    super(message);
    this.name = 'TemplateConfigError';
  }
}

/** The rendered text reads as another language than the buyer's; the text is withheld. */
export class TemplateLanguageMismatchError extends Error {
  readonly code = 'template_language_mismatch';
  readonly templateId: string;
  readonly language: Language;
  readonly detected: Language;
  readonly confidence: number;
  readonly overridden: boolean;

  constructor(
    templateId: string,
    language: Language,
    detected: Language,
    confidence: number,
    overridden: boolean,
  ) {
    super(
      `${overridden ? 'shop override of ' : ''}template ${templateId} for ${language} reads as ${detected} ` +
        `(confidence ${confidence}); the text was withheld`,
    );
    this.name = 'TemplateLanguageMismatchError';
    this.templateId = templateId;
    this.language = language;
    this.detected = detected;
    this.confidence = confidence;
    this.overridden = overridden;
  }
}

/** A shop override passed to `render` breaks the template rules (see `validateTemplateText`). */
export class TemplateOverrideError extends Error {
  readonly code = 'template_override_invalid';
  readonly templateId: string;
  readonly language: Language;
  readonly errors: TemplateTextProblem[];

  constructor(templateId: string, language: Language, errors: TemplateTextProblem[]) {
    super(
      `shop override of ${templateId} (${language}) is invalid: ${errors.map((e) => e.message).join(' ')}`,
    );
    this.name = 'TemplateOverrideError';
    this.templateId = templateId;
    this.language = language;
    this.errors = errors;
  }
}
