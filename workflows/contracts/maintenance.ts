/**
 * The maintenance workflows' contract: their workflow types, which the schedules start (no input,
 * no signals). Clients import this module, never `workflows/maintenance.ts`.
 */

/** Daily: erases buyer data of tickets past each shop's retention window. */
export const RETENTION_WORKFLOW = 'retentionWorkflow';
/** Daily: each shop's store-health digest to its linked Telegram chats. */
export const DAILY_DIGEST_WORKFLOW = 'dailyDigestWorkflow';
/** Monthly: each shop's summary of the previous month. */
export const MONTHLY_SUMMARY_WORKFLOW = 'monthlySummaryWorkflow';
