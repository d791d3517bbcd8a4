import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DECISION_REFUSALS,
  decisionRefusalStatus,
  isWordedRefusal,
} from '../../src/app/decision-refusals.js';
import { buildDecisionRefusedText, slackTexts } from '../../src/channels/slack/blocks.js';
import { createReplyRenderer } from '../../src/domain/reply/index.js';
import { SELLER_LANGUAGES } from '../../src/domain/shop/seller-language.js';
import { CORRECTION_ERRORS, DECISION_ERRORS } from '../../src/domain/ticket/index.js';
import { loadReplyResources } from '../../src/i18n/load.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const { catalogue, resources } = await loadReplyResources(ROOT);
const renderer = createReplyRenderer(catalogue, resources);

describe('one table of decision refusals for the API and the chats', () => {
  it('answers each refusal with the status API clients see (docs/API.md) (409 for a lost race)', () => {
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
      edit_language_mismatch: 422,
      held_edit_not_found: 404,
      category_unchanged: 409,
      not_a_buyer_ticket: 409,
    });
    expect(decisionRefusalStatus('some_workflow_refusal')).toBe(400);
  });

  it('covers every refusal the ticket workflow can give (decisions and category corrections)', () => {
    for (const code of Object.values(DECISION_ERRORS)) expect(DECISION_REFUSALS).toHaveProperty(code);
    for (const code of Object.values(CORRECTION_ERRORS)) expect(DECISION_REFUSALS).toHaveProperty(code);
  });

  it('words each worded refusal in every seller language, in Telegram and in Slack', () => {
    const worded = Object.keys(DECISION_REFUSALS).filter(isWordedRefusal);
    expect(worded.length).toBeGreaterThan(0);
    for (const lang of SELLER_LANGUAGES) {
      const bot = JSON.parse(readFileSync(path.join(ROOT, 'locales', lang, 'bot.json'), 'utf8'));
      for (const code of worded) expect(bot.error?.[code], `${lang} error.${code}`).toMatch(/\S/);
    }
    for (const lang of SELLER_LANGUAGES) {
      for (const code of worded) {
        const text = buildDecisionRefusedText(slackTexts(renderer, lang), code, 'the raw message');
        expect(text, `${lang} ${code}`).not.toContain('the raw message');
      }
    }
    expect(
      buildDecisionRefusedText(
        slackTexts(renderer, 'zh-CN'),
        'already_escalated',
        'already escalated by Ana',
      ),
    ).toBe('already escalated by Ana');
  });
});
