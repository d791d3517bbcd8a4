import { ApplicationFailure } from '@temporalio/common';
import type { TicketPreset } from '../../../workflows/contracts/ticket.js';
import { latestBuyerMessages } from '../../db/buyer-messages-repo.js';
import { getShop } from '../../db/shops-repo.js';
import { systemOpenedDetails } from '../../db/ticket-events-repo.js';
import { type DraftRecord, getTicket, recordDraft } from '../../db/tickets-repo.js';
import { classifyIntent } from '../../domain/message/classify.js';
import { detectLanguage } from '../../domain/message/language.js';
import { assessUrgency, type Sentiment } from '../../domain/message/urgency.js';
import type { DraftSummary } from '../../domain/ticket/index.js';
import type { Category, Language, Urgency } from '../../domain/types.js';
import type { TicketActivityDeps } from './deps.js';
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

/** Understanding a ticket: language, intent and urgency of its messages, and the draft they call for. */
export function createUnderstandActivities(deps: TicketActivityDeps) {
  const { db } = deps;

  const internal = {
    /** Language, intent and urgency of a ticket's messages (CPU only: a local activity). */
    async classifyTicket(input: ClassifyInput): Promise<Classification> {
      const started = performance.now();
      const all = input.texts.join('\n');
      const latest = input.texts.slice(-3).join('\n');
      const lang = detectLanguage(all, {
        ...(input.buyerLocale ? { locale: input.buyerLocale } : {}),
        ...(input.buyerCountry ? { country: input.buyerCountry } : {}),
        ...(input.previousLanguage ? { previous: input.previousLanguage } : {}),
        shopDefault: input.shopDefaultLanguage,
      });
      const languageUnknown = lang.language === 'unknown';
      const language: Language = lang.language === 'unknown' ? input.shopDefaultLanguage : lang.language;
      const intent = classifyIntent(latest, language);
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

    /** Persists one draft revision and its classification. */
    async saveDraft(record: DraftRecord): Promise<void> {
      await recordDraft(db, record);
    },
  };

  return {
    /**
     * Drafts revision `revision` of a ticket from what the database holds (its latest buyer
     * messages, order facts, or a system ticket's preset), saves it with its classification and
     * returns labels only: texts and evidence never leave the database. Idempotent per revision.
     */
    async draftTicket(input: { ticketId: string; revision: number }): Promise<DraftSummary> {
      const ticket = await getTicket(db, input.ticketId);
      if (!ticket) throw ApplicationFailure.nonRetryable('ticket vanished', 'ticket_not_found');
      const shop = await getShop(db, ticket.shopId);
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
            shopDefaultLanguage: shop?.defaultLanguage ?? 'en',
            ...(ticket.dispute?.deadline ? { disputeDeadline: ticket.dispute.deadline } : {}),
            now: new Date().toISOString(),
          });
      const order = ticket.order ?? {};
      const draft = await internal.renderDraft({
        shopId: ticket.shopId,
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
      await internal.saveDraft({
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
        note: [classification.note, draft.note].filter(Boolean).join(' ') || undefined,
        evidence: classification.evidence,
      });
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
      };
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
