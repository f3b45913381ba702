// public.find_duplicate_sites compares names with public.bigram_dice over normalize_search_text;
// both must equal nameSimilarity of src/domain/import/duplicates.ts, so the import preview (in the
// browser or the CLI) and the database warn about the same pairs.
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nameSimilarity } from '../../src/domain/import/duplicates';
import { mulberry32 } from '../../src/domain/demo/rng.ts';
import { connect } from './db';

const PIECES = ['子育て', '支援', 'センター', 'センタ', 'ゆうゆう', 'ユウユウ', '広場', 'ひろば', 'みんなの', 'ミンナノ', '食堂', 'ｼｮｸﾄﾞｳ', '　', ' ', '・', 'ー', '北', '第2', 'ＮＰＯ', 'カフェ', 'あ', 'a'];

describe('bigram_dice', () => {
  let client: pg.Client;
  beforeAll(async () => {
    client = await connect();
  });
  afterAll(async () => {
    await client.end();
  });

  it('equals nameSimilarity on 2,000 random name pairs (property)', async () => {
    const next = mulberry32(20261128);
    const name = () => Array.from({ length: Math.floor(next() * 5) }, () => PIECES[Math.floor(next() * PIECES.length)]).join('');
    const pairs = Array.from({ length: 2000 }, () => {
      const a = name();
      // half the pairs are variants of each other, so high similarities are covered too
      return [a, next() < 0.5 ? a + PIECES[Math.floor(next() * PIECES.length)] : name()] as const;
    });
    const { rows } = await client.query<{ d: number }>(
      `select public.bigram_dice(public.normalize_search_text(a), public.normalize_search_text(b)) as d
       from unnest($1::text[], $2::text[]) with ordinality as t(a, b, i) order by i`,
      [pairs.map((p) => p[0]), pairs.map((p) => p[1])],
    );
    const got = rows.map((r) => Math.round(r.d * 1e9));
    expect(got).toEqual(pairs.map(([a, b]) => Math.round(nameSimilarity(a, b) * 1e9)));
    expect(got.filter((d) => d >= 0.8e9).length).toBeGreaterThan(100);
  });
});
