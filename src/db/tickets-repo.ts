import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Sentiment } from '../domain/message/urgency.js';
import type { Category, DecisionAction, Language, TicketStatus, Urgency } from '../domain/types.js';
import type { Db } from './client.js';
import { newId } from './ids.js';
import { IntakeBacklogFullError, rowsOf } from './intake-repo.js';
import { OPEN_STATUSES } from './open-tickets.js';
import {
  buyerMessages,
  type DisputeFacts,
  decisions,
  drafts,
  type OrderFacts,
  replyEdits,
  type Ticket,
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
  const [row] = await db
    .select()
    .from(tickets)
    .where(shopId ? and(eq(tickets.id, ticketId), eq(tickets.shopId, shopId)) : eq(tickets.id, ticketId))
    .limit(1);
  return row ?? null;
}

/** The redacted buyer messages of a ticket, oldest first. */
export async function listTicketMessages(db: Db, ticketId: string) {
  return db
    .select()
    .from(buyerMessages)
    .where(eq(buyerMessages.ticketId, ticketId))
    .orderBy(buyerMessages.receivedAt, buyerMessages.id);
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

// An activity still running when its buyer was erased must not write their text back. The share
// lock orders this write against the erasure, which locks the ticket rows first.
async function isErased(tx: Pick<Db, 'select'>, ticketId: string): Promise<boolean> {
  const [row] = await tx
    .select({ erasedAt: tickets.erasedAt })
    .from(tickets)
    .where(eq(tickets.id, ticketId))
    .for('share')
    .limit(1);
  return Boolean(row?.erasedAt);
}

/** Stores a draft revision and moves the ticket to `awaiting_approval`; a replay is a no-op. */
export async function recordDraft(db: Db, record: DraftRecord): Promise<void> {
  await db.transaction(async (tx) => {
    if (await isErased(tx, record.ticketId)) return;
    const inserted = await tx
      .insert(drafts)
      .values({
        ticketId: record.ticketId,
        revision: record.revision,
        language: record.language,
        text: record.text,
        source: record.source,
        templateId: record.templateId ?? null,
        templateVersion: record.templateVersion ?? null,
        note: record.note ?? null,
        coupon: record.coupon ?? null,
      })
      .onConflictDoNothing()
      .returning({ id: drafts.id });
    if (inserted.length === 0) return;
    await tx
      .update(tickets)
      .set({
        // An escalated ticket stays with the team while it is re-drafted.
        status: sql`case when ${tickets.status} = 'escalated' then 'escalated' else 'awaiting_approval' end`,
        language: record.language,
        languageConfidence: record.languageConfidence,
        category: record.category,
        confidence: record.confidence,
        urgency: record.urgency,
        ...(record.sentiment ? { sentiment: record.sentiment } : {}),
        abstained: record.abstained ? 1 : 0,
        currentRevision: record.revision,
        updatedAt: new Date(),
      })
      .where(and(eq(tickets.id, record.ticketId), inArray(tickets.status, OPEN_STATUSES)));
    await tx
      .insert(ticketEvents)
      .values({
        ticketId: record.ticketId,
        kind: 'drafted',
        details: {
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
        },
        dedupeKey: `draft:${record.revision}`,
      })
      .onConflictDoNothing();
  });
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

/** Stores the one decision of a ticket and its resulting status; replays are no-ops. */
export async function recordDecision(db: Db, record: DecisionRecord, status: TicketStatus): Promise<void> {
  await db.transaction(async (tx) => {
    if (await isErased(tx, record.ticketId)) return;
    const inserted = await tx
      .insert(decisions)
      .values({
        ticketId: record.ticketId,
        action: record.action,
        revision: record.revision,
        actorChannel: record.actor.channel,
        actorId: record.actor.id,
        actorName: record.actor.name ?? null,
        text: record.text ?? null,
        decidedAt: new Date(record.decidedAt),
      })
      .onConflictDoNothing()
      .returning({ id: decisions.id });
    if (inserted.length === 0) return;
    if (record.action === 'edit' && record.text !== undefined) {
      await tx
        .insert(drafts)
        .values({
          ticketId: record.ticketId,
          revision: record.revision,
          language: sql`(select language from ${drafts} where ticket_id = ${record.ticketId} order by revision desc limit 1)`,
          text: record.text,
          source: 'edit',
          // The seller rewrote the text, not the offer: the coupon of the draft they edited goes with it.
          coupon: sql`(select coupon from ${drafts} where ticket_id = ${record.ticketId} order by revision desc limit 1)`,
        })
        .onConflictDoNothing();
    }
    await tx
      .update(tickets)
      .set({
        status,
        decidedBy: {
          channel: record.actor.channel,
          id: record.actor.id,
          ...(record.actor.name ? { name: record.actor.name } : {}),
        },
        decidedAt: new Date(record.decidedAt),
        currentRevision: record.revision,
        ...(record.text !== undefined ? { finalText: record.text } : {}),
        updatedAt: new Date(),
      })
      // A ticket closed by an erasure stays closed (and keeps no reply text).
      .where(and(eq(tickets.id, record.ticketId), isNull(tickets.erasedAt)));
    await tx
      .insert(ticketEvents)
      .values({
        ticketId: record.ticketId,
        kind: 'decision',
        details: { action: record.action, revision: record.revision, actor: record.actor },
        dedupeKey: 'decision',
      })
      .onConflictDoNothing();
  });
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
