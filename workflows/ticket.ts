import {
  ActivityFailure,
  ApplicationFailure,
  allHandlersFinished,
  CancellationScope,
  condition,
  continueAsNew,
  isCancellation,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  sleep,
  workflowInfo,
} from '@temporalio/workflow';
// biome-ignore lint/style/noRestrictedImports: type-only (erased when bundled), Temporal's proxyActivities pattern
import type { TicketActivities } from '../src/activities/ticket/index.js';
// biome-ignore lint/style/noRestrictedImports: type-only (erased when bundled), Temporal's proxyActivities pattern
import type { TicketRounds } from '../src/activities/ticket/rounds.js';
import {
  acceptCorrection,
  acceptDecision,
  autoSendDecision,
  type DecisionResult,
  deliversReply,
  escalationReason,
  finalStatus,
  initialTicketFlow,
  MAX_HISTORY_EVENTS,
  nextSlaStep,
  refuseCorrection,
  refuseDecision,
  rememberMessage,
  type SlaStep,
  shouldContinueAsNew,
  slaDeadlines,
  slaEscalation,
  type TicketFlowState,
  withDisputeDeadline,
} from '../src/domain/ticket/index.js';
import {
  buyerMessageSignal,
  correctCategoryUpdate,
  decideUpdate,
  type TicketInput,
  type TicketOutcome,
  type TicketState,
  ticketStateQuery,
} from './contracts/ticket.js';

type Steps = TicketRounds &
  Pick<TicketActivities, 'requestApproval' | 'markCardsEscalated' | 'remindSeller' | 'spinOffMessages'>;

