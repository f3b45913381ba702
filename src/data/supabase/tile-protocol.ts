// Serving site_tiles to a MapLibre vector source without PostgREST's JSON in the way: register
// this handler with `maplibregl.addProtocol(SITE_TILE_PROTOCOL, handler)` and add a source
// `{ type: 'vector', tiles: [SITE_TILE_URL], maxzoom: 14, promoteId: 'id' }` whose layers read
// source-layer "sites" (points with id, name, category_id, field, help_desk from z 8; clusters
// with point_count below). Kept free of maplibre-gl so the data layer does not depend on the map.

export const SITE_TILE_PROTOCOL = 'kasane-sites';
export const SITE_TILE_URL = `${SITE_TILE_PROTOCOL}://{z}/{x}/{y}`;

export type GetSiteTile = (z: number, x: number, y: number, signal?: AbortSignal) => Promise<Uint8Array>;

/** the request shape MapLibre's addProtocol passes (only what is read here) */
export type TileRequest = { url: string };

export function siteTileProtocol(getTile: GetSiteTile) {
  return async (request: TileRequest, abort?: AbortController): Promise<{ data: ArrayBuffer }> => {
    const m = /^kasane-sites:\/\/(\d+)\/(\d+)\/(\d+)$/.exec(request.url);
    if (!m) throw new Error(`not a site tile URL: ${request.url} (expected ${SITE_TILE_URL})`);
    const bytes = await getTile(Number(m[1]), Number(m[2]), Number(m[3]), abort?.signal);
    // MapLibre wants an ArrayBuffer of exactly the tile's bytes
    return { data: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer };
  };
}
