// A published snapshot of the map's base data: every public site as a point, and the areas to
// outline, in one small same-origin JSON file (DESIGN.md: a published-only snapshot can serve the
// public map at scale). The map can draw from it while the full dataset is still loading and the
// search index is not built yet. Format: { "version": 1, "points": PublicPoint[], "areas": Area[] }.
// Like `?dataset=`, the file is trusted to be published data: it is only copied field by field, so
// nothing but a PublicPoint's fields reaches the app.
import type { Area } from '../../domain/model';
import type { PublicPoint } from '../port';
import { fetchSameOrigin } from './fetch-same-origin';

export type PointsSnapshot = { points: PublicPoint[]; areas: Area[] };

export function toPublicPointExact(p: PublicPoint): PublicPoint {
  return { id: p.id, lng: p.lng, lat: p.lat, field: p.field, categoryId: p.categoryId, name: p.name, helpDesk: p.helpDesk };
}

export async function loadPointsSnapshot(url: string): Promise<PointsSnapshot> {
  const res = await fetchSameOrigin(url, 'points');
  const data = (await res.json()) as Partial<{ version: number; points: unknown; areas: unknown }> | null;
  if (!data || data.version !== 1 || !Array.isArray(data.points) || !Array.isArray(data.areas)) {
    throw new Error(`${url} is not a points snapshot (version 1 with points and areas)`);
  }
  return { points: (data.points as PublicPoint[]).map(toPublicPointExact), areas: data.areas as Area[] };
}
