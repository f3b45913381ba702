// Editing as coordinators, staff and admins use it in the local demo: a coordinator changes a
// menu's schedule, an admin approves it, the public page shows the new schedule and next dates; a
// resident's error report reaches the queue; two tabs editing the same listing do not overwrite
// each other; the editor's pages pass axe.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoDataset } from '../../src/domain/demo/generate.ts';
import { todayInJapan } from '../../src/domain/schedule/dates.ts';
import { nextSessions } from '../../src/domain/schedule/occurrences.ts';
import { describeSchedule, describeSession } from '../../src/domain/schedule/render.ts';
import { isPublicMenu, isPublicSite } from '../../src/data/local/public-view.ts';
import type { Dataset, Menu, Schedule, Site } from '../../src/domain/model.ts';
import { baseURL, closeBrowser, openPage, pageErrors, runAxe, type Page } from './support/browser.ts';

// the app seeds its demo with the real date; so does this oracle
const today = todayInJapan();
const demo: Dataset = generateDemoDataset({ today });

// an untrusted organization's public menu with a plain weekly schedule, at one of its public sites
const publicSiteIds = new Set(demo.sites.filter(isPublicSite).map((s) => s.id));
const menu: Menu = demo.menus.find((m) => {
  if (!isPublicMenu(m, publicSiteIds) || !m.siteId || m.schedule.irregular || m.schedule.rules.length !== 1) return false;
  const rule = m.schedule.rules[0]!;
  const org = demo.organizations.find((o) => o.id === m.orgId)!;
  const site = demo.sites.find((s) => s.id === m.siteId)!;
  const sameTitle = demo.menus.filter((x) => x.siteId === m.siteId && x.title === m.title).length;
  return !org.trusted && site.orgId === m.orgId && rule.freq === 'WEEKLY' && rule.interval === 1 && rule.opensAt !== '09:30' && sameTitle === 1;
})!;
const site: Site = demo.sites.find((s) => s.id === menu.siteId)!;
const newSchedule: Schedule = { ...menu.schedule, rules: [{ ...menu.schedule.rules[0]!, opensAt: '09:30', closesAt: '11:45' }] };

const ROLE_SWITCH = 'デモ: 役割を切り替える';

async function setRole(page: Page, role: 'resident' | 'coordinator' | 'staff' | 'admin') {
  // the header's switch, or on a phone the settings page's (the header hides its own)
  await page.getByLabel(ROLE_SWITCH).filter({ visible: true }).first().selectOption(role);
}

function appErrors(page: Page) {
  return pageErrors(page).filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(e));
}

afterAll(closeBrowser);

