// Brings an empty database to the state of a migrated Supabase project:
// 1. the platform shim (scripts/db/shim.sql) with psql
// 2. supabase/migrations with the pinned Supabase CLI: `supabase db push --db-url … --yes`
// Both steps are what a developer would run by hand; their output is shown only on failure.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Runs psql against the database; throws with its output on failure. */
export function psql(db, args, { input } = {}) {
  const r = spawnSync('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', db.url, ...args], {
    encoding: 'utf8',
    input,
    env: { ...process.env, PGOPTIONS: '--client-min-messages=warning' },
  });
  if (r.status !== 0) throw new Error(`psql ${args.join(' ')} failed (exit ${r.status ?? r.signal}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

/** Applies the platform shim, then the migrations with the pinned CLI. */
export async function prepareDatabase(db, { log = console.error } = {}) {
  let t0 = Date.now();
  psql(db, ['-f', join(repoRoot, 'scripts', 'db', 'shim.sql')]);
  log(`[db] shim applied (${Date.now() - t0} ms)`);

  t0 = Date.now();
  const cli = join(repoRoot, 'node_modules', '.bin', 'supabase');
  const r = spawnSync(cli, ['db', 'push', '--db-url', db.url, '--yes', '--include-all'], {
    cwd: repoRoot,
    encoding: 'utf8',
    // the CLI asks for telemetry consent and checks for updates; neither helps a test run
    env: { ...process.env, DO_NOT_TRACK: '1', SUPABASE_TELEMETRY_DISABLED: '1', CI: process.env.CI ?? 'true' },
  });
  if (r.status !== 0) {
    throw new Error(`supabase db push failed (exit ${r.status ?? r.signal}):\n${r.stdout}\n${r.stderr}`);
  }
  log(`[db] migrations applied with supabase db push (${Date.now() - t0} ms)`);
}
