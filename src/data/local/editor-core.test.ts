// Editing in the local source, on a real IndexedDB implementation (fake-indexeddb) and the demo:
// concurrency, review, history, freshness, reports, duplicates and who may edit what.
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { generateDemoDataset } from '../../domain/demo/generate';
import type { Dataset, Menu, Site } from '../../domain/model';
import type { Actor } from '../editor-port';
import { LocalDataSource } from './local-source';
import { LocalStore, openStore } from './idb-store';
import { isPublicMenu, isPublicSite } from './public-view';

const TODAY = '2026-11-01';
let demo: Dataset;
let org: Dataset['organizations'][number]; // untrusted, with a public site that has a public menu
let site: Site;
let menu: Menu;
let otherSite: Site;

beforeAll(() => {
  demo = generateDemoDataset({ today: TODAY });
  const publicIds = new Set(demo.sites.filter(isPublicSite).map((s) => s.id));
  const m = demo.menus.find((x) => {
    if (!isPublicMenu(x, publicIds) || x.siteId === null) return false;
    const s = demo.sites.find((y) => y.id === x.siteId)!;
    return s.orgId === x.orgId && !demo.organizations.find((o) => o.id === x.orgId)!.trusted;
  })!;
  menu = m;
  site = demo.sites.find((s) => s.id === m.siteId)!;
  org = demo.organizations.find((o) => o.id === m.orgId)!;
  otherSite = demo.sites.find((s) => s.orgId !== org.id && isPublicSite(s))!;
});

afterEach(() => vi.restoreAllMocks());

let clock = Date.parse(`${TODAY}T01:00:00Z`);
function source(factory = new IDBFactory()) {
  return new LocalDataSource({
    indexedDB: factory,
    generate: async () => structuredClone(demo),
    editor: { now: () => new Date((clock += 1000)) },
  });
}

const coordinator = (orgId = org.id): Actor => ({
  userId: 'demo-coordinator',
  role: 'coordinator',
  organizationIds: [orgId],
});
const staff: Actor = { userId: 'demo-staff', role: 'staff', organizationIds: [] };
const admin: Actor = { userId: 'demo-admin', role: 'admin', organizationIds: [] };
const resident: Actor = { userId: 'anonymous', role: 'resident', organizationIds: [] };

async function publicMenuTitle(s: LocalDataSource, siteId: string, menuId: string) {
  return (await s.getPublicSite(siteId))?.menus.find((x) => x.id === menuId)?.title;
}

