import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApplicationFailure } from '@temporalio/common';
import { eq } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { TelegramCards } from '../channels/telegram/notifier.js';
import type { Db } from '../db/client.js';
import { type ListingValidation, listingValidations } from '../db/schema/index.js';
import { getShop, listTelegramChats } from '../db/shops-repo.js';
import {
  type Issue,
  type ListingTexts,
  listingVersions,
  localizeIssues,
  sharedTerms,
  summarizeFindings,
  type ValidationMessages,
  validateAcrossLanguages,
  validateLanguageVersion,
} from '../domain/listing/index.js';
import { isLanguage, LANGUAGES, type Language } from '../domain/types.js';
import { type ListingDictionaries, listingDictionaries } from '../listings/dictionaries.js';

/** What the listing activities need; all but `db` are optional (Telegram off: no report). */
export interface ListingActivityDeps {
  db: Db;
  telegram?: TelegramCards | undefined;
  logger: Logger;
  /** Dictionaries loader (tests may pass a smaller one); defaults to the worker-wide singleton. */
  listingDictionaries?: (() => Promise<ListingDictionaries>) | undefined;
  /** Directory holding `<lng>/validation.json`; defaults to the repository's `locales/`. */
  localesDir?: string | undefined;
}

const DEFAULT_LOCALES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../locales');

/** The listing a validation row carries (`request` as the API accepted it). */
function listingOf(row: ListingValidation): ListingTexts {
  const request = row.request as { title?: ListingTexts['title']; description?: ListingTexts['description'] };
  return { title: request.title ?? {}, description: request.description ?? {} };
}

/** Activities of the listing validation workflow: load -> domain checks -> persist -> notify. */
export function createListingActivities(deps: ListingActivityDeps) {
  const { db, logger } = deps;
  const dictionaries = deps.listingDictionaries ?? listingDictionaries;
  const localesDir = deps.localesDir ?? DEFAULT_LOCALES_DIR;
  const messagesCache = new Map<Language, Promise<ValidationMessages>>();

  function messagesFor(lang: Language): Promise<ValidationMessages> {
    let cached = messagesCache.get(lang);
    if (!cached) {
      cached = readFile(path.join(localesDir, lang, 'validation.json'), 'utf8').then(
        (text) => JSON.parse(text) as ValidationMessages,
      );
      cached.catch(() => messagesCache.delete(lang));
      messagesCache.set(lang, cached);
    }
    return cached;
  }

  async function loadRow(validationId: string): Promise<ListingValidation> {
    const [row] = await db
      .select()
      .from(listingValidations)
      .where(eq(listingValidations.id, validationId))
      .limit(1);
    if (!row) throw ApplicationFailure.nonRetryable(`no validation ${validationId}`, 'validation_not_found');
    return row;
  }

  return {
    /** Single-language checks of one version (language, leftovers, claims, terms, spelling, form). */
    async checkListingLanguage(input: { validationId: string; lang: Language }): Promise<Issue[]> {
      const row = await loadRow(input.validationId);
      const versions = listingVersions(listingOf(row));
      const version = versions.find((v) => v.lang === input.lang);
      if (!version) return [];
      const dicts = await dictionaries();
      return validateLanguageVersion(version, dicts, sharedTerms(versions, dicts.spellers));
    },

    /** Numbers, units, sizes and quantities compared across the versions. */
    async checkListingConsistency(input: { validationId: string }): Promise<Issue[]> {
      const row = await loadRow(input.validationId);
      return validateAcrossLanguages(listingVersions(listingOf(row)));
    },

    /** Puts the findings in the seller's language and marks the validation completed. */
    async saveListingFindings(input: {
      validationId: string;
      issues: Issue[];
    }): Promise<{ findings: number }> {
      const row = await loadRow(input.validationId);
      const shop = await getShop(db, row.shopId);
      const locale: Language = shop?.sellerLanguage ?? 'en';
      const findings = localizeIssues(input.issues, await messagesFor(locale), locale);
      await db
        .update(listingValidations)
        .set({
          status: 'completed',
          findings: findings as unknown as Array<Record<string, unknown>>,
          completedAt: new Date(),
        })
        .where(eq(listingValidations.id, input.validationId));
      logger.info({ validationId: input.validationId, findings: findings.length }, 'listing validated');
      return { findings: findings.length };
    },

    /** Marks a validation failed, so the API stops answering "running". */
    async failListingValidation(input: { validationId: string; reason: string }): Promise<void> {
      await db
        .update(listingValidations)
        .set({ status: 'failed', completedAt: new Date() })
        .where(eq(listingValidations.id, input.validationId));
      logger.warn({ validationId: input.validationId, reason: input.reason }, 'listing validation failed');
    },

    /**
     * Sends a per-language summary with the top findings and the validation id to every chat linked
     * to the shop, each in its chat language. No-op when Telegram is off or no chat is linked.
     */
    async reportListingValidation(input: {
      validationId: string;
      issues: Issue[];
    }): Promise<{ sent: number }> {
      const telegram = deps.telegram;
      if (!telegram) return { sent: 0 };
      const row = await loadRow(input.validationId);
      const chats = await listTelegramChats(db, row.shopId);
      if (chats.length === 0) return { sent: 0 };
      const shop = await getShop(db, row.shopId);
      const versions = listingVersions(listingOf(row));
      const languages = LANGUAGES.filter((l) => versions.some((v) => v.lang === l));
      let sent = 0;
      for (const chat of chats) {
        const locale: Language =
          chat.language && isLanguage(chat.language) ? chat.language : (shop?.sellerLanguage ?? 'en');
        const messages = await messagesFor(locale);
        const text = summarizeFindings({
          validationId: row.id,
          listingId: row.listingId,
          languages,
          findings: localizeIssues(input.issues, messages, locale),
          messages,
        });
        await telegram.sendCard(chat.chatId, text, null);
        sent++;
      }
      return { sent };
    },
  };
}

/** The listing activity functions as the workflow sees them (type-only import there). */
export type ListingActivities = ReturnType<typeof createListingActivities>;
