import { and, desc, eq, sql } from 'drizzle-orm';
import type { Category, DecisionAction, Language } from '../domain/types.js';
import type { Db } from './client.js';
import { decisions, shopFlags, tickets } from './schema/index.js';

/** How many recent human decisions the auto-send gate reads (its trust window is within them). */
export const AUTO_SEND_HISTORY = 200;

/** Whether the shop paused auto-send (`/pause` in Telegram, the API). */
export async function autoSendPaused(db: Db, shopId: string): Promise<boolean> {
  const [flags] = await db.select().from(shopFlags).where(eq(shopFlags.shopId, shopId)).limit(1);
  return flags?.autoSendPaused ?? false;
}

/**
 * The latest human decisions (newest first) on the shop's buyer tickets of one category and
 * language: the trust the auto-send gate earns from. System decisions (auto-sends) do not count.
 */
export async function recentHumanDecisions(
  db: Db,
  scope: { shopId: string; category: Category; language: Language },
  limit = AUTO_SEND_HISTORY,
): Promise<DecisionAction[]> {
  const history = await db
    .select({ action: decisions.action })
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
  return history.map((h: { action: DecisionAction }) => h.action);
}

/** Records on the ticket which rule of the auto-send gate allowed or blocked it. */
export async function recordAutoSendRule(db: Db, ticketId: string, rule: string): Promise<void> {
  await db.update(tickets).set({ autoSendRule: rule }).where(eq(tickets.id, ticketId));
}
