import { and, desc, eq, sql } from 'drizzle-orm';
import type { Sentiment } from '../domain/message/urgency.js';
import type { Category, DecisionAction, Language, TicketStatus, Urgency } from '../domain/types.js';
import type { Db } from './client.js';
import { newId } from './ids.js';
import { IntakeBacklogFullError, rowsOf } from './intake-repo.js';
import { OPEN_STATUSES } from './open-tickets.js';
import { preparedOn } from './prepared.js';
import {
  auditLog,
  buyerMessages,
  type DisputeFacts,
  decisions,
  drafts,
  intentCorrections,
  type OrderFacts,
  replyEdits,
  type Shop,
  shops,
  type Ticket,
  templateOverrides,
  ticketEvents,
  tickets,
} from './schema/index.js';

/** Ticket states in which a new buyer message joins the ticket instead of opening a new one. */
export { OPEN_STATUSES } from './open-tickets.js';

/** A buyer message as accepted by the API, with its text already redacted. */
export interface IncomingMessage {
  messageId: string;
  orderId: string;
  buyerId: string;
  buyerName?: string | undefined;
  buyerLocale?: string | undefined;
  buyerCountry?: string | undefined;
  redactedText: string;
  redactedKinds: string[];
  receivedAt: Date;
  order?: OrderFacts | undefined;
  dispute?: DisputeFacts | undefined;
}

/** Outcome of storing a message: which ticket it belongs to and whether it was already known. */
export interface IngestResult {
  ticketId: string;
  status: TicketStatus;
  duplicate: boolean;
  newTicket: boolean;
}

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } };
  return e?.code === '23505' || e?.cause?.code === '23505';
}

/**
 * Stores a buyer message idempotently on (shop, messageId): a repeat returns the same ticket,
 * a new message joins the open ticket of the same order and buyer, otherwise a `queued` ticket is
 * opened. The message is queued in the intake outbox in the same statement. Throws
 * IntakeBacklogFullError (storing nothing) when `backlogLimit` messages already wait.
 *
 * One round trip: the database function `sellerdesk_ingest_message` (migration 0015) does the
 * reads and writes; a request costs one statement instead of eight in a transaction.
 */
export async function ingestMessage(
  db: Db,
  shopId: string,
  msg: IncomingMessage,
  options: {
    backlogLimit?: number | undefined;
    /**
     * Cheaper stand-in for the exact count: false when a recent reading says the outbox is far
     * from the bound (the exact count is then skipped); the exact count decides otherwise.
     */
    mayBeFull?: (() => Promise<boolean>) | undefined;
  } = {},
): Promise<IngestResult> {
  const checkLimit =
    options.backlogLimit !== undefined && (!options.mayBeFull || (await options.mayBeFull()))
      ? options.backlogLimit
      : null;
  for (let attempt = 0; ; attempt++) {
    try {
      const result = await db.execute(sql`
        select o_ticket_id, o_status, o_duplicate, o_new_ticket, o_full
          from sellerdesk_ingest_message(
            ${shopId}, ${msg.messageId}, ${msg.orderId}, ${msg.buyerId}, ${msg.buyerName ?? null},
            ${msg.buyerLocale ?? null}, ${msg.buyerCountry ?? null}, ${msg.redactedText},
            ${textArray(msg.redactedKinds)}::text[], ${msg.receivedAt.toISOString()}::timestamptz,
            ${msg.order ? JSON.stringify(msg.order) : null}::jsonb,
            ${msg.dispute ? JSON.stringify(msg.dispute) : null}::jsonb,
            ${textArray(OPEN_STATUSES)}::text[], ${newId('tkt')}, ${checkLimit}::int)`);
      const row = rowsOf<{
        o_ticket_id: string | null;
        o_status: TicketStatus | null;
        o_duplicate: boolean;
        o_new_ticket: boolean;
        o_full: boolean;
      }>(result)[0];
      if (!row) throw new Error('sellerdesk_ingest_message returned no row');
      if (row.o_full) throw new IntakeBacklogFullError(options.backlogLimit ?? 0);
      return {
        ticketId: row.o_ticket_id!,
        status: row.o_status!,
        duplicate: row.o_duplicate,
        newTicket: row.o_new_ticket,
      };
    } catch (error) {
      // A concurrent ingest opened the same ticket or stored the same message: retry reads it.
      if (isUniqueViolation(error) && attempt < 3) continue;
      throw error;
    }
  }
}

/** A PostgreSQL text[] literal ('{"a","b"}'), quoting every element. */
function textArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}

/** Stores a seller's edited reply until its decision applies; the decision carries only the id. */
export async function storeReplyEdit(db: Db, ticketId: string, text: string): Promise<number> {
  const [row] = await db.insert(replyEdits).values({ ticketId, text }).returning({ id: replyEdits.id });
  return row!.id;
}

