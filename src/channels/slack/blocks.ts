import type { types } from '@slack/bolt';
import type { CardCoupon, TeamCard, TeamOutcome } from '../../activities/ports.js';
import { isWordedRefusal } from '../../app/decision-refusals.js';
import type { ReplyRenderer } from '../../domain/reply/index.js';
import { couponAmountText } from '../../domain/shop/coupon.js';
import { SELLER_FORMAT_LOCALES, type SellerLanguage } from '../../domain/shop/seller-language.js';
import { MAX_REPLY_LENGTH } from '../../domain/ticket/index.js';
import {
  type Actor,
  CATEGORIES,
  type Category,
  type DecisionAction,
  type Language,
} from '../../domain/types.js';

type KnownBlock = types.KnownBlock;

/** A chat message as Slack takes it: `text` is the notification fallback, `blocks` the layout. */
export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

/** `callback_id` of the edit modal; its submission sends the edited reply. */
export const EDIT_CALLBACK_ID = 'edit_reply';
/** `block_id` of the reply input in the edit modal (validation errors point at it). */
export const EDIT_BLOCK_ID = 'reply';
/** `action_id` of the reply input in the edit modal. */
export const EDIT_ACTION_ID = 'reply_text';
/** `block_id` of the decision buttons on a team card. */
export const DECISION_BLOCK_ID = 'decision';
/** `action_id` of the category select on a team card (its `block_id` carries the ticket id). */
export const CATEGORY_ACTION_ID = 'correct_category';
/** Prefix of the category select's `block_id`: `category:<ticketId>`. */
export const CATEGORY_BLOCK_PREFIX = 'category:';
/** Slack's limit for a plain-text input (the edit modal cannot carry a longer draft). */
export const SLACK_INPUT_LIMIT = 3000;

/** Slack's limit for a section's text. */
export const SECTION_LIMIT = 3000;
const FIELD_LIMIT = 2000;
const SLACK_USER_ID = /^[UW][A-Z0-9]{2,}$/;

/** `block_id` of the "send it as it is" checkbox an edit held for its language adds to the modal. */
export const CONFIRM_LANGUAGE_BLOCK_ID = 'confirm_language';
/** `action_id` of that checkbox. */
export const CONFIRM_LANGUAGE_ACTION_ID = 'confirm_language_check';

/**
 * The words of Slack messages in one seller language (the shop's), from the `bot` catalogue: team
 * cards, modals and command answers are seller-facing like the Telegram cards.
 */
export interface SlackTexts {
  language: SellerLanguage;
  t(key: string, options?: Record<string, unknown>): string;
}

/** Slack texts in `language` through the renderer's `bot` catalogue. */
export function slackTexts(renderer: Pick<ReplyRenderer, 't'>, language: SellerLanguage): SlackTexts {
  return { language, t: (key, options) => renderer.t(language, key, options) };
}

const OUTCOMES: Record<DecisionAction, { icon: string; key: string }> = {
  approve: { icon: '✅', key: 'outcome.approved' },
  edit: { icon: '✏️', key: 'outcome.edited' },
  reject: { icon: '❌', key: 'outcome.rejected' },
  escalate: { icon: '⬆️', key: 'outcome.escalated' },
};

/** The reasons the ticket workflow gives for an escalation (`escalationReason`), as catalogue keys. */
const REASON_KEYS: Readonly<Record<string, string>> = {
  'escalated by the seller': 'slack.reason_seller',
  'no answer in time': 'slack.reason_no_answer',
  'dispute deadline near': 'slack.reason_dispute',
};

/** How Slack shows a `<!date>` in each seller language (Slack formats the parts for the reader). */
const DATE_FORMATS: Readonly<Record<SellerLanguage, string>> = {
  en: '{date_short_pretty} at {time}',
  es: '{date_short_pretty}, {time}',
  fr: '{date_short_pretty}, {time}',
  ru: '{date_short_pretty}, {time}',
  pt: '{date_short_pretty}, {time}',
  'zh-CN': '{date_short_pretty} {time}',
};

