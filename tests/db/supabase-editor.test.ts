// The editing port's Supabase implementation (src/data/supabase/supabase-editor.ts) against the real
// database, its `.rpc()` served by tests/db/rpc-as.ts as the fixture users of
// supabase/tests/database/000-setup-tests-hooks.sql (coordinator_a: org_a, not trusted;
// coordinator_b: org_b, trusted; staff; admin; visitors). The rules of editor-port.ts: conflicts as
// results with the other's version, review for untrusted coordinators, history with who and which
// fields, restore as a change, 変更なし, duplicates, error reports.
import type pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/data/editor-port';
import type { Menu, Site } from '../../src/domain/model';
import { SupabaseEditor } from '../../src/data/supabase/supabase-editor';
import { connect } from './db';
import { rpcAs } from './rpc-as';

const UID = {
  admin: '00000000-0000-4000-8000-0000000000a1',
  staff: '00000000-0000-4000-8000-0000000000b1',
  coordinator_a: '00000000-0000-4000-8000-0000000000c1',
  coordinator_b: '00000000-0000-4000-8000-0000000000c2',
} as const;
type Who = keyof typeof UID | 'anon';

const actors: Record<Who, Actor> = {
  admin: { userId: UID.admin, role: 'admin', organizationIds: [] },
  staff: { userId: UID.staff, role: 'staff', organizationIds: [] },
  coordinator_a: { userId: UID.coordinator_a, role: 'coordinator', organizationIds: ['org_a'] },
  coordinator_b: { userId: UID.coordinator_b, role: 'coordinator', organizationIds: ['org_b'] },
  anon: { userId: 'anonymous', role: 'resident', organizationIds: [] },
};

