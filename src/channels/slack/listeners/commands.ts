import type { AllMiddlewareArgs, App, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { authorizeChatUser } from '../../../app/access.js';
import { countPendingByShop } from '../../../db/pending-repo.js';
import { getShop } from '../../../db/shops-repo.js';
import { findOpenInviteShop, redeemInvite } from '../../../db/team-repo.js';
import { getTicketWithDraft } from '../../../db/ticket-views-repo.js';
import type { Actor } from '../../../domain/types.js';
import type { SlackMessage } from '../blocks.js';
import {
  buildCommandHelp,
  buildPendingReply,
  buildPlainReply,
  buildTicketNotFoundReply,
  buildTicketStatusReply,
} from '../command-blocks.js';
import type { SlackListenerDeps } from '../deps.js';
import type { SlackOrigin } from '../workspaces.js';
import { checkTicketAccess, textsForOrigin, textsForShops } from './access.js';
import { answerConsole } from './console.js';

/** The slash command's name, as configured in the Slack app manifest. */
export const SLASH_COMMAND = '/sellerdesk';

const INVITE_PATTERN = /^inv_[A-Za-z0-9]{1,40}$/;

/** `/sellerdesk status <ticket>`: only a ticket of a shop this channel reaches, for its members. */
async function answerStatus(
  deps: SlackListenerDeps,
  arg: string,
  origin: SlackOrigin,
): Promise<SlackMessage> {
  const ticketId = arg.replace(/^#/, '');
  if (!ticketId) return buildCommandHelp(await textsForOrigin(deps, origin));
  const access = await checkTicketAccess(deps, ticketId, origin, 'view');
  if (!access.ok) {
    return access.code === 'ticket_not_found'
      ? buildTicketNotFoundReply(await textsForOrigin(deps, origin), ticketId)
      : buildPlainReply(access.text);
  }
  const found = await getTicketWithDraft(deps.db, ticketId);
  if (!found) return buildTicketNotFoundReply(access.texts, ticketId);
  const { ticket } = found;
  return buildTicketStatusReply(access.texts, {
    ticketId: ticket.id,
    orderId: ticket.orderId,
    shopName: found.shopName,
    status: ticket.status,
    language: ticket.language,
    category: ticket.category,
    confidence: ticket.confidence,
    urgency: ticket.urgency,
    decidedBy: (ticket.decidedBy as Actor | null) ?? null,
    decidedAt: ticket.decidedAt,
    deliveryState: ticket.deliveryState,
    draft: ticket.finalText ?? found.draft?.text ?? null,
    createdAt: ticket.createdAt,
  });
}

/** `/sellerdesk pending`: counts of the shops this channel (or DM) reaches where the caller is a member. */
async function answerPending(deps: SlackListenerDeps, origin: SlackOrigin): Promise<SlackMessage> {
  const reached = await deps.workspaces.shopsReachedFrom(origin);
  const visible: string[] = [];
  for (const shop of reached) {
    const user = { channel: 'slack' as const, userId: origin.userId };
    if ((await authorizeChatUser(deps.db, shop.shopId, user, 'view')).ok) visible.push(shop.shopId);
  }
  const texts = await textsForShops(deps, visible.length > 0 ? visible : reached.map((r) => r.shopId));
  return buildPendingReply(texts, await countPendingByShop(deps.db, visible), deps.now?.() ?? new Date());
}

/** `/sellerdesk join <invite>`: an owner's invite, redeemed in a workspace the shop is bound to. */
async function answerJoin(
  deps: SlackListenerDeps,
  code: string,
  origin: SlackOrigin,
  name: string | undefined,
): Promise<SlackMessage> {
  const shopId = INVITE_PATTERN.test(code) ? await findOpenInviteShop(deps.db, code) : null;
  const shop = shopId ? await getShop(deps.db, shopId) : null;
  const reached = shop
    ? await deps.workspaces.reaches(shop.id, { teamId: origin.teamId, channelId: undefined })
    : false;
  if (!shop || !reached)
    return buildPlainReply(deps.renderer.t(shop?.sellerLanguage ?? 'en', 'team.invite_invalid'));
  const joined = await redeemInvite(deps.db, code, 'slack', origin.userId, name);
  if (!joined) return buildPlainReply(deps.renderer.t(shop.sellerLanguage, 'team.invite_invalid'));
  return buildPlainReply(
    deps.renderer.t(shop.sellerLanguage, 'team.joined', {
      shop: shop.name,
      role: deps.renderer.t(shop.sellerLanguage, `team.role_${joined.role}`),
    }),
  );
}

/**
 * `/sellerdesk status <ticket>`, `/sellerdesk pending`, `/sellerdesk join <code>`, `/sellerdesk
 * console`, anything else: usage.
 */
export async function answerCommand(
  deps: SlackListenerDeps,
  text: string,
  origin: SlackOrigin,
  userName?: string,
): Promise<SlackMessage> {
  const [sub = '', arg = ''] = text.trim().split(/\s+/);
  switch (sub.toLowerCase()) {
    case 'status':
      return answerStatus(deps, arg, origin);
    case 'pending':
      return answerPending(deps, origin);
    case 'join':
      return answerJoin(deps, arg, origin, userName);
    case 'console':
      return answerConsole(deps, arg, origin, userName);
    default:
      return buildCommandHelp(await textsForOrigin(deps, origin));
  }
}

/** Registers `/sellerdesk`: acknowledged at once, answered to the caller only via `respond`. */
export function register(app: App, deps: SlackListenerDeps): void {
  app.command(
    SLASH_COMMAND,
    async ({ ack, command, respond }: SlackCommandMiddlewareArgs & AllMiddlewareArgs) => {
      await ack();
      const origin: SlackOrigin = {
        teamId: command.team_id,
        channelId: command.channel_id,
        userId: command.user_id,
      };
      const reply = await answerCommand(deps, command.text ?? '', origin, command.user_name);
      await respond({ response_type: 'ephemeral', text: reply.text, blocks: reply.blocks });
    },
  );
}
