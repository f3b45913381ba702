import { describe, expect, it } from 'vitest';
import { isValidMunicipalityCode, municipalityCheckDigit, normalizeMunicipalityCode } from './municipality-code';
import { corporateCheckDigit, isValidCorporateNumber } from './corporate-number';

describe('全国地方公共団体コード', () => {
  it.each([
    ['13101', '131016'], // 千代田区
    ['11203', '112038'], // 川口市 (the realdata file name)
    ['37201', '372013'], // 高松市
    ['01100', '011002'], // 札幌市
    ['47201', '472018'], // 那覇市
  ])('adds the check digit to %s', (jis, full) => {
    expect(jis + municipalityCheckDigit(jis)).toBe(full);
    expect(isValidMunicipalityCode(full)).toBe(true);
  });

  it('rejects every wrong check digit', () => {
    for (let d = 0; d <= 9; d++) {
      expect(isValidMunicipalityCode(`13101${d}`)).toBe(d === 6);
    }
  });

  it.each([
    ['１３１０１６', '131016'],
    ['92011', '092011'], // dropped leading zero of 092011 (宇都宮市)
    ['13101', '131016'],
    ['abc', null],
    ['131017', null],
  ])('normalizes %s', (raw, expected) => {
    expect(normalizeMunicipalityCode(raw)).toBe(expected);
  });
});

describe('法人番号', () => {
  it('validates a published number (国税庁: 7000012050002)', () => {
    expect(isValidCorporateNumber('7000012050002')).toBe(true);
    expect(corporateCheckDigit('000012050002')).toBe(7);
    expect(isValidCorporateNumber('8000012050002')).toBe(false);
    expect(isValidCorporateNumber('700001205000')).toBe(false);
  });
});