describe('saving and concurrency', () => {
  it('publishes a staff edit at once and refuses a second save from the same base with the current record', async () => {
    const s = source();
    const first = await s.editor.save(staff, {
      kind: 'menu',
      record: { ...menu, title: '新しいタイトルA' },
      baseUpdatedAt: menu.updatedAt,
    });
    expect(first.status).toBe('published');
    expect(await publicMenuTitle(s, site.id, menu.id)).toBe('新しいタイトルA');

    const second = await s.editor.save(admin, {
      kind: 'menu',
      record: { ...menu, title: '別のタイトルB' },
      baseUpdatedAt: menu.updatedAt,
    });
    expect(second.status).toBe('conflict');
    if (second.status !== 'conflict') return;
    expect((second.current as Menu).title).toBe('新しいタイトルA');
    expect(second.current.updatedAt).not.toBe(menu.updatedAt);
    // nothing changed: the first save stands, one revision
    expect(await publicMenuTitle(s, site.id, menu.id)).toBe('新しいタイトルA');
    expect(await s.editor.getHistory(staff, 'menu', menu.id)).toHaveLength(1);
  });

  it('changes nothing, in memory or stored, when the write fails', async () => {
    const factory = new IDBFactory();
    const s = source(factory);
    await s.ready();
    vi.spyOn(LocalStore.prototype, 'write').mockRejectedValueOnce(new Error('QuotaExceededError'));
    await expect(
      s.editor.save(staff, {
        kind: 'menu',
        record: { ...menu, title: '失敗する保存' },
        baseUpdatedAt: menu.updatedAt,
      }),
    ).rejects.toThrow('QuotaExceededError');
    expect(await publicMenuTitle(s, site.id, menu.id)).toBe(menu.title);
    expect(await s.editor.getHistory(staff, 'menu', menu.id)).toEqual([]);
    const open = await s.editor.getListing(staff, 'menu', menu.id);
    expect(open?.current.updatedAt).toBe(menu.updatedAt);
    // and the same base still saves afterwards
    const retry = await s.editor.save(staff, {
      kind: 'menu',
      record: { ...menu, title: '再度の保存' },
      baseUpdatedAt: menu.updatedAt,
    });
    expect(retry.status).toBe('published');
    const stored = await (await openStore(factory)).load();
    expect(stored?.data.menus.find((x) => x.id === menu.id)?.title).toBe('再度の保存');
  });

  it('refuses a save from another tab whose worker has not seen the first save (checked in the IndexedDB transaction)', async () => {
    const factory = new IDBFactory();
    const tabA = source(factory);
    const tabB = source(factory);
    await Promise.all([tabA.ready(), tabB.ready()]);
    const a = await tabA.editor.save(staff, { kind: 'menu', record: { ...menu, title: 'タブAの変更' }, baseUpdatedAt: menu.updatedAt });
    expect(a.status).toBe('published');
    // tab B still holds the old version in memory, and saves from it
    const b = await tabB.editor.save(admin, { kind: 'menu', record: { ...menu, title: 'タブBの変更' }, baseUpdatedAt: menu.updatedAt });
    expect(b.status).toBe('conflict');
    if (b.status === 'conflict') expect((b.current as Menu).title).toBe('タブAの変更');
    // B caught up: its public view shows A's version, and a save from it now goes through
    expect(await publicMenuTitle(tabB, site.id, menu.id)).toBe('タブAの変更');
    const stored = await (await openStore(factory)).load();
    expect(stored?.data.menus.find((x) => x.id === menu.id)?.title).toBe('タブAの変更');
    if (b.status === 'conflict') {
      const again = await tabB.editor.save(admin, { kind: 'menu', record: { ...b.current, title: 'タブBの変更' } as Menu, baseUpdatedAt: b.current.updatedAt });
      expect(again.status).toBe('published');
    }
    // a coordinator's proposal from a stale tab is refused the same way
    const c = await tabA.editor.save(coordinator(), { kind: 'site', record: { ...site, access: 'Aの行き方' }, baseUpdatedAt: site.updatedAt });
    expect(c.status).toBe('pending');
    const d = await tabB.editor.save(coordinator(), { kind: 'site', record: { ...site, access: 'Bの行き方' }, baseUpdatedAt: site.updatedAt });
    expect(d.status).toBe('conflict');
    expect((await tabB.editor.listChanges(staff, { status: 'pending' })).length).toBe(1);
  });

  it('returns field issues for an invalid record and changes nothing', async () => {
    const s = source();
    const r = await s.editor.save(staff, {
      kind: 'menu',
      record: { ...menu, title: '', needs: [] },
      baseUpdatedAt: menu.updatedAt,
    });
    expect(r.status).toBe('invalid');
    if (r.status !== 'invalid') return;
    expect(r.issues.map((i) => i.path).sort()).toEqual(['needs', 'title']);
    expect(r.issues.find((i) => i.path === 'title')?.message).toBe('タイトルを入力してください');
    expect(await publicMenuTitle(s, site.id, menu.id)).toBe(menu.title);
  });

  it('persists edits and marks the stored demo as no longer untouched', async () => {
    const factory = new IDBFactory();
    const s = source(factory);
    await s.ready();
    expect((await (await openStore(factory)).load())?.demoVersion).toBeDefined();
    await s.editor.save(staff, {
      kind: 'site',
      record: { ...site, description: '説明を更新しました' },
      baseUpdatedAt: site.updatedAt,
    });
    const stored = await (await openStore(factory)).load();
    expect(stored?.demoVersion).toBeUndefined();
    const again = source(factory);
    expect((await again.getPublicSite(site.id))?.site.description).toBe('説明を更新しました');
    expect(await again.editor.getHistory(staff, 'site', site.id)).toHaveLength(1);
  });
});

