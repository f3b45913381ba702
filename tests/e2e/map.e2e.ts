// The public map in the built app, offline (as on this machine): sites and area outlines render on
// a plain background, a quiet notice says the basemap is missing, the canvas is named and keyboard
// operable, and the map's part of the page passes axe.
import { afterAll, describe, expect, it } from 'vitest';
import { closeBrowser, mapState, openPage, pageErrors, runAxe, waitForMapIdle, type Page } from './support/browser.ts';

afterAll(closeBrowser);

/** The public route with its map drawn (the demo data, no network). */
async function openMap(): Promise<Page> {
  const page = await openPage('/');
  await waitForMapIdle(page);
  return page;
}

describe('public map (offline)', () => {
  it('draws the sites once idle and reports them through the test hook', async () => {
    const page = await openMap();
    const { siteIds, clusters, view } = await mapState(page);
    expect(siteIds.length + clusters).toBeGreaterThan(0);
    expect(new Set(siteIds).size).toBe(siteIds.length);
    const [w, s, e, n] = view.bbox;
    expect(w).toBeLessThan(e);
    expect(s).toBeLessThan(n);
    expect(pageErrors(page)).toEqual([]);
  });

  it('says quietly that the basemap is missing, in a status region', async () => {
    const page = await openMap();
    const status = page.locator('.site-map [role="status"]');
    await status.filter({ hasText: '背景地図を読み込めません' }).waitFor();
  });

  it('names the map and zooms with the keyboard', async () => {
    const page = await openMap();
    const canvas = page.locator('canvas.maplibregl-canvas');
    expect(await canvas.getAttribute('aria-label')).toBeTruthy();
    expect(await canvas.getAttribute('tabindex')).toBe('0');
    const before = (await mapState(page)).view.zoom;
    await canvas.focus();
    await page.keyboard.press('+'); // MapLibre's keyboard handler: one zoom level in
    await page.waitForFunction((z) => (window.__kasaneMap?.getView().zoom ?? z) >= z + 0.99, before);
    await waitForMapIdle(page);
    expect((await mapState(page)).view.zoom).toBeCloseTo(before + 1, 1);
  });

  it('zooms in towards a cluster that is clicked', async () => {
    const page = await openMap();
    const canvas = page.locator('canvas.maplibregl-canvas');
    const box = (await canvas.boundingBox())!;
    // clusters away from the edges, where the controls and the notice sit
    const clusterInside = async () =>
      (await mapState(page)).markers.find(
        (m) => m.kind === 'cluster' && m.x > 80 && m.x < box.width - 80 && m.y > 80 && m.y < box.height - 80,
      );
    let cluster = await clusterInside();
    for (let i = 0; !cluster && i < 4; i++) {
      // zoomed in too far for clusters: step out with the keyboard
      const z = (await mapState(page)).view.zoom;
      await canvas.focus();
      await page.keyboard.press('-');
      await page.waitForFunction((before) => (window.__kasaneMap?.getView().zoom ?? before) <= before - 0.99, z);
      await waitForMapIdle(page);
      cluster = await clusterInside();
    }
    expect(cluster, 'a cluster on screen').toBeDefined();
    const before = (await mapState(page)).view.zoom;
    await page.mouse.click(box.x + cluster!.x, box.y + cluster!.y);
    await page.waitForFunction((z) => (window.__kasaneMap?.getView().zoom ?? z) > z + 0.5, before);
    await waitForMapIdle(page);
  });

  it('selects a site clicked on the map: a card links to its page and the list marks it', async () => {
    // zoomed in on the town centre, single sites are drawn
    const page = await openPage('/?view=139.6,35.86,15&inview=1');
    await waitForMapIdle(page);
    const canvas = page.locator('canvas.maplibregl-canvas');
    const box = (await canvas.boundingBox())!;
    const site = (await mapState(page)).markers.find(
      (m) => m.kind === 'site' && m.x > 80 && m.x < box.width - 80 && m.y > 120 && m.y < box.height - 80,
    );
    expect(site, 'a single site on screen').toBeDefined();
    await page.mouse.click(box.x + site!.x, box.y + site!.y);
    const card = page.getByRole('region', { name: /^選択中: / });
    await expect.poll(() => card.count()).toBe(1);
    const name = ((await card.getAttribute('aria-label')) ?? '').replace(/^選択中: /, '');
    expect(name.length).toBeGreaterThan(0);
    // the list item of that site is marked as the current one (it is in view, so in the list)
    await expect.poll(() => page.locator('#results-list li[aria-current="true"]').textContent()).toContain(name);
    await card.getByRole('link', { name: '詳しく見る' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain(name);
  });

  it('draws only the matches of a search', async () => {
    const page = await openMap();
    const total = async () => (await mapState(page)).markers.reduce((sum, m) => sum + m.count, 0);
    const everything = await total();
    await page.getByRole('search').getByRole('searchbox').fill('しょくどう');
    // the map takes the new matches through setData, without being recreated
    await expect.poll(total, { timeout: 20_000 }).toBeLessThan(everything);
    await waitForMapIdle(page);
    expect(await page.locator('canvas.maplibregl-canvas').count()).toBe(1);
  });

  it('has no axe violations in the map and its legend', async () => {
    const page = await openMap();
    expect(await runAxe(page, { include: '.site-map' })).toEqual([]);
    if (await page.locator('.map-legend').count()) expect(await runAxe(page, { include: '.map-legend' })).toEqual([]);
  });
});
