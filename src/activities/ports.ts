/**
 * The outside as the activities see it: the seller's approval channel (Telegram) and the support
 * team's channel (Slack). Activities pick the chats, keep the card rows and decide what happens;
 * the adapters (`src/channels/telegram/approval-channel.ts`, `src/channels/slack/team-channel.ts`)
 * write the texts, keyboards and blocks and talk to the platform. Both are built once by
 * `createActivities` and passed to the activity factories explicitly.
 */
import type { HealthFigures } from '../db/health-repo.js';
import type { Decision, Ticket } from '../db/schema/index.js';
import type { Sentiment } from '../domain/message/urgency.js';
import type { SellerLanguage } from '../domain/shop/seller-language.js';
import type { Actor, Category, DecisionAction, Language, TicketStatus, Urgency } from '../domain/types.js';

/** A coupon as a draft offers it to the buyer (major units, ISO 4217 currency). */
export interface CardCoupon {
  code: string;
  value: number;
  currency: string;
}

/** Who handed a ticket to the support team, and when (a seller, an API caller, the SLA timer). */
export interface CardEscalation {
  by: Actor;
  at: Date;
}

/** A linked seller chat and the language its cards are written in (the seller's, not the buyers'). */
export interface SellerChat {
  chatId: string;
  language: SellerLanguage;
}

/**
 * What an approval card shows: the ticket's facts, the redacted buyer text, the draft and the
 * coupon that draft offers (both from the same stored draft row), and, once the ticket went to the
 * support team, who sent it there and when (the card then has no decision buttons).
 */
export interface ApprovalCard {
  ticket: Ticket;
  buyerText: string;
  draftText: string;
  note?: string | undefined;
  coupon?: CardCoupon | null | undefined;
  escalation?: CardEscalation | undefined;
}

/** A shop's store-health figures for the daily digest. */
export interface StoreDigest {
  shopName: string;
  figures: HealthFigures;
}

/** Why a newer draft replaced a card: the buyer wrote again (default), or a seller corrected the category. */
export type SupersededReason = 'buyer_wrote' | 'category_corrected';

/**
 * The seller's approval channel (Telegram): approval cards with decision buttons in the shop's
 * linked chats, and plain notices. Absent when Telegram is off.
 */
export interface ApprovalChannel {
  /** The `approval_cards.channel` value of its cards. */
  readonly cardChannel: string;
  /**
   * Posts an approval card with the decision buttons (none once the ticket is escalated); resolves
   * with its message id.
   */
  postCard(chat: SellerChat, card: ApprovalCard): Promise<string>;
  /** Edits a posted card to say the ticket went to the support team, by whom and when; buttons removed. */
  showEscalation(
    chat: SellerChat,
    messageId: string,
    card: ApprovalCard & { escalation: CardEscalation },
  ): Promise<void>;
  /** Turns a card into a "replaced by a newer draft" note without buttons, saying why. */
  markSuperseded(
    chat: SellerChat,
    messageId: string,
    ticketId: string,
    reason?: SupersededReason,
  ): Promise<void>;
  /**
   * Turns a card into the outcome: what was decided, by whom and when, and the text sent with its
   * coupon (both from the decided draft).
   */
  showOutcome(
    chat: SellerChat,
    messageId: string,
    ticket: Ticket,
    decision: Decision,
    coupon?: CardCoupon | null,
  ): Promise<void>;
  /** Tells a chat that a ticket still waits (`reminder`) or went to the team (`escalated`). */
  remind(
    chat: SellerChat,
    kind: 'reminder' | 'escalated',
    ticket: Pick<Ticket, 'id' | 'orderId'>,
  ): Promise<void>;
  /** The daily store-health digest of the shop. */
  sendDigest(chat: SellerChat, digest: StoreDigest): Promise<void>;
  /** A plain message without buttons (parcel escalations written by the domain). */
  notify(chatId: string, text: string): Promise<void>;
  /** Replaces a posted card's text, buttons removed (erasure notes). */
  replaceCard(chatId: string, messageId: string, text: string): Promise<void>;
}

/** Where a team card is, as `approval_cards` keeps it (Slack: channel id and message ts). */
export interface TeamCardRef {
  chatId: string;
  messageId: string;
}

