// Bytes → text for the CSV files municipalities publish. Real files come as UTF-8 with or
// without a BOM, CP932 (Excel's "CSV" on Japanese Windows) or UTF-16LE with a BOM (Excel's
// "Unicode text"). Only the standard TextDecoder is used, so this runs in Node and browsers alike.

export type CsvEncoding = 'utf-8' | 'utf-8-bom' | 'cp932' | 'utf-16le' | 'utf-16be';

export type DecodedCsv = { text: string; encoding: CsvEncoding };

/**
 * Detects the encoding and decodes. Order: a byte-order mark decides; else NUL bytes in
 * alternating positions mean UTF-16 without a BOM; else bytes that are valid UTF-8 are UTF-8
 * (CP932 text that happens to be valid UTF-8 is vanishingly rare beyond a few bytes); else CP932.
 * The returned text never starts with a BOM.
 */
export function decodeCsvBytes(bytes: Uint8Array): DecodedCsv {
  // steps: 1. BOM
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };

  // 2. UTF-16 without a BOM: ASCII punctuation (commas, digits, newlines) leaves a NUL byte
  //    beside every such character; UTF-8 and CP932 text never contains NUL
  const utf16 = guessUtf16WithoutBom(bytes);
  if (utf16) return { text: new TextDecoder(utf16).decode(bytes), encoding: utf16 };

  // 3. valid UTF-8?
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // 4. CP932: the WHATWG 'shift_jis' decoder is Windows-31J (CP932), NEC and IBM extensions included
    return { text: new TextDecoder('shift_jis').decode(bytes), encoding: 'cp932' };
  }
}

function guessUtf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  // a CSV has at least a separator or a line break every few characters
  if (oddNul > pairs * 0.1 && evenNul === 0) return 'utf-16le';
  if (evenNul > pairs * 0.1 && oddNul === 0) return 'utf-16be';
  return null;
}
