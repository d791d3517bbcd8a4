/** The reply renderer: buyer replies and seller-facing bot texts from one catalogue and locale set. */

import i18next, { type Resource, type ResourceLanguage } from 'i18next';
import { dateTimeFormat, listFormat } from '../intl.js';
import { detectLanguage } from '../message/language.js';
import {
  isSellerLanguage,
  SELLER_LANGUAGES,
  SELLER_ONLY_LANGUAGES,
  type SellerLanguage,
} from '../shop/seller-language.js';
import { type Category, LANGUAGES, type Language } from '../types.js';
import { parseCatalogue } from './catalogue.js';
import {
  MissingTemplateVariableError,
  TemplateConfigError,
  TemplateLanguageMismatchError,
  TemplateOverrideError,
  TemplateRenderLeakError,
} from './errors.js';
import { checkTemplateText, validateAgainst } from './lint.js';
import {
  CURRENCY_CODE,
  formatMoney,
  isRecord,
  LEAK_WORDS,
  MASK,
  PLAIN_VAR,
  sanitizeText,
  scrub,
  TRAILING_STOPS,
  templateVariables,
} from './text.js';
import {
  type Catalogue,
  FORMAT_LOCALES,
  LANGUAGE_MISMATCH_CONFIDENCE,
  type LocaleResources,
  MAX_BUYER_NAME_LENGTH,
  REPLY_FRAGMENTS,
  REPLY_PLURAL_FRAGMENTS,
  type ReplyRenderer,
  type ReplyVarName,
  type ReplyVars,
  type TemplateEntry,
} from './types.js';

type Values = Partial<Record<ReplyVarName, string>>;

/** Bound on remembered template shapes (templates x languages x sets of present values). */
const MAX_CHECKED_SHAPES = 5_000;

function interpolate(text: string, values: Values): string {
  return text.replace(PLAIN_VAR, (whole, name: string) => values[name as ReplyVarName] ?? whole);
}

/** Builds a renderer on a private synchronous i18next instance; validates all reply texts up front. */
export function createReplyRenderer(catalogue: Catalogue, resources: LocaleResources): ReplyRenderer {
  const checked = parseCatalogue(catalogue);
  const byId = new Map<string, TemplateEntry>();
  /** Template x language x present values whose masked skeleton passed the checks. */
  const checkedShapes = new Set<string>();
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
        values.items = listFormat(FORMAT_LOCALES[lng], {
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
        values.lastCheckpointAt = dateTimeFormat(FORMAT_LOCALES[lng], {
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
      // The skeleton depends only on the template, the language and which values are present: a
      // vetted template (no override) that passed once with these passes again, so its check
      // (a second composition and a language detection) runs once per shape, not per reply.
      const shape = overridden
        ? undefined
        : `${entry.id}\u0000${language}\u0000${Object.keys(values).sort().join(',')}`;
      if (shape !== undefined && checkedShapes.has(shape)) {
        return { templateId: entry.id, templateVersion: checked.version, text, overridden };
      }
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
      if (shape !== undefined) {
        if (checkedShapes.size >= MAX_CHECKED_SHAPES) checkedShapes.clear();
        checkedShapes.add(shape);
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
