import type { ApprovalChannel } from '../../activities/ports.js';
import type { ReplyRenderer } from '../../domain/reply/index.js';
import { buildCardText, buildDecisionKeyboard, buildOutcomeText, buildSupersededText } from './cards.js';
import { buildDigestText } from './digest.js';
import type { TelegramCards } from './notifier.js';

/** The `approval_cards.channel` value of Telegram cards (chatId = chat id, messageId = message id). */
export const TELEGRAM_CARD_CHANNEL = 'telegram';

/**
 * The approval channel over the Bot API: card texts and keyboards in the chat's language
 * (`cards.ts`, the `bot` locale namespace), sent and edited with `cards`.
 */
export function createTelegramApprovalChannel(
  cards: TelegramCards,
  renderer: ReplyRenderer,
): ApprovalChannel {
  return {
    cardChannel: TELEGRAM_CARD_CHANNEL,
    postCard(chat, card) {
      const text = buildCardText(renderer, chat.language, card);
      // An escalated ticket is the team's: its seller cards show it without decision buttons.
      const keyboard = card.escalation
        ? null
        : buildDecisionKeyboard(renderer, chat.language, card.ticket.id, {
            correctable: card.ticket.origin === 'buyer',
          });
      return cards.sendCard(chat.chatId, text, keyboard);
    },
    showEscalation(chat, messageId, card) {
      return cards.editCard(chat.chatId, messageId, buildCardText(renderer, chat.language, card), null);
    },
    markSuperseded(chat, messageId, ticketId, reason) {
      return cards.editCard(
        chat.chatId,
        messageId,
        buildSupersededText(renderer, chat.language, ticketId, reason),
        null,
      );
    },
    showOutcome(chat, messageId, ticket, decision, coupon) {
      return cards.editCard(
        chat.chatId,
        messageId,
        buildOutcomeText(renderer, chat.language, ticket, decision, coupon),
        null,
      );
    },
    async remind(chat, kind, ticket) {
      const text = renderer.t(chat.language, kind === 'reminder' ? 'sla.reminder' : 'sla.escalated', {
        orderId: ticket.orderId,
        ticketId: ticket.id,
      });
      await cards.sendCard(chat.chatId, `${text}\n#${ticket.id}`, null);
    },
    async sendDigest(chat, digest) {
      const text = buildDigestText(renderer, chat.language, digest.shopName, digest.figures);
      await cards.sendCard(chat.chatId, text, null);
    },
    async notify(chatId, text) {
      await cards.sendCard(chatId, text, null);
    },
    replaceCard(chatId, messageId, text) {
      return cards.editCard(chatId, messageId, text, null);
    },
  };
}
