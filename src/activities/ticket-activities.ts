import { ApplicationFailure } from '@temporalio/common';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { TicketPreset } from '../../workflows/definitions.js';
import type { OpenSystemTicketInput } from '../app/ticket-service.js';
import {
  buildCardText,
  buildDecisionKeyboard,
  buildOutcomeText,
  buildSupersededText,
} from '../channels/telegram/cards.js';
import type { TelegramCards } from '../channels/telegram/notifier.js';
import { recordAudit } from '../db/audit-repo.js';
import type { Db } from '../db/client.js';
import { ticketMaySend } from '../db/erasure-repo.js';
import { newId } from '../db/ids.js';
import { findOpenBuyerTicket } from '../db/open-tickets.js';
import {
  buyerMessages,
  decisions,
  replyEdits,
  shipments,
  shopFlags,
  ticketEvents,
  tickets,
} from '../db/schema/index.js';
import { getShop, listTelegramChats } from '../db/shops-repo.js';
import { findOverride } from '../db/templates-repo.js';
import {
  addTicketEvent,
  closeCard,
  type DraftRecord,
  ensureDelivery,
  getDecision,
  getTicket,
  listCardsForRevision,
  listOpenCards,
  listTicketMessages,
  markDelivered,
  recordDecision,
  recordDeliveryAttempt,
  recordDraft,
  saveCard,
} from '../db/tickets-repo.js';
import { meter } from '../db/usage-repo.js';
import type { OutboundSender } from '../delivery/outbound.js';
import { classifyIntent } from '../domain/classify.js';
import { detectLanguage } from '../domain/language.js';
import { carrierDisplayName, resolveCarrier } from '../domain/logistics/carriers.js';
import {
  type ApologyTicketStatus,
  type LogisticsFollowup,
  planLogisticsFollowup,
  relevantApology,
  type WatchedShipment,
  WHERE_IS_MY_ORDER_CATEGORIES,
} from '../domain/logistics/followup.js';
import { checkpointText } from '../domain/logistics/stall.js';
import { decideAutoSend } from '../domain/plans.js';
import {
  MissingTemplateVariableError,
  type ReplyVars,
  TemplateLanguageMismatchError,
  TemplateOverrideError,
} from '../domain/reply.js';
import type { SellerLanguage } from '../domain/seller-language.js';
import { effectiveSettings } from '../domain/settings.js';
import type { DraftSummary, SlaSettings } from '../domain/ticket/index.js';
import type { Category, DecisionAction, Language, TicketStatus, Urgency } from '../domain/types.js';
import { assessUrgency, type Sentiment } from '../domain/urgency.js';
import type { ReplyRenderer } from '../i18n/renderer.js';
import { type Metrics, observeApproval } from '../observability/metrics.js';

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

/** A rendered draft, or a fallback with a note saying why the seller must write it. */
export interface RenderedDraft {
  text: string;
  source: 'template' | 'fallback';
  templateId?: string;
  templateVersion?: number;
  note?: string;
}

/** Everything the ticket activities need, built once at the worker. */
export interface TicketActivityDeps {
  db: Db;
  renderer: ReplyRenderer;
  outbound: OutboundSender;
  telegram?: TelegramCards | undefined;
  logger: Logger;
  metrics?: Metrics | undefined;
  /** Opens a system ticket (logistics apology, pickup notice); see TicketService.openSystemTicket. */
  openSystemTicket?: (input: OpenSystemTicketInput) => Promise<{ ticketId: string; created: boolean }>;
  /** Hands a stored message to its ticket workflow (ids only); spins off messages that came too late. */
  dispatchBuyerMessage?: (ref: { shopId: string; ticketId: string; messageId: string }) => Promise<void>;
  /** A team channel (Slack support channel) is configured: the workflow schedules team steps. */
  teamChannel?: boolean | undefined;
  /** Whether a shop has its own team channel (its Slack workspace and channel); overrides `teamChannel`. */
  teamChannelFor?: ((shopId: string) => Promise<boolean>) | undefined;
}

