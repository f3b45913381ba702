// The import and export page (issue 4), as staff use it: a real municipal file (川口市 子育て施設一覧)
// is previewed, the row without coordinates is flagged, the rest is committed and found on the
// map; an invalid file changes nothing; an export re-imports with no changes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { previewImport } from '../../src/domain/import/preview.ts';
import { REALDATA_DIR, readRealdata } from '../support/realdata.ts';
import { closeBrowser, openPage, pageErrors, runAxe, type Page } from './support/browser.ts';

const FILE = 'kawaguchi_112038_preschool.csv';
// the oracle: the same importer in Node
const oracle = previewImport(readRealdata(FILE));
const errorRows = [...new Set(oracle.problems.filter((p) => p.severity === 'error').map((p) => p.row))];
const noCoordinates = oracle.problems.find((p) => p.severity === 'error' && p.field === '緯度・経度')!;
const imported = oracle.rows.find((r) => !r.hasError && /保育所/.test(r.name))!;

afterAll(closeBrowser);

async function asRole(page: Page, role: string, path: string): Promise<void> {
  await page.evaluate((r) => localStorage.setItem('kasane.demoRole', r), role);
  await page.goto(new URL(path, page.url()).href, { waitUntil: 'load' });
}

async function summary(page: Page): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const dd of await page.locator('[data-testid=import-summary] dd').all()) out[(await dd.getAttribute('data-count'))!] = Number(await dd.textContent());
  return out;
}

/** waits for the preview of `name` to be shown, not busy */
async function previewShown(page: Page, name: string): Promise<void> {
  await page.locator('[data-testid=import-result][aria-busy=false]').filter({ hasText: name }).waitFor({ timeout: 60_000 });
}

async function siteCount(page: Page): Promise<string> {
  await page.goto(new URL('/settings', page.url()).href, { waitUntil: 'load' });
  const counts = page.getByText(/か所・/);
  await counts.waitFor();
  return (await counts.textContent()) ?? '';
}

