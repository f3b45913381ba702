// Reasons and near misses as short chips in Japanese or English: 「徒歩 約12分」「火曜午後に参加できる」
// 「見学できる」「無料」「2か月前に確認」. The engine returns data; only this file words it.
import type { Weekday } from '../model';
import { ACCESSIBILITY_LABELS, EASE_LABELS, LANGUAGE_LABELS, NEED_LABELS, TARGET_LABELS } from '../taxonomy';
import { TRAVEL_MODE_LABELS, type TravelMode } from '../case/model';
import { minutesOf } from '../schedule/dates';
import type { BlockingConstraint, Miss, Reason } from './types';

export type ChipLocale = 'ja' | 'en';

const DAY_JA: Record<Weekday, string> = { MO: '月', TU: '火', WE: '水', TH: '木', FR: '金', SA: '土', SU: '日' };
const DAY_EN: Record<Weekday, string> = { MO: 'Monday', TU: 'Tuesday', WE: 'Wednesday', TH: 'Thursday', FR: 'Friday', SA: 'Saturday', SU: 'Sunday' };
const DAY_EN_SHORT: Record<Weekday, string> = { MO: 'Mon', TU: 'Tue', WE: 'Wed', TH: 'Thu', FR: 'Fri', SA: 'Sat', SU: 'Sun' };

export const BLOCKING_CONSTRAINT_LABELS: Record<BlockingConstraint, { ja: string; en: string }> = {
  distance: { ja: '距離', en: 'Distance' },
  schedule: { ja: '曜日・時間', en: 'Day or time' },
  target: { ja: '対象・年齢', en: 'Target group or age' },
  accessibility: { ja: 'バリアフリー', en: 'Accessibility' },
  language: { ja: '言語', en: 'Language' },
  cost: { ja: '費用', en: 'Cost' },
  area: { ja: '対象地域', en: 'Service area' },
  capacity: { ja: '定員', en: 'Capacity' },
  no_menu: { ja: '該当する活動なし', en: 'No activity at all' },
};

/** 'HH:MM-HH:MM' → 'HH:MM〜HH:MM' (ja) or 'HH:MM–HH:MM' (en) */
function range(window: string, locale: ChipLocale): string {
  return window.replace('-', locale === 'ja' ? '〜' : '–');
}

type PartOfDay = 'morning' | 'afternoon' | 'evening' | 'allDay' | null;

// a window named by the part of the day it sits in; null when it spans parts (then shown as hours)
function partOfDay(window: string): PartOfDay {
  const [from, to] = window.split('-').map(minutesOf) as [number, number];
  if (from <= 6 * 60 && to >= 21 * 60) return 'allDay';
  if (to <= 13 * 60) return 'morning';
  if (from >= 12 * 60 && to <= 18 * 60) return 'afternoon';
  if (from >= 17 * 60) return 'evening';
  return null;
}

const PART_JA: Record<Exclude<PartOfDay, null>, string> = { morning: '午前', afternoon: '午後', evening: '夜', allDay: '' };
const PART_EN: Record<Exclude<PartOfDay, null>, string> = { morning: ' mornings', afternoon: ' afternoons', evening: ' evenings', allDay: 's' };

