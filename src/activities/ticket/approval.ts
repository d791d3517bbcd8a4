import { ApplicationFailure } from '@temporalio/common';
import {
  buildCardText,
  buildDecisionKeyboard,
  buildOutcomeText,
  buildSupersededText,
} from '../../channels/telegram/cards.js';
import { getShop, listTelegramChats } from '../../db/shops-repo.js';
import {
  addTicketEvent,
  closeCard,
  getDecision,
  getTicket,
  listCardsForRevision,
  listOpenCards,
  listTicketMessages,
  saveCard,
} from '../../db/tickets-repo.js';
import type { Language } from '../../domain/types.js';
import type { TicketActivityDeps } from './deps.js';

/** The seller's approval cards in the linked chats: post, replace, close, remind. */
export function createApprovalActivities(deps: TicketActivityDeps) {
  const { db, renderer } = deps;

  async function sellerLanguageFor(shopId: string, chatLanguage?: Language | null): Promise<Language> {
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
  };
}
