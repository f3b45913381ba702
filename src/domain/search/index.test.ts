import { describe, expect, it } from 'vitest';
import type { Schedule } from '../model';
import { CATEGORY_BY_ID, type CategoryId } from '../taxonomy';
import { buildSearchIndex, searchIndex } from './index';
import { naiveSearch } from './naive';
import { normalizeForSearch } from './normalize';
import { categoryKeywordLabels } from './keyword-text';
import { hasSessionOn, weekdayOfIsoDate } from './weekday';
import type { SiteQuery } from './query';
import type { SearchableMenu, SearchableSite } from './types';
import { randomDataset, randomQuery, rng } from './test-dataset';

const weekly = (...byday: string[]): Schedule => ({
  rules: [{ freq: 'WEEKLY', interval: 1, byday, opensAt: '10:00', closesAt: '12:00' }],
  closedOnHolidays: false,
  irregular: false,
});

const site = (id: string, over: Partial<SearchableSite> = {}): SearchableSite => ({
  id,
  name: id,
  kana: '',
  categoryId: 'community_center',
  fields: ['community'],
  location: [139.7, 35.68],
  accessibility: [],
  description: '',
  ...over,
});

const menu = (id: string, siteId: string, over: Partial<SearchableMenu> = {}): SearchableMenu => ({
  id,
  siteId,
  title: id,
  needs: ['place_to_be'],
  targets: ['older_adults'],
  schedule: weekly('MO'),
  cost: { kind: 'fixed', amountYen: 100 },
  ease: [],
  ...over,
});

const SITES: SearchableSite[] = [
  site('hidamari', { name: 'ひだまりサロン', kana: 'ヒダマリサロン', categoryId: 'salon', fields: ['elderly'], location: [139.7, 35.68] }),
  site('kodomo', { name: '子ども食堂 にこにこ', kana: 'こどもしょくどうにこにこ', categoryId: 'kids_cafeteria', fields: ['children'], location: [139.71, 35.69], accessibility: ['wheelchair', 'parking'] }),
  site('houkatsu', { name: '中央地域包括支援センター', kana: 'ちゅうおうちいきほうかつしえんせんたー', categoryId: 'community_general_support_center', fields: ['elderly'], location: [139.72, 35.7] }),
  site('kominkan', { name: '東公民館', kana: 'ひがしこうみんかん', description: '体操教室やカフェを開いています', location: [139.75, 35.72], accessibility: ['wheelchair'] }),
  site('far', { name: 'わかば広場', kana: 'わかばひろば', location: [141.35, 43.06] }),
];
const MENUS: SearchableMenu[] = [
  menu('hidamari-tea', 'hidamari', { title: 'お茶会', schedule: weekly('TU'), cost: { kind: 'free' }, ease: ['solo_friendly'] }),
  menu('kodomo-meal', 'kodomo', { title: 'みんなの夕ごはん', needs: ['meals'], targets: ['anyone'], schedule: weekly('FR') }),
  menu('kominkan-exercise', 'kominkan', { title: 'いきいき体操', needs: ['exercise_health'], schedule: weekly('MO') }),
  menu('kominkan-cafe', 'kominkan', { title: 'ふらっとカフェ', needs: ['meals', 'socializing'], schedule: weekly('TU'), cost: { kind: 'free' } }),
  menu('outreach', null as unknown as string, { title: 'ひだまり訪問' }),
];

