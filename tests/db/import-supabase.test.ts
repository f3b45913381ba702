// `npm run import -- <file>` into Supabase, against the real test database. PostgREST is not
// available here, so tests/db/postgrest-http.ts answers its RPC endpoint over HTTP with the SQL
// functions; everything else is the real thing: the CLI as a child process with SUPABASE_URL and
// SUPABASE_SERVICE_ROLE_KEY, postgrest-js, listing_export and import_listings in one transaction.
// Checked: a real 高松市 file lands (7 sites, 7 menus, 1 organization) and a second run adds no
// copies; a listing changed after the preview is refused (PT409) and nothing is written; a plan
// that fails half-way in the database leaves the data untouched.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type pg from 'pg';
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it } from 'vitest';
import { planImport } from '../../src/domain/import/plan';
import { previewImport } from '../../src/domain/import/preview';
import { RpcError } from '../../src/data/supabase/fetchers';
import { loadDatasetFromSupabase, serviceRoleClient, writeImportPlanToSupabase } from '../../src/data/supabase/import-writer';
import { REALDATA_DIR, readRealdata } from '../support/realdata';
import { SupabaseDataSource } from '../../src/data/supabase/supabase-source';
import { connect } from './db';
import { startPostgrestHttp, type PostgrestHttp } from './postgrest-http';

const FILE = 'takamatsu_0045_chiiki_houkatsu_shien_center.csv';
const KEY = 'test-service-role-key';
const root = join(import.meta.dirname, '..', '..');

