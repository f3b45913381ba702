// 法人番号: 13 digits, the first a check digit over the other 12 (国税庁).
// check = 9 − (Σ(Pn·Qn) mod 9), Pn the n-th digit from the right of the 12, Qn = 1 for odd n, 2 for even.

export function corporateCheckDigit(base12: string): number {
  if (!/^\d{12}$/.test(base12)) throw new Error(`expected 12 digits, got "${base12}"`);
  let sum = 0;
  for (let n = 1; n <= 12; n++) {
    const p = Number(base12[12 - n]);
    sum += p * (n % 2 === 1 ? 1 : 2);
  }
  return 9 - (sum % 9);
}

export function isValidCorporateNumber(value: string): boolean {
  if (!/^\d{13}$/.test(value)) return false;
  return corporateCheckDigit(value.slice(1)) === Number(value[0]);
}
