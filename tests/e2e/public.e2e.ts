// The public map and list, as a resident uses them: search, filters, URL state, keyboard,
// accessibility, and what must never reach the public.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoDataset } from '../../src/domain/demo/generate.ts';
import { todayInJapan } from '../../src/domain/schedule/dates.ts';
import { normalizeForSearch } from '../../src/domain/search/normalize.ts';
import { buildSearchIndex, searchIndex } from '../../src/domain/search/index.ts';
import { publicView } from '../../src/data/local/public-view.ts';
import type { Dataset } from '../../src/domain/model.ts';
import { closeBrowser, mapState, openPage, pageErrors, runAxe, waitForMapIdle, type Page } from './support/browser.ts';

// the app seeds its demo with the real date; so does this oracle
const demo: Dataset = generateDemoDataset({ today: todayInJapan() });

async function count(page: Page): Promise<number> {
  const status = page.getByRole('status').filter({ hasText: /件/ }).first();
  await expect.poll(async () => /\d/.test((await status.textContent()) ?? '')).toBe(true);
  const text = (await status.textContent()) ?? '';
  return Number(/(\d+)件/.exec(text)?.[1] ?? NaN);
}

async function resultNames(page: Page): Promise<string[]> {
  return page.getByRole('list', { name: '検索結果' }).getByRole('link').allTextContents();
}

afterAll(closeBrowser);

describe('public map page', () => {
  let page: Page;
  beforeAll(async () => {
    page = await openPage('/');
    await waitForMapIdle(page);
  });

  it('reaches map idle with sites rendered, and shows the results list', async () => {
    const state = await mapState(page);
    expect(state.siteIds.length + state.clusters).toBeGreaterThan(0);
    expect(await page.getByRole('list', { name: '検索結果' }).getByRole('listitem').count()).toBeGreaterThan(0);
    expect(pageErrors(page).filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(e))).toEqual([]);
  });

  it('has no WCAG A/AA violations on the map page and list', async () => {
    expect(await runAxe(page)).toEqual([]);
  });
});

describe('search and filters', () => {
  it('finds a katakana-named site from a hiragana query', async () => {
    // a katakana word that names few public sites, so the target is on the first page of results
    const publicSites = demo.sites.filter((s) => s.status === 'published' && s.visibility === 'public' && !s.confidential);
    const words = publicSites.flatMap((s) => (/[ァ-ヶー]{3,}/.exec(s.name) ? [/[ァ-ヶー]{3,}/.exec(s.name)![0]] : []));
    const katakana = words
      .map((w) => ({ w, n: publicSites.filter((s) => normalizeForSearch(s.name + s.kana).includes(normalizeForSearch(w))).length }))
      .sort((a, b) => a.n - b.n || a.w.localeCompare(b.w))[0]?.w;
    expect(katakana, 'the demo has a katakana-named public site').toBeDefined();
    const hiragana = normalizeForSearch(katakana!);
    expect(hiragana).toMatch(/^[ぁ-ゖー]+$/);
    const page = await openPage(`/?inview=0`);
    await page.getByRole('searchbox', { name: 'キーワード' }).fill(hiragana);
    await expect
      .poll(async () => (await resultNames(page)).some((n) => n.includes(katakana!)), { timeout: 15_000 })
      .toBe(true);
  });

  it('narrows the list and the count as filters are added', async () => {
    const page = await openPage('/?inview=0');
    const all = await count(page);
    expect(all).toBeGreaterThan(100);
    await page.getByRole('checkbox', { name: '無料' }).check();
    await expect.poll(() => count(page)).toBeLessThan(all);
    const free = await count(page);
    await page.getByRole('button', { name: /条件で絞り込む/ }).click();
    await page.getByRole('group', { name: '分野' }).getByRole('checkbox', { name: '高齢' }).check();
    await expect.poll(() => count(page)).toBeLessThan(free);
    const freeElderly = await count(page);
    expect(freeElderly).toBeGreaterThan(0);
    // the list shows what the count says (up to a page)
    expect(await page.getByRole('list', { name: '検索結果' }).getByRole('listitem').count()).toBe(Math.min(freeElderly, 50));
  });

  it('restores the search, filters and view from the URL after a reload', async () => {
    // the expected count, from the same search code over the same public data
    const view = publicView(demo);
    const expected = searchIndex(buildSearchIndex(view.sites, view.menus), { text: 'さろん', today: todayInJapan() }).total;
    expect(expected).toBeGreaterThan(0);
    const page = await openPage('/?inview=0');
    await page.getByRole('searchbox', { name: 'キーワード' }).fill('さろん');
    await page.getByRole('checkbox', { name: '今日やっている' }).check();
    await expect.poll(() => page.url()).toContain('today=1');
    await expect.poll(() => count(page)).toBe(expected);
    await page.reload({ waitUntil: 'load' });
    await expect.poll(() => page.getByRole('searchbox', { name: 'キーワード' }).inputValue()).toBe('さろん');
    expect(await page.getByRole('checkbox', { name: '今日やっている' }).isChecked()).toBe(true);
    await expect.poll(() => count(page)).toBe(expected);
  });
});