describe('editing, review and the public page', () => {
  let page: Page;
  beforeAll(async () => {
    expect(menu, 'the demo has an untrusted organization with a weekly public menu').toBeDefined();
    page = await openPage('/');
  });

  it('a coordinator edits a menu’s schedule and submits it; the published version stays public', async () => {
    await setRole(page, 'coordinator');
    await page.getByLabel('担当する団体').selectOption(menu.orgId);
    await page.getByRole('link', { name: '掲載の管理' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: '自分の団体の掲載' }).isVisible()).toBe(true);
    expect(await runAxe(page)).toEqual([]);

    await page.getByRole('link', { name: `「${menu.title}」を編集` }).first().click();
    // the volunteers' schedule editor (editing-widgets): times typed the way people say them
    const slot = page.getByRole('group', { name: '時間帯 1', exact: true });
    await slot.getByLabel('開始時刻').fill('9時半');
    await slot.getByLabel('終了時刻').fill('11:45');
    await slot.getByLabel('終了時刻').press('Tab');
    // the preview follows the form
    await expect.poll(() => page.getByTestId('schedule-preview').textContent()).toContain(describeSchedule(newSchedule, 'ja')[0]);
    expect(await runAxe(page)).toEqual([]);
    await page.getByRole('button', { name: '承認を申請する' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: '承認待ちとして送りました' }).count()).toBe(1);
    // the coordinator home lists it as waiting
    await page.getByRole('link', { name: '掲載の管理に戻る' }).click();
    const waiting = page.getByRole('region', { name: /^承認待ち/ });
    await expect.poll(() => waiting.textContent()).toContain(menu.title);

    await page.goto(new URL(`/sites/${site.id}`, baseURL()).href);
    const card = page.getByRole('article', { name: menu.title });
    await expect.poll(() => card.textContent()).toContain(describeSchedule(menu.schedule, 'ja')[0]);
    expect(await card.textContent()).not.toContain(describeSchedule(newSchedule, 'ja')[0]);
  });

  it('an admin sees the before/after and approves; the public page shows the new schedule and next dates', async () => {
    await setRole(page, 'admin');
    await page.goto(new URL('/editor/review', baseURL()).href);
    await expect.poll(() => page.getByRole('heading', { level: 1, name: '承認待ちの変更' }).isVisible()).toBe(true);
    await page.getByRole('heading', { name: new RegExp(menu.title) }).waitFor();
    await page.getByRole('button', { name: '内容を見る' }).first().click();
    const diff = page.locator('.diff-table');
    await expect.poll(() => diff.textContent()).toContain('日時');
    expect(await diff.textContent()).toContain(describeSchedule(newSchedule, 'ja')[0]);
    expect(await runAxe(page)).toEqual([]);
    await page.getByRole('button', { name: '承認して公開する' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: '承認して公開しました' }).count()).toBe(1);

    await page.goto(new URL(`/sites/${site.id}`, baseURL()).href);
    const card = page.getByRole('article', { name: menu.title });
    await expect.poll(() => card.textContent()).toContain(describeSchedule(newSchedule, 'ja')[0]);
    const next = nextSessions(newSchedule, today, 3).map((s) => describeSession(s, 'ja'));
    expect(next.length).toBeGreaterThan(0);
    const text = (await card.textContent()) ?? '';
    for (const line of next) expect(text).toContain(line);
    expect(appErrors(page)).toEqual([]);
  });

  it('a resident reports an error without an account; personal data is refused; the report reaches the queue', async () => {
    await setRole(page, 'resident');
    await page.getByRole('button', { name: '情報の誤りを報告する' }).click();
    const form = page.getByRole('region', { name: '情報の誤りを報告' });
    await form.getByRole('radio', { name: '日時が違う' }).check();
    const message = form.getByLabel(/内容（/);
    await message.fill('電話は090-1234-5678にください');
    await form.getByRole('button', { name: '報告する' }).click();
    await expect.poll(() => form.textContent()).toContain('電話番号は書かないでください');
    await expect.poll(() => message.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await runAxe(page, { include: '.report-form' })).toEqual([]);
    await message.fill('水曜日の回は10時からに変わっていました');
    await form.getByRole('button', { name: '報告する' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: '報告を受け付けました' }).count()).toBe(1);

    await setRole(page, 'staff');
    await page.goto(new URL('/editor/reports', baseURL()).href);
    await expect.poll(() => page.getByRole('list', { name: '誤りの報告' }).textContent()).toContain('水曜日の回は10時からに変わっていました');
    await expect.poll(() => page.getByRole('list', { name: '誤りの報告' }).textContent()).toContain(site.name);
    expect(await runAxe(page)).toEqual([]);
    await page.getByRole('button', { name: '対応済みにする' }).first().click();
    await expect.poll(() => page.getByText('未対応の報告はありません。').isVisible()).toBe(true);
  });
});

describe('sending a change back', () => {
  it('needs a comment, and the coordinator home shows it under 差し戻された変更', async () => {
    const page = await openPage('/');
    await setRole(page, 'coordinator');
    await page.getByLabel('担当する団体').selectOption(site.orgId);
    await page.goto(new URL(`/editor/site/${site.id}`, baseURL()).href);
    const access = page.getByLabel('行き方', { exact: true });
    await access.waitFor();
    await access.fill('かさね駅から歩いて3分です。');
    await page.getByRole('button', { name: '承認を申請する' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: '承認待ちとして送りました' }).count()).toBe(1);

    await setRole(page, 'staff');
    await page.goto(new URL('/editor/review', baseURL()).href);
    await page.getByRole('heading', { name: new RegExp(site.name) }).waitFor();
    await page.getByRole('button', { name: '内容を見る' }).first().click();
    await page.getByRole('button', { name: '差し戻す' }).click();
    const comment = page.getByLabel('差し戻しの理由（申請者に表示されます）');
    await expect.poll(() => comment.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await page.getByText('差し戻す理由を入力してください').count()).toBe(1);
    await comment.fill('駅の名前を正式名にしてください');
    await page.getByRole('button', { name: '差し戻す' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: '差し戻しました' }).count()).toBe(1);

    await setRole(page, 'coordinator');
    await page.goto(new URL('/editor', baseURL()).href);
    const rejected = page.getByRole('region', { name: /^差し戻された変更/ });
    await expect.poll(() => rejected.textContent()).toContain('駅の名前を正式名にしてください');
    expect(await rejected.textContent()).toContain(site.name);
    // the public page never showed the proposal
    await page.goto(new URL(`/sites/${site.id}`, baseURL()).href);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.textContent('body')).not.toContain('かさね駅から歩いて3分です。');
  });
});

