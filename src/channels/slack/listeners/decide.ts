import type { DecisionInput } from '../../../../workflows/contracts/ticket.js';
import { DECISION_ERRORS } from '../../../../workflows/contracts/ticket.js';
import type { Actor } from '../../../domain/types.js';
import { buildAlreadyDecidedText, buildAlreadyEscalatedText, buildDecisionRefusedText } from '../blocks.js';
import type { SlackListenerDeps } from '../deps.js';
import type { SlackOrigin } from '../workspaces.js';
import { checkTicketAccess } from './access.js';

export { TICKET_ID_PATTERN } from './access.js';

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

/**
 * Sends a Slack decision down the one decision path, after `checkTicketAccess` (shop bound to the
 * request's workspace and channel, caller a member whose role may decide); words a refusal for
 * the presser. A refused request changes nothing.
 */
export async function decideFromSlack(
  deps: SlackListenerDeps,
  ticketId: string,
  origin: SlackOrigin,
  input: DecisionInput,
): Promise<SlackDecision> {
  try {
    const access = await checkTicketAccess(deps, ticketId, origin, 'decide');
    if (!access.ok) {
      deps.logger.info({ ticketId, code: access.code, action: input.action }, 'Slack decision refused');
      return access;
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
