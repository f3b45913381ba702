// public.normalize_search_text must equal normalizeForSearch (src/domain/search/normalize.ts):
// a keyword finds the same listings through the local source and through the RPCs.
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeForSearch } from '../../src/domain/search/normalize';
import { connect } from './db';
import { mulberry32 } from '../../src/domain/demo/rng.ts';

const CASES = [
  'ｶﾞｯｺｳ', 'カタカナ', 'ひらがな', 'ＡＢＣ１２３', 'Hello World', 'みんなの　食堂', 'ケア・サポート', 'センター',
  'コンピューター', 'コンピュータ', 'センタ-', 'センタ—', 'ー', 'ーー', 'ヴァイオリン', 'ヷヸヹヺ', '10時〜12時', '  ', '',
  'ﾃﾞｲｻｰﾋﾞｽ', '子ども・子育て', 'ＮＰＯ法人', 'abc-def', 'ヽヾ', 'ヵヶ', 'ア\u200bイ', 'ＣＡＦÉ', 'Ⅻ', '㈱かさね', '①②',
  'ｱｲｳ･ｴｵ', 'a\tb\nc', 'センター‐北', 'ABC−１', 'ー あ', 'あー ', 'カー・シェア', 'ｺｰﾋｰ', '㍻', 'ﾊﾟﾝ',
];

// characters the normalization treats specially, plus ordinary text
const ALPHABET = [
  ...'あいうえおかがさざはばぱまやゆよらわをんゝゞゔー',
  ...'アイウエオカガサザハバパマヤユヨラワヲンヵヶヴヷヸヹヺヽヾ',
  ...'ｱｲｳｶﾞﾊﾟｰﾞﾟ･',
  ...'ＡＢＣａｂｃ０１２ABCabc012',
  ...'子食堂北区支援センター',
  '\u3099', '\u309a', '\u0301', 'e', 'ﾞ', 'ﾟ',
  ' ', '\u3000', '\t', '\u200b', '\ufeff', '・', '·', '-', '‐', '‑', '‒', '–', '—', '―', '−', '－', '〜', '~', '_', '%', '|',
];

function randomString(next: () => number): string {
  const n = Math.floor(next() * 12);
  let s = '';
  for (let i = 0; i < n; i++) s += ALPHABET[Math.floor(next() * ALPHABET.length)];
  return s;
}


describe('normalize_search_text', () => {
  let client: pg.Client;
  beforeAll(async () => {
    client = await connect();
  });
  afterAll(async () => {
    await client.end();
  });

  async function sqlNormalize(inputs: string[]): Promise<string[]> {
    const { rows } = await client.query<{ out: string }>(
      'select public.normalize_search_text(x) as out from unnest($1::text[]) with ordinality as t(x, i) order by i',
      [inputs],
    );
    return rows.map((r) => r.out);
  }

  it('equals normalizeForSearch on the table of cases', async () => {
    const got = await sqlNormalize(CASES);
    expect(got).toEqual(CASES.map(normalizeForSearch));
  });

  it('equals normalizeForSearch on 5,000 random strings (property)', async () => {
    const next = mulberry32(20260401);
    const inputs = Array.from({ length: 5000 }, () => randomString(next));
    const got = await sqlNormalize(inputs);
    const mismatches = inputs
      .map((s, i) => ({ s, sql: got[i], ts: normalizeForSearch(s) }))
      .filter((m) => m.sql !== m.ts);
    expect(mismatches.slice(0, 5)).toEqual([]);
  });

  it('is idempotent in SQL', async () => {
    const once = await sqlNormalize(CASES);
    expect(await sqlNormalize(once)).toEqual(once);
  });
});
