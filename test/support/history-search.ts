import { type Client, WorkflowNotFoundError } from '@temporalio/client';
import { defaultPayloadConverter } from '@temporalio/common';

/** One workflow run whose history was read, and the needles found in it. */
export interface HistoryScan {
  workflowId: string;
  runId: string;
  type: string;
  events: number;
  found: string[];
}

function isPayload(value: unknown): value is { metadata: Record<string, Uint8Array>; data?: Uint8Array } {
  return (
    value !== null &&
    typeof value === 'object' &&
    'metadata' in value &&
    (value as { metadata: unknown }).metadata !== null &&
    typeof (value as { metadata: unknown }).metadata === 'object' &&
    'encoding' in ((value as { metadata: object }).metadata ?? {})
  );
}

/**
 * Everything readable in a history event, as text: payloads (inputs, signal and update
 * arguments, activity inputs and results, memos, failures' details) decoded with the default
 * converter, every other string (reasons, failure messages, identities) as is.
 */
export function readableText(value: unknown, seen = new Set<unknown>()): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value);
  if (value instanceof Uint8Array) return Buffer.from(value).toString('utf8');
  if (typeof value !== 'object' || seen.has(value)) return '';
  seen.add(value);
  if (isPayload(value)) {
    try {
      return JSON.stringify(defaultPayloadConverter.fromPayload(value));
    } catch {
      return value.data ? Buffer.from(value.data).toString('utf8') : '';
    }
  }
  const parts: string[] = [];
  for (const [key, inner] of Object.entries(value)) parts.push(key, readableText(inner, seen));
  return parts.join(' ');
}

/**
 * Fetches the history of every workflow run `query` lists (a visibility query, e.g. `TaskQueue =
 * 'tq-1'`), decodes it, and reports which `needles` (case-insensitive) each one contains. `include`
 * picks runs by type (default: all). Runs whose history was deleted are skipped.
 */
export async function searchHistories(
  client: Client,
  options: { query: string; needles: string[]; include?: (workflowType: string) => boolean },
): Promise<HistoryScan[]> {
  const scans: HistoryScan[] = [];
  const needles = options.needles.map((n) => n.toLowerCase());
  for await (const execution of client.workflow.list({ query: options.query })) {
    if (options.include && !options.include(execution.type)) continue;
    let history: Awaited<ReturnType<ReturnType<Client['workflow']['getHandle']>['fetchHistory']>>;
    try {
      history = await client.workflow.getHandle(execution.workflowId, execution.runId).fetchHistory();
    } catch (error) {
      // Deleted (an erasure removes the buyer's ticket histories): visibility may list it a while longer.
      if (error instanceof WorkflowNotFoundError || /not found/i.test((error as Error).message)) continue;
      throw error;
    }
    const text = (history.events ?? [])
      .map((event) => readableText(event))
      .join('\n')
      .toLowerCase();
    scans.push({
      workflowId: execution.workflowId,
      runId: execution.runId,
      type: execution.type,
      events: history.events?.length ?? 0,
      found: options.needles.filter((_, i) => text.includes(needles[i]!)),
    });
  }
  return scans;
}
