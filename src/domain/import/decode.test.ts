import { readRealdata } from '../../../tests/support/realdata';
import { describe, expect, it } from 'vitest';
import { decodeCsvBytes } from './decode';

const real = readRealdata;

// 「名称,緯度,経度,利用可能曜日\r\n」 in CP932, written out by hand: 能 is 0x94 0x5C, whose second
// byte is an ASCII backslash, the classic Shift_JIS trap
const CP932_HEADER = [
  0x96, 0xbc, 0x8f, 0xcc, 0x2c, 0x88, 0xdc, 0x93, 0x78, 0x2c, 0x8c, 0x6f, 0x93, 0x78, 0x2c, 0x97, 0x98, 0x97, 0x70, 0x89,
  0xc2, 0x94, 0x5c, 0x97, 0x6a, 0x93, 0xfa, 0x0d, 0x0a,
];
// 川口市子育てひろば,月火水,①,ｶﾅ (half-width katakana and an NEC special character)
const CP932_ROW = [
  0x90, 0xec, 0x8c, 0xfb, 0x8e, 0x73, 0x8e, 0x71, 0x88, 0xe7, 0x82, 0xc4, 0x82, 0xd0, 0x82, 0xeb, 0x82, 0xce, 0x2c, 0x8c,
  0x8e, 0x89, 0xce, 0x90, 0x85, 0x2c, 0x87, 0x40, 0x2c, 0xb6, 0xc5,
];

/** UTF-16 code units by hand, little- or big-endian, optionally with a BOM */
function utf16(text: string, littleEndian: boolean, bom: boolean): Uint8Array {
  const units = [...(bom ? [0xfeff] : []), ...Array.from({ length: text.length }, (_, i) => text.charCodeAt(i))];
  const out = new Uint8Array(units.length * 2);
  units.forEach((u, i) => {
    out[i * 2 + (littleEndian ? 0 : 1)] = u & 0xff;
    out[i * 2 + (littleEndian ? 1 : 0)] = u >> 8;
  });
  return out;
}

describe('decodeCsvBytes', () => {
  it('reads the real files as UTF-8 with a BOM and drops the BOM', () => {
    for (const f of ['kawaguchi_112038_preschool.csv', 'takamatsu_0022_chiiki_kosodate_shien_kyoten.csv', 'takamatsu_0045_chiiki_houkatsu_shien_center.csv']) {
      const { text, encoding } = decodeCsvBytes(real(f));
      expect(encoding).toBe('utf-8-bom');
      expect(text.charCodeAt(0)).not.toBe(0xfeff);
    }
    expect(decodeCsvBytes(real('kawaguchi_112038_preschool.csv')).text.startsWith('全国地方公共団体コード,ID,地方公共団体名,名称')).toBe(true);
  });

  it('reads UTF-8 without a BOM', () => {
    const bytes = new TextEncoder().encode('名称,緯度\r\nひろば,35.1\r\n');
    expect(decodeCsvBytes(bytes)).toEqual({ text: '名称,緯度\r\nひろば,35.1\r\n', encoding: 'utf-8' });
  });

  it('falls back to CP932 for bytes that are not UTF-8, including 0x5C trail bytes and NEC characters', () => {
    const { text, encoding } = decodeCsvBytes(new Uint8Array([...CP932_HEADER, ...CP932_ROW]));
    expect(encoding).toBe('cp932');
    expect(text).toBe('名称,緯度,経度,利用可能曜日\r\n川口市子育てひろば,月火水,①,ｶﾅ');
  });

  it('reads UTF-16LE with a BOM (Excel "Unicode text"), and UTF-16BE', () => {
    const sample = '名称\t緯度\r\n子育てひろば\t34.3\r\n';
    expect(decodeCsvBytes(utf16(sample, true, true))).toEqual({ text: sample, encoding: 'utf-16le' });
    expect(decodeCsvBytes(utf16(sample, false, true))).toEqual({ text: sample, encoding: 'utf-16be' });
  });

  it('recognises UTF-16LE without a BOM by its NUL bytes', () => {
    const sample = 'ID,名称,緯度,経度\r\n1,ひろば,34.3,134.0\r\n';
    expect(decodeCsvBytes(utf16(sample, true, false))).toEqual({ text: sample, encoding: 'utf-16le' });
  });

  it('decodes an empty input as empty UTF-8', () => {
    expect(decodeCsvBytes(new Uint8Array())).toEqual({ text: '', encoding: 'utf-8' });
  });
});
