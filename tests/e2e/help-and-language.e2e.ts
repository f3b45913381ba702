// 「困ったときの相談先」 and the language choice, as a resident uses them.
import { afterAll, describe, expect, it } from 'vitest';
import { generateDemoDataset } from '../../src/domain/demo/generate.ts';
import { todayInJapan } from '../../src/domain/schedule/dates.ts';
import { closeBrowser, openPage, runAxe } from './support/browser.ts';

const demo = generateDemoDataset({ today: todayInJapan() });
const area = demo.areas.find((a) => a.level === 'daily_life')!;
const areaDesk = demo.sites.find((s) => s.serviceAreaIds.includes(area.id) && s.status === 'published' && s.visibility === 'public')!;
const generalDesk = demo.sites.find((s) => s.categoryId === 'general_welfare_desk' && s.status === 'published' && s.visibility === 'public')!;

afterAll(closeBrowser);

describe('困ったときの相談先', () => {
  it('lists the desks serving the chosen area by field, with the general desk first', async () => {
    const page = await openPage('/help');
    await page.getByRole('combobox', { name: '地域を選ぶ' }).selectOption({ label: area.name });
    await expect.poll(() => page.getByRole('status').textContent()).toContain(area.name);
    const general = page.getByRole('region', { name: 'どの分野でも' });
    await expect.poll(() => general.getByRole('link').allTextContents()).toContain(generalDesk.name);
    await expect.poll(async () => (await page.getByRole('link').allTextContents()).includes(areaDesk.name)).toBe(true);
    expect(await page.getByRole('region', { name: '高齢の相談' }).count()).toBe(1);
    expect(await runAxe(page)).toEqual([]);
  });

  it('uses the location the browser gives, and keeps it coarse in the URL', async () => {
    const page = await openPage('/help');
    await page.context().grantPermissions(['geolocation']);
    await page.context().setGeolocation({ longitude: areaDesk.location[0] + 0.000123, latitude: areaDesk.location[1] + 0.000123 });
    await page.getByRole('button', { name: '現在地で調べる' }).click();
    await expect.poll(() => page.url()).toMatch(/at=\d+\.\d{3},\d+\.\d{3}$/);
    await expect.poll(async () => (await page.getByRole('link').allTextContents()).includes(areaDesk.name)).toBe(true);
  });

  it('says so when the point is outside every area', async () => {
    const page = await openPage('/help?at=130.000,33.000');
    await expect.poll(() => page.getByRole('status').textContent()).toContain('掲載している地域の外');
  });
});

describe('languages', () => {
  it('switches to English and remembers the choice after a reload', async () => {
    const page = await openPage('/?inview=0');
    await page.getByRole('combobox', { name: '表示言語' }).selectOption('en');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Find community activities and help desks');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.reload({ waitUntil: 'load' });
    await expect.poll(() => page.getByRole('searchbox', { name: 'Keyword' }).count()).toBe(1);
    await expect.poll(() => page.getByRole('status').filter({ hasText: /found/ }).count()).toBe(1);
    expect(await runAxe(page)).toEqual([]);
  });

  it('offers やさしい日本語', async () => {
    const page = await openPage('/?inview=0');
    await page.getByRole('combobox', { name: '表示言語' }).selectOption('easy');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('ちいきの あつまりと そうだんする ところを さがす');
  });
});

describe('demo role switch (local mode)', () => {
  it('is on the settings page, labelled as a demo, and remembered after a reload', async () => {
    const page = await openPage('/settings');
    const section = page.getByRole('region', { name: 'デモの役割' });
    const select = section.getByRole('combobox', { name: 'デモ: 役割を切り替える' });
    await select.selectOption('staff');
    await page.reload({ waitUntil: 'load' });
    await expect.poll(() => page.getByRole('region', { name: 'デモの役割' }).getByRole('combobox').inputValue()).toBe('staff');
    expect(await runAxe(page)).toEqual([]);
  });

  it('keeps the phone header short: the switch is not in it', async () => {
    const page = await openPage('/', { viewport: { width: 390, height: 844 } });
    await expect.poll(() => page.getByRole('searchbox', { name: 'キーワード' }).count()).toBe(1);
    expect(await page.locator('.app-header').getByRole('combobox', { name: 'デモ: 役割を切り替える' }).isVisible()).toBe(false);
  });
});
