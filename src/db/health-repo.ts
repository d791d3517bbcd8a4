import type { Db } from './client.js';
import { type CorrectionRate, correctionRates } from './corrections-repo.js';
import {
  approvalFunnel,
  couponsGranted,
  firstResponseMinutes,
  stalledShipments,
  ticketsByCategoryLanguage,
} from './store-health-repo.js';

/** Store-health figures of one shop over a period. */
export interface HealthFigures {
  tickets: number;
  byCategory: Record<string, number>;
  byLanguage: Record<string, number>;
  medianApprovalMinutes: number | null;
  autoSentShare: number;
  stalledShipments: number;
  couponsGranted: number;
  /**
   * Per category (as classified) and language: the period's buyer tickets and how many of them
   * the seller corrected (absent in figures recorded before corrections existed).
   */
  corrections?: CorrectionRate[];
}

/**
 * Computes a shop's figures between two instants (the daily digest, the monthly summary) from the
 * store-health queries the console's dashboard and `/metrics` read too (`store-health-repo.ts`).
 */
export async function healthFigures(db: Db, shopId: string, from: Date, to: Date): Promise<HealthFigures> {
  const period = { shopId, from, to };
  const matrix = await ticketsByCategoryLanguage(db, period);
  const funnel = await approvalFunnel(db, period);
  const response = await firstResponseMinutes(db, period);
  const stalled = await stalledShipments(db, { shopId });
  const granted = await couponsGranted(db, period);
  const corrections = await correctionRates(db, period);
  const byCategory: Record<string, number> = {};
  const byLanguage: Record<string, number> = {};
  for (const row of matrix) {
    const category = row.category ?? 'unclassified';
    const language = row.language ?? 'unknown';
    byCategory[category] = (byCategory[category] ?? 0) + row.tickets;
    byLanguage[language] = (byLanguage[language] ?? 0) + row.tickets;
  }
  return {
    tickets: funnel.received,
    byCategory,
    byLanguage,
    medianApprovalMinutes: response.median,
    autoSentShare: funnel.received === 0 ? 0 : funnel.autoSent / funnel.received,
    stalledShipments: stalled.reduce((sum, r) => sum + r.shipments, 0),
    couponsGranted: granted.reduce((sum, r) => sum + r.coupons, 0),
    corrections,
  };
}
