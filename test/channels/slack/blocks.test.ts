import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  actorLabel,
  buildAlreadyDecidedText,
  buildBuyerThreadMessage,
  buildEditModal,
  buildOutcomeMessage,
  buildPendingReply,
  buildTeamCard,
  buildTicketStatusReply,
  CATEGORY_ACTION_ID,
  clipMrkdwn,
  EDIT_ACTION_ID,
  EDIT_BLOCK_ID,
  EDIT_CALLBACK_ID,
  escapeMrkdwn,
  formatAge,
  SLACK_INPUT_LIMIT,
  type SlackMessage,
  type TeamCardInput,
  ticketOfCategoryBlock,
} from '../../../src/channels/slack/blocks.js';
import { parseSlackBody, verifySlackSignature } from '../../../src/channels/slack/receiver.js';
import { CATEGORIES } from '../../../src/domain/types.js';

const HOSTILE = 'Tom & Jerry <@U999> <!channel> <https://evil.example|click> a > b';

/** Every mrkdwn text of a message (sections, fields, context), for escaping checks. */
function mrkdwnTexts(message: { blocks: SlackMessage['blocks'] }): string[] {
  const texts: string[] = [];
  for (const block of message.blocks) {
    const b = block as {
      text?: { type: string; text: string };
      fields?: Array<{ text: string }>;
      elements?: Array<{ type: string; text?: string }>;
    };
    if (b.text?.type === 'mrkdwn') texts.push(b.text.text);
    for (const f of b.fields ?? []) texts.push(f.text);
    for (const e of b.elements ?? []) if (e.type === 'mrkdwn' && e.text) texts.push(e.text);
  }
  return texts;
}

const cardInput = (): TeamCardInput => ({
  ticketId: 'tkt_abc123',
  orderId: `ORD-1 ${HOSTILE}`,
  shopName: `Shop ${HOSTILE}`,
  buyerText: `Where is my parcel?\n${HOSTILE}`,
  language: 'fr',
  category: 'not_received',
  confidence: 0.873,
  urgency: 'high',
  sentiment: 'angry',
  draft: `Bonjour, ${HOSTILE}`,
  draftNote: `note ${HOSTILE}`,
  reason: `no answer in time ${HOSTILE}`,
  revision: 2,
});
const card = () => buildTeamCard(cardInput());

describe('Slack mrkdwn escaping', () => {
  it('escapes exactly &, < and >', () => {
    expect(escapeMrkdwn('a & b < c > d * _ ~ `')).toBe('a &amp; b &lt; c &gt; d * _ ~ `');
    expect(escapeMrkdwn('&amp;')).toBe('&amp;amp;');
  });

  it('clips after escaping without cutting an entity in half', () => {
    const clipped = clipMrkdwn('<<<<<<<<<<', 12);
    expect(clipped.length).toBeLessThanOrEqual(12);
    expect(clipped).toBe('&lt;&lt;…');
    expect(clipMrkdwn('short', 100)).toBe('short');
  });
});

