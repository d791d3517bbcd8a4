/** The reply catalogue's vocabulary: variables, entries, locale bundles and the renderer port. */
import type { SellerLanguage, SellerOnlyLanguage } from '../shop/seller-language.js';
import type { Category, Language } from '../types.js';

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

/** Coupon policies a template can carry: `stall_compensation` templates offer a delay coupon. */
export const COUPON_POLICIES = ['none', 'stall_compensation'] as const;

/** Coupon policy of a template. */
export type CouponPolicy = (typeof COUPON_POLICIES)[number];

/** Variables every `stall_compensation` template requires and no other template may use. */
export const COUPON_VARS: readonly ReplyVarName[] = ['couponCode', 'couponValue', 'couponCurrency'];

/**
 * Variables a template may list as optional: the renderer appends a sentence for each when known
 * (every variable but the day count and the coupon's, which only a template's own text can show).
 */
export const APPENDABLE_VARS: readonly ReplyVarName[] = REPLY_VAR_NAMES.filter(
  (name) => name !== 'daysSinceUpdate' && !COUPON_VARS.includes(name),
);

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