describe('review', () => {
  it("keeps the published version public while a coordinator's change waits, then approves it", async () => {
    const s = source();
    const before = s.publicVersion;
    const r = await s.editor.save(coordinator(), {
      kind: 'menu',
      record: { ...menu, title: '申請中のタイトル' },
      baseUpdatedAt: menu.updatedAt,
    });
    expect(r.status).toBe('pending');
    if (r.status !== 'pending') return;
    expect(r.change).toMatchObject({
      kind: 'menu',
      listingId: menu.id,
      orgId: org.id,
      status: 'pending',
      baseUpdatedAt: menu.updatedAt,
      submittedBy: 'demo-coordinator',
    });
    expect(await publicMenuTitle(s, site.id, menu.id)).toBe(menu.title);
    expect(s.publicVersion).toBe(before);
    // the coordinator's form now opens on the proposal; the queue shows it to staff
    const open = await s.editor.getListing(coordinator(), 'menu', menu.id);
    expect((open?.current as Menu).title).toBe('申請中のタイトル');
    expect((open?.published as Menu).title).toBe(menu.title);
    expect(open?.publishesDirectly).toBe(false);
    expect((await s.editor.listChanges(staff, { status: 'pending' })).map((c) => c.id)).toEqual([
      r.change.id,
    ]);

    await expect(s.editor.review(coordinator(), r.change.id, 'approve')).rejects.toThrow(
      '職員・管理者',
    );
    const approved = await s.editor.review(admin, r.change.id, 'approve');
    expect(approved.status).toBe('approved');
    expect(await publicMenuTitle(s, site.id, menu.id)).toBe('申請中のタイトル');
    expect(s.publicVersion).toBeGreaterThan(before);
    const found = await s.searchPublicSites({ text: '申請中のタイトル' });
    expect(found.hits.map((h) => h.site.id)).toContain(site.id);
    const [rev] = await s.editor.getHistory(staff, 'menu', menu.id);
    expect(rev).toMatchObject({
      action: 'update',
      by: 'demo-coordinator',
      approvedBy: 'demo-admin',
      changedFields: ['title'],
      changeId: r.change.id,
    });
  });

  it('rejects only with a comment, and the coordinator sees the rejection', async () => {
    const s = source();
    const r = await s.editor.save(coordinator(), {
      kind: 'site',
      record: { ...site, name: `${site.name}（改）` },
      baseUpdatedAt: site.updatedAt,
    });
    if (r.status !== 'pending') throw new Error(r.status);
    await expect(s.editor.review(staff, r.change.id, 'reject', '  ')).rejects.toThrow('理由');
    const rejected = await s.editor.review(
      staff,
      r.change.id,
      'reject',
      '名称は正式名のままにしてください',
    );
    expect(rejected).toMatchObject({
      status: 'rejected',
      change: {
        status: 'rejected',
        comment: '名称は正式名のままにしてください',
        reviewedBy: 'demo-staff',
      },
    });
    expect((await s.getPublicSite(site.id))?.site.name).toBe(site.name);
    const mine = await s.editor.listListings(coordinator(), {});
    expect(mine.find((l) => l.kind === 'site' && l.id === site.id)?.rejected?.comment).toBe(
      '名称は正式名のままにしてください',
    );
    await expect(s.editor.review(staff, r.change.id, 'approve')).rejects.toThrow('すでに処理');
  });

  it('refuses a second coordinator edit from the published base once a proposal exists', async () => {
    const s = source();
    const a = await s.editor.save(coordinator(), {
      kind: 'menu',
      record: { ...menu, description: 'Aさんの説明' },
      baseUpdatedAt: menu.updatedAt,
    });
    if (a.status !== 'pending') throw new Error(a.status);
    const b = await s.editor.save(coordinator(), {
      kind: 'menu',
      record: { ...menu, description: 'Bさんの説明' },
      baseUpdatedAt: menu.updatedAt,
    });
    expect(b.status).toBe('conflict');
    if (b.status === 'conflict') expect((b.current as Menu).description).toBe('Aさんの説明');
    // editing the proposal updates the same change request
    const c = await s.editor.save(coordinator(), {
      kind: 'menu',
      record: { ...a.change.proposed, description: 'Bさんが続けた説明' } as Menu,
      baseUpdatedAt: a.change.proposed.updatedAt,
    });
    expect(c.status === 'pending' && c.change.id).toBe(a.change.id);
    expect(await s.editor.listChanges(staff, { status: 'pending' })).toHaveLength(1);
  });

  it('publishes at once for a trusted organization', async () => {
    const trusted = demo.organizations.find(
      (o) => o.trusted && demo.menus.some((m) => m.orgId === o.id),
    )!;
    const m = demo.menus.find((x) => x.orgId === trusted.id)!;
    const s = source();
    const r = await s.editor.save(coordinator(trusted.id), {
      kind: 'menu',
      record: { ...m, description: '信頼済み団体の更新' },
      baseUpdatedAt: m.updatedAt,
    });
    expect(r.status).toBe('published');
    expect(await s.editor.listChanges(staff)).toEqual([]);
  });

  it('a new listing from a coordinator waits; approved, it appears on the public map', async () => {
    const s = source();
    const fresh: Site = {
      ...site,
      id: 'ignored',
      name: 'まったく新しい居場所テスト',
      kana: 'まったくあたらしいいばしょてすと',
      location: [site.location[0] + 0.01, site.location[1] + 0.01],
    };
    const r = await s.editor.save(coordinator(), {
      kind: 'site',
      record: fresh,
      baseUpdatedAt: null,
    });
    if (r.status !== 'pending') throw new Error(r.status);
    expect(r.change.action).toBe('create');
    expect(r.change.listingId).not.toBe('ignored');
    expect((await s.getPublicPoints()).some((p) => p.id === r.change.listingId)).toBe(false);
    expect(
      (await s.editor.listListings(coordinator(), {})).some(
        (l) => l.id === r.change.listingId && l.pendingChangeId === r.change.id,
      ),
    ).toBe(true);
    await s.editor.review(staff, r.change.id, 'approve');
    expect((await s.getPublicPoints()).some((p) => p.id === r.change.listingId)).toBe(true);
    expect((await s.editor.getHistory(staff, 'site', r.change.listingId))[0]).toMatchObject({
      action: 'create',
      before: null,
    });
  });

  it('lets the organization withdraw its pending change', async () => {
    const s = source();
    const r = await s.editor.save(coordinator(), {
      kind: 'menu',
      record: { ...menu, title: '取り下げる' },
      baseUpdatedAt: menu.updatedAt,
    });
    if (r.status !== 'pending') throw new Error(r.status);
    expect((await s.editor.withdraw(coordinator(), r.change.id)).status).toBe('withdrawn');
    expect((await s.editor.getListing(coordinator(), 'menu', menu.id))?.current.updatedAt).toBe(
      menu.updatedAt,
    );
  });
});

