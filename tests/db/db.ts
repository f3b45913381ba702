// Connections for the database tests. Every test works inside a transaction that is rolled back,
// so tests never see each other's rows and leave nothing behind.
import pg from 'pg';

export type Who = 'owner' | 'anon' | 'service_role' | { sub: string };

export function databaseUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set: run `node scripts/test-db.mjs` (it starts a database and sets it)');
  return url;
}

export async function connect(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  return client;
}

/** Runs `fn` in a transaction that is always rolled back. */
export async function inRollback<T>(client: pg.Client, fn: () => Promise<T>): Promise<T> {
  await client.query('begin');
  try {
    return await fn();
  } finally {
    await client.query('rollback');
  }
}

/** Switches the current transaction to an API role, as PostgREST does for a request. */
export async function actAs(client: pg.Client, who: Who): Promise<void> {
  await client.query('reset role');
  if (who === 'owner') {
    await client.query(`select set_config('request.jwt.claims', '', true)`);
    return;
  }
  const role = typeof who === 'string' ? who : 'authenticated';
  const claims = typeof who === 'string' ? { role } : { sub: who.sub, role, aud: 'authenticated' };
  await client.query(`select set_config('request.jwt.claims', $1, true)`, [JSON.stringify(claims)]);
  await client.query(`set local role ${role}`);
}
