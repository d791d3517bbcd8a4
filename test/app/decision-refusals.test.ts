import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DECISION_REFUSALS,
  decisionRefusalStatus,
  isWordedRefusal,
} from '../../src/app/decision-refusals.js';
import { buildDecisionRefusedText } from '../../src/channels/slack/blocks.js';
import { CORRECTION_ERRORS, DECISION_ERRORS } from '../../src/domain/ticket/index.js';
import { LANGUAGES } from '../../src/domain/types.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('one table of decision refusals for the API and the chats', () => {
  it('answers each refusal with the status CONTRACT §2 clients see (409 for a lost race)', () => {
    expect(
      Object.fromEntries(Object.entries(DECISION_REFUSALS).map(([code, r]) => [code, r.status])),
    ).toEqual({
      ticket_not_found: 404,
      ticket_closed: 409,
      already_decided: 409,
      already_escalated: 400,
      draft_not_ready: 409,
      edit_text_required: 400,
      edit_text_too_long: 400,
      category_unchanged: 409,
      not_a_buyer_ticket: 409,
    });
    expect(decisionRefusalStatus('some_workflow_refusal')).toBe(400);
  });

  it('covers every refusal the ticket workflow can give (decisions and category corrections)', () => {
    for (const code of Object.values(DECISION_ERRORS)) expect(DECISION_REFUSALS).toHaveProperty(code);
    for (const code of Object.values(CORRECTION_ERRORS)) expect(DECISION_REFUSALS).toHaveProperty(code);
  });

  it('words each worded refusal in every Telegram language and in Slack', () => {
    const worded = Object.keys(DECISION_REFUSALS).filter(isWordedRefusal);
    expect(worded.length).toBeGreaterThan(0);
    for (const lang of LANGUAGES) {
      const bot = JSON.parse(readFileSync(path.join(ROOT, 'locales', lang, 'bot.json'), 'utf8'));
      for (const code of worded) expect(bot.error?.[code], `${lang} error.${code}`).toMatch(/\S/);
    }
    for (const code of worded) {
      expect(buildDecisionRefusedText(code, 'the raw message')).not.toContain('the raw message');
    }
    expect(buildDecisionRefusedText('already_escalated', 'already escalated by Ana')).toBe(
      'already escalated by Ana',
    );
  });
});
