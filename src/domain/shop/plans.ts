/** Plans a shop can be on: `free` approves every reply by hand, `auto` may auto-send. */
export const PLANS = ['free', 'auto'] as const;
export type Plan = (typeof PLANS)[number];

/** Default API calls per shop per UTC day, by plan. */
export const DAILY_API_LIMIT: Record<Plan, number> = { free: 1_000, auto: 10_000 };

/** Earned-trust defaults: approvals needed unchanged, window of recent decisions, max edit rate. */
export const TRUST_DEFAULTS = { minUnchangedApprovals: 20, window: 50, maxEditRate: 0.1 } as const;

/** One human verdict the gate earns trust from: a decision, or a category correction. */
export type TrustEntry = 'approve' | 'edit' | 'reject' | 'escalate' | 'correct';

/** Verdicts that changed what sellerdesk proposed: they count against earned trust. */
const CHANGED: ReadonlySet<TrustEntry> = new Set(['edit', 'reject', 'correct']);

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
  /**
   * Recent human verdicts on this shop x category x language, newest first: decisions, and
   * `correct` where the seller moved a ticket out of this category (the classifier was wrong).
   */
  history: TrustEntry[];
  trust?: { minUnchangedApprovals: number; window: number; maxEditRate: number };
}

/** The gate's verdict and the rule that decided it (shown on the ticket). */
export interface AutoSendVerdict {
  allowed: boolean;
  rule: string;
}

/**
 * The gate's rules that need no verdict history (plan, pause, system opt-in, the ticket's own
 * labels): their verdict, or undefined when the trust rules decide. The gate reads the history only
 * then (a free shop's ticket costs no history query).
 */
export function verdictBeforeTrust(
  input: Omit<AutoSendInput, 'history' | 'trust'>,
): AutoSendVerdict | undefined {
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
  return undefined;
}

/**
 * Earned auto-send: allowed only on the `auto` plan, not paused, and — for buyer tickets — in an
 * enabled category, confident, not abstained/urgent/under dispute, with enough unchanged approvals
 * and a low rate of edits, rejections and category corrections for this category and language.
 * The first failing rule is reported.
 */
export function decideAutoSend(input: AutoSendInput): AutoSendVerdict {
  const early = verdictBeforeTrust(input);
  if (early) return early;
  const progress = trustProgress(input.history, input.trust ?? TRUST_DEFAULTS);
  const { unchanged } = progress;
  if (unchanged < progress.minUnchangedApprovals) {
    return {
      allowed: false,
      rule: `trust_not_earned(${unchanged}/${progress.minUnchangedApprovals}_unchanged_approvals)`,
    };
  }
  const { editRate } = progress;
  if (editRate >= progress.maxEditRate) {
    return { allowed: false, rule: `edit_rate_too_high(${Math.round(editRate * 100)}%)` };
  }
  return { allowed: true, rule: `trust_earned(${unchanged}_approvals,${Math.round(editRate * 100)}%_edits)` };
}

/** How far a shop x category x language is from earning auto-send (the gate's two trust rules). */
export interface TrustProgress {
  /** Unchanged approvals among the verdicts read, and how many the gate needs. */
  unchanged: number;
  minUnchangedApprovals: number;
  /** Share of edits, rejections and corrections among the latest `window` verdicts, and its ceiling. */
  editRate: number;
  maxEditRate: number;
  window: number;
  /** Verdicts in the window. */
  recent: number;
  /** Both trust rules hold (the plan, the pause and the ticket's own rules still apply). */
  earned: boolean;
}

/**
 * The trust rules of {@link decideAutoSend} over a history (newest first): the gate and the seller
 * console's "how far from auto-send" read this one function.
 */
export function trustProgress(
  history: readonly TrustEntry[],
  trust: { minUnchangedApprovals: number; window: number; maxEditRate: number } = TRUST_DEFAULTS,
): TrustProgress {
  const recent = history.slice(0, trust.window);
  let unchanged = 0;
  for (const action of history) if (action === 'approve') unchanged++;
  const changed = recent.filter((a) => CHANGED.has(a)).length;
  const editRate = recent.length === 0 ? 0 : changed / recent.length;
  return {
    unchanged,
    minUnchangedApprovals: trust.minUnchangedApprovals,
    editRate,
    maxEditRate: trust.maxEditRate,
    window: trust.window,
    recent: recent.length,
    earned: unchanged >= trust.minUnchangedApprovals && editRate < trust.maxEditRate,
  };
}
