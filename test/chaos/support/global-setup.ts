import type { TestProject } from 'vitest/node';
import { startDevServer } from '../../../src/temporal/dev-server.js';
import { type ChaosPostgres, startChaosPostgres, stopChaosPostgres } from './postgres.js';

declare module 'vitest' {
  export interface ProvidedContext {
    chaosTemporalAddress: string;
    chaosPostgres: ChaosPostgres;
    /** Names this run's JSON report, bench/results/chaos-<id>.json. */
    chaosRunId: string;
  }
}

/** One Temporal dev server and one PostgreSQL (private unless CHAOS_SHARED_PG=1) per chaos run. */
export default async function setup(project: TestProject) {
  const [temporal, postgres] = await Promise.all([
    startDevServer({ port: 0, uiPort: 0, ephemeral: true, startTimeoutMs: 90_000 }),
    startChaosPostgres(),
  ]);
  project.provide('chaosTemporalAddress', temporal.address);
  project.provide('chaosPostgres', postgres);
  project.provide('chaosRunId', new Date().toISOString().replace(/[:.]/g, '-'));
  return async () => {
    await temporal.stop();
    await stopChaosPostgres(postgres);
  };
}
