import { ApplicationFailure } from '@temporalio/common';
import type { TicketPreset } from '../../../workflows/contracts/ticket.js';
import { latestBuyerMessages } from '../../db/buyer-messages-repo.js';
import { recordCorrection, shopMemory } from '../../db/corrections-repo.js';
import { getShop } from '../../db/shops-repo.js';
import { systemOpenedDetails } from '../../db/ticket-events-repo.js';
import {
  type DraftLabelled,
  type DraftRecord,
  getTicket,
  getTicketAndShop,
  recordDraft,
  type TicketAndShop,
} from '../../db/tickets-repo.js';
import { classifyIntent, type IntentClassification } from '../../domain/message/classify.js';
import { detectLanguage } from '../../domain/message/language.js';
import {
  applyShopMemory,
  MEMORY_LIMIT,
  type MemoryExample,
  memoryText,
  recallCorrection,
  type ShingleCache,
} from '../../domain/message/shop-memory.js';
import { assessUrgency, type Sentiment } from '../../domain/message/urgency.js';
import type { DraftSummary } from '../../domain/ticket/index.js';
import type { Actor, Category, Language, Urgency } from '../../domain/types.js';
import type { PresentedDraft, TicketActivityDeps } from './deps.js';
import { createDraftRenderer } from './render.js';

/** Input of `classifyTicket`: the ticket's (redacted) texts and the metadata priors. */
export interface ClassifyInput {
  texts: string[];
  buyerLocale?: string;
  buyerCountry?: string;
  previousLanguage?: Language;
  shopDefaultLanguage: Language;
  disputeDeadline?: string;
  now: string;
  /** The category the seller set (a correction): it replaces intent classification. */
  category?: Category;
  /** The shop's remembered corrections in a language, newest first (its memory overrides the model). */
  memory?: (language: Language) => Promise<MemoryExample[]>;
}

/** What classification decided and why; `languageUnknown` means the draft uses the shop default. */
export interface Classification {
  language: Language;
  languageConfidence: number;
  languageUnknown: boolean;
  category: Category;
  confidence: number;
  abstained: boolean;
  urgency: Urgency;
  /** Absent in classifications recorded before sentiment was reported. */
  sentiment?: Sentiment;
  evidence: string[];
  note?: string;
}

/** Buyer messages a draft reads (the latest ones): classification looks at recent words only. */
export const DRAFT_MESSAGE_WINDOW = 20;

/** The text intent classification reads: the latest three messages (and what a correction keeps). */
export function intentText(texts: readonly string[]): string {
  return texts.slice(-3).join('\n');
}

/**
 * Understanding a ticket: language, intent (the shop's memory of corrections first) and urgency of
 * its messages, the draft they call for, and a seller's correction kept as the shop's example.
 */
