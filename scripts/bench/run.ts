// `npm run bench`: every performance figure, each as a ratio against a baseline measured in the
// same run (machines here are noisy; absolute times drift, ratios much less).
//   npm run bench                 a table per group
//   npm run bench -- --json       one JSON object: { "<figure>": { value, unit, baseline, ratio, target, met } }
//   npm run bench -- --only map   one group (map, search, db, import, matching)
import { existsSync } from 'node:fs';
import type { Figure } from './figure.ts';

const GROUPS = ['map', 'search', 'db', 'import', 'matching'] as const;
type Group = (typeof GROUPS)[number];

function parseArgs(argv: string[]): { json: boolean; only: Group[] } {
  const json = argv.includes('--json');
  const i = argv.indexOf('--only');
  if (i >= 0) {
    const names = (argv[i + 1] ?? '').split(',').filter(Boolean);
    const unknown = names.filter((n) => !(GROUPS as readonly string[]).includes(n));
    if (!names.length || unknown.length) {
      console.error(`--only takes one of: ${GROUPS.join(', ')} (got "${argv[i + 1] ?? ''}")`);
      process.exit(2);
    }
    return { json, only: names as Group[] };
  }
  return { json, only: [...GROUPS] };
}

function printTable(group: string, figures: Record<string, Figure>) {
  console.log(`\n## ${group}`);
  for (const [name, f] of Object.entries(figures)) {
    const ratio = Number.isFinite(f.ratio) ? `${Number(f.ratio.toPrecision(3))}×` : '—';
    console.log(
      `${f.met ? 'met ' : 'MISS'}  ${name.padEnd(34)} ${String(round(f.value)).padStart(10)} ${f.unit.padEnd(4)} baseline ${String(round(f.baseline)).padStart(10)}  ratio ${ratio.padStart(8)}  target ${f.target}`,
    );
  }
}

const round = (n: number) => (Math.abs(n) >= 100 ? Math.round(n) : Math.round(n * 100) / 100);

const { json, only } = parseArgs(process.argv.slice(2));
const all: Record<string, Figure> = {};
for (const group of only) {
  const file = new URL(`./${group}.ts`, import.meta.url);
  if (!existsSync(file)) {
    if (!json) console.log(`\n## ${group}\n(not measured yet: scripts/bench/${group}.ts does not exist)`);
    continue;
  }
  const mod = (await import(file.href)) as { run: () => Promise<Record<string, Figure>> };
  if (!json) console.log(`\nrunning ${group}…`);
  const figures = await mod.run();
  Object.assign(all, figures);
  if (!json) printTable(group, figures);
}
if (json) console.log(JSON.stringify(all, null, 2));
