// `npm run import -- <file> [options]`: preview a CSV and, unless --dry-run, merge it into a local
// JSON dataset file through planImport/applyImport (all or nothing). Supabase writing is a later step.
//
//   --dry-run              read and check only; write nothing
//   --json                 print exactly one JSON object to stdout: { encoding, layout, rows, problems }
//   --out <file>           the local dataset to merge into (default .data/local-dataset.json)
//   --municipality <code>  全国地方公共団体コード for files without one (e.g. 372013 for 高松市)
//   --org <id>             every row belongs to this existing organization
//   --category <id>        one category for every row (see src/domain/taxonomy.ts)
//   --exclude <rows>       data row numbers to leave out, e.g. 234 or 3,7,12
//   --skip-errors          leave out every row with an error (they are listed first)
//   --publish              new listings are published at once (default: 確認待ち, waiting for review)
//
// Exit codes: 0 done; 1 the file has errors (nothing written); 2 bad arguments or unreadable file.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { datasetSchema, type Dataset } from '../src/domain/model';
import { CATEGORY_IDS, type CategoryId } from '../src/domain/taxonomy';
import { ImportBlockedError, applyImport, planImport } from '../src/domain/import/plan';
import { previewImport } from '../src/domain/import/preview';

const DEFAULT_OUT = '.data/local-dataset.json';

type Args = {
  file: string;
  dryRun: boolean;
  json: boolean;
  out: string;
  municipality?: string;
  org?: string;
  category?: CategoryId;
  exclude: number[];
  skipErrors: boolean;
  publish: boolean;
};

function fail(message: string, code = 2): never {
  console.error(message);
  process.exit(code);
}

function parseArgs(argv: string[]): Args {
  const args: Args = { file: '', dryRun: false, json: false, out: DEFAULT_OUT, exclude: [], skipErrors: false, publish: false };
  const value = (i: number, name: string) => argv[i + 1] ?? fail(`${name} の値がありません。例: ${name} 372013`);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--dry-run') args.dryRun = true;
    else if (a === '--json') args.json = true;
    else if (a === '--skip-errors') args.skipErrors = true;
    else if (a === '--publish') args.publish = true;
    else if (a === '--out') args.out = value(i++, a);
    else if (a === '--municipality') args.municipality = value(i++, a);
    else if (a === '--org') args.org = value(i++, a);
    else if (a === '--category') {
      const c = value(i++, a);
      if (!(CATEGORY_IDS as string[]).includes(c)) fail(`カテゴリ「${c}」はありません。次のどれかを指定してください: ${CATEGORY_IDS.join(', ')}`);
      args.category = c as CategoryId;
    } else if (a === '--exclude') {
      const rows = value(i++, a).split(',').map((s) => Number(s.trim()));
      if (rows.some((n) => !Number.isInteger(n) || n < 1)) fail('--exclude には行番号（1以上の整数）をカンマ区切りで指定してください。例: --exclude 3,7');
      args.exclude.push(...rows);
    } else if (a.startsWith('--')) fail(`知らないオプション「${a}」です。使い方: npm run import -- <file> [--dry-run] [--json] [--out data.json]`);
    else if (!args.file) args.file = a;
    else fail(`ファイルは1つだけ指定してください（「${a}」は余分です）。`);
  }
  if (!args.file) fail('取り込む CSV ファイルを指定してください。使い方: npm run import -- <file> [--dry-run] [--json] [--out data.json]');
  return args;
}

function emptyDataset(): Dataset {
  return { version: 1, generatedAt: new Date().toISOString(), label: 'ローカルデータ（取り込み）', organizations: [], areas: [], sites: [], menus: [] };
}

function loadDataset(path: string): Dataset {
  if (!existsSync(path)) return emptyDataset();
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    fail(`${path} を JSON として読めません。ファイルを確かめるか、別の --out を指定してください。`);
  }
  const parsed = datasetSchema.safeParse(raw);
  if (!parsed.success) fail(`${path} はかさねマップのデータ形式ではありません（${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}）。`);
  return parsed.data;
}

