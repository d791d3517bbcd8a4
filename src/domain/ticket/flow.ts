import type { TicketFlowState } from './types.js';

/** Message ids a ticket remembers to ignore repeated signals; older repeats only redraft. */
export const RECENT_MESSAGE_IDS = 64;

/** The state of a ticket that has not been drafted yet. */
export function initialTicketFlow(ticketId: string): TicketFlowState {
  return {
    ticketId,
    status: 'classifying',
    revision: 0,
    escalationAnnounced: false,
    autoSent: false,
    asked: false,
    reminded: false,
    listingLinked: false,
    teamChannel: false,
    recentMessageIds: [],
  };
}

/** Remembers a message id (bounded); false when it was seen recently (a repeated signal). */
export function rememberMessage(flow: TicketFlowState, messageId: string): boolean {
  if (flow.recentMessageIds.includes(messageId)) return false;
  flow.recentMessageIds.push(messageId);
  if (flow.recentMessageIds.length > RECENT_MESSAGE_IDS) flow.recentMessageIds.shift();
  return true;
}

/** History events a ticket's workflow run may reach before it hands its compact state to a fresh run. */
export const MAX_HISTORY_EVENTS = 1_000;

/** Whether a ticket's workflow run should hand over to a fresh run (bounded history). */
export function shouldContinueAsNew(
  run: { historyLength: number; continueAsNewSuggested: boolean },
  maxHistoryEvents: number,
): boolean {
  return run.continueAsNewSuggested || run.historyLength >= maxHistoryEvents;
}