/** The facts a team card shows about a ticket. */
export interface TeamCard {
  ticketId: string;
  orderId: string;
  shopName?: string | undefined;
  /** The buyer's messages, already PII-redacted. */
  buyerText: string;
  language?: Language | null | undefined;
  category?: Category | null | undefined;
  confidence?: number | null | undefined;
  urgency?: Urgency | null | undefined;
  sentiment?: Sentiment | null | undefined;
  draft: string;
  /** Why the draft needs attention (fallback notes, missing template variables). */
  draftNote?: string | null | undefined;
  /** The coupon the draft offers the buyer (stored with the draft's text). */
  coupon?: CardCoupon | null | undefined;
  /** Why the ticket came to the team; present on escalations. */
  reason?: string | undefined;
  /** Who escalated (a seller, an API caller, the SLA timer), when known. */
  escalatedBy?: Actor | undefined;
  /** When it was escalated, when known. */
  escalatedAt?: Date | undefined;
  revision: number;
  /** A buyer ticket: the card offers a category correction. */
  correctable?: boolean | undefined;
}

/** The facts a decided team card shows: what was decided, by whom, when, and the text sent. */
export interface TeamOutcome {
  ticketId: string;
  orderId: string;
  shopName?: string | undefined;
  action: DecisionAction;
  actor: Actor;
  decidedAt: Date;
  /** The reply that went to the buyer (approve / edit). */
  finalText?: string | null | undefined;
  /** The coupon sent with it (from the same draft). */
  coupon?: CardCoupon | null | undefined;
  /** `auto_sent` is shown as sent without a human. */
  status?: TicketStatus | undefined;
}

/**
 * One shop's team channel. Calls that fail reject with a {@link ChannelFailure}; edits resolve
 * false when the message is gone (deleted, not the app's any more).
 */
export interface ShopTeamChannel {
  /** Where new cards go; undefined when the shop's workspace has no support channel. */
  readonly channel: string | undefined;
  /** Posts a card to `channel`; resolves with where it landed. */
  postCard(channel: string, card: TeamCard): Promise<TeamCardRef>;
  /** Edits a card in place to show `card`. */
  updateCard(ref: TeamCardRef, card: TeamCard): Promise<boolean>;
  /** Edits a card to the outcome, buttons removed. */
  showOutcome(ref: TeamCardRef, outcome: TeamOutcome): Promise<boolean>;
  /** Posts a later buyer message (redacted) into the card's thread. */
  postToThread(ref: TeamCardRef, buyerText: string): Promise<{ ts: string }>;
  /** Replaces a posted message (a card or a thread post) with a plain note (erasure). */
  replaceWithNote(ref: TeamCardRef, text: string): Promise<boolean>;
}

/** The support team's channel (Slack), per shop; {@link NO_TEAM_CHANNEL} when it is off. */
export interface TeamChannel {
  /** False when no team channel is configured: every team step is a no-op. */
  readonly enabled: boolean;
  /** The `approval_cards.channel` value of its cards. */
  readonly cardChannel: string;
  /** The shop's team channel; undefined when the shop has none it can use. */
  forShop(shopId: string): Promise<ShopTeamChannel | undefined>;
}

/** The team channel when Slack is off: no shop has one. */
export const NO_TEAM_CHANNEL: TeamChannel = {
  enabled: false,
  cardChannel: 'slack',
  forShop: async () => undefined,
};

/**
 * A failed channel call with a stable `code`, whether a retry may help, how long to wait when the
 * platform said so, and `details` for the failure record (never texts or tokens).
 */
export interface ChannelFailure extends Error {
  readonly code: string;
  readonly retryable: boolean;
  readonly retryAfterSeconds?: number | undefined;
  readonly details: Record<string, unknown>;
}

/** Whether an error is a {@link ChannelFailure} an adapter threw. */
export function isChannelFailure(error: unknown): error is ChannelFailure {
  if (!(error instanceof Error)) return false;
  const e = error as Partial<ChannelFailure>;
  return (
    typeof e.code === 'string' &&
    typeof e.retryable === 'boolean' &&
    typeof e.details === 'object' &&
    e.details !== null
  );
}
