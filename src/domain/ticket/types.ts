import type { Actor, Category, DecisionAction, Language, TicketStatus, Urgency } from '../types.js';

/** A seller's category correction waiting for its redraft (labels and who, no text). */
export interface PendingCorrection {
  category: Category;
  from: Category;
  actor: Actor;
  at: string;
}

/** An accepted decision: what was decided on which revision, by whom and when. */
export interface DecisionResult {
  ticketId: string;
  action: DecisionAction;
  revision: number;
  decidedBy: Actor;
  decidedAt: string;
}

/**
 * What the ticket workflow knows about a ticket: labels, revision and progress, never buyer or
 * reply text (those stay in the database). Small enough to carry through continue-as-new.
 */
export interface TicketFlowState {
  ticketId: string;
  status: TicketStatus;
  revision: number;
  language?: Language;
  category?: Category;
  urgency?: Urgency;
  decision?: DecisionResult;
  /** The escalation that handed the ticket to the support team, if any. */
  escalation?: DecisionResult;
  /** The escalation was recorded and the team (or the seller's chats) told. */
  escalationAnnounced: boolean;
  /** Reference (row id) of the seller's edited text when the decision is an edit. */
  editId?: number;
  autoSent: boolean;
  /** Approval cards were requested at least once (they need closing after the decision). */
  asked: boolean;
  /** SLA deadlines, set once when the first card went out. */
  sla?: SlaDeadlines;
  reminded: boolean;
  listingLinked: boolean;
  /** A team channel (Slack) is configured: only then are team steps scheduled. */
  teamChannel: boolean;
  /** Latest message ids seen (bounded), so a repeated signal does not redraft. */
  recentMessageIds: string[];
  /** A category correction accepted and not redrafted yet. */
  correction?: PendingCorrection;
  /** The category the seller set: every later draft of the ticket keeps it. */
  correctedCategory?: Category;
}

/** SLA timers of a shop (docs/API.md `sla`), plus the dispute deadline of the ticket if any. */
export interface SlaSettings {
  remindAfterMinutes: number;
  escalateAfterMinutes: number;
  disputeLeadHours: number;
  disputeDeadline?: string;
}

/** Absolute SLA deadlines of a ticket, in epoch milliseconds. */
export interface SlaDeadlines {
  remindAt: number;
  escalateAt: number;
  disputeLeadHours: number;
  /** Escalation point before a marketplace dispute deadline, when the ticket has one. */
  disputeAt?: number;
}

/** What drafting a revision produced, as labels: the text itself stays in the database. */
export interface DraftSummary {
  revision: number;
  language: Language;
  category: Category;
  confidence: number;
  urgency: Urgency;
  abstained: boolean;
  source: 'template' | 'fallback';
  /** A system ticket's preset draft, and whether the shop let it go out without approval. */
  preset?: { autoSend: boolean };
  /** The marketplace dispute deadline the ticket's messages carry, if any. */
  disputeDeadline?: string;
  /** The seller set the category (a correction): the draft always waits for a human. */
  corrected?: boolean;
}
