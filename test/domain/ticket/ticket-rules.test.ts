import { describe, expect, it } from 'vitest';
import {
  acceptCorrection,
  acceptDecision,
  autoSendCandidate,
  autoSendDecision,
  CORRECTION_ERRORS,
  checkEditText,
  DECISION_ERRORS,
  type DecisionResult,
  deliversReply,
  escalationReason,
  finalStatus,
  initialTicketFlow,
  MAX_REPLY_LENGTH,
  nextSlaStep,
  RECENT_MESSAGE_IDS,
  refuseCorrection,
  refuseDecision,
  rememberMessage,
  shouldContinueAsNew,
  slaDeadlines,
  slaEscalation,
  withDisputeDeadline,
} from '../../../src/domain/ticket/index.js';

const MIN = 60_000;
const HOUR = 3_600_000;
const T0 = Date.parse('2026-11-23T09:00:00Z');
const settings = { remindAfterMinutes: 120, escalateAfterMinutes: 720, disputeLeadHours: 24 };

describe('SLA deadlines and steps', () => {
  it('reminds after 2 h and escalates 12 h later', () => {
    const d = slaDeadlines(settings, T0);
    expect(d).toEqual({ remindAt: T0 + 120 * MIN, escalateAt: T0 + 840 * MIN, disputeLeadHours: 24 });
    expect(nextSlaStep(d, { reminded: false, escalated: false })).toEqual({
      kind: 'remind',
      at: T0 + 120 * MIN,
    });
    expect(nextSlaStep(d, { reminded: true, escalated: false })).toEqual({
      kind: 'escalate',
      at: T0 + 840 * MIN,
      reason: 'no answer in time',
    });
    expect(nextSlaStep(d, { reminded: true, escalated: true })).toBeUndefined();
    expect(nextSlaStep(undefined, { reminded: false, escalated: false })).toBeUndefined();
  });

  it('escalates a day before a dispute deadline when that comes first, skipping the reminder', () => {
    const deadline = new Date(T0 + 25 * HOUR).toISOString();
    const d = slaDeadlines({ ...settings, disputeDeadline: deadline }, T0);
    expect(d.disputeAt).toBe(T0 + HOUR);
    expect(nextSlaStep(d, { reminded: false, escalated: false })).toEqual({
      kind: 'escalate',
      at: T0 + HOUR,
      reason: 'dispute deadline near',
    });
  });

  it('a dispute deadline far away changes nothing; one arriving later moves the escalation', () => {
    const far = withDisputeDeadline(slaDeadlines(settings, T0), new Date(T0 + 100 * HOUR).toISOString());
    expect(nextSlaStep(far, { reminded: true, escalated: false })).toMatchObject({
      reason: 'no answer in time',
    });
    const near = withDisputeDeadline(far, new Date(T0 + 30 * HOUR).toISOString());
    expect(nextSlaStep(near, { reminded: false, escalated: false })).toEqual({
      kind: 'remind',
      at: T0 + 120 * MIN,
    });
    expect(nextSlaStep(near, { reminded: true, escalated: false })).toEqual({
      kind: 'escalate',
      at: T0 + 6 * HOUR,
      reason: 'dispute deadline near',
    });
    expect(withDisputeDeadline(far, 'not a date')).toBe(far);
  });
});

