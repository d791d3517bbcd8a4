import { and, desc, eq } from 'drizzle-orm';
import type { Actor } from '../domain/types.js';
import type { Db } from './client.js';
import { ticketEvents } from './schema/index.js';

/** The details of a system ticket's `system_opened` event (its preset among them). */
export async function systemOpenedDetails(
  db: Db,
  ticketId: string,
): Promise<Record<string, unknown> | undefined> {
  const [event] = await db
    .select({ details: ticketEvents.details })
    .from(ticketEvents)
    .where(and(eq(ticketEvents.ticketId, ticketId), eq(ticketEvents.kind, 'system_opened')))
    .limit(1);
  return event?.details;
}

/**
 * Who escalated the ticket and when, from its latest `escalated` timeline event (absent: unknown);
 * `at` falls back to when the event was written.
 */
export async function lastEscalation(
  db: Db,
  ticketId: string,
): Promise<{ actor: Actor; at: Date } | undefined> {
  const [event] = await db
    .select({ details: ticketEvents.details, at: ticketEvents.at })
    .from(ticketEvents)
    .where(and(eq(ticketEvents.ticketId, ticketId), eq(ticketEvents.kind, 'escalated')))
    .orderBy(desc(ticketEvents.id))
    .limit(1);
  const actor = event?.details.actor as Partial<Actor> | undefined;
  if (!event || !actor || typeof actor.id !== 'string' || typeof actor.channel !== 'string') return undefined;
  const stated = typeof event.details.at === 'string' ? new Date(event.details.at) : undefined;
  return {
    actor: {
      channel: actor.channel,
      id: actor.id,
      ...(typeof actor.name === 'string' ? { name: actor.name } : {}),
    },
    at: stated && !Number.isNaN(stated.getTime()) ? stated : event.at,
  };
}

/** Whether the ticket has an event with this dedupe key (the step that writes it is done). */
export async function hasTicketEvent(db: Db, ticketId: string, dedupeKey: string): Promise<boolean> {
  const [seen] = await db
    .select({ id: ticketEvents.id })
    .from(ticketEvents)
    .where(and(eq(ticketEvents.ticketId, ticketId), eq(ticketEvents.dedupeKey, dedupeKey)))
    .limit(1);
  return seen !== undefined;
}
