import { and, eq, sql } from 'drizzle-orm';
import { DAILY_API_LIMIT, type Plan } from '../domain/shop/plans.js';
import type { Db } from './client.js';
import { apiTokens, apiUsage, metering, shopFlags, shops } from './schema/index.js';

/** UTC day (YYYY-MM-DD) and month (YYYY-MM) of an instant. */
export function utcDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}
function utcMonth(now: Date): string {
  return now.toISOString().slice(0, 7);
}

/** Seconds until the next UTC midnight, when the daily quota resets. */
export function secondsUntilReset(now: Date): number {
  const next = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
  return Math.max(1, Math.ceil((next - now.getTime()) / 1000));
}

/** The shop's daily API limit: the admin override, else its plan's default. */
export async function dailyLimit(db: Db, shopId: string): Promise<number> {
  const [row] = await db
    .select({ plan: shops.plan, override: shopFlags.dailyApiLimit })
    .from(shops)
    .leftJoin(shopFlags, eq(shopFlags.shopId, shops.id))
    .where(eq(shops.id, shopId))
    .limit(1);
  if (!row) return 0;
  return row.override ?? DAILY_API_LIMIT[row.plan as Plan];
}

/** What one authenticated API call learned: whose token it is and where the shop stands today. */
export interface AuthorizedCall {
  shopId: string;
  tokenId: string;
  scopes: string[];
  /** Calls made today including this one; 0 when the scope was missing (nothing was counted). */
  calls: number;
  /** The shop's daily limit: the admin override, else its plan's default. */
  limit: number;
}

/**
 * The guard of every shop-token request in one round trip: finds the live token by its hash and,
 * when it holds `scope`, counts the call (today's counter and the month's `api_calls` meter) and
 * reads the shop's daily limit. Null for an unknown or revoked token.
 */
export async function authorizeCall(
  db: Db,
  tokenHash: string,
  scope: string,
  now = new Date(),
): Promise<AuthorizedCall | null> {
  const result = await db.execute(sql`
    with p as (
      select t.id as token_id, t.shop_id, t.scopes, s.plan, f.daily_api_limit,
             ${scope} = any(t.scopes) as allowed
        from ${apiTokens} t
        join ${shops} s on s.id = t.shop_id
        left join ${shopFlags} f on f.shop_id = t.shop_id
       where t.token_hash = ${tokenHash} and t.revoked_at is null
       limit 1
    ), u as (
      insert into ${apiUsage} (shop_id, day, calls)
      select shop_id, ${utcDay(now)}, 1 from p where allowed
      on conflict (shop_id, day) do update set calls = ${apiUsage}.calls + 1
      returning calls
    ), m as (
      insert into ${metering} (shop_id, month, kind, count)
      select shop_id, ${utcMonth(now)}, 'api_calls', 1 from p where allowed
      on conflict (shop_id, month, kind) do update set count = ${metering}.count + 1
      returning 1
    )
    select p.token_id, p.shop_id, p.scopes, p.plan, p.daily_api_limit,
           coalesce((select calls from u), 0)::int as calls
      from p`);
  const row = (
    result as {
      rows?: Array<{
        token_id: string;
        shop_id: string;
        scopes: string[];
        plan: string;
        daily_api_limit: number | null;
        calls: number;
      }>;
    }
  ).rows?.[0];
  if (!row) return null;
  return {
    shopId: row.shop_id,
    tokenId: row.token_id,
    scopes: row.scopes,
    calls: row.calls,
    limit: row.daily_api_limit ?? DAILY_API_LIMIT[row.plan as Plan] ?? 0,
  };
}

/** Sets (or, with null, clears) the admin override of a shop's daily API limit. */
export async function setDailyApiLimit(db: Db, shopId: string, limit: number | null): Promise<void> {
  await db
    .insert(shopFlags)
    .values({ shopId, dailyApiLimit: limit })
    .onConflictDoUpdate({ target: shopFlags.shopId, set: { dailyApiLimit: limit } });
}

/** Counts one API call and returns the calls made today (including this one). */
export async function countApiCall(db: Db, shopId: string, now = new Date()): Promise<number> {
  const [row] = await db
    .insert(apiUsage)
    .values({ shopId, day: utcDay(now), calls: 1 })
    .onConflictDoUpdate({
      target: [apiUsage.shopId, apiUsage.day],
      set: { calls: sql`${apiUsage.calls} + 1` },
    })
    .returning({ calls: apiUsage.calls });
  await meter(db, shopId, 'api_calls', now);
  return row?.calls ?? 1;
}

/**
 * Takes back a call that was refused for quota: the daily counter and the monthly `api_calls`
 * meter that `countApiCall` raised are both lowered, the same way (by one, never below zero), in
 * one transaction, so refusals show up in neither today's count nor the month's.
 */
export async function uncountApiCall(db: Db, shopId: string, now = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .update(apiUsage)
      .set({ calls: sql`greatest(${apiUsage.calls} - 1, 0)` })
      .where(and(eq(apiUsage.shopId, shopId), eq(apiUsage.day, utcDay(now))));
    await unmeter(tx as unknown as Db, shopId, 'api_calls', now);
  });
}

/** Takes one back from a monthly meter (a refunded count), never below zero. */
export async function unmeter(db: Db, shopId: string, kind: string, now = new Date(), by = 1): Promise<void> {
  await db
    .update(metering)
    .set({ count: sql`greatest(${metering.count} - ${by}, 0)` })
    .where(and(eq(metering.shopId, shopId), eq(metering.month, utcMonth(now)), eq(metering.kind, kind)));
}

/** Adds one to a monthly meter (api_calls, auto_sent). */
export async function meter(db: Db, shopId: string, kind: string, now = new Date(), by = 1): Promise<void> {
  await db
    .insert(metering)
    .values({ shopId, month: utcMonth(now), kind, count: by })
    .onConflictDoUpdate({
      target: [metering.shopId, metering.month, metering.kind],
      set: { count: sql`${metering.count} + ${by}` },
    });
}

/** Sets a monthly meter of a given month to `count` (a summary recorded again overwrites itself). */
export async function setMeter(
  db: Db,
  shopId: string,
  month: string,
  kind: string,
  count: number,
): Promise<void> {
  await db
    .insert(metering)
    .values({ shopId, month, kind, count })
    .onConflictDoUpdate({ target: [metering.shopId, metering.month, metering.kind], set: { count } });
}

/** Today's calls and limit, and this month's meters, for `GET /v1/usage`. */
export async function usageSummary(db: Db, shopId: string, now = new Date()) {
  const [today] = await db
    .select({ calls: apiUsage.calls })
    .from(apiUsage)
    .where(and(eq(apiUsage.shopId, shopId), eq(apiUsage.day, utcDay(now))))
    .limit(1);
  const month = await db
    .select({ kind: metering.kind, count: metering.count })
    .from(metering)
    .where(and(eq(metering.shopId, shopId), eq(metering.month, utcMonth(now))));
  const meters = Object.fromEntries(month.map((m) => [m.kind, m.count]));
  return {
    today: {
      day: utcDay(now),
      calls: today?.calls ?? 0,
      limit: await dailyLimit(db, shopId),
      resetsInSeconds: secondsUntilReset(now),
    },
    month: { month: utcMonth(now), apiCalls: meters.api_calls ?? 0, autoSentReplies: meters.auto_sent ?? 0 },
  };
}
