import { CONSOLE_LINK_TTL_MINUTES, subjectRole } from '../../../app/console-access.js';
import { getShop } from '../../../db/shops-repo.js';
import type { SlackMessage } from '../blocks.js';
import { buildPlainReply } from '../command-blocks.js';
import type { SlackListenerDeps } from '../deps.js';
import type { SlackOrigin } from '../workspaces.js';

/**
 * `/sellerdesk console [shop id]`: a one-time seller-console sign-in link, answered to the caller
 * only (the command's answers are ephemeral), for the shop this channel reaches where the caller
 * is a member (the one named when several are), with the caller's role, valid ten minutes.
 */
export async function answerConsole(
  deps: SlackListenerDeps,
  arg: string,
  origin: SlackOrigin,
  userName: string | undefined,
): Promise<SlackMessage> {
  const reached = await deps.workspaces.shopsReachedFrom(origin);
  const subject = { channel: 'slack' as const, id: origin.userId, ...(userName ? { name: userName } : {}) };
  const member: Array<{ shopId: string; role: string }> = [];
  for (const shop of reached) {
    const role = await subjectRole(deps.db, shop.shopId, subject);
    if (role) member.push({ shopId: shop.shopId, role });
  }
  const chosen = arg ? member.filter((m) => m.shopId === arg) : member;
  const shop = chosen.length === 1 ? await getShop(deps.db, chosen[0]!.shopId) : null;
  const language =
    shop?.sellerLanguage ??
    (reached[0] ? (await getShop(deps.db, reached[0].shopId))?.sellerLanguage : undefined) ??
    'en';
  const port = deps.console;
  if (!port) return buildPlainReply(deps.renderer.t(language, 'slack.unavailable'));
  if (!shop) {
    if (chosen.length > 1) {
      const ids = chosen.map((m) => m.shopId).join(', ');
      return buildPlainReply(`${port.t(language, 'chat.not_member')} (/sellerdesk console <${ids}>)`);
    }
    return buildPlainReply(port.t(language, 'chat.not_member'));
  }
  const issued = await port.links.issue({ shopId: shop.id, subject, language: shop.sellerLanguage });
  if (!issued.ok) {
    return buildPlainReply(
      port.t(language, issued.code === 'not_a_member' ? 'chat.not_member' : 'chat.unavailable'),
    );
  }
  deps.logger.info({ shopId: shop.id }, 'console link issued in Slack');
  return buildPlainReply(
    port.t(shop.sellerLanguage, 'chat.link', {
      shop: shop.name,
      role: deps.renderer.t(shop.sellerLanguage, `team.role_${chosen[0]!.role}`),
      minutes: CONSOLE_LINK_TTL_MINUTES,
      url: issued.url,
    }),
  );
}
