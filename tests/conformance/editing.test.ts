// Two sources, one answer, for editing: the same story through the local source's editing port
// (editor-core.ts on fake-indexeddb) and the Supabase one (supabase-editor.ts over the SQL RPCs,
// acting as the same people), on the same demo town. Every step must give the same outcome:
// statuses, conflicts and whose version they show, the coordinator's list (stale flags, pending
// requests, rejections, open reports), history actions and changed fields, who and approved by.
import { IDBFactory } from 'fake-indexeddb';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSql } from '../../scripts/db/seed-sql';
import type { Actor, EditorPort, ListingSummary, SaveResult } from '../../src/data/editor-port';
import { DEMO_TODAY, LocalDataSource } from '../../src/data/local/local-source';
import { SupabaseEditor } from '../../src/data/supabase/supabase-editor';
import { generateDemoDataset } from '../../src/domain/demo/generate';
import type { Dataset, Menu, Site } from '../../src/domain/model';
import { connect } from '../db/db';
import { rpcAs } from '../db/rpc-as';

const ID = {
  coordinatorU: '00000000-0000-4000-8000-00000000e0c1',
  coordinatorT: '00000000-0000-4000-8000-00000000e0c2',
  staff: '00000000-0000-4000-8000-00000000e0b1',
} as const;

let data: Dataset;
let client: pg.Client;
let local: EditorPort;
let remote: EditorPort;
let actingAs: string | null = null;
let untrusted: { org: string; site: Site; menu: Menu };
let trusted: { org: string; menu: Menu };
let U: Actor, T: Actor, staff: Actor;
const resident: Actor = { userId: 'anonymous', role: 'resident', organizationIds: [] };

/** both sources, as one person: the local one gets the actor, Supabase the session's identity */
async function both<R>(actor: Actor, call: (port: EditorPort) => Promise<R>): Promise<[R, R]> {
  const a = await call(local);
  actingAs = actor.role === 'resident' ? null : actor.userId;
  const b = await call(remote);
  return [a, b];
}

const outcome = (r: SaveResult) =>
  r.status === 'published'
    ? { status: r.status, action: r.revision.action, changedFields: r.revision.changedFields, by: r.revision.by }
    : r.status === 'pending'
      ? { status: r.status, action: r.change.action, proposedName: 'name' in r.change.proposed ? r.change.proposed.name : r.change.proposed.title }
      : r.status === 'conflict'
        ? { status: r.status, currentName: 'name' in r.current ? r.current.name : r.current.title }
        : { status: r.status };

const summary = (l: ListingSummary) => ({
  kind: l.kind, id: l.id, orgId: l.orgId, name: l.name, status: l.status, lastVerified: l.lastVerified, stale: l.stale,
  pending: l.pendingChangeId !== null, rejected: l.rejected?.comment ?? null, openReports: l.openReports, siteId: l.siteId,
});
const byId = (a: { kind: string; id: string }, b: { kind: string; id: string }) => (a.kind + a.id).localeCompare(b.kind + b.id);

beforeAll(async () => {
  data = generateDemoDataset({ today: DEMO_TODAY });
  const orgOf = (id: string) => data.organizations.find((o) => o.id === id)!;
  const isPublic = (s: Site) => s.status === 'published' && s.visibility === 'public' && !s.confidential;
  const m = data.menus.find((x) => {
    const s = data.sites.find((y) => y.id === x.siteId);
    return s && isPublic(s) && x.status === 'published' && x.visibility === 'public' && s.orgId === x.orgId && !orgOf(x.orgId).trusted;
  })!;
  untrusted = { org: m.orgId, site: data.sites.find((s) => s.id === m.siteId)!, menu: m };
  const tm = data.menus.find((x) => orgOf(x.orgId).trusted && x.status === 'published')!;
  trusted = { org: tm.orgId, menu: tm };
  U = { userId: ID.coordinatorU, role: 'coordinator', organizationIds: [untrusted.org] };
  T = { userId: ID.coordinatorT, role: 'coordinator', organizationIds: [trusted.org] };
  staff = { userId: ID.staff, role: 'staff', organizationIds: [] };

  client = await connect();
  await client.query('begin');
  await client.query(seedSql(data, 'tests/conformance/editing'));
  await client.query(`insert into auth.users (id, email, role, aud) select unnest($1::uuid[]), unnest($2::text[]), 'authenticated', 'authenticated'`,
    [[ID.coordinatorU, ID.coordinatorT, ID.staff], ['u@example.test', 't@example.test', 's@example.test']]);
  await client.query(`insert into public.teams (id, name) values ('conf_team', 'チーム')`);
  await client.query(`insert into public.profiles (id, display_name, role, team_id) values ($1, 'U', 'coordinator', null), ($2, 'T', 'coordinator', null), ($3, 'S', 'staff', 'conf_team')`,
    [ID.coordinatorU, ID.coordinatorT, ID.staff]);
  await client.query(`insert into public.organization_members (organization_id, user_id) values ($1, $2), ($3, $4)`, [untrusted.org, ID.coordinatorU, trusted.org, ID.coordinatorT]);

  local = new LocalDataSource({ indexedDB: new IDBFactory(), generate: async () => structuredClone(data) }).editor;
  remote = new SupabaseEditor(rpcAs(client, () => (actingAs === null ? 'anon' : { sub: actingAs })));
});

