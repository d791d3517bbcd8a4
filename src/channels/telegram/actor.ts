import type { Context } from 'grammy';
import type { Actor } from '../../domain/types.js';

/** The actor of a Telegram update: the user's id, and their @username or full name. */
export function telegramActor(ctx: Context): Actor {
  const from = ctx.from;
  const name = from?.username
    ? `@${from.username}`
    : [from?.first_name, from?.last_name].filter(Boolean).join(' ');
  return { channel: 'telegram', id: String(from?.id ?? 'unknown'), ...(name ? { name } : {}) };
}
