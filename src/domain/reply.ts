import i18next, { type Resource, type ResourceLanguage } from 'i18next';
import { detectLanguage } from './language.js';
import {
  isSellerLanguage,
  SELLER_LANGUAGES,
  SELLER_ONLY_LANGUAGES,
  type SellerLanguage,
  type SellerOnlyLanguage,
} from './seller-language.js';
import { CATEGORIES, type Category, LANGUAGES, type Language } from './types.js';

/** Values a reply template may interpolate; all buyer-facing, all treated as plain text. */
export interface ReplyVars {
  orderId: string;
  buyerName?: string;
  trackingNumber?: string;
  carrier?: string;
  items?: string[];
  total?: number;
  currency?: string;
  /** Whole days since the last tracking progress; rendered as a plural phrase ("5 days", "5 дней"). */
  daysSinceUpdate?: number;
  /** The carrier's description of the last checkpoint, as received. */
  lastCheckpoint?: string;
  /** ISO 8601 time of the last checkpoint; shown as a date (UTC) next to `lastCheckpoint`. */
  lastCheckpointAt?: string;
  couponCode?: string;
  couponValue?: number;
  couponCurrency?: string;
  pickupLocation?: string;
  /** The seller's return warehouse address (not buyer PII). */
  returnAddress?: string;
}

/** Name of a variable a template can declare as required or optional. */
export type ReplyVarName = keyof ReplyVars;

/** Every variable name a catalogue entry may list. */
export const REPLY_VAR_NAMES: readonly ReplyVarName[] = [
  'orderId',
  'buyerName',
  'trackingNumber',
  'carrier',
  'items',
  'total',
  'currency',
  'daysSinceUpdate',
  'lastCheckpoint',
  'lastCheckpointAt',
  'couponCode',
  'couponValue',
  'couponCurrency',
  'pickupLocation',
  'returnAddress',
];

/** Variables that only format another one (currency -> total); a text need not show them itself. */
export const FORMAT_ONLY_VARS: Readonly<Partial<Record<ReplyVarName, ReplyVarName>>> = {
  currency: 'total',
  couponCurrency: 'couponValue',
};

/** Variables a template may list as optional: the renderer appends a sentence for each when known. */
export const APPENDABLE_VARS: readonly ReplyVarName[] = [
  'orderId',
  'buyerName',
  'trackingNumber',
  'carrier',
  'items',
  'total',
  'currency',
  'lastCheckpoint',
  'lastCheckpointAt',
  'pickupLocation',
  'returnAddress',
];

/** Coupon policies a template can carry: `stall_compensation` templates offer a delay coupon. */
export const COUPON_POLICIES = ['none', 'stall_compensation'] as const;

/** Coupon policy of a template. */
export type CouponPolicy = (typeof COUPON_POLICIES)[number];

/** Variables every `stall_compensation` template requires and no other template may use. */
export const COUPON_VARS: readonly ReplyVarName[] = ['couponCode', 'couponValue', 'couponCurrency'];

/** Template id prefix of logistics scenarios (the others start with their category). */
export const LOGISTICS_GROUP = 'logistics';

/** One entry of `templates/catalogue.json`. */
export interface TemplateEntry {
  id: string;
  /** Catalogue version in which this entry (metadata or any of its texts) last changed. */
  version: number;
  category: Category;
  required: ReplyVarName[];
  optional: ReplyVarName[];
  autoSend: boolean;
  coupon: CouponPolicy;
}

/** The versioned template catalogue (`templates/catalogue.json`). */
export interface Catalogue {
  version: number;
  templates: TemplateEntry[];
}

/** Catalogue metadata of one template, as `GET /v1/templates` shows it. */
export interface TemplateInfo extends TemplateEntry {
  /** Version of the whole catalogue, recorded on drafts as `templateVersion`. */
  catalogueVersion: number;
  /** True for `<category>.default`, the template used when no id is given. */
  isDefault: boolean;
}

/** The i18next namespaces of one language, as parsed from `locales/<lng>/<ns>.json`. */
export interface LocaleBundle {
  replies: Record<string, unknown>;
  bot: Record<string, unknown>;
}

/** The seller-facing namespace of a language sellers read but buyers are not answered in (zh-CN). */
export interface SellerBundle {
  bot: Record<string, unknown>;
}

