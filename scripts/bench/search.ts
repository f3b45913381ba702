// Benchmark of the public search at national scale: 200,000 sites, ~400,000 menus.
// Builds the index once, runs a fixed seeded mix of realistic queries (each timed as the best of
// 3 runs, against noise from other processes), and compares with the naive scan (normalise
// everything per query), run once on every 10th query because it takes seconds.
//
//   npx tsx scripts/bench/search.ts          prints the figures
//   import { run } from './search.ts'        returns them
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Menu, Schedule, Site, Weekday } from '../../src/domain/model.ts';
import {
  ACCESSIBILITY,
  CATEGORIES,
  EASE,
  FIELDS,
  NEEDS,
  TARGETS,
  type AccessibilityId,
  type CategoryId,
  type EaseId,
  type FieldId,
  type NeedId,
  type StoredEaseId,
  type TargetId,
} from '../../src/domain/taxonomy.ts';
import { buildSearchIndex, searchIndex, type SearchIndex } from '../../src/domain/search/index.ts';
import { naiveSearch } from '../../src/domain/search/naive.ts';
import type { SiteQuery } from '../../src/domain/search/query.ts';
import type { SearchableMenu, SearchableSite } from '../../src/domain/search/types.ts';
import { mulberry32 } from '../../src/domain/demo/rng.ts';

export type Figure = { value: number; unit: string; baseline: number; ratio: number; target: string; met: boolean };

const SITES = 200_000;
const QUERIES = 240;
const NAIVE_EVERY = 10; // the naive scan runs on every 10th query
const SEED = 20260401;
const WEEKDAYS: readonly Weekday[] = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

// --- seeded randomness ------------------------------------------------------------------------

type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
const some = <T>(r: Rand, xs: readonly T[], max: number): T[] => [...new Set(Array.from({ length: 1 + Math.floor(r() * max) }, () => pick(r, xs)))];
const gauss = (r: Rand) => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());

// --- dataset ----------------------------------------------------------------------------------

type Data = { sites: SearchableSite[]; menus: SearchableMenu[]; source: string };

/** the demo generator when it exists (another module), else the synthetic data below */
async function loadDataset(): Promise<Data> {
  const generator = fileURLToPath(new URL('../../src/domain/demo/generate.ts', import.meta.url));
  if (existsSync(generator)) {
    try {
      const mod = (await import(pathToFileURL(generator).href)) as { generateDemoDataset?: (o: { sites: number }) => unknown };
      if (typeof mod.generateDemoDataset === 'function') {
        const data = (await mod.generateDemoDataset({ sites: SITES })) as { sites: Site[]; menus: Menu[] };
        // what the public may search: published, public, not confidential (as the local data source does)
        const sites = data.sites.filter((s) => s.status === 'published' && s.visibility === 'public' && !s.confidential);
        const ids = new Set(sites.map((s) => s.id));
        const menus = data.menus.filter((m) => m.status === 'published' && m.visibility === 'public' && m.siteId !== null && ids.has(m.siteId));
        return { sites, menus, source: 'src/domain/demo/generate.ts' };
      }
    } catch (error) {
      console.error(`demo generator failed, using synthetic data instead: ${String(error)}`);
    }
  }
  return { ...syntheticDataset(mulberry32(SEED), SITES), source: 'synthetic (scripts/bench/search.ts)' };
}