afterAll(async () => {
  await client?.query('rollback');
  await client?.end();
});

describe('editing: the local source and Supabase agree', () => {
  it('organizations with their number of listings, for staff and a coordinator', async () => {
    for (const actor of [staff, U]) {
      const [a, b] = await both(actor, (p) => p.listOrganizations(actor));
      const view = (x: typeof a) => x.map((o) => [o.id, o.name, o.kind, o.trusted, o.listings]).sort();
      expect(view(b)).toEqual(view(a));
    }
  });

  it('a listing opened for editing, by its coordinator, a trusted one and staff', async () => {
    const draft = data.sites.find((x) => x.orgId === untrusted.org && x.status !== 'published') ?? untrusted.site;
    for (const [actor, kind, id] of [[U, 'site', untrusted.site.id], [U, 'menu', untrusted.menu.id], [T, 'menu', trusted.menu.id], [staff, 'site', draft.id]] as const) {
      const [a, b] = await both(actor, (p) => p.getListing(actor, kind, id));
      const view = (x: typeof a) => x && { published: x.published !== null, pending: x.pending !== null, current: x.current, publishesDirectly: x.publishesDirectly, organization: x.organization };
      const strip = (x: ReturnType<typeof view>) => x && { ...x, current: { ...x.current, updatedAt: '' } };
      expect(strip(view(b))).toEqual(strip(view(a)));
    }
  });

  it('the coordinator\'s list of an untrusted organization, before any edit', async () => {
    const [a, b] = await both(U, (p) => p.listListings(U, {}));
    expect(b.map(summary).sort(byId)).toEqual(a.map(summary).sort(byId));
    expect(a.length).toBeGreaterThan(1);
  });

  it('an edit waits, a save from the published version conflicts with the proposal, a save from the proposal amends it', async () => {
    const [oa, ob] = await both(U, (p) => p.getListing(U, 'site', untrusted.site.id));
    expect(ob!.publishesDirectly).toBe(oa!.publishesDirectly);
    const first = await both(U, async (p) => {
      const cur = (p === local ? oa : ob)!.current as Site;
      return outcome(await p.save(U, { kind: 'site', record: { ...cur, name: `${cur.name}（改）` }, baseUpdatedAt: cur.updatedAt }));
    });
    expect(first[1]).toEqual(first[0]);
    expect(first[0].status).toBe('pending');
    const stale = await both(U, async (p) => {
      const cur = (p === local ? oa : ob)!.current as Site;
      return outcome(await p.save(U, { kind: 'site', record: { ...cur, description: '古い版から' }, baseUpdatedAt: cur.updatedAt }));
    });
    expect(stale[1]).toEqual(stale[0]);
    expect(stale[0]).toMatchObject({ status: 'conflict', currentName: `${untrusted.site.name}（改）` });
    const amend = await both(U, async (p) => {
      const cur = (await p.getListing(U, 'site', untrusted.site.id))!.current as Site;
      return outcome(await p.save(U, { kind: 'site', record: { ...cur, description: '提案を直した' }, baseUpdatedAt: cur.updatedAt }));
    });
    expect(amend[1]).toEqual(amend[0]);
    const [la, lb] = await both(U, (p) => p.listListings(U, {}));
    expect(lb.map(summary).sort(byId)).toEqual(la.map(summary).sort(byId));
  });

  it('staff approve it: the same revision (action, fields, who, approved by)', async () => {
    const [ca, cb] = await both(staff, (p) => p.listChanges(staff, { status: 'pending' }));
    expect(cb.map((c) => [c.kind, c.listingId, c.action])).toEqual(ca.map((c) => [c.kind, c.listingId, c.action]));
    const [ra, rb] = await both(staff, async (p) => {
      const r = await p.review(staff, (p === local ? ca : cb)[0]!.id, 'approve');
      return r.status === 'approved' ? { status: r.status, action: r.revision.action, fields: r.revision.changedFields, by: r.revision.by, approvedBy: r.revision.approvedBy } : { status: r.status };
    });
    expect(rb).toEqual(ra);
  });

  it('a trusted organization publishes at once; a rejection shows in the list; 変更なし', async () => {
    const saved = await both(T, async (p) => {
      const cur = (await p.getListing(T, 'menu', trusted.menu.id))!.current as Menu;
      return outcome(await p.save(T, { kind: 'menu', record: { ...cur, title: `${cur.title}（新）` }, baseUpdatedAt: cur.updatedAt }));
    });
    expect(saved[1]).toEqual(saved[0]);
    expect(saved[0].status).toBe('published');

    await both(U, async (p) => {
      const cur = (await p.getListing(U, 'menu', untrusted.menu.id))!.current as Menu;
      return p.save(U, { kind: 'menu', record: { ...cur, description: '説明を変えたい' }, baseUpdatedAt: cur.updatedAt });
    });
    await both(staff, async (p) => {
      const [c] = await p.listChanges(staff, { status: 'pending', listingId: untrusted.menu.id });
      return p.review(staff, c!.id, 'reject', '理由を書いてください');
    });
    const verified = await both(U, async (p) => {
      const l = (await p.listListings(U, {})).find((x) => x.kind === 'site' && x.id === untrusted.site.id)!;
      return outcome(await p.verify(U, 'site', l.id, l.updatedAt));
    });
    expect(verified[1]).toEqual(verified[0]);
    const [la, lb] = await both(U, (p) => p.listListings(U, {}));
    expect(lb.map(summary).sort(byId)).toEqual(la.map(summary).sort(byId));
    expect(la.find((l) => l.id === untrusted.menu.id)?.rejected?.comment).toBe('理由を書いてください');
  });

  it('error reports and the stale list', async () => {
    await both(resident, (p) => p.submitReport({ siteId: untrusted.site.id, menuId: untrusted.menu.id, kind: 'schedule', message: '曜日が変わっていました' }));
    await both(resident, (p) => p.submitReport({ siteId: untrusted.site.id, kind: 'location', message: '入口が移りました' }));
    const [ra, rb] = await both(U, (p) => p.listReports(U, { status: 'open' }));
    expect(rb.map((r) => [r.siteId, r.menuId, r.kind, r.message]).sort()).toEqual(ra.map((r) => [r.siteId, r.menuId, r.kind, r.message]).sort());
    const [la, lb] = await both(U, (p) => p.listListings(U, {}));
    expect(lb.map(summary).sort(byId)).toEqual(la.map(summary).sort(byId));
    const [sa, sb] = await both(staff, (p) => p.listListings(staff, { staleOnly: true, staleAfterDays: 30 }));
    expect(sb.map(summary).sort(byId)).toEqual(sa.map(summary).sort(byId));
  });

  it('a new site: duplicates, then a request; withdrawn; restore of an older version', async () => {
    const near = { ...untrusted.site, name: untrusted.site.name, location: [untrusted.site.location[0] + 0.0002, untrusted.site.location[1]] as [number, number] };
    const [da, db] = await both(U, (p) => p.findDuplicates(U, { name: near.name, location: near.location }));
    expect(db.map((d) => [d.id, Math.round(d.distanceM), d.similarity.toFixed(3)])).toEqual(da.map((d) => [d.id, Math.round(d.distanceM), d.similarity.toFixed(3)]));
    expect(da.length).toBeGreaterThan(0);
    const dup = await both(U, async (p) => outcome(await p.save(U, { kind: 'site', record: near, baseUpdatedAt: null })));
    expect(dup[1]).toEqual(dup[0]);
    expect(dup[0].status).toBe('duplicates');
    const created = await both(U, async (p) => p.save(U, { kind: 'site', record: { ...near, name: '新しい集いの場' }, baseUpdatedAt: null, acknowledgeDuplicates: true }));
    expect(outcome(created[1])).toEqual(outcome(created[0]));
    const withdrawn = await both(U, async (p) => {
      const r = p === local ? created[0] : created[1];
      if (r.status !== 'pending') throw new Error(r.status);
      return (await p.withdraw(U, r.change.id)).status;
    });
    expect(withdrawn).toEqual(['withdrawn', 'withdrawn']);
    const [la, lb] = await both(U, (p) => p.listListings(U, {}));
    expect(lb.map(summary).sort(byId)).toEqual(la.map(summary).sort(byId));

    // restore the version before the approved rename (the oldest revision of the test)
    const restored = await both(U, async (p) => {
      const history = await p.getHistory(U, 'site', untrusted.site.id);
      const target = history.find((r) => r.action === 'update' && r.changedFields.includes('name'))!;
      const current = (await p.getListing(U, 'site', untrusted.site.id))!.current;
      const r = await p.restore(U, target.id, current.updatedAt);
      return r.status === 'pending' ? { status: r.status, action: r.change.action, name: (r.change.proposed as Site).name } : outcome(r);
    });
    expect(restored[1]).toEqual(restored[0]);
  });

  it('staff edit a waiting proposal and publish it: the same history line', async () => {
    await both(U, async (p) => {
      const cur = (await p.getListing(U, 'menu', untrusted.menu.id))!.current as Menu;
      return p.save(U, { kind: 'menu', record: { ...cur, title: `${cur.title}（提案）` }, baseUpdatedAt: cur.updatedAt });
    });
    const edited = await both(staff, async (p) => {
      const cur = (await p.getListing(staff, 'menu', untrusted.menu.id))!.current as Menu;
      const r = await p.save(staff, { kind: 'menu', record: { ...cur, title: `${cur.title}（職員が直した）` }, baseUpdatedAt: cur.updatedAt });
      return r.status === 'published' ? { ...outcome(r), approvedBy: r.revision.approvedBy, changeComment: undefined } : outcome(r);
    });
    expect(edited[1]).toEqual(edited[0]);
    const [ca, cb] = await both(staff, (p) => p.listChanges(staff, { listingId: untrusted.menu.id }));
    const view = (c: typeof ca) => c.map((x) => [x.status, x.comment ?? null, x.submittedBy]);
    expect(view(cb)).toEqual(view(ca));
  });

  it('another organization cannot open a proposal; approval and report moderation agree', async () => {
    // U proposes; T (another organization, trusted) cannot touch it; staff publish a change first
    await both(U, async (p) => {
      const cur = (await p.getListing(U, 'site', untrusted.site.id))!.current as Site;
      return p.save(U, { kind: 'site', record: { ...cur, access: '駅から徒歩5分' }, baseUpdatedAt: cur.updatedAt });
    });
    const refused = await both(T, async (p) => p.getListing(T, 'site', untrusted.site.id).then(() => 'opened', () => 'refused'));
    expect(refused).toEqual(['refused', 'refused']);
    const reviewed = await both(staff, async (p) => {
      const [c] = await p.listChanges(staff, { status: 'pending', listingId: untrusted.site.id });
      const r = await p.review(staff, c!.id, 'approve');
      return r.status === 'approved' ? { status: r.status, fields: r.revision.changedFields } : { status: r.status };
    });
    expect(reviewed[1]).toEqual(reviewed[0]);
    const [ra, rb] = await both(staff, (p) => p.listReports(staff, { status: 'open', siteId: untrusted.site.id }));
    const handled = await both(staff, async (p) => {
      const r = await p.setReportStatus(staff, (p === local ? ra : rb)[0]!.id, 'dismissed');
      return [r.status, r.kind, r.message, r.handledBy];
    });
    expect(handled[1]).toEqual(handled[0]);
    const [la, lb] = await both(U, (p) => p.listListings(U, {}));
    expect(lb.map(summary).sort(byId)).toEqual(la.map(summary).sort(byId));
  });

  it('the history since the start: the same actions and fields, newest first', async () => {
    const [ha, hb] = await both(U, (p) => p.getHistory(U, 'site', untrusted.site.id));
    const view = (h: typeof ha) => h.map((r) => ({ action: r.action, fields: r.changedFields, by: r.by, approvedBy: r.approvedBy }));
    // the database also holds the demo's own insert (the local demo starts without history)
    expect(view(hb).slice(0, ha.length)).toEqual(view(ha));
  });
});
