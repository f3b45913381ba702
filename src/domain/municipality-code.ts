// 全国地方公共団体コード: 5-digit JIS code plus a check digit (総務省).
// check = (11 − Σ(dᵢ·[6,5,4,3,2]) mod 11) mod 10. Stored as a 6-character string.

const WEIGHTS = [6, 5, 4, 3, 2];

/** The check digit for a 5-digit JIS municipality code. */
export function municipalityCheckDigit(jis5: string): number {
  if (!/^\d{5}$/.test(jis5)) throw new Error(`expected 5 digits, got "${jis5}"`);
  const sum = WEIGHTS.reduce((s, w, i) => s + w * Number(jis5[i]), 0);
  return (11 - (sum % 11)) % 10;
}

export function isValidMunicipalityCode(code: string): boolean {
  if (!/^\d{6}$/.test(code)) return false;
  return municipalityCheckDigit(code.slice(0, 5)) === Number(code[5]);
}

/**
 * Normalizes codes as found in real files: full-width digits, a dropped leading zero
 * (`92011` → `092011`), or the 5-digit form without the check digit (adds it).
 * Returns null when the input cannot be a code.
 */
export function normalizeMunicipalityCode(raw: string): string | null {
  const digits = raw.normalize('NFKC').trim();
  if (!/^\d{4,6}$/.test(digits)) return null;
  if (digits.length === 6) return isValidMunicipalityCode(digits) ? digits : null;
  if (digits.length === 5) {
    // either a full code with a dropped leading zero or a JIS code without check digit
    const padded = '0' + digits;
    if (isValidMunicipalityCode(padded)) return padded;
    return digits + municipalityCheckDigit(digits);
  }
  const jis5 = '0' + digits;
  return jis5 + municipalityCheckDigit(jis5);
}
