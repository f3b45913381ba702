// Node tests of the database (RPCs, normalization, taxonomy) against a real Postgres + PostGIS.
// Run by scripts/test-db.mjs, which starts a throwaway cluster, migrates it and sets
// TEST_DATABASE_URL; by hand: `TEST_DATABASE_URL=… npx vitest run --config tests/db/vitest.config.ts`.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['tests/db/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
