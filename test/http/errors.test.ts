import { describe, expect, it } from 'vitest';
import { isDatabaseSaturated } from '../../src/http/server.js';

describe('database back-pressure is a 503, not a 500', () => {
  it.each([
    ['too many connections', { code: '53300' }],
    ['out of memory', { code: '53200' }],
    ['server shutting down', { code: '57P01' }],
    ['serialization failure', { code: '40001' }],
    ['deadlock', { code: '40P01' }],
    ['wrapped by drizzle', { message: 'Failed query', cause: { code: '53300' } }],
  ])('%s', (_name, error) => {
    expect(isDatabaseSaturated(error)).toBe(true);
  });

  it.each([
    ['unique violation', { code: '23505' }],
    ['syntax error', { code: '42601' }],
    ['a plain error', new Error('boom')],
    ['nothing', undefined],
  ])('not %s', (_name, error) => {
    expect(isDatabaseSaturated(error)).toBe(false);
  });
});
