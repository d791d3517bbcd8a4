/**
 * Runs one export of another bench module in its own process (`tsx bench/support/run-module.ts
 * <module> <export> <options-json>`), so its Temporal runtime and memory figures stay its own.
 * The result is printed as the last line, prefixed with RESULT_MARKER.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** Prefix of the line carrying the JSON result. */
export const RESULT_MARKER = '@@bench-result@@';

const [, , modulePath, exportName, optionsJson] = process.argv;
if (modulePath && exportName) {
  const module = (await import(pathToFileURL(path.resolve(modulePath)).href)) as Record<string, unknown>;
  const fn = module[exportName];
  if (typeof fn !== 'function') {
    console.error(`${modulePath} has no function export ${exportName}`);
    process.exit(3);
  }
  const result = await (fn as (options: unknown) => Promise<unknown>)(JSON.parse(optionsJson ?? '{}'));
  console.log(`${RESULT_MARKER}${JSON.stringify(result ?? null)}`);
  process.exit(0);
}