// Short idempotent steps (database writes keyed by ids, cards keyed per chat) run as local
// activities: their results ride on the workflow task, no server round trip, and a round of steps
// is one local activity (one activation: see src/activities/ticket/rounds.ts). Should one keep
// failing (database down), the same step runs as a regular activity that retries durably.
const local = proxyLocalActivities<Steps>({
  startToCloseTimeout: '30 seconds',
  retry: {
    initialInterval: '200 milliseconds',
    backoffCoefficient: 2,
    maximumInterval: '5 seconds',
    maximumAttempts: 4,
  },
});
// In-flight work runs ahead of new intake (priority 3, the default, which ticket workflows and
// their tasks carry): durable fallbacks and team steps at 2, the retrying delivery at 1.
const durable = proxyActivities<Steps>({
  priority: { priorityKey: 2 },
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

// The first delivery attempt is part of the decision's round (its idempotency key `(ticketId,
// revision)` makes a repeat safe on the receiving side); only when it fails does the day-long
// retrying activity take over.
const delivery = proxyActivities<Pick<TicketActivities, 'deliverReply'>>({
  priority: { priorityKey: 1 },
  startToCloseTimeout: '30 seconds',
  scheduleToCloseTimeout: '24 hours',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

// Team channel (Slack, only when configured) never blocks the seller's path: bounded tries.
type TeamSteps = Pick<TicketActivities, 'escalateToTeam' | 'closeTeamCards' | 'postBuyerMessageToTeamThread'>;
const team = proxyActivities<TeamSteps & Pick<TicketActivities, 'remindSeller'>>({
  priority: { priorityKey: 2 },
  startToCloseTimeout: '30 seconds',
  scheduleToCloseTimeout: '10 minutes',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/** Runs a step locally; when that keeps failing (not for good), runs it as a durable activity. */
async function localFirst<T>(step: () => Promise<T>, fallback: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (isCancellation(error)) throw error;
    const cause = error instanceof ActivityFailure ? error.cause : undefined;
    if (cause instanceof ApplicationFailure && cause.nonRetryable) throw error;
    return fallback();
  }
}

/**
 * One workflow per ticket, orchestration only (the rules live in `src/domain/ticket/`): draft each
 * batch of buyer messages and ask the seller, remind and escalate on the shop's SLA, apply the
 * first decision (an update), deliver an approved reply exactly once and close the cards. Signals,
 * updates and activity payloads carry ids only; texts stay in the database.
 */
export async function ticketWorkflow(input: TicketInput): Promise<TicketOutcome> {
  const { ticketId } = input;
  const flow: TicketFlowState = input.flow ?? initialTicketFlow(ticketId);
  // Message ids to draft: handed over by a previous run, or given at start (a start without signal).
  const inbox: string[] = [...(input.inbox ?? [])];
  for (const messageId of inbox) rememberMessage(flow, messageId);
  let presetDue = input.system === true && flow.revision === 0;
  /** Something waits to be drafted: buyer messages, a system ticket's preset, a category correction. */
  const redraftDue = () => inbox.length > 0 || presetDue || flow.correction !== undefined;

  setHandler(buyerMessageSignal, ({ messageId }) => {
    if (rememberMessage(flow, messageId)) inbox.push(messageId);
  });

  setHandler(
    decideUpdate,
    (request) => {
      const decided = acceptDecision(ticketId, flow.revision, request, new Date().toISOString());
      if (request.action === 'escalate') flow.escalation = decided;
      else {
        flow.decision = decided;
        if (request.action === 'edit') flow.editId = request.editId;
      }
      return decided;
    },
    {
      validator: (request) => {
        const refusal = refuseDecision(flow, request, redraftDue());
        if (refusal) {
          throw ApplicationFailure.create({
            type: refusal.code,
            message: refusal.message,
            details: refusal.decided ? [refusal.decided] : [],
            nonRetryable: true,
          });
        }
      },
    },
  );

  // A category correction redrafts the next revision in the seller's category (the round records
  // it as the shop's example); the decision waits for that draft like for any other.
  setHandler(correctCategoryUpdate, (request) => acceptCorrection(flow, request, new Date().toISOString()), {
    validator: (request) => {
      const refusal = refuseCorrection(flow, request, {
        system: input.system === true,
        messagesWaiting: inbox.length > 0 || presetDue,
      });
      if (refusal) {
        throw ApplicationFailure.create({
          type: refusal.code,
          message: refusal.message,
          details: refusal.decided ? [refusal.decided] : [],
          nonRetryable: true,
        });
      }
    },
  });

  setHandler(
    ticketStateQuery,
    (): TicketState => ({
      ticketId,
      status: flow.status,
      revision: flow.revision,
      ...(flow.language ? { language: flow.language } : {}),
      ...(flow.category ? { category: flow.category } : {}),
      ...(flow.urgency ? { urgency: flow.urgency } : {}),
      ...(flow.decision ? { decision: flow.decision } : {}),
      ...(flow.escalation ? { escalation: flow.escalation } : {}),
    }),
  );

  function step<K extends keyof Steps>(
    name: K,
    ...args: Parameters<Steps[K]>
  ): Promise<Awaited<ReturnType<Steps[K]>>> {
    const run = (proxy: Steps) =>
      (proxy[name] as unknown as (...a: Parameters<Steps[K]>) => Promise<Awaited<ReturnType<Steps[K]>>>)(
        ...args,
      );
    return localFirst(
      () => run(local),
      () => run(durable),
    );
  }

  /** Drafts the next revision from the stored messages and asks for a decision (or auto-sends). */
  async function publishNextDraft(): Promise<void> {
    const batch = inbox.splice(0);
    const correction = flow.correction;
    flow.correction = undefined;
    presetDue = false;
    flow.status = 'classifying';
    flow.revision += 1;
    const round = await step('presentDraft', {
      ticketId,
      revision: flow.revision,
      escalated: flow.escalation !== undefined,
      linkListing: !flow.listingLinked,
      setup: !flow.sla,
      ...(flow.correctedCategory ? { category: flow.correctedCategory } : {}),
      ...(correction
        ? { correction: { from: correction.from, actor: correction.actor, at: correction.at } }
        : {}),
    });
    const { draft } = round;
    flow.language = draft.language;
    flow.category = draft.category;
    flow.urgency = draft.urgency;
    // A round runs its steps whatever arrives meanwhile: the loop drafts newer messages next.
    if (round.autoSent) {
      flow.autoSent = true;
      flow.decision = autoSendDecision(
        ticketId,
        flow.revision,
        round.autoSent.rule,
        new Date().toISOString(),
      );
      return;
    }
    if (!round.asked) {
      // The draft is saved: a decision may come from any channel while the cards are posted again.
      flow.status = flow.escalation ? 'escalated' : 'awaiting_approval';
      await step('requestApproval', {
        ticketId,
        revision: flow.revision,
        ...(correction ? { replaces: 'category_corrected' as const } : {}),
      });
    }
    flow.asked = true;
    if (flow.escalation) {
      flow.status = 'escalated';
      if (flow.teamChannel) {
        // The team card shows the new draft (edited in place) and the buyer's words go to its thread.
        const revision = flow.revision;
        const reason = batch.length > 0 ? 'the buyer wrote again' : 'the category was corrected';
        void team.escalateToTeam({ ticketId, revision, reason }).catch(() => undefined);
        for (const messageId of batch) {
          void team.postBuyerMessageToTeamThread({ ticketId, messageId }).catch(() => undefined);
        }
      }
      return;
    }
    flow.status = 'awaiting_approval';
    if (round.listingLinked) flow.listingLinked = true;
    if (round.setup) {
      flow.teamChannel = round.setup.teamChannel;
      flow.sla = slaDeadlines(round.setup.sla, Date.now());
    }
    if (draft.disputeDeadline && flow.sla) flow.sla = withDisputeDeadline(flow.sla, draft.disputeDeadline);
    rearm();
  }

  /**
   * Records an escalation, says so on the seller's cards (by whom and when, no buttons) and hands
   * the ticket to the team (or tells the seller's chats when there is no team channel).
   */
  async function handOverEscalation(escalation: DecisionResult): Promise<void> {
    flow.escalationAnnounced = true;
    flow.status = 'escalated';
    rearm();
    const reason = escalationReason(escalation);
    const round = await step('announceEscalation', {
      ticketId,
      actor: escalation.decidedBy,
      at: escalation.decidedAt,
      reason,
      remindSeller: !flow.teamChannel,
    });
    if (flow.teamChannel) {
      // Not awaited: a Slack outage must never hold up a decision made in Telegram or the API.
      const revision = flow.revision;
      void team
        .escalateToTeam({ ticketId, revision, reason })
        .catch(() => ({ posted: false }))
        .then(async (posted) => {
          if (!posted.posted) await team.remindSeller({ ticketId, kind: 'escalated' });
        })
        .catch(() => undefined);
    }
    // Before any decision is concluded, so the outcome is the cards' last edit.
    if (!round.cardsMarked) await step('markCardsEscalated', { ticketId });
  }

  // One durable timer per SLA step, armed inside a round (never at the wait, so waiting issues no
  // command); a step that moves (a dispute deadline arrived) replaces it.
  let armed: { step: SlaStep; fired: boolean; scope: CancellationScope } | undefined;
  function arm(next: SlaStep | undefined): void {
    if (armed && next && armed.step.kind === next.kind && armed.step.at === next.at) return;
    if (armed && !armed.fired) armed.scope.cancel();
    armed = undefined;
    if (!next) return;
    const timer = { step: next, fired: false, scope: new CancellationScope() };
    armed = timer;
    timer.scope
      .run(() => sleep(Math.max(1, next.at - Date.now())))
      .then(() => {
        timer.fired = true;
      })
      .catch(() => undefined);
  }
  const rearm = () =>
    arm(nextSlaStep(flow.sla, { reminded: flow.reminded, escalated: flow.escalation !== undefined }));
  rearm(); // a run that continued as new picks up its SLA step

  while (!flow.decision) {
    if (shouldContinueAsNew(workflowInfo(), MAX_HISTORY_EVENTS)) {
      await condition(allHandlersFinished);
      if (!flow.decision) {
        await continueAsNew<typeof ticketWorkflow>({ ...input, flow, inbox: inbox.splice(0) });
      }
      break;
    }
    if (redraftDue()) {
      await publishNextDraft();
      continue;
    }
    if (flow.escalation && !flow.escalationAnnounced) {
      await handOverEscalation(flow.escalation);
      continue;
    }
    const timer = armed;
    await condition(
      () =>
        redraftDue() ||
        flow.decision !== undefined ||
        (flow.escalation !== undefined && !flow.escalationAnnounced) ||
        timer?.fired === true,
    );
    if (flow.decision || !timer?.fired || redraftDue()) continue;
    armed = undefined;
    if (timer.step.kind === 'remind') {
      flow.reminded = true;
      rearm();
      await step('remindSeller', { ticketId, kind: 'reminder' });
    } else if (!flow.escalation) {
      flow.escalation = slaEscalation(ticketId, flow.revision, timer.step.reason, new Date().toISOString());
    }
  }

  const decision = flow.decision!;
  flow.status = finalStatus(decision, flow.autoSent);
  const concluded = await step('concludeDecision', {
    ticketId,
    action: decision.action,
    revision: decision.revision,
    actor: decision.decidedBy,
    ...(flow.editId !== undefined ? { editId: flow.editId } : {}),
    decidedAt: decision.decidedAt,
    status: flow.status,
    deliver: deliversReply(flow.status),
    closeCards: flow.asked,
  });
  if (deliversReply(flow.status) && !concluded.delivered) {
    await delivery.deliverReply({ ticketId, revision: decision.revision });
  }
  // A regular activity: a slow Slack must not hold the decision's task (and the seller's answer).
  if (flow.teamChannel && flow.escalation) await team.closeTeamCards({ ticketId }).catch(() => undefined);

  // Messages that arrived after the decision belong to a new conversation: hand them on.
  await condition(allHandlersFinished);
  if (inbox.length > 0) await step('spinOffMessages', { ticketId, messageIds: inbox.splice(0) });
  return { ticketId, status: flow.status, revision: decision.revision, decision };
}