function closedTicketFailure(): ApplicationFailure {
  return ApplicationFailure.nonRetryable(
    'the ticket is closed (its buyer was erased): nothing is sent',
    'ticket_closed',
  );
}
/** Buyer messages a draft reads (the latest ones): classification looks at recent words only. */
export const DRAFT_MESSAGE_WINDOW = 20;

const STATUS_FOR_ACTION: Record<DecisionAction, TicketStatus> = {
  approve: 'sent',
  edit: 'sent',
  reject: 'rejected',
  escalate: 'escalated',
};

/** Activities of the ticket workflow: thin load -> domain -> persist -> notify steps. */
export function createTicketActivities(deps: TicketActivityDeps) {
  const { db, renderer, outbound, logger } = deps;

  async function sellerLanguageFor(
    shopId: string,
    chatLanguage?: SellerLanguage | null,
  ): Promise<SellerLanguage> {
    if (chatLanguage) return chatLanguage;
    const shop = await getShop(db, shopId);
    return shop?.sellerLanguage ?? 'en';
  }

  /** The follow-up plan for a "where is my order" ticket of an order with a recent stall apology. */
  async function logisticsFollowup(
    shopId: string,
    orderId: string,
    category: Category,
  ): Promise<LogisticsFollowup | null> {
    if (!WHERE_IS_MY_ORDER_CATEGORIES.includes(category)) return null;
    const rows = await db
      .select()
      .from(shipments)
      .where(and(eq(shipments.shopId, shopId), eq(shipments.orderId, orderId)));
    if (rows.length === 0) return null;
    const watched: WatchedShipment[] = rows.map((row) => {
      const latest = [...row.events].sort((a, b) => Date.parse(b.at) - Date.parse(a.at))[0];
      return {
        trackingNumber: row.trackingNumber,
        carrier: row.carrier,
        state: row.state,
        lastEventAt: row.lastEventAt?.toISOString() ?? null,
        ...(latest
          ? {
              lastCheckpoint: checkpointText(resolveCarrier(row.carrier), {
                description: latest.description,
              }),
            }
          : {}),
        actions: row.actions,
      };
    });
    const now = new Date();
    const apology = relevantApology(watched, now);
    if (!apology) return null;
    const apologyTicket = await getTicket(db, apology.ticketId);
    const status = (): ApologyTicketStatus => {
      if (!apologyTicket || apologyTicket.shopId !== shopId) return 'unknown';
      if (apologyTicket.status === 'sent' || apologyTicket.status === 'auto_sent') return 'sent';
      // A closed apology (its buyer erased) was never sent: no follow-up builds on it.
      if (apologyTicket.status === 'rejected' || apologyTicket.status === 'closed') return 'rejected';
      return 'pending';
    };
    return planLogisticsFollowup({ category, shipments: watched, apologyStatus: status, now });
  }

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

    /** Renders the reply template for the category in the buyer's language (a local activity). */
    async renderDraft(input: {
      category: Category;
      language: Language;
      templateId?: string;
      shopId?: string;
      vars: ReplyVars;
    }): Promise<RenderedDraft> {
      // A buyer asking where the order is while a stall apology is pending or was just sent gets
      // a follow-up citing the latest checkpoint, not a generic reply or a second apology.
      const followup =
        input.templateId === undefined && input.shopId
          ? await logisticsFollowup(input.shopId, input.vars.orderId, input.category)
          : null;
      const chosenId = followup?.templateId ?? input.templateId;
      const merged = followup ? { ...input.vars, ...followup.vars } : input.vars;
      const vars =
        typeof merged.carrier === 'string'
          ? { ...merged, carrier: carrierDisplayName(merged.carrier) }
          : merged;
      const templateId = chosenId ?? `${input.category}.default`;
      const override = input.shopId ? await findOverride(db, input.shopId, templateId, input.language) : null;
      const attempt = (overrideText?: string) =>
        renderer.render({
          category: input.category,
          language: input.language,
          vars,
          ...(chosenId ? { templateId: chosenId } : {}),
          ...(overrideText !== undefined ? { overrideText } : {}),
        });
      let note: string | undefined = followup?.note;
      try {
        let rendered: ReturnType<typeof attempt>;
        try {
          rendered = attempt(override?.text);
        } catch (error) {
          if (
            !override ||
            !(error instanceof TemplateOverrideError || error instanceof TemplateLanguageMismatchError)
          ) {
            throw error;
          }
          // A shop override that no longer fits: fall back to the catalogue text and say so.
          note = [
            note,
            `The shop's own text for ${templateId} (${input.language}) could not be used: ${error.message}. The catalogue text was used.`,
          ]
            .filter(Boolean)
            .join(' ');
          rendered = attempt();
        }
        return {
          text: rendered.text,
          source: 'template',
          templateId: rendered.templateId,
          templateVersion: rendered.templateVersion,
          ...(note ? { note } : {}),
        };
      } catch (error) {
        if (error instanceof MissingTemplateVariableError) {
          return {
            text: '',
            source: 'fallback',
            templateId: error.templateId,
            note: `No draft: the template needs ${error.missing.join(', ')}. Write the reply with Edit.`,
          };
        }
        throw ApplicationFailure.nonRetryable(
          `rendering failed: ${(error as Error).message}`,
          'render_failed',
        );
      }
    },

    /**
     * Decides whether a draft may go out without a human: the shop must be on the `auto` plan.
     * Records which rule allowed or blocked it on the ticket.
     */
    async authorizeAutoSend(input: {
      ticketId: string;
      shopId: string;
      category: Category;
      language: Language;
      confidence: number;
      kind?: 'buyer' | 'system';
      abstained?: boolean;
      urgency?: string;
    }): Promise<{ allowed: boolean; rule: string }> {
      const shop = await getShop(db, input.shopId);
      if (!shop) return { allowed: false, rule: 'shop_not_found' };
      const ticket = await getTicket(db, input.ticketId);
      const [flags] = await db.select().from(shopFlags).where(eq(shopFlags.shopId, input.shopId)).limit(1);
      const settings = effectiveSettings(shop.settings);
      const history = await db
        .select({ action: decisions.action })
        .from(decisions)
        .innerJoin(tickets, eq(tickets.id, decisions.ticketId))
        .where(
          and(
            eq(tickets.shopId, input.shopId),
            eq(tickets.category, input.category),
            eq(tickets.language, input.language),
            eq(tickets.origin, 'buyer'),
            sql`${decisions.actorChannel} <> 'system'`,
          ),
        )
        .orderBy(desc(decisions.decidedAt))
        .limit(200);
      const verdict = decideAutoSend({
        plan: shop.plan,
        paused: flags?.autoSendPaused ?? false,
        kind: input.kind ?? 'system',
        systemOptIn: settings.logistics.autoApology,
        category: input.category,
        language: input.language,
        confidence: input.confidence,
        abstained: input.abstained ?? false,
        urgency: input.urgency ?? 'normal',
        openDisputeWithDeadline: Boolean(ticket?.dispute?.deadline),
        settings: settings.autoSend,
        history: history.map((h: { action: DecisionAction }) => h.action),
      });
      await db.update(tickets).set({ autoSendRule: verdict.rule }).where(eq(tickets.id, input.ticketId));
      await addTicketEvent(
        db,
        input.ticketId,
        'auto_send_checked',
        { ...verdict },
        `auto_send:${ticket?.currentRevision ?? 0}`,
      );
      return verdict;
    },

    /** The shop's SLA timers (defaults filled in) for the ticket workflow's reminders and escalation. */
    async loadSlaSettings(input: { shopId: string; disputeDeadline?: string }): Promise<SlaSettings> {
      const shop = await getShop(db, input.shopId);
      const { sla } = effectiveSettings(shop?.settings);
      return { ...sla, ...(input.disputeDeadline ? { disputeDeadline: input.disputeDeadline } : {}) };
    },

    /** Persists one draft revision and its classification. */
    async saveDraft(record: DraftRecord): Promise<void> {
      await recordDraft(db, record);
    },
  };

  const activities = {
    /** Nudges the shop's linked chats about a ticket still waiting (reminder) or handed to the team. */
    async remindSeller(input: {
      ticketId: string;
      kind: 'reminder' | 'escalated';
    }): Promise<{ sent: number }> {
      const telegram = deps.telegram;
      const ticket = await getTicket(db, input.ticketId);
      if (!ticket) return { sent: 0 };
      await addTicketEvent(
        db,
        ticket.id,
        input.kind === 'reminder' ? 'sla_reminder' : 'escalation_notice',
        {},
        `sla:${input.kind}`,
      );
      if (!telegram) return { sent: 0 };
      let sent = 0;
      for (const chat of await listTelegramChats(db, ticket.shopId)) {
        const language = await sellerLanguageFor(ticket.shopId, chat.language);
        const text = renderer.t(language, input.kind === 'reminder' ? 'sla.reminder' : 'sla.escalated', {
          orderId: ticket.orderId,
          ticketId: ticket.id,
        });
        await telegram.sendCard(chat.chatId, `${text}\n#${ticket.id}`, null);
        sent++;
      }
      return { sent };
    },

    /** Records that a ticket went to the support team (status `escalated`, who and why). */
    async markEscalated(input: {
      ticketId: string;
      actor: { channel: string; id: string; name?: string };
      at: string;
      reason: string;
    }): Promise<void> {
      await db
        .update(tickets)
        .set({ status: 'escalated', updatedAt: new Date() })
        .where(
          and(eq(tickets.id, input.ticketId), inArray(tickets.status, ['classifying', 'awaiting_approval'])),
        );
      await addTicketEvent(
        db,
        input.ticketId,
        'escalated',
        { actor: input.actor, at: input.at, reason: input.reason },
        'escalated',
      );
    },

    /** Team channel placeholders: replaced by the Slack activities when Slack is wired. */
    async escalateToTeam(_input: {
      ticketId: string;
      revision: number;
      reason: string;
    }): Promise<{ posted: boolean }> {
      return { posted: false };
    },
    async closeTeamCards(_input: { ticketId: string }): Promise<{ updated: number }> {
      return { updated: 0 };
    },
    async postBuyerMessageToTeamThread(_input: {
      ticketId: string;
      messageId: string;
    }): Promise<{ posted: boolean }> {
      return { posted: false };
    },

    /**
     * Posts the approval card for `revision` to every linked chat, once per chat even when retried,
     * and turns older cards of the ticket into "replaced" notes without buttons.
     */
    async requestApproval(input: { ticketId: string; revision: number }): Promise<{ cards: number }> {
      const ticket = await getTicket(db, input.ticketId);
      if (!ticket) throw ApplicationFailure.nonRetryable('ticket vanished', 'ticket_not_found');
      // An erased buyer's text is never posted again (the card erasure edits earlier cards).
      if (ticket.erasedAt) return { cards: 0 };
      const telegram = deps.telegram;
      if (!telegram) {
        await addTicketEvent(
          db,
          ticket.id,
          'approval_requested',
          { revision: input.revision, channels: [] },
          `approval:${input.revision}`,
        );
        return { cards: 0 };
      }
      const messages = await listTicketMessages(db, ticket.id);
      const chats = await listTelegramChats(db, ticket.shopId);
      const already = new Set(
        (await listCardsForRevision(db, ticket.id, input.revision)).map((c) => c.chatId),
      );
      const [draft] = await db.query.drafts.findMany({
        where: (d, { and, eq: equals }) =>
          and(equals(d.ticketId, ticket.id), equals(d.revision, input.revision)),
        limit: 1,
      });
      for (const old of (await listOpenCards(db, ticket.id)).filter((c) => c.channel === 'telegram')) {
        if (old.revision >= input.revision) continue;
        const language = await sellerLanguageFor(
          ticket.shopId,
          chats.find((c) => c.chatId === old.chatId)?.language,
        );
        await telegram.editCard(
          old.chatId,
          old.messageId,
          buildSupersededText(renderer, language, ticket.id),
          null,
        );
        await closeCard(db, old.id);
      }
      let posted = 0;
      for (const chat of chats) {
        if (already.has(chat.chatId)) continue;
        const language = await sellerLanguageFor(ticket.shopId, chat.language);
        const text = buildCardText(renderer, language, {
          ticket,
          buyerText: messages.map((m) => m.text).join('\n\n'),
          draftText: draft?.text ?? '',
          note: draft?.note ?? undefined,
        });
        const messageId = await telegram.sendCard(
          chat.chatId,
          text,
          buildDecisionKeyboard(renderer, language, ticket.id),
        );
        await saveCard(db, {
          ticketId: ticket.id,
          revision: input.revision,
          channel: 'telegram',
          chatId: chat.chatId,
          messageId,
        });
        posted++;
      }
      if (input.revision === 1 && already.size === 0 && posted > 0) {
        deps.metrics?.ingestToCardSeconds.observe(
          { channel: 'telegram' },
          Math.max(0, (Date.now() - ticket.createdAt.getTime()) / 1000),
        );
      }
      await addTicketEvent(
        db,
        ticket.id,
        'approval_requested',
        { revision: input.revision, channels: chats.length ? ['telegram'] : [] },
        `approval:${input.revision}`,
      );
      return { cards: posted + already.size };
    },

    /** Records the accepted decision and the ticket's resulting status. */
    async saveDecision(input: {
      ticketId: string;
      action: DecisionAction;
      revision: number;
      actor: { channel: string; id: string; name?: string };
      /** The stored edited text (`reply_edits` row) of an edit. */
      editId?: number;
      decidedAt: string;
      status: TicketStatus;
    }): Promise<void> {
      let text: string | undefined;
      if (input.action === 'edit') {
        const [edit] = await db
          .select({ text: replyEdits.text })
          .from(replyEdits)
          .where(and(eq(replyEdits.id, input.editId ?? 0), eq(replyEdits.ticketId, input.ticketId)))
          .limit(1);
        if (!edit) throw ApplicationFailure.nonRetryable('the edited reply is not stored', 'edit_not_found');
        text = edit.text;
      }
      if (input.action === 'approve') {
        const [draft] = await db.query.drafts.findMany({
          where: (d, { and, eq: equals }) =>
            and(equals(d.ticketId, input.ticketId), equals(d.revision, input.revision)),
          limit: 1,
        });
        text = draft?.text;
      }
      await recordDecision(
        db,
        {
          ticketId: input.ticketId,
          action: input.action,
          revision: input.revision,
          actor: input.actor,
          text,
          decidedAt: input.decidedAt,
        },
        input.status ?? STATUS_FOR_ACTION[input.action],
      );
      const [requested] = await db
        .select({ at: ticketEvents.at })
        .from(ticketEvents)
        .where(and(eq(ticketEvents.ticketId, input.ticketId), eq(ticketEvents.kind, 'approval_requested')))
        .orderBy(asc(ticketEvents.at))
        .limit(1);
      if (requested) {
        observeApproval(deps.metrics, {
          action: input.action,
          channel: input.actor.channel,
          requestedAt: requested.at,
          decidedAt: input.decidedAt,
        });
      }
      const ticket = await getTicket(db, input.ticketId);
      if (ticket) {
        await recordAudit(db, {
          shopId: ticket.shopId,
          kind: input.status === 'auto_sent' ? 'auto_send' : 'decision',
          // An API caller's `by` is free text: the audit actor is the token alone, `by` a note.
          actor: input.actor.channel === 'api' ? { channel: 'api', id: input.actor.id } : input.actor,
          ticketId: input.ticketId,
          details: {
            action: input.action,
            revision: input.revision,
            status: input.status,
            ...(input.actor.channel === 'api' && input.actor.name ? { by: input.actor.name } : {}),
          },
          dedupeKey: `decision:${input.ticketId}`,
        });
      }
    },

    /**
     * Delivers the decided reply exactly once per (ticketId, revision): the ledger row is created
     * first, a delivered row is never sent again, and the receiver dedupes on the idempotency key.
     */
    async deliverReply(input: { ticketId: string; revision: number }): Promise<{ state: 'delivered' }> {
      const ticket = await getTicket(db, input.ticketId);
      if (!ticket) throw ApplicationFailure.nonRetryable('ticket vanished', 'ticket_not_found');
      // Defense in depth: a closed or erased ticket never sends, whatever its workflow believes.
      if (ticket.status === 'closed' || ticket.erasedAt) throw closedTicketFailure();
      if (!ticket.finalText) throw ApplicationFailure.nonRetryable('no reply text to deliver', 'empty_reply');
      const idempotencyKey = `${ticket.id}:${input.revision}`;
      const destination = await outbound.destinationFor(ticket.shopId);
      const row = await ensureDelivery(db, {
        ticketId: ticket.id,
        revision: input.revision,
        target: destination.target,
        payload: {
          shopId: ticket.shopId,
          ticketId: ticket.id,
          orderId: ticket.orderId,
          buyerId: ticket.buyerId,
          language: ticket.language ?? 'en',
          text: ticket.finalText,
          ...(ticket.coupon ? { coupon: ticket.coupon } : {}),
          idempotencyKey,
        },
      });
      if (row.state === 'delivered') return { state: 'delivered' };
      // Read again right before the POST: an erasure may have closed the ticket meanwhile.
      if (!(await ticketMaySend(db, ticket.id))) throw closedTicketFailure();
      const result = await outbound.send({ ...row.payload, shopId: ticket.shopId }, destination);
      if (!result.ok) {
        await recordDeliveryAttempt(db, idempotencyKey, result.error);
        deps.metrics?.deliveries.inc({ target: destination.target, result: 'retry' });
        logger.warn(
          { ticketId: ticket.id, idempotencyKey, status: result.status, error: result.error },
          'delivery failed, will retry',
        );
        throw ApplicationFailure.retryable(`delivery failed: ${result.error}`, 'delivery_failed');
      }
      await recordDeliveryAttempt(db, idempotencyKey);
      await markDelivered(db, idempotencyKey, ticket.id);
      await addTicketEvent(
        db,
        ticket.id,
        'delivered',
        { revision: input.revision, target: destination.target },
        `delivered:${input.revision}`,
      );
      await recordAudit(db, {
        shopId: ticket.shopId,
        kind: 'reply_sent',
        actor: { channel: 'system', id: 'delivery' },
        ticketId: ticket.id,
        details: { idempotencyKey, target: destination.target, coupon: ticket.coupon ?? null },
        dedupeKey: `sent:${idempotencyKey}`,
      });
      if (ticket.status === 'auto_sent') await meter(db, ticket.shopId, 'auto_sent');
      deps.metrics?.deliveries.inc({ target: destination.target, result: 'delivered' });
      logger.info({ ticketId: ticket.id, idempotencyKey, target: destination.target }, 'reply delivered');
      return { state: 'delivered' };
    },

    /** Edits every open card of a decided ticket to show the outcome, who decided and when. */
    async closeApprovalCards(input: { ticketId: string }): Promise<void> {
      const telegram = deps.telegram;
      const ticket = await getTicket(db, input.ticketId);
      const decision = await getDecision(db, input.ticketId);
      if (!telegram || !ticket || !decision) return;
      const chats = await listTelegramChats(db, ticket.shopId);
      for (const card of (await listOpenCards(db, input.ticketId)).filter((c) => c.channel === 'telegram')) {
        const language = await sellerLanguageFor(
          ticket.shopId,
          chats.find((c) => c.chatId === card.chatId)?.language,
        );
        await telegram.editCard(
          card.chatId,
          card.messageId,
          buildOutcomeText(renderer, language, ticket, decision),
          null,
        );
        await closeCard(db, card.id);
      }
    },

    /** Moves messages that reached a ticket after its decision to a new ticket and starts it. */
    async spinOffMessages(input: {
      ticketId: string;
      messageIds: string[];
    }): Promise<{ ticketId: string | null }> {
      const ticket = await getTicket(db, input.ticketId);
      if (!ticket || input.messageIds.length === 0 || !deps.dispatchBuyerMessage) return { ticketId: null };
      let newTicketId = newId('tkt');
      const moved = await db.transaction(async (tx) => {
        const rows = await tx
          .select()
          .from(buyerMessages)
          .where(inArray(buyerMessages.messageId, input.messageIds));
        const mine = rows.filter((r) => r.shopId === ticket.shopId && r.ticketId === ticket.id);
        if (mine.length === 0) return [];
        // A newer open ticket of the same order and buyer may exist already: the messages join it.
        const open = await findOpenBuyerTicket(tx, ticket);
        if (open) newTicketId = open.id;
        else
          await tx.insert(tickets).values({
            id: newTicketId,
            shopId: ticket.shopId,
            orderId: ticket.orderId,
            buyerId: ticket.buyerId,
            buyerName: ticket.buyerName,
            status: 'classifying',
            order: ticket.order,
            dispute: ticket.dispute,
          });
        await tx
          .update(buyerMessages)
          .set({ ticketId: newTicketId })
          .where(
            inArray(
              buyerMessages.id,
              mine.map((r: { id: number }) => r.id),
            ),
          );
        await tx.insert(ticketEvents).values({
          ticketId: ticket.id,
          kind: 'spun_off',
          details: { to: newTicketId, messages: mine.length },
        });
        return mine;
      });
      for (const m of moved) {
        await deps.dispatchBuyerMessage({
          shopId: ticket.shopId,
          ticketId: newTicketId,
          messageId: m.messageId,
        });
      }
      return { ticketId: moved.length ? newTicketId : null };
    },
  };

  return {
    ...activities,

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

    /**
     * The earned auto-send gate for the ticket's current draft (labels read from the ticket):
     * records which rule allowed or blocked it.
     */
    async authorizeAutoSend(input: {
      ticketId: string;
      kind: 'buyer' | 'system';
    }): Promise<{ allowed: boolean; rule: string }> {
      const ticket = await getTicket(db, input.ticketId);
      if (!ticket?.category || !ticket.language) return { allowed: false, rule: 'ticket_not_drafted' };
      return internal.authorizeAutoSend({
        ticketId: ticket.id,
        shopId: ticket.shopId,
        category: ticket.category,
        language: ticket.language,
        confidence: ticket.confidence ?? 0,
        kind: input.kind,
        abstained: ticket.abstained === 1,
        urgency: ticket.urgency ?? 'normal',
      });
    },

    /** What the workflow needs once per ticket: the shop's SLA timers and whether a team channel exists. */
    async ticketSetup(input: { ticketId: string }): Promise<{ sla: SlaSettings; teamChannel: boolean }> {
      const ticket = await getTicket(db, input.ticketId);
      if (!ticket) throw ApplicationFailure.nonRetryable('ticket vanished', 'ticket_not_found');
      const sla = await internal.loadSlaSettings({
        shopId: ticket.shopId,
        ...(ticket.dispute?.deadline ? { disputeDeadline: ticket.dispute.deadline } : {}),
      });
      const teamChannel = deps.teamChannelFor
        ? await deps.teamChannelFor(ticket.shopId)
        : deps.teamChannel === true;
      return { sla, teamChannel };
    },
  };

  /** The preset a system ticket was opened with (kept in its `system_opened` event). */
  async function presetOf(ticketId: string): Promise<TicketPreset | null> {
    const [event] = await db
      .select({ details: ticketEvents.details })
      .from(ticketEvents)
      .where(and(eq(ticketEvents.ticketId, ticketId), eq(ticketEvents.kind, 'system_opened')))
      .limit(1);
    const preset = event?.details.preset as TicketPreset | undefined;
    if (!preset) throw ApplicationFailure.nonRetryable('system ticket without its preset', 'preset_missing');
    return preset;
  }

  /** The ticket's latest buyer messages, oldest first (a long conversation reads its recent end). */
  async function latestMessages(ticketId: string) {
    const rows = await db
      .select()
      .from(buyerMessages)
      .where(eq(buyerMessages.ticketId, ticketId))
      .orderBy(desc(buyerMessages.receivedAt), desc(buyerMessages.id))
      .limit(DRAFT_MESSAGE_WINDOW);
    return rows.reverse();
  }
}

/** The activity functions as the workflow sees them (type-only import there). */
export type TicketActivities = ReturnType<typeof createTicketActivities>;
