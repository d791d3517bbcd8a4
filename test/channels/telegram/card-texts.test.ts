import { describe, expect, it } from 'vitest';
import type { CardEscalation } from '../../../src/activities/ports.js';
import { buildOutcomeMessage, buildTeamCard, slackTexts } from '../../../src/channels/slack/blocks.js';
import {
  buildCardText,
  buildEscalationLine,
  buildOutcomeText,
  TELEGRAM_TEXT_LIMIT,
} from '../../../src/channels/telegram/cards.js';
import type { Decision, Ticket } from '../../../src/db/schema/index.js';
import { createReplyRenderer } from '../../../src/domain/reply/index.js';
import { SELLER_LANGUAGES, type SellerLanguage } from '../../../src/domain/shop/seller-language.js';
import { loadReplyResources } from '../../../src/i18n/load.js';

const { catalogue, resources } = await loadReplyResources(process.cwd());
const renderer = createReplyRenderer(catalogue, resources);

const coupon = { code: 'SD-7KQ2MX9PRT', value: 3.5, currency: 'USD' };
const at = new Date('2026-11-23T18:40:00Z');

const ticket = {
  id: 'tkt_cards1',
  orderId: 'ORD-77',
  origin: 'system',
  language: 'fr',
  category: 'not_received',
  confidence: 1,
  urgency: 'normal',
  sentiment: null,
  finalText: 'Bonjour, voici votre code de réduction SD-7KQ2MX9PRT.',
} as unknown as Ticket;

const decision = (action: Decision['action'], actorName: string | null = 'ana'): Decision =>
  ({
    ticketId: ticket.id,
    action,
    revision: 1,
    actorChannel: 'telegram',
    actorId: '515151',
    actorName,
    text: null,
    decidedAt: at,
  }) as unknown as Decision;

/** The amount with its ISO code as each seller language writes it (a no-break space where Intl puts one). */
const AMOUNT: Record<SellerLanguage, RegExp> = {
  en: /USD\s3\.50/,
  es: /3,50\sUSD/,
  fr: /3,50\sUSD/,
  ru: /3,50\sUSD/,
  pt: /USD\s3,50/,
  'zh-CN': /USD\s3\.50/,
};

describe('what a card says the seller decides on, in every seller language', () => {
  it.each(SELLER_LANGUAGES)('%s: the approval card names the coupon code, its amount and currency', (lng) => {
    const text = buildCardText(renderer, lng, {
      ticket,
      buyerText: '',
      draftText: 'Bonjour, … SD-7KQ2MX9PRT …',
      coupon,
    });
    const line = text.split('\n').find((l) => l.startsWith('🎟️'));
    expect(line).toBeDefined();
    expect(line).toContain('SD-7KQ2MX9PRT');
    expect(line).toMatch(AMOUNT[lng]);
    // The coupon line comes before the buyer's words and the draft, so no clipping takes it away.
    const long = buildCardText(renderer, lng, {
      ticket,
      buyerText: 'x'.repeat(10_000),
      draftText: 'y'.repeat(10_000),
      coupon,
    });
    expect(long.length).toBeLessThanOrEqual(TELEGRAM_TEXT_LIMIT);
    expect(long).toContain('SD-7KQ2MX9PRT');
  });

  it.each(SELLER_LANGUAGES)('%s: an escalated card says so, by whom and when (UTC)', (lng) => {
    const escalation: CardEscalation = { by: { channel: 'api', id: 'tok_1', name: 'Maria' }, at };
    const text = buildCardText(renderer, lng, {
      ticket,
      buyerText: 'où est mon colis',
      draftText: 'Bonjour',
      escalation,
    });
    const first = text.split('\n')[0]!;
    expect(first).toBe(buildEscalationLine(renderer, lng, escalation));
    expect(first).toContain('Maria');
    expect(first).toMatch(/(18:40|6:40\sPM) UTC/);
    expect(first).toContain('2026');
    // The catalogue's own words, not the English ones, outside English.
    if (lng !== 'en') expect(first).not.toContain('Escalated to the support team');
  });

  it.each(SELLER_LANGUAGES)(
    '%s: the SLA timer escalates as sellerdesk, with its reason in the seller language',
    (lng) => {
      const line = buildEscalationLine(renderer, lng, {
        by: { channel: 'system', id: 'sla', name: 'no answer in time' },
        at,
      });
      expect(line).toContain(`sellerdesk (${renderer.t(lng, 'slack.reason_no_answer')})`);
      if (lng !== 'en') expect(line).not.toContain('no answer in time');
    },
  );

  it.each(SELLER_LANGUAGES)('%s: approved, edited and rejected cards say by whom and when', (lng) => {
    for (const action of ['approve', 'edit', 'reject'] as const) {
      const text = buildOutcomeText(renderer, lng, ticket, decision(action), coupon);
      const first = text.split('\n')[0]!;
      expect(first).toContain('ana');
      expect(first).toMatch(/(18:40|6:40\sPM) UTC/);
      // What was sent: the coupon with the text; a rejection sends neither.
      if (action === 'reject') {
        expect(text).not.toContain('SD-7KQ2MX9PRT');
      } else {
        expect(text).toMatch(AMOUNT[lng]);
        expect(text).toContain(ticket.finalText!);
      }
    }
    // A decision without a display name names the actor's id.
    expect(buildOutcomeText(renderer, lng, ticket, decision('approve', null))).toContain('515151');
  });

  it.each(SELLER_LANGUAGES)(
    '%s: the Slack team card and its outcome carry the coupon, who and when',
    (lng) => {
      const tx = slackTexts(renderer, lng);
      const card = JSON.stringify(
        buildTeamCard(tx, {
          ticketId: ticket.id,
          orderId: ticket.orderId,
          buyerText: '',
          draft: 'Bonjour … SD-7KQ2MX9PRT',
          coupon,
          reason: 'no answer in time',
          escalatedBy: { channel: 'system', id: 'sla', name: 'no answer in time' },
          escalatedAt: at,
          revision: 1,
        }).blocks,
      );
      expect(card).toContain('🎟️');
      expect(card).toMatch(AMOUNT[lng]);
      expect(card).toContain(renderer.t(lng, 'slack.reason_no_answer'));
      expect(card).toContain(`<!date^${at.getTime() / 1000}^`);
      expect(card).toContain('"action_id":"approve"'); // the team decides on its card
      const outcome = JSON.stringify(
        buildOutcomeMessage(tx, {
          ticketId: ticket.id,
          orderId: ticket.orderId,
          action: 'approve',
          actor: { channel: 'slack', id: 'U0TEAM1', name: 'ana' },
          decidedAt: at,
          finalText: ticket.finalText,
          coupon,
        }).blocks,
      );
      expect(outcome).toContain('<@U0TEAM1>');
      expect(outcome).toContain(`<!date^${at.getTime() / 1000}^`);
      expect(outcome).toMatch(AMOUNT[lng]);
      expect(outcome).not.toContain('"type":"actions"');
    },
  );
});
