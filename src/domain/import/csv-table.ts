// Text → header and data rows. Handles CSV and TSV, and the LinkData style where `#key,value`
// metadata rows come first and the `#property` row names the columns.
import Papa from 'papaparse';

export type CsvTable = {
  delimiter: ',' | '\t';
  header: string[]; // as written in the file (not normalized)
  rows: string[][]; // data rows only; rows[i] is data row i + 1
  metadata: Record<string, string>; // LinkData `#key,value` rows (key without '#'), else empty
  headerLine: number; // 0-based record index of the header in the file, for messages
};

export class CsvFormatError extends Error {}

/** Parses the whole text. Throws CsvFormatError with a Japanese message when there is no header. */
export function parseCsvTable(text: string): CsvTable {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const delimiter = detectDelimiter(body);
  // papaparse's skipEmptyLines: 'greedy' joins every record to test it (a string per row); the
  // same test with an early exit keeps the rows it would keep, at a fraction of the cost
  const records = Papa.parse<string[]>(body, { delimiter }).data.filter(hasContent);
  if (records.length === 0) throw new CsvFormatError('ファイルが空です。見出し行のある CSV ファイルを選んでください。');

  // LinkData: leading rows whose first cell starts with '#'; '#property' is the header
  const metadata: Record<string, string> = {};
  let headerIndex = -1;
  let i = 0;
  for (; i < records.length && (records[i]![0] ?? '').trim().startsWith('#'); i++) {
    const [first = '', second = ''] = records[i]!;
    const key = first.trim().slice(1);
    if (key === 'property') headerIndex = i;
    else metadata[key] = second.trim();
  }
  if (i > 0 && headerIndex < 0)
    throw new CsvFormatError('「#」で始まる行のあとに「#property」の見出し行がありません。LinkData 形式の見出し行を確認してください。');
  if (headerIndex < 0) headerIndex = i; // an ordinary CSV: the first non-comment row
  const firstData = headerIndex < i ? i : headerIndex + 1;
  const header = records[headerIndex];
  if (!header) throw new CsvFormatError('見出し行がありません。1行目に列名を書いてください。');
  return {
    delimiter,
    header: header.map((h) => h.trim()),
    rows: records.slice(firstData),
    metadata,
    headerLine: headerIndex,
  };
}

/** False for a record whose cells are all empty or whitespace (papaparse's 'greedy' empty line). */
function hasContent(record: readonly string[]): boolean {
  for (const cell of record) if (cell.length > 0 && cell.trim() !== '') return true;
  return false;
}

/** Tab when the first line that is not a comment holds more tabs than commas. */
function detectDelimiter(text: string): ',' | '\t' {
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end);
    if (line.trim() && !line.trimStart().startsWith('#')) {
      const tabs = line.split('\t').length - 1;
      const commas = line.split(',').length - 1;
      return tabs > commas ? '\t' : ',';
    }
    start = end + 1;
  }
  return ',';
}
