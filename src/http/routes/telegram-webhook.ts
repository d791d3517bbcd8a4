import { BotError } from 'grammy';
import type { Update } from 'grammy/types';
import { z } from 'zod';
import { safeEqual } from '../auth.js';
import { sendError } from '../errors.js';
import type { RoutePlugin } from './context.js';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The fields every real Update carries for the kinds the bot handles (a chat, a sender). */
function isPlausibleUpdate(update: unknown): update is Update {
  if (!isRecord(update) || !Number.isInteger(update.update_id)) return false;
  for (const kind of ['message', 'edited_message', 'channel_post', 'edited_channel_post'] as const) {
    const message = update[kind];
    if (message === undefined) continue;
    if (!isRecord(message) || !isRecord(message.chat) || typeof message.chat.id !== 'number') return false;
    if (typeof message.message_id !== 'number' || typeof message.date !== 'number') return false;
  }
  const callback = update.callback_query;
  if (callback !== undefined) {
    if (!isRecord(callback) || typeof callback.id !== 'string') return false;
    if (!isRecord(callback.from) || typeof callback.from.id !== 'number') return false;
  }
  return true;
}

/** What the OpenAPI document shows of an Update: Telegram defines it (core.telegram.org/bots/api#update). */
const updateBody = z
  .looseObject({
    update_id: z.number().int(),
    message: z.looseObject({}).optional(),
    callback_query: z.looseObject({}).optional(),
  })
  .meta({
    examples: [
      {
        update_id: 7_000_001,
        message: {
          message_id: 1,
          date: 1_765_000_000,
          chat: { id: 777, type: 'private', first_name: 'Ana' },
          from: { id: 777, is_bot: false, first_name: 'Ana' },
          text: '/start lnk_0123456789abcdef',
        },
      },
    ],
  });

/**
 * `POST /telegram/webhook` (TELEGRAM_WEBHOOK_SECRET, docs/OPERATIONS.md): Telegram's updates, checked
 * against the secret header, handed to the bot. Registered only when a webhook secret is set.
 */
export const telegramWebhookRoutes: RoutePlugin = async (app, ctx) => {
  const telegram = ctx.telegram;
  if (!telegram?.webhookSecret) return;
  const secret = telegram.webhookSecret;
  const schema = {
    summary: 'Telegram’s updates (only with TELEGRAM_WEBHOOK_SECRET)',
    description:
      'Registered only when `TELEGRAM_WEBHOOK_SECRET` is set (else the bot long-polls). With `PUBLIC_URL`, sellerdesk registers `PUBLIC_URL/telegram/webhook` with `setWebhook` at start-up.',
    tags: ['telegram'],
    security: [{ telegramSecret: [] }],
    body: updateBody,
    response: { 200: z.object({ ok: z.literal(true) }).meta({ description: 'handled' }) },
    errors: {
      400: ['invalid_update', 'invalid_json'],
      401: ['invalid_webhook_secret'],
      415: ['unsupported_media_type'],
    },
  };
  app.post('/telegram/webhook', { schema }, async (request, reply) => {
    const given = request.headers['x-telegram-bot-api-secret-token'];
    if (typeof given !== 'string' || !safeEqual(given, secret)) {
      return sendError(
        reply,
        401,
        'invalid_webhook_secret',
        'missing or wrong X-Telegram-Bot-Api-Secret-Token',
      );
    }
    const update = request.body as Update | undefined;
    if (!isPlausibleUpdate(update)) {
      return sendError(reply, 400, 'invalid_update', 'the body is not a Telegram Update');
    }
    try {
      await telegram.bot.handleUpdate(update);
    } catch (error) {
      // A TypeError from the bot means the update lacks what every real Update has (a chat, a
      // sender): refuse it. Anything else (database down) stays a 5xx, so Telegram retries.
      if (error instanceof BotError && error.error instanceof TypeError) {
        return sendError(reply, 400, 'invalid_update', 'the update is missing fields Telegram always sends');
      }
      throw error;
    }
    return reply.code(200).send({ ok: true });
  });
};