// cities with rough weights, so density varies as it does in Japan
const CITIES: [number, number, number][] = [
  [139.69, 35.69, 30], [135.5, 34.69, 15], [136.91, 35.18, 10], [130.4, 33.59, 8], [141.35, 43.06, 8],
  [140.87, 38.27, 6], [132.46, 34.39, 6], [135.77, 35.01, 6], [135.19, 34.69, 6], [139.64, 35.44, 10],
  [140.12, 35.61, 5], [139.65, 35.86, 6], [138.38, 34.98, 3], [137.73, 34.71, 3], [133.92, 34.66, 3],
  [130.71, 32.8, 3], [130.56, 31.6, 2], [127.68, 26.21, 2], [139.02, 37.92, 3], [136.63, 36.56, 2],
  [134.55, 34.07, 1], [133.53, 33.56, 1], [140.74, 40.82, 1], [140.1, 39.72, 1], [141.15, 39.7, 1],
  [140.36, 37.75, 1], [140.47, 36.37, 2], [139.88, 36.56, 2], [139.06, 36.39, 2], [138.57, 35.66, 1],
  [138.18, 36.65, 1], [137.21, 36.7, 1], [136.22, 36.06, 1], [136.76, 35.42, 1], [136.51, 34.73, 1],
];
const PLACES = ['ひだまり', 'さくら', 'なかよし', 'ふれあい', 'いきいき', 'わかば', 'ひまわり', 'すずらん', 'こもれび', 'あおぞら', 'にこにこ', 'ぽかぽか', 'みどり', 'かがやき', 'やすらぎ', 'つばさ', 'ゆうゆう', 'のびのび'];
const TOWNS: [string, string][] = [
  ['東町', 'ひがしまち'], ['西町', 'にしまち'], ['本町', 'ほんちょう'], ['中央', 'ちゅうおう'], ['緑が丘', 'みどりがおか'],
  ['桜台', 'さくらだい'], ['南区', 'みなみく'], ['北山', 'きたやま'], ['若葉', 'わかば'], ['旭', 'あさひ'], ['栄', 'さかえ'],
];
const KIND: Record<CategoryId, [string, string]> = {
  childcare_hub: ['子育てひろば', 'こそだてひろば'],
  childrens_hall: ['児童館', 'じどうかん'],
  kids_cafeteria: ['こども食堂', 'こどもしょくどう'],
  study_support: ['学習教室', 'がくしゅうきょうしつ'],
  kayoinoba: ['通いの場', 'かよいのば'],
  salon: ['サロン', 'さろん'],
  mutual_aid: ['支え合いの会', 'ささえあいのかい'],
  integrated_service: ['デイサービス', 'でいさーびす'],
  activity_support_center: ['地域活動支援センター', 'ちいきかつどうしえんせんたー'],
  disability_day_service: ['作業所', 'さぎょうしょ'],
  mutual_support_base: ['くらしの拠点', 'くらしのきょてん'],
  work_preparation: ['しごと体験', 'しごとたいけん'],
  food_bank: ['フードパントリー', 'ふーどぱんとりー'],
  multigenerational_place: ['みんなの居場所', 'みんなのいばしょ'],
  volunteer_center: ['ボランティアセンター', 'ぼらんてぃあせんたー'],
  community_center: ['公民館', 'こうみんかん'],
  community_general_support_center: ['地域包括支援センター', 'ちいきほうかつしえんせんたー'],
  disability_consultation: ['相談支援事業所', 'そうだんしえんじぎょうしょ'],
  child_family_center: ['こども家庭センター', 'こどもかていせんたー'],
  self_reliance_support: ['くらしの相談窓口', 'くらしのそうだんまどぐち'],
  general_welfare_desk: ['福祉総合相談窓口', 'ふくしそうごうそうだんまどぐち'],
};
const SENTENCES = [
  'どなたでもお気軽にお越しください。', '地域の皆さんが集まってお茶を飲みながらおしゃべりをしています。', '初めての方は見学もできます。',
  '体操のあとはみんなでお昼ごはんを食べます。', '子どもから高齢の方まで、多世代で交流できる場所です。', '予約はいりません。途中からの参加もできます。',
  'ボランティアスタッフを募集しています。', '民生委員や社会福祉協議会と連携しています。', '車椅子の方もご利用いただけます。',
  '毎回10人ほどが参加しています。', '困りごとの相談にも応じます。', '手芸や囲碁、カラオケなど趣味の活動もあります。',
  '宿題や勉強をボランティアの大学生が見てくれます。', '食材の寄付を受け付けています。', 'オンラインでの参加もできます。',
  '参加費は無料です。', 'お弁当の配布を行っています。', '駐車場はありませんので公共交通機関でお越しください。',
];
const TITLES = ['いきいき体操', 'お茶会', '麻雀教室', 'みんなの食堂', '手芸サークル', 'カラオケの会', '学習会', '子育てひろば', 'ボランティア説明会',
  '脳トレ教室', '健康相談', 'フードパントリー', 'パソコン教室', '将棋クラブ', '読み聞かせ', '散歩の会', 'しごと体験', 'ランチ会', '認知症カフェ', 'ヨガ'];

function syntheticSchedule(r: Rand): Schedule {
  if (r() < 0.08) return { rules: [], closedOnHolidays: false, irregular: true };
  const weekly = r() < 0.6;
  const days = some(r, WEEKDAYS, 2);
  const opensAt = pick(r, ['09:30', '10:00', '13:00', '13:30', '15:00', '18:00']);
  return {
    rules: [{ freq: weekly ? 'WEEKLY' : 'MONTHLY', interval: 1, byday: weekly ? days : days.map((d) => `${pick(r, ['1', '2', '3', '4', '-1'])}${d}`), opensAt, closesAt: '20:00' }],
    closedOnHolidays: r() < 0.6,
    irregular: false,
  };
}