function runCli(args: string[], env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(root, 'scripts', 'import.ts'), ...args], {
      cwd: root,
      env: { ...process.env, ...env },
    });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('import into Supabase', () => {
  let client: pg.Client;
  let http: PostgrestHttp;
  const count = async (table: string) =>
    Number((await client.query(`select count(*) from public.${table} where organization_id in (select id from public.organizations where name = '高松市')`)).rows[0].count);

  beforeAll(async () => {
    client = await connect();
    http = await startPostgrestHttp(client, KEY);
  });
  afterAll(async () => {
    await http.close();
    await client.end();
  });
  beforeEach(async () => {
    await client.query('begin');
  });
  afterEach(async () => {
    await client.query('rollback');
  });

  it('the CLI writes a real file in one call, and a second run updates instead of adding copies', { timeout: 60_000 }, async () => {
    expect(REALDATA_DIR).toBeDefined();
    const path = join(REALDATA_DIR!, FILE);
    const env = { SUPABASE_URL: http.url, SUPABASE_SERVICE_ROLE_KEY: KEY };
    const first = await runCli([path, '--municipality', '372013'], env);
    expect(first.stderr).toContain('Supabase');
    expect(first.code).toBe(0);
    expect(http.calls.map((c) => c.fn)).toEqual(['listing_export', 'import_listings']);
    expect(http.calls.every((c) => c.authorization === `Bearer ${KEY}`)).toBe(true);
    expect([await count('sites'), await count('menus')]).toEqual([7, 7]);
    const { rows } = await client.query(
      `select s.name, s.status, extensions.st_y(s.location::extensions.geometry) as lat, m.schedule #>> '{rules,0,opensAt}' as opens
       from public.sites s join public.menus m on m.site_id = s.id where s.name like '%高松市保健センター%'`,
    );
    expect(rows).toEqual([{ name: '地域包括支援センター（高松市保健センター１階）', status: 'pending', lat: 34.33040083, opens: '08:30' }]);

    const second = await runCli([path, '--municipality', '372013'], env);
    expect(second.code).toBe(0);
    expect(second.stderr).toContain('変更なし: 拠点 7');
    expect([await count('sites'), await count('menus'), Number((await client.query(`select count(*) from public.organizations where name = '高松市'`)).rows[0].count)]).toEqual([7, 7, 1]);
  });

  it('the CLI refuses to guess when only one of the two variables is set', { timeout: 30_000 }, async () => {
    const r = await runCli([join(REALDATA_DIR!, FILE), '--municipality', '372013'], { SUPABASE_URL: http.url, SUPABASE_SERVICE_ROLE_KEY: '' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('SUPABASE_SERVICE_ROLE_KEY が設定されていません');
  });

  it('a listing changed after the preview is a conflict, and nothing is written', async () => {
    const supabase = serviceRoleClient(http.url, KEY);
    const options = { municipalityCode: '372013', fileName: FILE };
    // import once, then change the file's rows and plan an update from what is there now
    const existing0 = await loadDatasetFromSupabase(supabase);
    await writeImportPlanToSupabase(supabase, planImport(previewImport(readRealdata(FILE), { ...options, existing: existing0 }), existing0));
    const existing = await loadDatasetFromSupabase(supabase);
    const changedCsv = new TextDecoder().decode(readRealdata(FILE)).replace('高松市桜町一丁目9-12', '高松市桜町一丁目9-13');
    const plan = planImport(previewImport(changedCsv, { ...options, existing }), existing);
    expect(plan.updates.sites).toHaveLength(1);
    // someone edits that site after the preview
    const id = plan.updates.sites[0]!.before.id;
    await client.query(`update public.sites set description = '窓口は1階' where id = $1`, [id]);
    const error = await writeImportPlanToSupabase(supabase, plan).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RpcError);
    expect((error as RpcError).code).toBe('PT409');
    expect((error as RpcError).message).toContain('プレビューの後に変更されました');
    const { rows } = await client.query(`select address, description from public.sites where id = $1`, [id]);
    expect(rows[0]).toEqual({ address: '高松市桜町一丁目9-12', description: '窓口は1階' });
  });

  it('the import page commits through the Supabase data source (loadImportBase, applyImport), and again adds no copies', async () => {
    // the app's source over the same RPC endpoint (a bare PostgREST client stands in for supabase-js's .rpc)
    const source = new SupabaseDataSource(serviceRoleClient(http.url, KEY) as never);
    const options = { municipalityCode: '372013', fileName: FILE };
    const existing = await source.loadImportBase();
    await source.applyImport(planImport(previewImport(readRealdata(FILE), { ...options, existing }), existing));
    expect([await count('sites'), await count('menus')]).toEqual([7, 7]);
    const again = await source.loadImportBase();
    const plan = planImport(previewImport(readRealdata(FILE), { ...options, existing: again }), again);
    expect([plan.creates.sites.length, plan.creates.menus.length]).toEqual([0, 0]);
    await source.applyImport(plan);
    expect([await count('sites'), await count('menus')]).toEqual([7, 7]);
  });

  it('a plan that fails half-way in the database leaves the data untouched', async () => {
    const supabase = serviceRoleClient(http.url, KEY);
    const existing = await loadDatasetFromSupabase(supabase);
    const before = (await client.query(`select count(*)::int as n, max(id)::text as t from public.listing_revisions`)).rows[0];
    const plan = planImport(previewImport(readRealdata(FILE), { municipalityCode: '372013', fileName: FILE, existing }), existing);
    expect(plan.creates.sites).toHaveLength(7);
    // the last menu names a site that does not exist: only the database's foreign key catches it
    const last = plan.creates.menus[plan.creates.menus.length - 1]!;
    plan.creates.menus[plan.creates.menus.length - 1] = { ...last, siteId: 'no-such-site' };
    const error = await writeImportPlanToSupabase(supabase, plan).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RpcError);
    expect((error as RpcError).code).toBe('23503');
    expect((error as RpcError).message).toContain('何も変更していません');
    expect((error as RpcError).message).toContain(`menus[6]`);
    expect([await count('sites'), await count('menus')]).toEqual([0, 0]);
    expect(Number((await client.query(`select count(*) from public.organizations where name = '高松市'`)).rows[0].count)).toBe(0);
    expect((await client.query(`select count(*)::int as n, max(id)::text as t from public.listing_revisions`)).rows[0]).toEqual(before);
  });
});
