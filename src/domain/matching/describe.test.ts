import { describe, expect, it } from 'vitest';
import { describeMiss, describeReason } from './describe';
import type { Miss, Reason } from './types';

describe('describeReason: chips in Japanese and English', () => {
  it.each<[Reason, string, string]>([
    [{ kind: 'need', need: 'place_to_be', rank: 1 }, '居場所（ほっとできる場所）', 'A place to be'],
    [{ kind: 'travel', minutes: 12, mode: 'walk', distanceM: 740 }, '徒歩 約12分', 'About 12 min walk'],
    [{ kind: 'travel', minutes: 8, mode: 'bicycle', distanceM: 1200 }, '自転車 約8分', 'About 8 min by bicycle'],
    [{ kind: 'travel', minutes: 20, mode: 'bus', distanceM: 3800 }, 'バス 約20分', 'About 20 min by bus'],
    [{ kind: 'outreach' }, '自宅に来てくれる', 'Comes to the home'],
    [{ kind: 'schedule', weekday: 'TU', window: '13:00-17:00', session: '13:30-15:30' }, '火曜午後に参加できる', 'Fits Tuesday afternoons'],
    [{ kind: 'schedule', weekday: 'SA', window: '09:00-12:00', session: '10:00-11:30' }, '土曜午前に参加できる', 'Fits Saturday mornings'],
    [{ kind: 'schedule', weekday: 'FR', window: '18:00-21:00', session: '19:00-21:00' }, '金曜夜に参加できる', 'Fits Friday evenings'],
    [{ kind: 'schedule', weekday: 'MO', window: '00:00-24:00', session: '10:00-12:00' }, '月曜に参加できる', 'Fits Mondays'],
    [{ kind: 'schedule', weekday: 'WE', window: '10:00-15:00', session: '10:00-12:00' }, '水曜 10:00〜15:00に参加できる', 'Fits Wednesday 10:00–15:00'],
    [{ kind: 'schedule_arranged' }, '日程は相談して決める', 'Dates arranged with the person'],
    [{ kind: 'ease', ease: 'visit_first' }, '見学できる', 'You can visit first'],
    [{ kind: 'cost', free: true }, '無料', 'Free'],
    [{ kind: 'cost', free: false, yen: 1500 }, '1回1,500円', '¥1,500 per session'],
    [{ kind: 'cost', free: false, yen: null }, '費用は要確認', 'Cost varies: ask'],
    [{ kind: 'capacity', availability: 'open' }, '空きあり', 'Places available'],
    [{ kind: 'capacity', availability: 'few' }, '残りわずか', 'Few places left'],
    [{ kind: 'accessibility', item: 'wheelchair' }, '車椅子可', 'Wheelchair accessible'],
    [{ kind: 'language', language: 'easy_ja' }, 'やさしい日本語', 'Easy Japanese'],
    [{ kind: 'freshness', verifiedDaysAgo: 0 }, '今日確認', 'Checked today'],
    [{ kind: 'freshness', verifiedDaysAgo: 1 }, '1日前に確認', 'Checked 1 day ago'],
    [{ kind: 'freshness', verifiedDaysAgo: 12 }, '12日前に確認', 'Checked 12 days ago'],
    [{ kind: 'freshness', verifiedDaysAgo: 60 }, '2か月前に確認', 'Checked 2 months ago'],
    [{ kind: 'freshness', verifiedDaysAgo: 400 }, '1年前に確認', 'Checked 1 year ago'],
  ])('%j', (reason, ja, en) => {
    expect(describeReason(reason, 'ja')).toBe(ja);
    expect(describeReason(reason, 'en')).toBe(en);
  });
});

describe('describeMiss: the constraint and how far off', () => {
  it.each<[Miss, string, string]>([
    [{ kind: 'distance', minutes: 23, limit: 15, mode: 'walk' }, '徒歩 約23分（上限15分）', 'About 23 min walk (limit 15)'],
    [{ kind: 'day', only: ['SA'] }, '土曜のみ', 'Saturdays only'],
    [{ kind: 'day', only: ['SA', 'SU'] }, '土・日曜のみ', 'Saturdays, Sundays only'],
    [{ kind: 'day', only: [] }, '開催日が決まっていない', 'No dates set'],
    [{ kind: 'time', weekday: 'TU', session: '10:00-12:00', window: '13:00-17:00' }, '時間が合わない（火曜 10:00〜12:00）', 'Different hours (Tue 10:00–12:00)'],
    [{ kind: 'target', targets: ['older_adults'] }, '対象：高齢者（65歳〜）', 'For: Older adults (65+)'],
    [{ kind: 'age', ageMin: 6, ageMax: 12 }, '対象年齢 6〜12歳', 'Ages 6–12'],
    [{ kind: 'age', ageMin: 65, ageMax: null }, '対象年齢 65歳以上', 'Ages 65+'],
    [{ kind: 'age', ageMin: null, ageMax: 15 }, '対象年齢 15歳以下', 'Ages up to 15'],
    [{ kind: 'accessibility', missing: ['wheelchair', 'parking'] }, '未対応：車椅子可・駐車場', 'Lacks: Wheelchair accessible, Parking'],
    [{ kind: 'language', offered: ['ja'] }, '日本語のみ', 'Japanese only'],
    [{ kind: 'language', offered: ['ja', 'en'] }, '対応言語：日本語・英語', 'Languages: Japanese, English'],
    [{ kind: 'cost', yen: 500, limit: 300 }, '1回500円（上限300円）', '¥500 per session (limit ¥300)'],
    [{ kind: 'cost', yen: 300, limit: 0 }, '1回300円（無料のみ希望）', '¥300 per session (free only wanted)'],
    [{ kind: 'cost', yen: null, limit: 0 }, '費用あり（要確認）（無料のみ希望）', 'Costs something (ask) (free only wanted)'],
    [{ kind: 'area' }, '対象地域外', 'Outside its service area'],
    [{ kind: 'full' }, '満員', 'Full'],
  ])('%j', (miss, ja, en) => {
    expect(describeMiss(miss, 'ja')).toBe(ja);
    expect(describeMiss(miss, 'en')).toBe(en);
  });
});