function syntheticDataset(r: Rand, n: number): { sites: SearchableSite[]; menus: SearchableMenu[] } {
  const weights = CITIES.reduce((a, c) => a + c[2], 0);
  const sites: SearchableSite[] = [];
  const menus: SearchableMenu[] = [];
  const storedEase = EASE.filter((e): e is StoredEaseId => e !== 'free');
  for (let i = 0; i < n; i++) {
    let w = r() * weights;
    const city = CITIES.find((c) => (w -= c[2]) < 0) ?? CITIES[0]!;
    const category = pick(r, CATEGORIES);
    const [kind, kindKana] = KIND[category.id];
    const [town, townKana] = pick(r, TOWNS);
    const place = pick(r, PLACES);
    const named = r() < 0.5;
    sites.push({
      id: `site-${i}`,
      name: named ? `${place}${kind}` : `${town}${kind}`,
      kana: named ? `${place}${kindKana}` : `${townKana}${kindKana}`,
      categoryId: category.id,
      fields: [...category.fields.slice(0, 2)],
      location: [city[0] + gauss(r) * 0.06, city[1] + gauss(r) * 0.05],
      accessibility: ACCESSIBILITY.filter(() => r() < 0.25),
      description: Array.from({ length: 1 + Math.floor(r() * 3) }, () => pick(r, SENTENCES)).join(''),
    });
    const count = Math.floor(r() * 5); // 0–4, two on average
    for (let k = 0; k < count; k++) {
      menus.push({
        id: `menu-${i}-${k}`,
        siteId: `site-${i}`,
        title: pick(r, TITLES),
        needs: some(r, NEEDS, 2),
        targets: r() < 0.3 ? ['anyone'] : some(r, TARGETS, 2),
        schedule: syntheticSchedule(r),
        cost: r() < 0.5 ? { kind: 'free' } : { kind: 'fixed', amountYen: pick(r, [100, 200, 300, 500]) },
        ease: storedEase.filter(() => r() < 0.25),
      });
    }
  }
  return { sites, menus };
}

// --- queries ----------------------------------------------------------------------------------

const KEYWORDS = ['サロン', 'さろん', 'ｻﾛﾝ', '子ども食堂', 'こども食堂', '体操', 'たいそう', '居場所', 'カフェ', '相談', '相談窓口', 'ボランティア',
  'フードパントリー', 'ふーどぱんとりー', '学習', '公民館', 'いきいき', 'ひだまり', 'ヒダマリ', '麻雀', '認知症', 'salon', 'Food bank', '包括',
  'デイサービス', '食', 'サ', 'ひだまり サロン', '東町 公民館', 'ぺんぎん'];

/** the query mix: six kinds in turn, 40 of each */
function queryMix(r: Rand, sites: readonly SearchableSite[]): { kind: string; query: SiteQuery }[] {
  const filters = (): SiteQuery => {
    const q: SiteQuery = {};
    const k = 1 + Math.floor(r() * 3);
    for (let j = 0; j < k; j++) {
      switch (Math.floor(r() * 10)) {
        case 0: q.fields = some(r, FIELDS as readonly FieldId[], 2); break;
        case 1: q.categories = some(r, CATEGORIES.map((c) => c.id) as CategoryId[], 3); break;
        case 2: q.needs = some(r, NEEDS as readonly NeedId[], 2); break;
        case 3: q.targets = some(r, TARGETS as readonly TargetId[], 2); break;
        case 4: q.weekdays = some(r, WEEKDAYS, 2); break;
        case 5: q.free = true; break;
        case 6: q.ease = some(r, EASE as readonly EaseId[], 2); break;
        case 7: q.accessibility = some(r, ACCESSIBILITY as readonly AccessibilityId[], 1); break;
        case 8: q.today = `2026-0${4 + Math.floor(r() * 5)}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`; break;
        default: q.helpDesksOnly = true;
      }
    }
    return q;
  };
  // a town-sized view (~3 km × 3 km) around a site, as a resident zoomed in on their area
  const townView = (): Pick<SiteQuery, 'bbox' | 'origin'> => {
    const [lng, lat] = pick(r, sites).location;
    return { bbox: [lng - 0.017, lat - 0.0135, lng + 0.017, lat + 0.0135], origin: [lng + (r() - 0.5) * 0.01, lat + (r() - 0.5) * 0.01] };
  };
  const mix: { kind: string; query: SiteQuery }[] = [];
  for (let i = 0; i < QUERIES; i++) {
    const text = pick(r, KEYWORDS);
    switch (i % 6) {
      case 0: mix.push({ kind: 'keyword', query: { text } }); break;
      case 1: mix.push({ kind: 'filters', query: filters() }); break;
      case 2: mix.push({ kind: 'keyword+filters', query: { text, ...filters() } }); break;
      case 3: { const { bbox } = townView(); mix.push({ kind: 'bbox+filters', query: { ...filters(), bbox } }); break; }
      case 4: { const { origin } = townView(); mix.push({ kind: 'origin+keyword', query: { text, origin } }); break; }
      default: mix.push({ kind: 'bbox+origin+keyword', query: { ...(r() < 0.5 ? { text } : filters()), ...townView() } });
    }
  }
  return mix;
}

