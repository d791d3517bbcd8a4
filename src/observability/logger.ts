import pino, { type DestinationStream, type Logger } from 'pino';
import pinoPretty from 'pino-pretty';

/** `LOG_FORMAT`: `json` (one JSON object a line), `pretty` (coloured one-line), `auto` (pretty on a terminal). */
export const LOG_FORMATS = ['auto', 'json', 'pretty'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

/**
 * Fields never written to a log, whatever the format: tokens, secrets and buyer texts. Redaction
 * happens before a line is serialized, so the pretty output is redacted the same way.
 */
export const LOG_REDACT_PATHS = [
  '*.authorization',
  '*.apiToken',
  '*.token',
  '*.secret',
  '*.text',
  '*.buyerName',
  'req.headers.authorization',
];

/** Where and how a logger writes: stdout by default; `isTTY` decides `auto`. */
export interface LoggerOutput {
  format?: LogFormat | undefined;
  /** The stream lines go to (tests pass their own); default stdout. */
  destination?: (DestinationStream & { isTTY?: boolean }) | undefined;
  /** Colours in pretty output; default: when the destination is a terminal. */
  colorize?: boolean | undefined;
}

/** Whether `auto` means pretty for this destination: only a terminal gets it. */
export function resolveLogFormat(
  format: LogFormat | undefined,
  isTTY: boolean | undefined,
): 'json' | 'pretty' {
  if (format === 'json' || format === 'pretty') return format;
  return isTTY === true ? 'pretty' : 'json';
}

/**
 * The service logger: JSON lines for machines (log shippers, `LOG_FORMAT=json`, anything not a
 * terminal), or pretty, coloured one-line entries for people at a terminal. One redaction list
 * either way (pino-pretty formats lines pino has already redacted and serialized).
 */
export function createLogger(level: string, output: LoggerOutput = {}): Logger {
  const options = {
    level,
    base: { service: 'sellerdesk' },
    redact: { paths: LOG_REDACT_PATHS, censor: '[redacted]' },
  };
  const destination = output.destination ?? process.stdout;
  if (resolveLogFormat(output.format, destination.isTTY) === 'json') {
    return output.destination ? pino(options, output.destination) : pino(options);
  }
  const pretty = pinoPretty({
    destination,
    colorize: output.colorize ?? destination.isTTY === true,
    singleLine: true,
    translateTime: 'SYS:HH:MM:ss.l',
    ignore: 'pid,hostname,service',
    sync: true,
  });
  return pino(options, pretty);
}
