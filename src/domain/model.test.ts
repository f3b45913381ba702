import { describe, expect, it } from 'vitest';
import { generateDemoDataset } from './demo/generate';
import { menuSchema, scheduleRuleSchema, siteSchema } from './model';

const demo = generateDemoDataset();
const site = demo.sites.find((s) => !s.confidential)!;
const menu = demo.menus.find((m) => m.ageMin === undefined && m.ageMax === undefined)!;

function messages(r: { success: boolean; error?: { issues: { message: string }[] } }): string[] {
  return r.success ? [] : r.error!.issues.map((i) => i.message);
}

describe('model constraints: what cannot be true is refused, in Japanese', () => {
  it.each([
    [{ freq: 'WEEKLY', interval: 1, byday: ['2WE'], opensAt: '10:00', closesAt: '12:00' }, '毎週の予定に「第n」は指定できません'],
    [{ freq: 'MONTHLY', interval: 1, byday: ['WE'], opensAt: '10:00', closesAt: '12:00' }, '毎月の予定は'],
    [{ freq: 'WEEKLY', interval: 1, byday: ['TU'], opensAt: '12:00', closesAt: '10:00' }, '終了時刻は開始時刻より後'],
    [{ freq: 'WEEKLY', interval: 2, byday: ['SA'], opensAt: '10:00', closesAt: '12:00' }, '隔週の予定には開始日が必要'],
    [{ freq: 'MONTHLY', interval: 1, byday: ['5MO'], opensAt: '10:00', closesAt: '12:00' }, '曜日の指定が正しくありません'],
    [{ freq: 'WEEKLY', interval: 1, byday: [], opensAt: '10:00', closesAt: '12:00' }, '曜日を1つ以上選んでください'],
    [{ freq: 'WEEKLY', interval: 1, byday: ['TU'], opensAt: '25:00', closesAt: '26:00' }, '時刻は HH:MM'],
  ])('refuses schedule rule %j', (rule, message) => {
    expect(messages(scheduleRuleSchema.safeParse(rule)).join(' ')).toContain(message);
  });

  it('accepts every demo site and menu', () => {
    for (const s of demo.sites) expect(siteSchema.safeParse(s).success).toBe(true);
    for (const m of demo.menus) expect(menuSchema.safeParse(m).success).toBe(true);
  });

  it('refuses coordinates outside Japan and a wrong municipality check digit', () => {
    expect(siteSchema.safeParse({ ...site, location: [2.35, 48.85] }).success).toBe(false);
    expect(messages(siteSchema.safeParse({ ...site, municipalityCode: '131017' }))).toContain('全国地方公共団体コードが正しくありません');
  });

  it('requires a public contact desk for a confidential site, and only for one', () => {
    expect(messages(siteSchema.safeParse({ ...site, confidential: true, publicContactSiteId: undefined })).join()).toContain('非公開の場所には');
    expect(messages(siteSchema.safeParse({ ...site, confidential: false, publicContactSiteId: 'site-0001' })).join()).toContain('非公開の場所にだけ');
  });

  it('refuses an age range upside down', () => {
    expect(messages(menuSchema.safeParse({ ...menu, ageMin: 40, ageMax: 18 }))).toContain('年齢の下限は上限以下にしてください');
    expect(menuSchema.safeParse({ ...menu, ageMin: 18, ageMax: 40 }).success).toBe(true);
  });
});