/** Whether a stored edited reply (a held one, say) belongs to the ticket. */
export async function replyEditOfTicket(db: Db, ticketId: string, editId: number): Promise<boolean> {
  const [row] = await db
    .select({ id: replyEdits.id })
    .from(replyEdits)
    .where(and(eq(replyEdits.id, editId), eq(replyEdits.ticketId, ticketId)))
    .limit(1);
  return row !== undefined;
}

/** Deletes an edited reply whose decision was refused. */
export async function discardReplyEdit(db: Db, editId: number): Promise<void> {
  await db.delete(replyEdits).where(eq(replyEdits.id, editId));
}

/** Loads one ticket of a shop (null when it belongs to another shop or does not exist). */
export async function getTicket(db: Db, ticketId: string, shopId?: string): Promise<Ticket | null> {
  const [row] = shopId
    ? await preparedOn(db, 'ticket_of_shop', (d) =>
        d
          .select()
          .from(tickets)
          .where(and(eq(tickets.id, sql.placeholder('id')), eq(tickets.shopId, sql.placeholder('shopId'))))
          .limit(1)
          .prepare('ticket_of_shop'),
      ).execute({ id: ticketId, shopId })
    : await preparedOn(db, 'ticket', (d) =>
        d
          .select()
          .from(tickets)
          .where(eq(tickets.id, sql.placeholder('id')))
          .limit(1)
          .prepare('ticket'),
      ).execute({ id: ticketId });
  return row ?? null;
}

/** A ticket with its shop, as one step read them (a round hands them to its next steps). */
export interface TicketAndShop {
  ticket: Ticket;
  shop: Shop;
  /**
   * Whether the shop has live category corrections (its classification memory) and template
   * overrides: a draft reads them only then, two statements fewer for the many shops with neither.
   */
  shopHasCorrections: boolean;
  shopHasOverrides: boolean;
}

/** A ticket with its shop, one query (a ticket step needs both); null when the ticket is gone. */
export async function getTicketAndShop(db: Db, ticketId: string): Promise<TicketAndShop | null> {
  const [row] = await preparedOn(db, 'ticket_and_shop', (d) =>
    d
      .select({
        ticket: tickets,
        shop: shops,
        shopHasCorrections: sql<boolean>`exists (select 1 from ${intentCorrections} where ${intentCorrections.shopId} = ${shops.id} and ${intentCorrections.erasedAt} is null)`,
        shopHasOverrides: sql<boolean>`exists (select 1 from ${templateOverrides} where ${templateOverrides.shopId} = ${shops.id})`,
      })
      .from(tickets)
      .innerJoin(shops, eq(shops.id, tickets.shopId))
      .where(eq(tickets.id, sql.placeholder('id')))
      .limit(1)
      .prepare('ticket_and_shop'),
  ).execute({ id: ticketId });
  return row ?? null;
}

/** The redacted buyer messages of a ticket, oldest first. */
export async function listTicketMessages(db: Db, ticketId: string) {
  return preparedOn(db, 'ticket_messages', (d) =>
    d
      .select()
      .from(buyerMessages)
      .where(eq(buyerMessages.ticketId, sql.placeholder('ticketId')))
      .orderBy(buyerMessages.receivedAt, buyerMessages.id)
      .prepare('ticket_messages'),
  ).execute({ ticketId });
}

/** Classification and draft of one revision, written by the ticket workflow. */
export interface DraftRecord {
  ticketId: string;
  revision: number;
  language: Language;
  languageConfidence: number;
  category: Category;
  confidence: number;
  urgency: Urgency;
  /** Absent in drafts recorded before sentiment was stored. */
  sentiment?: Sentiment | undefined;
  abstained: boolean;
  text: string;
  source: 'template' | 'fallback';
  templateId?: string | undefined;
  templateVersion?: number | undefined;
  note?: string | undefined;
  /** The coupon this revision offers (a stall apology's), stored in the same row as its text. */
  coupon?: { code: string; value: number; currency: string } | undefined;
  evidence: string[];
}

// An activity still running when its buyer was erased must not write their text back: the share
// lock on the live ticket (`live`, in the same statement as the writes) orders a write against the
// erasure, which locks the ticket rows first.

/** `status in (...)` of the open statuses, for raw statements. */
const OPEN_STATUS_LIST = sql.join(
  OPEN_STATUSES.map((s) => sql`${s}`),
  sql`, `,
);

/** What the draft's statement set on the ticket row (those it does not take from the record). */
export interface DraftLabelled {
  status: Ticket['status'];
  sentiment: Ticket['sentiment'];
  updatedAt: Date;
}

