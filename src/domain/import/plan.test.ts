import { readRealdata } from '../../../tests/support/realdata';
import { describe, expect, it } from 'vitest';
import { generateDemoDataset } from '../demo/generate';
import type { Dataset } from '../model';
import { ImportBlockedError, applyImport, planImport } from './plan';
import { previewImport } from './preview';

const OPTIONS = { now: '2026-04-01T09:00:00+09:00', today: '2026-04-01', municipalityCode: '372013' };
const FILE = readRealdata('takamatsu_0045_chiiki_houkatsu_shien_center.csv');
const KAWAGUCHI = readRealdata('kawaguchi_112038_preschool.csv');
const base = (): Dataset => generateDemoDataset({ seed: 1, sites: 60 });

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object') {
    Object.values(o).forEach(deepFreeze);
    Object.freeze(o);
  }
  return o;
}

describe('planImport / applyImport', () => {
  it('creates on the first import, and re-importing the same file updates nothing and adds nothing', () => {
    const data = base();
    const first = planImport(previewImport(FILE, { ...OPTIONS, existing: data }), data, { now: OPTIONS.now });
    expect(first.creates.sites).toHaveLength(7);
    expect(first.creates.menus).toHaveLength(7);
    expect(first.creates.organizations.map((o) => o.name)).toEqual(['高松市']);
    const after = applyImport(first, data);
    expect(after.sites).toHaveLength(data.sites.length + 7);

    const again = planImport(previewImport(FILE, { ...OPTIONS, existing: after, now: '2026-05-01T00:00:00+09:00', today: '2026-05-01' }), after);
    expect(again.creates).toEqual({ organizations: [], sites: [], menus: [] });
    expect(again.updates.sites).toEqual([]);
    expect(again.unchanged.sites).toHaveLength(7);
    expect(applyImport(again, after).sites).toHaveLength(after.sites.length);
  });

  it('a changed file updates only the fields it provides and keeps what reviewers set', () => {
    const data = base();
    const after = applyImport(planImport(previewImport(FILE, OPTIONS), data), data);
    // a reviewer published one listing and a coordinator added ease of taking part
    const id = after.sites.find((s) => s.name.startsWith('地域包括支援センター（'))!.id;
    const reviewed: Dataset = {
      ...after,
      sites: after.sites.map((s) => (s.id === id ? { ...s, status: 'published' } : s)),
      menus: after.menus.map((m) => (m.siteId === id ? { ...m, ease: ['visit_first'] } : m)),
    };
    const edited = new TextDecoder().decode(FILE).replace('087-839-2811', '087-839-0000');
    const plan = planImport(previewImport(edited, { ...OPTIONS, existing: reviewed }), reviewed, { now: '2026-06-01T00:00:00+09:00' });
    expect(plan.updates.sites).toHaveLength(1);
    const { before, after: next } = plan.updates.sites[0]!;
    expect(before.contact.tel).toBe('087-839-2811');
    expect(next.contact.tel).toBe('087-839-0000');
    expect(next.status).toBe('published');
    expect(next.updatedAt).toBe('2026-06-01T00:00:00+09:00');
    const result = applyImport(plan, reviewed);
    expect(result.menus.find((m) => m.siteId === id)!.ease).toEqual(['visit_first']);
  });

  it('an error row blocks the whole commit and leaves the data untouched', () => {
    const data = deepFreeze(base());
    const snapshot = JSON.stringify(data);
    const plan = planImport(previewImport(KAWAGUCHI, { ...OPTIONS, existing: data }), data);
    expect(plan.blocking.map((p) => p.row)).toEqual([234]);
    expect(() => applyImport(plan, data)).toThrow(ImportBlockedError);
    expect(JSON.stringify(data)).toBe(snapshot);
  });

  it('excluding the error row lets the other 301 rows in', () => {
    const data = base();
    const plan = planImport(previewImport(KAWAGUCHI, { ...OPTIONS, existing: data }), data, { exclude: [234] });
    expect(plan.blocking).toEqual([]);
    expect(plan.excludedRows).toEqual([234]);
    const after = applyImport(plan, data);
    expect(after.sites.length - data.sites.length).toBe(301);
  });

  it('an import that fails half-way (an invalid object late in the plan) changes nothing', () => {
    const data = deepFreeze(base());
    const snapshot = JSON.stringify(data);
    const plan = planImport(previewImport(FILE, OPTIONS), data);
    // the sixth site is broken after planning, e.g. by a buggy mapping: the earlier five must not land
    const broken = { ...plan, creates: { ...plan.creates, sites: plan.creates.sites.map((s, i) => (i === 5 ? { ...s, municipalityCode: '000000' } : s)) } };
    expect(() => applyImport(broken, data)).toThrow(/データは変更していません/);
    expect(JSON.stringify(data)).toBe(snapshot);
  });

  it('refuses a plan whose listing was edited after the preview, instead of overwriting the edit', () => {
    const data = base();
    const after = applyImport(planImport(previewImport(FILE, OPTIONS), data), data);
    const edited = new TextDecoder().decode(FILE).replace('087-839-2811', '087-839-0000');
    const plan = planImport(previewImport(edited, OPTIONS), after);
    const meanwhile: Dataset = { ...after, sites: after.sites.map((s) => (s.id === plan.updates.sites[0]!.before.id ? { ...s, description: '別の人が編集' } : s)) };
    expect(() => applyImport(plan, meanwhile)).toThrow(ImportBlockedError);
  });

  it('a menu whose site is missing is refused', () => {
    const data = base();
    const plan = planImport(previewImport(FILE, OPTIONS), data);
    const orphan = { ...plan, creates: { ...plan.creates, sites: plan.creates.sites.slice(1) } };
    try {
      applyImport(orphan, data);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ImportBlockedError);
      expect((e as ImportBlockedError).problems.some((p) => p.message.includes('拠点の行も取り込んでください'))).toBe(true);
    }
  });
});
