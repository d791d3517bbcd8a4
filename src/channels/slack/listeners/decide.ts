import type { DecisionInput } from '../../../../workflows/definitions.js';
import { DECISION_ERRORS } from '../../../../workflows/definitions.js';
import { findMember, ROLE_CAN } from '../../../db/team-repo.js';
import { getTicket } from '../../../db/tickets-repo.js';
import type { Actor } from '../../../domain/types.js';
import { buildAlreadyDecidedText, buildAlreadyEscalatedText, buildDecisionRefusedText } from '../blocks.js';
import type { SlackListenerDeps } from '../deps.js';

/** Ticket ids as the cards carry them (`value` of a button, `private_metadata` of the modal). */
export const TICKET_ID_PATTERN = /^[A-Za-z0-9_-]{1,60}$/;

/** The decision's actor for a Slack user: id plus handle. */
export function slackActor(user: {
  id: string;
  name?: string | undefined;
  username?: string | undefined;
}): Actor {
  const name = user.username ?? user.name;
  return { channel: 'slack', id: user.id, ...(name ? { name } : {}) };
}

/** A decision from Slack: applied, or refused with the sentence to show the person who pressed. */
export type SlackDecision = { ok: true } | { ok: false; code: string; text: string };

/** Sends a Slack decision down the one decision path and words a refusal for the presser. */
export async function decideFromSlack(
  deps: SlackListenerDeps,
  ticketId: string,
  input: DecisionInput,
): Promise<SlackDecision> {
  if (!TICKET_ID_PATTERN.test(ticketId)) {
    return { ok: false, code: 'ticket_not_found', text: buildDecisionRefusedText('ticket_not_found', '') };
  }
  try {
    // Members of the support channel act as agents unless the shop gave them a role (viewer: no).
    const ticket = await getTicket(deps.db, ticketId);
    if (ticket) {
      const member = await findMember(deps.db, ticket.shopId, 'slack', input.actor.id);
      if (member && !ROLE_CAN.decide.includes(member.role)) {
        return {
          ok: false,
          code: 'role_cannot_decide',
          text: 'Your role in this shop (viewer) cannot decide tickets. Ask the shop owner to make you an agent.',
        };
      }
    }
    const outcome = await deps.tickets.decide(ticketId, input);
    if (outcome.ok) {
      deps.metrics?.decisions.inc({ action: input.action, channel: 'slack' });
      return { ok: true };
    }
    if (outcome.code === DECISION_ERRORS.alreadyDecided && outcome.decided) {
      return { ok: false, code: outcome.code, text: buildAlreadyDecidedText(outcome.decided) };
    }
    if (outcome.code === DECISION_ERRORS.alreadyEscalated && outcome.decided) {
      return { ok: false, code: outcome.code, text: buildAlreadyEscalatedText(outcome.decided) };
    }
    return { ok: false, code: outcome.code, text: buildDecisionRefusedText(outcome.code, outcome.message) };
  } catch (error) {
    deps.logger.error(
      { ticketId, action: input.action, err: { message: (error as Error).message } },
      'Slack decision failed',
    );
    return {
      ok: false,
      code: 'decision_unavailable',
      text: 'sellerdesk could not apply the decision right now; try again in a moment.',
    };
  }
}
