import { describe, expect, it } from 'vitest';
import { normalizeForSearch } from './normalize';
import { pick, rng, toKatakana } from './test-dataset';

describe('normalizeForSearch', () => {
  it.each([
    ['ヒダマリ サロン', 'ひだまりさろん'],
    ['ひだまりさろん', 'ひだまりさろん'],
    ['ＡＢＣ１２３', 'abc123'],
    ['ｻﾛﾝ', 'さろん'],
    ['ｶﾞｯｺｳ ﾉ ﾊﾟﾝ', 'がっこうのぱん'], // half-width voiced marks compose
    ['ヴィレッジ', 'ゔぃれっじ'],
    ['ヵヶヽヾ', 'ゕゖゝゞ'],
    ['ワ\u3099イン', 'わ\u3099いん'], // ヷ has no precomposed hiragana twin
    ['Salon　ひだまり', 'salonひだまり'], // U+3000
    ['\tこども\n食堂\u200b', 'こども食堂'],
    ['子ども・食堂', '子ども食堂'],
    ['ｶﾌｪ･ﾄﾞ･ﾊﾟﾘ', 'かふぇどぱり'],
    ['フードパントリー', 'ふーどぱんとり'], // trailing long vowel dropped, inner kept
    ['フ－ドパントリ—', 'ふーどぱんとり'], // full-width hyphen-minus, em dash
    ['フ-ドパントリ‐', 'ふーどぱんとり'], // ASCII hyphen, U+2010
    ['コンピューター', 'こんぴゅーた'],
    ['コンピュータ', 'こんぴゅーた'],
    ['ー', 'ー'], // nothing to drop it after
    ['03-1234', '03ー1234'],
    ['10時〜12時', '10時〜12時'], // a wave dash marks a range; kept
    ['か ゙', 'が'], // removing the space lets the mark compose
    ['ＣＡＦＥ', 'cafe'],
    ['Café', 'café'],
    ['', ''],
    ['　 ', ''],
  ])('%j → %j', (input, expected) => {
    expect(normalizeForSearch(input)).toBe(expected);
  });

  const HIRAGANA = [...'ぁあぃいぅうぇえぉおかがきぎくぐけげこごさざしじすずせぜそぞただちぢっつづてでとどなにぬねのはばぱひびぴふぶぷへべぺほぼぽまみむめもゃやゅゆょよらりるれろゎわゐゑをんゔゕゖゝゞー'];
  const OTHER = [...'漢字食堂体操abcXYZ０１９ＡＢ ・　-－—‐~〜。、!？'];
  const randomString = (rand: () => number) => {
    const len = Math.floor(rand() * 12);
    let s = '';
    for (let i = 0; i < len; i++) s += rand() < 0.7 ? pick(rand, HIRAGANA) : pick(rand, OTHER);
    return s;
  };

  // any BMP code point but a surrogate
  const bmpCodeUnit = (rand: () => number) => {
    const c = Math.floor(rand() * (0x10000 - 0x800));
    return c < 0xd800 ? c : c + 0x800;
  };

  it('is idempotent, including on arbitrary BMP text', () => {
    const rand = rng(1);
    for (let n = 0; n < 20000; n++) {
      const s = n % 2 ? randomString(rand) : String.fromCharCode(...Array.from({ length: 8 }, () => bmpCodeUnit(rand)));
      const once = normalizeForSearch(s);
      expect(normalizeForSearch(once), JSON.stringify(s)).toBe(once);
    }
  });

  it('folds the katakana form of any string onto its hiragana form', () => {
    const rand = rng(2);
    for (let n = 0; n < 3000; n++) {
      const s = randomString(rand);
      expect(normalizeForSearch(toKatakana(s)), JSON.stringify(s)).toBe(normalizeForSearch(s));
    }
  });

  it('ignores whitespace inserted anywhere', () => {
    const rand = rng(3);
    const spaces = [' ', '\u3000', '\t', '\n', '\u00a0', '\u200b'];
    for (let n = 0; n < 3000; n++) {
      const s = randomString(rand);
      const at = Math.floor(rand() * (s.length + 1));
      const spaced = s.slice(0, at) + pick(rand, spaces) + s.slice(at);
      expect(normalizeForSearch(spaced), JSON.stringify(spaced)).toBe(normalizeForSearch(s));
    }
  });
});
