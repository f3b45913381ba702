// The camera as plain numbers, the way the rest of the app (URL, search bbox) wants it.

/** What the map reports on `moveend`. bbox is [west, south, east, north]. */
export type MapView = { bbox: [number, number, number, number]; center: [number, number]; zoom: number };

const round = (v: number, digits: number) => {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
};
const clamp = (v: number, min: number, max: number) => Math.min(max, Math.max(min, v));

/**
 * Rounds (5 decimals ≈ 1 m; zoom to 2 decimals, so the URL stays short and stable) and clamps the
 * bbox: zoomed far out, MapLibre reports longitudes beyond ±180 (the world repeats) and the search
 * bbox must stay a valid WGS84 box.
 */
export function normalizeView(
  bounds: { west: number; south: number; east: number; north: number },
  center: { lng: number; lat: number },
  zoom: number,
): MapView {
  const west = bounds.east - bounds.west >= 360 ? -180 : clamp(bounds.west, -180, 180);
  const east = bounds.east - bounds.west >= 360 ? 180 : clamp(bounds.east, -180, 180);
  return {
    bbox: [round(west, 5), round(clamp(bounds.south, -90, 90), 5), round(east, 5), round(clamp(bounds.north, -90, 90), 5)],
    // the center may have wrapped around the world after a long pan: bring it back to ±180
    center: [round(((((center.lng + 180) % 360) + 360) % 360) - 180, 5), round(center.lat, 5)],
    zoom: round(zoom, 2),
  };
}
