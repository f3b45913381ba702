import { describe, expect, it } from 'vitest';
import { generateDemoDataset } from '../../domain/demo/generate';
import {
  menuToRecord,
  organizationToRecord,
  recordToMenu,
  recordToOrganization,
  recordToSite,
  siteToRecord,
} from './listing-records';
import { RowShapeError } from './rows';

const demo = generateDemoDataset({ sites: 300, today: '2026-11-01' });

describe('listing records', () => {
  it('a site survives the round trip through its record (every demo site)', () => {
    for (const s of demo.sites) expect(recordToSite({ ...siteToRecord(s), updated_at: s.updatedAt })).toEqual(s);
  });

  it('a menu survives the round trip through its record (every demo menu)', () => {
    for (const m of demo.menus) expect(recordToMenu({ ...menuToRecord(m), updated_at: m.updatedAt })).toEqual(m);
  });

  it('an organization survives the round trip (trusted comes from the database, never from the record)', () => {
    for (const o of demo.organizations) {
      expect(organizationToRecord(o)).not.toHaveProperty('trusted');
      expect(recordToOrganization({ ...organizationToRecord(o), trusted: o.trusted })).toEqual(o);
    }
  });

  it('records carry every key, null for an absent optional field, so an update clears it', () => {
    const s = demo.sites.find((x) => x.access === undefined)!;
    expect(siteToRecord(s).access).toBeNull();
    expect(Object.keys(siteToRecord(s))).toHaveLength(21);
    const m = demo.menus.find((x) => x.ageMin === undefined)!;
    expect(menuToRecord(m).age_min).toBeNull();
    expect(Object.keys(menuToRecord(m))).toHaveLength(21);
  });

  it('a record of the wrong shape names the field', () => {
    const bad = { ...siteToRecord(demo.sites[0]!), municipality_code: '102025', updated_at: 'x' };
    expect(() => recordToSite(bad)).toThrow(RowShapeError);
    expect(() => recordToSite(bad)).toThrow(/site\.municipalityCode/);
    expect(() => recordToMenu(null)).toThrow(/menu\.\(row\)/);
  });
});
