import { type Client, ScheduleAlreadyRunning, ScheduleOverlapPolicy } from '@temporalio/client';
import {
  DAILY_DIGEST_WORKFLOW,
  MONTHLY_SUMMARY_WORKFLOW,
  RETENTION_WORKFLOW,
} from '../../workflows/contracts/maintenance.js';

/** The maintenance schedules sellerdesk keeps on its task queue (UTC). */
export const SCHEDULES = [
  { id: 'sellerdesk-retention', workflowType: RETENTION_WORKFLOW, cron: '15 3 * * *' },
  { id: 'sellerdesk-daily-digest', workflowType: DAILY_DIGEST_WORKFLOW, cron: '0 8 * * *' },
  { id: 'sellerdesk-monthly-summary', workflowType: MONTHLY_SUMMARY_WORKFLOW, cron: '30 2 1 * *' },
] as const;

/** Creates the maintenance schedules if they do not exist yet (idempotent across processes). */
export async function ensureSchedules(client: Client, taskQueue: string): Promise<string[]> {
  const created: string[] = [];
  for (const schedule of SCHEDULES) {
    try {
      await client.schedule.create({
        scheduleId: `${schedule.id}-${taskQueue}`,
        spec: { cronExpressions: [schedule.cron] },
        action: {
          type: 'startWorkflow',
          workflowType: schedule.workflowType,
          taskQueue,
          workflowId: `${schedule.id}-${taskQueue}`,
        },
        policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 day' },
      });
      created.push(schedule.id);
    } catch (error) {
      if (!(error instanceof ScheduleAlreadyRunning)) throw error;
    }
  }
  return created;
}
