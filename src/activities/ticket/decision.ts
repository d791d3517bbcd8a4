import { ApplicationFailure } from '@temporalio/common';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { recordAudit } from '../../db/audit-repo.js';
import { decisions, replyEdits, shopFlags, ticketEvents, tickets } from '../../db/schema/index.js';
import { getShop } from '../../db/shops-repo.js';
import { addTicketEvent, getTicket, recordDecision } from '../../db/tickets-repo.js';
import { decideAutoSend } from '../../domain/shop/plans.js';
import { effectiveSettings } from '../../domain/shop/settings.js';
import type { Category, DecisionAction, Language, TicketStatus } from '../../domain/types.js';
import { observeApproval } from '../../observability/metrics.js';
import type { TicketActivityDeps } from './deps.js';

const STATUS_FOR_ACTION: Record<DecisionAction, TicketStatus> = {
  approve: 'sent',
  edit: 'sent',
  reject: 'rejected',
  escalate: 'escalated',
};

/** Decisions on a ticket: the earned auto-send gate, a recorded decision, an escalation. */
export function createDecisionActivities(deps: TicketActivityDeps) {
  const { db } = deps;

  const internal = {
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
  };

  return {
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
  };
}
