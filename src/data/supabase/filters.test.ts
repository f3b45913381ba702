import { describe, expect, it } from 'vitest';
import type { SiteQuery } from '../../domain/search/query';
import { toRpcFilters } from './filters';

const q = (x: unknown) => x as SiteQuery;

describe('toRpcFilters', () => {
  it('keeps the filter keys, drops bbox, origin and empty lists', () => {
    expect(toRpcFilters({ text: 'サロン', needs: ['meals'], weekdays: [], free: true, today: '2026-11-03', bbox: [139, 35, 140, 36], origin: [139.5, 35.5] })).toEqual({
      text: 'サロン',
      needs: ['meals'],
      free: true,
      today: '2026-11-03',
    });
    expect(toRpcFilters({})).toEqual({});
  });

  it('drops unknown ids among known ones, as the local search ignores them', () => {
    expect(toRpcFilters(q({ fields: ['elderly', 'martians'], needs: ['meals', 'meals'] }))).toEqual({ fields: ['elderly'], needs: ['meals'] });
  });

  it('only unknown alternatives: nothing matches, except targets, where menus for anyone still do', () => {
    expect(toRpcFilters(q({ fields: ['martians'] }))).toBeNull();
    expect(toRpcFilters(q({ weekdays: ['火'] }))).toBeNull();
    expect(toRpcFilters(q({ targets: ['martians'] }))).toEqual({ targets: ['anyone'] });
  });

  it('an unknown requirement (accessibility, ease) can never hold', () => {
    expect(toRpcFilters(q({ accessibility: ['wheelchair', 'teleporter'] }))).toBeNull();
    expect(toRpcFilters(q({ ease: ['free'] }))).toEqual({ ease: ['free'] });
  });
});
