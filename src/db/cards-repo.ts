import { and, eq, sql } from 'drizzle-orm';
import type { Db } from './client.js';
import { preparedOn } from './prepared.js';
import { approvalCards, ticketEvents } from './schema/index.js';

// Approval cards: the chat messages (Telegram, Slack) that show a ticket's draft with its buttons,
// one row per posted message, closed once edited to the outcome.

/** The `approval_cards.channel` value of Slack cards (chatId = channel id, messageId = ts). */
export const SLACK_CARD_CHANNEL = 'slack';

/** Approval cards of a ticket that are still open (not yet edited to an outcome). */
export async function listOpenCards(db: Db, ticketId: string) {
  return preparedOn(db, 'open_cards', (d) =>
    d
      .select()
      .from(approvalCards)
      .where(and(eq(approvalCards.ticketId, sql.placeholder('ticketId')), eq(approvalCards.closed, 0)))
      .prepare('open_cards'),
  ).execute({ ticketId });
}

/** Every approval card of a ticket (open and closed), one query for steps that need both views. */
export async function listCards(db: Db, ticketId: string) {
  return preparedOn(db, 'cards', (d) =>
    d
      .select()
      .from(approvalCards)
      .where(eq(approvalCards.ticketId, sql.placeholder('ticketId')))
      .prepare('cards'),
  ).execute({ ticketId });
}

/** Remembers a posted card; given an event, the ticket's timeline gets it in the same statement. */
export async function saveCard(
  db: Db,
  card: { ticketId: string; revision: number; channel: string; chatId: string; messageId: string },
  event?: { kind: string; details: Record<string, unknown>; dedupeKey: string },
): Promise<void> {
  if (!event) {
    await db.insert(approvalCards).values(card).onConflictDoNothing();
    return;
  }
  await db.execute(sql`
    with saved as (
      insert into ${approvalCards} (ticket_id, revision, channel, chat_id, message_id)
      values (${card.ticketId}::text, ${card.revision}::int, ${card.channel}::text, ${card.chatId}::text,
              ${card.messageId}::text)
      on conflict do nothing)
    insert into ${ticketEvents} (ticket_id, kind, details, dedupe_key)
    values (${card.ticketId}::text, ${event.kind}::text, ${JSON.stringify(event.details)}::jsonb, ${event.dedupeKey}::text)
    on conflict do nothing`);
}

/** Marks a card as edited to its final state. */
export async function closeCard(db: Db, id: number): Promise<void> {
  await db.update(approvalCards).set({ closed: 1 }).where(eq(approvalCards.id, id));
}

/** The Slack cards of a ticket, oldest revision first; `openOnly` leaves out edited-to-outcome ones. */
export async function listSlackCards(db: Db, ticketId: string, options: { openOnly?: boolean } = {}) {
  return db
    .select()
    .from(approvalCards)
    .where(
      and(
        eq(approvalCards.ticketId, ticketId),
        eq(approvalCards.channel, SLACK_CARD_CHANNEL),
        ...(options.openOnly ? [eq(approvalCards.closed, 0)] : []),
      ),
    )
    .orderBy(approvalCards.revision, approvalCards.id);
}