describe('searchIndex, by example', () => {
  const index = buildSearchIndex(SITES, MENUS);
  const ids = (q: SiteQuery) => searchIndex(index, q).hits.map((h) => h.site.id);

  it.each<[string, SiteQuery, string[]]>([
    ['everything in kana order', {}, ['kodomo', 'houkatsu', 'kominkan', 'hidamari', 'far']], // こ < ち < ひが < ひだ < わ
    ['katakana keyword finds a hiragana reading', { text: 'ヒダマリ' }, ['hidamari']],
    ['half-width keyword', { text: 'ｻﾛﾝ' }, ['hidamari']],
    ['category label, English', { text: 'Community salon' }, ['hidamari']],
    ['help desks answer to 相談窓口', { text: '相談窓口' }, ['houkatsu']],
    ['menu titles are searched', { text: 'ゆうごはん' }, []], // 夕 is a kanji; the title has no reading
    ['menu titles are searched', { text: 'カフェ' }, ['kominkan']],
    ['an outreach menu belongs to no site', { text: '訪問' }, []],
    ['one letter', { text: '東' }, ['kominkan']],
    ['one letter, in a category label too', { text: '館' }, ['kominkan', 'far']],
    ['fields', { fields: ['children'] }, ['kodomo']],
    ['helpDesksOnly', { helpDesksOnly: true }, ['houkatsu']],
    ['accessibility: every one must hold', { accessibility: ['wheelchair', 'parking'] }, ['kodomo']],
    ['needs', { needs: ['meals'] }, ['kodomo', 'kominkan']],
    ['a menu for anyone serves every target group', { targets: ['teens'] }, ['kodomo']],
    ['menu conditions hold on the same menu', { needs: ['exercise_health'], weekdays: ['TU'] }, []],
    ['… and do when one menu has both', { needs: ['meals'], weekdays: ['TU'] }, ['kominkan']],
    ['free comes from the cost', { free: true }, ['kominkan', 'hidamari']],
    ['ease free = free', { ease: ['free', 'solo_friendly'] }, ['hidamari']],
    ['today: a Friday', { today: '2026-04-03' }, ['kodomo']],
    ['unknown required id matches nothing', { accessibility: ['lift' as never] }, []],
    ['bbox', { bbox: [139.705, 35.685, 139.76, 35.73] }, ['kodomo', 'houkatsu', 'kominkan']],
    ['bbox across the antimeridian', { bbox: [141, 43, -170, 44] }, ['far']],
  ])('%s', (_, query, expected) => {
    expect(ids(query)).toEqual(expected);
  });

  it('sorts by distance from the origin and says how far', () => {
    const r = searchIndex(index, { origin: [139.75, 35.72] });
    expect(r.hits.map((h) => h.site.id)).toEqual(['kominkan', 'houkatsu', 'kodomo', 'hidamari', 'far']);
    expect(r.hits[0]?.distanceM).toBe(0);
    expect(r.hits[1]?.distanceM).toBeGreaterThan(3000); // ~3.6 km
    expect(r.hits[1]?.distanceM).toBeLessThan(4000);
    expect(r.hits[4]?.distanceM).toBeGreaterThan(800_000); // Sapporo
  });

  it('counts matches everywhere and in view, and limits only the hits', () => {
    const r = searchIndex(index, { bbox: [139, 35, 140, 36] }, { limit: 2 });
    expect(r.total).toBe(5);
    expect(r.totalInView).toBe(4);
    expect(r.hits).toHaveLength(2);
    expect(r.matchIds).toEqual(['hidamari', 'kodomo', 'houkatsu', 'kominkan', 'far']);
    expect(searchIndex(index, {}, { limit: 0 }).hits).toEqual([]);
  });

  it('lists the menus that satisfy the menu-level filters, or all of them', () => {
    const hit = (q: SiteQuery) => searchIndex(index, q).hits.find((h) => h.site.id === 'kominkan')?.menuIds;
    expect(hit({ text: '公民館' })).toEqual(['kominkan-exercise', 'kominkan-cafe']);
    expect(hit({ needs: ['meals'] })).toEqual(['kominkan-cafe']);
    expect(hit({ weekdays: ['MO', 'TU'] })).toEqual(['kominkan-exercise', 'kominkan-cafe']);
  });

  it('asks the exact date check only about menus that passed every other filter, once per rule set', () => {
    const asked: string[] = [];
    const occursOn = (s: Schedule, iso: string) => {
      asked.push(s.rules[0]?.byday.join() ?? '');
      return hasSessionOn(s, iso);
    };
    // a Tuesday: only the free Tuesday menus reach the check
    const r = searchIndex(index, { today: '2026-04-07', free: true }, { occursOn });
    expect(r.matchIds).toEqual(['hidamari', 'kominkan']);
    expect(asked).toEqual(['TU']); // both free Tuesday menus share one rule set: asked once
    expect(searchIndex(index, { today: '2026-04-07' }, { occursOn: () => false }).total).toBe(0);
  });

  it('explains a bad date or a duplicate id', () => {
    expect(() => searchIndex(index, { today: '2026/04/07' })).toThrow(/YYYY-MM-DD/);
    expect(() => buildSearchIndex([site('a'), site('a')], [])).toThrow(/unique id/);
  });

  it('normalises the query the same way as the text', () => {
    expect(ids({ text: '  ひだまり　ｻﾛﾝ ' })).toEqual(['hidamari']);
    expect(ids({ text: '・' })).toEqual(ids({})); // nothing left to look for
  });
});