describe('team card (approval / escalation message)', () => {
  it('carries the four buttons with the CONTRACT action ids and the ticket id as value', () => {
    const actions = card().blocks.find((b) => b.type === 'actions') as {
      elements: Array<{ type: string; action_id: string; value: string }>;
    };
    expect(actions.elements.map((e) => e.action_id)).toEqual(['approve', 'edit', 'reject', 'escalate']);
    for (const element of actions.elements) {
      expect(element.type).toBe('button');
      expect(element.value).toBe('tkt_abc123');
    }
  });

  it('a buyer ticket card offers the category select, the draft category selected; the block names the ticket', () => {
    expect(card().blocks.filter((b) => b.type === 'actions')).toHaveLength(1);
    const message = buildTeamCard({ ...cardInput(), correctable: true });
    const select = message.blocks.filter((b) => b.type === 'actions')[1] as {
      block_id: string;
      elements: Array<{
        type: string;
        action_id: string;
        options: Array<{ value: string; text: { text: string } }>;
        initial_option?: { value: string };
      }>;
    };
    expect(ticketOfCategoryBlock(select.block_id)).toBe('tkt_abc123');
    expect(ticketOfCategoryBlock('decision')).toBeUndefined();
    const [element] = select.elements;
    expect(element).toMatchObject({ type: 'static_select', action_id: CATEGORY_ACTION_ID });
    expect(element!.options.map((o) => o.value)).toEqual([...CATEGORIES]);
    expect(element!.options[0]!.text.text).toBe('not received');
    expect(element!.initial_option?.value).toBe('not_received');
  });

  it('shows buyer message, language, category, confidence, urgency, draft and reason', () => {
    const all = mrkdwnTexts(card()).join('\n');
    expect(all).toContain('French');
    expect(all).toContain('not received');
    expect(all).toContain('87%');
    expect(all).toContain('high');
    expect(all).toContain('buyer is upset');
    expect(all).toContain('Where is my parcel?');
    expect(all).toContain('Bonjour,');
    expect(all).toContain('no answer in time');
    expect(all).toContain('Escalated to the team');
    expect(card().text).toContain('Escalated');
  });

  it('escapes every value: no raw mention, link or broadcast can get through', () => {
    const message = card();
    for (const text of [...mrkdwnTexts(message), message.text]) {
      expect(text).not.toContain('<@U999>');
      expect(text).not.toContain('<!channel>');
      expect(text).not.toContain('<https://evil');
      expect(text).not.toMatch(/Tom & Jerry/);
    }
    const all = mrkdwnTexts(message).join('\n');
    expect(all).toContain('Tom &amp; Jerry &lt;@U999&gt; &lt;!channel&gt;');
    // The buyer's two lines are both quoted.
    expect(all).toMatch(/>Where is my parcel\?\n>Tom &amp; Jerry/);
  });

  it('names who escalated, unless it was the SLA timer', () => {
    const by = (escalatedBy: Parameters<typeof buildTeamCard>[0]['escalatedBy']) =>
      mrkdwnTexts(
        buildTeamCard({
          ticketId: 't',
          orderId: 'o',
          buyerText: 'b',
          draft: 'd',
          revision: 1,
          reason: 'why',
          escalatedBy,
        }),
      ).join('\n');
    expect(by({ channel: 'telegram', id: '42', name: '@maria <x>' })).toContain(
      '*Reason:* why · by @maria &lt;x&gt; (telegram)',
    );
    expect(by({ channel: 'system', id: 'sla', name: 'no answer in time' })).toContain('*Reason:* why\n');
  });

  it('without a reason it is an approval request; empty drafts show a dash', () => {
    const message = buildTeamCard({
      ticketId: 't1',
      orderId: 'o1',
      buyerText: 'hi',
      draft: '',
      revision: 1,
    });
    const all = mrkdwnTexts(message).join('\n');
    expect(all).toContain('Reply needs approval');
    expect(all).not.toContain('Reason');
    expect(all).toContain('>—');
  });

  it('stays within Slack section limits for very long texts', () => {
    const message = buildTeamCard({
      ticketId: 't1',
      orderId: 'o1',
      buyerText: '<'.repeat(10_000),
      draft: '&'.repeat(10_000),
      revision: 1,
    });
    for (const text of mrkdwnTexts(message)) expect(text.length).toBeLessThanOrEqual(3000);
  });
});

describe('outcome message', () => {
  const decidedAt = new Date('2026-11-23T18:40:00Z');

  it('says who decided and when, keeps the sent reply, and has no buttons', () => {
    const message = buildOutcomeMessage({
      ticketId: 'tkt_1',
      orderId: 'A-1',
      action: 'approve',
      actor: { channel: 'slack', id: 'U0TEAM1', name: 'ana' },
      decidedAt,
      finalText: 'Your parcel <ships> today & tomorrow',
    });
    const all = mrkdwnTexts(message).join('\n');
    expect(all).toContain(
      '*Approved* by <@U0TEAM1> at <!date^1795459200^{date_short_pretty} at {time}|2026-11-23 18:40 UTC>',
    );
    expect(all).toContain('Your parcel &lt;ships&gt; today &amp; tomorrow');
    expect(message.blocks.some((b) => b.type === 'actions')).toBe(false);
    expect(message.text).toBe('Approved by ana at 2026-11-23T18:40:00.000Z: order A-1');
  });

  it('names non-Slack deciders with their channel, escaped', () => {
    const rejected = buildOutcomeMessage({
      ticketId: 'tkt_1',
      orderId: 'A-1',
      action: 'reject',
      actor: { channel: 'telegram', id: '42', name: '@maria <shop>' },
      decidedAt,
      finalText: 'not shown for rejections',
    });
    const all = mrkdwnTexts(rejected).join('\n');
    expect(all).toContain('*Rejected* by @maria &lt;shop&gt; (telegram)');
    expect(all).not.toContain('not shown');
    const auto = buildOutcomeMessage({
      ticketId: 'tkt_1',
      orderId: 'A-1',
      action: 'approve',
      actor: { channel: 'system', id: 'auto-send', name: 'auto-send (plan_auto)' },
      decidedAt,
      status: 'auto_sent',
    });
    expect(mrkdwnTexts(auto).join('\n')).toContain('*Sent automatically* by auto-send (plan_auto)');
  });

  it('"already decided by ... at ..." for a late press', () => {
    const text = buildAlreadyDecidedText({
      decidedBy: { channel: 'api', id: 'tok_1', name: 'Ana & Co' },
      decidedAt: decidedAt.toISOString(),
      action: 'reject',
    });
    expect(text).toBe(
      'Already decided (rejected) by Ana &amp; Co (api) at <!date^1795459200^{date_short_pretty} at {time}|2026-11-23 18:40 UTC>.',
    );
  });

  it('renders Slack user ids as mentions only when they look like ids', () => {
    expect(actorLabel({ channel: 'slack', id: 'U0ABC', name: 'x' })).toBe('<@U0ABC>');
    expect(actorLabel({ channel: 'slack', id: '<!here>', name: '<!here>' })).toBe('&lt;!here&gt; (slack)');
  });
});

