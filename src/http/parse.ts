import type { ZodType } from 'zod';
import { AppError } from '../app/errors.js';

// NUL (PostgreSQL text and jsonb refuse it) and unpaired UTF-16 surrogates (not text at all).
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is exactly what this looks for
const ILL_FORMED = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

interface Visit {
  value: unknown;
  key: string | number | undefined;
  parent: Visit | undefined;
}

function pathOf(visit: Visit): string {
  const keys: Array<string | number> = [];
  for (let at: Visit | undefined = visit; at?.key !== undefined; at = at.parent) keys.push(at.key);
  return keys.reverse().join('.');
}

/** First string (value or key) that cannot be stored as text; iterative, so depth cannot overflow. */
function findIllFormedText(value: unknown): string | undefined {
  const stack: Visit[] = [{ value, key: undefined, parent: undefined }];
  while (stack.length > 0) {
    const visit = stack.pop()!;
    const current = visit.value;
    if (typeof current === 'string') {
      if (ILL_FORMED.test(current)) return pathOf(visit);
    } else if (Array.isArray(current)) {
      for (let i = 0; i < current.length; i++) stack.push({ value: current[i], key: i, parent: visit });
    } else if (current !== null && typeof current === 'object') {
      for (const [key, child] of Object.entries(current)) {
        const entry: Visit = { value: child, key, parent: visit };
        if (ILL_FORMED.test(key)) return pathOf(entry);
        stack.push(entry);
      }
    }
  }
  return undefined;
}

/**
 * Validates a body, query or path with a zod schema; 400 `unknown_fields` or `validation_failed`
 * (also for NUL characters and unpaired surrogates anywhere, which no column could store).
 */
export function parse<T>(schema: ZodType<T>, value: unknown, what: string): T {
  const illFormed = findIllFormedText(value);
  if (illFormed !== undefined) {
    const path = illFormed || what;
    const message = 'must not contain NUL characters or unpaired UTF-16 surrogates';
    throw new AppError('validation_failed', `invalid ${what}: ${path}: ${message}`, 400, [
      { path: illFormed, message, code: 'invalid_text' },
    ]);
  }
  const result = schema.safeParse(value);
  if (!result.success) {
    const unknownKeys = result.error.issues.find((i) => i.code === 'unrecognized_keys');
    throw new AppError(
      unknownKeys ? 'unknown_fields' : 'validation_failed',
      unknownKeys
        ? `unknown field(s) in ${what}: ${(unknownKeys as { keys: string[] }).keys.join(', ')}`
        : `invalid ${what}: ${result.error.issues.map((i) => `${i.path.join('.') || what}: ${i.message}`).join('; ')}`,
      400,
      result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message, code: i.code })),
    );
  }
  return result.data;
}
