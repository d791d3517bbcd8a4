import type { types } from '@slack/bolt';
import type { TeamCard, TeamOutcome } from '../../activities/ports.js';
import { isWordedRefusal, type WordedRefusalCode } from '../../app/decision-refusals.js';
import type { PendingByShop } from '../../db/pending-repo.js';
import { MAX_REPLY_LENGTH } from '../../domain/ticket/index.js';
import {
  type Actor,
  CATEGORIES,
  type Category,
  type DecisionAction,
  type Language,
  type TicketStatus,
  type Urgency,
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

const SECTION_LIMIT = 3000;
const FIELD_LIMIT = 2000;
const SLACK_USER_ID = /^[UW][A-Z0-9]{2,}$/;

const LANGUAGE_NAMES: Record<Language, string> = {
  en: 'English',
  es: 'Spanish',
  fr: 'French',
  ru: 'Russian',
  pt: 'Portuguese',
};

const OUTCOMES: Record<DecisionAction, { icon: string; label: string }> = {
  approve: { icon: '✅', label: 'Approved' },
  edit: { icon: '✏️', label: 'Edited and sent' },
  reject: { icon: '❌', label: 'Rejected' },
  escalate: { icon: '⬆️', label: 'Escalated' },
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
function quote(value: string, max: number): string {
  const body = clipMrkdwn(value.trim() === '' ? '—' : value.trim(), max - 200);
  return body
    .split('\n')
    .map((line) => `>${line}`)
    .join('\n');
}

/** A date in Slack's `<!date>` token: shown in each reader's own time zone, ISO UTC as fallback. */
export function slackDate(at: Date): string {
  const seconds = Math.floor(at.getTime() / 1000);
  const fallback = `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  return `<!date^${seconds}^{date_short_pretty} at {time}|${fallback}>`;
}

/** Who acted, as mrkdwn: a Slack user as a mention, anyone else by name and channel. */
export function actorLabel(actor: Actor): string {
  if (actor.channel === 'slack' && SLACK_USER_ID.test(actor.id)) return `<@${actor.id}>`;
  const name = escapeMrkdwn(actor.name ?? actor.id);
  return actor.channel === 'system' ? name : `${name} (${actor.channel})`;
}

function field(label: string, value: string): types.MrkdwnElement {
  return { type: 'mrkdwn', text: `*${label}*\n${clipMrkdwn(value, FIELD_LIMIT - label.length - 4)}` };
}

function section(text: string): types.SectionBlock {
  return { type: 'section', text: { type: 'mrkdwn', text } };
}

function context(text: string): types.ContextBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text }] };
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

/** A category as the cards show it: "not received". */
function categoryLabel(category: Category): string {
  return category.replace(/_/g, ' ');
}

/**
 * The team card's category select (buyer tickets): the 13 categories, the draft's selected;
 * choosing another corrects the ticket, which is redrafted in it (`block_id` names the ticket).
 */
function categorySelect(ticketId: string, current: Category | null | undefined): types.ActionsBlock {
  const option = (category: Category) => ({
    text: { type: 'plain_text' as const, text: categoryLabel(category) },
    value: category,
  });
  return {
    type: 'actions',
    block_id: `${CATEGORY_BLOCK_PREFIX}${ticketId}`,
    elements: [
      {
        type: 'static_select',
        action_id: CATEGORY_ACTION_ID,
        placeholder: { type: 'plain_text', text: 'Correct the category' },
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
 * draft and the four decision buttons (`action_id` = action, `value` = ticket id; CONTRACT §3).
 */
export function buildTeamCard(input: TeamCardInput): SlackMessage {
  const escalated = input.reason !== undefined;
  const title = escalated ? '⬆️ *Escalated to the team*' : '🆕 *Reply needs approval*';
  const where = `order *${escapeMrkdwn(input.orderId)}*${input.shopName ? ` · ${escapeMrkdwn(input.shopName)}` : ''}`;
  const blocks: KnownBlock[] = [section(`${title} · ${where}`)];
  if (escalated) {
    const by =
      input.escalatedBy && input.escalatedBy.channel !== 'system'
        ? ` · by ${actorLabel(input.escalatedBy)}`
        : '';
    blocks.push(section(`*Reason:* ${clipMrkdwn(input.reason ?? '', SECTION_LIMIT - 300)}${by}`));
  }
  blocks.push(
    {
      type: 'section',
      fields: [
        field('Language', input.language ? LANGUAGE_NAMES[input.language] : 'unknown'),
        field('Category', input.category ? categoryLabel(input.category) : 'unknown'),
        field('Confidence', `${Math.round((input.confidence ?? 0) * 100)}%`),
        field(
          'Urgency',
          `${input.urgency ?? 'normal'}${input.sentiment === 'angry' ? ' · 😠 buyer is upset' : ''}`,
        ),
      ],
    },
    section(`*Buyer wrote* (personal data redacted):\n${quote(input.buyerText, SECTION_LIMIT)}`),
  );
  if (input.draftNote) blocks.push(section(`⚠️ ${clipMrkdwn(input.draftNote, SECTION_LIMIT - 10)}`));
  blocks.push(section(`*Draft reply:*\n${quote(input.draft, SECTION_LIMIT)}`), {
    type: 'actions',
    block_id: DECISION_BLOCK_ID,
    elements: [
      button('approve', '✅ Approve', input.ticketId, 'primary'),
      button('edit', '✏️ Edit', input.ticketId),
      button('reject', '❌ Reject', input.ticketId, 'danger'),
      button('escalate', '⬆️ Escalate', input.ticketId),
    ],
  });
  if (input.correctable) blocks.push(categorySelect(input.ticketId, input.category));
  blocks.push(context(`Ticket \`${escapeMrkdwn(input.ticketId)}\` · draft revision ${input.revision}`));
  const text = `${escalated ? 'Escalated' : 'Needs approval'}: order ${escapeMrkdwn(input.orderId)} (ticket ${escapeMrkdwn(input.ticketId)})`;
  return { text, blocks };
}

