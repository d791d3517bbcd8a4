import { authorizeChatUser } from '../../../app/access.js';
import type { Ticket } from '../../../db/schema/index.js';
import { getShop } from '../../../db/shops-repo.js';
import { getTicket } from '../../../db/tickets-repo.js';
import type { TeamAction } from '../../../domain/shop/roles.js';
import { buildDecisionRefusedText, type SlackTexts, slackTexts } from '../blocks.js';
import type { SlackListenerDeps } from '../deps.js';
import type { SlackOrigin } from '../workspaces.js';

/** Ticket ids as the cards carry them (`value` of a button, `private_metadata` of the modal). */
export const TICKET_ID_PATTERN = /^[A-Za-z0-9_-]{1,60}$/;

/** The verdict on a Slack request about one ticket: allowed, or the sentence to show the caller. */
export type SlackTicketAccess =
  | { ok: true; ticket: Ticket; shopName: string; texts: SlackTexts }
  | { ok: false; code: 'ticket_not_found' | 'not_a_member' | `role_cannot_${TeamAction}`; text: string };

/** Slack words in a shop's seller language (English for an unknown shop). */
export async function textsForShop(deps: SlackListenerDeps, shopId: string): Promise<SlackTexts> {
  return slackTexts(deps.renderer, (await getShop(deps.db, shopId))?.sellerLanguage ?? 'en');
}

/**
 * Slack words for answers that concern no single shop (help, "no ticket", pending counts): the
 * seller language the given shops share, English when they differ or there are none.
 */
export async function textsForShops(
  deps: SlackListenerDeps,
  shopIds: readonly string[],
): Promise<SlackTexts> {
  const languages = new Set<string>();
  for (const shopId of shopIds.slice(0, 20)) {
    const shop = await getShop(deps.db, shopId);
    if (shop) languages.add(shop.sellerLanguage);
  }
  const [only] = [...languages];
  return slackTexts(deps.renderer, languages.size === 1 && only ? (only as SlackTexts['language']) : 'en');
}

/** Slack words for a request from `origin`: the seller language of the shops it reaches, if they share one. */
export async function textsForOrigin(deps: SlackListenerDeps, origin: SlackOrigin): Promise<SlackTexts> {
  const reached = await deps.workspaces.shopsReachedFrom(origin);
  return textsForShops(
    deps,
    reached.map((r) => r.shopId),
  );
}

/** The refusal sentence for a member check that failed, in the shop's seller language. */
export async function refusalText(
  deps: SlackListenerDeps,
  shopId: string,
  code: 'not_a_member' | `role_cannot_${TeamAction}`,
  role?: string,
): Promise<string> {
  const shop = await getShop(deps.db, shopId);
  const language = shop?.sellerLanguage ?? 'en';
  const shopName = shop?.name ?? shopId;
  if (code === 'not_a_member') return deps.renderer.t(language, 'slack.not_member', { shop: shopName });
  return deps.renderer.t(language, `slack.${code}`, {
    shop: shopName,
    role: deps.renderer.t(language, `team.role_${role ?? 'viewer'}`),
  });
}

/**
 * Whether the Slack user behind `origin` may do `action` on the ticket: the ticket's shop must be
 * bound to the request's workspace (and channel, outside DMs and modals), and the user a member of
 * that shop with a role that allows it (`authorize`). A ticket of a shop the request does not reach
 * is "not found", so nothing about other shops leaks.
 */
export async function checkTicketAccess(
  deps: SlackListenerDeps,
  ticketId: string,
  origin: SlackOrigin,
  action: TeamAction,
): Promise<SlackTicketAccess> {
  const notFound = async () => ({
    ok: false as const,
    code: 'ticket_not_found' as const,
    text: buildDecisionRefusedText(await textsForOrigin(deps, origin), 'ticket_not_found', ''),
  });
  if (!TICKET_ID_PATTERN.test(ticketId)) return notFound();
  const ticket = await getTicket(deps.db, ticketId);
  if (!ticket) return notFound();
  if (!(await deps.workspaces.reaches(ticket.shopId, origin))) {
    deps.logger.info(
      { ticketId, teamId: origin.teamId, channelId: origin.channelId },
      'Slack request for a ticket of a shop not bound to this workspace and channel',
    );
    return notFound();
  }
  const verdict = await authorizeChatUser(
    deps.db,
    ticket.shopId,
    { channel: 'slack', userId: origin.userId },
    action,
  );
  if (!verdict.ok) {
    return {
      ok: false,
      code: verdict.code,
      text: await refusalText(
        deps,
        ticket.shopId,
        verdict.code,
        'role' in verdict ? verdict.role : undefined,
      ),
    };
  }
  const shop = await getShop(deps.db, ticket.shopId);
  return {
    ok: true,
    ticket,
    shopName: shop?.name ?? ticket.shopId,
    texts: slackTexts(deps.renderer, shop?.sellerLanguage ?? 'en'),
  };
}
