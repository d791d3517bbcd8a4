import type { Bot } from 'grammy';
import type { Logger } from 'pino';

/**
 * Starts receiving Telegram updates: with a webhook secret, registers `PUBLIC_URL/telegram/webhook`
 * (or says to, when PUBLIC_URL is unset) and the API's webhook route takes them; without one, long
 * polling (unless `polling` is false). Returns the cleanup that stops polling, if any.
 */
export async function startTelegramUpdates(
  bot: Bot,
  options: { webhookSecret?: string | undefined; publicUrl?: string | undefined; polling: boolean },
  logger: Logger,
): Promise<(() => Promise<void>) | undefined> {
  if (options.webhookSecret) {
    if (options.publicUrl) {
      await bot.api.setWebhook(`${options.publicUrl.replace(/\/$/, '')}/telegram/webhook`, {
        secret_token: options.webhookSecret,
        allowed_updates: ['message', 'callback_query'],
      });
      logger.info('Telegram webhook registered');
    } else {
      logger.info('Telegram webhook mode: register PUBLIC_URL/telegram/webhook yourself (PUBLIC_URL unset)');
    }
    return undefined;
  }
  if (!options.polling) return undefined;
  void bot
    .start({ allowed_updates: ['message', 'callback_query'], drop_pending_updates: false })
    .catch((error: Error) => logger.error({ err: { message: error.message } }, 'Telegram polling stopped'));
  logger.info('Telegram long polling started');
  return async () => {
    if (bot.isRunning()) await bot.stop();
  };
}
