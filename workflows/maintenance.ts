import { proxyActivities } from '@temporalio/workflow';
// biome-ignore lint/style/noRestrictedImports: type-only (erased when bundled), Temporal's proxyActivities pattern
import type { MaintenanceActivities } from '../src/activities/maintenance-activities.js';

const act = proxyActivities<MaintenanceActivities>({
  startToCloseTimeout: '5 minutes',
  retry: {
    initialInterval: '10 seconds',
    backoffCoefficient: 2,
    maximumInterval: '10 minutes',
    maximumAttempts: 10,
  },
});

/** Daily: erases buyer texts of tickets closed longer ago than each shop's retention (default 180 days). */
export async function retentionWorkflow(): Promise<{ shops: number; ticketsPurged: number }> {
  const shopIds = await act.listShopIds();
  let ticketsPurged = 0;
  for (const shopId of shopIds) ticketsPurged += (await act.purgeExpiredBuyerTexts({ shopId })).tickets;
  return { shops: shopIds.length, ticketsPurged };
}

/** Daily: sends each shop's store-health digest of the last 24 h to its linked Telegram chats. */
export async function dailyDigestWorkflow(): Promise<{ shops: number; sent: number }> {
  const shopIds = await act.listShopIds();
  let sent = 0;
  for (const shopId of shopIds) sent += (await act.sendDailyDigest({ shopId })).sent;
  return { shops: shopIds.length, sent };
}

/** Monthly: records each shop's summary of the previous month (tickets, auto-sent, API calls, coupons). */
export async function monthlySummaryWorkflow(): Promise<{ shops: number }> {
  const shopIds = await act.listShopIds();
  for (const shopId of shopIds) await act.recordMonthlySummary({ shopId });
  return { shops: shopIds.length };
}
