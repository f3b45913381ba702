// Helpers for the browser tests: one Chromium per test file, a fresh context (cookies, storage,
// IndexedDB) per page, waits on the app's own signals (never on time), and axe for accessibility.
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { inject } from 'vitest';
import { launchChromium } from '../../../scripts/lib/chromium.ts';
import type { KasaneMapHook } from '../../../src/features/map/test-hook-types.ts';

export type { Page };

let browser: Promise<Browser> | undefined;
const contexts = new Set<BrowserContext>();
const errors = new WeakMap<Page, string[]>();

export function baseURL(): string {
  return inject('baseURL');
}

export type OpenPageOptions = {
  /**
   * 'offline' (default): every request that leaves the app's origin fails, as on a machine with no
   * network, so tests never depend on 国土地理院's tile server. 'allow': requests go out.
   */
  network?: 'offline' | 'allow';
  viewport?: { width: number; height: number };
  locale?: string; // the browser's language; the app itself defaults to Japanese
  reducedMotion?: 'reduce' | 'no-preference';
};

/** Opens `path` of the built app in a fresh context and waits for the document to load. */
export async function openPage(path = '/', options: OpenPageOptions = {}): Promise<Page> {
  browser ??= launchChromium();
  const context = await (
    await browser
  ).newContext({
    viewport: options.viewport ?? { width: 1280, height: 800 },
    locale: options.locale ?? 'ja-JP',
    timezoneId: 'Asia/Tokyo',
    reducedMotion: options.reducedMotion ?? 'reduce', // camera moves finish at once: fewer frames to wait for
    serviceWorkers: 'block',
  });
  contexts.add(context);
  const origin = new URL(baseURL()).origin;
  if ((options.network ?? 'offline') === 'offline') {
    await context.route(
      (url) => url.origin !== origin && url.protocol.startsWith('http'),
      (route) => route.abort('internetdisconnected'),
    );
  }
  const page = await context.newPage();
  const pageErrorList: string[] = [];
  errors.set(page, pageErrorList);
  page.on('pageerror', (e) => pageErrorList.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    // the requests we failed on purpose (offline) are logged by Chromium itself: not the app's errors
    if (m.text().includes('net::ERR_INTERNET_DISCONNECTED') && new URL(m.location().url || origin).origin !== origin) return;
    pageErrorList.push(`console.error: ${m.text()} (${m.location().url})`);
  });
  await page.goto(new URL(path, baseURL()).href, { waitUntil: 'load' });
  return page;
}

/** Uncaught exceptions and console errors seen on the page so far. */
export function pageErrors(page: Page): string[] {
  return [...(errors.get(page) ?? [])];
}

/** Waits until the map has rendered everything it has (MapLibre's `idle`), after any pending move or data update. */
export async function waitForMapIdle(page: Page, timeout = 30_000): Promise<void> {
  await page.waitForSelector('[data-map-idle="true"]', { state: 'attached', timeout });
}

/** Reads the map's test hook (window.__kasaneMap) in the page. */
export type MapState = {
  siteIds: string[];
  clusters: number;
  view: ReturnType<KasaneMapHook['getView']>;
  markers: ReturnType<KasaneMapHook['renderedMarkers']>;
};

export async function mapState(page: Page): Promise<MapState> {
  return page.evaluate(() => {
    const hook = window.__kasaneMap;
    if (!hook) throw new Error('window.__kasaneMap is missing: is a map on the page?');
    return { siteIds: hook.renderedSiteIds(), clusters: hook.clusterCount(), view: hook.getView(), markers: hook.renderedMarkers() };
  });
}

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export type AxeViolation = { id: string; impact: string | null | undefined; help: string; targets: string[] };

/** Runs axe (WCAG 2.2 AA tags) and returns the violations in a shape that reads well in a failed assertion. */
export async function runAxe(page: Page, options: { include?: string; exclude?: string[] } = {}): Promise<AxeViolation[]> {
  let builder = new AxeBuilder({ page }).withTags(AXE_TAGS);
  if (options.include) builder = builder.include(options.include);
  for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
  const results = await builder.analyze();
  return results.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    targets: v.nodes.map((n) => n.target.join(' ')),
  }));
}

/** Closes every context and the browser; call from afterAll. */
export async function closeBrowser(): Promise<void> {
  for (const context of contexts) await context.close().catch(() => undefined);
  contexts.clear();
  const b = browser;
  browser = undefined;
  if (b) await (await b).close();
}
