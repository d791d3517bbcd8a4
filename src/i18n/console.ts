import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import i18next from 'i18next';
import { dateTimeFormat, numberFormat } from '../domain/intl.js';
import {
  SELLER_FORMAT_LOCALES,
  SELLER_LANGUAGES,
  type SellerLanguage,
} from '../domain/shop/seller-language.js';

/** Translates one key of the console (or, failing that, of the bot: categories, statuses, roles). */
export type ConsoleT = (key: string, options?: Record<string, unknown>) => string;

/** The console's words in every seller language. */
export interface ConsoleTexts {
  t(language: SellerLanguage, key: string, options?: Record<string, unknown>): string;
  /** A `t` bound to one language, for templates. */
  bind(language: SellerLanguage): ConsoleT;
  /** Dates and numbers in the seller's style. */
  formatDate(language: SellerLanguage, date: Date): string;
  formatNumber(language: SellerLanguage, value: number, options?: Intl.NumberFormatOptions): string;
}

async function readNamespace(path: string): Promise<Record<string, unknown>> {
  const value = JSON.parse(await readFile(path, 'utf8')) as unknown;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`${path} must contain a JSON object`);
  }
  return value as Record<string, unknown>;
}

/**
 * Loads `locales/<lng>/console.json` and `bot.json` of every seller language into a private
 * i18next instance: console keys first, the bot's (category, status, role and language names,
 * button labels, refusal texts) as the fallback namespace, and the listing reports' words
 * (`validation:kind.<kind>`). Values are not HTML-escaped here: the
 * templates escape every interpolation.
 */
export async function loadConsoleTexts(rootDir: string): Promise<ConsoleTexts> {
  const resources = Object.fromEntries(
    await Promise.all(
      SELLER_LANGUAGES.map(async (lng) => [
        lng,
        {
          console: await readNamespace(join(rootDir, 'locales', lng, 'console.json')),
          bot: await readNamespace(join(rootDir, 'locales', lng, 'bot.json')),
          validation: await readNamespace(join(rootDir, 'locales', lng, 'validation.json')),
        },
      ]),
    ),
  );
  const i18n = i18next.createInstance();
  await i18n.init({
    resources,
    lng: 'en',
    fallbackLng: 'en',
    supportedLngs: [...SELLER_LANGUAGES],
    ns: ['console', 'bot', 'validation'],
    defaultNS: 'console',
    fallbackNS: 'bot',
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  const t = (language: SellerLanguage, key: string, options: Record<string, unknown> = {}): string =>
    String(i18n.t(key, { ...options, lng: language }));
  return {
    t,
    bind: (language) => (key, options) => t(language, key, options),
    formatDate: (language, date) =>
      `${dateTimeFormat(SELLER_FORMAT_LOCALES[language], {
        dateStyle: 'medium',
        timeStyle: 'short',
        timeZone: 'UTC',
      }).format(date)} UTC`,
    formatNumber: (language, value, options) =>
      numberFormat(SELLER_FORMAT_LOCALES[language], options ?? {}).format(value),
  };
}
