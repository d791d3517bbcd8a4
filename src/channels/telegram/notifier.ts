import { autoRetry } from '@grammyjs/auto-retry';
import { Api, type RawApi } from 'grammy';
import type { InlineKeyboardMarkup } from 'grammy/types';

/** Sends and edits approval cards; the port the ticket activities use. */
export interface TelegramCards {
  sendCard(chatId: string, text: string, keyboard: InlineKeyboardMarkup | null): Promise<string>;
  editCard(
    chatId: string,
    messageId: string,
    text: string,
    keyboard: InlineKeyboardMarkup | null,
  ): Promise<void>;
}

/** A Bot API client with timeouts and the auto-retry plugin (429 `retry_after`, 5xx backoff). */
export function createTelegramApi(token: string, apiRoot: string, timeoutSeconds = 15): Api<RawApi> {
  const api = new Api(token, { apiRoot, timeoutSeconds });
  api.config.use(autoRetry({ maxRetryAttempts: 5, maxDelaySeconds: 60, rethrowHttpErrors: false }));
  return api;
}

/** Card sender over the Bot API; "message is not modified" edits count as done. */
export function createTelegramCards(
  api: Api<RawApi>,
  onError?: (operation: 'sendMessage' | 'editMessageText') => void,
): TelegramCards {
  return {
    async sendCard(chatId, text, keyboard) {
      try {
        const message = await api.sendMessage(chatId, text, {
          ...(keyboard ? { reply_markup: keyboard } : {}),
          link_preview_options: { is_disabled: true },
        });
        return String(message.message_id);
      } catch (error) {
        onError?.('sendMessage');
        throw error;
      }
    },
    async editCard(chatId, messageId, text, keyboard) {
      try {
        await api.editMessageText(chatId, Number(messageId), text, {
          ...(keyboard ? { reply_markup: keyboard } : { reply_markup: { inline_keyboard: [] } }),
          link_preview_options: { is_disabled: true },
        });
      } catch (error) {
        const description = (error as { description?: string }).description ?? '';
        // Already edited (a retried activity) or deleted by the seller: nothing left to do.
        if (/message is not modified|message to edit not found/i.test(description)) return;
        onError?.('editMessageText');
        throw error;
      }
    },
  };
}
