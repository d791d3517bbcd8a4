/**
 * Store health as the seller console's dashboard shows it and `/metrics` exports it: one read of
 * the store-health queries (`src/db/store-health-repo.ts`, which the daily digest reads too), plus
 * what only a shop has: how far each category x language is from earning auto-send, and what is
 * left of the month's coupon budget.
 */
import { autoSendPaused, recentHumanDecisions } from '../db/auto-send-repo.js';
import type { Db } from '../db/client.js';
import { couponsGrantedSince } from '../db/coupons-repo.js';
import { getShop } from '../db/shops-repo.js';
import {
  type ApprovalFunnel,
  approvalFunnel,
  type CategoryLanguageCount,
  couponsGranted,
  firstResponseMinutes,
  type HealthPeriod,
  type ListingDisputeCount,
  listingFindingsByKind,
  messagesByDay,
  notAsDescribedByListing,
  type SlaBreaches,
  slaBreaches,
  stalledShipments,
  ticketsByCategoryLanguage,
} from '../db/store-health-repo.js';
import { fromMinorUnits, remainingBudget } from '../domain/shop/coupon.js';
import type { Plan, TrustProgress } from '../domain/shop/plans.js';
import { trustProgress } from '../domain/shop/plans.js';
import { effectiveSettings } from '../domain/shop/settings.js';
import { CATEGORIES, type Category, isLanguage, type Language } from '../domain/types.js';

/** Every store-health figure of a period (one shop, or all shops for `/metrics`). */
export interface StoreHealth {
  from: string;
  to: string;
  messagesByDay: Array<{ day: string; messages: number }>;
  firstResponse: { median: number | null; byDay: Array<{ day: string; median: number; decided: number }> };
  funnel: ApprovalFunnel;
  ticketsByCategoryLanguage: CategoryLanguageCount[];
  notAsDescribedByListing: ListingDisputeCount[];
  sla: SlaBreaches;
  stalledShipments: Array<{ carrier: string; leg: string | null; shipments: number }>;
  couponsGranted: Array<{ currency: string; coupons: number; valueMinor: number }>;
  listingFindings: { validations: number; byKind: Array<{ kind: string; findings: number }> };
}

/** Reads every store-health figure of a period; sequential, so PGlite's one connection suffices. */
export async function readStoreHealth(db: Db, period: HealthPeriod): Promise<StoreHealth> {
  return {
    from: period.from.toISOString(),
    to: period.to.toISOString(),
    messagesByDay: await messagesByDay(db, period),
    firstResponse: await firstResponseMinutes(db, period),
    funnel: await approvalFunnel(db, period),
    ticketsByCategoryLanguage: await ticketsByCategoryLanguage(db, period),
    notAsDescribedByListing: await notAsDescribedByListing(db, period),
    sla: await slaBreaches(db, period),
    stalledShipments: await stalledShipments(db, period),
    couponsGranted: await couponsGranted(db, period),
    listingFindings: await listingFindingsByKind(db, period),
  };
}

/** How far one category x language of the shop is from auto-send. */
export interface TrustCell extends TrustProgress {
  category: Category;
  language: Language;
  /** The category is in `settings.autoSend.categories`. */
  enabled: boolean;
}

/** A shop's dashboard: the period's figures, auto-send trust and the coupon budget. */
export interface ShopDashboard extends StoreHealth {
  days: number;
  autoSend: { plan: Plan; paused: boolean; minConfidence: number; cells: TrustCell[] };
  couponBudget: { currency: string; monthly: number; granted: number; left: number };
}

/**
 * The dashboard of one shop over the last `days` days: the store-health figures, the trust of
 * every category x language the shop had buyer tickets in (the auto-send gate's own history and
 * rules: `recentHumanDecisions`, `trustProgress`), and this month's coupon budget as the stall
 * coupon step reads it (`couponsGrantedSince`).
 */
export async function shopDashboard(db: Db, shopId: string, days: number, now: Date): Promise<ShopDashboard> {
  const from = new Date(now.getTime() - days * 86_400_000);
  const health = await readStoreHealth(db, { shopId, from, to: now });
  const shop = await getShop(db, shopId);
  const settings = effectiveSettings(shop?.settings);
  const cells: TrustCell[] = [];
  const seen = new Set<string>();
  for (const row of health.ticketsByCategoryLanguage) {
    const category = CATEGORIES.find((c) => c === row.category);
    if (!category || !isLanguage(row.language) || seen.has(`${category}:${row.language}`)) continue;
    seen.add(`${category}:${row.language}`);
    const history = await recentHumanDecisions(db, { shopId, category, language: row.language });
    cells.push({
      category,
      language: row.language,
      enabled: settings.autoSend.categories.includes(category),
      ...trustProgress(history),
    });
  }
  cells.sort((a, b) => b.unchanged - a.unchanged || a.category.localeCompare(b.category));
  const policy = settings.coupon;
  const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const granted = fromMinorUnits(
    await couponsGrantedSince(db, shopId, policy.currency, monthStart),
    policy.currency,
  );
  return {
    ...health,
    days,
    autoSend: {
      plan: shop?.plan ?? 'free',
      paused: await autoSendPaused(db, shopId),
      minConfidence: settings.autoSend.minConfidence,
      cells,
    },
    couponBudget: {
      currency: policy.currency,
      monthly: policy.monthlyBudget,
      granted,
      left: remainingBudget(policy.monthlyBudget, granted),
    },
  };
}