/** the first filter `s` fails, written out once more, as plainly as possible */
function firstFailure(s: SearchableSite, own: readonly SearchableMenu[], q: SiteQuery, occursOn = hasSessionOn): string | null {
  if (q.fields?.length && !q.fields.some((f) => s.fields.includes(f))) return 'fields';
  if (q.categories?.length && !q.categories.includes(s.categoryId)) return 'categories';
  if (q.helpDesksOnly && !CATEGORY_BY_ID[s.categoryId as CategoryId].helpDesk) return 'helpDesksOnly';
  if (q.accessibility?.some((a) => !s.accessibility.includes(a))) return 'accessibility';
  const text = normalizeForSearch(q.text ?? '');
  const haystack = [s.name, s.kana, ...categoryKeywordLabels(s.categoryId), s.description, ...own.map((m) => m.title)].map(normalizeForSearch);
  if (text && !haystack.some((h) => h.includes(text))) return 'text';
  const menuLevel = q.needs?.length || q.targets?.length || q.weekdays?.length || q.today || q.free || q.ease?.length;
  const fits = (m: SearchableMenu) =>
    (!q.needs?.length || m.needs.some((x) => q.needs!.includes(x))) &&
    (!q.targets?.length || m.targets.includes('anyone') || m.targets.some((x) => q.targets!.includes(x))) &&
    (!q.weekdays?.length || q.weekdays.some((w) => m.schedule.rules.some((r) => r.byday.some((d) => d.slice(-2) === w)))) &&
    (!q.today || occursOn(m.schedule, q.today)) &&
    (!(q.free || q.ease?.includes('free')) || m.cost.kind === 'free') &&
    (q.ease ?? []).every((e) => e === 'free' || (m.ease as string[]).includes(e));
  if (menuLevel && !own.some(fits)) return 'menus';
  return null;
}

describe('searchIndex against naiveSearch', () => {
  // the default exact check, and a plug-in that only knows weekdays (the index still prefilters by
  // the weekday mask, which any correct check implies)
  const weekdayOnly = (s: Schedule, iso: string) => s.rules.some((r) => r.byday.some((d) => d.endsWith(['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'][weekdayOfIsoDate(iso)]!)));

  it.each([1, 2, 3, 4, 5, 6])('agrees on 300 random queries (seed %i)', { timeout: 60_000 }, (seed) => {
    const rand = rng(seed);
    const { sites, menus } = randomDataset(rand, 60 + Math.floor(rand() * 300));
    const index = buildSearchIndex(sites, menus);
    const menusOf = new Map<string | null, SearchableMenu[]>();
    for (const m of menus) menusOf.set(m.siteId, [...(menusOf.get(m.siteId) ?? []), m]);
    for (let n = 0; n < 300; n++) {
      const query = randomQuery(rand);
      const limit = [0, 1, 5, 100, Infinity][n % 5];
      const occursOn = seed % 2 ? hasSessionOn : weekdayOnly;
      const options = { limit, occursOn };
      const got = searchIndex(index, query, options);
      const want = naiveSearch(sites, menus, query, options);
      const context = `seed ${seed}, query ${n}: ${JSON.stringify(query)}`;
      expect(new Set(got.matchIds), context).toEqual(new Set(want.matchIds));
      expect(got.total, context).toBe(want.total);
      expect(got.totalInView, context).toBe(want.totalInView);
      expect(got.hits.map((h) => [h.site.id, h.menuIds, h.distanceM]), context).toEqual(want.hits.map((h) => [h.site.id, h.menuIds, h.distanceM]));

      // every hit is in the box; every site is a match exactly when no filter rejects it
      const [west, south, east, north] = query.bbox ?? [-180, -90, 180, 90];
      for (const h of got.hits) {
        const [lng, lat] = h.site.location;
        expect(lat >= south && lat <= north && (west <= east ? lng >= west && lng <= east : lng >= west || lng <= east), context).toBe(true);
      }
      const matched = new Set(got.matchIds);
      for (const s of sites) expect(firstFailure(s, menusOf.get(s.id) ?? [], query, occursOn) === null, `${context} site ${s.id}`).toBe(matched.has(s.id));
    }
  });
});