/**
 * Persists one draft revision and its classification in one statement (issue 15: every statement
 * is a round trip and a socket write): the draft row, the ticket's labels and status, and the
 * `drafted` event; nothing when the buyer was erased or the revision is already stored. Returns
 * what the row's update set, or undefined when nothing was labelled (the revision was saved before,
 * the ticket was erased or is no longer open).
 */
export async function recordDraft(db: Db, record: DraftRecord): Promise<DraftLabelled | undefined> {
  const details = {
    revision: record.revision,
    language: record.language,
    category: record.category,
    confidence: record.confidence,
    urgency: record.urgency,
    sentiment: record.sentiment,
    abstained: record.abstained,
    templateId: record.templateId,
    templateVersion: record.templateVersion,
    note: record.note,
    evidence: record.evidence,
  };
  const result = await db.execute(sql`
    with live as (
      select id from ${tickets} where id = ${record.ticketId} and erased_at is null for share),
    drafted as (
      insert into ${drafts} (ticket_id, revision, language, text, source, template_id, template_version, note, coupon)
      select id, ${record.revision}::int, ${record.language}::text, ${record.text}::text, ${record.source}::text,
             ${record.templateId ?? null}::text, ${record.templateVersion ?? null}::int, ${record.note ?? null}::text,
             ${record.coupon ? JSON.stringify(record.coupon) : null}::jsonb
        from live
      on conflict do nothing
      returning ticket_id),
    labelled as (
      update ${tickets} set
        -- An escalated ticket stays with the team while it is re-drafted.
        status = case when status = 'escalated' then 'escalated' else 'awaiting_approval' end,
        language = ${record.language}::text,
        language_confidence = ${record.languageConfidence}::real,
        category = ${record.category}::text,
        confidence = ${record.confidence}::real,
        urgency = ${record.urgency}::text,
        sentiment = coalesce(${record.sentiment ?? null}::text, sentiment),
        abstained = ${record.abstained ? 1 : 0}::int,
        current_revision = ${record.revision}::int,
        updated_at = now()
       where id in (select ticket_id from drafted) and status in (${OPEN_STATUS_LIST})
       returning status, sentiment, updated_at),
    evented as (
      insert into ${ticketEvents} (ticket_id, kind, details, dedupe_key)
      select ticket_id, 'drafted', ${JSON.stringify(details)}::jsonb, ${`draft:${record.revision}`}::text from drafted
      on conflict do nothing)
    select status, sentiment, updated_at from labelled`);
  const [row] = (
    result as unknown as {
      rows: Array<{ status: string; sentiment: string | null; updated_at: Date | string }>;
    }
  ).rows;
  if (!row) return undefined;
  return {
    status: row.status as Ticket['status'],
    sentiment: row.sentiment as Ticket['sentiment'],
    updatedAt: new Date(row.updated_at),
  };
}

/** A seller's accepted decision, as the ticket workflow records it. */
export interface DecisionRecord {
  ticketId: string;
  action: DecisionAction;
  revision: number;
  actor: { channel: string; id: string; name?: string | undefined };
  text?: string | undefined;
  decidedAt: string;
}

/** The audit entry written with a decision (the same statement). */
export interface DecisionAudit {
  kind: string;
  actor: { channel: string; id: string; name?: string | undefined };
  details: Record<string, unknown>;
  dedupeKey: string;
}

/**
 * Stores the one decision of a ticket and its resulting status in one statement: the decision row,
 * an edit's draft revision, the ticket's status and reply text, the `decision` event and, given,
 * the audit entry (written whenever the ticket exists, like the decision's own dedupe makes
 * replays no-ops). An approval's text is the decided revision's draft. Nothing but the audit when
 * the buyer was erased. Returns when the ticket's first approval was requested (metrics).
 */
