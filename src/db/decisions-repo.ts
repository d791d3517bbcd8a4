import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from './client.js';
import { replyEdits, tickets } from './schema/index.js';

/** The stored text of a seller's edit (`reply_edits`) of a ticket's reply. */
export async function editedReplyText(db: Db, ticketId: string, editId: number): Promise<string | undefined> {
  const [edit] = await db
    .select({ text: replyEdits.text })
    .from(replyEdits)
    .where(and(eq(replyEdits.id, editId), eq(replyEdits.ticketId, ticketId)))
    .limit(1);
  return edit?.text;
}

/** Sets a ticket still being drafted or waiting for approval to `escalated` (a decided one stays). */
export async function markTicketEscalated(db: Db, ticketId: string): Promise<void> {
  await db
    .update(tickets)
    .set({ status: 'escalated', updatedAt: new Date() })
    .where(and(eq(tickets.id, ticketId), inArray(tickets.status, ['classifying', 'awaiting_approval'])));
}
