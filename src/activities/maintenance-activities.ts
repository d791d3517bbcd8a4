import { and, count, eq, gte, isNotNull, lt, sql } from 'drizzle-orm';
import { recordAudit } from '../db/audit-repo.js';
import { loadErasureKeys, purgeExpired } from '../db/erasure-repo.js';
import { coupons, decisions, metering, shipments, shops, tickets } from '../db/schema/index.js';
import { getShop, listTelegramChats } from '../db/shops-repo.js';
import { effectiveSettings } from '../domain/settings.js';
import { redactCards } from './erasure-activities.js';
import type { ActivityDeps } from './index.js';

/** Store-health figures of one shop over a period. */
export interface HealthFigures {
  tickets: number;
  byCategory: Record<string, number>;
  byLanguage: Record<string, number>;
  medianApprovalMinutes: number | null;
  autoSentShare: number;
  stalledShipments: number;
  couponsGranted: number;
}

/** Computes a shop's figures between two instants (pure SQL aggregates, no buyer text). */
export async function healthFigures(
  db: ActivityDeps['db'],
  shopId: string,
  from: Date,
  to: Date,
): Promise<HealthFigures> {
  const inPeriod = and(eq(tickets.shopId, shopId), gte(tickets.createdAt, from), lt(tickets.createdAt, to));
  const byCategory = await db
    .select({ key: tickets.category, n: count() })
    .from(tickets)
    .where(inPeriod)
    .groupBy(tickets.category);
  const byLanguage = await db
    .select({ key: tickets.language, n: count() })
    .from(tickets)
    .where(inPeriod)
    .groupBy(tickets.language);
  const [median] = await db
    .select({
      minutes: sql<
        number | null
      >`percentile_cont(0.5) within group (order by extract(epoch from (${decisions.decidedAt} - ${tickets.createdAt})) / 60)`,
    })
    .from(decisions)
    .innerJoin(tickets, eq(tickets.id, decisions.ticketId))
    .where(and(inPeriod, sql`${decisions.actorChannel} <> 'system'`));
  const [auto] = await db
    .select({ n: count() })
    .from(tickets)
    .where(and(inPeriod, eq(tickets.status, 'auto_sent')));
  const [stalled] = await db
    .select({ n: count() })
    .from(shipments)
    .where(and(eq(shipments.shopId, shopId), isNotNull(shipments.stalledSince)));
  const [granted] = await db
    .select({ n: count() })
    .from(coupons)
    .where(and(eq(coupons.shopId, shopId), gte(coupons.grantedAt, from), lt(coupons.grantedAt, to)));
  const total = byCategory.reduce((sum, r) => sum + Number(r.n), 0);
  return {
    tickets: total,
    byCategory: Object.fromEntries(byCategory.map((r) => [r.key ?? 'unclassified', Number(r.n)])),
    byLanguage: Object.fromEntries(byLanguage.map((r) => [r.key ?? 'unknown', Number(r.n)])),
    medianApprovalMinutes:
      median?.minutes === null || median?.minutes === undefined ? null : Math.round(Number(median.minutes)),
    autoSentShare: total === 0 ? 0 : Number(auto?.n ?? 0) / total,
    stalledShipments: Number(stalled?.n ?? 0),
    couponsGranted: Number(granted?.n ?? 0),
  };
}

