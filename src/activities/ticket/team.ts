import { ApplicationFailure } from '@temporalio/common';
import type { Logger } from 'pino';
import { buyerMessageText } from '../../db/buyer-messages-repo.js';
import { closeCard, listSlackCards, saveCard } from '../../db/cards-repo.js';
import type { Db } from '../../db/client.js';
import { getDraft, latestDraftUpTo } from '../../db/drafts-repo.js';
import { retryThroughOutage } from '../../db/retry.js';
import { hasTicketEvent, lastEscalation } from '../../db/ticket-events-repo.js';
import { getTicketWithDraft } from '../../db/ticket-views-repo.js';
import { addTicketEvent, getDecision, getTicket, listTicketMessages } from '../../db/tickets-repo.js';
import type { Actor, DecisionAction } from '../../domain/types.js';
import { isChannelFailure, type TeamCard, type TeamChannel, type TeamOutcome } from '../ports.js';

/** What the team steps need: the team channel (a no-op one when Slack is off). */
export interface TeamActivityDeps {
  db: Db;
  logger: Logger;
  team: TeamChannel;
}

/** Result of `escalateToTeam`: whether this call posted (or re-posted) and where the card is. */
export interface TeamCardPost {
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

/** Turns a channel failure into the Temporal failure the workflow's retry policy acts on. */
function asActivityFailure(error: unknown): unknown {
  if (!isChannelFailure(error)) return error;
  return ApplicationFailure.create({
    type: error.code,
    message: error.message,
    nonRetryable: !error.retryable,
    ...(error.retryAfterSeconds !== undefined
      ? { nextRetryDelay: `${error.retryAfterSeconds} seconds` }
      : {}),
    details: [error.details],
  });
}

async function teamCall<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw asActivityFailure(error);
  }
}

/**
 * The team side of a ticket (issue 6) through the team channel port. Each step is idempotent (card
 * refs in `approval_cards` with the team channel's name, thread posts deduplicated by ticket event)
 * and a no-op returning `posted: false` when no team channel is configured. Channel failures are
 * retryable `ApplicationFailure`s (`slack_rate_limited` carries Retry-After as `nextRetryDelay`);
 * malformed requests are not.
 */
export function createTeamActivities(deps: TeamActivityDeps) {
  const { db, logger, team } = deps;

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
    }): Promise<TeamCardPost> {
      if (!team.enabled) return { posted: false };
      const found = await getTicketWithDraft(db, input.ticketId);
      if (!found) throw ApplicationFailure.nonRetryable('ticket vanished', 'ticket_not_found');
      const shopTeam = await team.forShop(found.ticket.shopId);
      if (!shopTeam?.channel) return { posted: false };
      const teamChannel = shopTeam.channel;
      const cards = await listSlackCards(db, input.ticketId);
      const existing = cards.find((c) => c.revision === input.revision);
      if (existing) return { posted: false, channel: existing.chatId, ts: existing.messageId };

      const draft = await latestDraftUpTo(db, input.ticketId, input.revision);
      const messages = await listTicketMessages(db, input.ticketId);
      const escalated = await lastEscalation(db, input.ticketId);
      const { ticket } = found;
      const card: TeamCard = {
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
        coupon: draft?.coupon,
        reason: input.reason,
        ...(escalated ? { escalatedBy: escalated.actor, escalatedAt: escalated.at } : {}),
        revision: input.revision,
        correctable: ticket.origin === 'buyer',
      };

      const previous = cards.filter((c) => c.closed === 0).at(-1);
      let ref: { channel: string; ts: string } | undefined;
      if (previous) {
        const updated = await teamCall(() =>
          shopTeam.updateCard({ chatId: previous.chatId, messageId: previous.messageId }, card),
        );
        if (updated) ref = { channel: previous.chatId, ts: previous.messageId };
      }
      if (!ref) {
        const posted = await teamCall(() => shopTeam.postCard(teamChannel, card));
        ref = { channel: posted.chatId, ts: posted.messageId };
      }
      // Posted: wait a database restart out rather than post the card again on a retry.
      const saved = { channel: ref.channel, ts: ref.ts };
      await retryThroughOutage(() =>
        saveCard(db, {
          ticketId: ticket.id,
          revision: input.revision,
          channel: team.cardChannel,
          chatId: saved.channel,
          messageId: saved.ts,
        }),
      );
      if (previous) await closeCard(db, previous.id);
      await addTicketEvent(
        db,
        ticket.id,
        'escalated_to_team',
        { revision: input.revision, reason: input.reason, channel: team.cardChannel },
        `slack_card:${input.revision}`,
      );
      logger.info({ ticketId: ticket.id, revision: input.revision }, 'ticket escalated to the Slack team');
      return { posted: true, ...ref };
    },

    /** Edits the ticket's open team cards to the outcome ("Approved by X at Y"), buttons removed. */
    async closeTeamCards(input: { ticketId: string }): Promise<{ updated: number }> {
      if (!team.enabled) return { updated: 0 };
      const open = await listSlackCards(db, input.ticketId, { openOnly: true });
      if (open.length === 0) return { updated: 0 };
      const found = await getTicketWithDraft(db, input.ticketId);
      if (!found) return { updated: 0 };
      const shopTeam = await team.forShop(found.ticket.shopId);
      if (!shopTeam) return { updated: 0 };
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
      const sent = decision ? await getDraft(db, ticket.id, decision.revision) : undefined;
      const outcome: TeamOutcome = {
        ticketId: ticket.id,
        orderId: ticket.orderId,
        shopName: found.shopName,
        action,
        actor,
        decidedAt: decision?.decidedAt ?? ticket.decidedAt ?? ticket.updatedAt,
        finalText: ticket.finalText ?? decision?.text,
        coupon: sent?.coupon,
        status: ticket.status,
      };
      let updated = 0;
      const done = new Set<string>();
      for (const card of open) {
        // Several revisions may share one message (edited in place): edit it once.
        const key = `${card.chatId}:${card.messageId}`;
        if (!done.has(key)) {
          if (await teamCall(() => shopTeam.showOutcome(card, outcome))) updated++;
          done.add(key);
        }
        await closeCard(db, card.id);
      }
      return { updated };
    },

    /**
     * Posts a later buyer message (stored redacted; read here by its id, so the workflow never
     * carries its text) into the thread of the ticket's team card, once per message; no card, no post.
     */
    async postBuyerMessageToTeamThread(input: {
      ticketId: string;
      messageId: string;
    }): Promise<{ posted: boolean; ts?: string }> {
      if (!team.enabled) return { posted: false };
      const cards = await listSlackCards(db, input.ticketId);
      const card = cards.filter((c) => c.closed === 0).at(-1) ?? cards.at(-1);
      if (!card) return { posted: false };
      const ticket = await getTicket(db, input.ticketId);
      const shopTeam = ticket ? await team.forShop(ticket.shopId) : undefined;
      if (!shopTeam) return { posted: false };
      const text = await buyerMessageText(db, input.ticketId, input.messageId);
      if (text === undefined) return { posted: false };
      const dedupeKey = `slack_thread:${input.messageId}`;
      if (await hasTicketEvent(db, input.ticketId, dedupeKey)) return { posted: false };
      const posted = await teamCall(() => shopTeam.postToThread(card, text));
      await addTicketEvent(
        db,
        input.ticketId,
        'team_thread_message',
        { channel: team.cardChannel, ts: posted.ts, messageId: input.messageId },
        dedupeKey,
      );
      return { posted: true, ts: posted.ts };
    },
  };
}
