import type { SlaDeadlines, SlaSettings } from './types.js';

const MINUTE = 60_000;
const HOUR = 3_600_000;

/** Why sellerdesk escalated a ticket on its own. */
export type SlaEscalationReason = 'no answer in time' | 'dispute deadline near';

/** The next SLA step of a waiting ticket and when it is due (epoch ms). */
export type SlaStep =
  | { kind: 'remind'; at: number }
  | { kind: 'escalate'; at: number; reason: SlaEscalationReason };

/**
 * The ticket's SLA deadlines, computed once when the seller was first asked: remind after
 * `remindAfterMinutes`, escalate `escalateAfterMinutes` later, or `disputeLeadHours` before a
 * dispute deadline when that comes first.
 */
export function slaDeadlines(settings: SlaSettings, askedAt: number): SlaDeadlines {
  const remindAt = askedAt + settings.remindAfterMinutes * MINUTE;
  const deadlines: SlaDeadlines = {
    remindAt,
    escalateAt: remindAt + settings.escalateAfterMinutes * MINUTE,
    disputeLeadHours: settings.disputeLeadHours,
  };
  return settings.disputeDeadline ? withDisputeDeadline(deadlines, settings.disputeDeadline) : deadlines;
}

/** The deadlines once a (new) dispute deadline is known; an unparseable date changes nothing. */
export function withDisputeDeadline(deadlines: SlaDeadlines, disputeDeadline: string): SlaDeadlines {
  const at = Date.parse(disputeDeadline);
  if (Number.isNaN(at)) return deadlines;
  return { ...deadlines, disputeAt: at - deadlines.disputeLeadHours * HOUR };
}

/**
 * The earliest step still to come: nothing once escalated; the reminder only if not sent yet and
 * due before the escalation; the escalation at the earlier of its own and the dispute point.
 */
export function nextSlaStep(
  deadlines: SlaDeadlines | undefined,
  progress: { reminded: boolean; escalated: boolean },
): SlaStep | undefined {
  if (!deadlines || progress.escalated) return undefined;
  const disputeFirst = deadlines.disputeAt !== undefined && deadlines.disputeAt <= deadlines.escalateAt;
  const escalate: SlaStep = {
    kind: 'escalate',
    at: disputeFirst ? deadlines.disputeAt! : deadlines.escalateAt,
    reason: disputeFirst ? 'dispute deadline near' : 'no answer in time',
  };
  if (!progress.reminded && deadlines.remindAt < escalate.at)
    return { kind: 'remind', at: deadlines.remindAt };
  return escalate;
}