describe('import page', () => {
  let page: Page;
  beforeAll(async () => {
    expect(REALDATA_DIR, 'the real data files are needed').toBeDefined();
    expect(noCoordinates, 'the oracle flags a row without coordinates').toBeDefined();
    page = await openPage('/');
    await asRole(page, 'staff', '/import');
    await page.getByRole('heading', { name: 'CSV の取り込み・書き出し' }).waitFor();
  });

  it('keeps residents out', async () => {
    const other = await openPage('/import');
    await expect.poll(() => other.getByText('この画面はコーディネーター・職員・管理者向けです。').count()).toBe(1);
    expect(await other.getByTestId('import-file').count()).toBe(0);
  });

  it('previews the real file: encoding, layout, counts, the 種別 table and the row without coordinates', async () => {
    await page.getByTestId('import-file').setInputFiles(join(REALDATA_DIR!, FILE));
    await previewShown(page, FILE);
    const result = page.getByTestId('import-result');
    await expect.poll(() => result.textContent()).toContain('UTF-8（BOM 付き）');
    expect(await result.textContent()).toContain('子育て施設一覧');
    const s = await summary(page);
    expect(s).toMatchObject({ new: oracle.rows.length - errorRows.length, updated: 0, unchanged: 0, skipped: 0, errors: errorRows.length });
    // the mapping table offers every category for each 種別 value
    expect(await page.getByRole('combobox', { name: /「.*保育所.*」のカテゴリ/ }).count()).toBeGreaterThan(0);
    // the flagged row, with its row number as in the file and a Japanese message
    const flagged = page.getByTestId('import-preview').locator(`tr[data-row="${noCoordinates.row}"]`);
    await expect.poll(() => flagged.textContent()).toContain('エラー');
    const problem = page.getByTestId('import-problems').locator(`tr[data-row="${noCoordinates.row}"]`).first();
    expect(await problem.textContent()).toContain('緯度・経度がありません');
    // errors block the commit until the rows are left out
    expect(await page.getByRole('button', { name: 'この内容で取り込む' }).isDisabled()).toBe(true);
  });

  it('takes a single row out of the import and back in', async () => {
    await page.getByRole('radio', { name: 'すべての行' }).check();
    const first = page.getByRole('checkbox', { name: `1 行目（${oracle.rows[0]!.name}）を取り込む` });
    await first.uncheck();
    await expect.poll(async () => (await summary(page)).skipped).toBe(1);
    await page.locator('[data-testid=import-result][aria-busy=false]').waitFor();
    await first.check();
    await expect.poll(async () => (await summary(page)).skipped).toBe(0);
    await page.locator('[data-testid=import-result][aria-busy=false]').waitFor();
  });

  it('has no WCAG A/AA violations with a preview shown', async () => {
    expect(await runAxe(page)).toEqual([]);
  });

  it('commits the rows without errors at once, and the map finds an imported site', async () => {
    await page.getByRole('checkbox', { name: 'エラーのある行を除外して取り込む' }).check();
    await page.getByRole('checkbox', { name: /すぐに公開する/ }).check();
    await expect.poll(async () => (await summary(page)).skipped).toBe(errorRows.length);
    await page.locator('[data-testid=import-result][aria-busy=false]').waitFor();
    await page.getByRole('button', { name: 'この内容で取り込む' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: '取り込みました' }).count(), { timeout: 30_000 }).toBe(1);
    // the same file against the new data: nothing new, nothing to change
    await expect.poll(async () => (await summary(page)).unchanged).toBe(oracle.rows.length - errorRows.length);
    expect(await summary(page)).toMatchObject({ new: 0, updated: 0 });

    await page.goto(new URL('/?inview=0', page.url()).href, { waitUntil: 'load' });
    await page.getByRole('searchbox', { name: 'キーワード' }).fill(imported.name);
    await expect
      .poll(async () => (await page.getByRole('list', { name: '検索結果' }).getByRole('link').allTextContents()).some((n) => n.includes(imported.name)), { timeout: 20_000 })
      .toBe(true);
  });

  it('an invalid file shows a clear Japanese message and changes nothing', async () => {
    const before = await siteCount(page);
    await page.goto(new URL('/import', page.url()).href, { waitUntil: 'load' });
    await page.getByTestId('import-file').setInputFiles({ name: 'broken.csv', mimeType: 'text/csv', buffer: Buffer.from('') });
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('このファイルは取り込めません。データは変更していません。');
    expect(await alert.textContent()).toContain('ファイルが空です');
    expect(await page.getByRole('button', { name: 'この内容で取り込む' }).isDisabled()).toBe(true);
    expect(await siteCount(page)).toBe(before);
  });

  it('fits a 360 px wide screen with a preview shown, without WCAG A/AA violations', async () => {
    const narrow = await openPage('/', { viewport: { width: 360, height: 740 } });
    await asRole(narrow, 'coordinator', '/import');
    await narrow.getByTestId('import-file').setInputFiles(join(REALDATA_DIR!, FILE));
    await previewShown(narrow, FILE);
    expect(await narrow.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    // coordinators' new listings wait for review (no choice to publish at once), under their own organization
    expect(await narrow.getByRole('checkbox', { name: /すぐに公開する/ }).count()).toBe(0);
    expect(await narrow.getByTestId('import-result').textContent()).toContain('取り込み先の団体');
    expect(await runAxe(narrow)).toEqual([]);
    // an admin's header holds every link (参加支援, 掲載の管理, 取り込み・書き出し): still no sideways scrolling
    await asRole(narrow, 'admin', '/import');
    await narrow.getByRole('link', { name: '取り込み・書き出し' }).waitFor();
    expect(await narrow.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  });

  it('exports a national CSV with a BOM, and every field as a template that re-imports with no changes', async () => {
    await page.goto(new URL('/import', page.url()).href, { waitUntil: 'load' });
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '自治体標準 CSV' }).click()]);
    const national = readFileSync((await csv.path())!);
    expect([...national.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(national.toString('utf8')).toContain(imported.name);

    await page.getByRole('radio', { name: /すべての掲載/ }).check();
    const [all] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /テンプレート形式 CSV/ }).click()]);
    const path = (await all.path())!;
    expect([...readFileSync(path).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    await page.getByTestId('import-file').setInputFiles({ name: 'kasane-map-all.csv', mimeType: 'text/csv', buffer: readFileSync(path) });
    await previewShown(page, 'kasane-map-all.csv');
    const s = await summary(page);
    expect(s).toMatchObject({ new: 0, updated: 0, errors: 0 });
    expect(s.unchanged).toBeGreaterThan(oracle.rows.length);
    expect(pageErrors(page)).toEqual([]);
  });
});