describe('decisions', () => {
  const actor = { channel: 'telegram' as const, id: '7', name: '@ana' };
  const open = { status: 'awaiting_approval' as const };

  it('accepts an approval, an edit with its stored text, a rejection and an escalation', () => {
    expect(refuseDecision(open, { action: 'approve', actor }, false)).toBeUndefined();
    expect(refuseDecision(open, { action: 'edit', editId: 12, actor }, false)).toBeUndefined();
    expect(refuseDecision({ status: 'escalated' }, { action: 'reject', actor }, false)).toBeUndefined();
    expect(acceptDecision('t1', 3, { action: 'edit', editId: 12, actor }, 'at')).toEqual({
      ticketId: 't1',
      action: 'edit',
      revision: 4,
      decidedBy: actor,
      decidedAt: 'at',
    });
    expect(acceptDecision('t1', 3, { action: 'approve', actor }, 'at').revision).toBe(3);
  });

  it('refuses a second decision with the first one, and a second escalation', () => {
    const first: DecisionResult = {
      ticketId: 't',
      action: 'approve',
      revision: 1,
      decidedBy: actor,
      decidedAt: 'x',
    };
    expect(refuseDecision({ ...open, decision: first }, { action: 'reject', actor }, false)).toMatchObject({
      code: DECISION_ERRORS.alreadyDecided,
      decided: first,
    });
    const escalation = { ...first, action: 'escalate' as const };
    expect(
      refuseDecision({ status: 'escalated', escalation }, { action: 'escalate', actor }, false),
    ).toMatchObject({ code: DECISION_ERRORS.alreadyEscalated, decided: escalation });
  });

  it('refuses while drafting or with a newer message waiting, and an edit without its text', () => {
    expect(refuseDecision({ status: 'classifying' }, { action: 'approve', actor }, false)?.code).toBe(
      DECISION_ERRORS.notReady,
    );
    expect(refuseDecision(open, { action: 'approve', actor }, true)?.code).toBe(DECISION_ERRORS.notReady);
    expect(refuseDecision(open, { action: 'edit', actor }, false)?.code).toBe(
      DECISION_ERRORS.editTextRequired,
    );
    expect(refuseDecision(open, { action: 'edit', editId: 0, actor }, false)?.code).toBe(
      DECISION_ERRORS.editTextRequired,
    );
  });

  it('checks an edited text: trimmed, not empty, not too long', () => {
    expect(checkEditText('  Hello!  ')).toEqual({ ok: true, text: 'Hello!' });
    expect(checkEditText('   ')).toMatchObject({ ok: false, refusal: { code: 'edit_text_required' } });
    expect(checkEditText(undefined)).toMatchObject({ ok: false, refusal: { code: 'edit_text_required' } });
    expect(checkEditText('x'.repeat(MAX_REPLY_LENGTH + 1))).toMatchObject({
      ok: false,
      refusal: { code: 'edit_text_too_long' },
    });
  });

  it('names system decisions and escalation reasons', () => {
    expect(autoSendDecision('t', 2, 'system_opt_in', 'at').decidedBy).toEqual({
      channel: 'system',
      id: 'auto-send',
      name: 'auto-send (system_opt_in)',
    });
    const sla = slaEscalation('t', 1, 'dispute deadline near', 'at');
    expect(escalationReason(sla)).toBe('dispute deadline near');
    expect(escalationReason({ ...sla, decidedBy: actor })).toBe('escalated by the seller');
  });
});

describe('final status and auto-send', () => {
  const base: DecisionResult = {
    ticketId: 't',
    action: 'approve',
    revision: 1,
    decidedBy: { channel: 'api', id: 'a' },
    decidedAt: 'x',
  };

  it('maps a decision to the status the ticket ends in, once', () => {
    expect(finalStatus(base, false)).toBe('sent');
    expect(finalStatus({ ...base, action: 'edit' }, false)).toBe('sent');
    expect(finalStatus(base, true)).toBe('auto_sent');
    expect(finalStatus({ ...base, action: 'reject' }, false)).toBe('rejected');
    expect(finalStatus({ ...base, action: 'escalate' }, false)).toBe('escalated');
    expect(['sent', 'auto_sent'].filter((s) => deliversReply(s as 'sent'))).toHaveLength(2);
    expect(deliversReply('rejected')).toBe(false);
  });

  it('asks the gate for template drafts only: system presets when opted in, buyer drafts unless escalated', () => {
    expect(autoSendCandidate({ source: 'template' }, false)).toBe('buyer');
    expect(autoSendCandidate({ source: 'template' }, true)).toBeUndefined();
    expect(autoSendCandidate({ source: 'fallback' }, false)).toBeUndefined();
    expect(autoSendCandidate({ source: 'template', preset: { autoSend: true } }, false)).toBe('system');
    expect(autoSendCandidate({ source: 'template', preset: { autoSend: false } }, false)).toBeUndefined();
  });

  it('never auto-sends a draft whose category the seller corrected', () => {
    expect(autoSendCandidate({ source: 'template', corrected: true }, false)).toBeUndefined();
  });
});