describe('keyboard and site page', () => {
  it('goes from the search box to a site page by keyboard alone', async () => {
    const page = await openPage('/?inview=0');
    // the page is drawn (the count is shown) before the keyboard starts
    await count(page);
    // Tab from the top of the page until the search box has focus
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement?.getAttribute('type') === 'search')) break;
    }
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('find-q');
    const everything = await count(page);
    await page.keyboard.type('しょくどう');
    // wait for the list to follow the keyword (the previous results stay until then)
    await expect.poll(() => count(page)).toBeLessThan(everything);
    await expect.poll(async () => (await resultNames(page)).length).toBeGreaterThan(0);
    const first = (await resultNames(page))[0]!;
    // Tab on to the first result link: the focused element is a link in the results list
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const inList = await page.evaluate(() => Boolean(document.activeElement?.closest('#results-list')));
      if (inList) break;
    }
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(first);
    // the focus is visible: an outline is drawn
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).not.toBe('none');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain(first);
    expect(page.url()).toMatch(/\/sites\//);
  });

  it('shows what a resident needs on a site page, with no WCAG A/AA violations', async () => {
    const site = demo.sites.find((s) => s.status === 'published' && s.visibility === 'public' && !s.confidential && s.contact.tel)!;
    const page = await openPage(`/sites/${site.id}`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain(site.name);
    await expect.poll(() => page.locator(`a[href^="tel:"]`).count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByText(/最終確認日/).count()).toBeGreaterThan(0);
    expect(await page.getByText(site.address).count()).toBeGreaterThan(0);
    expect(await runAxe(page, { exclude: ['.site-page__map'] })).toEqual([]);
    // printable: on paper the navigation, the buttons and the interactive map give way to the text
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.app-header').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'このページを印刷' }).isVisible()).toBe(false);
    expect(await page.locator('.site-page__map').isVisible()).toBe(false);
    expect(await page.getByRole('heading', { level: 1 }).isVisible()).toBe(true);
    expect(await page.getByText(site.address).first().isVisible()).toBe(true);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.byteLength).toBeGreaterThan(10_000);
  });
});

describe('privacy: what the public must never see', () => {
  const confidential = demo.sites.filter((s) => s.confidential);
  const staffMenus = demo.menus.filter((m) => m.visibility === 'staff');
  const drafts = demo.sites.filter((s) => s.status !== 'published');

  it('the demo has confidential sites, staff-only menus and drafts to hide', () => {
    expect(confidential.length).toBeGreaterThan(0);
    expect(staffMenus.length).toBeGreaterThan(0);
    expect(drafts.length).toBeGreaterThan(0);
  });

  it('never shows a confidential site, a draft or a staff-only menu in pages or responses', async () => {
    const page = await openPage('/?inview=0');
    const bodies: string[] = [];
    // data responses only: in local mode the demo generator itself ships as code, and its word
    // lists are not data about anyone; the Supabase source is checked request by request
    page.on('response', async (r) => {
      if (/javascript|css|image|font/.test(r.headers()['content-type'] ?? '')) return;
      try {
        bodies.push(await r.text());
      } catch {
        // redirects and aborted requests have no body
      }
    });
    await waitForMapIdle(page);
    const secretNames = [...confidential, ...drafts].map((s) => s.name);
    const secretTitles = staffMenus.map((m) => m.title);
    // the map never draws them
    const { siteIds } = await mapState(page);
    for (const s of [...confidential, ...drafts]) expect(siteIds).not.toContain(s.id);
    // searching their exact names finds nothing of theirs
    for (const name of secretNames.slice(0, 5)) {
      await page.getByRole('searchbox', { name: 'キーワード' }).fill(name);
      await expect.poll(async () => (await page.getByRole('status').filter({ hasText: /件/ }).first().textContent()) ?? '').toMatch(/\d+件/);
      expect(await resultNames(page)).not.toContain(name);
    }
    // their pages say "not found"
    for (const s of [...confidential.slice(0, 3), ...drafts.slice(0, 3)]) {
      await page.goto(new URL(`/sites/${s.id}`, page.url()).href);
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('ページが見つかりません。');
    }
    // a site that has a staff-only menu shows its public menus only
    const hostId = staffMenus.find((m) => m.siteId && demo.sites.find((s) => s.id === m.siteId && s.status === 'published' && s.visibility === 'public' && !s.confidential))?.siteId;
    if (hostId) {
      await page.goto(new URL(`/sites/${hostId}`, page.url()).href);
      await expect.poll(() => page.getByRole('heading', { level: 2, name: '活動・サービス' }).count()).toBe(1);
      const text = await page.locator('main').textContent();
      for (const title of secretTitles) expect(text).not.toContain(title);
    }
    const all = bodies.join('\n') + (await page.content());
    for (const secret of [...confidential.map((s) => s.name), ...secretTitles]) expect(all).not.toContain(secret);
  });
});