function minutesPhrase(minutes: number, mode: TravelMode, locale: ChipLocale): string {
  if (locale === 'ja') return `${TRAVEL_MODE_LABELS[mode].ja} 約${minutes}分`;
  const how = { walk: 'walk', bicycle: 'by bicycle', bus: 'by bus', car: 'by car' }[mode];
  return `About ${minutes} min ${how}`;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** 「今日確認」「12日前に確認」「2か月前に確認」「1年前に確認」 */
function verifiedPhrase(days: number, locale: ChipLocale): string {
  if (days === 0) return locale === 'ja' ? '今日確認' : 'Checked today';
  if (days < 30) return locale === 'ja' ? `${days}日前に確認` : `Checked ${plural(days, 'day', 'days')} ago`;
  if (days < 365) {
    const months = Math.floor(days / 30);
    return locale === 'ja' ? `${months}か月前に確認` : `Checked ${plural(months, 'month', 'months')} ago`;
  }
  const years = Math.floor(days / 365);
  return locale === 'ja' ? `${years}年前に確認` : `Checked ${plural(years, 'year', 'years')} ago`;
}

function yenPhrase(yen: number, locale: ChipLocale): string {
  return locale === 'ja' ? `1回${yen.toLocaleString('ja-JP')}円` : `¥${yen.toLocaleString('en-US')} per session`;
}

/** One reason as a chip. */
export function describeReason(reason: Reason, locale: ChipLocale = 'ja'): string {
  switch (reason.kind) {
    case 'need':
      return NEED_LABELS[reason.need][locale];
    case 'travel':
      return minutesPhrase(reason.minutes, reason.mode, locale);
    case 'outreach':
      return locale === 'ja' ? '自宅に来てくれる' : 'Comes to the home';
    case 'schedule': {
      const part = partOfDay(reason.window);
      if (locale === 'ja') return `${DAY_JA[reason.weekday]}曜${part === null ? ` ${range(reason.window, 'ja')}` : PART_JA[part]}に参加できる`;
      return part === null ? `Fits ${DAY_EN[reason.weekday]} ${range(reason.window, 'en')}` : `Fits ${DAY_EN[reason.weekday]}${PART_EN[part]}`;
    }
    case 'schedule_arranged':
      return locale === 'ja' ? '日程は相談して決める' : 'Dates arranged with the person';
    case 'ease':
      return EASE_LABELS[reason.ease][locale];
    case 'cost':
      if (reason.free) return EASE_LABELS.free[locale];
      if (reason.yen === null) return locale === 'ja' ? '費用は要確認' : 'Cost varies: ask';
      return yenPhrase(reason.yen, locale);
    case 'capacity':
      if (reason.availability === 'open') return locale === 'ja' ? '空きあり' : 'Places available';
      return locale === 'ja' ? '残りわずか' : 'Few places left';
    case 'accessibility':
      return ACCESSIBILITY_LABELS[reason.item][locale];
    case 'language':
      return LANGUAGE_LABELS[reason.language][locale];
    case 'freshness':
      return verifiedPhrase(reason.verifiedDaysAgo, locale);
  }
}

/** The failed constraint of a near miss, with how far off it is: 「徒歩 約23分（上限15分）」「土曜のみ」「満員」. */
export function describeMiss(miss: Miss, locale: ChipLocale = 'ja'): string {
  const ja = locale === 'ja';
  switch (miss.kind) {
    case 'distance':
      return ja ? `${minutesPhrase(miss.minutes, miss.mode, 'ja')}（上限${miss.limit}分）` : `${minutesPhrase(miss.minutes, miss.mode, 'en')} (limit ${miss.limit})`;
    case 'day':
      if (miss.only.length === 0) return ja ? '開催日が決まっていない' : 'No dates set';
      return ja ? `${miss.only.map((d) => DAY_JA[d]).join('・')}曜のみ` : `${miss.only.map((d) => `${DAY_EN[d]}s`).join(', ')} only`;
    case 'time':
      return ja
        ? `時間が合わない（${DAY_JA[miss.weekday]}曜 ${range(miss.session, 'ja')}）`
        : `Different hours (${DAY_EN_SHORT[miss.weekday]} ${range(miss.session, 'en')})`;
    case 'target':
      return (ja ? '対象：' : 'For: ') + miss.targets.map((t) => TARGET_LABELS[t][locale]).join(ja ? '・' : ', ');
    case 'age': {
      const { ageMin: lo, ageMax: hi } = miss;
      if (ja) return lo !== null && hi !== null ? `対象年齢 ${lo}〜${hi}歳` : lo !== null ? `対象年齢 ${lo}歳以上` : `対象年齢 ${hi ?? 0}歳以下`;
      return lo !== null && hi !== null ? `Ages ${lo}–${hi}` : lo !== null ? `Ages ${lo}+` : `Ages up to ${hi ?? 0}`;
    }
    case 'accessibility':
      return (ja ? '未対応：' : 'Lacks: ') + miss.missing.map((a) => ACCESSIBILITY_LABELS[a][locale]).join(ja ? '・' : ', ');
    case 'language':
      if (miss.offered.length === 1) return ja ? `${LANGUAGE_LABELS[miss.offered[0]!].ja}のみ` : `${LANGUAGE_LABELS[miss.offered[0]!].en} only`;
      return (ja ? '対応言語：' : 'Languages: ') + miss.offered.map((l) => LANGUAGE_LABELS[l][locale]).join(ja ? '・' : ', ');
    case 'cost': {
      const paid = miss.yen === null ? (ja ? '費用あり（要確認）' : 'Costs something (ask)') : yenPhrase(miss.yen, locale);
      if (miss.limit === 0) return ja ? `${paid}（無料のみ希望）` : `${paid} (free only wanted)`;
      return ja ? `${paid}（上限${miss.limit.toLocaleString('ja-JP')}円）` : `${paid} (limit ¥${miss.limit.toLocaleString('en-US')})`;
    }
    case 'area':
      return ja ? '対象地域外' : 'Outside its service area';
    case 'full':
      return ja ? '満員' : 'Full';
  }
}
