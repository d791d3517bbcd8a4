import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Activities } from '../../src/activities/index.js';
import { createTicketRounds } from '../../src/activities/ticket/rounds.js';
import { workflowBundle } from '../../src/temporal/worker.js';
import { decideUpdate, type TicketInput, ticketStateQuery } from '../../workflows/contracts/ticket.js';
import { createTimeSkippingEnv } from '../support/time-skipping.js';

type Call = { name: string; input: unknown; at: number };

/** Activities as plain recording functions: this file tests the workflow's timers only. */
function stubActivities(
  env: () => TestWorkflowEnvironment,
  calls: Call[],
  disputes: Map<string, string>,
  cardFailures: Map<string, number>,
) {
  const record = (name: string, result: unknown = undefined) =>
    (async (input: unknown) => {
      calls.push({ name, input, at: env().currentTimeMs ? Number(await env().currentTimeMs()) : Date.now() });
      return result;
    }) as never;
  const activities: Partial<Record<keyof Activities, unknown>> = {
    draftTicket: async (input: { ticketId: string; revision: number }) => {
      calls.push({ name: 'draftTicket', input, at: Number(await env().currentTimeMs()) });
      const deadline = disputes.get(input.ticketId);
      return {
        revision: input.revision,
        language: 'en',
        category: 'not_received',
        confidence: 0.9,
        urgency: 'normal',
        abstained: false,
        source: 'template',
        ...(deadline ? { disputeDeadline: deadline } : {}),
      };
    },
    authorizeAutoSend: record('authorizeAutoSend', { allowed: false, rule: 'plan_free_requires_approval' }),
    requestApproval: async (input: { ticketId: string }) => {
      calls.push({ name: 'requestApproval', input, at: Number(await env().currentTimeMs()) });
      const failures = cardFailures.get(input.ticketId) ?? 0;
      if (failures > 0) {
        cardFailures.set(input.ticketId, failures - 1);
        throw new Error('Telegram answered 502');
      }
      return { cards: 1 };
    },
    ticketSetup: record('ticketSetup', {
      sla: { remindAfterMinutes: 120, escalateAfterMinutes: 720, disputeLeadHours: 24 },
      teamChannel: true,
    }),
    saveDecision: record('saveDecision'),
    deliverReply: record('deliverReply', { state: 'delivered' }),
    closeApprovalCards: record('closeApprovalCards'),
    spinOffMessages: record('spinOffMessages', { ticketId: null }),
    remindSeller: record('remindSeller', { sent: 1 }),
    markEscalated: record('markEscalated'),
    markCardsEscalated: async (input: { ticketId: string }) => {
      calls.push({ name: 'markCardsEscalated', input, at: Number(await env().currentTimeMs()) });
      const failures = cardFailures.get(`escalation:${input.ticketId}`) ?? 0;
      if (failures > 0) {
        cardFailures.set(`escalation:${input.ticketId}`, failures - 1);
        throw new Error('Telegram answered 502');
      }
      return { cards: 1 };
    },
    escalateToTeam: record('escalateToTeam', { posted: true }),
    closeTeamCards: record('closeTeamCards', { updated: 1 }),
    postBuyerMessageToTeamThread: record('postBuyerMessageToTeamThread', { posted: true }),
    linkListingDispute: record('linkListingDispute', { linked: false, reason: 'not_applicable' }),
  };
  // The workflow calls the rounds; they run the recorded steps above.
  return { ...activities, ...createTicketRounds(activities as never) } as never;
}