/**
 * Locale JSON for every buyer language (language -> namespace -> parsed JSON), plus the `bot`
 * namespace of the seller-only languages (`zh-CN`); without it `t('zh-CN', ...)` throws.
 */
export type LocaleResources = Record<Language, LocaleBundle> &
  Partial<Record<SellerOnlyLanguage, SellerBundle>>;

/** Shared `replies` fragments around the body, with their variables (each appended only when known). */
export const REPLY_FRAGMENTS: Readonly<Record<string, readonly ReplyVarName[]>> = {
  greeting_named: ['buyerName'],
  greeting: [],
  signoff: [],
  tracking: ['trackingNumber'],
  tracking_carrier: ['trackingNumber', 'carrier'],
  order_reference: ['orderId'],
  items: ['items'],
  order_total: ['total'],
  last_checkpoint: ['lastCheckpoint'],
  last_checkpoint_dated: ['lastCheckpoint', 'lastCheckpointAt'],
  pickup_location: ['pickupLocation'],
  return_address: ['returnAddress'],
  return_address_pending: [],
};

/** Plural `replies` fragments (`<key>_one`, `_few`, ... per CLDR) whose only variable is `{{count}}`. */
export const REPLY_PLURAL_FRAGMENTS: readonly string[] = ['days'];

/** Intl locale for money, dates and lists per buyer language (`es`, `pt-BR`: one neutral style each). */
export const FORMAT_LOCALES: Readonly<Record<Language, string>> = {
  en: 'en',
  es: 'es',
  fr: 'fr',
  ru: 'ru',
  pt: 'pt-BR',
};

/** Longest buyer name (in grapheme clusters) put into a greeting; longer names are cut. */
export const MAX_BUYER_NAME_LENGTH = 60;

/** Longest template text (in code points) a catalogue entry or a shop override may have. */
export const MAX_TEMPLATE_TEXT_LENGTH = 2000;

/** A rendered text detected as another language with at least this confidence is withheld. */
export const LANGUAGE_MISMATCH_CONFIDENCE = 0.8;

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

/** Why a template text was refused; stable codes for the API and the lint. */
export type TemplateTextErrorCode =
  | 'unknown_template'
  | 'unsupported_language'
  | 'empty'
  | 'too_long'
  | 'invisible_characters'
  | 'malformed_placeholder'
  | 'nesting_not_allowed'
  | 'unknown_variable'
  | 'optional_variable'
  | 'missing_variable'
  | 'leak_word'
  | 'placeholder_debris'
  | 'copied_from_english'
  | 'wrong_language';

/** One refused aspect of a template text, with a sentence a seller can act on. */
export interface TemplateTextProblem {
  code: TemplateTextErrorCode;
  message: string;
}

/** Result of {@link validateTemplateText}. */
export type TemplateTextValidation = { ok: true } | { ok: false; errors: TemplateTextProblem[] };

/** Input of {@link ReplyRenderer.render}. */
export interface RenderInput {
  /** The ticket's category; picks `<category>.default` when no templateId is given. */
  category: Category;
  language: Language;
  vars: ReplyVars;
  /** A catalogue scenario such as `logistics.stall_apology`; wins over `category`. */
  templateId?: string;
  /** The shop's saved override of this template in this language; replaces the catalogue body. */
  overrideText?: string;
}

/** Output of {@link ReplyRenderer.render}: the text plus what produced it, for audit. */
export interface RenderedReply {
  templateId: string;
  /** The catalogue version (bumped by every catalogue or text change). */
  templateVersion: number;
  text: string;
  /** True when the shop's override text was used for the body. */
  overridden: boolean;
}

/** Renders buyer replies and seller-facing bot texts from one catalogue + locale set. */
export interface ReplyRenderer {
  /** Buyer reply in the buyer's language; throws instead of returning a broken or wrong-language text. */
  render(input: RenderInput): RenderedReply;
  /** Seller-facing text from the `bot` namespace (key like `card.header`); plurals via `count`. */
  t(language: SellerLanguage, key: string, options?: Record<string, unknown>): string;
  /** {@link validateTemplateText} against this renderer's catalogue and texts (copies of English included). */
  validate(templateId: string, language: Language, text: string): TemplateTextValidation;
}

