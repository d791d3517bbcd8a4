import { eq, sql } from 'drizzle-orm';
import type { Db } from './client.js';
import { rowsOf } from './intake-repo.js';
import { auditLog, type DeliveryPayload, deliveries, ticketEvents, tickets } from './schema/index.js';

// Deliveries: one row per idempotency key `(ticketId, revision)`, its attempts and final state,
// mirrored on the ticket's `deliveryState`.

/** The delivery row of an idempotency key as the delivery step reads it. */
export interface DeliveryLedgerRow {
  state: 'pending' | 'delivered' | 'failed';
  payload: DeliveryPayload;
  /** The ticket is neither erased nor closed: the reply may still go out. */
  maySend: boolean;
}

/**
 * Creates the delivery row for an idempotency key, or returns the existing one; marks the ticket's
 * delivery pending; and reads whether the ticket may still send (an erasure may have closed it
 * since the step began). One statement: it runs right before the POST.
 */
export async function ensureDelivery(
  db: Db,
  input: { ticketId: string; revision: number; target: 'log' | 'http'; payload: DeliveryPayload },
): Promise<DeliveryLedgerRow> {
  const key = input.payload.idempotencyKey;
  const result = await db.execute(sql`
    with created as (
      insert into ${deliveries} (idempotency_key, ticket_id, revision, target, state, payload)
      values (${key}::text, ${input.ticketId}::text, ${input.revision}::int, ${input.target}::text, 'pending',
              ${JSON.stringify(input.payload)}::jsonb)
      on conflict do nothing
      returning state, payload),
    pending as (
      update ${tickets} set delivery_state = 'pending'
       where id = ${input.ticketId} and delivery_state is distinct from 'delivered'),
    found as (
      select state, payload from created
      union all
      select state, payload from ${deliveries}
       where idempotency_key = ${key} and not exists (select 1 from created))
    select found.state, found.payload,
           exists (select 1 from ${tickets}
                    where id = ${input.ticketId} and erased_at is null and status <> 'closed') as may_send
      from found`);
  const [row] = rowsOf<{
    state: DeliveryLedgerRow['state'];
    payload: DeliveryPayload | string;
    may_send: boolean;
  }>(result);
  if (!row) throw new Error(`delivery row ${key} neither created nor found`);
  return {
    state: row.state,
    payload: typeof row.payload === 'string' ? (JSON.parse(row.payload) as DeliveryPayload) : row.payload,
    maySend: row.may_send,
  };
}

/** Counts one delivery attempt and its error, if it failed. */
export async function recordDeliveryAttempt(db: Db, key: string, error?: string): Promise<void> {
  await db
    .update(deliveries)
    .set({ attempts: sql`${deliveries.attempts} + 1`, lastError: error ?? null })
    .where(eq(deliveries.idempotencyKey, key));
}

/** What a successful delivery leaves on the ticket's timeline and in the audit log. */
export interface DeliveredRecord {
  event: { details: Record<string, unknown>; dedupeKey: string };
  audit: { shopId: string; details: Record<string, unknown>; dedupeKey: string };
}

/**
 * Marks a delivery done (the attempt counted); the ticket shows `deliveryState: delivered`; given
 * a record, the `delivered` event and the `reply_sent` audit entry go in the same statement.
 */
export async function markDelivered(
  db: Db,
  key: string,
  ticketId: string,
  record?: DeliveredRecord,
): Promise<void> {
  await db.execute(sql`
    with attempt as (
      update ${deliveries} set
        attempts = attempts + 1,
        last_error = null,
        delivered_at = case when state <> 'delivered' then now() else delivered_at end,
        state = 'delivered'
       where idempotency_key = ${key}
      returning ticket_id),
    shown as (
      update ${tickets} set delivery_state = 'delivered', updated_at = now() where id = ${ticketId}),
    evented as (
      insert into ${ticketEvents} (ticket_id, kind, details, dedupe_key)
      select ${ticketId}::text, 'delivered', ${record ? JSON.stringify(record.event.details) : null}::jsonb,
             ${record?.event.dedupeKey ?? null}::text
       where ${record !== undefined}::boolean
      on conflict do nothing)
    insert into ${auditLog} (shop_id, kind, actor, ticket_id, details, dedupe_key)
    select ${record?.audit.shopId ?? null}::text, 'reply_sent', ${JSON.stringify({ channel: 'system', id: 'delivery' })}::jsonb,
           ${ticketId}::text, ${record ? JSON.stringify(record.audit.details) : null}::jsonb, ${record?.audit.dedupeKey ?? null}::text
     where ${record !== undefined}::boolean
    on conflict do nothing`);
}

/** Marks a delivery as given up (non-retryable answer from the receiver). */
export async function markDeliveryFailed(
  db: Db,
  key: string,
  ticketId: string,
  error: string,
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .update(deliveries)
      .set({ state: 'failed', lastError: error })
      .where(eq(deliveries.idempotencyKey, key));
    await tx
      .update(tickets)
      .set({ deliveryState: 'failed', updatedAt: new Date() })
      .where(eq(tickets.id, ticketId));
  });
}