// --- measuring --------------------------------------------------------------------------------

const percentile = (xs: readonly number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? NaN;
};
const round = (x: number, digits = 2) => Number(x.toFixed(digits));
const figure = (value: number, unit: string, baseline: number, target: string, met: boolean): Figure => ({
  value: round(value),
  unit,
  baseline: round(baseline),
  ratio: round(value / baseline, 4),
  target,
  met,
});

/** bytes held by the index: typed arrays, normalised texts (UTF-16), pointer arrays */
function indexBytes(index: SearchIndex): number {
  let bytes = 0;
  for (const v of Object.values(index)) if (ArrayBuffer.isView(v)) bytes += v.byteLength;
  for (const t of index.texts) bytes += t.length * 2 + 16;
  return bytes + 8 * (index.sites.length + index.ids.length + index.menus.length + index.categoryIds.length);
}

export async function run(): Promise<Record<string, Figure>> {
  const { sites, menus, source } = await loadDataset();
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const heapBefore = process.memoryUsage();
  const t0 = performance.now();
  const index = buildSearchIndex(sites, menus);
  const buildMs = performance.now() - t0;
  gc?.();
  const heapAfter = process.memoryUsage();
  const measuredBytes = heapAfter.heapUsed + heapAfter.arrayBuffers - heapBefore.heapUsed - heapBefore.arrayBuffers;

  const mix = queryMix(mulberry32(SEED + 1), sites);
  for (const { query } of mix.slice(0, 20)) searchIndex(index, query); // warm up the JIT

  const indexMs: number[] = [];
  const naiveMs: number[] = [];
  const byKind = new Map<string, number[]>();
  for (const [i, { kind, query }] of mix.entries()) {
    // best of 3 runs: the latency of the code, not of whatever else shares the machine
    let ms = Infinity;
    let got = searchIndex(index, query);
    for (let run = 0; run < 3; run++) {
      const t = performance.now();
      got = searchIndex(index, query);
      ms = Math.min(ms, performance.now() - t);
    }
    indexMs.push(ms);
    byKind.set(kind, [...(byKind.get(kind) ?? []), ms]);
    if (i % NAIVE_EVERY === 0) {
      const tn = performance.now();
      const want = naiveSearch(sites, menus, query);
      naiveMs.push(performance.now() - tn);
      if (want.total !== got.total || want.totalInView !== got.totalInView || want.hits[0]?.site.id !== got.hits[0]?.site.id) {
        throw new Error(`index and naive search disagree on ${JSON.stringify(query)}: run npx vitest run src/domain/search`);
      }
    }
  }

  const naiveP50 = percentile(naiveMs, 50);
  const naiveP95 = percentile(naiveMs, 95);
  const p50 = percentile(indexMs, 50);
  const p95 = percentile(indexMs, 95);
  const bytes = indexBytes(index as unknown as SearchIndex);
  const datasetBytes = Buffer.byteLength(JSON.stringify({ sites, menus }));
  if (isMain) {
    console.error(`dataset: ${sites.length} sites, ${menus.length} menus from ${source}`);
    console.error(`index: built in ${buildMs.toFixed(0)} ms, ~${(bytes / 2 ** 20).toFixed(1)} MB by structure, heap delta ${(measuredBytes / 2 ** 20).toFixed(1)} MB${gc ? '' : ' (no --expose-gc: noisy)'}`);
    for (const [kind, ms] of byKind) console.error(`  ${kind.padEnd(20)} p50 ${percentile(ms, 50).toFixed(2)} ms  p95 ${percentile(ms, 95).toFixed(2)} ms  max ${Math.max(...ms).toFixed(2)} ms`);
    console.error(`naive on ${naiveMs.length} of ${mix.length} queries: p50 ${naiveP50.toFixed(0)} ms, p95 ${naiveP95.toFixed(0)} ms`);
  }
  return {
    search_p50_ms: figure(p50, 'ms', naiveP50, '≤ 16 ms', p50 <= 16),
    search_p95_ms: figure(p95, 'ms', naiveP95, 'p95 ≤ 16 ms (one frame)', p95 <= 16),
    // baseline: one naive query; the ratio says after how many queries the index has paid for itself
    index_build_ms: figure(buildMs, 'ms', naiveP50, '≤ 3000 ms for 200,000 sites', buildMs <= 3000),
    // baseline: the searchable dataset as JSON
    index_memory_mb: figure(bytes / 2 ** 20, 'MB', datasetBytes / 2 ** 20, '≤ 100 MB', bytes / 2 ** 20 <= 100),
  };
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) console.log(JSON.stringify(await run(), null, 2));
