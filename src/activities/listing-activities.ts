import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ApplicationFailure } from '@temporalio/common';
import { and, asc, desc, eq, gte, isNotNull, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { StartListingValidation } from '../app/listing-service.js';
import { dictionaryKeyboard } from '../channels/telegram/dictionary.js';
import type { TelegramCards } from '../channels/telegram/notifier.js';
import type { Db } from '../db/client.js';
import { shopWords } from '../db/dictionary-repo.js';
import { newId } from '../db/ids.js';
import { type ListingValidation, listingDisputeLinks, listingValidations } from '../db/schema/index.js';
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
import { type ListingDictionaries, listingDictionaries } from '../listings/dictionaries.js';
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

/** At most this many recent submissions are matched against order items. */
const KNOWN_LISTINGS_LIMIT = 500;

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
    const [row] = await db
      .select()
      .from(listingValidations)
      .where(eq(listingValidations.id, validationId))
      .limit(1);
    if (!row) throw ApplicationFailure.nonRetryable(`no validation ${validationId}`, 'validation_not_found');
    return row;
  }

  /** The shop's listings, newest submission first, each with its titles in every language. */
  async function knownListings(shopId: string) {
    // Titles only: the descriptions (up to 20,000 characters per language) stay in the database.
    const rows = await db
      .select({
        id: listingValidations.id,
        listingId: listingValidations.listingId,
        title: sql<Record<string, unknown> | null>`${listingValidations.request}->'title'`,
      })
      .from(listingValidations)
      .where(eq(listingValidations.shopId, shopId))
      .orderBy(desc(listingValidations.createdAt))
      .limit(KNOWN_LISTINGS_LIMIT);
    const latest = new Map<string, (typeof rows)[number]>();
    for (const row of rows) if (!latest.has(row.listingId)) latest.set(row.listingId, row);
    return [...latest.values()].map((row) => ({
      listingId: row.listingId,
      /** The newest submission of the listing: its texts are what a triggered validation checks. */
      submissionId: row.id,
      titles: Object.values(row.title ?? {}).filter((t): t is string => typeof t === 'string'),
    }));
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
      const listings = await knownListings(ticket.shopId);
      const match = matchListing(items, listings);
      if (!match) return notLinked('no_listing_matched');
      const shop = await getShop(db, ticket.shopId);
      const { disputeThreshold: threshold, disputeWindowDays: windowDays } = effectiveSettings(
        shop?.settings,
      ).listings;
      const windowStart = new Date(Date.now() - windowDays * 86_400_000);
      const { complaints, validation } = await db.transaction(async (tx) => {
        // One decision per listing at a time: two complaints at once must not open two validations.
        await tx.execute(
          sql`select pg_advisory_xact_lock(hashtext(${`${ticket.shopId}:${match.listingId}`}))`,
        );
        await tx
          .insert(listingDisputeLinks)
          .values({
            ticketId: ticket.id,
            shopId: ticket.shopId,
            listingId: match.listingId,
            score: Math.round(match.score * 100),
          })
          .onConflictDoNothing();
        const links = await tx
          .select({ ticketId: listingDisputeLinks.ticketId })
          .from(listingDisputeLinks)
          .where(
            and(
              eq(listingDisputeLinks.shopId, ticket.shopId),
              eq(listingDisputeLinks.listingId, match.listingId),
              gte(listingDisputeLinks.createdAt, windowStart),
            ),
          )
          .orderBy(asc(listingDisputeLinks.createdAt))
          .limit(1000);
        const [recent] = await tx
          .select()
          .from(listingValidations)
          .where(
            and(
              eq(listingValidations.shopId, ticket.shopId),
              eq(listingValidations.listingId, match.listingId),
              isNotNull(listingValidations.trigger),
              gte(listingValidations.createdAt, windowStart),
            ),
          )
          .orderBy(desc(listingValidations.createdAt))
          .limit(1);
        const due = disputeValidationDue({
          complaints: links.length,
          threshold,
          validatedInWindow: recent !== undefined,
        });
        if (!due) return { complaints: links.length, validation: recent };
        const submissionId = listings.find((l) => l.listingId === match.listingId)!.submissionId;
        const [latest] = await tx
          .select({ request: listingValidations.request })
          .from(listingValidations)
          .where(eq(listingValidations.id, submissionId))
          .limit(1);
        const request = latest!.request;
        const [created] = await tx
          .insert(listingValidations)
          .values({
            id: newId('val'),
            shopId: ticket.shopId,
            listingId: match.listingId,
            status: 'running',
            request,
            trigger: {
              kind: 'disputes',
              count: links.length,
              windowDays,
              threshold,
              ticketIds: links.map((l) => l.ticketId),
            },
          })
          .returning();
        return { complaints: links.length, validation: created };
      });
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
