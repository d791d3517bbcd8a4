import { describe, expect, it } from 'vitest';
import { type AutoSendInput, decideAutoSend } from '../../../src/domain/shop/plans.js';

const base: AutoSendInput = {
  plan: 'auto',
  paused: false,
  kind: 'buyer',
  systemOptIn: false,
  category: 'not_received',
  language: 'es',
  confidence: 0.95,
  abstained: false,
  urgency: 'normal',
  openDisputeWithDeadline: false,
  settings: { categories: ['not_received'], minConfidence: 0.9 },
  history: Array.from({ length: 25 }, () => 'approve' as const),
};

describe('earned auto-send', () => {
  it('allows a confident ticket in an enabled category once trust is earned', () => {
    expect(decideAutoSend(base)).toMatchObject({
      allowed: true,
      rule: expect.stringContaining('trust_earned'),
    });
  });

  it.each([
    [{ plan: 'free' as const }, 'plan_free_requires_approval'],
    [{ paused: true }, 'auto_send_paused'],
    [{ category: 'damaged' }, 'category_not_enabled'],
    [{ abstained: true }, 'classification_abstained'],
    [{ confidence: 0.89 }, 'confidence_below_threshold'],
    [{ urgency: 'high' }, 'urgent_ticket'],
    [{ openDisputeWithDeadline: true }, 'open_dispute'],
  ])('blocks %o with rule %s', (patch, rule) => {
    expect(decideAutoSend({ ...base, ...patch })).toEqual({ allowed: false, rule });
  });

  it('needs 20 unchanged approvals: 19 is not enough, edits do not count', () => {
    const history = [...Array.from({ length: 19 }, () => 'approve' as const), 'edit' as const];
    expect(decideAutoSend({ ...base, history }).rule).toBe('trust_not_earned(19/20_unchanged_approvals)');
  });

  it('locks again when the recent edit rate reaches 10%', () => {
    const history = [
      ...Array.from({ length: 5 }, () => 'edit' as const),
      ...Array.from({ length: 45 }, () => 'approve' as const),
    ];
    expect(decideAutoSend({ ...base, history })).toEqual({ allowed: false, rule: 'edit_rate_too_high(10%)' });
    const fewer = [
      ...Array.from({ length: 4 }, () => 'reject' as const),
      ...Array.from({ length: 46 }, () => 'approve' as const),
    ];
    expect(decideAutoSend({ ...base, history: fewer }).allowed).toBe(true);
  });

  it('system tickets need the plan, no pause and the shop opt-in, not trust', () => {
    expect(decideAutoSend({ ...base, kind: 'system', history: [], systemOptIn: true }).rule).toBe(
      'system_opt_in',
    );
    expect(decideAutoSend({ ...base, kind: 'system', history: [] }).rule).toBe('system_not_opted_in');
    expect(decideAutoSend({ ...base, kind: 'system', paused: true, systemOptIn: true }).rule).toBe(
      'auto_send_paused',
    );
  });
});
