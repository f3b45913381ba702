// The editor's words: Japanese messages for every schema issue, values in a diff, and the records
// the forms send (empty optional fields left out, so the schemas accept them).
import { describe, expect, it } from 'vitest';
import { menuSchema, siteSchema, type Menu, type Site } from '../../domain/model';
import { translate } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/messages';
import { issueMessage, toFieldErrors } from './components/form-kit';
import { cleanMenu, cleanSite, fieldLabel, formatValue } from './listing-text';
import { formatDateTime } from './format';

const t = (key: MessageKey, vars?: Record<string, string | number>) => translate('ja', key, vars);
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

const site: Site = {
  id: 's1',
  orgId: 'o1',
  name: 'ひだまりサロン',
  kana: 'ひだまりさろん',
  categoryId: 'salon',
  fields: ['elderly'],
  location: [139.7, 35.8],
  address: 'かさね市1-1',
  municipalityCode: '112038',
  contact: { tel: '', email: '', url: '', hours: '' },
  access: '',
  accessibility: [],
  description: '',
  status: 'published',
  visibility: 'public',
  confidential: false,
  serviceAreaIds: [],
  lastVerified: '2026-11-01',
  updatedAt: 't',
};

const menu: Menu = {
  id: 'm1',
  siteId: 's1',
  orgId: 'o1',
  title: '体操',
  description: '',
  needs: [],
  targets: ['older_adults'],
  ageMin: Number.NaN,
  schedule: { rules: [{ freq: 'WEEKLY', interval: 1, byday: ['MO'], opensAt: '10:00', closesAt: '09:00' }], closedOnHolidays: false, irregular: false, note: '' },
  cost: { kind: 'free', amountYen: 300, note: '' },
  capacity: { availability: 'open' },
  ease: [],
  languages: [],
  serviceAreaIds: [],
  visibility: 'public',
  status: 'published',
  lastVerified: '2026-11-01',
  updatedAt: 't',
};

describe('cleanSite / cleanMenu', () => {
  it('drops empty optional strings so a blank contact validates', () => {
    const cleaned = cleanSite(site);
    expect(cleaned.contact).toEqual({});
    expect(cleaned).not.toHaveProperty('access');
    expect(siteSchema.safeParse(cleaned).success).toBe(true);
    expect(siteSchema.safeParse(site).success).toBe(false);
  });
  it('drops a fixed amount from a free menu and keeps real problems', () => {
    const cleaned = cleanMenu(menu);
    expect(cleaned.cost).toEqual({ kind: 'free' });
    expect(cleaned.schedule).not.toHaveProperty('note');
    const r = menuSchema.safeParse(cleaned);
    expect(r.success).toBe(false);
    const errors = toFieldErrors(r.error!.issues, t);
    expect(errors.needs).toBe('ニーズを1つ以上選んでください');
    expect(errors['schedule.rules.0.closesAt']).toBe('終了時刻は開始時刻より後にしてください');
    expect(errors.ageMin).toBe('数字で入力してください');
  });
});

describe('issueMessage', () => {
  it('answers every schema issue in Japanese', () => {
    const bad = { ...site, name: 'x'.repeat(201), kana: 5, fields: [], location: [0, 0], municipalityCode: '123', contact: { email: 'no' } };
    const r = siteSchema.safeParse(bad);
    expect(r.success).toBe(false);
    for (const issue of r.error!.issues) expect(issueMessage(issue, t), JSON.stringify(issue)).toMatch(JAPANESE);
    const errors = toFieldErrors(r.error!.issues, t);
    expect(errors.name).toBe('200文字以内で入力してください');
    expect(errors.fields).toBe('1つ以上選んでください');
    expect(errors['location.0']).toBe('日本国内の緯度・経度を入力してください');
  });
});

describe('formatValue and fieldLabel', () => {
  const ctx = { t, label: (l: { ja: string }) => l.ja, locale: 'ja' as const };
  it('puts values in words', () => {
    expect(fieldLabel('contact.tel', t)).toBe('電話番号');
    expect(formatValue('fields', ['elderly', 'children'], ctx)).toBe('高齢、子ども・子育て');
    expect(formatValue('status', 'archived', ctx)).toBe('掲載終了');
    expect(formatValue('cost', { kind: 'fixed', amountYen: 300 }, ctx)).toBe('1回ごとの金額 300円');
    expect(formatValue('schedule', cleanMenu({ ...menu, schedule: { ...menu.schedule, rules: [{ ...menu.schedule.rules[0]!, closesAt: '11:00' }] } }).schedule, ctx)).toMatch(/月/);
    expect(formatValue('description', '', ctx)).toBe('—');
  });
  it('shows times in Japan time', () => {
    expect(formatDateTime('2026-11-01T01:02:03.000Z', 'ja')).toBe('2026年11月1日 10:02');
  });
});
