import type { AllMiddlewareArgs, App, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { MAX_REPLY_LENGTH } from '../../../../workflows/contracts/ticket.js';
import { EDIT_ACTION_ID, EDIT_BLOCK_ID, EDIT_CALLBACK_ID } from '../blocks.js';
import type { SlackListenerDeps } from '../deps.js';
import { decideFromSlack, type SlackDecision, slackActor } from './decide.js';

type SubmitArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/** Slack closes a modal's request after 3 s; the decision gets this long to answer in the modal. */
const DEFAULT_SUBMIT_BUDGET_MS = 2300;

function errors(message: string) {
  return { response_action: 'errors' as const, errors: { [EDIT_BLOCK_ID]: message } };
}

/**
 * Edit modal submission: the text goes through `tickets.decide` as an `edit`. Problems are shown in
 * the modal (`response_action: 'errors'`), so `ack()` waits for the decision, within Slack's 3 s;
 * a slower decision closes the modal and a refusal then reaches the user as a direct message.
 */
function editSubmission(deps: SlackListenerDeps) {
  return async ({ ack, view, body, client }: SubmitArgs) => {
    const ticketId = view.private_metadata;
    const text = (view.state.values[EDIT_BLOCK_ID]?.[EDIT_ACTION_ID]?.value ?? '').trim();
    if (text === '') return ack(errors('Write the reply to send, or cancel.'));
    if (text.length > MAX_REPLY_LENGTH) {
      return ack(errors(`The reply is longer than ${MAX_REPLY_LENGTH} characters.`));
    }
    // A modal has no channel: the workspace and the member's role still decide.
    const origin = { teamId: body.team?.id ?? body.user.team_id, channelId: undefined, userId: body.user.id };
    const decision = decideFromSlack(deps, ticketId, origin, {
      action: 'edit',
      text,
      actor: slackActor(body.user),
    });
    const budget = deps.submitBudgetMs ?? DEFAULT_SUBMIT_BUDGET_MS;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), budget);
    });
    const first: SlackDecision | 'late' = await Promise.race([decision, late]);
    clearTimeout(timer);
    if (first !== 'late') return first.ok ? ack() : ack(errors(first.text));
    await ack();
    const result = await decision;
    if (!result.ok) {
      await client.chat
        .postMessage({ channel: body.user.id, text: `Your edit was not sent: ${result.text}` })
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
