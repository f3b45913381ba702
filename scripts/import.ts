// `npm run import -- <file> [options]`: preview a CSV and, unless --dry-run, write it all or nothing
// through planImport/applyImport:
// - to Supabase when SUPABASE_URL and SUPABASE_SERVICE_ROLE_KEY are set (and --out is not given):
//   the listings already there come from listing_export, the plan goes to import_listings in one
//   transaction (a failure half-way changes nothing; a listing changed since the preview is refused);
// - otherwise into a local JSON dataset file.
// Re-importing the same file updates the listings it created (stable ids from the rows' keys).
//
//   --dry-run              read and check only; write nothing
//   --json                 print exactly one JSON object to stdout: { encoding, layout, rows, problems }
//   --out <file>           the local dataset to merge into (default .data/local-dataset.json; given, it wins over Supabase)
//   --municipality <code>  全国地方公共団体コード for files without one (e.g. 372013 for 高松市)
//   --org <id>             every row belongs to this existing organization
//   --category <id>        one category for every row (see src/domain/taxonomy.ts)
//   --exclude <rows>       data row numbers to leave out, e.g. 234 or 3,7,12
//   --skip-errors          leave out every row with an error (they are listed first)
//   --publish              new listings are published at once (default: 確認待ち, waiting for review)
//
// Exit codes: 0 done; 1 the file has errors or the write was refused (nothing written); 2 bad
// arguments, unreadable file or Supabase not reachable.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { RpcError } from '../src/data/supabase/fetchers';
import { loadDatasetFromSupabase, serviceRoleClient, writeImportPlanToSupabase } from '../src/data/supabase/import-writer';
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
  outGiven: boolean;
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
  const args: Args = { file: '', dryRun: false, json: false, out: DEFAULT_OUT, outGiven: false, exclude: [], skipErrors: false, publish: false };
  const value = (i: number, name: string) => argv[i + 1] ?? fail(`${name} の値がありません。例: ${name} 372013`);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--dry-run') args.dryRun = true;
    else if (a === '--json') args.json = true;
    else if (a === '--skip-errors') args.skipErrors = true;
    else if (a === '--publish') args.publish = true;
    else if (a === '--out') {
      args.out = value(i++, a);
      args.outGiven = true;
    }
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

const supabaseUrl = process.env.SUPABASE_URL;
const serviceKey = process.env.SUPABASE_SERVICE_ROLE_KEY;
const toSupabase = !args.outGiven && Boolean(supabaseUrl || serviceKey);
if (toSupabase && !(supabaseUrl && serviceKey))
  fail(`${supabaseUrl ? 'SUPABASE_SERVICE_ROLE_KEY' : 'SUPABASE_URL'} が設定されていません。Supabase に書き込むには SUPABASE_URL と SUPABASE_SERVICE_ROLE_KEY の両方を設定してください（ローカルの JSON に書くときは --out <file>）。`);
const supabase = toSupabase ? serviceRoleClient(supabaseUrl!, serviceKey!) : null;

async function loadExisting(): Promise<Dataset> {
  if (!supabase) return args.dryRun && !existsSync(args.out) ? emptyDataset() : loadDataset(args.out);
  try {
    return await loadDatasetFromSupabase(supabase);
  } catch (e) {
    fail(`Supabase（${supabaseUrl}）から今の掲載を読めませんでした: ${e instanceof Error ? e.message : String(e)}`);
  }
}
const existing = await loadExisting();

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
const plan = planImport(preview, existing, { exclude });
let next: Dataset;
try {
  next = applyImport(plan, existing);
} catch (e) {
  if (!(e instanceof ImportBlockedError)) throw e;
  for (const p of e.problems) console.error(`  エラー [${p.field}] ${p.message}`);
  fail(e.message, 1);
}
const count = (c: { sites: unknown[]; menus: unknown[]; organizations: unknown[] }) =>
  `拠点 ${c.sites.length}・メニュー ${c.menus.length}・団体 ${c.organizations.length}`;
const summary = `追加: ${count(plan.creates)}／更新: ${count(plan.updates)}／変更なし: 拠点 ${plan.unchanged.sites.length}` +
  (exclude.length ? `／除外した行: ${exclude.sort((a, b) => a - b).join(', ')}` : '');
if (supabase) {
  try {
    await writeImportPlanToSupabase(supabase, plan);
  } catch (e) {
    if (!(e instanceof RpcError)) fail(`Supabase（${supabaseUrl}）に書き込めませんでした: ${e instanceof Error ? e.message : String(e)}`);
    fail(
      e.code === 'PT409'
        ? `${e.message}\nプレビューの後に Supabase のデータが変わりました。もう一度実行してください。何も書き込んでいません。`
        : `Supabase が取り込みを断りました。何も書き込んでいません: ${e.message}`,
      1,
    );
  }
  console.error(`Supabase（${supabaseUrl}）に書き込みました。${summary}`);
} else {
  // write to a temporary file and rename: a crash mid-write never leaves half a dataset
  mkdirSync(dirname(args.out), { recursive: true });
  const tmp = `${args.out}.tmp-${process.pid}`;
  writeFileSync(tmp, JSON.stringify({ ...next, generatedAt: new Date().toISOString() }, null, 2) + '\n');
  renameSync(tmp, args.out);
  console.error(`${args.out} に書き込みました。${summary}`);
}
