import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ApplicationFailure } from '@temporalio/common';
import type { Logger } from 'pino';
import { type ListingDictionaries, listingDictionaries } from '../adapters/spelling/dictionaries.js';
import type { StartListingValidation } from '../app/listing-service.js';
import { dictionaryKeyboard } from '../channels/telegram/dictionary.js';
import type { TelegramCards } from '../channels/telegram/notifier.js';
import type { Db } from '../db/client.js';
import { shopWords } from '../db/dictionary-repo.js';
import {
  completeListingValidation,
  getListingValidation,
  knownListings,
  failListingValidation as markListingValidationFailed,
  recordListingComplaint,
} from '../db/listing-validations-repo.js';
import type { ListingValidation } from '../db/schema/index.js';
import { getShop, listTelegramChats } from '../db/shops-repo.js';
import { addTicketEvent, getTicket } from '../db/tickets-repo.js';
import { disputeValidationDue, matchListing } from '../domain/listing/dispute-link.js';
import {
  type Issue,
  type ListingTexts,
  listingContext,
  listingVersions,
  localizeIssues,
  summarizeFindings,
  type ValidationMessages,
  validateAcrossLanguages,
  validateLanguageVersion,
} from '../domain/listing/index.js';
import { isSellerLanguage, type SellerLanguage } from '../domain/shop/seller-language.js';
import { effectiveSettings } from '../domain/shop/settings.js';
import { LANGUAGES, type Language } from '../domain/types.js';
import { PROJECT_ROOT } from '../paths.js';

/** What the listing activities need; all but `db` are optional (Telegram off: no report). */
export interface ListingActivityDeps {
  db: Db;
  /** Starts a validation workflow (complaint-triggered validations); absent, they stay stored. */
  startListingValidation?: StartListingValidation | undefined;
  telegram?: TelegramCards | undefined;
  logger: Logger;
  /** Dictionaries loader (tests may pass a smaller one); defaults to the worker-wide singleton. */
  listingDictionaries?: (() => Promise<ListingDictionaries>) | undefined;
  /** Directory holding `<lng>/validation.json`; defaults to the repository's `locales/`. */
  localesDir?: string | undefined;
}

const DEFAULT_LOCALES_DIR = path.join(PROJECT_ROOT, 'locales');

