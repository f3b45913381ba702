// Japanese words with their readings. Names are composed from these so that every generated
// name carries a correct reading: the reading is built alongside the name, never guessed.

/** A word and its reading in hiragana (ー allowed for loanwords: センター → せんたー). */
export type Word = { ja: string; kana: string };

export const w = (ja: string, kana: string = ja): Word => ({ ja, kana });

/** Concatenates words (and plain kana strings) into one word. */
export function join(...parts: (Word | string)[]): Word {
  let ja = '';
  let kana = '';
  for (const part of parts) {
    ja += typeof part === 'string' ? part : part.ja;
    kana += typeof part === 'string' ? part : part.kana;
  }
  return { ja, kana };
}

/** Hiragana → katakana (the two blocks are 0x60 apart); other characters pass through. */
export function toKatakana(hiragana: string): string {
  let out = '';
  for (const ch of hiragana) {
    const code = ch.charCodeAt(0);
    out += code >= 0x3041 && code <= 0x3096 ? String.fromCharCode(code + 0x60) : ch;
  }
  return out;
}
