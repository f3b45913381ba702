// Published snapshots in the built app (`?dataset=…&points=…&list=…`, as the map benchmark and a
// static deployment use them): the map draws from the points snapshot and the list from the list
// snapshot while the dataset is held back; a keyword search and a site page get the dataset.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toListSnapshot } from '../../src/data/local/list-snapshot.ts';
import { isPublicSite, toPublicPoint } from '../../src/data/local/public-view.ts';
import { generateDemoDataset } from '../../src/domain/demo/generate.ts';
import type { Dataset } from '../../src/domain/model.ts';
import { baseURL, closeBrowser, openPage, pageErrors, waitForMapIdle } from './support/browser.ts';

afterAll(closeBrowser);

// served with the build (global-setup.ts serves dist/)
const DIR = join('dist', 'e2e-snapshots');
let dataset: Dataset;

beforeAll(() => {
  dataset = generateDemoDataset({ sites: 300, today: '2026-11-01' });
  mkdirSync(DIR, { recursive: true });
  const points = dataset.sites.filter(isPublicSite).map(toPublicPoint);
  writeFileSync(join(DIR, 'dataset.json'), JSON.stringify(dataset));
  writeFileSync(join(DIR, 'points.json'), JSON.stringify({ version: 1, points, areas: dataset.areas }));
  writeFileSync(join(DIR, 'list.json'), JSON.stringify(toListSnapshot(dataset)));
});

describe('published snapshots', () => {
  it('shows the map and the list while the dataset is held back; a site page gets the dataset', async () => {
    const page = await openPage('/favicon.svg');
    // the dataset's response waits until the test lets it go (the data worker's request is routed too)
    let requested = false;
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.context().route('**/e2e-snapshots/dataset.json', async (route) => {
      requested = true;
      await held;
      await route.continue();
    });
    const app = '/?dataset=/e2e-snapshots/dataset.json&points=/e2e-snapshots/points.json&list=/e2e-snapshots/list.json';
    await page.goto(new URL(app, baseURL()).href);
    await waitForMapIdle(page);
    const publicCount = dataset.sites.filter(isPublicSite).length;
    const list = page.locator('#results-list');
    await expect.poll(() => list.locator('li').count()).toBeGreaterThan(0);
    expect(await page.getByText(new RegExp(`^${publicCount}件見つかりました`)).count()).toBe(1);
    const names = new Set(dataset.sites.filter(isPublicSite).map((s) => s.name));
    const first = (await list.locator('li a').first().textContent())!;
    expect(names.has(first)).toBe(true);
    // the list came from its snapshot: the dataset has not arrived
    expect(requested).toBe(true);

    await list.locator('li a').first().click();
    // a site page needs the dataset: it waits for it, then shows the site
    await page.waitForURL(/\/sites\//);
    release();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain(first);
    expect(pageErrors(page)).toEqual([]);
  });
});
