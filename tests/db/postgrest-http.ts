// A stand-in for PostgREST at the HTTP boundary, for the database tests: a local HTTP server that
// answers `POST /rest/v1/rpc/<fn>` by calling the SQL function through `pg`, as PostgREST does for
// a request with the service-role key (role service_role, in its own transaction: here a savepoint
// of the test's transaction, so a failed call changes nothing and the test still rolls back), and
// maps errors to PostgREST's JSON and status codes (PTxyz → xyz, 42501 → 403, 23503/23505 → 409,
// others → 400). Everything between the app's code and this server is real: postgrest-js, fetch, HTTP.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type pg from 'pg';

/** argument types of the functions served (PostgREST reads them from the catalogue) */
const ARG_TYPES: Record<string, string> = { plan: 'jsonb' };

export type PostgrestHttp = { url: string; calls: { fn: string; authorization: string | undefined }[]; close(): Promise<void> };

function status(code: string): number {
  if (/^PT\d{3}$/.test(code)) return Number(code.slice(2));
  if (code === '42501') return 403;
  if (code === '23503' || code === '23505') return 409;
  return 400;
}

export async function startPostgrestHttp(client: pg.Client, serviceKey: string): Promise<PostgrestHttp> {
  const calls: PostgrestHttp['calls'] = [];
  let queue: Promise<unknown> = Promise.resolve();
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      const fn = /^\/rest\/v1\/rpc\/([a-z_]+)$/.exec(req.url ?? '')?.[1];
      const send = (code: number, value: unknown) => {
        res.writeHead(code, { 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify(value));
      };
      if (req.method !== 'POST' || !fn) return send(404, { code: 'PGRST202', message: `not served: ${req.method} ${req.url}`, details: null, hint: null });
      calls.push({ fn, authorization: req.headers.authorization });
      if (req.headers.authorization !== `Bearer ${serviceKey}` || req.headers.apikey !== serviceKey)
        return send(401, { code: 'PGRST301', message: 'JWT invalid', details: null, hint: null });
      const args = body ? (JSON.parse(body) as Record<string, unknown>) : {};
      const names = Object.keys(args);
      const call = `public.${fn}(${names.map((k, i) => `${k} => $${i + 1}::${ARG_TYPES[k] ?? 'text'}`).join(', ')})`;
      const params = names.map((k) => (ARG_TYPES[k] === 'jsonb' ? JSON.stringify(args[k]) : args[k]));
      const run = async () => {
        await client.query('savepoint postgrest_request');
        try {
          await client.query(`select set_config('request.jwt.claims', '{"role": "service_role"}', true)`);
          await client.query('set local role service_role');
          const { rows } = await client.query(`select ${call} as r`, params);
          await client.query('release savepoint postgrest_request');
          await client.query('reset role');
          send(200, rows[0].r);
        } catch (e) {
          await client.query('rollback to savepoint postgrest_request');
          await client.query('reset role');
          const err = e as Error & { code?: string; hint?: string; detail?: string };
          send(status(err.code ?? ''), { code: err.code ?? '', message: err.message, details: err.detail ?? null, hint: err.hint ?? null });
        }
      };
      queue = queue.then(run, run);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
