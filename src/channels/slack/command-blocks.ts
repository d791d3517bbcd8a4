/** The answers of `/sellerdesk`: usage, a ticket's status, pending counts, plain replies. */
import type { types } from '@slack/bolt';
import type { PendingByShop } from '../../db/pending-repo.js';
import type { Actor, Category, Language, TicketStatus, Urgency } from '../../domain/types.js';
import {
  actorLabel,
  categoryName,
  clipMrkdwn,
  escapeMrkdwn,
  field,
  languageName,
  quote,
  SECTION_LIMIT,
  type SlackMessage,
  type SlackTexts,
  section,
  slackDate,
} from './blocks.js';

type KnownBlock = types.KnownBlock;

/** `/sellerdesk` usage. */
export function buildCommandHelp(tx: SlackTexts): SlackMessage {
  return { text: tx.t('slack.help_fallback'), blocks: [section(tx.t('slack.help'))] };
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
export function buildTicketStatusReply(tx: SlackTexts, input: TicketStatusInput): SlackMessage {
  const { t } = tx;
  const status = t(`status.${input.status}`);
  const fields = [
    field(t('slack.status'), status),
    field(t('slack.shop'), input.shopName ?? t('slack.unknown')),
    field(t('card.order'), input.orderId),
    field(t('card.language'), languageName(tx, input.language)),
    field(t('card.category'), categoryName(tx, input.category)),
    field(
      t('slack.confidence_urgency'),
      `${Math.round((input.confidence ?? 0) * 100)}% · ${t(`urgency.${input.urgency ?? 'normal'}`)}`,
    ),
  ];
  if (input.deliveryState) fields.push(field(t('slack.delivery'), input.deliveryState));
  const ticket = `\`${escapeMrkdwn(input.ticketId)}\``;
  const blocks: KnownBlock[] = [
    section(`*${t('slack.opened', { ticket, when: slackDate(input.createdAt, tx.language) })}*`),
    { type: 'section', fields },
  ];
  if (input.decidedBy && input.decidedAt) {
    blocks.push(
      section(
        t('slack.decided_by', {
          who: actorLabel(input.decidedBy),
          when: slackDate(input.decidedAt, tx.language),
        }),
      ),
    );
  }
  if (input.draft) {
    blocks.push(section(`*${t('slack.current_draft')}*\n${quote(input.draft, SECTION_LIMIT)}`));
  }
  return { text: t('slack.fallback_status', { ticketId: escapeMrkdwn(input.ticketId), status }), blocks };
}

/** `/sellerdesk status` for an id nobody knows. */
export function buildTicketNotFoundReply(tx: SlackTexts, ticketId: string): SlackMessage {
  const text = tx.t('slack.no_ticket', { ticket: `\`${clipMrkdwn(ticketId, 80)}\`` });
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
export function buildPendingReply(tx: SlackTexts, rows: PendingByShop[], now: Date): SlackMessage {
  const { t } = tx;
  if (rows.length === 0) {
    const text = t('slack.pending_none');
    return { text, blocks: [section(text)] };
  }
  const total = rows.reduce((sum, r) => sum + r.awaitingSeller + r.escalated, 0);
  const lines = rows.map((r) => {
    const counts = t('slack.pending_line', {
      awaiting: r.awaitingSeller,
      escalated: r.escalated,
      age: formatAge(now.getTime() - r.oldestCreatedAt.getTime()),
    });
    return `• *${escapeMrkdwn(r.shopName)}*: ${counts}`;
  });
  const summary = t('slack.pending_header', { count: total, shops: rows.length });
  const header = `*${summary}*`;
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
  return { text: summary, blocks: blocks.slice(0, 50) };
}
