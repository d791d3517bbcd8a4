import { ApplicationFailure } from '@temporalio/common';
import { closeCard, listCards, listOpenCards, saveCard } from '../../db/cards-repo.js';
import { getDraft } from '../../db/drafts-repo.js';
import { retryThroughOutage } from '../../db/retry.js';
import { getShop, listChatsForCards } from '../../db/shops-repo.js';
import { lastEscalation } from '../../db/ticket-events-repo.js';
import {
  addTicketEvent,
  getDecision,
  getTicket,
  getTicketWithDecision,
  listTicketMessages,
} from '../../db/tickets-repo.js';
import type { SellerLanguage } from '../../domain/shop/seller-language.js';
import type { CardEscalation, SupersededReason } from '../ports.js';
import type { PresentedDraft, TicketActivityDeps } from './deps.js';

/** The seller's approval cards in the linked chats (through the approval channel): post, replace, close, remind. */
export function createApprovalActivities(deps: TicketActivityDeps) {
  const { db } = deps;

  /** A card's language: its chat's (with the shop's as default), or the shop's for an unlinked chat. */
  async function sellerLanguageFor(
    shopId: string,
    chatLanguage?: SellerLanguage | null,
  ): Promise<SellerLanguage> {
    if (chatLanguage) return chatLanguage;
    const shop = await getShop(db, shopId);
    return shop?.sellerLanguage ?? 'en';
  }

  return {
    /** Nudges the shop's linked chats about a ticket still waiting (reminder) or handed to the team. */
    async remindSeller(input: {
      ticketId: string;
      kind: 'reminder' | 'escalated';
    }): Promise<{ sent: number }> {
      const approvals = deps.approvals;
      const ticket = await getTicket(db, input.ticketId);
      if (!ticket) return { sent: 0 };
      await addTicketEvent(
        db,
        ticket.id,
        input.kind === 'reminder' ? 'sla_reminder' : 'escalation_notice',
        {},
        `sla:${input.kind}`,
      );
      if (!approvals) return { sent: 0 };
      let sent = 0;
      for (const chat of await listChatsForCards(db, ticket.shopId)) {
        await approvals.remind({ chatId: chat.chatId, language: chat.language }, input.kind, ticket);
        sent++;
      }
      return { sent };
    },

    /**
     * Posts the approval card for `revision` to every linked chat, once per chat even when retried,
     * and turns older cards of the ticket into "replaced" notes without buttons.
     */
    async requestApproval(
      input: {
        ticketId: string;
        revision: number;
        /** Why older cards are replaced (default: the buyer wrote again). */
        replaces?: SupersededReason;
      },
      /** In-process callers (a round) hand over what its draft step saved and read. */
      presented?: PresentedDraft,
    ): Promise<{ cards: number }> {
      const ticket = presented?.ticket ?? (await getTicket(db, input.ticketId));
      if (!ticket) throw ApplicationFailure.nonRetryable('ticket vanished', 'ticket_not_found');
      // An erased buyer's text is never posted again (the card erasure edits earlier cards).
      if (ticket.erasedAt) return { cards: 0 };
      const approvals = deps.approvals;
      if (!approvals) {
        await addTicketEvent(
          db,
          ticket.id,
          'approval_requested',
          { revision: input.revision, channels: [] },
          `approval:${input.revision}`,
        );
        return { cards: 0 };
      }
      const messages = presented?.messages ?? (await listTicketMessages(db, ticket.id));
      const chats = await listChatsForCards(db, ticket.shopId);
      // One read of the ticket's cards: those of this revision (posted by an earlier attempt) and
      // the open ones of older revisions, replaced below.
      const cards = await listCards(db, ticket.id);
      const already = new Set(cards.filter((c) => c.revision === input.revision).map((c) => c.chatId));
      const draft = presented?.draft ?? (await getDraft(db, ticket.id, input.revision));
      // A redraft of an escalated ticket reaches the seller without buttons: the team decides it.
      const escalation = ticket.status === 'escalated' ? await lastEscalation(db, ticket.id) : undefined;
      const open = cards.filter((c) => c.closed === 0);
      for (const old of open.filter((c) => c.channel === approvals.cardChannel)) {
        if (old.revision >= input.revision) continue;
        const language = await sellerLanguageFor(
          ticket.shopId,
          chats.find((c) => c.chatId === old.chatId)?.language,
        );
        await approvals.markSuperseded(
          { chatId: old.chatId, language },
          old.messageId,
          ticket.id,
          input.replaces ?? 'buyer_wrote',
        );
        await closeCard(db, old.id);
      }
      const requested = {
        kind: 'approval_requested',
        details: { revision: input.revision, channels: chats.length ? [approvals.cardChannel] : [] },
        dedupeKey: `approval:${input.revision}`,
      };
      const toPost = chats.filter((chat) => !already.has(chat.chatId));
      let posted = 0;
      for (const chat of toPost) {
        const messageId = await approvals.postCard(
          { chatId: chat.chatId, language: chat.language },
          {
            ticket,
            buyerText: messages.map((m) => m.text).join('\n\n'),
            draftText: draft?.text ?? '',
            note: draft?.note ?? undefined,
            // Text and coupon come from the one stored draft row, which the delivery sends too.
            coupon: draft?.coupon,
            ...(escalation ? { escalation: { by: escalation.actor, at: escalation.at } } : {}),
          },
        );
        posted++;
        // The last card and the timeline's `approval_requested` go in one statement. The card is
        // out: a database restart right now must not fail the step (its retry would post the card
        // again, Telegram has no idempotency key), so the save waits the outage out.
        const last = posted === toPost.length;
        await retryThroughOutage(() =>
          saveCard(
            db,
            {
              ticketId: ticket.id,
              revision: input.revision,
              channel: approvals.cardChannel,
              chatId: chat.chatId,
              messageId,
            },
            last ? requested : undefined,
          ),
        );
      }
      if (input.revision === 1 && already.size === 0 && posted > 0) {
        deps.metrics?.ingestToCardSeconds.observe(
          { channel: approvals.cardChannel },
          Math.max(0, (Date.now() - ticket.createdAt.getTime()) / 1000),
        );
      }
      if (posted === 0) {
        await addTicketEvent(db, ticket.id, requested.kind, requested.details, requested.dedupeKey);
      }
      return { cards: posted + already.size };
    },

    /**
     * Edits the ticket's open seller cards to say it went to the support team, by whom and when,
     * decision buttons removed. The cards stay open: the decision that ends the ticket edits them to
     * its outcome. Nothing to do once the ticket is decided.
     */
    async markCardsEscalated(input: { ticketId: string }): Promise<{ cards: number }> {
      const approvals = deps.approvals;
      const ticket = await getTicket(db, input.ticketId);
      if (!approvals || !ticket || ticket.erasedAt) return { cards: 0 };
      if (await getDecision(db, input.ticketId)) return { cards: 0 };
      const escalated = await lastEscalation(db, ticket.id);
      if (!escalated) return { cards: 0 };
      const escalation: CardEscalation = { by: escalated.actor, at: escalated.at };
      const open = (await listOpenCards(db, ticket.id)).filter((c) => c.channel === approvals.cardChannel);
      if (open.length === 0) return { cards: 0 };
      const chats = await listChatsForCards(db, ticket.shopId);
      const buyerText = (await listTicketMessages(db, ticket.id)).map((m) => m.text).join('\n\n');
      for (const card of open) {
        const draft = await getDraft(db, ticket.id, card.revision);
        const language = await sellerLanguageFor(
          ticket.shopId,
          chats.find((c) => c.chatId === card.chatId)?.language,
        );
        await approvals.showEscalation({ chatId: card.chatId, language }, card.messageId, {
          ticket,
          buyerText,
          draftText: draft?.text ?? '',
          note: draft?.note ?? undefined,
          coupon: draft?.coupon,
          escalation,
        });
      }
      return { cards: open.length };
    },

    /**
     * Edits every open card of a decided ticket to show the outcome, who decided and when, and what
     * was sent: the text and coupon of the decided revision's draft.
     */
    async closeApprovalCards(input: { ticketId: string }): Promise<void> {
      const approvals = deps.approvals;
      if (!approvals) return;
      const found = await getTicketWithDecision(db, input.ticketId);
      const ticket = found?.ticket;
      const decision = found?.decision;
      if (!ticket || !decision) return;
      const chats = await listChatsForCards(db, ticket.shopId);
      const open = await listOpenCards(db, input.ticketId);
      for (const card of open.filter((c) => c.channel === approvals.cardChannel)) {
        const language = await sellerLanguageFor(
          ticket.shopId,
          chats.find((c) => c.chatId === card.chatId)?.language,
        );
        await approvals.showOutcome(
          { chatId: card.chatId, language },
          card.messageId,
          ticket,
          decision,
          found.sentCoupon ?? undefined,
        );
        await closeCard(db, card.id);
      }
    },
  };
}
