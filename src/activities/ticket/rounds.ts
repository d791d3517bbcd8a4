/**
 * The ticket workflow's rounds, each one local activity (issue 15): presenting a draft (classify
 * and draft, the auto-send gate, the approval cards, the listing complaint and the shop's SLA),
 * announcing an escalation (record it, say so on the seller's cards) and concluding a decision
 * (record it, the first delivery attempt, close the cards).
 *
 * Why rounds and not one local activity per step: every local-activity result is a workflow
 * activation, and every activation enters the workflow sandbox three times; the SDK guards each
 * entry with a `vm` timeout, and Node starts a watchdog thread per guarded call (nodejs/node#47739),
 * which made the sandbox the worker's busiest thread. A round costs one activation.
 *
 * Every step is idempotent on its own (drafts per revision, cards per chat, decisions and events by
 * dedupe key, deliveries by `(ticketId, revision)`), so a round that fails part-way is retried
 * whole, and the workflow falls back to the same round as a regular activity when retries run out.
 */
import type { TicketAndShop } from '../../db/tickets-repo.js';
import type { DraftSummary, SlaSettings } from '../../domain/ticket/index.js';
import { autoSendCandidate } from '../../domain/ticket/index.js';
import type { Actor, Category } from '../../domain/types.js';
import type { ListingActivities } from '../listing-activities.js';
import type { SaveDecisionInput } from './decision.js';
import type { PresentedDraft } from './deps.js';
import type { TicketActivities } from './index.js';

type RoundSteps = Pick<
  TicketActivities,
  | 'draftTicket'
  | 'recordCorrection'
  | 'authorizeAutoSend'
  | 'requestApproval'
  | 'ticketSetup'
  | 'saveDecision'
  | 'deliverReply'
  | 'closeApprovalCards'
  | 'markEscalated'
  | 'markCardsEscalated'
  | 'remindSeller'
> &
  Pick<ListingActivities, 'linkListingDispute'>;

export interface PresentDraftInput {
  ticketId: string;
  revision: number;
  /** The ticket is with the support team: no auto-send, no SLA set-up, no listing complaint. */
  escalated: boolean;
  /** Link a "not as described" complaint to its listing (once per ticket). */
  linkListing: boolean;
  /** Load the shop's SLA timers and team channel (once per ticket). */
  setup: boolean;
  /** The category the seller set (a correction, now or earlier): drafted in it, never auto-sent. */
  category?: Category;
  /** This round answers a correction to `category`: kept as the shop's example first. */
  correction?: { from: Category; actor: Actor; at: string };
}

export interface PresentDraftResult {
  draft: DraftSummary;
  /** Set when the earned auto-send gate let the draft go without a human. */
  autoSent?: { rule: string };
  /** The approval cards were posted (false: the workflow posts them again as a step of its own). */
  asked: boolean;
  /** A listing complaint link was attempted (whatever its outcome). */
  listingLinked: boolean;
  setup?: { sla: SlaSettings; teamChannel: boolean };
}

export interface ConcludeDecisionInput extends SaveDecisionInput {
  /** Attempt the delivery once (approved, edited or auto-sent replies). */
  deliver: boolean;
  /** Edit the approval cards to show the outcome. */
  closeCards: boolean;
}

export interface AnnounceEscalationInput {
  ticketId: string;
  actor: Actor;
  /** When the escalation was accepted (ISO 8601, from the workflow). */
  at: string;
  reason: string;
  /** No team channel takes the ticket: tell the seller's chats it went to the team. */
  remindSeller: boolean;
}

export interface AnnounceEscalationResult {
  /** The seller's cards say so (false: the workflow edits them again as a step of its own). */
  cardsMarked: boolean;
}

export interface ConcludeDecisionResult {
  /** false: the first attempt failed and the workflow hands the reply to the retrying activity. */
  delivered: boolean;
}

export function createTicketRounds(steps: RoundSteps) {
  return {
    /** Drafts revision `revision` and puts it before the seller (or sends it, when earned). */
    async presentDraft(input: PresentDraftInput): Promise<PresentDraftResult> {
      const { ticketId, revision, category, correction } = input;
      // The example is the text the classifier read before this redraft, labelled by the seller.
      if (correction && category) {
        await steps.recordCorrection({ ticketId, revision, category, ...correction });
      }
      // The ticket and shop the draft step read go on to the gate and the set-up (one read, not
      // three); an erased ticket's steps read again for themselves.
      const keep: { loaded?: TicketAndShop; presented?: PresentedDraft } = {};
      const draft = await steps.draftTicket({ ticketId, revision, ...(category ? { category } : {}) }, keep);
      const loaded = keep.loaded && !keep.loaded.ticket.erasedAt ? keep.loaded : undefined;
      const kind = autoSendCandidate(draft, input.escalated);
      if (kind) {
        const verdict = await steps.authorizeAutoSend(
          { ticketId, kind },
          loaded ? { draft, loaded } : undefined,
        );
        if (verdict.allowed)
          return { draft, autoSent: { rule: verdict.rule }, asked: false, listingLinked: false };
      }
      // A failed card post does not redo the draft: the workflow posts the cards again on its own
      // (and takes a decision on the saved draft meanwhile), the rest of the round goes on.
      const asked = await steps
        .requestApproval(
          {
            ticketId,
            revision,
            ...(correction ? { replaces: 'category_corrected' as const } : {}),
          },
          keep.presented,
        )
        .then(
          () => true,
          () => false,
        );
      if (input.escalated) return { draft, asked, listingLinked: false };
      const linkListing = input.linkListing && draft.category === 'not_as_described' && !draft.preset;
      // Complaint bookkeeping never holds up the card: the ticket goes on without it.
      if (linkListing) await steps.linkListingDispute({ ticketId }).catch(() => undefined);
      const setup = input.setup ? await steps.ticketSetup({ ticketId }, loaded) : undefined;
      return { draft, asked, listingLinked: linkListing, ...(setup ? { setup } : {}) };
    },

    /**
     * Records an escalation (status, who and why) and edits the seller's cards to say the ticket
     * went to the support team, by whom and when, without decision buttons; with no team channel,
     * tells the seller's chats. A failed card edit does not redo the rest: the workflow edits the
     * cards again on its own.
     */
    async announceEscalation(input: AnnounceEscalationInput): Promise<AnnounceEscalationResult> {
      const { ticketId } = input;
      await steps.markEscalated({ ticketId, actor: input.actor, at: input.at, reason: input.reason });
      const cardsMarked = await steps.markCardsEscalated({ ticketId }).then(
        () => true,
        () => false,
      );
      if (input.remindSeller) await steps.remindSeller({ ticketId, kind: 'escalated' });
      return { cardsMarked };
    },

    /** Records the decision, attempts the delivery once and closes the cards. */
    async concludeDecision(input: ConcludeDecisionInput): Promise<ConcludeDecisionResult> {
      const { deliver, closeCards, ...decision } = input;
      await steps.saveDecision(decision);
      let delivered = false;
      if (deliver) {
        // Any failure (receiver down, ticket closed by an erasure meanwhile) goes to the retrying
        // delivery activity, which retries what can be retried and fails what cannot.
        delivered = await steps
          .deliverReply({ ticketId: input.ticketId, revision: input.revision })
          .then(() => true)
          .catch(() => false);
      }
      if (closeCards) await steps.closeApprovalCards({ ticketId: input.ticketId });
      return { delivered };
    },
  };
}

export type TicketRounds = ReturnType<typeof createTicketRounds>;
