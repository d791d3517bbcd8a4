import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  actorLabel,
  buildAlreadyDecidedText,
  buildBuyerThreadMessage,
  buildEditModal,
  buildOutcomeMessage,
  buildTeamCard,
  CATEGORY_ACTION_ID,
  CONFIRM_LANGUAGE_ACTION_ID,
  CONFIRM_LANGUAGE_BLOCK_ID,
  clipMrkdwn,
  EDIT_ACTION_ID,
  EDIT_BLOCK_ID,
  EDIT_CALLBACK_ID,
  escapeMrkdwn,
  SLACK_INPUT_LIMIT,
  type SlackMessage,
  slackTexts,
  type TeamCardInput,
  ticketOfCategoryBlock,
} from '../../../src/channels/slack/blocks.js';
import {
  buildCommandHelp,
  buildPendingReply,
  buildTicketStatusReply,
  formatAge,
} from '../../../src/channels/slack/command-blocks.js';
import { parseSlackBody, verifySlackSignature } from '../../../src/channels/slack/receiver.js';
import { createReplyRenderer } from '../../../src/domain/reply/index.js';
import { CATEGORIES } from '../../../src/domain/types.js';
import { loadReplyResources } from '../../../src/i18n/load.js';

const { catalogue, resources } = await loadReplyResources(process.cwd());
const renderer = createReplyRenderer(catalogue, resources);
const en = slackTexts(renderer, 'en');
const zh = slackTexts(renderer, 'zh-CN');

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
const card = () => buildTeamCard(en, cardInput());

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
  it('carries the four buttons with the documented action ids (docs/API.md) and the ticket id as value', () => {
    const actions = card().blocks.find((b) => b.type === 'actions') as {
      elements: Array<{ type: string; action_id: string; value: string }>;
    };
    expect(actions.elements.map((e) => e.action_id)).toEqual(['approve', 'edit', 'reject', 'escalate']);
    for (const element of actions.elements) {
      expect(element.type).toBe('button');
      expect(element.value).toBe('tkt_abc123');
    }
  });

  it('a buyer ticket card offers the category select in the seller language; the block names the ticket', () => {
    expect(card().blocks.filter((b) => b.type === 'actions')).toHaveLength(1);
    for (const [tx, first] of [
      [en, 'Not received'],
      [zh, zh.t('category.not_received')],
    ] as const) {
      const message = buildTeamCard(tx, { ...cardInput(), correctable: true });
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
      const [element] = select.elements;
      expect(element).toMatchObject({ type: 'static_select', action_id: CATEGORY_ACTION_ID });
      expect(element!.options.map((o) => o.value)).toEqual([...CATEGORIES]);
      expect(element!.options[0]!.text.text).toBe(first);
      expect(element!.initial_option?.value).toBe('not_received');
    }
    expect(ticketOfCategoryBlock('decision')).toBeUndefined();
  });

  it('shows buyer message, language, category, confidence, urgency, draft and reason', () => {
    const all = mrkdwnTexts(card()).join('\n');
    expect(all).toContain('French');
    expect(all).toContain('Not received');
    expect(all).toContain('87%');
    expect(all).toContain('High');
    expect(all).toContain('Buyer is upset');
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
    const by = (escalatedBy: Parameters<typeof buildTeamCard>[1]['escalatedBy']) =>
      mrkdwnTexts(
        buildTeamCard(en, {
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
    const message = buildTeamCard(en, {
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
    const message = buildTeamCard(en, {
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
    const message = buildOutcomeMessage(en, {
      ticketId: 'tkt_1',
      orderId: 'A-1',
      action: 'approve',
      actor: { channel: 'slack', id: 'U0TEAM1', name: 'ana' },
      decidedAt,
      finalText: 'Your parcel <ships> today & tomorrow',
    });
    const all = mrkdwnTexts(message).join('\n');
    expect(all).toContain(
      '✅ Approved by <@U0TEAM1> at <!date^1795459200^{date_short_pretty} at {time}|2026-11-23 18:40 UTC>',
    );
    expect(all).toContain('Your parcel &lt;ships&gt; today &amp; tomorrow');
    expect(message.blocks.some((b) => b.type === 'actions')).toBe(false);
    expect(message.text).toBe('Approved by ana at 2026-11-23T18:40:00.000Z · order A-1');
  });

  it('names non-Slack deciders with their channel, escaped', () => {
    const rejected = buildOutcomeMessage(en, {
      ticketId: 'tkt_1',
      orderId: 'A-1',
      action: 'reject',
      actor: { channel: 'telegram', id: '42', name: '@maria <shop>' },
      decidedAt,
      finalText: 'not shown for rejections',
    });
    const all = mrkdwnTexts(rejected).join('\n');
    expect(all).toContain('Rejected by @maria &lt;shop&gt; (telegram)');
    expect(all).not.toContain('not shown');
    const auto = buildOutcomeMessage(en, {
      ticketId: 'tkt_1',
      orderId: 'A-1',
      action: 'approve',
      actor: { channel: 'system', id: 'auto-send', name: 'auto-send (plan_auto)' },
      decidedAt,
      status: 'auto_sent',
    });
    expect(mrkdwnTexts(auto).join('\n')).toContain('Sent automatically by sellerdesk at <!date');
  });

  it('"already decided by ... at ..." for a late press', () => {
    const text = buildAlreadyDecidedText(en, {
      decidedBy: { channel: 'api', id: 'tok_1', name: 'Ana & Co' },
      decidedAt: decidedAt.toISOString(),
      action: 'reject',
    });
    expect(text).toBe(
      'This ticket was already decided by Ana &amp; Co (api) at <!date^1795459200^{date_short_pretty} at {time}|2026-11-23 18:40 UTC>.',
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
    const view = buildEditModal(en, { ticketId: 'tkt_9', orderId: 'O<9>', draft });
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
    const view = buildEditModal(en, {
      ticketId: 't',
      orderId: 'o',
      draft: 'x'.repeat(SLACK_INPUT_LIMIT + 50),
    });
    const input = view.blocks.find((b) => b.type === 'input') as { element: { initial_value: string } };
    expect(input.element.initial_value).toHaveLength(SLACK_INPUT_LIMIT);
  });
});

describe('slash command replies and thread messages', () => {
  it('pending: counts per shop and the oldest wait, escaped', () => {
    const now = new Date('2026-11-23T12:00:00Z');
    const reply = buildPendingReply(
      en,
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
    expect(all).toContain('*Tickets waiting for a decision: 5 · shops: 2*');
    expect(all).toContain('• *Sol &amp; &lt;Luna&gt;*: 3 awaiting the seller, 1 escalated · oldest 3h 05m');
    expect(all).toContain('• *Nord*: 1 awaiting the seller, 0 escalated · oldest 1m');
    expect(buildPendingReply(en, [], now).text).toContain('Nothing is waiting');
  });

  it('formats ages in minutes, hours and days', () => {
    expect(formatAge(59_000)).toBe('0m');
    expect(formatAge(45 * 60_000)).toBe('45m');
    expect(formatAge(3 * 3_600_000 + 5 * 60_000)).toBe('3h 05m');
    expect(formatAge(50 * 3_600_000)).toBe('2d 2h');
    expect(formatAge(-5)).toBe('0m');
  });

  it('status: state, facts, decision and the draft, escaped', () => {
    const reply = buildTicketStatusReply(en, {
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
    const message = buildBuyerThreadMessage(en, 'still nothing <@U1> & no answer');
    expect(mrkdwnTexts(message).join('\n')).toContain('>still nothing &lt;@U1&gt; &amp; no answer');
    expect(message.text).not.toContain('<@U1>');
  });
});

describe('in the shop seller language (zh-CN)', () => {
  it('a team card for a Chinese seller: Chinese labels and buttons, the buyer text and draft as they are', () => {
    const message = buildTeamCard(zh, {
      ticketId: 'tkt_zh1',
      orderId: 'BR-7',
      shopName: '深圳小店',
      buyerText: 'Cadê meu pedido?',
      language: 'pt',
      category: 'not_received',
      confidence: 0.9,
      urgency: 'high',
      sentiment: 'angry',
      draft: 'Olá! Seu pedido está a caminho.',
      revision: 1,
    });
    const all = mrkdwnTexts(message).join('\n');
    expect(all).toContain('🆕 *回复待审批* · 订单 *BR-7* · 深圳小店');
    expect(all).toContain('*语言*\n葡萄牙语');
    expect(all).toContain('*类别*\n未收到货');
    expect(all).toContain('*紧急程度*\n高 · 😠 买家情绪不满');
    expect(all).toContain('*买家留言（个人信息已隐去）：*\n>Cadê meu pedido?');
    expect(all).toContain('*回复草稿：*\n>Olá! Seu pedido está a caminho.');
    expect(all).toContain('工单 `tkt_zh1` · 草稿第 1 版');
    const buttons = message.blocks.find((b) => b.type === 'actions') as {
      elements: Array<{ action_id: string; text: { text: string } }>;
    };
    expect(buttons.elements.map((e) => [e.action_id, e.text.text])).toEqual([
      ['approve', '✅ 批准'],
      ['edit', '✏️ 编辑'],
      ['reject', '❌ 拒绝'],
      ['escalate', '⬆️ 转交团队'],
    ]);
    expect(message.text).toBe('待审批：订单 BR-7（工单 tkt_zh1）');
  });

  it('outcome, late press, status and pending read in Chinese with Slack dates', () => {
    const decidedAt = new Date('2026-11-23T18:40:00Z');
    const outcome = buildOutcomeMessage(zh, {
      ticketId: 'tkt_zh1',
      orderId: 'BR-7',
      action: 'edit',
      actor: { channel: 'slack', id: 'U0TEAM1', name: 'li' },
      decidedAt,
      finalText: '您好',
    });
    expect(mrkdwnTexts(outcome).join('\n')).toContain(
      '✏️ <@U0TEAM1> 已于 <!date^1795459200^{date_short_pretty} {time}|2026-11-23 18:40 UTC> 编辑并发送 · 订单 *BR-7*',
    );
    expect(
      buildAlreadyDecidedText(zh, {
        decidedBy: { channel: 'telegram', id: '42', name: '@wang' },
        decidedAt: decidedAt.toISOString(),
      }),
    ).toBe(
      '该工单已由 @wang (telegram) 于 <!date^1795459200^{date_short_pretty} {time}|2026-11-23 18:40 UTC> 处理。',
    );
    const status = mrkdwnTexts(
      buildTicketStatusReply(zh, {
        ticketId: 'tkt_zh1',
        orderId: 'BR-7',
        status: 'awaiting_approval',
        language: 'es',
        category: 'damaged',
        confidence: 0.5,
        urgency: 'normal',
        createdAt: decidedAt,
      }),
    ).join('\n');
    expect(status).toContain('*状态*\n待审批');
    expect(status).toContain('西班牙语');
    expect(status).toContain('商品损坏');
    expect(status).toContain('50% · 普通');
    const pending = buildPendingReply(
      zh,
      [{ shopId: 's', shopName: '小店', awaitingSeller: 2, escalated: 1, oldestCreatedAt: decidedAt }],
      new Date(decidedAt.getTime() + 90 * 60_000),
    );
    expect(pending.text).toBe('待处理工单：3 个 · 店铺：1 家');
    expect(mrkdwnTexts(pending).join('\n')).toContain(
      '• *小店*: 待卖家处理 2 个，已转交团队 1 个 · 最久已等待 1h 30m',
    );
    expect(buildPendingReply(zh, [], decidedAt).text).toBe('没有待处理的工单。🎉');
    expect(buildCommandHelp(zh).blocks).toHaveLength(1);
    expect(JSON.stringify(buildCommandHelp(zh).blocks)).toContain('/sellerdesk status <工单号>');
  });

  it('the edit modal asks again after a held edit: warning, the seller text kept, a confirm checkbox', () => {
    const view = buildEditModal(zh, {
      ticketId: 'tkt_zh2',
      orderId: 'ES-1',
      draft: '您好，明天发货。',
      warning: '尚未发送：这条回复看起来是中文，但买家使用的是西班牙语。仍要按原样发送吗？',
    });
    expect(view.title.text).toBe('编辑回复');
    expect(view.submit?.text).toBe('发送回复');
    const blocks = JSON.stringify(view.blocks);
    expect(blocks).toContain('⚠️ 尚未发送');
    expect(blocks).toContain('"initial_value":"您好，明天发货。"');
    const confirm = view.blocks.find((b) => b.block_id === CONFIRM_LANGUAGE_BLOCK_ID) as {
      optional: boolean;
      element: { type: string; action_id: string; options: Array<{ value: string; text: { text: string } }> };
    };
    expect(confirm.optional).toBe(true);
    expect(confirm.element.type).toBe('checkboxes');
    expect(confirm.element.action_id).toBe(CONFIRM_LANGUAGE_ACTION_ID);
    expect(confirm.element.options).toEqual([
      { text: { type: 'plain_text', text: '仍按原样发送（使用此语言）' }, value: 'confirm' },
    ]);
    // Without a warning there is no checkbox.
    const plain = buildEditModal(zh, { ticketId: 't', orderId: 'o', draft: 'd' });
    expect(plain.blocks.some((b) => b.block_id === CONFIRM_LANGUAGE_BLOCK_ID)).toBe(false);
  });

  it('every modal title, submit and close label fits Slack in every seller language', () => {
    for (const language of ['en', 'es', 'fr', 'ru', 'pt', 'zh-CN'] as const) {
      const view = buildEditModal(slackTexts(renderer, language), { ticketId: 't', orderId: 'o', draft: '' });
      for (const label of [view.title.text, view.submit?.text ?? '', view.close?.text ?? '']) {
        expect(label.length, `${language}: ${label}`).toBeLessThanOrEqual(24);
      }
    }
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
