import { Composer, type Context } from 'grammy';
import { CONSOLE_LINK_TTL_MINUTES, subjectRole } from '../../app/console-access.js';
import { getShop } from '../../db/shops-repo.js';
import { telegramActor } from './actor.js';
import type { BotDeps } from './deps.js';
import { chatSellerLanguage } from './seller-language.js';

/**
 * `/console`: a one-time sign-in link to the seller console for the shop this chat is linked to,
 * with the sender's role, valid ten minutes. Only in a private chat (in a group anyone could use
 * the link first); link previews are off, so Telegram itself never fetches it.
 */
export function consoleFeature(deps: BotDeps) {
  const feature = new Composer<Context>();
  feature.command('console', async (ctx) => {
    const { language, shopId } = await chatSellerLanguage(deps.db, ctx);
    const port = deps.console;
    if (!port) return ctx.reply(deps.renderer.t(language, 'error.generic'));
    const say = (key: string) => ctx.reply(port.t(language, key));
    if (!shopId) return ctx.reply(deps.renderer.t(language, 'link.not_linked'));
    if (ctx.chat.type !== 'private') return say('chat.private_only');
    if (!ctx.from) return say('chat.not_member');
    const actor = telegramActor(ctx);
    const subject = {
      channel: 'telegram' as const,
      id: String(ctx.from.id),
      ...(actor.name ? { name: actor.name } : {}),
    };
    const role = await subjectRole(deps.db, shopId, subject);
    if (!role) return say('chat.not_member');
    const issued = await port.links.issue({ shopId, subject, language });
    if (!issued.ok) return say(issued.code === 'not_a_member' ? 'chat.not_member' : 'chat.unavailable');
    const shop = await getShop(deps.db, shopId);
    deps.logger.info({ shopId }, 'console link issued in Telegram');
    const text = port.t(language, 'chat.link', {
      shop: shop?.name ?? shopId,
      role: deps.renderer.t(language, `team.role_${role}`),
      minutes: CONSOLE_LINK_TTL_MINUTES,
      url: issued.url,
    });
    return ctx.reply(text, { link_preview_options: { is_disabled: true } });
  });
  return feature;
}