describe('two tabs editing the same listing', () => {
  it('refuses the second save, keeps what was typed and shows the other person’s change', async () => {
    const tab1 = await openPage('/');
    await setRole(tab1, 'admin');
    const url = new URL(`/editor/site/${site.id}`, baseURL()).href;
    await tab1.goto(url);
    const tab2 = await tab1.context().newPage();
    await tab2.goto(url);
    const description = (p: Page) => p.getByLabel('説明', { exact: true });
    await description(tab1).waitFor();
    await description(tab2).waitFor();

    // a third tab shows the public page, opened before anything is saved
    const pub = await tab1.context().newPage();
    await pub.goto(new URL(`/sites/${site.id}`, baseURL()).href);
    await pub.getByRole('heading', { level: 1 }).waitFor();

    await description(tab1).fill('タブ1で書いた説明です。');
    await tab1.getByRole('button', { name: '保存する' }).click();
    await expect.poll(() => tab1.getByRole('status').filter({ hasText: '保存して公開しました' }).count()).toBe(1);

    await description(tab2).fill('タブ2で書いた説明です。');
    await tab2.getByRole('button', { name: '保存する' }).click();
    await expect.poll(() => tab2.getByRole('alert').filter({ hasText: 'ほかの人が先にこの掲載を保存しました' }).count()).toBe(1);
    // the other person's change, field by field, beside what this tab typed (still in the form)
    const table = tab2.locator('.editor-conflict .diff-table');
    const row = table.getByRole('row', { name: /説明/ });
    expect(await row.textContent()).toContain('タブ1で書いた説明です。');
    expect(await row.textContent()).toContain('タブ2で書いた説明です。');
    expect(await description(tab2).inputValue()).toBe('タブ2で書いた説明です。');
    expect(await runAxe(tab2)).toEqual([]);

    // nothing was overwritten, and the other tab's public page followed without a reload
    await expect.poll(() => pub.getByRole('region', { name: 'この場所について' }).textContent()).toContain('タブ1で書いた説明です。');
    await pub.reload();
    await expect.poll(() => pub.getByRole('region', { name: 'この場所について' }).textContent()).toContain('タブ1で書いた説明です。');
  });
});

describe('freshness', () => {
  it('「変更なし（内容を確認しました）」 takes a stale listing off the list in one click', async () => {
    const page = await openPage('/');
    await setRole(page, 'coordinator');
    await page.getByLabel('担当する団体').selectOption(menu.orgId);
    await page.goto(new URL('/editor', baseURL()).href);
    const stale = page.getByRole('region', { name: /^確認が必要/ });
    await stale.waitFor();
    const rows = stale.getByRole('row');
    const before = await rows.count();
    expect(before).toBeGreaterThan(1); // the demo ages some listings past 180 days
    const first = rows.nth(1);
    const name = ((await first.getByRole('rowheader').getByRole('link').textContent()) ?? '').trim();
    await first.getByRole('button', { name: /変更なし（内容を確認しました）/ }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: `「${name}」の最終確認日を今日にしました` }).count()).toBe(1);
    await expect.poll(() => (before > 2 ? rows.count() : stale.count())).toBe(before > 2 ? before - 1 : 0);
  });
});