/** The facts an outcome message shows (the team channel port's `TeamOutcome`). */
export type OutcomeInput = TeamOutcome;

/** The team card after a decision: the outcome ("Approved by X at Y"), no buttons left. */
export function buildOutcomeMessage(input: OutcomeInput): SlackMessage {
  const outcome = OUTCOMES[input.action];
  const label = input.status === 'auto_sent' ? 'Sent automatically' : outcome.label;
  const where = `order *${escapeMrkdwn(input.orderId)}*${input.shopName ? ` · ${escapeMrkdwn(input.shopName)}` : ''}`;
  const blocks: KnownBlock[] = [
    section(
      `${outcome.icon} *${label}* by ${actorLabel(input.actor)} at ${slackDate(input.decidedAt)} · ${where}`,
    ),
  ];
  if ((input.action === 'approve' || input.action === 'edit') && input.finalText) {
    blocks.push(section(`*Reply sent:*\n${quote(input.finalText, SECTION_LIMIT)}`));
  }
  blocks.push(context(`Ticket \`${escapeMrkdwn(input.ticketId)}\``));
  const who = escapeMrkdwn(input.actor.name ?? input.actor.id);
  return {
    text: `${label} by ${who} at ${input.decidedAt.toISOString()}: order ${escapeMrkdwn(input.orderId)}`,
    blocks,
  };
}

/** A later buyer message, posted into the thread of the ticket's team card. */
export function buildBuyerThreadMessage(messageText: string): SlackMessage {
  return {
    text: `The buyer wrote again: ${clipMrkdwn(messageText, 300)}`,
    blocks: [
      section(`💬 *The buyer wrote again* (personal data redacted):\n${quote(messageText, SECTION_LIMIT)}`),
    ],
  };
}

