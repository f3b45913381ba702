#!/usr/bin/env node
// `npm test`: every test, in order, stopping at the first failure.
// 1. type check and lint  2. unit and component tests (vitest)
// 3. database tests (throwaway Postgres + PostGIS, pgTAP, RPC tests)  4. browser tests (Chromium)
// Set SKIP_DB=1 or SKIP_E2E=1 to skip a stage while iterating; CI never sets them.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const stages = [
  { name: 'typecheck', cmd: ['npx', 'tsc', '-b'] },
  { name: 'lint', cmd: ['npx', 'eslint', '.', '--max-warnings=0'] },
  { name: 'unit', cmd: ['npx', 'vitest', 'run'] },
  { name: 'db', cmd: ['node', 'scripts/test-db.mjs'], when: () => existsSync('scripts/test-db.mjs') && !process.env.SKIP_DB },
  { name: 'e2e', cmd: ['node', 'scripts/test-e2e.mjs'], when: () => existsSync('scripts/test-e2e.mjs') && !process.env.SKIP_E2E },
];

for (const stage of stages) {
  if (stage.when && !stage.when()) {
    console.log(`\n=== ${stage.name}: skipped`);
    continue;
  }
  console.log(`\n=== ${stage.name}: ${stage.cmd.join(' ')}`);
  const started = Date.now();
  const r = spawnSync(stage.cmd[0], stage.cmd.slice(1), { stdio: 'inherit' });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (r.status !== 0) {
    console.error(`\n=== ${stage.name} failed after ${secs}s (exit ${r.status ?? r.signal})`);
    process.exit(r.status || 1);
  }
  console.log(`=== ${stage.name} passed in ${secs}s`);
}
console.log('\nAll tests passed.');