/** Escapes the three characters Slack mrkdwn treats as control characters (`&`, `<`, `>`). */
export function escapeMrkdwn(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escapes `value` and clips it to `max` characters without cutting an `&amp;`-style entity in half. */
export function clipMrkdwn(value: string, max: number): string {
  const escaped = escapeMrkdwn(value);
  if (escaped.length <= max) return escaped;
  const cut = escaped.slice(0, Math.max(0, max - 1)).replace(/&[a-z]{0,3}$/, '');
  return `${cut}…`;
}

/** Escaped text as a mrkdwn block quote, one `>` per line (empty text shows a dash). */
export function quote(value: string, max: number): string {
  const body = clipMrkdwn(value.trim() === '' ? '—' : value.trim(), max - 200);
  return body
    .split('\n')
    .map((line) => `>${line}`)
    .join('\n');
}

/** A date in Slack's `<!date>` token: shown in each reader's own time zone, ISO UTC as fallback. */
export function slackDate(at: Date, language: SellerLanguage = 'en'): string {
  const seconds = Math.floor(at.getTime() / 1000);
  const fallback = `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  return `<!date^${seconds}^${DATE_FORMATS[language]}|${fallback}>`;
}

/** Who acted, as mrkdwn: a Slack user as a mention, anyone else by name and channel. */
export function actorLabel(actor: Actor): string {
  if (actor.channel === 'slack' && SLACK_USER_ID.test(actor.id)) return `<@${actor.id}>`;
  const name = escapeMrkdwn(actor.name ?? actor.id);
  return actor.channel === 'system' ? name : `${name} (${actor.channel})`;
}

/** "🎟️ Coupon for the buyer: SD-…, worth USD 3.00" (the code, the amount and its currency), as mrkdwn. */
export function couponLine(tx: SlackTexts, coupon: CardCoupon): string {
  const value = couponAmountText(coupon.value, coupon.currency, SELLER_FORMAT_LOCALES[tx.language]);
  return `🎟️ ${escapeMrkdwn(tx.t('card.coupon', { code: coupon.code, value }))}`;
}

/** A labelled field of a section: the label bold, the value escaped and clipped. */
export function field(label: string, value: string): types.MrkdwnElement {
  return { type: 'mrkdwn', text: `*${label}*\n${clipMrkdwn(value, FIELD_LIMIT - label.length - 4)}` };
}

/** A mrkdwn section (the text as given: escape values first). */
export function section(text: string): types.SectionBlock {
  return { type: 'section', text: { type: 'mrkdwn', text } };
}

function context(text: string): types.ContextBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text }] };
}

/** A buyer language's name in the seller language (`unknown` when not detected). */
export function languageName(tx: SlackTexts, language: Language | null | undefined): string {
  return language ? tx.t(`language.${language}`) : tx.t('slack.unknown');
}

/** A category's label in the seller language. */
export function categoryName(tx: SlackTexts, category: Category | null | undefined): string {
  return category ? tx.t(`category.${category}`) : tx.t('slack.unknown');
}

function where(tx: SlackTexts, orderId: string, shopName: string | undefined): string {
  const order = tx.t('slack.order', { order: `*${escapeMrkdwn(orderId)}*` });
  return `${order}${shopName ? ` · ${escapeMrkdwn(shopName)}` : ''}`;
}

function button(
  actionId: DecisionAction,
  label: string,
  ticketId: string,
  style?: 'primary' | 'danger',
): types.Button {
  return {
    type: 'button',
    action_id: actionId,
    value: ticketId,
    text: { type: 'plain_text', text: label, emoji: true },
    ...(style ? { style } : {}),
  };
}

/**
 * The team card's category select (buyer tickets): the 13 categories in the seller language, the
 * draft's selected; choosing another corrects the ticket, which is redrafted in it (`block_id`
 * names the ticket).
 */
function categorySelect(
  tx: SlackTexts,
  ticketId: string,
  current: Category | null | undefined,
): types.ActionsBlock {
  const option = (category: Category) => ({
    text: { type: 'plain_text' as const, text: categoryName(tx, category) },
    value: category,
  });
  return {
    type: 'actions',
    block_id: `${CATEGORY_BLOCK_PREFIX}${ticketId}`,
    elements: [
      {
        type: 'static_select',
        action_id: CATEGORY_ACTION_ID,
        placeholder: { type: 'plain_text', text: tx.t('slack.correct_category') },
        options: CATEGORIES.map(option),
        ...(current ? { initial_option: option(current) } : {}),
      },
    ],
  };
}

/** The ticket id a category select's `block_id` names; undefined for any other block. */
export function ticketOfCategoryBlock(blockId: string | undefined): string | undefined {
  return blockId?.startsWith(CATEGORY_BLOCK_PREFIX) ? blockId.slice(CATEGORY_BLOCK_PREFIX.length) : undefined;
}

/** The facts a team card shows about a ticket (the team channel port's `TeamCard`). */
export type TeamCardInput = TeamCard;

/**
 * The approval / escalation message in the support channel: redacted buyer message, facts, the
 * draft and the four decision buttons (`action_id` = action, `value` = ticket id; docs/API.md, "Chat actions").
 */
export function buildTeamCard(tx: SlackTexts, input: TeamCardInput): SlackMessage {
  const { t } = tx;
  const escalated = input.reason !== undefined;
  const title = escalated ? `⬆️ *${t('slack.escalated')}*` : `🆕 *${t('slack.needs_approval')}*`;
  const blocks: KnownBlock[] = [section(`${title} · ${where(tx, input.orderId, input.shopName)}`)];
  if (escalated) {
    const known = REASON_KEYS[input.reason ?? ''];
    const reason = known ? t(known) : clipMrkdwn(input.reason ?? '', SECTION_LIMIT - 300);
    const lines = [`*${t('slack.reason')}* ${reason}`];
    if (input.escalatedBy && input.escalatedAt) {
      // "Escalated to the support team by <who> at <when>": sellerdesk itself for the SLA timer.
      const who = input.escalatedBy.channel === 'system' ? 'sellerdesk' : actorLabel(input.escalatedBy);
      const when = slackDate(input.escalatedAt, tx.language);
      lines.push(`⬆️ ${t('card.escalated_to_team', { who, when })}`);
    } else if (input.escalatedBy && input.escalatedBy.channel !== 'system') {
      lines[0] += ` · ${t('slack.by', { who: actorLabel(input.escalatedBy) })}`;
    }
    blocks.push(section(lines.join('\n')));
  }
  blocks.push(
    {
      type: 'section',
      fields: [
        field(t('card.language'), languageName(tx, input.language)),
        field(t('card.category'), categoryName(tx, input.category)),
        field(t('card.confidence'), `${Math.round((input.confidence ?? 0) * 100)}%`),
        field(
          t('card.urgency'),
          `${t(`urgency.${input.urgency ?? 'normal'}`)}${input.sentiment === 'angry' ? ` · 😠 ${t('card.angry_buyer')}` : ''}`,
        ),
      ],
    },
    section(`*${t('slack.buyer_wrote')}*\n${quote(input.buyerText, SECTION_LIMIT)}`),
  );
  if (input.draftNote) blocks.push(section(`⚠️ ${clipMrkdwn(input.draftNote, SECTION_LIMIT - 10)}`));
  if (input.coupon) blocks.push(section(couponLine(tx, input.coupon)));
  blocks.push(section(`*${t('slack.draft')}*\n${quote(input.draft, SECTION_LIMIT)}`), {
    type: 'actions',
    block_id: DECISION_BLOCK_ID,
    elements: [
      button('approve', `✅ ${t('button.approve')}`, input.ticketId, 'primary'),
      button('edit', `✏️ ${t('button.edit')}`, input.ticketId),
      button('reject', `❌ ${t('button.reject')}`, input.ticketId, 'danger'),
      button('escalate', `⬆️ ${t('button.escalate')}`, input.ticketId),
    ],
  });
  if (input.correctable) blocks.push(categorySelect(tx, input.ticketId, input.category));
  blocks.push(
    context(
      t('slack.ticket_revision', { ticket: `\`${escapeMrkdwn(input.ticketId)}\``, revision: input.revision }),
    ),
  );
  const ids = { orderId: escapeMrkdwn(input.orderId), ticketId: escapeMrkdwn(input.ticketId) };
  const text = t(escalated ? 'slack.fallback_escalated' : 'slack.fallback_approval', ids);
  return { text, blocks };
}

