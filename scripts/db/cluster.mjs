#!/usr/bin/env node
// A throwaway Postgres cluster for the database tests (DESIGN.md "Supabase without Docker").
//
//   import { startCluster } from './cluster.mjs';
//   const db = await startCluster();   // { url, pgEnv, external, stop() }
//   ... await db.stop();
//
// With TEST_DATABASE_URL set, that database is used as is and nothing is started or stopped.
// Otherwise: find the newest installed major under /usr/lib/postgresql/*, initdb into a temp dir
// (as the `postgres` user when we are root: initdb refuses to run as root), start it on a free
// port with its unix socket in the same temp dir and durability off (fsync, synchronous_commit,
// full_page_writes: a test cluster is thrown away), and remove everything on stop.
//
// CLI, for working on migrations by hand:
//   node scripts/db/cluster.mjs up   start, apply shim + migrations, print the URL, wait for Ctrl-C
import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The Debian packages the database tests need, for a given major version. */
export function requiredPackages(major = '15') {
  return [
    `postgresql-${major}`,
    `postgresql-${major}-postgis-3`,
    `postgresql-${major}-pgtap`,
    'libtap-parser-sourcehandler-pgtap-perl', // pg_prove
  ];
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** Newest installed major under /usr/lib/postgresql that has initdb, or null. */
export function findPostgresBin() {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const majors = readdirSync(root)
    .filter((d) => /^\d+$/.test(d) && existsSync(join(root, d, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  if (majors.length === 0) return null;
  return { major: majors[0], bin: join(root, majors[0], 'bin') };
}

function missingPieces(found) {
  const missing = [];
  if (!found) return ['postgres'];
  const ext = `/usr/share/postgresql/${found.major}/extension`;
  if (!existsSync(join(ext, 'postgis.control'))) missing.push('postgis');
  if (!existsSync(join(ext, 'pgtap.control'))) missing.push('pgtap');
  if (spawnSync('sh', ['-c', 'command -v pg_prove'], { stdio: 'ignore' }).status !== 0) missing.push('pg_prove');
  return missing;
}

/**
 * Makes sure Postgres, PostGIS, pgTAP and pg_prove are installed. As root on Debian it installs
 * them with apt-get; otherwise it throws an error that names the packages to install.
 */
export function ensurePackages({ log = console.error } = {}) {
  let found = findPostgresBin();
  let missing = missingPieces(found);
  if (missing.length === 0) return found;
  const packages = requiredPackages(found?.major ?? '15');
  const canApt = isRoot && spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (!canApt) {
    throw new Error(
      `database tests need ${missing.join(', ')}. Install (Debian/Ubuntu): sudo apt-get install -y ${packages.join(' ')}\n` +
        'or point TEST_DATABASE_URL at a Postgres with PostGIS and pgTAP (and put pg_prove on PATH).',
    );
  }
  log(`[db] installing ${packages.join(' ')} (missing: ${missing.join(', ')})`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update'], { stdio: 'inherit', env });
  const install = update.status === 0 && spawnSync('apt-get', ['install', '-y', '--no-install-recommends', ...packages], { stdio: 'inherit', env });
  found = findPostgresBin();
  missing = missingPieces(found);
  if (!install || install.status !== 0 || missing.length > 0) {
    throw new Error(`apt-get could not install ${packages.join(' ')} (still missing: ${missing.join(', ') || 'none'})`);
  }
  return found;
}

/** libpq environment variables for a postgres:// URL (pg_prove cannot take a URL). */
export function pgEnvFromUrl(url) {
  const u = new URL(url);
  const env = { PGHOST: u.hostname, PGPORT: u.port || '5432', PGDATABASE: decodeURIComponent(u.pathname.slice(1)) || 'postgres' };
  if (u.username) env.PGUSER = decodeURIComponent(u.username);
  if (u.password) env.PGPASSWORD = decodeURIComponent(u.password);
  const sslmode = u.searchParams.get('sslmode');
  if (sslmode) env.PGSSLMODE = sslmode;
  return env;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Runs a Postgres binary, as the `postgres` user when we are root. Throws with its output on failure. */
function runPg(bin, args, { allowFail = false } = {}) {
  const cmd = isRoot ? ['runuser', '-u', 'postgres', '--', bin, ...args] : [bin, ...args];
  const r = spawnSync(cmd[0], cmd.slice(1), { encoding: 'utf8', cwd: tmpdir() });
  if (r.status !== 0 && !allowFail) {
    throw new Error(`${[bin, ...args].join(' ')} failed (exit ${r.status ?? r.signal}):\n${r.stdout}\n${r.stderr}`);
  }
  return r;
}

/**
 * Starts a throwaway cluster (or uses TEST_DATABASE_URL).
 * @returns {Promise<{ url: string, pgEnv: Record<string,string>, external: boolean, dir?: string, stop: () => void }>}
 */
export async function startCluster({ log = console.error } = {}) {
  const external = process.env.TEST_DATABASE_URL;
  if (external) {
    log('[db] using TEST_DATABASE_URL');
    return { url: external, pgEnv: pgEnvFromUrl(external), external: true, stop() {} };
  }

  const { major, bin } = ensurePackages({ log });
  const dir = mkdtempSync(join(tmpdir(), 'kasane-pg-'));
  const data = join(dir, 'data');
  if (isRoot) {
    const pw = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
    const gw = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
    if (pw.status !== 0) throw new Error('running as root needs a `postgres` system user (created by the postgresql package)');
    chownSync(dir, Number(pw.stdout.trim()), Number(gw.stdout.trim()));
  }
  let started = false;
  const stop = () => {
    if (started) runPg(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop'], { allowFail: true });
    started = false;
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const t0 = Date.now();
    // C.UTF-8: UTF8 encoding (normalize() needs it) with a locale every Debian has
    runPg(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8', '--no-sync']);
    const port = await freePort();
    const opts = [
      `-p ${port}`,
      `-k ${dir}`, // unix socket beside the data, not in /var/run
      '-c listen_addresses=127.0.0.1',
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
      '-c max_connections=50',
    ].join(' ');
    runPg(join(bin, 'pg_ctl'), ['-D', data, '-l', join(dir, 'server.log'), '-o', opts, '-w', '-t', '60', 'start']);
    started = true;
    const url = `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`;
    log(`[db] postgres ${major} on port ${port} (${Date.now() - t0} ms)`);
    return {
      url,
      pgEnv: { PGHOST: '127.0.0.1', PGPORT: String(port), PGUSER: 'postgres', PGPASSWORD: 'postgres', PGDATABASE: 'postgres', PGSSLMODE: 'disable' },
      external: false,
      dir,
      stop,
    };
  } catch (e) {
    const logFile = join(dir, 'server.log');
    if (existsSync(logFile)) log(readFileSync(logFile, 'utf8'));
    stop();
    throw e;
  }
}

// --- CLI ---------------------------------------------------------------------------------------
if (import.meta.url === `file://${process.argv[1]}`) {
  const cmd = process.argv[2];
  if (cmd !== 'up') {
    console.error('usage: node scripts/db/cluster.mjs up   (start, shim, migrate; Ctrl-C stops and removes it)');
    process.exit(2);
  }
  const { prepareDatabase } = await import('./prepare.mjs');
  const db = await startCluster();
  const bye = () => {
    db.stop();
    process.exit(0);
  };
  process.on('SIGINT', bye);
  process.on('SIGTERM', bye);
  try {
    await prepareDatabase(db);
  } catch (e) {
    console.error(e.message);
    bye();
  }
  console.log(`TEST_DATABASE_URL='${db.url}'`);
  console.log('Ctrl-C stops the cluster and removes it.');
  setInterval(() => {}, 1 << 30);
}
