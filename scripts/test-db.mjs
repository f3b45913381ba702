#!/usr/bin/env node
// Database tests, one command (DESIGN.md "Tests: one command"):
//   1. a throwaway Postgres with PostGIS and pgTAP (scripts/db/cluster.mjs), or TEST_DATABASE_URL
//   2. the Supabase platform shim, then supabase/migrations with the pinned Supabase CLI
//   3. pgTAP: supabase/tests/database/*.sql through pg_prove
//   4. node tests of the RPCs: tests/db/*.test.ts (vitest, pg)
//   4b. the conformance suite: tests/conformance/*.test.ts, the same queries through the local
//      source and the SQL RPCs (via the app's Supabase data source), the same answers
//   5. src/lib/database.types.ts is what postgres-meta generates from this schema (not stale)
// The cluster is stopped and removed afterwards, also on failure or Ctrl-C.
// Options: --keep  leave the cluster running and print its URL (for poking at it with psql).
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { startCluster } from './db/cluster.mjs';
import { generateTypes, typesFile } from './db/generate-types.mjs';
import { prepareDatabase, repoRoot } from './db/prepare.mjs';

const keep = process.argv.includes('--keep');
const started = Date.now();
const secs = () => ((Date.now() - started) / 1000).toFixed(1);

let db;
let exitCode = 1;
const stop = () => {
  if (db && !keep) db.stop();
  db = undefined;
};
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    stop();
    process.exit(130);
  });
}

function run(label, cmd, args, env) {
  const t0 = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: repoRoot, env: { ...process.env, ...env } });
  console.error(`[db] ${label}: ${r.status === 0 ? 'passed' : 'FAILED'} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  if (r.error) throw r.error;
  return r.status === 0;
}

try {
  db = await startCluster();
  await prepareDatabase(db);

  const dir = join(repoRoot, 'supabase', 'tests', 'database');
  const files = readdirSync(dir).filter((f) => f.endsWith('.sql')).sort().map((f) => join('supabase', 'tests', 'database', f));
  const pgtapOk = run('pgTAP', 'pg_prove', ['--failures', '--ext', '.sql', ...files], {
    ...db.pgEnv,
    PGOPTIONS: '--client-min-messages=warning',
  });

  const nodeOk = run('RPC node tests', join(repoRoot, 'node_modules', '.bin', 'vitest'), ['run', '--config', 'tests/db/vitest.config.ts'], {
    TEST_DATABASE_URL: db.url,
  });
  const conformanceOk = run('conformance (local source = SQL RPCs)', join(repoRoot, 'node_modules', '.bin', 'vitest'), ['run', '--config', 'tests/conformance/vitest.config.ts'], {
    TEST_DATABASE_URL: db.url,
  });
  const t0 = Date.now();
  let typesOk = false;
  try {
    typesOk = readFileSync(typesFile, 'utf8') === generateTypes(db.url);
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
  }
  console.error(
    `[db] generated types: ${typesOk ? 'up to date' : 'STALE: run `node scripts/db/generate-types.mjs` and commit src/lib/database.types.ts'} (${((Date.now() - t0) / 1000).toFixed(1)} s)`,
  );
  exitCode = pgtapOk && nodeOk && conformanceOk && typesOk ? 0 : 1;
  if (keep) console.log(`TEST_DATABASE_URL='${db.url}'   (kept; remove ${db.dir ?? 'nothing'} when done)`);
} catch (e) {
  console.error(`[db] ${e instanceof Error ? e.message : e}`);
  exitCode = 1;
} finally {
  stop();
}
console.error(`[db] ${exitCode === 0 ? 'all database tests passed' : 'database tests failed'} in ${secs()} s`);
process.exit(exitCode);
