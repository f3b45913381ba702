// Which raster basemap to draw, from the environment (DESIGN.md "Map"). Defaults to 国土地理院 淡色地図.

export type Basemap = { tiles: string; attribution: string; minzoom: number; maxzoom: number } | null;

export const GSI_PALE: NonNullable<Basemap> = {
  tiles: 'https://cyberjapandata.gsi.go.jp/xyz/pale/{z}/{x}/{y}.png',
  attribution: '<a href="https://maps.gsi.go.jp/development/ichiran.html">地理院タイル</a>',
  minzoom: 2, // 淡色地図 starts at z2
  maxzoom: 18, // and ends at z18; MapLibre overzooms beyond
};

/**
 * `VITE_BASEMAP_URL` unset: 淡色地図. Empty: no basemap (a plain background). Otherwise an XYZ
 * template with `{z}`, `{x}` and `{y}`, attributed by `VITE_BASEMAP_ATTRIBUTION` (HTML).
 */
export function parseBasemap(url: unknown, attribution: unknown): Basemap {
  if (url === undefined) return GSI_PALE;
  if (typeof url !== 'string') throw new Error('VITE_BASEMAP_URL must be a string: an XYZ tile URL, or empty for no basemap');
  if (url.trim() === '') return null;
  if (!/\{z\}/.test(url) || !/\{x\}/.test(url) || !/\{y\}/.test(url)) {
    throw new Error(`VITE_BASEMAP_URL must contain {z}, {x} and {y} (got "${url}"); leave it empty for no basemap`);
  }
  return {
    tiles: url,
    attribution: typeof attribution === 'string' ? attribution : '',
    minzoom: 0,
    maxzoom: 18,
  };
}

export const basemap: Basemap = parseBasemap(import.meta.env.VITE_BASEMAP_URL, import.meta.env.VITE_BASEMAP_ATTRIBUTION);
