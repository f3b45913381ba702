import { describe, expect, it } from 'vitest';
import { DEFAULT_FIND_STATE, activeFilterCount, parseFindState, serializeFindState, type FindState } from './url-state';
import { WEEKDAYS } from '../../domain/weekdays';
import { createRng } from '../../domain/demo/rng';
import { ACCESSIBILITY, CATEGORY_IDS, EASE, FIELDS, NEEDS, TARGETS } from '../../domain/taxonomy';


describe('find URL state', () => {
  it('the default state serializes to an empty query', () => {
    expect(serializeFindState(DEFAULT_FIND_STATE)).toBe('');
    expect(parseFindState('')).toEqual(DEFAULT_FIND_STATE);
  });

  it.each([
    ['?q=さろん&field=elderly,children', { text: 'さろん', fields: ['children', 'elderly'] }],
    ['?day=TH,TU,XX&today=1', { weekdays: ['TU', 'TH'], today: true }],
    ['?view=139.6,35.86,13.5&inview=0', { view: [139.6, 35.86, 13.5], inView: false }],
    ['?view=999,35,3', { view: null }],
    ['?from=139.61,35.87&sort=distance', { origin: [139.61, 35.87], sort: 'distance' }],
    ['?cat=salon,nonsense&free=1&acc=wheelchair', { categories: ['salon'], free: true, accessibility: ['wheelchair'] }],
  ])('parses %s', (search, expected) => {
    expect(parseFindState(search)).toMatchObject(expected);
  });

  it('round-trips any state (property)', () => {
    const rand = createRng(42);
    const r = () => rand.next();
    const sub = <T,>(all: readonly T[]) => all.filter(() => r() < 0.2);
    for (let i = 0; i < 300; i++) {
      const s: FindState = {
        text: r() < 0.5 ? 'こども食堂' : '',
        fields: sub(FIELDS),
        categories: sub(CATEGORY_IDS),
        helpDesksOnly: r() < 0.3,
        needs: sub(NEEDS),
        targets: sub(TARGETS),
        weekdays: sub(WEEKDAYS),
        today: r() < 0.3,
        free: r() < 0.3,
        accessibility: sub(ACCESSIBILITY),
        ease: sub(EASE),
        sort: r() < 0.5 ? 'name' : 'distance',
        origin: r() < 0.5 ? [139.12345, 35.54321] : null,
        view: r() < 0.5 ? [139.6, 35.86, 12.25] : null,
        inView: r() < 0.5,
      };
      const url = serializeFindState(s);
      expect(parseFindState(url)).toEqual(s);
      expect(serializeFindState(parseFindState(url))).toBe(url);
    }
  });

  it('counts active filters', () => {
    expect(activeFilterCount(DEFAULT_FIND_STATE)).toBe(0);
    expect(activeFilterCount(parseFindState('?field=elderly,children&free=1&q=x'))).toBe(3);
  });
});
