// Browser tests (tests/e2e/**/*.e2e.ts): run by `node scripts/test-e2e.mjs`, part of `npm test`.
// The global setup builds the app once and serves dist/; tests read the URL with inject('baseURL').
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    globalSetup: ['tests/e2e/support/global-setup.ts'],
    environment: 'node',
    // one file at a time: each drives a software-rendered WebGL browser, and CI machines have few cores
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
