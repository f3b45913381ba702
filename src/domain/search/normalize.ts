// Keyword normalisation shared by the index and the query: both sides go through the same function,
// so matching is a plain substring test on the results.
//
// steps
// 1. NFKC: full-width ASCII → ASCII, half-width katakana → katakana (ｶﾞ → ガ), U+3000 → space.
// 2. lower case.
// 3. katakana → hiragana, one code unit at a time (ヴ → ゔ, ヵヶ → ゕゖ, ヽヾ → ゝゞ; ヷヸヹヺ have no
//    precomposed hiragana, so they become わ/ゐ/ゑ/を + combining dakuten, which is what typing
//    the hiragana form produces).
// 4. every long-vowel or dash variant (ー ｰ － — ― ‐ ‑ ‒ – − -) → ー, so 'センタ-' finds 'センター'.
// 5. drop middle dots (・ ･ ·) and all whitespace, including U+3000 and zero-width spaces.
// 6. drop a long-vowel mark that ends the string after kana: 'センター' → 'せんた', so that
//    'コンピューター' and 'コンピュータ' (both spellings are official: JIS Z 8301 vs 外来語の表記)
//    find each other. Only the end of the string is touched, so a query 'センター' still finds
//    'センターで' by substring.

const LONG_VOWEL = 0x30fc; // ー

/** code units whose only job is to separate words or mark a reading; removed */
function isDropped(c: number): boolean {
  return (
    c === 0x20 || // space (NFKC already folded U+3000, U+00A0, U+2000–200A into it)
    (c >= 0x09 && c <= 0x0d) || // \t \n \v \f \r
    c === 0x85 ||
    c === 0x1680 ||
    (c >= 0x200b && c <= 0x200d) || // zero-width space, (non-)joiner
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff ||
    c === 0x30fb || // ・ (NFKC folds half-width ･ into it)
    c === 0x00b7 // ·
  );
}

function isDash(c: number): boolean {
  // 〜 and ~ are not dashes: they mark ranges (10時〜12時), so they stay as they are
  return (
    c === LONG_VOWEL ||
    c === 0x2d || // - (NFKC folds full-width － into it)
    (c >= 0x2010 && c <= 0x2015) || // ‐ ‑ ‒ – — ―
    c === 0x2212 || // −
    c === 0x2e3a || // ⸺
    c === 0x2e3b // ⸻
  );
}

/** katakana code unit → its hiragana twin; anything else unchanged */
function kanaFold(c: number): number {
  // ァ (30A1) .. ヶ (30F6) and ヽヾ (30FD, 30FE) sit exactly 0x60 above their hiragana
  if ((c >= 0x30a1 && c <= 0x30f6) || c === 0x30fd || c === 0x30fe) return c - 0x60;
  return c;
}

const VOICED_WA: Record<number, string> = {
  0x30f7: '\u308f\u3099', // ヷ
  0x30f8: '\u3090\u3099', // ヸ
  0x30f9: '\u3091\u3099', // ヹ
  0x30fa: '\u3092\u3099', // ヺ
};

function isKana(c: number): boolean {
  return c >= 0x3041 && c <= 0x309f; // hiragana block, after folding
}

/**
 * The form of `s` used for keyword matching. Idempotent; hiragana and katakana forms of a string
 * normalise to the same result; whitespace anywhere never changes the result.
 */
export function normalizeForSearch(s: string): string {
  const t = s.normalize('NFKC').toLowerCase();
  const n = t.length;
  if (buffer.length < n * 2) buffer = new Uint16Array(Math.max(n * 2, buffer.length * 2));
  let len = 0;
  let changed = false;
  let recompose = false;
  for (let i = 0; i < n; i++) {
    const c = t.charCodeAt(i);
    if (isDropped(c)) {
      changed = true;
      // removing it can put a combining mark next to a new base letter ('か ゙' → 'が')
      if (i + 1 < n && mayCompose(t.charCodeAt(i + 1))) recompose = true;
    } else if (c === LONG_VOWEL) {
      buffer[len++] = c;
    } else if (isDash(c)) {
      buffer[len++] = LONG_VOWEL;
      changed = true;
    } else if (c >= 0x30a1 && c <= 0x30fe) {
      const v = VOICED_WA[c];
      if (v !== undefined) {
        buffer[len++] = v.charCodeAt(0);
        buffer[len++] = v.charCodeAt(1);
      } else buffer[len++] = kanaFold(c);
      changed ||= buffer[len - 1] !== c;
    } else {
      buffer[len++] = c;
    }
  }
  if (!changed) return dropTrailingLongVowel(t);
  const folded = codesToString(buffer, len);
  // composing never brings back anything removed above
  return dropTrailingLongVowel(recompose ? folded.normalize('NFKC') : folded);
}

/** false only for code units that can never join the letter before them under NFKC */
function mayCompose(c: number): boolean {
  if (c < 0x0300) return false;
  if (c >= 0x3041 && c <= 0x3096) return false; // hiragana letters
  if (c >= 0x30a1 && c <= 0x30fc) return false; // katakana letters, ー
  if (c >= 0x4e00 && c <= 0x9fff) return false; // CJK ideographs
  return true;
}

let buffer = new Uint16Array(256);

function codesToString(codes: Uint16Array, len: number): string {
  const CHUNK = 4096; // stays far below the engines' argument-count limits
  if (len <= CHUNK) return String.fromCharCode.apply(null, codes.subarray(0, len) as unknown as number[]);
  let s = '';
  for (let i = 0; i < len; i += CHUNK) {
    s += String.fromCharCode.apply(null, codes.subarray(i, Math.min(len, i + CHUNK)) as unknown as number[]);
  }
  return s;
}

function dropTrailingLongVowel(s: string): string {
  let end = s.length;
  while (end > 0 && s.charCodeAt(end - 1) === LONG_VOWEL) end--;
  if (end === s.length || end === 0 || !isKana(s.charCodeAt(end - 1))) return s;
  return s.slice(0, end);
}