describe('permissions', () => {
  it("refuses a coordinator another organization's listing, and moving a listing to another organization", async () => {
    const s = source();
    await expect(s.editor.getListing(coordinator(), 'site', otherSite.id)).rejects.toThrow('権限');
    await expect(
      s.editor.save(coordinator(), {
        kind: 'site',
        record: { ...otherSite, name: '乗っ取り' },
        baseUpdatedAt: otherSite.updatedAt,
      }),
    ).rejects.toThrow('権限');
    await expect(
      s.editor.save(coordinator(), {
        kind: 'site',
        record: { ...site, orgId: otherSite.orgId },
        baseUpdatedAt: site.updatedAt,
      }),
    ).rejects.toThrow('権限');
    await expect(s.editor.getHistory(coordinator(), 'site', otherSite.id)).rejects.toThrow('権限');
    await expect(
      s.editor.save(resident, { kind: 'site', record: site, baseUpdatedAt: site.updatedAt }),
    ).rejects.toThrow('サインイン');
    expect((await s.getPublicSite(otherSite.id))?.site.name).toBe(otherSite.name);
    const mine = await s.editor.listListings(coordinator(), {});
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((l) => l.orgId === org.id)).toBe(true);
  });
});

describe('history and restore', () => {
  it('records who changed which fields, and restoring is a new revision', async () => {
    const s = source();
    const a = await s.editor.save(staff, {
      kind: 'site',
      record: { ...site, description: '一回目' },
      baseUpdatedAt: site.updatedAt,
    });
    if (a.status !== 'published') throw new Error(a.status);
    const b = await s.editor.save(admin, {
      kind: 'site',
      record: { ...(a.record as Site), description: '二回目', access: '駅から徒歩5分' },
      baseUpdatedAt: a.record.updatedAt,
    });
    if (b.status !== 'published') throw new Error(b.status);
    const history = await s.editor.getHistory(staff, 'site', site.id);
    expect(history.map((h) => [h.action, h.by, h.changedFields])).toEqual([
      ['update', 'demo-admin', ['access', 'description']],
      ['update', 'demo-staff', ['description']],
    ]);
    const stale = await s.editor.restore(staff, history[1]!.id, a.record.updatedAt);
    expect(stale.status).toBe('conflict');
    const restored = await s.editor.restore(staff, history[1]!.id, b.record.updatedAt);
    expect(restored.status).toBe('published');
    expect((await s.getPublicSite(site.id))?.site.description).toBe('一回目');
    const after = await s.editor.getHistory(staff, 'site', site.id);
    expect(after).toHaveLength(3);
    expect(after[0]).toMatchObject({
      action: 'restore',
      changedFields: expect.arrayContaining(['description']),
    });
  });

  it("an untrusted coordinator's restore waits for review", async () => {
    const s = source();
    const a = await s.editor.save(staff, {
      kind: 'menu',
      record: { ...menu, title: '職員の変更' },
      baseUpdatedAt: menu.updatedAt,
    });
    if (a.status !== 'published') throw new Error(a.status);
    const [rev] = await s.editor.getHistory(coordinator(), 'menu', menu.id);
    const r = await s.editor.restore(coordinator(), rev!.id, a.record.updatedAt);
    expect(r.status === 'pending' && r.change.action).toBe('restore');
  });
});