/** The facts an outcome message shows (the team channel port's `TeamOutcome`). */
export type OutcomeInput = TeamOutcome;

/** The team card after a decision: the outcome ("Approved by X at Y"), no buttons left. */
export function buildOutcomeMessage(tx: SlackTexts, input: OutcomeInput): SlackMessage {
  const { t } = tx;
  const outcome = OUTCOMES[input.action];
  const key = input.status === 'auto_sent' ? 'outcome.auto_sent' : outcome.key;
  const line = t(key, { who: actorLabel(input.actor), when: slackDate(input.decidedAt, tx.language) });
  const blocks: KnownBlock[] = [
    section(`${outcome.icon} ${line} · ${where(tx, input.orderId, input.shopName)}`),
  ];
  const sent = input.action === 'approve' || input.action === 'edit';
  if (sent && input.coupon) blocks.push(section(couponLine(tx, input.coupon)));
  if (sent && input.finalText) {
    blocks.push(section(`*${t('slack.reply_sent')}*\n${quote(input.finalText, SECTION_LIMIT)}`));
  }
  blocks.push(context(t('slack.ticket', { ticket: `\`${escapeMrkdwn(input.ticketId)}\`` })));
  const who = escapeMrkdwn(input.actor.name ?? input.actor.id);
  const plain = t(key, { who, when: input.decidedAt.toISOString() });
  return { text: `${plain} · ${t('slack.order', { order: escapeMrkdwn(input.orderId) })}`, blocks };
}

