import type { ApprovalCard, CardCoupon, CardEscalation, SupersededReason } from '../../activities/ports.js';
import type { Decision, Ticket } from '../../db/schema/index.js';
import { dateTimeFormat } from '../../domain/intl.js';
import type { ReplyRenderer } from '../../domain/reply/index.js';
import { couponAmountText } from '../../domain/shop/coupon.js';
import { SELLER_FORMAT_LOCALES, type SellerLanguage } from '../../domain/shop/seller-language.js';
import { type Actor, CATEGORIES, type Category } from '../../domain/types.js';
import { encodeCategoryCallback, encodeDecisionCallback } from './callback-data.js';

const OUTCOME_KEY = {
  approve: 'approved',
  edit: 'edited',
  reject: 'rejected',
  escalate: 'escalated',
} as const;

/** Telegram's limit for one message text. */
export const TELEGRAM_TEXT_LIMIT = 4096;

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`;
}

/**
 * The inline keyboard of an approval card: approve, edit, reject, escalate (docs/API.md, "Chat actions"), and on
 * a buyer ticket a "Category" button that opens the list of categories to correct it.
 */
export function buildDecisionKeyboard(
  renderer: ReplyRenderer,
  language: SellerLanguage,
  ticketId: string,
  options: { correctable?: boolean } = {},
) {
  const t = (key: string) => renderer.t(language, key);
  const rows = [
    [
      { text: `✅ ${t('button.approve')}`, callback_data: encodeDecisionCallback('approve', ticketId) },
      { text: `✏️ ${t('button.edit')}`, callback_data: encodeDecisionCallback('edit', ticketId) },
    ],
    [
      { text: `❌ ${t('button.reject')}`, callback_data: encodeDecisionCallback('reject', ticketId) },
      { text: `⬆️ ${t('button.escalate')}`, callback_data: encodeDecisionCallback('escalate', ticketId) },
    ],
  ];
  if (options.correctable) {
    rows.push([
      {
        text: `🏷️ ${t('button.category')}`,
        callback_data: encodeCategoryCallback({ kind: 'open', ticketId }),
      },
    ]);
  }
  return { inline_keyboard: rows };
}

/**
 * The card's keyboard while the seller picks a category: the 13 categories in the seller's
 * language, two a row, the current one marked, and a button back to the decisions.
 */
export function buildCategoryKeyboard(
  renderer: ReplyRenderer,
  language: SellerLanguage,
  ticketId: string,
  current: Category | null | undefined,
) {
  const buttons = CATEGORIES.map((category) => ({
    text: `${category === current ? '• ' : ''}${renderer.t(language, `category.${category}`)}`,
    callback_data: encodeCategoryCallback({ kind: 'set', ticketId, category }),
  }));
  const rows: Array<Array<{ text: string; callback_data: string }>> = [];
  for (let i = 0; i < buttons.length; i += 2) rows.push(buttons.slice(i, i + 2));
  rows.push([
    {
      text: `↩️ ${renderer.t(language, 'button.back')}`,
      callback_data: encodeCategoryCallback({ kind: 'back', ticketId }),
    },
  ]);
  return { inline_keyboard: rows };
}

/** The reasons the ticket workflow gives an SLA escalation (`escalationReason`), as catalogue keys. */
const SLA_REASON_KEYS: Readonly<Record<string, string>> = {
  'no answer in time': 'slack.reason_no_answer',
  'dispute deadline near': 'slack.reason_dispute',
};

/** Who acted, as a card names them: a person by name, sellerdesk itself with its reason. */
export function actorName(renderer: ReplyRenderer, language: SellerLanguage, actor: Actor): string {
  if (actor.channel !== 'system') return actor.name ?? actor.id;
  const reason = SLA_REASON_KEYS[actor.name ?? ''];
  return reason ? `sellerdesk (${renderer.t(language, reason)})` : 'sellerdesk';
}

/** "🎟️ Coupon for the buyer: SD-…, worth USD 3.00": the code, the amount and its currency. */
export function buildCouponLine(
  renderer: ReplyRenderer,
  language: SellerLanguage,
  coupon: CardCoupon,
): string {
  const value = couponAmountText(coupon.value, coupon.currency, SELLER_FORMAT_LOCALES[language]);
  return `🎟️ ${renderer.t(language, 'card.coupon', { code: coupon.code, value })}`;
}

/** "⬆️ Escalated to the support team by … at …", in the seller's language. */
export function buildEscalationLine(
  renderer: ReplyRenderer,
  language: SellerLanguage,
  escalation: CardEscalation,
): string {
  return `⬆️ ${renderer.t(language, 'card.escalated_to_team', {
    who: actorName(renderer, language, escalation.by),
    when: formatWhen(escalation.at, language),
  })}`;
}

/**
 * Plain-text approval card in the seller's language: redacted buyer text, facts, the coupon the
 * draft offers and the draft; once escalated, a first line says to whom, by whom and when. The
 * lines above the draft are never clipped (only the buyer's text, then the draft's end, are).
 */
export function buildCardText(
  renderer: ReplyRenderer,
  language: SellerLanguage,
  input: ApprovalCard,
): string {
  const t = (key: string, options?: Record<string, unknown>) => renderer.t(language, key, options);
  const { ticket } = input;
  const header = [
    ...(input.escalation ? [buildEscalationLine(renderer, language, input.escalation)] : []),
    `🆕 ${t('card.header')} · ${t('card.order')} ${ticket.orderId}`,
    `${t('card.language')}: ${ticket.language ? t(`language.${ticket.language}`) : '?'} · ${t('card.category')}: ${
      ticket.category ? t(`category.${ticket.category}`) : '?'
    }`,
    `${t('card.confidence')}: ${Math.round((ticket.confidence ?? 0) * 100)}% · ${t('card.urgency')}: ${t(
      `urgency.${ticket.urgency ?? 'normal'}`,
    )}${ticket.sentiment === 'angry' ? ` · 😠 ${t('card.angry_buyer')}` : ''}`,
    ...(input.coupon ? [buildCouponLine(renderer, language, input.coupon)] : []),
    `#${ticket.id}`,
  ].join('\n');
  const note = input.note ? `\n⚠️ ${input.note}\n` : '';
  const draftPart = `\n${t('card.draft_reply')}:\n${input.draftText || '—'}`;
  const room = TELEGRAM_TEXT_LIMIT - header.length - note.length - draftPart.length - 40;
  const buyerPart = `\n\n${t('card.buyer_wrote')}:\n«${clip(input.buyerText, Math.max(200, room))}»\n`;
  return clip(`${header}${buyerPart}${note}${draftPart}`, TELEGRAM_TEXT_LIMIT);
}