describe('edit modal', () => {
  it('is a modal with callback_id edit_reply, the ticket id as private_metadata and the raw draft', () => {
    const draft = 'Hola & adiós <3';
    const view = buildEditModal({ ticketId: 'tkt_9', orderId: 'O<9>', draft });
    expect(view.type).toBe('modal');
    expect(view.callback_id).toBe(EDIT_CALLBACK_ID);
    expect(view.callback_id).toBe('edit_reply');
    expect(view.private_metadata).toBe('tkt_9');
    expect(view.title.text.length).toBeLessThanOrEqual(24);
    const input = view.blocks.find((b) => b.type === 'input') as {
      block_id: string;
      element: { type: string; action_id: string; multiline: boolean; initial_value: string };
    };
    expect(input.block_id).toBe(EDIT_BLOCK_ID);
    expect(input.element).toMatchObject({
      type: 'plain_text_input',
      action_id: EDIT_ACTION_ID,
      multiline: true,
      // A plain-text input shows its value verbatim: escaping would corrupt the reply.
      initial_value: draft,
    });
    expect(JSON.stringify(view.blocks)).toContain('O&lt;9&gt;');
  });

  it('cuts a draft longer than Slack allows in an input', () => {
    const view = buildEditModal({ ticketId: 't', orderId: 'o', draft: 'x'.repeat(SLACK_INPUT_LIMIT + 50) });
    const input = view.blocks.find((b) => b.type === 'input') as { element: { initial_value: string } };
    expect(input.element.initial_value).toHaveLength(SLACK_INPUT_LIMIT);
  });
});

describe('slash command replies and thread messages', () => {
  it('pending: counts per shop and the oldest wait, escaped', () => {
    const now = new Date('2026-11-23T12:00:00Z');
    const reply = buildPendingReply(
      [
        {
          shopId: 's1',
          shopName: 'Sol & <Luna>',
          awaitingSeller: 3,
          escalated: 1,
          oldestCreatedAt: new Date('2026-11-23T08:55:00Z'),
        },
        {
          shopId: 's2',
          shopName: 'Nord',
          awaitingSeller: 1,
          escalated: 0,
          oldestCreatedAt: new Date(now.getTime() - 60_000),
        },
      ],
      now,
    );
    const all = mrkdwnTexts(reply).join('\n');
    expect(all).toContain('*5 tickets waiting* across 2 shops');
    expect(all).toContain('• *Sol &amp; &lt;Luna&gt;*: 3 awaiting the seller, 1 escalated · oldest 3h 05m');
    expect(all).toContain('• *Nord*: 1 awaiting the seller, 0 escalated · oldest 1m');
    expect(buildPendingReply([], now).text).toContain('Nothing is waiting');
  });

  it('formats ages in minutes, hours and days', () => {
    expect(formatAge(59_000)).toBe('0m');
    expect(formatAge(45 * 60_000)).toBe('45m');
    expect(formatAge(3 * 3_600_000 + 5 * 60_000)).toBe('3h 05m');
    expect(formatAge(50 * 3_600_000)).toBe('2d 2h');
    expect(formatAge(-5)).toBe('0m');
  });

  it('status: state, facts, decision and the draft, escaped', () => {
    const reply = buildTicketStatusReply({
      ticketId: 'tkt_1',
      orderId: 'O-1',
      shopName: 'A&B',
      status: 'awaiting_approval',
      language: 'pt',
      category: 'damaged',
      confidence: 0.5,
      urgency: 'normal',
      draft: 'Olá <cliente>',
      createdAt: new Date('2026-11-23T10:00:00Z'),
    });
    const all = mrkdwnTexts(reply).join('\n');
    expect(all).toContain('awaiting approval');
    expect(all).toContain('A&amp;B');
    expect(all).toContain('Portuguese');
    expect(all).toContain('Olá &lt;cliente&gt;');
  });

  it('a later buyer message for the thread is quoted and escaped', () => {
    const message = buildBuyerThreadMessage('still nothing <@U1> & no answer');
    expect(mrkdwnTexts(message).join('\n')).toContain('>still nothing &lt;@U1&gt; &amp; no answer');
    expect(message.text).not.toContain('<@U1>');
  });
});

