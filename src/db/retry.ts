/**
 * Retrying an idempotent write through a short database outage (a restart, a failover, a dropped
 * connection), for the one place where failing the whole step costs more than waiting: the record
 * of something already done outside (a card posted to Telegram has no idempotency key, so a step
 * retried from the top would post it twice).
 */

/** SQLSTATE classes and codes of a connection lost or refused, not of the statement. */
const TRANSIENT_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);
const TRANSIENT_ERRNOS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTCONN',
  'EHOSTUNREACH',
]);
/** What node-postgres and its pool say when the socket went away (they set no code). */
const TRANSIENT_MESSAGES = [
  'Connection terminated',
  'connection terminated',
  'Client has encountered a connection error',
  'timeout exceeded when trying to connect',
  'the database system is starting up',
  'the database system is shutting down',
];

/** Whether an error (or one it wraps, as drizzle does) says the connection, not the statement, failed. */
export function isTransientDatabaseError(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const { code, message, cause } = current as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof code === 'string') {
      if (TRANSIENT_ERRNOS.has(code) || TRANSIENT_SQLSTATES.has(code) || code.startsWith('08')) return true;
    }
    if (typeof message === 'string' && TRANSIENT_MESSAGES.some((m) => message.includes(m))) return true;
    current = cause;
  }
  return false;
}

export interface TransientRetryOptions {
  /** Give up after this long (default 20 s, inside a local activity's 30 s). */
  withinMs?: number;
  /** First pause (default 100 ms), doubled up to `maxDelayMs` (default 2 s). */
  initialDelayMs?: number;
  maxDelayMs?: number;
  /** Injected in tests. */
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

/**
 * Runs `write` (which must be idempotent) until it succeeds, retrying with backoff only while the
 * database is unreachable, for at most `withinMs`; any other error, or the last transient one,
 * is thrown.
 */
export async function retryThroughOutage<T>(
  write: () => Promise<T>,
  options: TransientRetryOptions = {},
): Promise<T> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const deadline = now() + (options.withinMs ?? 20_000);
  let delay = options.initialDelayMs ?? 100;
  for (;;) {
    try {
      return await write();
    } catch (error) {
      if (!isTransientDatabaseError(error) || now() + delay > deadline) throw error;
      await sleep(delay);
      delay = Math.min(delay * 2, options.maxDelayMs ?? 2_000);
    }
  }
}