describe('SupabaseEditor (editing port over the RPCs)', () => {
  let client: pg.Client;
  let who: Who = 'anon';
  let editor: SupabaseEditor;
  /** the editor as one user: every call runs with that user's role */
  const as = (w: Who) => {
    who = w;
    return { editor, actor: actors[w] };
  };

  beforeAll(async () => {
    client = await connect();
    editor = new SupabaseEditor(rpcAs(client, () => (who === 'anon' ? 'anon' : { sub: UID[who] })));
  });
  afterAll(async () => {
    await client.end();
  });
  beforeEach(async () => {
    await client.query('begin');
    await client.query('select tests.create_fixtures()');
  });
  afterEach(async () => {
    await client.query('rollback');
  });

  it('an untrusted coordinator\'s edit waits; staff approve; the history names both and the fields', async () => {
    const a = as('coordinator_a');
    const opened = (await a.editor.getListing(a.actor, 'site', 'site_a_pub'))!;
    expect(opened.publishesDirectly).toBe(false);
    expect(opened.organization).toEqual({ id: 'org_a', name: 'NPO法人 かさね', trusted: false });
    const site = opened.current as Site;
    const saved = await a.editor.save(a.actor, { kind: 'site', record: { ...site, name: 'みんなの食堂（火・木）' }, baseUpdatedAt: site.updatedAt });
    expect(saved.status).toBe('pending');
    if (saved.status !== 'pending') return;
    expect(saved.change.proposed).toMatchObject({ name: 'みんなの食堂（火・木）' });

    // the published version stays while it waits; the form reopens on the proposal
    const again = (await a.editor.getListing(a.actor, 'site', 'site_a_pub'))!;
    expect((again.published as Site).name).toBe('みんなの食堂');
    expect((again.current as Site).name).toBe('みんなの食堂（火・木）');
    expect((await a.editor.listListings(a.actor, {})).find((l) => l.id === 'site_a_pub')?.pendingChangeId).toBe(saved.change.id);

    const s = as('staff');
    expect((await s.editor.listChanges(s.actor, { status: 'pending' })).map((c) => c.id)).toEqual([saved.change.id]);
    const reviewed = await s.editor.review(s.actor, saved.change.id, 'approve');
    expect(reviewed.status).toBe('approved');
    if (reviewed.status !== 'approved') return;
    expect((reviewed.revision.after as Site).name).toBe('みんなの食堂（火・木）');
    expect(reviewed.revision).toMatchObject({ by: UID.coordinator_a, approvedBy: UID.staff, changeId: saved.change.id, action: 'update' });
    expect(reviewed.revision.changedFields).toContain('name');
    expect(reviewed.revision.changedFields).not.toContain('updatedAt');

    const history = await as('coordinator_a').editor.getHistory(actors.coordinator_a, 'site', 'site_a_pub');
    expect(history.map((r) => r.action)).toEqual(['update', 'create']);
  });

  it('the second of two concurrent saves is refused with the first one\'s version, nothing overwritten', async () => {
    const b = as('coordinator_b');
    const start = (await b.editor.getListing(b.actor, 'menu', 'menu_b_desk'))!.current as Menu;
    const first = await b.editor.save(b.actor, { kind: 'menu', record: { ...start, title: '介護の相談（予約優先）' }, baseUpdatedAt: start.updatedAt });
    expect(first.status).toBe('published'); // org_b is trusted
    const s = as('admin');
    const second = await s.editor.save(s.actor, { kind: 'menu', record: { ...start, description: '管理者の説明' }, baseUpdatedAt: start.updatedAt });
    expect(second.status).toBe('conflict');
    if (second.status !== 'conflict') return;
    expect((second.current as Menu).title).toBe('介護の相談（予約優先）');
    const row = (await client.query(`select title, description from public.menus where id = 'menu_b_desk'`)).rows[0];
    expect(row).toEqual({ title: '介護の相談（予約優先）', description: '' });
    // saving again from the version shown publishes (admins publish at once)
    const retry = await s.editor.save(s.actor, { kind: 'menu', record: { ...second.current, description: '管理者の説明' } as Menu, baseUpdatedAt: second.current.updatedAt });
    expect(retry.status).toBe('published');
  });

  it('approving a proposal whose listing changed since is a conflict, not an overwrite', async () => {
    const a = as('coordinator_a');
    const start = (await a.editor.getListing(a.actor, 'menu', 'menu_a_pub'))!.current as Menu;
    const saved = await a.editor.save(a.actor, { kind: 'menu', record: { ...start, title: '子ども食堂（夕食・木曜も）' }, baseUpdatedAt: start.updatedAt });
    if (saved.status !== 'pending') throw new Error(saved.status);
    await client.query(`update public.menus set description = '直接の修正' where id = 'menu_a_pub'`);
    const s = as('staff');
    const result = await s.editor.review(s.actor, saved.change.id, 'approve');
    expect(result.status).toBe('conflict');
    if (result.status !== 'conflict') return;
    expect((result.current as Menu).description).toBe('直接の修正');
    expect(result.change.status).toBe('pending');
    await expect(s.editor.review(s.actor, saved.change.id, 'reject')).rejects.toThrow(/コメント/);
    const rejected = await s.editor.review(s.actor, saved.change.id, 'reject', '元の説明と合わせてください');
    expect(rejected.status).toBe('rejected');
    const listed = (await as('coordinator_a').editor.listListings(actors.coordinator_a, {})).find((l) => l.id === 'menu_a_pub')!;
    expect(listed.rejected?.comment).toBe('元の説明と合わせてください');
  });

  it('a new site: invalid fields, a duplicate warning, then a change waiting for approval', async () => {
    const a = as('coordinator_a');
    const base = (await a.editor.getListing(a.actor, 'site', 'site_a_pub'))!.current as Site;
    const invalid = await a.editor.save(a.actor, { kind: 'site', record: { ...base, name: '' }, baseUpdatedAt: null });
    expect(invalid).toMatchObject({ status: 'invalid', issues: [{ path: 'name' }] });
    const near = { ...base, name: 'ミンナノ　食堂', location: [139.0037, 36.3319] as [number, number] };
    const dup = await a.editor.save(a.actor, { kind: 'site', record: near, baseUpdatedAt: null });
    expect(dup.status).toBe('duplicates');
    if (dup.status !== 'duplicates') return;
    expect(dup.matches.map((m) => m.id)).toEqual(['site_a_pub']);
    expect(dup.matches[0]!.distanceM).toBeLessThan(20);
    const saved = await a.editor.save(a.actor, { kind: 'site', record: near, baseUpdatedAt: null, acknowledgeDuplicates: true });
    expect(saved.status).toBe('pending');
    if (saved.status !== 'pending') return;
    expect(saved.change.listingId).not.toBe('site_a_pub');
    expect(saved.change.action).toBe('create');
    const opened = (await a.editor.getListing(a.actor, 'site', saved.change.listingId))!;
    expect(opened.published).toBeNull();
    // an unknown area id passes the schema but not the database: invalid, with its message
    const badArea = await a.editor.save(a.actor, { kind: 'site', record: { ...base, serviceAreaIds: ['no_such_area'] }, baseUpdatedAt: base.updatedAt });
    expect(badArea.status).toBe('invalid');
  });

  it('変更なし, stale lists, restore and permissions', async () => {
    await client.query(`update public.sites set last_verified = current_date - 400 where id = 'site_a_pub'`);
    const a = as('coordinator_a');
    const stale = await a.editor.listListings(a.actor, { staleOnly: true });
    expect(stale.map((l) => l.id)).toEqual(['site_a_pub']);
    const verified = await a.editor.verify(a.actor, 'site', 'site_a_pub', stale[0]!.updatedAt);
    expect(verified.status).toBe('published');
    if (verified.status !== 'published') return;
    expect(verified.revision.action).toBe('verify');
    expect(await a.editor.listListings(a.actor, { staleOnly: true })).toEqual([]);
    expect((await a.editor.verify(a.actor, 'site', 'site_a_pub', stale[0]!.updatedAt)).status).toBe('conflict');

    // restore the version before 変更なし: a change waiting for review
    const [latest, older] = await a.editor.getHistory(a.actor, 'site', 'site_a_pub');
    const restored = await a.editor.restore(a.actor, older!.id, (latest!.after as Site).updatedAt);
    expect(restored.status).toBe('pending');
    if (restored.status === 'pending') expect(restored.change.action).toBe('restore');
    expect((await a.editor.restore(a.actor, older!.id, '2020-01-01T00:00:00Z')).status).toBe('conflict');

    const b = as('coordinator_b');
    await expect(b.editor.getListing(b.actor, 'site', 'site_a_pub')).rejects.toThrow(/ほかの団体/);
    await expect(b.editor.save(b.actor, { kind: 'site', record: latest!.after, baseUpdatedAt: (latest!.after as Site).updatedAt })).rejects.toThrow(/ほかの団体/);
    const r = as('anon');
    await expect(r.editor.listListings(r.actor, {})).rejects.toThrow(/サインイン/);
    const st = as('staff');
    await expect(st.editor.listListings(st.actor, {})).rejects.toThrow(/団体を選んでください/);
    expect((await st.editor.listListings(st.actor, { orgId: 'org_b' })).map((l) => l.orgId)).toEqual(Array(6).fill('org_b'));
  });

  it('error reports: anyone sends, personal data refused, the organization and staff handle them', async () => {
    const r = as('anon');
    const sent = await r.editor.submitReport({ siteId: 'site_a_pub', menuId: 'menu_a_pub', kind: 'schedule', message: ' 火曜は休みでした ' });
    expect(sent).toMatchObject({ siteId: 'site_a_pub', menuId: 'menu_a_pub', kind: 'schedule', message: '火曜は休みでした', status: 'open' });
    await expect(r.editor.submitReport({ siteId: 'site_a_pub', kind: 'contact', message: '090-1234-5678 に電話を' })).rejects.toThrow(/電話番号/);
    await expect(r.editor.submitReport({ siteId: 'site_b_shelter', kind: 'location', message: '場所が違います' })).rejects.toThrow(/見つかりません/);

    const a = as('coordinator_a');
    expect((await a.editor.listReports(a.actor, { status: 'open' })).map((x) => x.id)).toEqual([sent.id]);
    expect((await a.editor.listListings(a.actor, {})).find((l) => l.id === 'menu_a_pub')?.openReports).toBe(1); // about the menu: counted on it
    expect(await as('coordinator_b').editor.listReports(actors.coordinator_b)).toEqual([]);
    const s = as('staff');
    const handled = await s.editor.setReportStatus(s.actor, sent.id, 'resolved');
    expect(handled).toMatchObject({ status: 'resolved', handledBy: UID.staff });
    await expect(as('coordinator_b').editor.setReportStatus(actors.coordinator_b, sent.id, 'dismissed')).rejects.toThrow(/変えられません/);
  });

  it('staff edit a draft they cannot read under RLS: published at once, returned with its revision', async () => {
    const s = as('staff');
    const draft = (await s.editor.getListing(s.actor, 'site', 'site_a_draft'))!.current as Site;
    expect(draft.status).toBe('draft');
    const saved = await s.editor.save(s.actor, { kind: 'site', record: { ...draft, description: '職員が追記' }, baseUpdatedAt: draft.updatedAt });
    expect(saved.status).toBe('published');
    if (saved.status === 'published') {
      expect((saved.record as Site).description).toBe('職員が追記');
      expect(saved.revision.changedFields).toContain('description');
    }
  });

  it('organizations with their number of listings', async () => {
    const s = as('staff');
    const orgs = await s.editor.listOrganizations(s.actor);
    expect(orgs.map((o) => o.id).sort()).toEqual(['org_a', 'org_b', 'org_shop']);
    expect(orgs.find((o) => o.id === 'org_b')).toMatchObject({ trusted: true, kind: 'social_welfare_corporation' });
  });
});
