import type { AllMiddlewareArgs, App, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { Actor } from '../../../domain/types.js';
import {
  buildCommandHelp,
  buildPendingReply,
  buildTicketNotFoundReply,
  buildTicketStatusReply,
  type SlackMessage,
} from '../blocks.js';
import type { SlackListenerDeps } from '../deps.js';
import { countPendingByShop, getTicketWithDraft } from '../queries.js';
import { TICKET_ID_PATTERN } from './decide.js';

/** The slash command's name, as configured in the Slack app manifest. */
export const SLASH_COMMAND = '/sellerdesk';

/** `/sellerdesk status <ticket>`, `/sellerdesk pending`, anything else: usage. */
export async function answerCommand(deps: SlackListenerDeps, text: string): Promise<SlackMessage> {
  const [sub = '', arg = ''] = text.trim().split(/\s+/);
  switch (sub.toLowerCase()) {
    case 'status': {
      const ticketId = arg.replace(/^#/, '');
      if (!ticketId) return buildCommandHelp();
      const found = TICKET_ID_PATTERN.test(ticketId) ? await getTicketWithDraft(deps.db, ticketId) : null;
      if (!found) return buildTicketNotFoundReply(ticketId);
      const { ticket } = found;
      return buildTicketStatusReply({
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
    case 'pending':
      return buildPendingReply(await countPendingByShop(deps.db), deps.now?.() ?? new Date());
    default:
      return buildCommandHelp();
  }
}

/** Registers `/sellerdesk`: acknowledged at once, answered to the caller only via `respond`. */
export function register(app: App, deps: SlackListenerDeps): void {
  app.command(
    SLASH_COMMAND,
    async ({ ack, command, respond }: SlackCommandMiddlewareArgs & AllMiddlewareArgs) => {
      await ack();
      const reply = await answerCommand(deps, command.text ?? '');
      await respond({ response_type: 'ephemeral', text: reply.text, blocks: reply.blocks });
    },
  );
}
