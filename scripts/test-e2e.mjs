#!/usr/bin/env node
// Browser tests: Playwright (playwright-core) driving Debian's Chromium against the built app.
// The vitest config's global setup builds the app (unless E2E_SKIP_BUILD=1) and serves dist/.
// Extra arguments go to vitest, e.g. `node scripts/test-e2e.mjs tests/e2e/map.e2e.ts`.
import { spawnSync } from 'node:child_process';
import { ensureChromium } from './lib/debian-packages.mjs';

ensureChromium('The browser tests (npm run test:e2e)');
const r = spawnSync('npx', ['vitest', 'run', '--config', 'vitest.e2e.config.ts', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 1);
