import { LANGUAGES, type Language } from '../types.js';

/**
 * Languages sellerdesk speaks to sellers (cards, commands, digest, listing reports, CLI): the five
 * buyer languages plus Simplified Chinese. Buyer replies stay in the five buyer languages.
 */
export const SELLER_LANGUAGES = [...LANGUAGES, 'zh-CN'] as const;
export type SellerLanguage = (typeof SELLER_LANGUAGES)[number];

/** Seller languages that are not buyer languages (they have no reply texts). */
export const SELLER_ONLY_LANGUAGES = ['zh-CN'] as const satisfies readonly SellerLanguage[];
export type SellerOnlyLanguage = (typeof SELLER_ONLY_LANGUAGES)[number];

/** Intl locale for dates and numbers in seller-facing texts (`pt`: Brazilian style). */
export const SELLER_FORMAT_LOCALES: Readonly<Record<SellerLanguage, string>> = {
  en: 'en',
  es: 'es',
  fr: 'fr',
  ru: 'ru',
  pt: 'pt-BR',
  'zh-CN': 'zh-CN',
};

/** The short code a seller types (`/lang zh`); the same as the language for the buyer languages. */
export const SELLER_LANGUAGE_CODES: Readonly<Record<SellerLanguage, string>> = {
  en: 'en',
  es: 'es',
  fr: 'fr',
  ru: 'ru',
  pt: 'pt',
  'zh-CN': 'zh',
};

/** Type guard for values read back from storage or the API. */
export function isSellerLanguage(value: unknown): value is SellerLanguage {
  return typeof value === 'string' && (SELLER_LANGUAGES as readonly string[]).includes(value);
}

// A language tag as Telegram (`zh-hans`), Slack (`zh-CN`), browsers and POSIX (`zh_CN.UTF-8`) write it.
const TAG = /^([a-z]{2,3})(?=$|[-_.@])/;

/**
 * The seller language a language tag names, or undefined when sellerdesk does not speak it: `zh`,
 * `zh-CN`, `zh-Hans`, `zh_CN.UTF-8` (and the Traditional tags, the nearest written form offered)
 * -> `zh-CN`; `pt-BR` -> `pt`; `en-GB` -> `en`. Also accepts the names sellers type: `cn`, `中文`.
 */
export function sellerLanguageFromTag(tag: string | null | undefined): SellerLanguage | undefined {
  if (typeof tag !== 'string') return undefined;
  const value = tag.trim().toLowerCase();
  if (value === '' || value.length > 40) return undefined;
  if (value === 'cn' || value === '中文' || value === '简体中文' || value === 'chinese') return 'zh-CN';
  const match = TAG.exec(value);
  if (!match) return undefined;
  const [, primary] = match;
  if (primary === 'zh' || primary === 'zho' || primary === 'chi') return 'zh-CN';
  return (LANGUAGES as readonly string[]).includes(primary ?? '') ? (primary as Language) : undefined;
}
