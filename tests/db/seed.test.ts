// supabase/seed.sql is the demo data set of the local source, current, and valid in the database:
// it loads against every constraint and trigger, and a visitor sees exactly the listings the
// local source shows the public.
import { readFileSync } from 'node:fs';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentSeed, SEED_FILE } from '../../scripts/db/generate-seed';
import { generateDemoDataset } from '../../src/domain/demo/generate';
import { actAs, connect, inRollback } from './db';

describe('supabase/seed.sql', () => {
  let client: pg.Client;
  beforeAll(async () => {
    client = await connect();
  });
  afterAll(async () => {
    await client.end();
  });

  it('is what scripts/db/generate-seed.ts makes from the demo generator (run `npx tsx scripts/db/generate-seed.ts`)', () => {
    expect(readFileSync(SEED_FILE, 'utf8') === currentSeed()).toBe(true);
  });

  it('loads against every constraint, and anon sees the public part only', async () => {
    const data = generateDemoDataset();
    const publicSites = data.sites.filter((s) => s.status === 'published' && s.visibility === 'public' && !s.confidential);
    const publicSiteIds = new Set(publicSites.map((s) => s.id));
    const publicMenus = data.menus.filter(
      (m) => m.status === 'published' && m.visibility === 'public' && (m.siteId === null || publicSiteIds.has(m.siteId)),
    );
    await inRollback(client, async () => {
      await client.query(readFileSync(SEED_FILE, 'utf8'));
      const count = async (table: string) => Number((await client.query(`select count(*) from public.${table} where id not like 'rt\\_%'`)).rows[0].count);
      // as the owner: everything
      expect(await count('sites')).toBeGreaterThanOrEqual(data.sites.length);
      await actAs(client, 'anon');
      const ids = async (table: string) =>
        new Set((await client.query<{ id: string }>(`select id from public.${table}`)).rows.map((r) => r.id));
      const sites = await ids('sites');
      const menus = await ids('menus');
      expect([...publicSites.map((s) => s.id)].every((id) => sites.has(id))).toBe(true);
      expect([...sites].filter((id) => data.sites.some((s) => s.id === id) && !publicSiteIds.has(id))).toEqual([]);
      const publicMenuIds = new Set(publicMenus.map((m) => m.id));
      expect([...menus].filter((id) => data.menus.some((m) => m.id === id) && !publicMenuIds.has(id))).toEqual([]);
      expect(publicMenus.every((m) => menus.has(m.id))).toBe(true);
    });
  });
});
