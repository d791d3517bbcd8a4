import type {
  AllMiddlewareArgs,
  App,
  BlockButtonAction,
  BlockStaticSelectAction,
  SlackActionMiddlewareArgs,
} from '@slack/bolt';
import { DECISION_ERRORS } from '../../../../workflows/contracts/ticket.js';
import { getTicketWithDraft } from '../../../db/ticket-views-repo.js';
import { type Actor, CATEGORIES, type Category, type DecisionAction } from '../../../domain/types.js';
import {
  buildAlreadyDecidedText,
  buildDecisionRefusedText,
  buildEditModal,
  CATEGORY_ACTION_ID,
  categoryName,
  escapeMrkdwn,
  ticketOfCategoryBlock,
} from '../blocks.js';
import type { SlackListenerDeps } from '../deps.js';
import type { SlackOrigin } from '../workspaces.js';
import { checkTicketAccess } from './access.js';
import { decideFromSlack, slackActor } from './decide.js';

type ButtonArgs = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;
type SelectArgs = SlackActionMiddlewareArgs<BlockStaticSelectAction> & AllMiddlewareArgs;
type ActionArgs = ButtonArgs | SelectArgs;

/** Ticket statuses after which no decision can change anything. */
const FINAL_STATUSES = new Set(['sent', 'auto_sent', 'rejected']);

/** Answers the presser only ("already decided by ..."), in the channel of the card. */
async function answerPresser(deps: SlackListenerDeps, args: ActionArgs, text: string): Promise<void> {
  const channel = args.body.channel?.id;
  if (!channel) return;
  try {
    await args.client.chat.postEphemeral({ channel, user: args.body.user.id, text });
  } catch (error) {
    deps.logger.warn({ err: { message: (error as Error).message } }, 'Slack ephemeral answer failed');
  }
}

/** Where a button press came from: workspace, channel of the card, presser. */
function originOf(args: ActionArgs): SlackOrigin {
  const body = args.body;
  return {
    teamId: body.team?.id ?? body.user.team_id,
    channelId: body.channel?.id ?? body.container?.channel_id,
    userId: body.user.id,
  };
}

/** `approve`, `reject`, `escalate`: the decision goes through `tickets.decide`; refusals answered. */
function decisionButton(deps: SlackListenerDeps, action: Exclude<DecisionAction, 'edit'>) {
  return async (args: ButtonArgs) => {
    await args.ack();
    const ticketId = args.action.value ?? '';
    const result = await decideFromSlack(deps, ticketId, originOf(args), {
      action,
      actor: slackActor(args.body.user),
    });
    if (!result.ok) await answerPresser(deps, args, result.text);
  };
}

/** `edit`: opens the modal pre-filled with the current draft (or says the ticket is decided). */
function editButton(deps: SlackListenerDeps) {
  return async (args: ButtonArgs) => {
    await args.ack();
    const ticketId = args.action.value ?? '';
    const access = await checkTicketAccess(deps, ticketId, originOf(args), 'decide');
    if (!access.ok) return answerPresser(deps, args, access.text);
    const { texts } = access;
    const found = await getTicketWithDraft(deps.db, ticketId);
    if (!found) return answerPresser(deps, args, buildDecisionRefusedText(texts, 'ticket_not_found', ''));
    const { ticket } = found;
    if (ticket.status === 'closed')
      return answerPresser(deps, args, buildDecisionRefusedText(texts, 'ticket_closed', ''));
    if (FINAL_STATUSES.has(ticket.status) && ticket.decidedBy && ticket.decidedAt) {
      return answerPresser(
        deps,
        args,
        buildAlreadyDecidedText(texts, {
          decidedBy: ticket.decidedBy as Actor,
          decidedAt: ticket.decidedAt.toISOString(),
        }),
      );
    }
    await args.client.views.open({
      trigger_id: args.body.trigger_id,
      view: buildEditModal(texts, { ticketId, orderId: ticket.orderId, draft: found.draft?.text ?? '' }),
    });
  };
}

/**
 * `correct_category`: the team card's category select. The choice goes through
 * `tickets.correctCategory` (the ticket is redrafted in it and the card updated); the person who
 * chose is told the outcome in the shop's seller language.
 */
function categorySelect(deps: SlackListenerDeps) {
  return async (args: SelectArgs) => {
    await args.ack();
    const ticketId = ticketOfCategoryBlock(args.action.block_id) ?? '';
    try {
      const access = await checkTicketAccess(deps, ticketId, originOf(args), 'decide');
      if (!access.ok) return answerPresser(deps, args, access.text);
      const { texts } = access;
      const chosen = args.action.selected_option?.value ?? '';
      if (!(CATEGORIES as readonly string[]).includes(chosen)) {
        return answerPresser(deps, args, texts.t('error.generic'));
      }
      const category = chosen as Category;
      const outcome = await deps.tickets.correctCategory(ticketId, {
        category,
        actor: slackActor(args.body.user),
      });
      if (outcome.ok) {
        const label = escapeMrkdwn(categoryName(texts, category));
        return answerPresser(deps, args, texts.t('correction.done', { category: label }));
      }
      if (outcome.code === DECISION_ERRORS.alreadyDecided && outcome.decided) {
        return answerPresser(deps, args, buildAlreadyDecidedText(texts, outcome.decided));
      }
      return answerPresser(deps, args, buildDecisionRefusedText(texts, outcome.code, outcome.message));
    } catch (error) {
      deps.logger.error({ ticketId, err: { message: (error as Error).message } }, 'Slack correction failed');
      return answerPresser(
        deps,
        args,
        'sellerdesk could not apply the correction right now; try again in a moment.',
      );
    }
  };
}

/** Registers the team card's buttons (docs/API.md "Chat actions" `action_id`s; `value` = ticket id). */
export function register(app: App, deps: SlackListenerDeps): void {
  for (const action of ['approve', 'reject', 'escalate'] as const) {
    app.action<BlockButtonAction>({ type: 'block_actions', action_id: action }, decisionButton(deps, action));
  }
  app.action<BlockButtonAction>({ type: 'block_actions', action_id: 'edit' }, editButton(deps));
  app.action<BlockStaticSelectAction>(
    { type: 'block_actions', action_id: CATEGORY_ACTION_ID },
    categorySelect(deps),
  );
}
