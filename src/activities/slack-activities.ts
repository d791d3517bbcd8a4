import { ApplicationFailure } from '@temporalio/common';
import { and, desc, eq } from 'drizzle-orm';
import type { Logger } from 'pino';
import {
  buildBuyerThreadMessage,
  buildOutcomeMessage,
  buildTeamCard,
  slackTexts,
} from '../channels/slack/blocks.js';
import { toSlackApiError } from '../channels/slack/notifier.js';
import { getTicketWithDraft, listSlackCards, SLACK_CARD_CHANNEL } from '../channels/slack/queries.js';
import type { SlackWorkspaces } from '../channels/slack/workspaces.js';
import type { Db } from '../db/client.js';
import { buyerMessages, ticketEvents } from '../db/schema/index.js';
import { getShop } from '../db/shops-repo.js';
import {
  addTicketEvent,
  closeCard,
  getDecision,
  getTicket,
  listTicketMessages,
  saveCard,
} from '../db/tickets-repo.js';
import type { ReplyRenderer } from '../domain/reply.js';
import type { SellerLanguage } from '../domain/seller-language.js';
import type { Actor, DecisionAction } from '../domain/types.js';

/** What the Slack activities need; without `slack` (Slack off) they do nothing. */
export interface SlackActivityDeps {
  db: Db;
  logger: Logger;
  /**
   * The shops' workspaces: each ticket's cards go through its own shop's installation (team token)
   * to that shop's support channel; a shop without a bound workspace and channel gets no card.
   */
  slack?: SlackWorkspaces | undefined;
  /** The seller catalogue: cards are written in the shop's seller language. */
  renderer: Pick<ReplyRenderer, 't'>;
}

/** Result of `escalateToTeam`: whether this call posted (or re-posted) and where the card is. */
export interface TeamCardRef {
  posted: boolean;
  channel?: string;
  ts?: string;
}

const OUTCOME_FOR_STATUS: Record<string, DecisionAction> = {
  sent: 'approve',
  auto_sent: 'approve',
  rejected: 'reject',
  escalated: 'escalate',
};

/** Turns a Slack failure into the Temporal failure the workflow's retry policy acts on. */
function asActivityFailure(error: unknown, method: string): ApplicationFailure {
  if (error instanceof ApplicationFailure) return error;
  const failure = toSlackApiError(error, method);
  return ApplicationFailure.create({
    type: failure.code,
    message: failure.message,
    nonRetryable: !failure.retryable,
    ...(failure.retryAfterSeconds !== undefined
      ? { nextRetryDelay: `${failure.retryAfterSeconds} seconds` }
      : {}),
    details: [{ method: failure.method, slackError: failure.slackError ?? null }],
  });
}

/** Who escalated the ticket, from its latest `escalated` timeline event (absent: unknown). */
async function lastEscalationActor(db: Db, ticketId: string): Promise<Actor | undefined> {
  const [event] = await db
    .select({ details: ticketEvents.details })
    .from(ticketEvents)
    .where(and(eq(ticketEvents.ticketId, ticketId), eq(ticketEvents.kind, 'escalated')))
    .orderBy(desc(ticketEvents.id))
    .limit(1);
  const actor = event?.details.actor as Partial<Actor> | undefined;
  if (!actor || typeof actor.id !== 'string' || typeof actor.channel !== 'string') return undefined;
  return {
    channel: actor.channel,
    id: actor.id,
    ...(typeof actor.name === 'string' ? { name: actor.name } : {}),
  };
}

async function slackCall<T>(method: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw asActivityFailure(error, method);
  }
}

/**
 * Activities of the team side in Slack (issue 6). Each is idempotent (card refs in
 * `approval_cards` with channel `slack`, thread posts deduplicated by ticket event) and a no-op
 * returning `posted: false` when Slack is off. Slack failures are retryable `ApplicationFailure`s
 * (`slack_rate_limited` carries Retry-After as `nextRetryDelay`); malformed requests are not.
 */