const args = parseArgs(process.argv.slice(2));
if (!existsSync(args.file)) fail(`ファイル「${args.file}」が見つかりません。パスを確かめてください。`);
const bytes = new Uint8Array(readFileSync(args.file));
const existing = args.dryRun && !existsSync(args.out) ? emptyDataset() : loadDataset(args.out);

const preview = previewImport(bytes, {
  existing,
  fileName: basename(args.file),
  ...(args.municipality ? { municipalityCode: args.municipality } : {}),
  ...(args.org ? { orgId: args.org } : {}),
  ...(args.category ? { categoryId: args.category } : {}),
  ...(args.publish ? { status: 'published' as const } : {}),
});
const errorRows = [...new Set(preview.problems.filter((p) => p.severity === 'error' && p.row > 0).map((p) => p.row))];
const exclude = [...new Set([...args.exclude, ...(args.skipErrors ? errorRows : [])])];
const blocking = preview.problems.filter((p) => p.severity === 'error' && !exclude.includes(p.row));

if (args.json) {
  console.log(
    JSON.stringify({
      encoding: preview.encoding,
      layout: preview.layout?.id ?? null,
      layoutLabel: preview.layout?.label ?? null,
      rows: preview.rows.map((r) => ({
        row: r.row,
        name: r.name,
        lat: r.lat,
        lng: r.lng,
        category: r.category,
        key: r.key,
        siteId: r.site?.id ?? null,
        menuId: r.menu?.id ?? null,
        needsGeocode: r.needsGeocode,
        excluded: exclude.includes(r.row),
        schedule: r.menu?.schedule ?? null,
      })),
      problems: preview.problems,
    }),
  );
} else {
  console.error(`${args.file}: ${preview.layout?.label ?? '読めない形式'}（${preview.encoding}）、${preview.rows.length} 行`);
  for (const p of preview.problems)
    console.error(`  ${p.severity === 'error' ? 'エラー' : '注意'} ${p.row ? `${p.row} 行目` : 'ファイル'} [${p.field}] ${p.message}`);
}

if (blocking.length) {
  fail(
    `エラーが ${blocking.length} 件あるため${args.dryRun ? '、このままでは取り込めません' : '、何も書き込んでいません'}。` +
      'ファイルを直すか、--exclude <行番号> でその行を外してください（--skip-errors でエラーの行をすべて外せます）。',
    1,
  );
}
if (args.dryRun) {
  if (!args.json) console.error('確認のみ（--dry-run）: 何も書き込んでいません。');
  process.exit(0);
}
if (process.env.SUPABASE_URL || process.env.SUPABASE_SERVICE_ROLE_KEY)
  console.error('SUPABASE_URL / SUPABASE_SERVICE_ROLE_KEY が設定されていますが、Supabase への書き込みはまだ対応していません。ローカルの JSON ファイルにだけ書き込みます。');

const plan = planImport(preview, existing, { exclude });
let next: Dataset;
try {
  next = applyImport(plan, existing);
} catch (e) {
  if (!(e instanceof ImportBlockedError)) throw e;
  for (const p of e.problems) console.error(`  エラー [${p.field}] ${p.message}`);
  fail(e.message, 1);
}
// write to a temporary file and rename: a crash mid-write never leaves half a dataset
mkdirSync(dirname(args.out), { recursive: true });
const tmp = `${args.out}.tmp-${process.pid}`;
writeFileSync(tmp, JSON.stringify({ ...next, generatedAt: new Date().toISOString() }, null, 2) + '\n');
renameSync(tmp, args.out);
const count = (c: { sites: unknown[]; menus: unknown[]; organizations: unknown[] }) =>
  `拠点 ${c.sites.length}・メニュー ${c.menus.length}・団体 ${c.organizations.length}`;
console.error(
  `${args.out} に書き込みました。追加: ${count(plan.creates)}／更新: ${count(plan.updates)}／変更なし: 拠点 ${plan.unchanged.sites.length}` +
    (exclude.length ? `／除外した行: ${exclude.sort((a, b) => a - b).join(', ')}` : ''),
);
