// Benchmark of the import preview (issue 4): decoding, parsing, header mapping, schedule parsing,
// zod validation and duplicate checks for 10,000 rows, against parsing the same bytes with
// papaparse alone. Measured in Node (tsx) on this machine; a browser measurement is still to do.
// Each figure is the median of 7 runs after a warm-up, the two sides interleaved, in CPU time of
// this process (process.cpuUsage, user + system): the machines here are shared, and wall-clock
// time counts the other processes' turns on the CPU (at a load of 15 on 2 cores, wall-clock ratios
// swung between 2.4× and 5.4× for the same code).
//
//   npx tsx scripts/bench/import.ts          prints the figures
//   import { run } from './import.ts'        returns them
import Papa from 'papaparse';
import { fileURLToPath } from 'node:url';
import { generateDemoDataset } from '../../src/domain/demo/generate.ts';
import { exportNationalCsv } from '../../src/domain/export/national-csv.ts';
import { exportTemplateCsv } from '../../src/domain/export/template-csv.ts';
import { previewImport } from '../../src/domain/import/preview.ts';
import type { Figure } from './figure.ts';

const ROWS = 10_000;
const RUNS = 7;

/** The header and the first `rows` data lines of a CSV (no cell here spans lines: checked below). */
function firstRows(csv: string, rows: number): string {
  const lines = csv.split('\r\n');
  return lines.slice(0, rows + 1).join('\r\n') + '\r\n';
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** CPU milliseconds this process spent on f (all threads: the garbage collector's helpers count too). */
function time(f: () => void): number {
  const t0 = process.cpuUsage();
  f();
  const d = process.cpuUsage(t0);
  return (d.user + d.system) / 1000;
}

function measure(label: string, bytes: Uint8Array, expectRows: number): Figure {
  const text = new TextDecoder().decode(bytes);
  const options = { now: '2027-01-01T00:00:00+09:00', today: '2027-01-01' };
  // warm-up: JIT, zod's compiled checks
  previewImport(bytes, options);
  Papa.parse(text, { skipEmptyLines: 'greedy' });
  const preview: number[] = [];
  const parse: number[] = [];
  let rows = 0;
  for (let i = 0; i < RUNS; i++) {
    parse.push(time(() => Papa.parse(new TextDecoder().decode(bytes), { skipEmptyLines: 'greedy' })));
    preview.push(time(() => (rows = previewImport(bytes, options).rows.length)));
  }
  if (rows !== expectRows) throw new Error(`${label}: expected ${expectRows} rows, previewed ${rows}`);
  const value = median(preview);
  const baseline = median(parse);
  const ratio = value / baseline;
  return { value, unit: 'ms', baseline, ratio, target: '≤ 3× and ≤ 3000 ms (Node, CPU time)', met: ratio <= 3 && value <= 3000 };
}

export async function run(): Promise<Record<string, Figure>> {
  // national layout: the demo data's public sites as 公共施設一覧 rows; the schedule text's line
  // breaks inside cells become spaces so that a record is a line and the file can be cut at 10,000
  const big = generateDemoDataset({ seed: 11, sites: 14_000 });
  const national = firstRows(exportNationalCsv(big).replace(/(?<!\r)\n/g, ' '), ROWS);
  // the template: every field of site and menu, one row per menu
  const template = firstRows(exportTemplateCsv(big), ROWS);
  const enc = new TextEncoder();
  return {
    import_preview_10k_national_ms: measure('national', enc.encode(national), ROWS),
    import_preview_10k_template_ms: measure('template', enc.encode(template), ROWS),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const [name, f] of Object.entries(await run()))
    console.log(`${f.met ? 'met ' : 'MISS'}  ${name.padEnd(36)} ${f.value.toFixed(0).padStart(6)} ms  papaparse alone ${f.baseline.toFixed(0).padStart(5)} ms  ratio ${f.ratio.toFixed(2)}×  target ${f.target}`);
}