const VAR_PATTERN = /\{\{\s*(?:-\s*)?([^{}\s,]+)(?:[\s,][^{}]*)?\}\}/g;
const PLAIN_VAR = /\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}/g;
const LEAK_WORDS = /\bundefined\b|\bnull\b|\bNaN\b/;
// Line breaks and tabs become spaces; other C0/C1 controls and invisible bidi/format marks go away.
const LINE_BREAKING = /[\t\n\v\f\r\u0085\u2028\u2029]/g;
const INVISIBLE = /[\p{Cc}\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/gu;
// In template texts line breaks and tabs are fine; other controls and invisible marks are not.
const TEXT_INVISIBLE = /[^\P{Cc}\t\n\r]|[\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/u;
const DEBRIS = [
  /\[(?:[A-Z0-9][A-Z0-9 _-]{2,}|(?:your|insert|enter|name|product)\b[^\]\n]*)\]/i,
  /\blorem ipsum\b/i,
  /\b(?:TODO|TBD|FIXME|XXX)\b/,
  /%[sd]\b|\$\{/,
];
const BOGUS_VALUES = new Set(['undefined', 'null', 'NaN']);
const CURRENCY_CODE = /^[A-Za-z]{3}$/;
const TRAILING_STOPS = /(?<![\s.。])[\s.。]+$/u;
// Stand-in for every variable value when checking what the templates themselves produced.
const MASK = '\u2022';

/** Variable names referenced as `{{name}}` in an i18next string. */
export function templateVariables(text: string): string[] {
  const names = new Set<string>();
  for (const match of text.matchAll(VAR_PATTERN)) {
    if (match[1] !== undefined) names.add(match[1]);
  }
  return [...names];
}

/** Plain-text cleanup of a value (no controls, bidi marks or `{{`); undefined if blank or `undefined`/`null`/`NaN`. */
export function sanitizeText(value: string, maxGraphemes?: number): string | undefined {
  let text = scrub(value);
  if (maxGraphemes !== undefined) text = truncateGraphemes(text, maxGraphemes);
  if (text === '' || BOGUS_VALUES.has(text)) return undefined;
  return text;
}

/** Money in the buyer language's style (`1 234,50 €`, `R$ 12,00`); throws RangeError for a malformed code. */
export function formatMoney(value: number, currency: string, language: Language): string {
  return new Intl.NumberFormat(FORMAT_LOCALES[language], {
    style: 'currency',
    currency: currency.trim().toUpperCase(),
  }).format(value);
}

function scrub(value: string): string {
  return (
    value
      .replace(LINE_BREAKING, ' ')
      .replace(INVISIBLE, '')
      // A lone no-break space (as Intl puts in `4,50 €`) stays; any other run becomes one space.
      .replace(/\s+/g, (run) => (run === '\u00a0' || run === '\u202f' ? run : ' '))
      .replace(/\{{2,}/g, '{')
      .replace(/\}{2,}/g, '}')
      .trim()
  );
}

const GRAPHEMES = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** The first `max` graphemes. Stops reading after them: V8 takes quadratic time to list all the
 * segments of a long text (20k characters: seconds), so never spread the whole iterator. */
function truncateGraphemes(text: string, max: number): string {
  let count = 0;
  let end = 0;
  for (const segment of GRAPHEMES.segment(text)) {
    if (count === max) return text.slice(0, end).trimEnd();
    count++;
    end = segment.index + segment.segment.length;
  }
  return text;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isVarName(value: unknown): value is ReplyVarName {
  return typeof value === 'string' && (REPLY_VAR_NAMES as readonly string[]).includes(value);
}

function isCouponPolicy(value: unknown): value is CouponPolicy {
  return typeof value === 'string' && (COUPON_POLICIES as readonly string[]).includes(value);
}

function groupOf(id: string): string {
  return id.slice(0, id.indexOf('.'));
}

/** Validates parsed `catalogue.json` (shape, variable rules, coupon policy, a default per category); throws TemplateConfigError. */
export function parseCatalogue(value: unknown): Catalogue {
  const fail = (msg: string): never => {
    throw new TemplateConfigError(`catalogue: ${msg}`);
  };
  if (!isRecord(value)) return fail('not an object');
  const { version, templates } = value;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return fail('version must be a positive integer');
  }
  if (!Array.isArray(templates)) return fail('templates must be an array');
  const seen = new Set<string>();
  const parsed = templates.map((raw, i): TemplateEntry => {
    if (!isRecord(raw)) return fail(`templates[${i}] is not an object`);
    const { id, category, required, optional, autoSend, coupon } = raw;
    if (typeof id !== 'string' || !/^[a-z_]+\.[a-z_]+$/.test(id))
      return fail(`templates[${i}].id is invalid`);
    if (seen.has(id)) return fail(`duplicate template id ${id}`);
    seen.add(id);
    const entryVersion = raw.version;
    if (
      typeof entryVersion !== 'number' ||
      !Number.isInteger(entryVersion) ||
      entryVersion < 1 ||
      entryVersion > version
    ) {
      return fail(`${id}: version must be an integer from 1 to the catalogue version ${version}`);
    }
    if (typeof category !== 'string' || !(CATEGORIES as readonly string[]).includes(category)) {
      return fail(`${id}: unknown category ${String(category)}`);
    }
    const group = groupOf(id);
    if (group !== category && group !== LOGISTICS_GROUP) {
      return fail(`${id}: id must start with its category or "${LOGISTICS_GROUP}."`);
    }
    if (id.endsWith('.default') && group !== category)
      return fail(`${id}: a default must be <category>.default`);
    if (!Array.isArray(required) || !required.every(isVarName)) return fail(`${id}: bad required list`);
    if (!Array.isArray(optional) || !optional.every(isVarName)) return fail(`${id}: bad optional list`);
    const both = required.filter((v) => optional.includes(v));
    if (both.length > 0) return fail(`${id}: ${both.join(', ')} both required and optional`);
    const notAppendable = optional.filter((v) => !APPENDABLE_VARS.includes(v));
    if (notAppendable.length > 0) {
      return fail(
        `${id}: ${notAppendable.join(', ')} cannot be optional (no sentence shows them); make them required`,
      );
    }
    for (const [formatter, target] of Object.entries(FORMAT_ONLY_VARS) as [ReplyVarName, ReplyVarName][]) {
      for (const list of [required, optional]) {
        if (list.includes(formatter) !== list.includes(target)) {
          return fail(`${id}: ${formatter} and ${target} must be listed together`);
        }
      }
    }
    if (optional.includes('carrier') && !optional.includes('trackingNumber')) {
      return fail(`${id}: an optional carrier needs an optional trackingNumber`);
    }
    if (optional.includes('lastCheckpointAt') && !optional.includes('lastCheckpoint')) {
      return fail(`${id}: lastCheckpointAt needs an optional lastCheckpoint`);
    }
    if (typeof autoSend !== 'boolean') return fail(`${id}: autoSend must be a boolean`);
    if (!isCouponPolicy(coupon)) return fail(`${id}: coupon must be one of ${COUPON_POLICIES.join(', ')}`);
    const couponVars = [...required, ...optional].filter((v) => COUPON_VARS.includes(v));
    if (coupon === 'stall_compensation' && !COUPON_VARS.every((v) => required.includes(v))) {
      return fail(`${id}: a stall_compensation template requires ${COUPON_VARS.join(', ')}`);
    }
    if (coupon === 'none' && couponVars.length > 0) {
      return fail(`${id}: ${couponVars.join(', ')} need coupon "stall_compensation"`);
    }
    return {
      id,
      version: entryVersion,
      category: category as Category,
      required,
      optional,
      autoSend,
      coupon,
    };
  });
  for (const category of CATEGORIES) {
    if (!seen.has(`${category}.default`)) fail(`category ${category} has no ${category}.default template`);
  }
  return { version, templates: parsed };
}

/** Catalogue metadata for every template, in catalogue order (for `GET /v1/templates`). */
export function listTemplates(catalogue: Catalogue): TemplateInfo[] {
  return catalogue.templates.map((entry) => ({
    ...entry,
    required: [...entry.required],
    optional: [...entry.optional],
    catalogueVersion: catalogue.version,
    isDefault: entry.id === `${entry.category}.default`,
  }));
}

function lookupText(replies: unknown, templateId: string): string | undefined {
  let node: unknown = replies;
  for (const part of templateId.split('.')) {
    if (!isRecord(node)) return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/** The catalogue body text of a template in one language (what an override replaces); throws TemplateConfigError. */
export function catalogueText(resources: LocaleResources, templateId: string, language: Language): string {
  const text = lookupText(resources[language]?.replies, templateId);
  if (text === undefined)
    throw new TemplateConfigError(`locale ${language}: replies.${templateId} is missing`);
  return text;
}

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
function checkTemplateText(
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

function validateAgainst(
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

type Values = Partial<Record<ReplyVarName, string>>;

function interpolate(text: string, values: Values): string {
  return text.replace(PLAIN_VAR, (whole, name: string) => values[name as ReplyVarName] ?? whole);
}

/** Builds a renderer on a private synchronous i18next instance; validates all reply texts up front. */
export function createReplyRenderer(catalogue: Catalogue, resources: LocaleResources): ReplyRenderer {
  const checked = parseCatalogue(catalogue);
  const byId = new Map<string, TemplateEntry>();
  const byCategory = new Map<Category, TemplateEntry>();
  for (const entry of checked.templates) {
    byId.set(entry.id, entry);
    if (entry.id === `${entry.category}.default`) byCategory.set(entry.category, entry);
  }

  const store: Resource = {};
  for (const lng of LANGUAGES) {
    const bundle = resources[lng];
    if (!bundle || !isRecord(bundle.replies) || !isRecord(bundle.bot)) {
      throw new TemplateConfigError(`locale ${lng}: replies and bot namespaces are required`);
    }
    // Private copy: later mutation of the caller's objects must not change rendered texts.
    store[lng] = JSON.parse(JSON.stringify(bundle)) as ResourceLanguage;
  }
  for (const lng of SELLER_ONLY_LANGUAGES) {
    const bundle = resources[lng];
    if (bundle === undefined) continue;
    if (!isRecord(bundle.bot))
      throw new TemplateConfigError(`locale ${lng}: the bot namespace must be an object`);
    store[lng] = JSON.parse(JSON.stringify({ bot: bundle.bot })) as ResourceLanguage;
  }

  const i18n = i18next.createInstance();
  void i18n.init({
    resources: store,
    lng: 'en',
    fallbackLng: false,
    supportedLngs: [...SELLER_LANGUAGES],
    ns: ['replies', 'bot'],
    defaultNS: 'replies',
    nsSeparator: false,
    keySeparator: '.',
    initAsync: false,
    returnNull: false,
    returnEmptyString: false,
    returnObjects: false,
    interpolation: { escapeValue: false },
  });
  if (!i18n.isInitialized) throw new TemplateConfigError('i18next did not initialise synchronously');

  const rawText = (lng: Language, ns: 'replies' | 'bot', key: string): unknown =>
    i18n.getResource(lng, ns, key);
  const englishOf = (templateId: string): string | undefined => {
    const text = rawText('en', 'replies', templateId);
    return typeof text === 'string' ? text : undefined;
  };

  // Up-front validation of every text the renderer can reach.
  for (const lng of LANGUAGES) {
    for (const [key, allowed] of Object.entries(REPLY_FRAGMENTS)) {
      const text = rawText(lng, 'replies', key);
      if (typeof text !== 'string' || text.trim() === '') {
        throw new TemplateConfigError(`locale ${lng}: replies.${key} is missing or empty`);
      }
      const extra = templateVariables(text).filter((v) => !allowed.includes(v as ReplyVarName));
      if (extra.length > 0) throw new TemplateConfigError(`${lng} replies.${key} uses ${extra.join(', ')}`);
    }
    for (const key of REPLY_PLURAL_FRAGMENTS) {
      for (const form of new Intl.PluralRules(lng).resolvedOptions().pluralCategories) {
        const text = rawText(lng, 'replies', `${key}_${form}`);
        if (typeof text !== 'string' || text.trim() === '') {
          throw new TemplateConfigError(`locale ${lng}: replies.${key}_${form} is missing or empty`);
        }
        if (templateVariables(text).join() !== 'count') {
          throw new TemplateConfigError(`${lng} replies.${key}_${form} must use exactly {{count}}`);
        }
      }
    }
    for (const entry of checked.templates) {
      const text = rawText(lng, 'replies', entry.id);
      if (typeof text !== 'string' || text.trim() === '') {
        throw new TemplateConfigError(`locale ${lng}: replies.${entry.id} is missing or empty`);
      }
      const problems = checkTemplateText(entry, lng, text, englishOf(entry.id), false);
      if (problems.length > 0) {
        throw new TemplateConfigError(`${lng} ${entry.id}: ${problems.map((p) => p.message).join(' ')}`);
      }
    }
  }

  const translate = (lng: Language, key: string, values: Values): string => {
    const out: unknown = i18n.t(key, { lng, ns: 'replies', replace: values, nest: false });
    if (typeof out !== 'string')
      throw new TemplateConfigError(`${lng} replies.${key} did not resolve to text`);
    return out;
  };

  const compose = (entry: TemplateEntry, lng: Language, values: Values, body: string): string => {
    const shown = (name: ReplyVarName): boolean =>
      entry.optional.includes(name) && values[name] !== undefined;
    const paragraphs: string[] = [];
    paragraphs.push(
      values.buyerName !== undefined && (shown('buyerName') || entry.required.includes('buyerName'))
        ? translate(lng, 'greeting_named', values)
        : translate(lng, 'greeting', values),
    );
    paragraphs.push(body);
    const refs: string[] = [];
    if (shown('orderId')) refs.push(translate(lng, 'order_reference', values));
    if (shown('items')) refs.push(translate(lng, 'items', values));
    if (shown('total')) refs.push(translate(lng, 'order_total', values));
    if (shown('trackingNumber')) {
      refs.push(translate(lng, shown('carrier') ? 'tracking_carrier' : 'tracking', values));
    }
    if (shown('lastCheckpoint')) {
      refs.push(
        translate(lng, shown('lastCheckpointAt') ? 'last_checkpoint_dated' : 'last_checkpoint', values),
      );
    }
    if (shown('pickupLocation')) refs.push(translate(lng, 'pickup_location', values));
    if (refs.length > 0) paragraphs.push(refs.join(' '));
    if (entry.optional.includes('returnAddress')) {
      paragraphs.push(
        translate(lng, shown('returnAddress') ? 'return_address' : 'return_address_pending', values),
      );
    }
    paragraphs.push(translate(lng, 'signoff', values));
    return paragraphs.join('\n\n');
  };

  const prepare = (vars: ReplyVars, lng: Language): Values => {
    const values: Values = {};
    const put = (name: ReplyVarName, raw: unknown, max?: number, trimStops = false): void => {
      if (typeof raw !== 'string') return;
      let clean = sanitizeText(raw, max);
      if (clean !== undefined && trimStops) clean = sanitizeText(clean.replace(TRAILING_STOPS, ''));
      if (clean !== undefined) values[name] = clean;
    };
    const currencyOf = (raw: unknown): string | undefined =>
      typeof raw === 'string' && CURRENCY_CODE.test(raw.trim()) ? raw.trim().toUpperCase() : undefined;
    put('orderId', vars.orderId);
    put('buyerName', vars.buyerName, MAX_BUYER_NAME_LENGTH);
    put('trackingNumber', vars.trackingNumber);
    put('carrier', vars.carrier);
    put('lastCheckpoint', vars.lastCheckpoint, 200, true);
    put('pickupLocation', vars.pickupLocation, 300, true);
    put('returnAddress', vars.returnAddress, 300);
    put('couponCode', vars.couponCode, 64);
    if (Array.isArray(vars.items)) {
      const items = vars.items
        .map((item) => (typeof item === 'string' ? sanitizeText(item) : undefined))
        .filter((item): item is string => item !== undefined);
      if (items.length > 0) {
        values.items = new Intl.ListFormat(FORMAT_LOCALES[lng], {
          style: 'long',
          type: 'conjunction',
        }).format(items);
      }
    }
    const currency = currencyOf(vars.currency);
    if (currency !== undefined) {
      values.currency = currency;
      if (typeof vars.total === 'number' && Number.isFinite(vars.total)) {
        values.total = formatMoney(vars.total, currency, lng);
      }
    }
    const couponCurrency = currencyOf(vars.couponCurrency);
    if (couponCurrency !== undefined) {
      values.couponCurrency = couponCurrency;
      // A coupon worth nothing is not an offer: treat it as missing.
      if (typeof vars.couponValue === 'number' && Number.isFinite(vars.couponValue) && vars.couponValue > 0) {
        values.couponValue = formatMoney(vars.couponValue, couponCurrency, lng);
      }
    }
    const days = vars.daysSinceUpdate;
    if (typeof days === 'number' && Number.isFinite(days) && days >= 0) {
      values.daysSinceUpdate = i18n.t('days', { lng, ns: 'replies', count: Math.floor(days) });
    }
    if (values.lastCheckpoint !== undefined && typeof vars.lastCheckpointAt === 'string') {
      const at = new Date(vars.lastCheckpointAt.trim());
      if (!Number.isNaN(at.getTime())) {
        values.lastCheckpointAt = new Intl.DateTimeFormat(FORMAT_LOCALES[lng], {
          dateStyle: 'long',
          timeZone: 'UTC',
        }).format(at);
      }
    }
    return values;
  };

  const assertNoBraces = (text: string, key: string, lng: SellerLanguage): void => {
    if (text.includes('{{') || text.includes('}}'))
      throw new TemplateRenderLeakError(key, lng, 'a {{placeholder}}');
  };

  const entryFor = (templateId: string | undefined, category: Category): TemplateEntry => {
    const entry = templateId !== undefined ? byId.get(templateId) : byCategory.get(category);
    if (!entry) {
      throw new TemplateConfigError(
        templateId !== undefined
          ? `no template ${templateId}`
          : `no template for category ${String(category)}`,
      );
    }
    return entry;
  };

  return {
    render({ category, language, vars, templateId, overrideText }) {
      const entry = entryFor(templateId, category);
      if (!LANGUAGES.includes(language))
        throw new TemplateConfigError(`unsupported language ${String(language)}`);
      const values = prepare(vars, language);
      const missing = entry.required.filter((name) => values[name] === undefined);
      if (missing.length > 0) throw new MissingTemplateVariableError(entry.id, missing);

      const override = overrideText;
      const overridden = override !== undefined;
      if (override !== undefined) {
        const problems = checkTemplateText(entry, language, override, englishOf(entry.id), false);
        if (problems.length > 0) throw new TemplateOverrideError(entry.id, language, problems);
      }
      const body = (vals: Values): string =>
        override !== undefined ? interpolate(override.trim(), vals) : translate(language, entry.id, vals);

      const text = compose(entry, language, values, body(values));
      assertNoBraces(text, entry.id, language);
      // Check what the templates produced with every value masked, so a buyer legitimately named
      // "null" or an item called "NaN bread" does not block the reply, but a template bug does.
      const masked: Values = {};
      for (const name of Object.keys(values) as ReplyVarName[]) masked[name] = MASK;
      const skeleton = compose(entry, language, masked, body(masked));
      assertNoBraces(skeleton, entry.id, language);
      const word = LEAK_WORDS.exec(skeleton);
      if (word) throw new TemplateRenderLeakError(entry.id, language, `"${word[0]}"`);
      // The language check also runs on the skeleton: product names, carrier checkpoints and buyer
      // names are often in another language, and they must not block a correct template.
      const detection = detectLanguage(skeleton);
      if (
        detection.language !== 'unknown' &&
        detection.language !== language &&
        detection.confidence >= LANGUAGE_MISMATCH_CONFIDENCE
      ) {
        throw new TemplateLanguageMismatchError(
          entry.id,
          language,
          detection.language,
          detection.confidence,
          overridden,
        );
      }

      return { templateId: entry.id, templateVersion: checked.version, text, overridden };
    },

    t(language, key, options = {}) {
      if (!isSellerLanguage(language))
        throw new TemplateConfigError(`unsupported language ${String(language)}`);
      const data: Record<string, unknown> = {};
      for (const [name, value] of Object.entries(options)) {
        if (value === undefined || value === null || (typeof value === 'number' && !Number.isFinite(value))) {
          throw new TemplateRenderLeakError(`bot.${key}`, language, `option ${name}=${String(value)}`);
        }
        data[name] = typeof value === 'string' ? scrub(value) : value;
      }
      const opts = { ...data, lng: language, ns: 'bot', nest: false };
      if (!i18n.exists(key, opts)) throw new TemplateConfigError(`bot.${key} does not exist for ${language}`);
      const out: unknown = i18n.t(key, opts);
      if (typeof out !== 'string') throw new TemplateConfigError(`bot.${key} did not resolve to text`);
      assertNoBraces(out, `bot.${key}`, language);
      return out;
    },

    validate(templateId, language, text) {
      return validateAgainst(checked, templateId, language, text, englishOf);
    },
  };
}