describe('freshness', () => {
  it('「変更なし」 sets lastVerified to today with a revision, and the stale list follows the configured limit', async () => {
    const s = source();
    const staleOnes = await s.editor.listListings(coordinator(), { staleOnly: true });
    const all = await s.editor.listListings(coordinator(), {});
    expect(staleOnes.every((l) => l.stale)).toBe(true);
    const target = all.find((l) => l.lastVerified < TODAY)!;
    const v = await s.editor.verify(coordinator(), target.kind, target.id, target.updatedAt);
    expect(v.status).toBe('published');
    if (v.status !== 'published') return;
    expect(v.record.lastVerified).toBe(TODAY);
    expect(v.revision).toMatchObject({ action: 'verify', changedFields: ['lastVerified'] });
    // a verify from the old token is refused like any save
    expect(
      (await s.editor.verify(coordinator(), target.kind, target.id, target.updatedAt)).status,
    ).toBe('conflict');
    const after = await s.editor.listListings(coordinator(), { staleOnly: true });
    expect(after.some((l) => l.id === target.id)).toBe(false);
    // a 1-day limit makes everything not confirmed today stale
    const strict = await s.editor.listListings(coordinator(), {
      staleOnly: true,
      staleAfterDays: 0,
    });
    expect(strict.length).toBeGreaterThanOrEqual(staleOnes.length);
    expect(strict.some((l) => l.id === target.id)).toBe(false);
    // staff see stale listings of every organization
    const everyone = await s.editor.listListings(staff, { staleOnly: true });
    expect(new Set(everyone.map((l) => l.orgId)).size).toBeGreaterThan(1);
  });
});

