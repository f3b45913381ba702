// Small random datasets and queries for the property tests. Seeded, so a failure can be replayed
// from the seed printed by the test. Strings mix the variants normalisation must fold together.
import { WEEKDAYS, type Schedule, type ScheduleRule } from '../model';
import { ACCESSIBILITY, CATEGORY_IDS, EASE, FIELDS, NEEDS, TARGETS, type EaseId, type StoredEaseId } from '../taxonomy';
import type { SiteQuery } from './query';
import type { SearchableMenu, SearchableSite } from './types';
import { mulberry32 } from '../demo/rng';

export const rng = mulberry32; // the project's one seeded stream (demo/rng.ts)

export type Rand = () => number;
export const pick = <T>(rand: Rand, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
export const subset = <T>(rand: Rand, xs: readonly T[], p: number): T[] => xs.filter(() => rand() < p);
export const some = <T>(rand: Rand, xs: readonly T[], max: number): T[] => {
  const n = 1 + Math.floor(rand() * max);
  return [...new Set(Array.from({ length: n }, () => pick(rand, xs)))];
};

export const WORDS = [
  'ひだまりサロン', 'ヒダマリ　サロン', 'ｻﾛﾝ･ﾄﾞ･ｶﾌｪ', 'コミュニティーセンター', 'コミュニティセンタ', 'ＡＢＣ食堂', 'Salon',
  'ヴィレッジ', 'カフェ・ゔぃれっじ', '子ども食堂', 'こども食堂', '体操教室', 'たいそう', '居場所', 'フードパントリー',
  'ふーどぱんとりー', '麻雀', 'マージャン', 'にこにこ広場', 'ニコニコ ひろば', '就労体験', 'ボランティア', 'ぼらんてぃあ',
  '相談', 'そうだん', 'ゆうゆう', 'ユーユー', '第２水曜', '10時〜12時', 'café', 'ＣＡＦＥ', 'ワ\u3099イン',
];
const KANA = 'あいうえおかきくけこがぎぐげごさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわをんゃゅょっー';

function kanaWord(rand: Rand): string {
  const len = 2 + Math.floor(rand() * 6);
  let s = '';
  for (let i = 0; i < len; i++) s += pick(rand, [...KANA]);
  return rand() < 0.5 ? toKatakana(s) : s;
}

export function toKatakana(s: string): string {
  return s.replace(/[\u3041-\u3096\u309d\u309e]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
}

function randomRule(rand: Rand): ScheduleRule {
  const weekly = rand() < 0.6;
  const days = some(rand, WEEKDAYS, 2);
  const everyOther = rand() < 0.2; // 隔週 / 隔月, anchored at validFrom
  return {
    freq: weekly ? 'WEEKLY' : 'MONTHLY',
    interval: everyOther ? 2 : 1,
    byday: weekly ? days : days.map((d) => `${pick(rand, ['1', '2', '3', '4', '-1'])}${d}`),
    opensAt: '10:00',
    closesAt: '12:00',
    ...(everyOther || rand() < 0.1 ? { validFrom: pick(rand, ['2026-01-05', '2026-03-01']) } : {}),
    ...(rand() < 0.15 ? { validTo: '2026-05-31' } : {}),
  };
}

function randomSchedule(rand: Rand): Schedule {
  const irregular = rand() < 0.1;
  const rules = irregular ? [] : Array.from({ length: Math.floor(rand() * 3) }, () => randomRule(rand));
  return { rules, closedOnHolidays: rand() < 0.5, irregular };
}

export type TestDataset = { sites: SearchableSite[]; menus: SearchableMenu[] };

/** `n` sites in a ~10 km box near Tokyo (some sharing a point) and 0–3 menus each */
export function randomDataset(rand: Rand, n: number): TestDataset {
  const sites: SearchableSite[] = [];
  const menus: SearchableMenu[] = [];
  for (let i = 0; i < n; i++) {
    const prev = sites[sites.length - 1];
    const location: [number, number] = prev && rand() < 0.1 ? [...prev.location] : [139 + rand() * 0.1, 35 + rand() * 0.1];
    const name = `${pick(rand, WORDS)}${rand() < 0.5 ? pick(rand, WORDS) : ''}`;
    sites.push({
      id: `s${i}`,
      name,
      kana: rand() < 0.1 ? '' : kanaWord(rand),
      categoryId: pick(rand, CATEGORY_IDS),
      fields: some(rand, FIELDS, 2),
      location,
      accessibility: subset(rand, ACCESSIBILITY, 0.3),
      description: Array.from({ length: Math.floor(rand() * 4) }, () => (rand() < 0.5 ? pick(rand, WORDS) : kanaWord(rand))).join(rand() < 0.5 ? ' ' : ''),
    });
    const menuCount = Math.floor(rand() * 4);
    for (let k = 0; k < menuCount; k++) menus.push(randomMenu(rand, `m${i}_${k}`, `s${i}`));
  }
  menus.push(randomMenu(rand, 'outreach', null), randomMenu(rand, 'orphan', 'no-such-site'));
  // menus arrive in any order; the index must keep each site's menus in input order
  for (let i = menus.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [menus[i], menus[j]] = [menus[j] as SearchableMenu, menus[i] as SearchableMenu];
  }
  return { sites, menus };
}

function randomMenu(rand: Rand, id: string, siteId: string | null): SearchableMenu {
  return {
    id,
    siteId,
    title: rand() < 0.5 ? pick(rand, WORDS) : kanaWord(rand),
    needs: some(rand, NEEDS, 2),
    targets: rand() < 0.2 ? ['anyone'] : some(rand, TARGETS.filter((t) => t !== 'anyone'), 2),
    schedule: randomSchedule(rand),
    cost: { kind: pick(rand, ['free', 'fixed', 'varies'] as const) },
    ease: subset(rand, EASE.filter((e): e is StoredEaseId => e !== 'free'), 0.3),
  };
}

/** a keyword: a word or a piece of one, in another script or width, or something absent */
function randomText(rand: Rand): string {
  const r = rand();
  const word = pick(rand, WORDS);
  if (r < 0.4) return word;
  if (r < 0.6) {
    const a = Math.floor(rand() * word.length);
    return word.slice(a, a + 1 + Math.floor(rand() * 4));
  }
  if (r < 0.7) return toKatakana(word);
  if (r < 0.8) return pick(rand, [...KANA]);
  if (r < 0.85) return ' ・ ';
  if (r < 0.9) return 'サロン';
  return kanaWord(rand);
}

export function randomQuery(rand: Rand): SiteQuery {
  const q: SiteQuery = {};
  if (rand() < 0.5) q.text = randomText(rand);
  if (rand() < 0.25) q.fields = some(rand, FIELDS, 2);
  if (rand() < 0.2) q.categories = some(rand, CATEGORY_IDS, 4);
  if (rand() < 0.1) q.helpDesksOnly = true;
  if (rand() < 0.25) q.needs = some(rand, NEEDS, 3);
  if (rand() < 0.25) q.targets = some(rand, TARGETS, 2);
  if (rand() < 0.2) q.weekdays = some(rand, WEEKDAYS, 3);
  if (rand() < 0.2) {
    const holiday = pick(rand, ['2026-01-01', '2026-01-12', '2026-05-04', '2026-05-05', '2026-05-06', '2026-09-21']);
    q.today = rand() < 0.3 ? holiday : `2026-0${1 + Math.floor(rand() * 9)}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;
  }
  if (rand() < 0.15) q.free = true;
  if (rand() < 0.2) q.accessibility = some(rand, ACCESSIBILITY, 2);
  if (rand() < 0.2) q.ease = some(rand, EASE as readonly EaseId[], 2);
  if (rand() < 0.4) {
    const w = 139 + rand() * 0.1;
    const s = 35 + rand() * 0.1;
    q.bbox = rand() < 0.1 ? [179, s - 0.05, w, s + 0.05] : [w - 0.03, s - 0.03, w + 0.03, s + 0.03]; // sometimes across 180°
  }
  if (rand() < 0.4) q.origin = [139 + rand() * 0.1, 35 + rand() * 0.1];
  return q;
}
