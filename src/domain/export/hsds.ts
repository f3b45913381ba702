// Public listings as Open Referral HSDS 3.x JSON (field names from openreferral/specification,
// schema/*.json at 3.2): organizations, services (our menus), locations (our sites),
// service_at_location, and schedules as RFC 5545-style rows. HSDS asks for uuids: ours are derived
// from our ids (uuidFrom), so the same listing keeps its uuid across exports; a location carries
// our site id and its 全国地方公共団体コード in `external_identifier`.
import type { Dataset, Menu, ScheduleRule, Site } from '../model';
import { uuidFrom } from '../import/hash';
import { ACCESSIBILITY_LABELS, CATEGORY_BY_ID, LANGUAGE_LABELS } from '../taxonomy';
import { COST_LABELS } from '../import/template';
import { isPublicMenu, isPublicSite } from './national-csv';

export type HsdsSchedule = {
  id: string;
  service_id: string | null;
  location_id: string | null;
  service_at_location_id: string | null;
  valid_from: string | null;
  valid_to: string | null;
  dtstart: string | null;
  timezone: number; // UTC offset in hours: Japan is +9 all year
  freq: 'WEEKLY' | 'MONTHLY' | null;
  interval: number | null;
  byday: string | null; // comma separated, e.g. '2WE,-1FR'
  opens_at: string | null;
  closes_at: string | null;
  description: string | null;
  notes: string | null;
};

export type HsdsExport = {
  organizations: {
    id: string;
    name: string;
    description: string;
    organization_identifiers: { id: string; organization_id: string; identifier_scheme: string; identifier_type: string; identifier: string }[];
  }[];
  services: {
    id: string;
    organization_id: string;
    name: string;
    description: string;
    status: 'active';
    url: string | null;
    email: string | null;
    fees_description: string | null;
    minimum_age: number | null;
    maximum_age: number | null;
    assured_date: string;
    last_modified: string;
    languages: { id: string; service_id: string; name: string; code: string }[];
  }[];
  locations: {
    id: string;
    location_type: 'physical';
    organization_id: string;
    name: string;
    alternate_name: string | null;
    description: string;
    transportation: string | null;
    latitude: number;
    longitude: number;
    external_identifier: string; // 全国地方公共団体コード + our site id
    external_identifier_type: string;
    addresses: { id: string; location_id: string; address_1: string; city: string; region: string | null; state_province: string; postal_code: string; country: 'JP'; address_type: 'physical' }[];
    phones: { id: string; location_id: string; number: string; type: 'voice' }[];
    accessibility: { id: string; location_id: string; description: string }[];
  }[];
  service_at_location: { id: string; service_id: string; location_id: string }[];
  schedules: HsdsSchedule[];
};

// HSDS language codes are ISO 639; easy Japanese and JSL have no code of their own
const LANGUAGE_CODES: Record<string, string> = { ja: 'ja', easy_ja: 'ja', en: 'en', zh: 'zh', ko: 'ko', vi: 'vi', pt: 'pt', tl: 'tl', ne: 'ne', jsl: 'jsl' };

function scheduleRows(menu: Menu, salId: string | null, serviceId: string): HsdsSchedule[] {
  const notes = [menu.schedule.note, menu.schedule.closedOnHolidays ? '祝日は休み' : '', menu.schedule.irregular ? '不定期（要問合せ）' : '']
    .filter(Boolean)
    .join('\n');
  const row = (r: ScheduleRule | null, i: number): HsdsSchedule => ({
    id: uuidFrom(`schedule:${menu.id}:${i}`),
    service_id: serviceId,
    location_id: null,
    service_at_location_id: salId,
    valid_from: r?.validFrom ?? null,
    valid_to: r?.validTo ?? null,
    dtstart: r?.validFrom ?? null,
    timezone: 9,
    freq: r?.freq ?? null,
    interval: r?.interval ?? null,
    byday: r ? r.byday.join(',') : null,
    opens_at: r?.opensAt ?? null,
    closes_at: r?.closesAt ?? null,
    description: null,
    notes: notes || null,
  });
  const rules = menu.schedule.rules.map((r, i) => row(r, i));
  // a schedule with no rules (不定期) still says so, as a row with only notes
  return rules.length ? rules : notes ? [row(null, 0)] : [];
}