describe('error reports', () => {
  it('accepts a short anonymous report and refuses personal data', async () => {
    const s = source();
    await expect(
      s.editor.submitReport({
        siteId: site.id,
        kind: 'schedule',
        message: '連絡は090-1234-5678まで',
      }),
    ).rejects.toThrow('電話番号');
    await expect(
      s.editor.submitReport({
        siteId: site.id,
        kind: 'other',
        message: 'taro@example.jp に返事をください',
      }),
    ).rejects.toThrow('メールアドレス');
    await expect(
      s.editor.submitReport({ siteId: site.id, kind: 'other', message: '' }),
    ).rejects.toThrow('入力');
    const r = await s.editor.submitReport({
      siteId: site.id,
      menuId: menu.id,
      kind: 'schedule',
      message: '2026-12-01 10:00 の回は休みでした',
    });
    expect(r).toMatchObject({ siteId: site.id, menuId: menu.id, status: 'open' });
    await expect(s.editor.listReports(resident)).rejects.toThrow('サインイン');
    expect((await s.editor.listReports(staff, { status: 'open' })).map((x) => x.id)).toEqual([
      r.id,
    ]);
    expect((await s.editor.listReports(coordinator())).map((x) => x.id)).toEqual([r.id]);
    expect(await s.editor.listReports(coordinator(otherSite.orgId))).toEqual([]);
    expect(
      (await s.editor.listListings(coordinator(), {})).find(
        (l) => l.kind === 'menu' && l.id === menu.id,
      )?.openReports,
    ).toBe(1);
    await expect(s.editor.setReportStatus(coordinator(), r.id, 'resolved')).rejects.toThrow('職員');
    expect((await s.editor.setReportStatus(staff, r.id, 'resolved')).status).toBe('resolved');
    expect(await s.editor.listReports(staff, { status: 'open' })).toEqual([]);
  });

  it('refuses reports about a site the public cannot see', async () => {
    const hidden = demo.sites.find((x) => !isPublicSite(x))!;
    await expect(
      source().editor.submitReport({
        siteId: hidden.id,
        kind: 'closed',
        message: '閉まっていました',
      }),
    ).rejects.toThrow('見つかりません');
  });
});

describe('duplicates', () => {
  it('warns once when a new site has a similar name within 100 m, and saves when acknowledged', async () => {
    const s = source();
    const near: Site = {
      ...site,
      id: 'x',
      name: `${site.name} `,
      location: [site.location[0] + 0.0003, site.location[1]],
    };
    const r = await s.editor.save(staff, { kind: 'site', record: near, baseUpdatedAt: null });
    expect(r.status).toBe('duplicates');
    if (r.status === 'duplicates')
      expect(r.matches[0]).toMatchObject({ id: site.id, name: site.name });
    expect(r.status === 'duplicates' && r.matches[0]!.distanceM).toBeLessThanOrEqual(100);
    const far = await s.editor.findDuplicates(staff, {
      name: site.name,
      location: [site.location[0] + 0.01, site.location[1]],
    });
    expect(far.some((m) => m.id === site.id)).toBe(false);
    const ok = await s.editor.save(staff, {
      kind: 'site',
      record: near,
      baseUpdatedAt: null,
      acknowledgeDuplicates: true,
    });
    expect(ok.status).toBe('published');
  });
});