describe('category corrections', () => {
  const seller = { channel: 'telegram' as const, id: '42', name: '@maria' };
  const waiting = () => ({
    ...initialTicketFlow('t1'),
    status: 'awaiting_approval' as const,
    revision: 1,
    category: 'other' as const,
  });
  const request = { category: 'cancel_order' as const, actor: seller };
  const ready = { system: false, messagesWaiting: false };

  it('accepts a correction of a waiting draft: it waits for the next round and sticks to the ticket', () => {
    const flow = waiting();
    expect(refuseCorrection(flow, request, ready)).toBeUndefined();
    expect(acceptCorrection(flow, request, 'now')).toEqual({
      ticketId: 't1',
      category: 'cancel_order',
      correctedFrom: 'other',
      revision: 2,
      correctedBy: seller,
      correctedAt: 'now',
    });
    expect(flow.correction).toEqual({ category: 'cancel_order', from: 'other', actor: seller, at: 'now' });
    expect(flow.correctedCategory).toBe('cancel_order');
    // While its redraft is pending, a second correction waits like a decision would.
    expect(refuseCorrection(flow, { ...request, category: 'refund_request' }, ready)?.code).toBe(
      DECISION_ERRORS.notReady,
    );
  });

  it('accepts one on an escalated ticket (the team card offers it too)', () => {
    expect(refuseCorrection({ ...waiting(), status: 'escalated' }, request, ready)).toBeUndefined();
  });

  it('refuses after a decision (with it), on a system ticket, while drafting, and to the same category', () => {
    const decided: DecisionResult = {
      ticketId: 't1',
      action: 'approve',
      revision: 1,
      decidedBy: seller,
      decidedAt: '2026-11-23T10:00:00Z',
    };
    const late = refuseCorrection({ ...waiting(), decision: decided }, request, ready);
    expect(late).toMatchObject({ code: DECISION_ERRORS.alreadyDecided, decided });
    expect(refuseCorrection(waiting(), request, { ...ready, system: true })?.code).toBe(
      CORRECTION_ERRORS.systemTicket,
    );
    expect(refuseCorrection({ ...waiting(), status: 'classifying' }, request, ready)?.code).toBe(
      DECISION_ERRORS.notReady,
    );
    expect(refuseCorrection(waiting(), request, { ...ready, messagesWaiting: true })?.code).toBe(
      DECISION_ERRORS.notReady,
    );
    expect(refuseCorrection({ ...waiting(), category: undefined }, request, ready)?.code).toBe(
      DECISION_ERRORS.notReady,
    );
    expect(refuseCorrection(waiting(), { ...request, category: 'other' }, ready)?.code).toBe(
      CORRECTION_ERRORS.unchanged,
    );
  });
});

describe('flow state', () => {
  it('ignores a repeated message id and remembers a bounded number of ids', () => {
    const flow = initialTicketFlow('t');
    expect(rememberMessage(flow, 'm1')).toBe(true);
    expect(rememberMessage(flow, 'm1')).toBe(false);
    for (let i = 0; i < RECENT_MESSAGE_IDS + 10; i++) rememberMessage(flow, `x${i}`);
    expect(flow.recentMessageIds).toHaveLength(RECENT_MESSAGE_IDS);
    expect(rememberMessage(flow, 'm1')).toBe(true);
  });

  it('continues as new when the server suggests it or the history reaches the bound', () => {
    expect(shouldContinueAsNew({ historyLength: 10, continueAsNewSuggested: false }, 1000)).toBe(false);
    expect(shouldContinueAsNew({ historyLength: 1000, continueAsNewSuggested: false }, 1000)).toBe(true);
    expect(shouldContinueAsNew({ historyLength: 10, continueAsNewSuggested: true }, 1000)).toBe(true);
  });
});
