import type { DecisionInput } from '../../../../workflows/contracts/ticket.js';
import { DECISION_ERRORS } from '../../../../workflows/contracts/ticket.js';
import { EDIT_LANGUAGE_MISMATCH } from '../../../app/decision-refusals.js';
import type { EditLanguageHold } from '../../../app/ticket-service-types.js';
import type { Actor } from '../../../domain/types.js';
import {
  buildAlreadyDecidedText,
  buildAlreadyEscalatedText,
  buildDecisionRefusedText,
  type SlackTexts,
} from '../blocks.js';
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

/**
 * A decision from Slack: applied, or refused with the sentence to show the person who pressed; an
 * edit held for its language also carries the hold and the shop's words (the modal asks again).
 */
export type SlackDecision =
  | { ok: true }
  | { ok: false; code: string; text: string; hold?: EditLanguageHold; texts?: SlackTexts };

/** The warning of an edit held for its language, in the shop's seller language. */
export function heldEditWarning(texts: SlackTexts, hold: EditLanguageHold): string {
  const detected = ['zh', 'ja', 'ko', 'other'].includes(hold.detected)
    ? texts.t(`written_language.${hold.detected}`)
    : texts.t(`language.${hold.detected}`);
  return texts.t('edit_language.warning', { detected, expected: texts.t(`language.${hold.expected}`) });
}

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
  options: { confirmLanguage?: boolean } = {},
): Promise<SlackDecision> {
  let texts: SlackTexts | undefined;
  try {
    const access = await checkTicketAccess(deps, ticketId, origin, 'decide');
    if (!access.ok) {
      deps.logger.info({ ticketId, code: access.code, action: input.action }, 'Slack decision refused');
      return access;
    }
    texts = access.texts;
    const outcome = await deps.tickets.decide(ticketId, input, { ...options, ticket: access.ticket });
    if (outcome.ok) {
      deps.metrics?.decisions.inc({ action: input.action, channel: 'slack' });
      return { ok: true };
    }
    if (outcome.code === DECISION_ERRORS.alreadyDecided && outcome.decided) {
      return { ok: false, code: outcome.code, text: buildAlreadyDecidedText(texts, outcome.decided) };
    }
    if (outcome.code === DECISION_ERRORS.alreadyEscalated && outcome.decided) {
      return { ok: false, code: outcome.code, text: buildAlreadyEscalatedText(texts, outcome.decided) };
    }
    if (outcome.code === EDIT_LANGUAGE_MISMATCH && outcome.hold) {
      const text = heldEditWarning(texts, outcome.hold);
      return { ok: false, code: outcome.code, text, hold: outcome.hold, texts };
    }
    return {
      ok: false,
      code: outcome.code,
      text: buildDecisionRefusedText(texts, outcome.code, outcome.message),
    };
  } catch (error) {
    deps.logger.error(
      { ticketId, action: input.action, err: { message: (error as Error).message } },
      'Slack decision failed',
    );
    return {
      ok: false,
      code: 'decision_unavailable',
      text: texts?.t('slack.unavailable') ?? deps.renderer.t('en', 'slack.unavailable'),
    };
  }
}