export function createUnderstandActivities(deps: TicketActivityDeps) {
  const { db } = deps;
  // Shingles of the shops' remembered corrections, by correction id (rows never change, only vanish).
  const memoryShingles: ShingleCache = new Map();

  const internal = {
    /** Language, intent and urgency of a ticket's messages (CPU only: a local activity). */
    async classifyTicket(input: ClassifyInput): Promise<Classification> {
      const started = performance.now();
      const all = input.texts.join('\n');
      const latest = intentText(input.texts);
      const lang = detectLanguage(all, {
        ...(input.buyerLocale ? { locale: input.buyerLocale } : {}),
        ...(input.buyerCountry ? { country: input.buyerCountry } : {}),
        ...(input.previousLanguage ? { previous: input.previousLanguage } : {}),
        shopDefault: input.shopDefaultLanguage,
      });
      const languageUnknown = lang.language === 'unknown';
      const language: Language = lang.language === 'unknown' ? input.shopDefaultLanguage : lang.language;
      let intent: IntentClassification;
      if (input.category) {
        intent = {
          category: input.category,
          confidence: 1,
          abstained: false,
          evidence: [`corrected:${input.category} (set by the seller)`],
        };
      } else {
        const model = classifyIntent(latest, language);
        const remembered = input.memory ? await input.memory(language) : [];
        intent = applyShopMemory(model, recallCorrection(latest, remembered, { cache: memoryShingles }));
      }
      const urgency = assessUrgency({
        text: latest,
        category: intent.category,
        ...(input.disputeDeadline ? { disputeDeadline: input.disputeDeadline } : {}),
        now: input.now,
      });
      const notes: string[] = [];
      if (languageUnknown) notes.push(`Language unclear: drafted in the shop default (${language}).`);
      if (intent.abstained) notes.push('Intent unclear: check the category before approving.');
      deps.metrics?.classificationSeconds.observe((performance.now() - started) / 1000);
      return {
        language,
        languageConfidence: lang.confidence,
        languageUnknown,
        category: intent.category,
        confidence: Math.min(intent.confidence, languageUnknown ? 0.5 : 1),
        abstained: intent.abstained || languageUnknown,
        urgency: urgency.urgency,
        sentiment: urgency.sentiment,
        evidence: [...lang.evidence, ...intent.evidence, ...urgency.reasons.map((r) => `urgency:${r}`)],
        ...(notes.length ? { note: notes.join(' ') } : {}),
      };
    },

    ...createDraftRenderer(deps),

    /** Persists one draft revision and its classification; says what it set on the ticket. */
    async saveDraft(record: DraftRecord): Promise<DraftLabelled | undefined> {
      return recordDraft(db, record);
    },
  };

  return {
    /**
     * Drafts revision `revision` of a ticket from what the database holds (its latest buyer
     * messages, order facts, or a system ticket's preset), saves it with its classification and
     * returns labels only: texts and evidence never leave the database. Idempotent per revision.
     */
    async draftTicket(
      input: {
        ticketId: string;
        revision: number;
        category?: Category;
      },
      /**
       * In-process callers (a round) get the ticket and shop this step read (as they were before the
       * draft) and, when this step saved the revision, what the card shows: the labelled ticket, all
       * of its buyer messages (when the draft read them all) and the saved draft.
       */
      keep?: { loaded?: TicketAndShop; presented?: PresentedDraft },
    ): Promise<DraftSummary> {
      const found = await getTicketAndShop(db, input.ticketId);
      if (!found) throw ApplicationFailure.nonRetryable('ticket vanished', 'ticket_not_found');
      if (keep) keep.loaded = found;
      const { ticket, shop } = found;
      const preset = ticket.origin === 'system' && input.revision === 1 ? await presetOf(ticket.id) : null;
      const messages = preset ? [] : await latestMessages(ticket.id);
      const latest = messages.at(-1);
      const previous = ticket.language ?? undefined;
      const classification: Classification = preset
        ? {
            language: preset.language,
            languageConfidence: 1,
            languageUnknown: false,
            category: preset.category,
            confidence: 1,
            abstained: false,
            urgency: 'normal',
            evidence: [`preset:${preset.templateId}`],
            note: preset.reason,
          }
        : await internal.classifyTicket({
            texts: messages.map((m) => m.text),
            ...(latest?.buyerLocale ? { buyerLocale: latest.buyerLocale } : {}),
            ...(latest?.buyerCountry ? { buyerCountry: latest.buyerCountry } : {}),
            ...(previous ? { previousLanguage: previous } : {}),
            shopDefaultLanguage: shop.defaultLanguage,
            ...(ticket.dispute?.deadline ? { disputeDeadline: ticket.dispute.deadline } : {}),
            now: new Date().toISOString(),
            ...(input.category ? { category: input.category } : {}),
            ...(found.shopHasCorrections
              ? { memory: (language: Language) => shopMemory(db, ticket.shopId, language, MEMORY_LIMIT) }
              : {}),
          });
      const order = ticket.order ?? {};
      const draft = await internal.renderDraft({
        shopId: ticket.shopId,
        overrides: found.shopHasOverrides,
        category: classification.category,
        language: classification.language,
        ...(preset ? { templateId: preset.templateId } : {}),
        vars: {
          ...(preset?.vars ?? {}),
          orderId: ticket.orderId,
          ...(ticket.buyerName ? { buyerName: ticket.buyerName } : {}),
          ...(order.trackingNumber ? { trackingNumber: order.trackingNumber } : {}),
          ...(order.carrier ? { carrier: order.carrier } : {}),
          ...(order.items ? { items: order.items } : {}),
          ...(order.total !== undefined ? { total: order.total } : {}),
          ...(order.currency ? { currency: order.currency } : {}),
        },
      });
      const note = [classification.note, draft.note].filter(Boolean).join(' ') || undefined;
      const labelled = await internal.saveDraft({
        ticketId: ticket.id,
        revision: input.revision,
        language: classification.language,
        languageConfidence: classification.languageConfidence,
        category: classification.category,
        confidence: classification.confidence,
        urgency: classification.urgency,
        ...(classification.sentiment ? { sentiment: classification.sentiment } : {}),
        abstained: classification.abstained,
        text: draft.text,
        source: draft.source,
        templateId: draft.templateId,
        templateVersion: draft.templateVersion,
        note,
        // A stall apology's coupon is stored with the text that offers it, in the same row: the
        // card shows and the delivery sends this one draft, so neither can go without the other.
        ...(preset?.coupon ? { coupon: preset.coupon } : {}),
        evidence: classification.evidence,
      });
      // Fewer messages than the window: the draft read all of them, as the card lists them.
      if (keep && labelled && !preset && messages.length < DRAFT_MESSAGE_WINDOW) {
        keep.presented = {
          ticket: {
            ...ticket,
            ...labelled,
            language: classification.language,
            languageConfidence: classification.languageConfidence,
            category: classification.category,
            confidence: classification.confidence,
            urgency: classification.urgency,
            abstained: classification.abstained ? 1 : 0,
            currentRevision: input.revision,
          },
          messages,
          draft: { text: draft.text, note: note ?? null, coupon: null },
        };
      }
      return {
        revision: input.revision,
        language: classification.language,
        category: classification.category,
        confidence: classification.confidence,
        urgency: classification.urgency,
        abstained: classification.abstained,
        source: draft.source,
        ...(preset ? { preset: { autoSend: preset.autoSend } } : {}),
        ...(ticket.dispute?.deadline ? { disputeDeadline: ticket.dispute.deadline } : {}),
        ...(input.category && !preset ? { corrected: true } : {}),
      };
    },

    /**
     * Keeps a seller's category correction as the shop's labelled example: the text the classifier
     * read (the ticket's latest messages, PII-redacted, clipped), its language, the seller's category
     * and the one it replaces; with a ticket event and an audit entry. Idempotent per revision.
     */
    async recordCorrection(input: {
      ticketId: string;
      revision: number;
      category: Category;
      from: Category;
      actor: Actor;
      at: string;
    }): Promise<void> {
      const ticket = await getTicket(db, input.ticketId);
      if (!ticket) throw ApplicationFailure.nonRetryable('ticket vanished', 'ticket_not_found');
      const shop = await getShop(db, ticket.shopId);
      const messages = await latestMessages(ticket.id);
      const language = ticket.language ?? shop?.defaultLanguage ?? 'en';
      const stored = await recordCorrection(db, {
        shopId: ticket.shopId,
        ticketId: ticket.id,
        revision: input.revision,
        text: memoryText(intentText(messages.map((m) => m.text))),
        language,
        category: input.category,
        correctedFrom: input.from,
        actor: input.actor,
        at: input.at,
      });
      if (stored) {
        deps.metrics?.categoryCorrections.inc({
          category: input.from,
          language,
          channel: input.actor.channel,
        });
      }
    },
  };

  /** The preset a system ticket was opened with (kept in its `system_opened` event). */
  async function presetOf(ticketId: string): Promise<TicketPreset | null> {
    const preset = (await systemOpenedDetails(db, ticketId))?.preset as TicketPreset | undefined;
    if (!preset) throw ApplicationFailure.nonRetryable('system ticket without its preset', 'preset_missing');
    return preset;
  }

  /** The ticket's latest buyer messages, oldest first (a long conversation reads its recent end). */
  async function latestMessages(ticketId: string) {
    return latestBuyerMessages(db, ticketId, DRAFT_MESSAGE_WINDOW);
  }
}
