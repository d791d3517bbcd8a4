import { and, eq, sql } from 'drizzle-orm';
import type { Db } from './client.js';
import { preparedOn } from './prepared.js';
import { drafts, tickets } from './schema/index.js';

/** The draft of one revision of a ticket (what the seller approves, what a card shows). */
export async function getDraft(db: Db, ticketId: string, revision: number) {
  const [draft] = await preparedOn(db, 'draft', (d) =>
    d
      .select()
      .from(drafts)
      .where(
        and(
          eq(drafts.ticketId, sql.placeholder('ticketId')),
          eq(drafts.revision, sql.placeholder('revision')),
        ),
      )
      .limit(1)
      .prepare('draft'),
  ).execute({ ticketId, revision });
  return draft;
}

/** The newest draft of a ticket up to `revision` (the draft an escalation of that revision saw). */
export async function latestDraftUpTo(db: Db, ticketId: string, revision: number) {
  const [draft] = await db.query.drafts.findMany({
    where: (d, { and: all, eq: equals, lte }) => all(equals(d.ticketId, ticketId), lte(d.revision, revision)),
    orderBy: (d, { desc }) => [desc(d.revision)],
    limit: 1,
  });
  return draft;
}

/** A ticket with the draft of one of its revisions (null when that revision has none), one query. */
export async function getTicketWithDraft(db: Db, ticketId: string, revision: number) {
  const [row] = await preparedOn(db, 'ticket_with_draft', (d) =>
    d
      .select({ ticket: tickets, draft: drafts })
      .from(tickets)
      .leftJoin(
        drafts,
        and(eq(drafts.ticketId, tickets.id), eq(drafts.revision, sql.placeholder('revision'))),
      )
      .where(eq(tickets.id, sql.placeholder('id')))
      .limit(1)
      .prepare('ticket_with_draft'),
  ).execute({ id: ticketId, revision });
  return row ?? null;
}
