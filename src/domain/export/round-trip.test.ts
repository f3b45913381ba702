// Export → import. The template carries everything (but `trusted`, which a file may never set);
// the national CSV, GeoJSON and HSDS carry only what may be public.
import { describe, expect, it } from 'vitest';
import { generateDemoDataset } from '../demo/generate';
import type { Dataset } from '../model';
import { applyImport, planImport } from '../import/plan';
import { previewImport } from '../import/preview';
import { exportGeoJson } from './geojson';
import { exportHsds } from './hsds';
import { exportNationalCsv, isPublicSite } from './national-csv';
import { exportTemplateCsv } from './template-csv';

const OPTIONS = { now: '2027-01-01T00:00:00+09:00', today: '2027-01-01' };
const empty = (d: Dataset): Dataset => ({ ...d, organizations: [], sites: [], menus: [] });
const withoutTrusted = (d: Dataset) => d.organizations.map(({ trusted: _t, ...o }) => o);
const usedOrgs = (d: Dataset) => {
  const used = new Set([...d.sites.map((s) => s.orgId), ...d.menus.map((m) => m.orgId)]);
  return { ...d, organizations: d.organizations.filter((o) => used.has(o.id)) };
};

describe('template round trip', () => {
  it.each([1, 2, 7, 42, 1234])('property: seed %i exports and imports without losing anything', (seed) => {
    const original = usedOrgs(generateDemoDataset({ seed, sites: 120 }));
    const csv = exportTemplateCsv(original);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain('\r\n');
    const preview = previewImport(new TextEncoder().encode(csv), OPTIONS);
    expect(preview.layout?.id).toBe('kasane-template');
    expect(preview.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const restored = applyImport(planImport(preview, empty(original), { now: OPTIONS.now }), empty(original));
    expect(restored.sites).toEqual(original.sites);
    expect(restored.menus).toEqual([...original.menus].sort((a, b) => Number(a.siteId === null) - Number(b.siteId === null)));
    expect(withoutTrusted(restored)).toEqual(expect.arrayContaining(withoutTrusted(original)));
    expect(restored.organizations).toHaveLength(original.organizations.length);
    // nothing is taken from the file for `trusted`
    expect(restored.organizations.every((o) => o.trusted === false)).toBe(true);
  });

  it('re-importing the same export into the restored data changes nothing', () => {
    const original = usedOrgs(generateDemoDataset({ seed: 3, sites: 60 }));
    const csv = exportTemplateCsv(original);
    const restored = applyImport(planImport(previewImport(csv, OPTIONS), empty(original)), empty(original));
    const again = planImport(previewImport(csv, { ...OPTIONS, existing: restored }), restored);
    expect(again.creates).toEqual({ organizations: [], sites: [], menus: [] });
    expect(again.updates).toEqual({ organizations: [], sites: [], menus: [] });
    expect(again.unchanged.sites).toHaveLength(original.sites.length);
    // and no listing warns about itself as a duplicate
    expect(previewImport(csv, { ...OPTIONS, existing: restored }).problems.filter((p) => p.field === '名称')).toEqual([]);
  });
});

describe('national CSV export', () => {
  const data = generateDemoDataset({ seed: 5, sites: 120 });
  const csv = exportNationalCsv(data);

  it('is UTF-8 with a BOM and CRLF, one row per public site', () => {
    expect(csv.startsWith('\uFEFF全国地方公共団体コード,ID,地方公共団体名,名称')).toBe(true);
    const records = previewImport(new TextEncoder().encode(csv), OPTIONS);
    expect(records.encoding).toBe('utf-8-bom');
    expect(records.rows).toHaveLength(data.sites.filter(isPublicSite).length);
  });

  it('imports back with the same names, points, categories and accessibility', () => {
    const p = previewImport(csv, OPTIONS);
    expect(p.layout?.id).toBe('national-current:public_facility');
    expect(p.problems.filter((x) => x.severity === 'error')).toEqual([]);
    const publicSites = data.sites.filter(isPublicSite);
    p.rows.forEach((r, i) => {
      const s = publicSites[i]!;
      expect(r.site).toMatchObject({ name: s.name, location: s.location, categoryId: s.categoryId, municipalityCode: s.municipalityCode, address: s.address });
      const nationalIds = new Set(['parking', 'sign_language']); // no national column for these
      expect(r.site!.accessibility.sort()).toEqual(s.accessibility.filter((a) => !nationalIds.has(a)).sort());
    });
  });

  it('never writes a confidential, staff-only or unpublished site', () => {
    const hidden = data.sites.filter((s) => !isPublicSite(s));
    expect(hidden.length).toBeGreaterThan(0);
    for (const s of hidden) expect(csv).not.toContain(`,${s.id},`);
  });
});

describe('GeoJSON and HSDS exports', () => {
  const data = generateDemoDataset({ seed: 9, sites: 120 });

  it('GeoJSON: a FeatureCollection of public sites as [lng, lat] points', () => {
    const fc = exportGeoJson(data);
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features).toHaveLength(data.sites.filter(isPublicSite).length);
    const s = data.sites.find(isPublicSite)!;
    expect(fc.features.find((f) => f.id === s.id)!.geometry).toEqual({ type: 'Point', coordinates: s.location });
    const confidential = data.sites.filter((x) => x.confidential).map((x) => x.id);
    expect(fc.features.some((f) => confidential.includes(f.id))).toBe(false);
  });

  it('HSDS: linked organizations, services, locations, service_at_location and schedules with uuids', () => {
    const h = exportHsds(data);
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    const all = [...h.organizations, ...h.services, ...h.locations, ...h.service_at_location, ...h.schedules];
    for (const x of all) expect(x.id).toMatch(uuid);
    expect(new Set(all.map((x) => x.id)).size).toBe(all.length);
    const orgIds = new Set(h.organizations.map((o) => o.id));
    const serviceIds = new Set(h.services.map((s) => s.id));
    const locationIds = new Set(h.locations.map((l) => l.id));
    for (const s of h.services) expect(orgIds.has(s.organization_id)).toBe(true);
    for (const sal of h.service_at_location) {
      expect(serviceIds.has(sal.service_id)).toBe(true);
      expect(locationIds.has(sal.location_id)).toBe(true);
    }
    for (const sc of h.schedules) {
      expect(serviceIds.has(sc.service_id!)).toBe(true);
      if (sc.freq) expect(sc.byday).toMatch(/^((-1|[1-4])?(MO|TU|WE|TH|FR|SA|SU),?)+$/);
    }
    // the same data gives the same uuids
    expect(exportHsds(data)).toEqual(h);
  });
});