/** Text of a card replaced by a newer draft: the buyer wrote again, or a seller corrected the category. */
export function buildSupersededText(
  renderer: ReplyRenderer,
  language: SellerLanguage,
  ticketId: string,
  reason: SupersededReason = 'buyer_wrote',
): string {
  const key = reason === 'category_corrected' ? 'card.superseded_corrected' : 'card.superseded';
  return `${renderer.t(language, key)} #${ticketId}`;
}

/**
 * Text of a decided card: the outcome, who decided and when, and what was sent (the text and the
 * coupon of the decided draft).
 */
export function buildOutcomeText(
  renderer: ReplyRenderer,
  language: SellerLanguage,
  ticket: Ticket,
  decision: Decision,
  coupon?: CardCoupon | null,
): string {
  const who = actorName(renderer, language, {
    channel: decision.actorChannel as Actor['channel'],
    id: decision.actorId,
    ...(decision.actorName ? { name: decision.actorName } : {}),
  });
  const when = formatWhen(decision.decidedAt, language);
  const outcome = renderer.t(language, `outcome.${OUTCOME_KEY[decision.action]}`, { who, when });
  const lines = [`${outcome}`, `${renderer.t(language, 'card.order')} ${ticket.orderId} · #${ticket.id}`];
  const sent = decision.action === 'approve' || decision.action === 'edit';
  if (sent && coupon) lines.push(buildCouponLine(renderer, language, coupon));
  if (sent && ticket.finalText) {
    lines.push('', clip(ticket.finalText, TELEGRAM_TEXT_LIMIT - 400));
  }
  return lines.join('\n');
}

/** "already decided by ... at ..." answer to a late button press. */
export function buildAlreadyDecidedText(
  renderer: ReplyRenderer,
  language: SellerLanguage,
  decided: { decidedBy: { id: string; name?: string }; decidedAt: string },
): string {
  return renderer.t(language, 'already_decided', {
    who: decided.decidedBy.name ?? decided.decidedBy.id,
    when: formatWhen(new Date(decided.decidedAt), language),
  });
}

/** Date and time in the seller's language, UTC, e.g. "23 nov 2026, 18:40 UTC", "2026年11月23日 18:40 UTC". */
export function formatWhen(date: Date, language: SellerLanguage): string {
  return `${dateTimeFormat(SELLER_FORMAT_LOCALES[language], {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'UTC',
  }).format(date)} UTC`;
}
