// supabase-js's `.rpc(fn, args)` over `pg`, as PostgREST runs it for a signed-in user or a visitor:
// the role and JWT claims set for the call, named arguments typed from the catalogue, each call in
// its own savepoint (a refused call changes nothing, as a failed request's transaction), results as
// PostgREST's JSON (a set as an array, a row as an object) and errors as { code, message, details,
// hint }. Tests of the app's Supabase code (src/data/supabase) run through it unchanged.
import type pg from 'pg';

type Fn = { args: Map<string, string>; set: boolean; composite: boolean };
export type RpcResult = { data: unknown; error: { code: string; message: string; details: string | null; hint: string | null } | null };
export type RpcAs = { rpc(fn: string, args?: Record<string, unknown>): Promise<RpcResult> };

const catalogue = new Map<string, Fn>();

async function describeFn(client: pg.Client, fn: string): Promise<Fn> {
  const cached = catalogue.get(fn);
  if (cached) return cached;
  const { rows } = await client.query<{ names: string[] | null; types: string[]; modes: string[] | null; set: boolean; composite: boolean }>(
    `select p.proargnames as names, array(select format_type(t, null) from unnest(p.proargtypes) t) as types,
            p.proargmodes::text[] as modes, p.proretset as set, t.typtype = 'c' as composite
     from pg_proc p join pg_namespace n on n.oid = p.pronamespace join pg_type t on t.oid = p.prorettype
     where n.nspname = 'public' and p.proname = $1`,
    [fn],
  );
  if (rows.length !== 1) throw new Error(`rpc-as: public.${fn} is ${rows.length ? 'overloaded' : 'missing'}`);
  const r = rows[0]!;
  // input arguments only (table functions list their output columns among the names)
  const inputs = (r.names ?? []).filter((_, i) => !r.modes || r.modes[i] === 'i');
  const f: Fn = { args: new Map(inputs.map((n, i) => [n, r.types[i]!])), set: r.set, composite: r.composite };
  catalogue.set(fn, f);
  return f;
}

/** `who`: 'anon' or a user id (role authenticated with that subject) */
export function rpcAs(client: pg.Client, who: () => 'anon' | { sub: string }): RpcAs {
  let queue: Promise<unknown> = Promise.resolve();
  const run = async (fn: string, args: Record<string, unknown>): Promise<RpcResult> => {
    const f = await describeFn(client, fn);
    const names = Object.keys(args).filter((k) => args[k] !== undefined);
    for (const k of names) if (!f.args.has(k)) throw new Error(`rpc-as: public.${fn} has no argument ${k}`);
    const params = names.map((k) => {
      const v = args[k];
      return f.args.get(k) === 'jsonb' && v !== null ? JSON.stringify(v) : v;
    });
    const call = `public.${fn}(${names.map((k, i) => `${k} => $${i + 1}::${f.args.get(k)}`).join(', ')})`;
    const sql = f.set
      ? `select coalesce(jsonb_agg(to_jsonb(t)), '[]'::jsonb) as r from ${call} t`
      : f.composite
        ? `select case when t is null then null else to_jsonb(t) end as r from ${call} t`
        : `select to_jsonb(${call}) as r`;
    const w = who();
    const claims = w === 'anon' ? { role: 'anon' } : { sub: w.sub, role: 'authenticated', aud: 'authenticated' };
    await client.query('savepoint rpc_as');
    try {
      await client.query(`select set_config('request.jwt.claims', $1, true)`, [JSON.stringify(claims)]);
      await client.query(`set local role ${w === 'anon' ? 'anon' : 'authenticated'}`);
      const { rows } = await client.query(sql, params);
      await client.query('release savepoint rpc_as');
      await client.query('reset role');
      return { data: rows[0]?.r ?? null, error: null };
    } catch (e) {
      await client.query('rollback to savepoint rpc_as');
      await client.query('reset role');
      const err = e as Error & { code?: string; detail?: string; hint?: string };
      return { data: null, error: { code: err.code ?? '', message: err.message, details: err.detail ?? null, hint: err.hint ?? null } };
    }
  };
  return {
    rpc(fn, args = {}) {
      const result = queue.then(() => run(fn, args));
      queue = result.catch(() => undefined);
      return result;
    },
  };
}
