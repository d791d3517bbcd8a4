import type { AllMiddlewareArgs, App, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { MAX_REPLY_LENGTH } from '../../../../workflows/contracts/ticket.js';
import { getTicket } from '../../../db/tickets-repo.js';
import {
  buildEditModal,
  CONFIRM_LANGUAGE_ACTION_ID,
  CONFIRM_LANGUAGE_BLOCK_ID,
  EDIT_ACTION_ID,
  EDIT_BLOCK_ID,
  EDIT_CALLBACK_ID,
  type SlackTexts,
  slackTexts,
} from '../blocks.js';
import type { SlackListenerDeps } from '../deps.js';
import { TICKET_ID_PATTERN, textsForShop } from './access.js';
import { decideFromSlack, type SlackDecision, slackActor } from './decide.js';

type SubmitArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/** Slack closes a modal's request after 3 s; the decision gets this long to answer in the modal. */
const DEFAULT_SUBMIT_BUDGET_MS = 2300;

function errors(message: string) {
  return { response_action: 'errors' as const, errors: { [EDIT_BLOCK_ID]: message } };
}

/** The shop's words for a modal of `ticketId` (English when the ticket is unknown). */
async function textsForTicket(deps: SlackListenerDeps, ticketId: string): Promise<SlackTexts> {
  const ticket = TICKET_ID_PATTERN.test(ticketId) ? await getTicket(deps.db, ticketId) : null;
  return ticket ? textsForShop(deps, ticket.shopId) : slackTexts(deps.renderer, 'en');
}

/**
 * Edit modal submission: the text goes through `tickets.decide` as an `edit`. Problems are shown in
 * the modal (`response_action: 'errors'`), so `ack()` waits for the decision, within Slack's 3 s;
 * a slower decision closes the modal and a refusal then reaches the user as a direct message. A
 * text not in the buyer's language keeps the modal open with the warning and a "send it as it is"
 * checkbox (`response_action: 'update'`); submitted with the box ticked, it is sent.
 */
function editSubmission(deps: SlackListenerDeps) {
  return async ({ ack, view, body, client }: SubmitArgs) => {
    const ticketId = view.private_metadata;
    const text = (view.state.values[EDIT_BLOCK_ID]?.[EDIT_ACTION_ID]?.value ?? '').trim();
    const confirmed = (
      view.state.values[CONFIRM_LANGUAGE_BLOCK_ID]?.[CONFIRM_LANGUAGE_ACTION_ID]?.selected_options ?? []
    ).some((o) => o.value === 'confirm');
    if (text === '') return ack(errors((await textsForTicket(deps, ticketId)).t('slack.write_reply')));
    if (text.length > MAX_REPLY_LENGTH) {
      const texts = await textsForTicket(deps, ticketId);
      return ack(errors(texts.t('slack.too_long', { max: MAX_REPLY_LENGTH })));
    }
    // A modal has no channel: the workspace and the member's role still decide.
    const origin = { teamId: body.team?.id ?? body.user.team_id, channelId: undefined, userId: body.user.id };
    const decision = decideFromSlack(
      deps,
      ticketId,
      origin,
      { action: 'edit', text, actor: slackActor(body.user) },
      { confirmLanguage: confirmed },
    );
    const budget = deps.submitBudgetMs ?? DEFAULT_SUBMIT_BUDGET_MS;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), budget);
    });
    const first: SlackDecision | 'late' = await Promise.race([decision, late]);
    clearTimeout(timer);
    if (first !== 'late') {
      if (first.ok) return ack();
      if (first.hold && first.texts) {
        const orderId = (await getTicket(deps.db, ticketId))?.orderId ?? '';
        return ack({
          response_action: 'update',
          view: buildEditModal(first.texts, { ticketId, orderId, draft: text, warning: first.text }),
        });
      }
      return ack(errors(first.text));
    }
    await ack();
    const result = await decision;
    if (!result.ok) {
      const texts = result.texts ?? (await textsForTicket(deps, ticketId));
      await client.chat
        .postMessage({ channel: body.user.id, text: texts.t('slack.edit_not_sent', { reason: result.text }) })
        .catch((error: Error) =>
          deps.logger.warn({ err: { message: error.message } }, 'Slack direct message failed'),
        );
    }
    return undefined;
  };
}

/** Registers modal submissions (the edit modal, `callback_id` `edit_reply`). */
export function register(app: App, deps: SlackListenerDeps): void {
  app.view<ViewSubmitAction>(
    { callback_id: EDIT_CALLBACK_ID, type: 'view_submission' },
    editSubmission(deps),
  );
}