/** Activities of the scheduled maintenance workflows (retention, digest, monthly summary). */
export function createMaintenanceActivities(deps: ActivityDeps) {
  const { db } = deps;
  return {
    /** Every shop id (maintenance runs per shop). */
    async listShopIds(): Promise<string[]> {
      return (await db.select({ id: shops.id }).from(shops)).map((r) => r.id);
    },

    /**
     * Erases the buyer data of a shop's tickets that ended before its retention window (the same
     * erasure as a buyer's request, in `src/db/erasure-repo.ts`), then edits their chat cards
     * (best effort); counts stay.
     */
    async purgeExpiredBuyerTexts(input: { shopId: string; now?: string }): Promise<{ tickets: number }> {
      const shop = await getShop(db, input.shopId);
      if (!shop) return { tickets: 0 };
      const days = effectiveSettings(shop.settings).retention.buyerTextDays;
      const now = input.now ? new Date(input.now) : new Date();
      const cutoff = new Date(now.getTime() - days * 86_400_000);
      const keys = await loadErasureKeys(db, deps.erasureKeys);
      const { ticketIds, counts } = await purgeExpired(db, { shopId: input.shopId, cutoff, keys });
      if (ticketIds.length === 0) return { tickets: 0 };
      await recordAudit(db, {
        shopId: input.shopId,
        kind: 'buyer_erased',
        actor: { channel: 'system', id: 'retention' },
        details: { reason: 'retention', days, counts },
      });
      const cards = await redactCards(deps, { shopId: input.shopId, ticketIds, reason: 'retention' });
      if (cards.failed > 0) {
        deps.logger.warn({ shopId: input.shopId, ...cards }, 'some expired tickets still show their cards');
      }
      return { tickets: ticketIds.length };
    },

    /** Sends the last 24 h of store health to the shop's linked chats. */
    async sendDailyDigest(input: { shopId: string; now?: string }): Promise<{ sent: number }> {
      const shop = await getShop(db, input.shopId);
      const telegram = deps.telegram;
      if (!shop || !telegram) return { sent: 0 };
      const to = input.now ? new Date(input.now) : new Date();
      const figures = await healthFigures(db, shop.id, new Date(to.getTime() - 86_400_000), to);
      let sent = 0;
      for (const chat of await listTelegramChats(db, shop.id)) {
        const language = chat.language ?? shop.sellerLanguage;
        const t = (key: string, options?: Record<string, unknown>) => deps.renderer.t(language, key, options);
        const list = (counts: Record<string, number>, prefix?: string) =>
          Object.entries(counts)
            .sort((a, b) => b[1] - a[1])
            .map(([k, n]) => `${prefix ? t(`${prefix}.${k}`) : k} ${n}`)
            .join(', ') || '—';
        const text = [
          t('digest.title', { shop: shop.name }),
          `${t('digest.tickets')}: ${figures.tickets}`,
          `${t('digest.by_category')}: ${list(figures.byCategory)}`,
          `${t('digest.by_language')}: ${list(figures.byLanguage)}`,
          `${t('digest.median_approval')}: ${figures.medianApprovalMinutes === null ? '—' : t('digest.minutes', { minutes: figures.medianApprovalMinutes })}`,
          `${t('digest.auto_share')}: ${Math.round(figures.autoSentShare * 100)}%`,
          `${t('digest.stalled')}: ${figures.stalledShipments}`,
          `${t('digest.coupons')}: ${figures.couponsGranted}`,
        ].join('\n');
        await telegram.sendCard(chat.chatId, text, null);
        sent++;
      }
      return { sent };
    },

    /** Records the previous month's figures of a shop as meters and an audit entry. */
    async recordMonthlySummary(input: {
      shopId: string;
      now?: string;
    }): Promise<HealthFigures & { month: string }> {
      const now = input.now ? new Date(input.now) : new Date();
      const to = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
      const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
      const month = from.toISOString().slice(0, 7);
      const figures = await healthFigures(db, input.shopId, from, to);
      await db
        .insert(metering)
        .values({ shopId: input.shopId, month, kind: 'summary_tickets', count: figures.tickets })
        .onConflictDoUpdate({
          target: [metering.shopId, metering.month, metering.kind],
          set: { count: figures.tickets },
        });
      await recordAudit(db, {
        shopId: input.shopId,
        kind: 'monthly_summary',
        actor: { channel: 'system', id: 'schedule' },
        details: { month, ...figures },
        dedupeKey: `monthly:${input.shopId}:${month}`,
      });
      return { month, ...figures };
    },
  };
}

/** The maintenance activities as workflows see them. */
export type MaintenanceActivities = ReturnType<typeof createMaintenanceActivities>;
