import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from './client.js';
import { newId } from './ids.js';
import { findOpenBuyerTicket } from './open-tickets.js';
import { buyerMessages, intakeOutbox, ticketEvents, tickets } from './schema/index.js';

/**
 * The stored buyer message an intake row stands for, with the ticket it is on now (one round
 * trip); null when it was erased.
 */
export async function findIntakeMessage(db: Db, shopId: string, messageId: string) {
  const [found] = await db
    .select({ message: buyerMessages, ticket: tickets })
    .from(buyerMessages)
    .innerJoin(tickets, eq(tickets.id, buyerMessages.ticketId))
    .where(and(eq(buyerMessages.shopId, shopId), eq(buyerMessages.messageId, messageId)))
    .limit(1);
  return found ?? null;
}

/** Thrown inside the intake transaction when the stored backlog reached its bound (HTTP 503). */
export class IntakeBacklogFullError extends Error {
  readonly code = 'intake_backlog_full';
  constructor(readonly limit: number) {
    super(`intake backlog reached its bound of ${limit} stored messages`);
  }
}

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** The rows of a raw `db.execute` result (node-postgres and PGlite alike). */
export function rowsOf<T>(result: unknown): T[] {
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

/** Messages waiting in the outbox, for metrics and the bench. */
export async function backlogSize(db: Tx | Db): Promise<number> {
  const result = await db.execute(sql`select count(*)::int as n from ${intakeOutbox}`);
  return rowsOf<{ n: number }>(result)[0]?.n ?? 0;
}

/**
 * Queues a stored message for its ticket workflow, in the caller's transaction. Its rank is the
 * number of messages its shop already has waiting, so the drainer serves shops round-robin.
 */
export async function enqueueIntake(
  tx: Tx,
  row: { shopId: string; ticketId: string; messageId: string },
): Promise<void> {
  await tx.execute(sql`
    insert into ${intakeOutbox} (shop_id, ticket_id, message_id, shop_rank)
    select ${row.shopId}, ${row.ticketId}, ${row.messageId}, count(*)::int
      from ${intakeOutbox} where shop_id = ${row.shopId}`);
}

/** A claimed outbox row: the drainer owns it until `leaseUntil`. */
export interface ClaimedIntake {
  id: number;
  shopId: string;
  ticketId: string;
  messageId: string;
  attempts: number;
  /**
   * The ticket the message was on when the row was claimed (null: the message was erased), read
   * in the claiming statement; absent, the dispatch reads it.
   */
  currentTicketId?: string | null;
  /**
   * The claim turned the ticket from `queued` to `classifying`: no workflow has run for it yet,
   * so this message may start it (with the message as its input) instead of signalling it.
   */
  fresh?: boolean;
}

/** What one claim found: the rows it took and the room the admission window had. */
export interface IntakeClaim {
  claimed: ClaimedIntake[];
  /** How many rows the claim could take (its limit, bounded by the window when one is given). */
  room: number;
}

/**
 * Claims up to `limit` rows for `leaseMs`: only the oldest waiting row of each ticket (order per
 * ticket), shops round-robin by rank, rows other drainers hold skipped (`FOR UPDATE SKIP LOCKED`),
 * and (with `perShop`) none of a shop that already has that many tickets in intake, so one shop's
 * burst never fills the whole window. Their queued tickets turn `classifying` in the same
 * statement. With `perShop.window`, the claim also takes no more than the window's free room
 * (tickets started and not drafted yet, in every process), and says how much room it found.
 * One statement: a drainer polls with it.
 */
export async function claimIntakeWithin(
  db: Db,
  limit: number,
  leaseMs: number,
  perShop?: { cap: number; withinMs: number; window?: number },
  /** Rows whose dispatch finished: removed in the same statement (none are claimed again). */
  done: readonly number[] = [],
): Promise<IntakeClaim> {
  if (limit <= 0) {
    // No room in this process: the finished rows still go.
    await completeIntakeRows(db, done);
    return { claimed: [], room: 0 };
  }
  const doneIds = sql`${`{${done.map((id) => Math.trunc(id)).join(',')}}`}::bigint[]`;
  const free = sql`(c.lease_until is null or c.lease_until < now())
            and c.id <> all(${doneIds})
            and not exists (
              select 1 from ${intakeOutbox} p
               where p.ticket_id = c.ticket_id and p.id < c.id and p.id <> all(${doneIds}))`;
  const room =
    perShop?.window !== undefined
      ? sql`(select least(${limit}::int, greatest(0, ${perShop.window}::int - coalesce(sum(n), 0)::int)) from busy)`
      : sql`${limit}::int`;
  // Without a cap: the first free rows by rank. With one: among the first 2,000 free rows, the
  // k-th row of a shop is taken only while (its tickets in intake) + k stays within the cap.
  const pick = perShop
    ? sql`
        busy as (
          select shop_id, count(*)::int as n from ${tickets}
           where status = 'classifying'
             and updated_at > now() - (${perShop.withinMs} * interval '1 millisecond')
           group by shop_id),
        head as (
          select c.id, c.shop_id, c.shop_rank from ${intakeOutbox} c
           where ${free} order by c.shop_rank, c.id limit 2000),
        ranked as (
          select h.id, h.shop_rank,
                 row_number() over (partition by h.shop_id order by h.shop_rank, h.id) as k,
                 coalesce(b.n, 0) as n
            from head h left join busy b on b.shop_id = h.shop_id),
        picked as (
          select x.id from ${intakeOutbox} x join ranked r on r.id = x.id
           where r.n + r.k <= ${perShop.cap}
             and (x.lease_until is null or x.lease_until < now())
           order by x.shop_rank, x.id
           limit ${room}
           for update of x skip locked)`
    : sql`
        picked as (
          select c.id from ${intakeOutbox} c
           where ${free}
           order by c.shop_rank, c.id
           limit ${limit}
           for update skip locked)`;
  const result = await db.execute(sql`
    with removed as (delete from ${intakeOutbox} where id = any(${doneIds})),
    ${pick},
    claimed as (
      update ${intakeOutbox} o
         set lease_until = now() + (${leaseMs} * interval '1 millisecond'), attempts = o.attempts + 1
       where o.id in (select id from picked)
      returning o.id, o.shop_id, o.ticket_id, o.message_id, o.attempts),
    started as (
      update ${tickets} set status = 'classifying', updated_at = now()
       where status = 'queued' and id in (select ticket_id from claimed)
      returning id)
    select ${room} as room,
           coalesce((select json_agg(json_build_object(
                              'id', c.id, 'shop_id', c.shop_id, 'ticket_id', c.ticket_id,
                              'message_id', c.message_id, 'attempts', c.attempts,
                              'current_ticket_id', m.ticket_id,
                              'fresh', c.ticket_id in (select id from started)))
                       from claimed c
                       left join ${buyerMessages} m on m.shop_id = c.shop_id and m.message_id = c.message_id),
                    '[]'::json) as claimed`);
  const [row] = rowsOf<{ room: number; claimed: unknown }>(result);
  const raw = (typeof row?.claimed === 'string' ? JSON.parse(row.claimed) : (row?.claimed ?? [])) as Array<{
    id: number | string;
    shop_id: string;
    ticket_id: string;
    message_id: string;
    attempts: number;
    current_ticket_id: string | null;
    fresh: boolean;
  }>;
  const claimed = raw
    .map((r) => ({
      id: Number(r.id),
      shopId: r.shop_id,
      ticketId: r.ticket_id,
      messageId: r.message_id,
      attempts: r.attempts,
      currentTicketId: r.current_ticket_id ?? null,
      fresh: r.fresh === true,
    }))
    .sort((a, b) => a.id - b.id);
  return { claimed, room: Number(row?.room ?? 0) };
}

/** {@link claimIntakeWithin} without a window: the rows claimed. */
export async function claimIntake(
  db: Db,
  limit: number,
  leaseMs: number,
  perShop?: { cap: number; withinMs: number },
): Promise<ClaimedIntake[]> {
  return (await claimIntakeWithin(db, limit, leaseMs, perShop)).claimed;
}

/** Removes rows Temporal took (a drainer's last batch when it stops). */
export async function completeIntakeRows(db: Db, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  await db.delete(intakeOutbox).where(inArray(intakeOutbox.id, [...ids]));
}

/** Removes a row Temporal took (or that has nothing left to deliver). */
export async function completeIntake(db: Db, id: number): Promise<void> {
  await db.delete(intakeOutbox).where(eq(intakeOutbox.id, id));
}

/** Gives a row back after a failed dispatch; it becomes claimable again after `retryInMs`. */
export async function releaseIntake(db: Db, id: number, retryInMs: number, error: string): Promise<void> {
  await db
    .update(intakeOutbox)
    .set({
      leaseUntil: sql`now() + (${retryInMs} * interval '1 millisecond')`,
      lastError: error.slice(0, 500),
    })
    .where(eq(intakeOutbox.id, id));
}

/**
 * Moves a message whose ticket closed before the message reached it to the open ticket of the
 * same order and buyer (or a new queued one), and queues it there; the old row goes in the same
 * transaction. Returns the ticket it now belongs to.
 */
export async function rehomeIntake(db: Db, row: ClaimedIntake): Promise<string | null> {
  return db.transaction(async (tx) => {
    const [old] = await tx.select().from(tickets).where(eq(tickets.id, row.ticketId)).limit(1);
    if (!old) {
      await tx.delete(intakeOutbox).where(eq(intakeOutbox.id, row.id));
      return null;
    }
    const open = await findOpenBuyerTicket(tx, old);
    let ticketId = open?.id;
    if (!ticketId) {
      ticketId = newId('tkt');
      await tx.insert(tickets).values({
        id: ticketId,
        shopId: old.shopId,
        orderId: old.orderId,
        buyerId: old.buyerId,
        buyerName: old.buyerName,
        status: 'queued',
        order: old.order,
        dispute: old.dispute,
      });
    }
    await tx
      .update(buyerMessages)
      .set({ ticketId })
      .where(and(eq(buyerMessages.shopId, row.shopId), eq(buyerMessages.messageId, row.messageId)));
    await tx.insert(ticketEvents).values({
      ticketId: old.id,
      kind: 'spun_off',
      details: { to: ticketId, messages: 1 },
    });
    await tx.delete(intakeOutbox).where(eq(intakeOutbox.id, row.id));
    await enqueueIntake(tx, { shopId: row.shopId, ticketId, messageId: row.messageId });
    return ticketId;
  });
}