describe('ticket SLA timers on the time-skipping server', () => {
  let env: TestWorkflowEnvironment;
  let worker: Worker;
  let running: Promise<void>;
  const calls: Call[] = [];
  const disputes = new Map<string, string>();
  const cardFailures = new Map<string, number>();
  const taskQueue = 'tq-ticket-sla';
  let n = 0;

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
    worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle: await workflowBundle(),
      activities: stubActivities(() => env, calls, disputes, cardFailures),
    });
    running = worker.run();
  });
  afterAll(async () => {
    worker?.shutdown();
    await running;
    await env?.teardown();
  });

  async function startTicket(dispute?: { id: string; deadline: string }) {
    n++;
    const ticketId = `tkt_sla${n}`;
    if (dispute?.deadline) disputes.set(ticketId, dispute.deadline);
    const input: TicketInput = { ticketId, shopId: 'shop_1' };
    const handle = await env.client.workflow.signalWithStart('ticketWorkflow', {
      taskQueue,
      workflowId: `ticket-${ticketId}`,
      args: [input],
      signal: 'buyerMessage',
      signalArgs: [{ messageId: `m${n}` }],
    });
    // Wait until the draft waits for approval.
    for (let i = 0; i < 100; i++) {
      const state = await handle.query(ticketStateQuery);
      if (state.status === 'awaiting_approval') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    return { handle, ticketId };
  }

  const callsFor = (ticketId: string, name: string) =>
    calls.filter((c) => c.name === name && (c.input as { ticketId?: string }).ticketId === ticketId);

  it('a failed card post is posted again on its own: the draft is not redone, the decision goes through', async () => {
    cardFailures.set(`tkt_sla${n + 1}`, 1);
    const { handle, ticketId } = await startTicket();
    expect((await handle.query(ticketStateQuery)).status).toBe('awaiting_approval');
    expect(callsFor(ticketId, 'draftTicket')).toHaveLength(1);
    expect(callsFor(ticketId, 'requestApproval')).toHaveLength(2);
    await handle.executeUpdate(decideUpdate, {
      args: [{ action: 'approve', actor: { channel: 'telegram', id: '7' } }],
    });
    expect((await handle.result()).status).toBe('sent');
    expect(callsFor(ticketId, 'closeApprovalCards')).toHaveLength(1);
  });

  it('reminds after 2 h, escalates to the team after 12 h more, and the team decides', async () => {
    const { handle, ticketId } = await startTicket();
    await env.sleep('119m');
    expect(callsFor(ticketId, 'remindSeller')).toHaveLength(0);
    await env.sleep('2m');
    expect(callsFor(ticketId, 'remindSeller')).toHaveLength(1);
    await env.sleep('718m');
    expect(callsFor(ticketId, 'markEscalated')).toHaveLength(0);
    await env.sleep('3m');
    expect(callsFor(ticketId, 'markEscalated')).toHaveLength(1);
    // The seller's cards say it went to the team (by the SLA timer), in the same round.
    expect(callsFor(ticketId, 'markCardsEscalated')).toHaveLength(1);
    expect(callsFor(ticketId, 'escalateToTeam')).toHaveLength(1);
    const state = await handle.query(ticketStateQuery);
    expect(state.status).toBe('escalated');
    expect(state.escalation?.decidedBy).toMatchObject({ channel: 'system', id: 'sla' });

    // A second escalation is refused; the team's approval is the decision.
    await expect(
      handle.executeUpdate(decideUpdate, {
        args: [{ action: 'escalate', actor: { channel: 'telegram', id: '1' } }],
      }),
    ).rejects.toThrow();
    await handle.executeUpdate(decideUpdate, {
      args: [{ action: 'approve', actor: { channel: 'slack', id: 'U1', name: 'ana' } }],
    });
    const outcome = await handle.result();
    expect(outcome.status).toBe('sent');
    expect(callsFor(ticketId, 'deliverReply')).toHaveLength(1);
    expect(callsFor(ticketId, 'closeTeamCards')).toHaveLength(1);
    await env.sleep('48h');
    expect(callsFor(ticketId, 'remindSeller')).toHaveLength(1);
  });

  it('escalates 24 h before a dispute deadline, even before the usual 14 h', async () => {
    const now = await env.currentTimeMs();
    const deadline = new Date(Number(now) + 30 * 3_600_000).toISOString();
    const { handle, ticketId } = await startTicket({ id: 'D-1', deadline });
    await env.sleep('358m');
    expect(callsFor(ticketId, 'markEscalated')).toHaveLength(0);
    await env.sleep('3m');
    expect(callsFor(ticketId, 'markEscalated')).toHaveLength(1);
    expect((await handle.query(ticketStateQuery)).escalation?.decidedBy.name).toBe('dispute deadline near');
    await handle.executeUpdate(decideUpdate, {
      args: [{ action: 'reject', actor: { channel: 'api', id: 't' } }],
    });
    expect((await handle.result()).status).toBe('rejected');
  });

  it('a failed escalation edit of the cards is redone on its own before the decision closes them', async () => {
    cardFailures.set(`escalation:tkt_sla${n + 1}`, 1);
    const { handle, ticketId } = await startTicket();
    await handle.executeUpdate(decideUpdate, {
      args: [{ action: 'escalate', actor: { channel: 'api', id: 'tok', name: 'Maria' } }],
    });
    await handle.executeUpdate(decideUpdate, {
      args: [{ action: 'reject', actor: { channel: 'slack', id: 'U1', name: 'ana' } }],
    });
    expect((await handle.result()).status).toBe('rejected');
    expect(callsFor(ticketId, 'markEscalated')).toHaveLength(1);
    expect(callsFor(ticketId, 'markCardsEscalated')).toHaveLength(2);
    // The outcome is the cards' last edit: the escalation edits come first.
    const order = calls
      .filter((c) => (c.input as { ticketId?: string }).ticketId === ticketId)
      .map((c) => c.name)
      .filter((name) => name === 'markCardsEscalated' || name === 'closeApprovalCards');
    expect(order).toEqual(['markCardsEscalated', 'markCardsEscalated', 'closeApprovalCards']);
  });

  it('a decision before the reminder stops every timer', async () => {
    const { handle, ticketId } = await startTicket();
    await env.sleep('30m');
    await handle.executeUpdate(decideUpdate, {
      args: [{ action: 'approve', actor: { channel: 'telegram', id: '7' } }],
    });
    expect((await handle.result()).status).toBe('sent');
    expect(callsFor(ticketId, 'remindSeller')).toHaveLength(0);
    expect(callsFor(ticketId, 'markEscalated')).toHaveLength(0);
  });

  it('a seller escalation hands the ticket to the team right away', async () => {
    const { handle, ticketId } = await startTicket();
    await handle.executeUpdate(decideUpdate, {
      args: [{ action: 'escalate', actor: { channel: 'telegram', id: '7', name: '@s' } }],
    });
    for (let i = 0; i < 50 && callsFor(ticketId, 'escalateToTeam').length === 0; i++)
      await new Promise((r) => setTimeout(r, 50));
    expect(callsFor(ticketId, 'escalateToTeam')).toHaveLength(1);
    expect((await handle.query(ticketStateQuery)).status).toBe('escalated');
    await handle.executeUpdate(decideUpdate, {
      args: [{ action: 'edit', editId: 1, actor: { channel: 'slack', id: 'U2' } }],
    });
    const outcome = await handle.result();
    expect(outcome).toMatchObject({ status: 'sent', revision: 2 });
  });
});
