// The taxonomy tables start equal to src/domain/taxonomy.ts (ids, labels, order, category fields).
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as T from '../../src/domain/taxonomy';
import { connect } from './db';

type Row = { id: string; label_ja: string; label_en: string; label_easy: string | null };

describe('taxonomy tables', () => {
  let client: pg.Client;
  beforeAll(async () => {
    client = await connect();
  });
  afterAll(async () => {
    await client.end();
  });

  const rows = async (table: string) =>
    (await client.query<Row>(`select id, label_ja, label_en, label_easy from public.${table} order by sort_order, id`)).rows;
  const expected = (ids: readonly string[], labels: Record<string, T.Label>) =>
    ids.map((id) => ({ id, label_ja: labels[id]!.ja, label_en: labels[id]!.en, label_easy: labels[id]!.easy ?? null }));

  it.each([
    ['fields', T.FIELDS, T.FIELD_LABELS],
    ['needs', T.NEEDS, T.NEED_LABELS],
    ['targets', T.TARGETS, T.TARGET_LABELS],
    ['ease', T.EASE, T.EASE_LABELS],
    ['accessibility', T.ACCESSIBILITY, T.ACCESSIBILITY_LABELS],
    ['languages', T.LANGUAGES, T.LANGUAGE_LABELS],
  ] as const)('%s matches taxonomy.ts', async (table, ids, labels) => {
    expect(await rows(table)).toEqual(expected(ids, labels as Record<string, T.Label>));
  });

  it('categories match taxonomy.ts, with their fields and help-desk flag', async () => {
    const { rows: got } = await client.query(
      'select id, label_ja, label_en, label_easy, fields, help_desk from public.categories order by sort_order, id',
    );
    expect(got).toEqual(
      T.CATEGORIES.map((c) => ({
        id: c.id,
        label_ja: c.label.ja,
        label_en: c.label.en,
        label_easy: c.label.easy ?? null,
        fields: [...c.fields],
        help_desk: c.helpDesk,
      })),
    );
  });

  it('only free is a derived ease term', async () => {
    const { rows: got } = await client.query<{ id: string }>('select id from public.ease where derived');
    expect(got.map((r) => r.id)).toEqual(['free']);
  });
});