describe('Slack request signatures', () => {
  const secret = 'shhh';
  const body = 'payload=%7B%7D';
  const sign = (ts: number, raw = body, key = secret) =>
    `v0=${createHmac('sha256', key).update(`v0:${ts}:${raw}`).digest('hex')}`;
  const now = Date.parse('2026-11-23T12:00:00Z');
  const ts = now / 1000;

  it('accepts a v0 HMAC of v0:timestamp:body within five minutes', () => {
    expect(
      verifySlackSignature({
        signingSecret: secret,
        rawBody: body,
        signature: sign(ts),
        timestamp: String(ts),
        nowMs: now,
      }),
    ).toEqual({ ok: true });
    expect(
      verifySlackSignature({
        signingSecret: secret,
        rawBody: body,
        signature: sign(ts - 299),
        timestamp: String(ts - 299),
        nowMs: now,
      }).ok,
    ).toBe(true);
  });

  it('refuses wrong secrets, altered bodies, missing headers and other versions', () => {
    const check = (signature: string | undefined, timestamp: string | undefined, raw = body) =>
      verifySlackSignature({ signingSecret: secret, rawBody: raw, signature, timestamp, nowMs: now });
    expect(check(sign(ts, body, 'other'), String(ts))).toMatchObject({
      ok: false,
      code: 'invalid_slack_signature',
    });
    expect(check(sign(ts), String(ts), `${body}x`)).toMatchObject({
      ok: false,
      code: 'invalid_slack_signature',
    });
    expect(check(undefined, String(ts))).toMatchObject({ ok: false, code: 'invalid_slack_signature' });
    expect(check(sign(ts), undefined)).toMatchObject({ ok: false, code: 'invalid_slack_signature' });
    expect(check(sign(ts), 'soon')).toMatchObject({ ok: false, code: 'invalid_slack_signature' });
    expect(check(sign(ts).replace('v0=', 'v1='), String(ts))).toMatchObject({ ok: false });
  });

  it('refuses timestamps older (or newer) than five minutes, even when correctly signed', () => {
    const old = ts - 6 * 60;
    expect(
      verifySlackSignature({
        signingSecret: secret,
        rawBody: body,
        signature: sign(old),
        timestamp: String(old),
        nowMs: now,
      }),
    ).toMatchObject({ ok: false, code: 'stale_slack_request' });
    const future = ts + 6 * 60;
    expect(
      verifySlackSignature({
        signingSecret: secret,
        rawBody: body,
        signature: sign(future),
        timestamp: String(future),
        nowMs: now,
      }),
    ).toMatchObject({ ok: false, code: 'stale_slack_request' });
  });

  it('parses interactivity payloads, slash command forms and JSON events like Bolt', () => {
    expect(
      parseSlackBody('payload=%7B%22type%22%3A%22block_actions%22%7D', 'application/x-www-form-urlencoded'),
    ).toEqual({
      type: 'block_actions',
    });
    expect(
      parseSlackBody(
        'command=%2Fsellerdesk&text=pending',
        'application/x-www-form-urlencoded; charset=utf-8',
      ),
    ).toEqual({ command: '/sellerdesk', text: 'pending' });
    expect(parseSlackBody('{"type":"event_callback"}', 'application/json')).toEqual({
      type: 'event_callback',
    });
    expect(() => parseSlackBody('[1]', 'application/json')).toThrow();
  });
});
