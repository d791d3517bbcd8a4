/** Plans a shop can be on: `free` approves every reply by hand, `auto` may auto-send. */
export const PLANS = ['free', 'auto'] as const;
export type Plan = (typeof PLANS)[number];

/** Default API calls per shop per UTC day, by plan. */
export const DAILY_API_LIMIT: Record<Plan, number> = { free: 1_000, auto: 10_000 };

/** Earned-trust defaults: approvals needed unchanged, window of recent decisions, max edit rate. */
export const TRUST_DEFAULTS = { minUnchangedApprovals: 20, window: 50, maxEditRate: 0.1 } as const;

/** What the auto-send gate looks at for one ticket. */
export interface AutoSendInput {
  plan: Plan;
  paused: boolean;
  kind: 'buyer' | 'system';
  /** System tickets (stall apology) need the shop's opt-in (`logistics.autoApology`). */
  systemOptIn: boolean;
  category: string;
  language: string;
  confidence: number;
  abstained: boolean;
  urgency: string;
  openDisputeWithDeadline: boolean;
  settings: { categories: string[]; minConfidence: number };
  /** Recent decisions of this shop x category x language, newest first. */
  history: Array<'approve' | 'edit' | 'reject' | 'escalate'>;
  trust?: { minUnchangedApprovals: number; window: number; maxEditRate: number };
}

/** The gate's verdict and the rule that decided it (shown on the ticket). */
export interface AutoSendVerdict {
  allowed: boolean;
  rule: string;
}

/**
 * Earned auto-send: allowed only on the `auto` plan, not paused, and — for buyer tickets — in an
 * enabled category, confident, not abstained/urgent/under dispute, with enough unchanged approvals
 * and a low edit rate for this category and language. The first failing rule is reported.
 */
export function decideAutoSend(input: AutoSendInput): AutoSendVerdict {
  if (input.plan !== 'auto') return { allowed: false, rule: 'plan_free_requires_approval' };
  if (input.paused) return { allowed: false, rule: 'auto_send_paused' };
  if (input.kind === 'system') {
    return input.systemOptIn
      ? { allowed: true, rule: 'system_opt_in' }
      : { allowed: false, rule: 'system_not_opted_in' };
  }
  if (!input.settings.categories.includes(input.category))
    return { allowed: false, rule: 'category_not_enabled' };
  if (input.abstained) return { allowed: false, rule: 'classification_abstained' };
  if (input.confidence < input.settings.minConfidence)
    return { allowed: false, rule: 'confidence_below_threshold' };
  if (input.urgency === 'high') return { allowed: false, rule: 'urgent_ticket' };
  if (input.openDisputeWithDeadline) return { allowed: false, rule: 'open_dispute' };
  const trust = input.trust ?? TRUST_DEFAULTS;
  const recent = input.history.slice(0, trust.window);
  let unchanged = 0;
  for (const action of input.history) if (action === 'approve') unchanged++;
  if (unchanged < trust.minUnchangedApprovals) {
    return {
      allowed: false,
      rule: `trust_not_earned(${unchanged}/${trust.minUnchangedApprovals}_unchanged_approvals)`,
    };
  }
  const changed = recent.filter((a) => a === 'edit' || a === 'reject').length;
  const editRate = recent.length === 0 ? 0 : changed / recent.length;
  if (editRate >= trust.maxEditRate) {
    return { allowed: false, rule: `edit_rate_too_high(${Math.round(editRate * 100)}%)` };
  }
  return { allowed: true, rule: `trust_earned(${unchanged}_approvals,${Math.round(editRate * 100)}%_edits)` };
}
