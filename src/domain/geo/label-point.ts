// Where to write an area's name: a point that is inside the polygon (a plain centroid can fall
// outside a concave or crescent-shaped 日常生活圏域). Computed once in JS so that a large area gets
// one label, instead of one per tile as MapLibre does when it labels polygon geometry itself.
import type { AreaGeometry } from '../model';
import { pointInPolygon } from './point-in-polygon';

type Ring = [number, number][];

/** Signed area of a ring in squared degrees (positive when counter-clockwise). */
function ringArea(ring: Ring): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [x1, y1] = ring[j]!;
    const [x2, y2] = ring[i]!;
    sum += x1 * y2 - x2 * y1;
  }
  return sum / 2;
}

function ringCentroid(ring: Ring): [number, number] {
  let cx = 0;
  let cy = 0;
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [x1, y1] = ring[j]!;
    const [x2, y2] = ring[i]!;
    const f = x1 * y2 - x2 * y1;
    cx += (x1 + x2) * f;
    cy += (y1 + y2) * f;
    a += f;
  }
  if (a === 0) return ring[0] ?? [0, 0]; // degenerate ring: any vertex will do
  return [cx / (3 * a), cy / (3 * a)];
}

/** Midpoint of the widest inside span along the horizontal line at latitude `y`. */
function widestSpanMidpoint(rings: Ring[], y: number): [number, number] | null {
  const xs: number[] = [];
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i]!;
      const [xj, yj] = ring[j]!;
      if (yi > y !== yj > y) xs.push(((xj - xi) * (y - yi)) / (yj - yi) + xi);
    }
  }
  xs.sort((a, b) => a - b);
  let best: [number, number] | null = null;
  let bestWidth = -1;
  // even-odd: crossings pair up into inside spans
  for (let k = 0; k + 1 < xs.length; k += 2) {
    const width = xs[k + 1]! - xs[k]!;
    if (width > bestWidth) {
      bestWidth = width;
      best = [(xs[k]! + xs[k + 1]!) / 2, y];
    }
  }
  return best;
}

/**
 * A point inside the largest polygon of the geometry: its centroid when that is inside, else the
 * middle of the widest span through the centroid's latitude (or the ring's middle latitude).
 */
export function labelPoint(geometry: AreaGeometry): [number, number] {
  const polygons: Ring[][] = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let largest: Ring[] | undefined;
  let largestArea = -1;
  for (const rings of polygons) {
    const outer = rings[0];
    if (!outer) continue;
    const area = Math.abs(ringArea(outer));
    if (area > largestArea) {
      largestArea = area;
      largest = rings;
    }
  }
  const outer = largest?.[0];
  if (!largest || !outer || outer.length === 0) return [0, 0];
  const centroid = ringCentroid(outer);
  if (pointInPolygon(centroid, { type: 'Polygon', coordinates: largest })) return centroid;
  const viaCentroid = widestSpanMidpoint(largest, centroid[1]);
  if (viaCentroid) return viaCentroid;
  let minY = Infinity;
  let maxY = -Infinity;
  for (const [, y] of outer) {
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  }
  return widestSpanMidpoint(largest, (minY + maxY) / 2) ?? outer[0]!;
}
