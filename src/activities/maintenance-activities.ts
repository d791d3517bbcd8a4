import { recordAudit } from '../db/audit-repo.js';
import type { ErasureKeyConfig } from '../db/erasure-keys.js';
import { loadErasureKeys } from '../db/erasure-keys.js';
import { purgeExpired } from '../db/erasure-repo.js';
import { type HealthFigures, healthFigures } from '../db/health-repo.js';
import { getShop, listShopIds, listTelegramChats } from '../db/shops-repo.js';
import { setMeter } from '../db/usage-repo.js';
import { effectiveSettings } from '../domain/shop/settings.js';
import { type ErasureActivityDeps, redactCards } from './erasure-activities.js';

/** What the maintenance activities need: the card redaction's ports and the erasure keys. */
export type MaintenanceActivityDeps = ErasureActivityDeps & {
  /** ERASURE_KEY(_PREVIOUS) for the retention schedule's pseudonyms; unset: the database-held key. */
  erasureKeys?: ErasureKeyConfig | undefined;
};

/** Activities of the scheduled maintenance workflows (retention, digest, monthly summary). */
export function createMaintenanceActivities(deps: MaintenanceActivityDeps) {
  const { db } = deps;
  return {
    /** Every shop id (maintenance runs per shop). */
    async listShopIds(): Promise<string[]> {
      return listShopIds(db);
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
      const approvals = deps.approvals;
      if (!shop || !approvals) return { sent: 0 };
      const to = input.now ? new Date(input.now) : new Date();
      const figures = await healthFigures(db, shop.id, new Date(to.getTime() - 86_400_000), to);
      let sent = 0;
      for (const chat of await listTelegramChats(db, shop.id)) {
        const language = chat.language ?? shop.sellerLanguage;
        await approvals.sendDigest({ chatId: chat.chatId, language }, { shopName: shop.name, figures });
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
      await setMeter(db, input.shopId, month, 'summary_tickets', figures.tickets);
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

export type { HealthFigures };

/** The maintenance activities as workflows see them. */
export type MaintenanceActivities = ReturnType<typeof createMaintenanceActivities>;
