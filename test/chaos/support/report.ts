import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';
import type { ScenarioTally } from './world.js';

const RESULTS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../bench/results');

/** Prints one scenario's figures and adds them to the run's JSON report under bench/results/. */
export function recordScenario(tally: ScenarioTally): void {
  const file = path.join(RESULTS_DIR, `chaos-${inject('chaosRunId')}.json`);
  // Test files run one after another (fileParallelism: false), so read-modify-write is safe.
  const scenarios = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as ScenarioTally[]) : [];
  scenarios.push(tally);
  const lines = [
    '',
    `chaos: ${tally.scenario}`,
    `  tickets ingested     ${tally.ticketsIngested}`,
    `  tickets completed    ${tally.ticketsCompleted}${tally.lostTickets.length ? `  LOST: ${tally.lostTickets.join(', ')}` : ''}`,
    `  delivered, not ingested ${tally.unexpectedTickets.length}`,
    `  deliveries made      ${tally.deliveriesMade}`,
    `  duplicate deliveries ${tally.duplicateDeliveries}`,
    `  repeat POSTs (same idempotency key, deduped by the receiver) ${tally.repeatPostsDeduped}`,
    `  duplicate approval cards ${tally.duplicateCards} (not explained by a lost Telegram answer: ${tally.unexplainedDuplicateCards.length})`,
    `  took ${tally.seconds} s`,
    ...tally.notes.map((n) => `  note: ${n}`),
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(file, `${JSON.stringify(scenarios, null, 2)}\n`);
}
