// A stand-in for supabase-js's `.rpc()` that calls the same SQL functions through `pg`, as
// PostgREST would for a visitor (role anon, no JWT subject): enough of the client for the app's
// Supabase data source (src/data/supabase/fetchers.ts) to run unchanged against the test database.
// Set-returning functions honour `.range()` (limit/offset) and `{ count: 'exact' }` as PostgREST does.
import type pg from 'pg';

/** the SQL type of each RPC argument the data source passes */
const ARG_TYPES: Record<string, string> = {
  filters: 'jsonb',
  bbox: 'double precision[]',
  origin: 'double precision[]',
  max_rows: 'integer',
  site_id: 'text',
  lng: 'double precision',
  lat: 'double precision',
  radius_m: 'double precision',
  // the case RPCs
  c: 'jsonb',
  records: 'jsonb',
  next_follow_up: 'date',
  until_date: 'date',
  since: 'date',
  until: 'date',
  shortlisted: 'boolean',
  needs: 'text[]',
  area_ids: 'text[]',
  z: 'integer',
  x: 'integer',
  y: 'integer',
};
const SET_RETURNING = new Set(['public_points', 'public_view_points', 'public_areas']);

type Result = { data: unknown; error: { message: string; code: string; hint: string; details: string } | null; count: number | null };

// one pg connection runs one query at a time: calls made in parallel (pages of points) queue up
let queue: Promise<unknown> = Promise.resolve();

class RpcCall implements PromiseLike<Result> {
  private from = 0;
  private to: number | null = null;
  constructor(
    private readonly client: pg.Client,
    private readonly fn: string,
    private readonly args: Record<string, unknown>,
    private readonly count: boolean,
  ) {}
  range(from: number, to: number): this {
    this.from = from;
    this.to = to;
    return this;
  }
  abortSignal(_signal: AbortSignal): this {
    return this;
  }
  private async run(): Promise<Result> {
    const names = Object.keys(this.args).filter((k) => this.args[k] !== undefined);
    const params = names.map((k) => (ARG_TYPES[k] === 'jsonb' ? JSON.stringify(this.args[k]) : this.args[k]));
    const call = `public.${this.fn}(${names.map((k, i) => `${k} => $${i + 1}::${ARG_TYPES[k] ?? 'text'}`).join(', ')})`;
    try {
      if (!SET_RETURNING.has(this.fn)) {
        const { rows } = await this.client.query(`select ${call} as r`, params);
        return { data: rows[0].r, error: null, count: null };
      }
      const limit = this.to === null ? '' : ` limit ${this.to - this.from + 1}`;
      const { rows } = await this.client.query(`select * from ${call} offset ${this.from}${limit}`, params);
      const count = this.count ? Number((await this.client.query(`select count(*) from ${call}`, params)).rows[0].count) : null;
      return { data: rows, error: null, count };
    } catch (e) {
      const err = e as Error & { code?: string; hint?: string; detail?: string };
      return { data: null, error: { message: err.message, code: err.code ?? '', hint: err.hint ?? '', details: err.detail ?? '' }, count: null };
    }
  }
  then<A = Result, B = never>(ok?: ((r: Result) => A | PromiseLike<A>) | null, fail?: ((e: unknown) => B | PromiseLike<B>) | null): PromiseLike<A | B> {
    const result = queue.then(() => this.run());
    queue = result.catch(() => undefined);
    return result.then(ok, fail);
  }
}

export function postgrestOverPg(client: pg.Client) {
  return {
    rpc: (fn: string, args: Record<string, unknown> = {}, options?: { count?: 'exact' }) => new RpcCall(client, fn, args, options?.count === 'exact'),
  };
}
