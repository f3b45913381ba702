// The public map in the built app, offline (as on this machine): sites and area outlines render on
// a plain background, a quiet notice says the basemap is missing, the canvas is named and keyboard
// operable, and the map's part of the page passes axe.
import { afterAll, describe, expect, it } from 'vitest';
import { closeBrowser, mapState, openPage, pageErrors, runAxe, waitForMapIdle, type Page } from './support/browser';

afterAll(closeBrowser);

/** The app shell is written alongside the map: until `/` shows a map, these tests report "skipped". */
async function openMap(skip: (note: string) => void): Promise<Page> {
  const page = await openPage('/');
  const map = await page.waitForSelector('[data-map-idle]', { state: 'attached', timeout: 20_000 }).catch(() => null);
  if (!map) skip('no map on / yet');
  await waitForMapIdle(page);
  return page;
}

describe('public map (offline)', () => {
  it('draws the sites once idle and reports them through the test hook', async (ctx) => {
    const page = await openMap(ctx.skip);
    const { siteIds, clusters, view } = await mapState(page);
    expect(siteIds.length + clusters).toBeGreaterThan(0);
    expect(new Set(siteIds).size).toBe(siteIds.length);
    const [w, s, e, n] = view.bbox;
    expect(w).toBeLessThan(e);
    expect(s).toBeLessThan(n);
    expect(pageErrors(page)).toEqual([]);
  });

  it('says quietly that the basemap is missing, in a status region', async (ctx) => {
    const page = await openMap(ctx.skip);
    const status = page.locator('.site-map [role="status"]');
    await status.filter({ hasText: '背景地図を読み込めません' }).waitFor();
  });

  it('names the map and zooms with the keyboard', async (ctx) => {
    const page = await openMap(ctx.skip);
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

  it('has no axe violations in the map and its legend', async (ctx) => {
    const page = await openMap(ctx.skip);
    expect(await runAxe(page, { include: '.site-map' })).toEqual([]);
    if (await page.locator('.map-legend').count()) expect(await runAxe(page, { include: '.map-legend' })).toEqual([]);
  });
});
