// Builds the app once (skip with E2E_SKIP_BUILD=1 when dist/ is fresh) and serves dist/ for every
// browser test file; the URL reaches the tests through vitest's provide/inject.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { startStaticServer } from '../../../scripts/lib/static-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
  }
}

export default async function setup(project: TestProject) {
  if (process.env.E2E_SKIP_BUILD !== '1') {
    const started = Date.now();
    const r = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
    if (r.status !== 0) throw new Error(`vite build failed (exit ${r.status ?? r.signal}); fix the build, then run the browser tests again`);
    console.log(`e2e: built dist/ in ${((Date.now() - started) / 1000).toFixed(1)}s`);
  } else if (!existsSync('dist/index.html')) {
    throw new Error('E2E_SKIP_BUILD=1 but dist/index.html is missing: run `npx vite build` first');
  }
  const server = await startStaticServer({ root: 'dist', spaFallback: true });
  project.provide('baseURL', server.url);
  return () => server.close();
}
