import type { TestProject } from 'vitest/node';
import { startDevServer } from '../../src/temporal/dev-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    temporalAddress: string;
    runId: string;
  }
}

/** One real Temporal dev server (in memory) for the whole test run (docs/ARCHITECTURE.md, "Tests that read like the code"). */
export default async function setup(project: TestProject) {
  const server = await startDevServer({ port: 0, uiPort: 0, ephemeral: true, startTimeoutMs: 90_000 });
  project.provide('temporalAddress', server.address);
  project.provide('runId', `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`);
  return async () => {
    await server.stop();
  };
}
