import { and, desc, eq, sql } from 'drizzle-orm';
import type { Category, Language, TicketStatus } from '../domain/types.js';
import type { Db } from './client.js';
import { type Draft, deliveries, drafts, shops, ticketEvents, tickets } from './schema/index.js';
import { getTicket } from './tickets-repo.js';

// Read models: a ticket as the API, the CLI and Slack's `/sellerdesk status` show it.

/** The newest draft revision of a ticket, if any. */
export async function latestDraft(db: Db, ticketId: string): Promise<Draft | null> {
  const [draft] = await db
    .select()
    .from(drafts)
    .where(eq(drafts.ticketId, ticketId))
    .orderBy(desc(drafts.revision))
    .limit(1);
  return draft ?? null;
}

/** A ticket with its current draft, delivery and timeline, as `GET /v1/tickets/:id` shows it. */
export async function getTicketView(db: Db, shopId: string, ticketId: string) {
  // One snapshot: read apart, a draft committed between the two reads showed beside a ticket row
  // that had no category yet.
  return db.transaction((tx) => readTicketView(tx as unknown as Db, shopId, ticketId), {
    isolationLevel: 'repeatable read',
    accessMode: 'read only',
  });
}

async function readTicketView(db: Db, shopId: string, ticketId: string) {
  const ticket = await getTicket(db, ticketId, shopId);
  if (!ticket) return null;
  const draft = await latestDraft(db, ticketId);
  const events = await db
    .select({ at: ticketEvents.at, kind: ticketEvents.kind, details: ticketEvents.details })
    .from(ticketEvents)
    .where(eq(ticketEvents.ticketId, ticketId))
    .orderBy(ticketEvents.id);
  const deliveryRows = await db
    .select({
      idempotencyKey: deliveries.idempotencyKey,
      state: deliveries.state,
      attempts: deliveries.attempts,
      target: deliveries.target,
      deliveredAt: deliveries.deliveredAt,
    })
    .from(deliveries)
    .where(eq(deliveries.ticketId, ticketId));
  return { ticket, draft, events, deliveries: deliveryRows };
}

/**
 * Lists a shop's tickets newest first, optionally by status, category and language (the console's
 * filters); `cursor` is the last seen ticket id.
 */
export async function listTickets(
  db: Db,
  shopId: string,
  options: {
    status?: TicketStatus | undefined;
    category?: Category | undefined;
    language?: Language | undefined;
    cursor?: string | undefined;
    limit: number;
  },
) {
  const conditions = [eq(tickets.shopId, shopId)];
  if (options.status) conditions.push(eq(tickets.status, options.status));
  if (options.category) conditions.push(eq(tickets.category, options.category));
  if (options.language) conditions.push(eq(tickets.language, options.language));
  if (options.cursor) {
    const [anchor] = await db
      .select({ createdAt: tickets.createdAt, id: tickets.id })
      .from(tickets)
      .where(and(eq(tickets.id, options.cursor), eq(tickets.shopId, shopId)))
      .limit(1);
    if (anchor) {
      conditions.push(
        sql`(${tickets.createdAt}, ${tickets.id}) < (${anchor.createdAt.toISOString()}::timestamptz, ${anchor.id})`,
      );
    }
  }
  const rows = await db
    .select()
    .from(tickets)
    .where(and(...conditions))
    .orderBy(desc(tickets.createdAt), desc(tickets.id))
    .limit(options.limit + 1);
  const page = rows.slice(0, options.limit);
  return { tickets: page, nextCursor: rows.length > options.limit ? (page.at(-1)?.id ?? null) : null };
}

/** A ticket with its shop name and newest draft, for `/sellerdesk status` and the edit modal. */
export async function getTicketWithDraft(db: Db, ticketId: string) {
  const [row] = await db
    .select({ ticket: tickets, shopName: shops.name })
    .from(tickets)
    .innerJoin(shops, eq(shops.id, tickets.shopId))
    .where(eq(tickets.id, ticketId))
    .limit(1);
  if (!row) return null;
  const draft = await latestDraft(db, ticketId);
  return { ticket: row.ticket, shopName: row.shopName, draft };
}
