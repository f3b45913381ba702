// Stable, synchronous string hashes for ids derived from file contents. Not cryptographic: they
// only have to give the same id for the same key on every import, in Node and in browsers
// (WebCrypto's digest is async, which would make the whole preview async for no gain).

/** cyrb53: a 53-bit hash, fast and well mixed. */
export function hash53(s: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

const BASE36 = '0123456789abcdefghijklmnopqrstuvwxyz';

/**
 * A short id fragment: 11 base-36 characters, zero-padded. Written out by hand because
 * Number#toString(36) is slow in V8 (it is called several times per imported row); the digits are
 * the same, since every step is exact for integers below 2^53.
 */
export function hashId(s: string): string {
  let n = hash53(s);
  let out = '';
  do {
    const q = Math.floor(n / 36);
    out = BASE36[n - q * 36]! + out;
    n = q;
  } while (n > 0);
  return out.length < 11 ? '00000000000'.slice(out.length) + out : out;
}

/**
 * A UUID-formatted id derived from a string (RFC 9562 version 8, "custom"): HSDS asks for uuids,
 * and the same listing must get the same uuid on every export.
 */
export function uuidFrom(s: string): string {
  const hex = [0, 1, 2]
    .map((seed) => hash53(s, seed).toString(16).padStart(14, '0').slice(-14))
    .join('')
    .slice(0, 32)
    .split('');
  hex[12] = '8'; // version 8
  hex[16] = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16); // variant 10xx
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}
