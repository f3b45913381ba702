// A small seeded PRNG for the demo data. Same seed → same sequence on every engine: the state is
// a 32-bit integer and every step is integer arithmetic (mulberry32), so no Math.random and no
// platform-dependent floating point enters the stream.

export type Rng = {
  /** uniform in [0, 1) */
  next(): number;
  /** integer in [min, max], both inclusive */
  int(min: number, max: number): number;
  /** uniform in [min, max) */
  float(min: number, max: number): number;
  /** true with probability p */
  chance(p: number): boolean;
  /** one element; throws on an empty list */
  pick<T>(items: readonly T[]): T;
  /** one value, chosen with probability proportional to its weight */
  weighted<T>(entries: readonly (readonly [T, number])[]): T;
  /** k distinct elements in random order (all of them when k ≥ length) */
  sample<T>(items: readonly T[], k: number): T[];
  /** a shuffled copy; the input is left alone */
  shuffle<T>(items: readonly T[]): T[];
  /** standard normal deviate (Box–Muller) */
  normal(): number;
  /** an independent stream, so that adding draws here never shifts what the fork produces */
  fork(label: string | number): Rng;
};

/** FNV-1a over the parts, then a murmur3 finaliser: spreads similar inputs (seed 1 vs 2) apart. */
export function hashSeed(...parts: (string | number)[]): number {
  let h = 0x811c9dc5;
  const text = parts.join('\u0000');
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A seeded stream of uniform numbers in [0, 1); `state` is its current 32-bit state. */
export type Stream = { (): number; readonly state: number };

/** The project's one seeded stream (mulberry32, Tommy Ettinger, public domain). */
export function mulberry32(seed: number): Stream {
  let state = seed >>> 0;
  const next = (() => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }) as Stream;
  Object.defineProperty(next, 'state', { get: () => state });
  return next;
}

export function createRng(seed: number): Rng {
  if (!Number.isFinite(seed)) throw new Error(`createRng: seed must be a finite number, got ${seed}`);
  const next = mulberry32(seed);
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new Error('pick: the list is empty');
    return items[Math.floor(next() * items.length)] as T;
  };
  const shuffle = <T>(items: readonly T[]): T[] => {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    return out;
  };
  return {
    next,
    int,
    float: (min, max) => min + next() * (max - min),
    chance: (p) => next() < p,
    pick,
    weighted<T>(entries: readonly (readonly [T, number])[]): T {
      const total = entries.reduce((s, [, w]) => s + Math.max(0, w), 0);
      if (!(total > 0)) throw new Error('weighted: give at least one positive weight');
      let r = next() * total;
      for (const [value, w] of entries) {
        if (w <= 0) continue;
        r -= w;
        if (r < 0) return value;
      }
      // float rounding can leave r a hair above 0: the last positive entry takes it
      return entries.filter(([, w]) => w > 0).at(-1)![0];
    },
    sample: (items, k) => shuffle(items).slice(0, Math.max(0, k)),
    shuffle,
    normal() {
      // 1 − next() keeps the log argument in (0, 1]
      return Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
    },
    fork: (label) => createRng(hashSeed(next.state, label)),
  };
}