/** What `linkListingDispute` did for a ticket. */
export type ListingDisputeOutcome =
  | { linked: false; reason: 'not_applicable' | 'no_items' | 'no_listing_matched' }
  | {
      linked: true;
      listingId: string;
      complaints: number;
      threshold: number;
      windowDays: number;
      validationId?: string;
    };

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
  const messagesCache = new Map<SellerLanguage, Promise<ValidationMessages>>();

  function messagesFor(lang: SellerLanguage): Promise<ValidationMessages> {
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
    const row = await getListingValidation(db, validationId);
    if (!row) throw ApplicationFailure.nonRetryable(`no validation ${validationId}`, 'validation_not_found');
    return row;
  }

  return {
    /**
     * Ties a `not_as_described` ticket to the listing its order items name; when the listing's
     * complaints within the shop's window reach its threshold, opens one validation for it (with
     * the listing's latest submitted texts). The seller hears of it in the validation report.
     * Idempotent per ticket; a retry after a crash starts a validation that was stored but not started.
     */
    async linkListingDispute(input: { ticketId: string }): Promise<ListingDisputeOutcome> {
      const ticket = await getTicket(db, input.ticketId);
      if (ticket?.category !== 'not_as_described') return { linked: false, reason: 'not_applicable' };
      const notLinked = async (reason: 'no_items' | 'no_listing_matched') => {
        await addTicketEvent(db, ticket.id, 'listing_not_linked', { reason }, 'listing_link');
        return { linked: false as const, reason };
      };
      const items = ticket.order?.items ?? [];
      if (items.length === 0) return notLinked('no_items');
      const listings = await knownListings(db, ticket.shopId);
      const match = matchListing(items, listings);
      if (!match) return notLinked('no_listing_matched');
      const shop = await getShop(db, ticket.shopId);
      const { disputeThreshold: threshold, disputeWindowDays: windowDays } = effectiveSettings(
        shop?.settings,
      ).listings;
      const windowStart = new Date(Date.now() - windowDays * 86_400_000);
      const { complaints, validation } = await recordListingComplaint(
        db,
        {
          ticketId: ticket.id,
          shopId: ticket.shopId,
          listingId: match.listingId,
          score: Math.round(match.score * 100),
          windowStart,
          windowDays,
          threshold,
          submissionId: listings.find((l) => l.listingId === match.listingId)!.submissionId,
        },
        (count, validatedInWindow) =>
          disputeValidationDue({ complaints: count, threshold, validatedInWindow }),
      );
      if (validation?.status === 'running' && validation.trigger && deps.startListingValidation) {
        const texts = listingOf(validation);
        await deps.startListingValidation({
          validationId: validation.id,
          shopId: ticket.shopId,
          listingId: match.listingId,
          languages: LANGUAGES.filter(
            (l) => texts.title[l] !== undefined || texts.description[l] !== undefined,
          ),
        });
      }
      const outcome: ListingDisputeOutcome = {
        linked: true,
        listingId: match.listingId,
        complaints,
        threshold,
        windowDays,
        ...(validation ? { validationId: validation.id } : {}),
      };
      await addTicketEvent(db, ticket.id, 'listing_linked', { ...outcome }, 'listing_link');
      if (validation) {
        logger.info(
          { shopId: ticket.shopId, listingId: match.listingId, validationId: validation.id, complaints },
          'listing complaints reached the threshold: validation opened',
        );
      }
      return outcome;
    },

    /** Single-language checks of one version (language, leftovers, claims, terms, spelling, form). */
    async checkListingLanguage(input: { validationId: string; lang: Language }): Promise<Issue[]> {
      const row = await loadRow(input.validationId);
      const versions = listingVersions(listingOf(row));
      const version = versions.find((v) => v.lang === input.lang);
      if (!version) return [];
      const dicts = await dictionaries();
      // The shop's own dictionary ("Add to my dictionary"): read at each validation, so a word the
      // seller added is never reported again for that shop (and only for that shop).
      const own = await shopWords(db, row.shopId);
      return validateLanguageVersion(
        version,
        { ...dicts, shopWords: own },
        listingContext(versions, dicts.spellers),
      );
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
      const locale: SellerLanguage = shop?.sellerLanguage ?? 'en';
      const findings = localizeIssues(input.issues, await messagesFor(locale), locale);
      await completeListingValidation(
        db,
        input.validationId,
        findings as unknown as Array<Record<string, unknown>>,
      );
      logger.info({ validationId: input.validationId, findings: findings.length }, 'listing validated');
      return { findings: findings.length };
    },

    /** Marks a validation failed, so the API stops answering "running". */
    async failListingValidation(input: { validationId: string; reason: string }): Promise<void> {
      await markListingValidationFailed(db, input.validationId);
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
        const locale: SellerLanguage =
          chat.language && isSellerLanguage(chat.language) ? chat.language : (shop?.sellerLanguage ?? 'en');
        const messages = await messagesFor(locale);
        const text = summarizeFindings({
          validationId: row.id,
          listingId: row.listingId,
          languages,
          findings: localizeIssues(input.issues, messages, locale),
          messages,
          disputes: row.trigger
            ? { count: row.trigger.count, windowDays: row.trigger.windowDays }
            : undefined,
        });
        // "Add to my dictionary" buttons for the reported misspellings (`dict:` callbacks).
        const keyboard = messages.summary.add_word
          ? dictionaryKeyboard(row.id, input.issues, messages.summary.add_word)
          : null;
        await telegram.sendCard(chat.chatId, text, keyboard);
        sent++;
      }
      return { sent };
    },
  };
}

/** The listing activity functions as the workflow sees them (type-only import there). */
export type ListingActivities = ReturnType<typeof createListingActivities>;
