import { and, eq, sql } from 'drizzle-orm';
import type { Db } from './client.js';
import { type DeliveryPayload, deliveries, tickets } from './schema/index.js';

// Deliveries: one row per idempotency key `(ticketId, revision)`, its attempts and final state,
// mirrored on the ticket's `deliveryState`.

/** Creates the delivery row for an idempotency key, or returns the existing one. */
export async function ensureDelivery(
  db: Db,
  input: { ticketId: string; revision: number; target: 'log' | 'http'; payload: DeliveryPayload },
) {
  await db
    .insert(deliveries)
    .values({
      idempotencyKey: input.payload.idempotencyKey,
      ticketId: input.ticketId,
      revision: input.revision,
      target: input.target,
      state: 'pending',
      payload: input.payload,
    })
    .onConflictDoNothing();
  await db
    .update(tickets)
    .set({ deliveryState: 'pending' })
    .where(and(eq(tickets.id, input.ticketId), sql`${tickets.deliveryState} is distinct from 'delivered'`));
  const [row] = await db
    .select()
    .from(deliveries)
    .where(eq(deliveries.idempotencyKey, input.payload.idempotencyKey))
    .limit(1);
  return row!;
}

/** Counts one delivery attempt and its error, if it failed. */
export async function recordDeliveryAttempt(db: Db, key: string, error?: string): Promise<void> {
  await db
    .update(deliveries)
    .set({ attempts: sql`${deliveries.attempts} + 1`, lastError: error ?? null })
    .where(eq(deliveries.idempotencyKey, key));
}

/** Marks a delivery done; the ticket shows `deliveryState: delivered`. */
export async function markDelivered(db: Db, key: string, ticketId: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .update(deliveries)
      .set({ state: 'delivered', deliveredAt: new Date(), lastError: null })
      .where(and(eq(deliveries.idempotencyKey, key), sql`${deliveries.state} <> 'delivered'`));
    await tx
      .update(tickets)
      .set({ deliveryState: 'delivered', updatedAt: new Date() })
      .where(eq(tickets.id, ticketId));
  });
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
