// The conformance suite: the same queries through the local source and through the SQL RPCs (via
// the app's Supabase data source), against a migrated Postgres. Run by scripts/test-db.mjs, which
// owns the cluster; by hand: `TEST_DATABASE_URL=… npx vitest run --config tests/conformance/vitest.config.ts`.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['tests/conformance/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // each file loads the demo town into the same tables inside its own transaction: run one at a
    // time, or the second waits on the first's row locks
    fileParallelism: false,
  },
});
