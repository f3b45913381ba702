import { describe, expect, it } from 'vitest';
import { createRng, hashSeed } from './rng';

const draw = (seed: number, n = 20) => {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => rng.next());
};

describe('createRng', () => {
  it('repeats the same sequence for the same seed and differs for another', () => {
    expect(draw(1)).toEqual(draw(1));
    expect(draw(1)).not.toEqual(draw(2));
  });

  it('is pinned: the first draws of seed 1 never change (demo data depends on it)', () => {
    const rng = createRng(1);
    expect([rng.int(0, 999), rng.int(0, 999), rng.int(0, 999)]).toEqual([627, 2, 527]);
  });

  it('keeps every helper in range (property check)', () => {
    for (let seed = 0; seed < 20; seed++) {
      const rng = createRng(seed);
      for (let i = 0; i < 500; i++) {
        const x = rng.next();
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThan(1);
        const n = rng.int(-3, 3);
        expect(Number.isInteger(n) && n >= -3 && n <= 3).toBe(true);
        const f = rng.float(10, 20);
        expect(f >= 10 && f < 20).toBe(true);
      }
    }
  });

  it('reaches both ends of int() and is roughly uniform', () => {
    const rng = createRng(9);
    const counts = [0, 0, 0, 0, 0, 0];
    for (let i = 0; i < 60_000; i++) counts[rng.int(0, 5)]!++;
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(500);
  });

  it('weighted() follows the weights and never returns a zero weight', () => {
    const rng = createRng(4);
    const seen = { a: 0, b: 0, never: 0 };
    for (let i = 0; i < 30_000; i++) seen[rng.weighted([['a', 1], ['never', 0], ['b', 3]] as const)]++;
    expect(seen.never).toBe(0);
    expect(seen.b / seen.a).toBeGreaterThan(2.7);
    expect(seen.b / seen.a).toBeLessThan(3.3);
    expect(() => rng.weighted([['x', 0]])).toThrow(/positive weight/);
  });

  it('sample() returns distinct elements and shuffle() a permutation without mutating', () => {
    const rng = createRng(5);
    const items = Array.from({ length: 50 }, (_, i) => i);
    const s = rng.sample(items, 10);
    expect(new Set(s).size).toBe(10);
    expect(rng.sample(items, 99)).toHaveLength(50);
    const shuffled = rng.shuffle(items);
    expect([...shuffled].sort((a, b) => a - b)).toEqual(items);
    expect(items[0]).toBe(0);
    expect(() => rng.pick([])).toThrow(/empty/);
  });

  it('normal() has mean ≈ 0 and variance ≈ 1', () => {
    const rng = createRng(6);
    const xs = Array.from({ length: 20_000 }, () => rng.normal());
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length;
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(variance - 1)).toBeLessThan(0.05);
  });

  it('fork() streams are independent of later draws on the parent', () => {
    const a = createRng(1);
    const forkA = a.fork('sites');
    const b = createRng(1);
    const forkB = b.fork('sites');
    a.next(); // drawing on one parent after forking…
    expect(forkA.next()).toBe(forkB.next()); // …leaves its fork where it was
    expect(createRng(1).fork('sites').next()).not.toBe(createRng(1).fork('menus').next());
  });

  it('hashSeed spreads nearby inputs', () => {
    expect(hashSeed(1, 0)).not.toBe(hashSeed(1, 1));
    expect(hashSeed(1, 0)).toBe(hashSeed(1, 0));
  });
});
