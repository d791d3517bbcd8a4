import { ApplicationFailure } from '@temporalio/common';
import type { Logger } from 'pino';
import type { OpenSystemTicketInput } from '../../app/ticket-service.js';
import type { Db } from '../../db/client.js';
import type { BuyerMessage, Draft, Ticket } from '../../db/schema/tickets.js';
import type { OutboundSender } from '../../delivery/outbound.js';
import type { ReplyRenderer } from '../../domain/reply/index.js';
import type { Metrics } from '../../observability/metrics.js';
import type { ApprovalChannel, TeamChannel } from '../ports.js';

/** Everything the ticket activities need, built once at the worker. */
export interface TicketActivityDeps {
  db: Db;
  renderer: ReplyRenderer;
  outbound: OutboundSender;
  /** The seller's approval channel (Telegram); absent when Telegram is off. */
  approvals?: ApprovalChannel | undefined;
  /** The support team's channel (Slack), `NO_TEAM_CHANNEL` when it is off. */
  team: TeamChannel;
  logger: Logger;
  metrics?: Metrics | undefined;
  /** Opens a system ticket (logistics apology, pickup notice); see TicketService.openSystemTicket. */
  openSystemTicket?: (input: OpenSystemTicketInput) => Promise<{ ticketId: string; created: boolean }>;
  /** Hands a stored message to its ticket workflow (ids only); spins off messages that came too late. */
  dispatchBuyerMessage?: (ref: { shopId: string; ticketId: string; messageId: string }) => Promise<void>;
  /** Overrides whether the workflow schedules team steps (tests); unset, the shop's team channel decides. */
  teamChannel?: boolean | undefined;
}

/**
 * What a round's draft step saved and read, handed to the card step in the same round so that it
 * does not read them again: the ticket as labelled by the draft, all of its buyer messages and the
 * saved draft's text, note and coupon.
 */
export interface PresentedDraft {
  ticket: Ticket;
  messages: BuyerMessage[];
  draft: Pick<Draft, 'text' | 'note' | 'coupon'>;
}

/** The failure of a step that would send for a closed (erased) ticket: permanent, nothing is sent. */
export function closedTicketFailure(): ApplicationFailure {
  return ApplicationFailure.nonRetryable(
    'the ticket is closed (its buyer was erased): nothing is sent',
    'ticket_closed',
  );
}
