import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createLogger, resolveLogFormat } from '../../src/observability/logger.js';

/** A destination that keeps what was written, looking like a terminal or not. */
function sink(isTTY: boolean) {
  const lines: string[] = [];
  const stream = Object.assign(
    new Writable({
      write(chunk, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    }),
    { isTTY },
  );
  return { stream, text: () => lines.join('') };
}

const SECRET_FIELDS = {
  req: { headers: { authorization: 'Bearer sd_live_secret' } },
  shop: { apiToken: 'sd_abc', secret: 'whsec_123' },
  message: { text: 'Mi dirección es Calle Falsa 123', buyerName: 'Lucía Gómez' },
};

describe('LOG_FORMAT', () => {
  it('is auto by default, and json or pretty when set; anything else stops start-up', () => {
    expect(loadConfig({}).LOG_FORMAT).toBe('auto');
    expect(loadConfig({ LOG_FORMAT: 'json' }).LOG_FORMAT).toBe('json');
    expect(loadConfig({ LOG_FORMAT: 'pretty' }).LOG_FORMAT).toBe('pretty');
    expect(() => loadConfig({ LOG_FORMAT: 'yaml' })).toThrow(/LOG_FORMAT/);
  });

  it('auto means pretty on a terminal and JSON anywhere else', () => {
    expect(resolveLogFormat('auto', true)).toBe('pretty');
    expect(resolveLogFormat('auto', false)).toBe('json');
    expect(resolveLogFormat(undefined, undefined)).toBe('json');
    expect(resolveLogFormat('json', true)).toBe('json');
    expect(resolveLogFormat('pretty', false)).toBe('pretty');
  });

  it('writes one JSON object a line when stdout is not a terminal', () => {
    const out = sink(false);
    const logger = createLogger('info', { format: 'auto', destination: out.stream });
    logger.info({ ticketId: 'tkt_1' }, 'draft ready');
    const lines = out.text().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 30, msg: 'draft ready', ticketId: 'tkt_1' });
  });

  it('writes coloured one-line entries on a terminal, and LOG_FORMAT=json forces JSON there', () => {
    const tty = sink(true);
    createLogger('info', { format: 'auto', destination: tty.stream }).warn({ ticketId: 'tkt_2' }, 'slow');
    const text = tty.text();
    expect(text.trim().split('\n')).toHaveLength(1);
    expect(text).toContain('\u001b['); // ANSI colours
    expect(text).toMatch(/WARN/);
    expect(text).toContain('slow');
    expect(text).toContain('tkt_2');
    expect(() => JSON.parse(text)).toThrow();

    const forced = sink(true);
    createLogger('info', { format: 'json', destination: forced.stream }).warn('slow');
    expect(JSON.parse(forced.text())).toMatchObject({ level: 40, msg: 'slow' });
  });

  it.each(['json', 'pretty'] as const)('redacts tokens, secrets and buyer texts in %s output', (format) => {
    const out = sink(format === 'pretty');
    createLogger('info', { format, destination: out.stream }).info(SECRET_FIELDS, 'request');
    const text = out.text();
    expect(text).toContain('[redacted]');
    for (const value of ['sd_live_secret', 'sd_abc', 'whsec_123', 'Calle Falsa', 'Lucía']) {
      expect(text).not.toContain(value);
    }
  });
});