export function exportHsds(dataset: Dataset): HsdsExport {
  const sites = dataset.sites.filter(isPublicSite);
  const siteIds = new Set(sites.map((s) => s.id));
  // outreach menus (no site) are services too; menus at a hidden site are not
  const menus = dataset.menus.filter((m) => isPublicMenu(m) && (m.siteId === null || siteIds.has(m.siteId)));
  const usedOrgs = new Set([...sites.map((s) => s.orgId), ...menus.map((m) => m.orgId)]);
  const locId = (s: Site) => uuidFrom(`location:${s.id}`);
  const sitesById = new Map(sites.map((s) => [s.id, s]));

  const out: HsdsExport = {
    organizations: dataset.organizations
      .filter((o) => usedOrgs.has(o.id))
      .map((o) => {
        const id = uuidFrom(`organization:${o.id}`);
        return {
          id,
          name: o.name,
          description: '',
          organization_identifiers: o.corporateNumber
            ? [{ id: uuidFrom(`orgid:${o.id}`), organization_id: id, identifier_scheme: 'JP-CN', identifier_type: '法人番号', identifier: o.corporateNumber }]
            : [],
        };
      }),
    services: [],
    locations: sites.map((s) => {
      const id = locId(s);
      return {
        id,
        location_type: 'physical',
        organization_id: uuidFrom(`organization:${s.orgId}`),
        name: s.name,
        alternate_name: s.kana || null,
        description: s.description,
        transportation: s.access ?? null,
        latitude: s.location[1],
        longitude: s.location[0],
        external_identifier: `${s.municipalityCode}:${s.id}`,
        external_identifier_type: '全国地方公共団体コード:かさねマップ拠点ID',
        addresses: [{ id: uuidFrom(`address:${s.id}`), location_id: id, address_1: s.address, city: '', region: null, state_province: '', postal_code: '', country: 'JP', address_type: 'physical' }],
        phones: s.contact.tel ? [{ id: uuidFrom(`phone:${s.id}`), location_id: id, number: s.contact.tel, type: 'voice' }] : [],
        accessibility: s.accessibility.map((a) => ({ id: uuidFrom(`a11y:${s.id}:${a}`), location_id: id, description: ACCESSIBILITY_LABELS[a].ja })),
      };
    }),
    service_at_location: [],
    schedules: [],
  };
  for (const m of menus) {
    const id = uuidFrom(`service:${m.id}`);
    const site = m.siteId ? sitesById.get(m.siteId) : undefined;
    out.services.push({
      id,
      organization_id: uuidFrom(`organization:${m.orgId}`),
      name: m.title,
      description: [m.description, site ? `（${CATEGORY_BY_ID[site.categoryId].label.ja}）` : ''].filter(Boolean).join(''),
      status: 'active',
      url: site?.contact.url ?? null,
      email: site?.contact.email ?? null,
      fees_description: [COST_LABELS[m.cost.kind], m.cost.amountYen !== undefined ? `${m.cost.amountYen}円` : '', m.cost.note ?? ''].filter(Boolean).join(' '),
      minimum_age: m.ageMin ?? null,
      maximum_age: m.ageMax ?? null,
      assured_date: m.lastVerified,
      last_modified: m.updatedAt,
      languages: m.languages.map((l) => ({ id: uuidFrom(`lang:${m.id}:${l}`), service_id: id, name: LANGUAGE_LABELS[l].ja, code: LANGUAGE_CODES[l] ?? l })),
    });
    let salId: string | null = null;
    if (site) {
      salId = uuidFrom(`sal:${m.id}`);
      out.service_at_location.push({ id: salId, service_id: id, location_id: locId(site) });
    }
    out.schedules.push(...scheduleRows(m, salId, id));
  }
  return out;
}
