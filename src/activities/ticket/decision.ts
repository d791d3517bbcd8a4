import { ApplicationFailure } from '@temporalio/common';
import { autoSendPaused, recentHumanDecisions, recordAutoSendCheck } from '../../db/auto-send-repo.js';
import { editedReplyText, markTicketEscalated } from '../../db/decisions-repo.js';
import type { Shop } from '../../db/schema/index.js';
import {
  addTicketEvent,
  getTicketAndShop,
  recordDecision,
  type TicketAndShop,
} from '../../db/tickets-repo.js';
import { decideAutoSend, verdictBeforeTrust } from '../../domain/shop/plans.js';
import { effectiveSettings } from '../../domain/shop/settings.js';
import type { DraftSummary } from '../../domain/ticket/index.js';
import type { Category, DecisionAction, Language, TicketStatus } from '../../domain/types.js';
import { observeApproval } from '../../observability/metrics.js';
import type { TicketActivityDeps } from './deps.js';

const STATUS_FOR_ACTION: Record<DecisionAction, TicketStatus> = {
  approve: 'sent',
  edit: 'sent',
  reject: 'rejected',
  escalate: 'escalated',
};

/** A decision as the ticket workflow records it. */
export interface SaveDecisionInput {
  ticketId: string;
  action: DecisionAction;
  revision: number;
  actor: { channel: string; id: string; name?: string };
  /** The stored edited text (`reply_edits` row) of an edit. */
  editId?: number;
  decidedAt: string;
  status: TicketStatus;
}

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
      shop: Shop;
      category: Category;
      language: Language;
      confidence: number;
      kind?: 'buyer' | 'system';
      abstained?: boolean;
      urgency?: string;
      openDisputeWithDeadline: boolean;
      /** The ticket's current revision (the check is recorded once per revision). */
      revision: number;
    }): Promise<{ allowed: boolean; rule: string }> {
      const { shop } = input;
      const settings = effectiveSettings(shop.settings);
      const rules = {
        plan: shop.plan,
        // Only the auto plan reads its pause (the plan rule comes first).
        paused: shop.plan === 'auto' ? await autoSendPaused(db, shop.id) : false,
        kind: input.kind ?? 'system',
        systemOptIn: settings.logistics.autoApology,
        category: input.category,
        language: input.language,
        confidence: input.confidence,
        abstained: input.abstained ?? false,
        urgency: input.urgency ?? 'normal',
        openDisputeWithDeadline: input.openDisputeWithDeadline,
        settings: settings.autoSend,
      };
      const verdict =
        verdictBeforeTrust(rules) ??
        decideAutoSend({ ...rules, history: await recentHumanDecisions(db, { ...input, shopId: shop.id }) });
      await recordAutoSendCheck(db, input.ticketId, verdict, `auto_send:${input.revision}`);
      return verdict;
    },
  };

  return {
    /**
     * The earned auto-send gate for the ticket's current draft (labels read from the ticket):
     * records which rule allowed or blocked it.
     */
    async authorizeAutoSend(
      input: {
        ticketId: string;
        kind: 'buyer' | 'system';
      },
      /**
       * In-process callers (a round) pass the draft just saved and the ticket and shop read
       * before it: the labels come from the draft, the shop and dispute from the ticket.
       */
      drafted?: { draft: DraftSummary; loaded: TicketAndShop },
    ): Promise<{ allowed: boolean; rule: string }> {
      if (drafted) {
        const { draft, loaded } = drafted;
        return internal.authorizeAutoSend({
          ticketId: loaded.ticket.id,
          shop: loaded.shop,
          category: draft.category,
          language: draft.language,
          confidence: draft.confidence,
          kind: input.kind,
          abstained: draft.abstained,
          urgency: draft.urgency,
          openDisputeWithDeadline: Boolean(loaded.ticket.dispute?.deadline),
          revision: draft.revision,
        });
      }
      const found = await getTicketAndShop(db, input.ticketId);
      const ticket = found?.ticket;
      if (!found || !ticket?.category || !ticket.language)
        return { allowed: false, rule: 'ticket_not_drafted' };
      return internal.authorizeAutoSend({
        ticketId: ticket.id,
        shop: found.shop,
        category: ticket.category,
        language: ticket.language,
        confidence: ticket.confidence ?? 0,
        kind: input.kind,
        abstained: ticket.abstained === 1,
        urgency: ticket.urgency ?? 'normal',
        openDisputeWithDeadline: Boolean(ticket.dispute?.deadline),
        revision: ticket.currentRevision,
      });
    },

    /**
     * Records the accepted decision, the ticket's resulting status and the audit entry (one
     * statement; an edit reads its stored text first).
     */
    async saveDecision(input: SaveDecisionInput): Promise<void> {
      let text: string | undefined;
      if (input.action === 'edit') {
        const edited = await editedReplyText(db, input.ticketId, input.editId ?? 0);
        if (edited === undefined)
          throw ApplicationFailure.nonRetryable('the edited reply is not stored', 'edit_not_found');
        text = edited;
      }
      const { requestedAt } = await recordDecision(
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
        {
          kind: input.status === 'auto_sent' ? 'auto_send' : 'decision',
          // An API caller's `by` is free text: the audit actor is the token alone, `by` a note.
          actor: input.actor.channel === 'api' ? { channel: 'api', id: input.actor.id } : input.actor,
          details: {
            action: input.action,
            revision: input.revision,
            status: input.status,
            ...(input.actor.channel === 'api' && input.actor.name ? { by: input.actor.name } : {}),
          },
          dedupeKey: `decision:${input.ticketId}`,
        },
      );
      if (requestedAt) {
        observeApproval(deps.metrics, {
          action: input.action,
          channel: input.actor.channel,
          requestedAt,
          decidedAt: input.decidedAt,
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
      await markTicketEscalated(db, input.ticketId);
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
