// A plain SVG sketch map: area outlines and numbered markers, no tiles and no WebGL, so it prints
// (the つなぎシート) and works offline. Not for finding a way: the sheet gives addresses and access.
import type { Area, LngLat } from '../../../domain/model';
import { bboxOf } from '../../../domain/geo/bbox';

export type SketchMarker = { key: string; at: LngLat; text: string; title: string };

const WIDTH = 600;

export function SchematicMap({ areas, markers, title, levels = ['municipality', 'daily_life'] }: { areas: readonly Area[]; markers: readonly SketchMarker[]; title: string; levels?: readonly Area['level'][] }) {
  const shown = areas.filter((a) => levels.includes(a.level));
  const boxes = [...shown.map((a) => bboxOf(a.geometry)), ...markers.map((m) => [m.at[0], m.at[1], m.at[0], m.at[1]] as const)];
  if (boxes.length === 0) return null;
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const b of boxes) {
    w = Math.min(w, b[0]);
    s = Math.min(s, b[1]);
    e = Math.max(e, b[2]);
    n = Math.max(n, b[3]);
  }
  const padX = Math.max((e - w) * 0.05, 0.003);
  const padY = Math.max((n - s) * 0.05, 0.003);
  w -= padX;
  e += padX;
  s -= padY;
  n += padY;
  const k = Math.cos((((s + n) / 2) * Math.PI) / 180);
  const scale = WIDTH / ((e - w) * k);
  const height = Math.round((n - s) * scale);
  const x = (lng: number) => ((lng - w) * k * scale).toFixed(1);
  const y = (lat: number) => ((n - lat) * scale).toFixed(1);
  const path = (a: Area) => {
    const polys = a.geometry.type === 'Polygon' ? [a.geometry.coordinates] : a.geometry.coordinates;
    return polys.map((rings) => rings.map((ring) => 'M' + ring.map(([lng, lat]) => `${x(lng)},${y(lat)}`).join('L') + 'Z').join('')).join('');
  };
  return (
    <svg className="sketch-map" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={title}>
      <title>{title}</title>
      {shown.map((a) => (
        <path key={a.id} d={path(a)} fill={a.level === 'municipality' ? '#f7f7f7' : 'none'} stroke={a.level === 'municipality' ? '#4d4d4d' : '#9a9a9a'} strokeWidth={a.level === 'municipality' ? 2 : 1} strokeDasharray={a.level === 'municipality' ? undefined : '4 3'} />
      ))}
      {markers.map((m) => (
        <g key={m.key} transform={`translate(${x(m.at[0])},${y(m.at[1])})`}>
          <title>{m.title}</title>
          <circle r={13} fill="#0017c1" stroke="#fff" strokeWidth={2} />
          <text textAnchor="middle" dy="0.35em" fill="#fff" fontSize={m.text.length > 2 ? 10 : 13} fontWeight={700}>
            {m.text}
          </text>
        </g>
      ))}
    </svg>
  );
}