export async function recordDecision(
  db: Db,
  record: DecisionRecord,
  status: TicketStatus,
  audit?: DecisionAudit,
): Promise<{ requestedAt?: Date }> {
  const { ticketId, revision } = record;
  const actor = {
    channel: record.actor.channel,
    id: record.actor.id,
    ...(record.actor.name ? { name: record.actor.name } : {}),
  };
  const eventDetails = { action: record.action, revision, actor: record.actor };
  const auditActor = audit
    ? {
        channel: audit.actor.channel,
        id: audit.actor.id,
        ...(audit.actor.name ? { name: audit.actor.name } : {}),
      }
    : null;
  const result = await db.execute(sql`
    with live as (
      select id from ${tickets} where id = ${ticketId} and erased_at is null for share),
    reply as (
      select coalesce(${record.text ?? null}::text,
        case when ${record.action}::text = 'approve'
          then (select text from ${drafts} where ticket_id = ${ticketId} and revision = ${revision}::int) end) as text),
    decided as (
      insert into ${decisions} (ticket_id, action, revision, actor_channel, actor_id, actor_name, text, decided_at)
      select live.id, ${record.action}::text, ${revision}::int, ${actor.channel}::text, ${actor.id}::text,
             ${record.actor.name ?? null}::text, reply.text, ${record.decidedAt}::timestamptz
        from live, reply
      on conflict do nothing
      returning ticket_id),
    edited as (
      -- The seller rewrote the text, not the offer: the coupon of the draft they edited goes with it.
      insert into ${drafts} (ticket_id, revision, language, text, source, coupon)
      select d.ticket_id, ${revision}::int, last.language, reply.text, 'edit', last.coupon
        from decided d, reply,
             lateral (select language, coupon from ${drafts}
                       where ticket_id = ${ticketId} order by revision desc limit 1) last
       where ${record.action}::text = 'edit' and reply.text is not null
      on conflict do nothing),
    updated as (
      update ${tickets} set
        status = ${status}::text,
        decided_by = ${JSON.stringify(actor)}::jsonb,
        decided_at = ${record.decidedAt}::timestamptz,
        current_revision = ${revision}::int,
        final_text = coalesce((select text from reply), final_text),
        updated_at = now()
       -- A ticket closed by an erasure stays closed (and keeps no reply text).
       where id in (select ticket_id from decided) and erased_at is null),
    evented as (
      insert into ${ticketEvents} (ticket_id, kind, details, dedupe_key)
      select ticket_id, 'decision', ${JSON.stringify(eventDetails)}::jsonb, 'decision' from decided
      on conflict do nothing),
    audited as (
      insert into ${auditLog} (shop_id, kind, actor, ticket_id, details, dedupe_key)
      select shop_id, ${audit?.kind ?? null}::text, ${auditActor ? JSON.stringify(auditActor) : null}::jsonb, id,
             ${audit ? JSON.stringify(audit.details) : null}::jsonb, ${audit?.dedupeKey ?? null}::text
        from ${tickets} where id = ${ticketId} and ${audit !== undefined}::boolean
      on conflict do nothing)
    select (select min(at) from ${ticketEvents}
             where ticket_id = ${ticketId} and kind = 'approval_requested') as requested_at`);
  const at = rowsOf<{ requested_at: Date | string | null }>(result)[0]?.requested_at;
  return at ? { requestedAt: new Date(at) } : {};
}

/**
 * A ticket with its accepted decision (null before one) and the coupon of the decided revision's
 * draft, one query; null when the ticket is gone.
 */
export async function getTicketWithDecision(db: Db, ticketId: string) {
  const [row] = await preparedOn(db, 'ticket_with_decision', (d) =>
    d
      .select({ ticket: tickets, decision: decisions, sentCoupon: drafts.coupon })
      .from(tickets)
      .leftJoin(decisions, eq(decisions.ticketId, tickets.id))
      .leftJoin(drafts, and(eq(drafts.ticketId, tickets.id), eq(drafts.revision, decisions.revision)))
      .where(eq(tickets.id, sql.placeholder('id')))
      .limit(1)
      .prepare('ticket_with_decision'),
  ).execute({ id: ticketId });
  return row ?? null;
}

/** The accepted decision of a ticket, if any. */
export async function getDecision(db: Db, ticketId: string) {
  const [row] = await db.select().from(decisions).where(eq(decisions.ticketId, ticketId)).limit(1);
  return row ?? null;
}

/** Appends a timeline event; with a dedupe key, a replayed activity adds it once. */
export async function addTicketEvent(
  db: Db,
  ticketId: string,
  kind: string,
  details: Record<string, unknown>,
  dedupeKey?: string,
): Promise<void> {
  await db
    .insert(ticketEvents)
    .values({ ticketId, kind, details, dedupeKey: dedupeKey ?? null })
    .onConflictDoNothing();
}

/** Sets a ticket's final status after delivery (sent) without touching the decision. */
export async function setTicketStatus(db: Db, ticketId: string, status: TicketStatus): Promise<void> {
  await db.update(tickets).set({ status, updatedAt: new Date() }).where(eq(tickets.id, ticketId));
}

/** When the shop's newest buyer message arrived; null before the first (diagnostics). */
export async function lastBuyerMessageAt(db: Db, shopId: string): Promise<Date | null> {
  const [last] = await db
    .select({ at: buyerMessages.receivedAt })
    .from(buyerMessages)
    .where(eq(buyerMessages.shopId, shopId))
    .orderBy(desc(buyerMessages.receivedAt))
    .limit(1);
  return last?.at ?? null;
}