export function createSlackActivities(deps: SlackActivityDeps) {
  const { db, logger } = deps;
  const textsFor = (found: { sellerLanguage: SellerLanguage }) =>
    slackTexts(deps.renderer, found.sellerLanguage);

  return {
    /**
     * Posts the ticket's escalation card (buyer message, facts, draft of `revision`, buttons) to the
     * support channel, once per (ticket, revision). A card of an older revision that is still open
     * is edited in place instead, so the ticket keeps one message and one thread.
     */
    async escalateToTeam(input: {
      ticketId: string;
      revision: number;
      reason: string;
    }): Promise<TeamCardRef> {
      if (!deps.slack) return { posted: false };
      const found = await getTicketWithDraft(db, input.ticketId);
      if (!found) throw ApplicationFailure.nonRetryable('ticket vanished', 'ticket_not_found');
      const shopSlack = await deps.slack.forShop(found.ticket.shopId);
      if (!shopSlack?.channel) return { posted: false };
      const { cards: slack, channel: slackChannel } = shopSlack;
      const cards = await listSlackCards(db, input.ticketId);
      const existing = cards.find((c) => c.revision === input.revision);
      if (existing) return { posted: false, channel: existing.chatId, ts: existing.messageId };

      const [draft] = await db.query.drafts.findMany({
        where: (d, { and: all, eq: equals, lte }) =>
          all(equals(d.ticketId, input.ticketId), lte(d.revision, input.revision)),
        orderBy: (d, { desc }) => [desc(d.revision)],
        limit: 1,
      });
      const messages = await listTicketMessages(db, input.ticketId);
      const escalatedBy = await lastEscalationActor(db, input.ticketId);
      const { ticket } = found;
      const message = buildTeamCard(textsFor(found), {
        ticketId: ticket.id,
        orderId: ticket.orderId,
        shopName: found.shopName,
        buyerText: messages.map((m) => m.text).join('\n\n'),
        language: ticket.language,
        category: ticket.category,
        confidence: ticket.confidence,
        urgency: ticket.urgency,
        sentiment: ticket.sentiment,
        draft: draft?.text ?? '',
        draftNote: draft?.note,
        reason: input.reason,
        ...(escalatedBy ? { escalatedBy } : {}),
        revision: input.revision,
      });

      const previous = cards.filter((c) => c.closed === 0).at(-1);
      let ref: { channel: string; ts: string } | undefined;
      if (previous) {
        const updated = await slackCall('chat.update', () =>
          slack.update(previous.chatId, previous.messageId, message),
        );
        if (updated) ref = { channel: previous.chatId, ts: previous.messageId };
      }
      if (!ref) ref = await slackCall('chat.postMessage', () => slack.postMessage(slackChannel, message));
      await saveCard(db, {
        ticketId: ticket.id,
        revision: input.revision,
        channel: SLACK_CARD_CHANNEL,
        chatId: ref.channel,
        messageId: ref.ts,
      });
      if (previous) await closeCard(db, previous.id);
      await addTicketEvent(
        db,
        ticket.id,
        'escalated_to_team',
        { revision: input.revision, reason: input.reason, channel: 'slack' },
        `slack_card:${input.revision}`,
      );
      logger.info({ ticketId: ticket.id, revision: input.revision }, 'ticket escalated to the Slack team');
      return { posted: true, ...ref };
    },

    /** Edits the ticket's open Slack cards to the outcome ("Approved by X at Y"), buttons removed. */
    async closeTeamCards(input: { ticketId: string }): Promise<{ updated: number }> {
      if (!deps.slack) return { updated: 0 };
      const open = await listSlackCards(db, input.ticketId, { openOnly: true });
      if (open.length === 0) return { updated: 0 };
      const found = await getTicketWithDraft(db, input.ticketId);
      if (!found) return { updated: 0 };
      const slack = (await deps.slack.forShop(found.ticket.shopId))?.cards;
      if (!slack) return { updated: 0 };
      const { ticket } = found;
      const decision = await getDecision(db, input.ticketId);
      const action = decision?.action ?? OUTCOME_FOR_STATUS[ticket.status];
      if (!action) {
        logger.warn({ ticketId: ticket.id, status: ticket.status }, 'closeTeamCards on an undecided ticket');
        return { updated: 0 };
      }
      const actor: Actor = decision
        ? {
            channel: decision.actorChannel as Actor['channel'],
            id: decision.actorId,
            ...(decision.actorName ? { name: decision.actorName } : {}),
          }
        : ((ticket.decidedBy as Actor | null) ?? { channel: 'system', id: 'sellerdesk' });
      const message = buildOutcomeMessage(textsFor(found), {
        ticketId: ticket.id,
        orderId: ticket.orderId,
        shopName: found.shopName,
        action,
        actor,
        decidedAt: decision?.decidedAt ?? ticket.decidedAt ?? ticket.updatedAt,
        finalText: ticket.finalText ?? decision?.text,
        status: ticket.status,
      });
      let updated = 0;
      const done = new Set<string>();
      for (const card of open) {
        // Several revisions may share one message (edited in place): edit it once.
        const key = `${card.chatId}:${card.messageId}`;
        if (!done.has(key)) {
          if (await slackCall('chat.update', () => slack.update(card.chatId, card.messageId, message)))
            updated++;
          done.add(key);
        }
        await closeCard(db, card.id);
      }
      return { updated };
    },

    /**
     * Posts a later buyer message (stored redacted; read here by its id, so the workflow never
     * carries its text) into the thread of the ticket's Slack card, once per message; no card, no post.
     */
    async postBuyerMessageToTeamThread(input: {
      ticketId: string;
      messageId: string;
    }): Promise<{ posted: boolean; ts?: string }> {
      if (!deps.slack) return { posted: false };
      const cards = await listSlackCards(db, input.ticketId);
      const card = cards.filter((c) => c.closed === 0).at(-1) ?? cards.at(-1);
      if (!card) return { posted: false };
      const ticket = await getTicket(db, input.ticketId);
      const slack = ticket ? (await deps.slack.forShop(ticket.shopId))?.cards : undefined;
      const shop = ticket ? await getShop(db, ticket.shopId) : null;
      if (!slack || !shop) return { posted: false };
      const [message] = await db
        .select({ text: buyerMessages.text })
        .from(buyerMessages)
        .where(and(eq(buyerMessages.ticketId, input.ticketId), eq(buyerMessages.messageId, input.messageId)))
        .limit(1);
      if (!message) return { posted: false };
      const dedupeKey = `slack_thread:${input.messageId}`;
      const [seen] = await db
        .select({ id: ticketEvents.id })
        .from(ticketEvents)
        .where(and(eq(ticketEvents.ticketId, input.ticketId), eq(ticketEvents.dedupeKey, dedupeKey)))
        .limit(1);
      if (seen) return { posted: false };
      const posted = await slackCall('chat.postMessage', () =>
        slack.postThread(card.chatId, card.messageId, buildBuyerThreadMessage(textsFor(shop), message.text)),
      );
      await addTicketEvent(
        db,
        input.ticketId,
        'team_thread_message',
        { channel: 'slack', ts: posted.ts, messageId: input.messageId },
        dedupeKey,
      );
      return { posted: true, ts: posted.ts };
    },
  };
}

/** The Slack activity functions as the workflow sees them (type-only import there). */
export type SlackActivities = ReturnType<typeof createSlackActivities>;