/** A later buyer message, posted into the thread of the ticket's team card. */
export function buildBuyerThreadMessage(tx: SlackTexts, messageText: string): SlackMessage {
  return {
    text: tx.t('slack.fallback_buyer_again', { text: clipMrkdwn(messageText, 300) }),
    blocks: [section(`💬 *${tx.t('slack.buyer_wrote_again')}*\n${quote(messageText, SECTION_LIMIT)}`)],
  };
}

/**
 * The edit modal (`views.open`): the draft pre-filled in a multiline input; metadata = ticket id.
 * With `warning` (an edit held for its language) the modal shows it above the text, keeps the
 * seller's text, and adds the "send it as it is" checkbox the next submission reads.
 */
export function buildEditModal(
  tx: SlackTexts,
  input: { ticketId: string; orderId: string; draft: string; warning?: string | undefined },
): types.ModalView {
  const { t } = tx;
  const draft =
    input.draft.length > SLACK_INPUT_LIMIT ? input.draft.slice(0, SLACK_INPUT_LIMIT) : input.draft;
  const blocks: KnownBlock[] = [
    context(
      t('slack.modal_context', {
        order: `*${escapeMrkdwn(input.orderId)}*`,
        ticket: `\`${escapeMrkdwn(input.ticketId)}\``,
      }),
    ),
  ];
  if (input.warning) blocks.push(section(`⚠️ ${clipMrkdwn(input.warning, SECTION_LIMIT - 10)}`));
  blocks.push({
    type: 'input',
    block_id: EDIT_BLOCK_ID,
    label: { type: 'plain_text', text: t('slack.modal_label') },
    element: {
      type: 'plain_text_input',
      action_id: EDIT_ACTION_ID,
      multiline: true,
      max_length: SLACK_INPUT_LIMIT,
      ...(draft ? { initial_value: draft } : {}),
    },
  });
  if (input.warning) {
    blocks.push({
      type: 'input',
      block_id: CONFIRM_LANGUAGE_BLOCK_ID,
      optional: true,
      label: { type: 'plain_text', text: t('edit_language.send') },
      element: {
        type: 'checkboxes',
        action_id: CONFIRM_LANGUAGE_ACTION_ID,
        options: [{ text: { type: 'plain_text', text: t('slack.confirm_language') }, value: 'confirm' }],
      },
    });
  }
  return {
    type: 'modal',
    callback_id: EDIT_CALLBACK_ID,
    private_metadata: input.ticketId,
    title: { type: 'plain_text', text: t('slack.modal_title') },
    submit: { type: 'plain_text', text: t('slack.modal_submit') },
    close: { type: 'plain_text', text: t('slack.modal_cancel') },
    blocks,
  };
}

/** The answer to a late press: "This ticket was already decided by ... at ...". */
export function buildAlreadyDecidedText(
  tx: SlackTexts,
  decided: { decidedBy: Actor; decidedAt: string; action?: DecisionAction },
) {
  return tx.t('already_decided', {
    who: actorLabel(decided.decidedBy),
    when: slackDate(new Date(decided.decidedAt), tx.language),
  });
}

/** The answer to an escalate press on a ticket the team already has: "Already escalated by ... at ...". */
export function buildAlreadyEscalatedText(
  tx: SlackTexts,
  escalation: { decidedBy: Actor; decidedAt: string },
) {
  return tx.t('slack.already_escalated', {
    who: actorLabel(escalation.decidedBy),
    when: slackDate(new Date(escalation.decidedAt), tx.language),
  });
}

/** A refused decision (not ready, not found, invalid edit) as a short sentence for the presser. */
export function buildDecisionRefusedText(tx: SlackTexts, code: string, message: string): string {
  if (!isWordedRefusal(code)) return escapeMrkdwn(message);
  // The refusals every chat words itself (`DECISION_REFUSALS`), in the shop's seller language;
  // the Telegram wording of an edit refusal points at its prompt, so Slack has its own.
  if (code === 'edit_text_required') return tx.t('slack.edit_text_required');
  if (code === 'edit_text_too_long') return tx.t('slack.too_long', { max: MAX_REPLY_LENGTH });
  return tx.t(`error.${code}`);
}