/** The edit modal (`views.open`): the draft pre-filled in a multiline input; metadata = ticket id. */
export function buildEditModal(input: { ticketId: string; orderId: string; draft: string }): types.ModalView {
  const draft =
    input.draft.length > SLACK_INPUT_LIMIT ? input.draft.slice(0, SLACK_INPUT_LIMIT) : input.draft;
  return {
    type: 'modal',
    callback_id: EDIT_CALLBACK_ID,
    private_metadata: input.ticketId,
    title: { type: 'plain_text', text: 'Edit reply' },
    submit: { type: 'plain_text', text: 'Send reply' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      context(`Order *${escapeMrkdwn(input.orderId)}* · ticket \`${escapeMrkdwn(input.ticketId)}\``),
      {
        type: 'input',
        block_id: EDIT_BLOCK_ID,
        label: { type: 'plain_text', text: 'Reply to the buyer' },
        element: {
          type: 'plain_text_input',
          action_id: EDIT_ACTION_ID,
          multiline: true,
          max_length: SLACK_INPUT_LIMIT,
          ...(draft ? { initial_value: draft } : {}),
        },
      },
    ],
  };
}

/** The answer to a late press: "Already decided by ... at ...". */
export function buildAlreadyDecidedText(decided: {
  decidedBy: Actor;
  decidedAt: string;
  action?: DecisionAction;
}) {
  const what = decided.action ? ` (${OUTCOMES[decided.action].label.toLowerCase()})` : '';
  return `Already decided${what} by ${actorLabel(decided.decidedBy)} at ${slackDate(new Date(decided.decidedAt))}.`;
}

/** The answer to an escalate press on a ticket the team already has: "Already escalated by ... at ...". */
export function buildAlreadyEscalatedText(escalation: { decidedBy: Actor; decidedAt: string }) {
  return `Already escalated by ${actorLabel(escalation.decidedBy)} at ${slackDate(new Date(escalation.decidedAt))}.`;
}

/** A shipment the watch hands to the team (stall, exception, return), as a plain channel message. */
export function buildShipmentNotice(notice: {
  orderId: string;
  trackingNumber: string;
  reason: string;
  text: string;
}): SlackMessage {
  const head = `🚚 *Shipment needs the team* · order *${escapeMrkdwn(notice.orderId)}* · tracking \`${escapeMrkdwn(notice.trackingNumber)}\` · ${escapeMrkdwn(notice.reason)}`;
  return {
    text: `Shipment needs the team: order ${escapeMrkdwn(notice.orderId)} (${escapeMrkdwn(notice.reason)})`,
    blocks: [section(head), section(quote(notice.text, SECTION_LIMIT))],
  };
}

/** Slack's words for the refusals every chat words itself (`DECISION_REFUSALS`). */
const REFUSAL_SENTENCES: Record<WordedRefusalCode, string> = {
  draft_not_ready:
    'The draft is being prepared or updated (the buyer may have written again); try again in a moment.',
  ticket_not_found: 'This ticket no longer exists.',
  edit_text_required: 'An edit needs the new reply text.',
  edit_text_too_long: `The reply is longer than ${MAX_REPLY_LENGTH} characters.`,
  ticket_closed: 'This ticket is already closed: its buyer\u2019s data was erased, nothing will be sent.',
  category_unchanged: 'The draft already has this category.',
  not_a_buyer_ticket:
    'sellerdesk opened this ticket itself with a fixed reply: its category cannot be changed.',
};

/** A refused decision (not ready, not found, invalid edit) as a short sentence for the presser. */
export function buildDecisionRefusedText(code: string, message: string): string {
  return isWordedRefusal(code) ? REFUSAL_SENTENCES[code] : escapeMrkdwn(message);
}

/** `/sellerdesk` usage. */
export function buildCommandHelp(): SlackMessage {
  const text = [
    '*sellerdesk* commands:',
    '• `/sellerdesk status <ticket id>`: where a ticket stands',
    '• `/sellerdesk pending`: tickets waiting for a decision, per shop, with the oldest wait',
    '• `/sellerdesk join <invite code>`: join a shop with the invite its owner sent you',
  ].join('\n');
  return { text: 'sellerdesk commands: status <ticket id>, pending', blocks: [section(text)] };
}

/** A plain one-section answer (refusals, join confirmations). */
export function buildPlainReply(text: string): SlackMessage {
  return { text, blocks: [section(escapeMrkdwn(text))] };
}

