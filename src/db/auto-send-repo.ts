import { and, desc, eq, sql } from 'drizzle-orm';
import type { TrustEntry } from '../domain/shop/plans.js';
import type { Category, DecisionAction, Language } from '../domain/types.js';
import type { Db } from './client.js';
import { correctionsAway } from './corrections-repo.js';
import { decisions, shopFlags, ticketEvents, tickets } from './schema/index.js';

/** How many recent human decisions the auto-send gate reads (its trust window is within them). */
export const AUTO_SEND_HISTORY = 200;

/** Whether the shop paused auto-send (`/pause` in Telegram, the API). */
export async function autoSendPaused(db: Db, shopId: string): Promise<boolean> {
  const [flags] = await db.select().from(shopFlags).where(eq(shopFlags.shopId, shopId)).limit(1);
  return flags?.autoSendPaused ?? false;
}

/**
 * The latest human verdicts (newest first) on the shop's buyer tickets of one category and
 * language: the trust the auto-send gate earns from. Decisions count (system ones, auto-sends, do
 * not), and so does every category correction away from this category (`correct`): the classifier
 * put a ticket here that did not belong, which is what an auto-send in this category would risk.
 */
export async function recentHumanDecisions(
  db: Db,
  scope: { shopId: string; category: Category; language: Language },
  limit = AUTO_SEND_HISTORY,
): Promise<TrustEntry[]> {
  const history = await db
    .select({ action: decisions.action, at: decisions.decidedAt })
    .from(decisions)
    .innerJoin(tickets, eq(tickets.id, decisions.ticketId))
    .where(
      and(
        eq(tickets.shopId, scope.shopId),
        eq(tickets.category, scope.category),
        eq(tickets.language, scope.language),
        eq(tickets.origin, 'buyer'),
        sql`${decisions.actorChannel} <> 'system'`,
      ),
    )
    .orderBy(desc(decisions.decidedAt))
    .limit(limit);
  const corrections = await correctionsAway(db, scope, limit);
  const entries: Array<{ entry: TrustEntry; at: number }> = [
    ...history.map((h: { action: DecisionAction; at: Date }) => ({ entry: h.action, at: h.at.getTime() })),
    ...corrections.map((at) => ({ entry: 'correct' as const, at: at.getTime() })),
  ];
  return entries
    .sort((a, b) => b.at - a.at)
    .slice(0, limit)
    .map((e) => e.entry);
}

/**
 * Records on the ticket which rule of the auto-send gate allowed or blocked it, with its
 * `auto_send_checked` event (once per dedupe key), in one statement.
 */
export async function recordAutoSendCheck(
  db: Db,
  ticketId: string,
  verdict: { allowed: boolean; rule: string },
  dedupeKey: string,
): Promise<void> {
  await db.execute(sql`
    with ruled as (
      update ${tickets} set auto_send_rule = ${verdict.rule}::text where id = ${ticketId} returning id)
    insert into ${ticketEvents} (ticket_id, kind, details, dedupe_key)
    select id, 'auto_send_checked', ${JSON.stringify({ ...verdict })}::jsonb, ${dedupeKey}::text from ruled
    on conflict do nothing`);
}
