// From a stored case to the engine's input: the home as a point with its areas, and each member
// with the household constraints merged with their overrides.
import type { Area, LngLat } from '../model';
import { bboxOf } from '../geo/bbox';
import { containsPoint } from '../geo/point-in-polygon';
import { coarsenPoint, effectiveConstraints, memberTargets, type Case, type Home } from '../case/model';
import type { MatchInput, ResolvedHome } from './types';

// unmet needs are reported per 日常生活圏域 when the home lies in one: that is where 地域づくり plans
const REPORT_LEVELS: readonly Area['level'][] = ['daily_life', 'elementary', 'district', 'custom', 'municipality'];

function reportingArea(areas: readonly Area[]): string | null {
  for (const level of REPORT_LEVELS) {
    const a = areas.find((x) => x.level === level);
    if (a) return a.id;
  }
  return null;
}

/**
 * A point inside the area, on the home grid: the centre of its bounding box when that lies inside,
 * else the grid point inside nearest to that centre (an L-shaped or ring-shaped area).
 */
export function representativePoint(area: Area): LngLat {
  const [w, s, e, n] = bboxOf(area.geometry);
  const centre = coarsenPoint([(w + e) / 2, (s + n) / 2]);
  if (containsPoint(area.geometry, centre)) return centre;
  // sample a 40 × 40 lattice over the box, nearest to the centre first
  let best: LngLat | null = null;
  let bestD = Infinity;
  for (let i = 0; i <= 40; i++) {
    for (let j = 0; j <= 40; j++) {
      const p = coarsenPoint([w + ((e - w) * i) / 40, s + ((n - s) * j) / 40]);
      const d = (p[0] - centre[0]) ** 2 + (p[1] - centre[1]) ** 2;
      if (d < bestD && containsPoint(area.geometry, p)) {
        best = p;
        bestD = d;
      }
    }
  }
  if (!best) throw new Error(`area "${area.id}" is too small to place a home in; record the home as a point instead`);
  return best;
}

/**
 * The home as the engine needs it. A point home lies in every area that contains it; an area home
 * lies in that area and its ancestors (parentId), and travel is measured from a point inside it,
 * which is only as good as the area is small: prefer a point when the person agrees.
 */
export function resolveHome(home: Home, areas: readonly Area[]): ResolvedHome {
  if (home.kind === 'point') {
    const point = coarsenPoint(home.point);
    const holding = areas.filter((a) => containsPoint(a.geometry, point));
    return { point, areaIds: holding.map((a) => a.id), areaId: home.areaId ?? reportingArea(holding) };
  }
  const byId = new Map(areas.map((a) => [a.id, a] as const));
  const area = byId.get(home.areaId);
  if (!area) throw new Error(`home area "${home.areaId}" is not among the areas; load the areas of the case's municipality first`);
  const chain: Area[] = [];
  for (let a: Area | undefined = area; a && !chain.includes(a); a = a.parentId ? byId.get(a.parentId) : undefined) chain.push(a);
  return { point: representativePoint(area), areaIds: chain.map((a) => a.id), areaId: area.id };
}

/** The engine's input for a case: members with their effective constraints and implied targets. */
export function toMatchInput(c: Pick<Case, 'constraints' | 'members'>, home: ResolvedHome): MatchInput {
  return {
    home,
    members: c.members.map((m) => ({
      id: m.id,
      ageBand: m.ageBand,
      targets: memberTargets(m),
      needs: m.needs,
      constraints: effectiveConstraints(c.constraints, m.overrides),
    })),
  };
}