describe('history', () => {
  it('lists each change with its fields, and restoring an older version publishes it again', async () => {
    const page = await openPage('/');
    await setRole(page, 'admin');
    await page.goto(new URL(`/editor/site/${site.id}`, baseURL()).href);
    const description = page.getByLabel('説明', { exact: true });
    await description.waitFor();
    for (const text of ['一回目の説明', '二回目の説明']) {
      await description.fill(text);
      await page.getByRole('button', { name: '保存する' }).click();
      await expect.poll(() => page.getByRole('status').filter({ hasText: '保存して公開しました' }).count()).toBe(1);
      await expect.poll(() => description.inputValue()).toBe(text);
    }
    const history = page.getByRole('region', { name: '変更の履歴' });
    await expect.poll(() => history.getByRole('listitem').count()).toBe(2);
    expect(await history.getByRole('listitem').first().textContent()).toContain('変更した項目: 説明');
    await history.getByRole('button', { name: /の版に戻す$/ }).click();
    await expect.poll(() => description.inputValue()).toBe('一回目の説明');
    await expect.poll(() => history.getByRole('listitem').count()).toBe(3);
    expect(await history.getByRole('listitem').first().textContent()).toContain('以前の版に戻す');
    expect(await runAxe(page)).toEqual([]);
    await page.goto(new URL(`/sites/${site.id}`, baseURL()).href);
    await expect.poll(() => page.getByRole('region', { name: 'この場所について' }).textContent()).toContain('一回目の説明');
  });
});

describe('form validation', () => {
  it('shows Japanese messages beside the fields and moves focus to the first error', async () => {
    const page = await openPage('/');
    await setRole(page, 'admin');
    await page.goto(new URL(`/editor/menu/${menu.id}`, baseURL()).href);
    const title = page.getByLabel(/^活動の名前/);
    await title.waitFor();
    await title.fill('');
    await page.getByRole('group', { name: /^対象/ }).getByRole('checkbox').evaluateAll((boxes) => boxes.forEach((b) => (b as HTMLInputElement).checked && (b as HTMLInputElement).click()));
    await page.getByRole('button', { name: '保存する' }).click();
    await expect.poll(() => page.getByRole('alert').filter({ hasText: '入力に誤りがあります' }).count()).toBe(1);
    expect(await page.locator('#ed-title-error').textContent()).toContain('タイトルを入力してください');
    expect(await page.locator('#ed-targets-error').textContent()).toContain('対象を1つ以上選んでください');
    await expect.poll(() => title.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await title.getAttribute('aria-invalid')).toBe('true');
  });
});

describe('a new place at 360 px', () => {
  it('warns about a similar name within 100 m, places the pin by clicking the map, and passes axe', async () => {
    const page = await openPage('/settings', { viewport: { width: 360, height: 800 } });
    // on a phone the role switch lives on the settings page
    await setRole(page, 'staff');
    await page.goto(new URL(`/editor/site/new?org=${encodeURIComponent(site.orgId)}`, baseURL()).href);
    const name = page.getByLabel(/^名称/);
    await name.waitFor();
    await name.fill(site.name);
    const lat = page.getByLabel('緯度', { exact: true });
    const lng = page.getByLabel('経度', { exact: true });
    await lat.fill((site.location[1] + 0.0002).toFixed(6));
    await lng.fill(site.location[0].toFixed(6));
    await lng.press('Tab');

    // the map: a click moves the pin (and the fields follow)
    const map = page.locator('.location-map');
    await page.waitForSelector('.location-map[data-map-idle="true"]', { state: 'attached', timeout: 30_000 });
    const before = await lat.inputValue();
    await map.scrollIntoViewIfNeeded();
    const box = (await map.boundingBox())!;
    // below and left of the pin (the offline notice covers the top, the zoom buttons the right)
    await page.mouse.click(box.x + box.width * 0.3, box.y + box.height * 0.8);
    await expect.poll(() => lat.inputValue()).not.toBe(before);
    expect(Number(await lat.inputValue())).toBeLessThan(Number(before));
    await lat.fill((site.location[1] + 0.0002).toFixed(6));
    await lat.press('Tab');
    expect(await runAxe(page)).toEqual([]);

    await page.getByRole('button', { name: '保存する' }).click();
    await expect.poll(() => page.getByRole('alert').filter({ hasText: '似た名前の場所があります' }).count()).toBe(1);
    expect(await page.getByText(new RegExp(`${site.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}（\\d+ m）`)).count()).toBe(1);
    await page.getByRole('button', { name: '別の場所なので登録する' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: '保存して公開しました' }).count()).toBe(1);
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/editor\/site\/(?!new)/);
    // the organization's listings at 360 px: the new place is there, and axe passes
    await page.goto(new URL(`/editor?org=${encodeURIComponent(site.orgId)}`, baseURL()).href);
    const all = page.getByRole('region', { name: /^すべての掲載/ });
    await expect.poll(async () => (await all.getByRole('link', { name: `「${site.name}」を編集` }).count()) >= 2).toBe(true);
    expect(await runAxe(page)).toEqual([]);
    expect(appErrors(page)).toEqual([]);
  });
});
