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
    // the page under test shares 2 cores with its build server and SwiftShader: give the app time
    // to answer (a poll still ends as soon as the condition holds)
    expect: { poll: { timeout: 15_000, interval: 100 } },
    hookTimeout: 120_000,
  },
});
