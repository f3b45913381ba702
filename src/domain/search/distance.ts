// Ranking by distance without trigonometry per site. Geo convention: [lng, lat] in degrees.

const RAD = Math.PI / 180;

/**
 * Writes the unit vector of [lng, lat] into out[offset..offset+2]. The squared chord between two
 * unit vectors grows with the great-circle distance, so it ranks sites exactly as haversine
 * would, with three multiplications per site at query time.
 */
export function unitVector(lng: number, lat: number, out: Float64Array, offset: number): void {
  const phi = lat * RAD;
  const lambda = lng * RAD;
  const c = Math.cos(phi);
  out[offset] = c * Math.cos(lambda);
  out[offset + 1] = c * Math.sin(lambda);
  out[offset + 2] = Math.sin(phi);
}