/** What `/sellerdesk status` shows about one ticket. */
export interface TicketStatusInput {
  ticketId: string;
  orderId: string;
  shopName?: string | undefined;
  status: TicketStatus;
  language?: Language | null | undefined;
  category?: Category | null | undefined;
  confidence?: number | null | undefined;
  urgency?: Urgency | null | undefined;
  decidedBy?: Actor | null | undefined;
  decidedAt?: Date | null | undefined;
  deliveryState?: string | null | undefined;
  draft?: string | null | undefined;
  createdAt: Date;
}

/** `/sellerdesk status <ticket>`: the ticket's state, facts, decision and current draft. */
export function buildTicketStatusReply(input: TicketStatusInput): SlackMessage {
  const fields = [
    field('Status', input.status.replace(/_/g, ' ')),
    field('Shop', input.shopName ?? 'unknown'),
    field('Order', input.orderId),
    field('Language', input.language ? LANGUAGE_NAMES[input.language] : 'unknown'),
    field('Category', input.category ? input.category.replace(/_/g, ' ') : 'unknown'),
    field(
      'Confidence · urgency',
      `${Math.round((input.confidence ?? 0) * 100)}% · ${input.urgency ?? 'normal'}`,
    ),
  ];
  if (input.deliveryState) fields.push(field('Delivery', input.deliveryState));
  const blocks: KnownBlock[] = [
    section(`*Ticket \`${escapeMrkdwn(input.ticketId)}\`* · opened ${slackDate(input.createdAt)}`),
    { type: 'section', fields },
  ];
  if (input.decidedBy && input.decidedAt) {
    blocks.push(section(`Decided by ${actorLabel(input.decidedBy)} at ${slackDate(input.decidedAt)}`));
  }
  if (input.draft) blocks.push(section(`*Current draft:*\n${quote(input.draft, SECTION_LIMIT)}`));
  return {
    text: `Ticket ${escapeMrkdwn(input.ticketId)}: ${input.status.replace(/_/g, ' ')}`,
    blocks,
  };
}

/** `/sellerdesk status` for an id nobody knows. */
export function buildTicketNotFoundReply(ticketId: string): SlackMessage {
  const text = `No ticket \`${clipMrkdwn(ticketId, 80)}\`.`;
  return { text, blocks: [section(text)] };
}

/** "3h 05m", "2d 4h", "12m": how long something has waited. */
export function formatAge(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours}h ${String(minutes % 60).padStart(2, '0')}m`;
  return `${Math.floor(hours / 24)}d ${hours % 24}h`;
}

/** `/sellerdesk pending`: counts per shop (waiting for the seller, escalated) and the oldest wait. */
export function buildPendingReply(rows: PendingByShop[], now: Date): SlackMessage {
  if (rows.length === 0) {
    const text = 'Nothing is waiting for a decision. 🎉';
    return { text, blocks: [section(text)] };
  }
  const total = rows.reduce((sum, r) => sum + r.awaitingSeller + r.escalated, 0);
  const lines = rows.map((r) => {
    const parts = [`${r.awaitingSeller} awaiting the seller`, `${r.escalated} escalated`];
    return `• *${escapeMrkdwn(r.shopName)}*: ${parts.join(', ')} · oldest ${formatAge(now.getTime() - r.oldestCreatedAt.getTime())}`;
  });
  const header = `*${total} ticket${total === 1 ? '' : 's'} waiting* across ${rows.length} shop${rows.length === 1 ? '' : 's'}:`;
  const blocks: KnownBlock[] = [section(header)];
  let chunk = '';
  for (const line of lines) {
    if (chunk && chunk.length + line.length + 1 > SECTION_LIMIT) {
      blocks.push(section(chunk));
      chunk = '';
    }
    chunk = chunk ? `${chunk}\n${line}` : line;
  }
  if (chunk) blocks.push(section(chunk));
  return {
    text: `${total} ticket${total === 1 ? '' : 's'} waiting across ${rows.length} shop${rows.length === 1 ? '' : 's'}`,
    blocks: blocks.slice(0, 50),
  };
}
