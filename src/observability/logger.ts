import { type Logger, pino } from 'pino';

/** Creates the process logger; secrets and buyer PII are redacted by path. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'sellerdesk' },
    redact: {
      paths: [
        '*.authorization',
        '*.apiToken',
        '*.token',
        '*.secret',
        '*.text',
        '*.buyerName',
        'req.headers.authorization',
      ],
      censor: '[redacted]',
    },
  });
}
