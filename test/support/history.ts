import { defaultPayloadConverter } from '@temporalio/common';
import { temporal } from '@temporalio/proto';

type HistoryEvent = temporal.api.history.v1.IHistoryEvent;

/**
 * Event types that start a persisted write of the server (one transaction each). Every other
 * event rides on one of them: `WorkflowTaskScheduled` is written with what caused it (the start,
 * a signal, an activity's completion, a timer firing, an update's speculative task); the
 * commands of a workflow task (markers of local activities, timers, activity schedules, update
 * acceptance and completion, the workflow's completion) are written with `WorkflowTaskCompleted`.
 * A signal written by signal-with-start belongs to the start.
 */
const WRITES = new Set<string>([
  'EVENT_TYPE_WORKFLOW_EXECUTION_STARTED',
  'EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED',
  'EVENT_TYPE_WORKFLOW_TASK_STARTED',
  'EVENT_TYPE_WORKFLOW_TASK_COMPLETED',
  'EVENT_TYPE_WORKFLOW_TASK_FAILED',
  'EVENT_TYPE_WORKFLOW_TASK_TIMED_OUT',
  'EVENT_TYPE_ACTIVITY_TASK_STARTED',
  'EVENT_TYPE_ACTIVITY_TASK_COMPLETED',
  'EVENT_TYPE_ACTIVITY_TASK_FAILED',
  'EVENT_TYPE_ACTIVITY_TASK_TIMED_OUT',
  'EVENT_TYPE_ACTIVITY_TASK_CANCELED',
  'EVENT_TYPE_TIMER_FIRED',
  'EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ADMITTED',
  'EVENT_TYPE_WORKFLOW_EXECUTION_CANCEL_REQUESTED',
  'EVENT_TYPE_WORKFLOW_EXECUTION_TERMINATED',
]);

/** The event type's name (`EVENT_TYPE_...`), from the enum number or the JSON form's string. */
export function eventTypeName(event: HistoryEvent | { eventType?: unknown }): string {
  const type = event.eventType;
  if (typeof type === 'string') return type;
  return temporal.api.enums.v1.EventType[type as number] ?? String(type);
}

/** Persisted state changes of a history, counted as the WRITES rule above says. */
export function persistedWrites(events: ReadonlyArray<HistoryEvent | { eventType?: unknown }>): number {
  let writes = 0;
  let previous = '';
  for (const event of events) {
    const type = eventTypeName(event);
    const withStart =
      type === 'EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED' &&
      previous === 'EVENT_TYPE_WORKFLOW_EXECUTION_STARTED';
    if (WRITES.has(type) && !withStart) writes++;
    previous = type;
  }
  return writes;
}

function isPayload(value: unknown): value is temporal.api.common.v1.IPayload {
  return (
    typeof value === 'object' &&
    value !== null &&
    'metadata' in value &&
    'data' in value &&
    (value as { data: unknown }).data instanceof Uint8Array
  );
}

/**
 * The whole history as one string: every payload (inputs, signals, updates, results, markers of
 * local activities, failures' details) decoded with the default data converter, and any other
 * bytes as UTF-8, so a search for a word finds it wherever it hides.
 */
export function readableHistory(history: temporal.api.history.v1.IHistory): string {
  const decode = (value: unknown): unknown => {
    if (isPayload(value)) {
      let decoded: unknown;
      try {
        decoded = defaultPayloadConverter.fromPayload(value);
      } catch {
        decoded = undefined;
      }
      return { decoded, raw: Buffer.from(value.data ?? new Uint8Array()).toString('utf8') };
    }
    if (value instanceof Uint8Array) return Buffer.from(value).toString('utf8');
    if (Array.isArray(value)) return value.map(decode);
    if (typeof value === 'object' && value !== null) {
      const out: Record<string, unknown> = {};
      for (const [key, inner] of Object.entries(value)) out[key] = decode(inner);
      return out;
    }
    return value;
  };
  return JSON.stringify(decode(history));
}
