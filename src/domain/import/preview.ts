// previewImport: a file → the sites, menus and organizations it proposes, with every problem a
// person must look at before committing, per row. Nothing is written here; planImport and
// applyImport (plan.ts) do that. Pure apart from reading the clock when `now` is not given.
import {
  type Dataset,
  type LngLat,
  type Menu,
  type Organization,
  type Site,
} from '../model';
import { isValidCorporateNumber } from '../corporate-number';
import { normalizeMunicipalityCode } from '../municipality-code';
import { todayInJapan } from '../schedule/dates';
import { normalizeForSearch } from '../search/normalize';
import {
  CATEGORY_BY_ID,
  type AccessibilityId,
  type OrganizationKind,
} from '../taxonomy';
import { CATEGORY_DEFAULTS, compileCategoryMapping, mergeCategoryMapping, type CategoryDecision } from './category-mapping';
import { CsvFormatError, parseCsvTable, type CsvTable } from './csv-table';
import { decodeCsvBytes } from './decode';
import { findDuplicates, type Placed } from './duplicates';
import { parseMenu, parseSite } from './fast-validate';
import { hashId } from './hash';
import { accessibilityFromList, isTrueFlag, mapColumns, type CanonicalField } from './headers';
import { detectLayout, type ImportLayout } from './layout';
import { scheduleFromColumns, parseTime, type ScheduleColumns } from './schedule-text';
import { parseTemplateRows } from './template-parse';
import { DEFAULT_IMPORT_STATUS, zodProblems, type ImportedRow, type ImportPreview, type PreviewOptions, type Problem } from './types';

export type { ImportedRow, ImportPreview, PreviewOptions, Problem, Severity } from './types';

// --- small readers ---------------------------------------------------------------------------

type RowReader = (field: CanonicalField) => string;

/** True for a code unit that String#trim might remove (a superset: control characters and spaces). */
function maybeSpace(c: number): boolean {
  return c <= 0x20 || (c >= 0x7f && c <= 0xa0) || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** s.trim(), without the call (and the copy) for the usual cell that has nothing to trim. */
function trim(s: string): string {
  const n = s.length;
  return n === 0 || (!maybeSpace(s.charCodeAt(0)) && !maybeSpace(s.charCodeAt(n - 1))) ? s : s.trim();
}

/** The first non-empty cell (trimmed) among a field's columns. */
function firstValue(cells: readonly string[], indices: readonly number[]): string {
  for (const i of indices) {
    const v = trim(cells[i] ?? '');
    if (v) return v;
  }
  return '';
}

/** A reader over one row at a time: the column lists are looked up per read, no closure per row. */
class RowValues {
  private cells: readonly string[] = [];
  constructor(private readonly columns: Map<CanonicalField, number[]>) {}
  load(cells: readonly string[]): void {
    this.cells = cells;
  }
  read: RowReader = (field) => {
    const indices = this.columns.get(field);
    return indices ? firstValue(this.cells, indices) : '';
  };
}

/** NFKC, skipped for ASCII text (which NFKC leaves unchanged): most codes, numbers, URLs. */
function nfkc(s: string): string {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return s.normalize('NFKC');
  return s;
}

const NUMBER_RE = /^[-+]?\d+(\.\d+)?$/;
function parseNumber(cell: string): number | null {
  if (!cell) return null;
  const s = NUMBER_RE.test(cell) ? cell : nfkc(cell).replace(/[,\s]/g, '');
  if (!s || !NUMBER_RE.test(s)) return null;
  return Number(s);
}

/** 「0歳から5歳」「６歳～１２歳」「18歳未満」→ ages; null when not stated in these terms. */
export function parseAgeRange(cell: string): { ageMin?: number; ageMax?: number } | null {
  const s = cell.normalize('NFKC').replace(/[~〜～]/g, '〜');
  let m = /(\d+)\s*歳\s*(?:から|〜|-)\s*(\d+)\s*歳/.exec(s);
  if (m) return { ageMin: Number(m[1]), ageMax: Number(m[2]) };
  m = /(\d+)\s*歳\s*未満/.exec(s);
  if (m) return { ageMin: 0, ageMax: Math.max(0, Number(m[1]) - 1) };
  m = /(\d+)\s*歳\s*以上/.exec(s);
  if (m) return { ageMin: Number(m[1]) };
  if (/小学校?1年生?(?:から|〜)6年生?|小学生/.test(s)) return { ageMin: 6, ageMax: 12 };
  return null;
}

function orgKindFromName(name: string): OrganizationKind {
  const s = name.normalize('NFKC');
  if (/社会福祉協議会/.test(s)) return 'social_welfare_council';
  if (/社会福祉法人/.test(s)) return 'social_welfare_corporation';
  if (/NPO|特定非営利活動法人/.test(s)) return 'npo';
  if (/株式会社|有限会社|合同会社|\(株\)|\(有\)/.test(s)) return 'company';
  if (/(?:都|道|府|県|市|区|町|村)(?:役所|役場)?$/.test(s)) return 'government';
  if (/自治会|町内会|町会/.test(s)) return 'neighborhood_association';
  return 'voluntary_group';
}

const URL_RE = /^https?:\/\/[^\s]+$/i;
const TEL_RE = /^[0-9+\-() ]{6,20}$/;
const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

// where a schema path points in the file, for messages
const SITE_FIELD_LABELS: Partial<Record<string, string>> = {
  name: '名称',
  kana: '名称_カナ',
  categoryId: '種別',
  location: '緯度・経度',
  address: '住所',
  municipalityCode: '全国地方公共団体コード',
  contact: '連絡先',
  description: '説明',
  orgId: '団体名',
};
const MENU_FIELD_LABELS: Partial<Record<string, string>> = {
  title: 'メニュー名',
  schedule: '予定',
  needs: 'ニーズ',
  targets: '対象',
  ageMax: '受入年齢',
  ageMin: '受入年齢',
  capacity: '定員',
  cost: '料金',
};

// --- the national and LinkData layouts ---------------------------------------------------------

type Context = {
  table: CsvTable;
  layout: ImportLayout;
  options: PreviewOptions;
  decide: (texts: { kind: string; file: string; name: string }) => CategoryDecision;
  now: string;
  today: string;
  fileHint: string;
  existingOrgByName: Map<string, Organization>;
  a11yFields: CanonicalField[]; // the file's barrier-free flag columns
  problems: Problem[];
  // per file, computed once
  siteFields: readonly (keyof Site)[];
  menuFields: readonly (keyof Menu)[];
  orgs: Record<'named' | 'publisher', Map<string, { orgId: string; label: string; existing: boolean; kind: OrganizationKind }>>;
  codes: Map<string, string | null>; // normalizeMunicipalityCode per distinct cell
};

function fileHintOf(table: CsvTable, fileName: string | undefined): string {
  return [fileName ?? '', table.metadata.file_name ?? '', table.metadata.download_from ?? ''].join(' ');
}

/** Fields the file provides (an update overwrites only these): the same for every row of a file. */
function providedFields(columns: Map<CanonicalField, number[]>, a11yFields: readonly CanonicalField[], isEvent: boolean) {
  const siteFields: (keyof Site)[] = ['name', 'categoryId', 'fields', 'location', 'address', 'municipalityCode'];
  if (columns.has('kana')) siteFields.push('kana');
  if (columns.has('tel') || columns.has('email') || columns.has('url')) siteFields.push('contact');
  if (columns.has('access') || columns.has('parkingInfo')) siteFields.push('access');
  if (columns.has('barrierFree') || a11yFields.length) siteFields.push('accessibility');
  if (columns.has('description') || columns.has('note')) siteFields.push('description');
  if (columns.has('image')) siteFields.push('photoUrl');
  const menuFields: (keyof Menu)[] = ['title'];
  if (columns.has('days') || columns.has('opens') || columns.has('scheduleNote') || isEvent) menuFields.push('schedule');
  if (columns.has('ageRange')) menuFields.push('ageMin', 'ageMax');
  if (columns.has('capacity')) menuFields.push('capacity');
  if (columns.has('fee') || columns.has('feeDetail')) menuFields.push('cost');
  if (isEvent) menuFields.push('description');
  return { siteFields, menuFields };
}

function coordinates(read: RowReader): { lat: number | null; lng: number | null; raw: string } {
  const pair = read('latLng');
  if (pair) {
    const parts = pair.normalize('NFKC').split(/[,\s]+/).filter(Boolean);
    if (parts.length === 2) return { lat: parseNumber(parts[0]!), lng: parseNumber(parts[1]!), raw: pair };
    return { lat: null, lng: null, raw: pair };
  }
  const lat = read('lat');
  const lng = read('lng');
  return { lat: parseNumber(lat), lng: parseNumber(lng), raw: `${lat},${lng}` };
}

function buildAddress(read: RowReader): string {
  const full = read('addressFull');
  const joined =
    full ||
    [read('addressPref'), read('addressCity'), read('addressTown'), read('addressRest')]
      .filter((part, i, all) => part && !all.slice(0, i).some((prev) => prev.includes(part)))
      .join('');
  const building = read('building');
  return building && !joined.includes(building) ? `${joined} ${building}` : joined;
}

const SCHEDULE_FIELD = { days: '利用可能曜日', opens: '開始時間', closes: '終了時間', note: '利用可能日時特記事項' } as const;

/** The organization a row names (cached per file: a file repeats a few names on every row). */
function rowOrganization(ctx: Context, read: RowReader, table: CsvTable): { orgId: string; organization: Organization | null } {
  const ownName = read('orgName');
  const orgName = ownName || read('municipalityName') || table.metadata.attribution_name || [read('prefName'), read('cityName')].join('');
  const cache = ownName ? ctx.orgs.named : ctx.orgs.publisher; // the kind depends on which
  let org = cache.get(orgName);
  if (!org) {
    const label = orgName.normalize('NFKC').trim() || '取り込みデータ';
    const normalized = normalizeForSearch(label);
    const existing = ctx.existingOrgByName.get(normalized);
    org = existing
      ? { orgId: existing.id, label, existing: true, kind: 'government' }
      : { orgId: `org-imp-${hashId(normalized)}`, label, existing: false, kind: ownName ? orgKindFromName(label) : 'government' };
    cache.set(orgName, org);
  }
  if (org.existing) return { orgId: org.orgId, organization: null };
  const corporateNumber = nfkc(read('corporateNumber'));
  const organization: Organization = { id: org.orgId, name: orgName.trim() || org.label, kind: org.kind, trusted: false };
  if (corporateNumber && isValidCorporateNumber(corporateNumber)) organization.corporateNumber = corporateNumber;
  return { orgId: org.orgId, organization };
}

// row problems, without a closure per row
function warn(problems: Problem[], row: number, field: string, message: string): void {
  problems.push({ row, severity: 'warning', field, message });
}
function fail(problems: Problem[], row: number, field: string, message: string): void {
  problems.push({ row, severity: 'error', field, message });
}

function nationalRow(ctx: Context, read: RowReader, row: number, seenIds: Map<string, number>): ImportedRow {
  const { options, layout, table } = ctx;
  const problems: Problem[] = [];
  const isEvent = layout.dataset === 'event';

  const name = read('name').replace(/\s+$/u, '');
  if (!name) fail(problems, row, '名称', '名称が空です。名称を入力するか、この行を取り込みから外してください。');

  // municipality code: the row's, else the address's, else the one given for the whole file
  const rawCode = read('code') || read('addressCode');
  let code = rawCode ? ctx.codes.get(rawCode) : null;
  if (code === undefined) {
    code = normalizeMunicipalityCode(rawCode);
    if (ctx.codes.size < 10_000) ctx.codes.set(rawCode, code);
  }
  if (rawCode && !code) warn(problems, row, '全国地方公共団体コード', `全国地方公共団体コード「${rawCode}」が正しくありません（6桁、最後はチェックディジット）。`);
  if (!code && options.municipalityCode) code = normalizeMunicipalityCode(options.municipalityCode);
  if (!code)
    fail(problems, row, '全国地方公共団体コード', '全国地方公共団体コードがありません。ファイルに列を追加するか、取り込み時に市区町村コードを指定してください（CLI では --municipality 372013 など）。');

  // external key: code + dataset + file + the row's ID / NO; else a hash of name and address
  const address = buildAddress(read);
  const rawId = read('id');
  const fileTag = table.metadata.file_name ?? '';
  let key = rawId ? `${code ?? '?'}:${layout.dataset}:${fileTag}:${nfkc(rawId)}` : '';
  if (key && seenIds.has(key)) {
    warn(problems, row, 'ID', `ID「${rawId}」は ${seenIds.get(key)} 行目と重複しています。名称と住所から識別します。`);
    key = '';
  }
  if (key) seenIds.set(key, row);
  if (!key) key = `h:${code ?? '?'}:${normalizeForSearch(name)}|${normalizeForSearch(address)}`;
  const suffix = hashId(key);

  // category
  const kind = read('kind');
  const decision = options.categoryId ? { categoryId: options.categoryId, rule: null } : ctx.decide({ kind, file: ctx.fileHint, name });
  const categoryId = decision?.categoryId ?? null;
  if (!categoryId)
    fail(problems, row, '種別', `カテゴリを決められません（種別「${kind || '空'}」）。対応表に種別を追加するか、取り込み時にカテゴリを指定してください。`);

  // coordinates
  const coords = coordinates(read);
  let { lat, lng } = coords;
  if (lat !== null && lng !== null && lat > 90 && lng <= 90) {
    [lat, lng] = [lng, lat];
    warn(problems, row, '緯度・経度', '緯度と経度が入れ替わっていたため、入れ替えて読み取りました。位置を確認してください。');
  }
  const needsGeocode = lat === null || lng === null;
  if (needsGeocode)
    fail(problems, row, '緯度・経度', coords.raw.replace(/,/g, '')
      ? `緯度・経度「${coords.raw}」を読み取れません。十進数（例 35.8044, 139.7269）で入力してください。`
      : '緯度・経度がありません。地図でピンを置くか住所から位置を検索してから取り込むか、この行を取り込みから外してください。');

  // organization: the given one, else the file's 団体名, else the municipality as publisher
  let orgId = options.orgId ?? '';
  let organization: Organization | null = null;
  if (!orgId) ({ orgId, organization } = rowOrganization(ctx, read, table));

  // contact
  const contact: Site['contact'] = {};
  const tel = nfkc(read('tel'));
  if (tel) {
    if (TEL_RE.test(tel)) contact.tel = tel;
    else warn(problems, row, '電話番号', `電話番号「${tel}」の形式が読み取れないため取り込みませんでした。数字とハイフンで1つだけ入力してください。`);
  }
  const email = nfkc(read('email'));
  if (email) {
    if (EMAIL_RE.test(email)) contact.email = email;
    else warn(problems, row, '連絡先メールアドレス', `メールアドレス「${email}」の形式が正しくないため取り込みませんでした。`);
  }
  const url = nfkc(read('url'));
  if (url) {
    if (URL_RE.test(url)) contact.url = url;
    else warn(problems, row, 'URL', `URL「${url}」は http:// か https:// で始まっていないため取り込みませんでした。`);
  }

  // a fresh array in first-seen order (what a Set gave, without one per row)
  const accessibility: AccessibilityId[] = accessibilityFromList(read('barrierFree'));
  for (const field of ctx.a11yFields) {
    if (!isTrueFlag(read(field))) continue;
    const id = field.slice(5) as AccessibilityId;
    if (!accessibility.includes(id)) accessibility.push(id);
  }

  const descriptionCell = read('description');
  const noteCell = read('note');
  const description = descriptionCell && noteCell ? `${descriptionCell}\n${noteCell}` : descriptionCell || noteCell;
  const accessCell = read('access');
  const parkingCell = read('parkingInfo');
  const accessText = accessCell && parkingCell ? `${accessCell}\n${parkingCell}` : accessCell || parkingCell;
  const image = nfkc(read('image'));
  const status = options.status ?? DEFAULT_IMPORT_STATUS;

  const siteName = isEvent ? read('venueName') || name : name;
  const siteSuffix = isEvent ? hashId(`h:${code ?? '?'}:${normalizeForSearch(siteName)}|${normalizeForSearch(address)}`) : suffix;
  const location: LngLat = needsGeocode ? [139.7, 35.7] : [lng!, lat!]; // placeholder only to validate the rest
  const siteDraft = {
    id: `site-imp-${siteSuffix}`,
    orgId,
    name: siteName,
    kana: read('kana'),
    categoryId: categoryId ?? 'general_welfare_desk',
    fields: categoryId ? CATEGORY_BY_ID[categoryId].fields : ['community'], // zod copies arrays
    location,
    address,
    municipalityCode: code ?? '',
    contact,
    ...(accessText ? { access: accessText.slice(0, 500) } : {}),
    accessibility,
    description: description.slice(0, 2000),
    ...(image && URL_RE.test(image) ? { photoUrl: image } : {}),
    status,
    visibility: 'public' as const,
    confidential: false,
    serviceAreaIds: [],
    lastVerified: ctx.today,
    updatedAt: ctx.now,
  };
  const siteResult = parseSite(siteDraft);
  if (!siteResult.success)
    problems.push(...zodProblems(row, siteResult.error, SITE_FIELD_LABELS, '拠点').filter((p) => !(p.field === '全国地方公共団体コード' && !code)));

  // menu: schedule, ages, capacity, fee
  const scheduleCols: ScheduleColumns = { days: read('days'), opens: read('opens'), closes: read('closes'), note: read('scheduleNote') };
  const { schedule, issues } = isEvent ? eventSchedule(read, scheduleCols) : scheduleFromColumns(scheduleCols);
  for (const issue of issues) warn(problems, row, SCHEDULE_FIELD[issue.field], issue.message);
  const ageCell = read('ageRange');
  const ages = ageCell ? parseAgeRange(ageCell) : null;
  if (ageCell && !ages) warn(problems, row, '受入年齢', `受入年齢「${ageCell}」を年齢の範囲として読み取れません。対象年齢は空にしました。`);
  const capacity = parseNumber(read('capacity'));
  const fee = parseNumber(read('fee'));
  const feeNote = read('feeDetail');
  const cost: Menu['cost'] =
    fee === 0 ? { kind: 'free' } : fee !== null && fee > 0 ? { kind: 'fixed', amountYen: Math.round(fee) } : { kind: 'varies' };
  if (feeNote) cost.note = feeNote.slice(0, 200);
  const defaults = CATEGORY_DEFAULTS[categoryId ?? 'general_welfare_desk'];
  const menuDraft = {
    id: `menu-imp-${suffix}`,
    siteId: siteDraft.id,
    orgId,
    title: (isEvent ? name : kind || (categoryId ? CATEGORY_BY_ID[categoryId].label.ja : name)).slice(0, 200),
    description: isEvent ? read('description').slice(0, 2000) : '',
    needs: defaults.needs,
    targets: defaults.targets,
    ...(ages ?? {}),
    schedule,
    cost,
    capacity: { ...(capacity !== null && capacity >= 1 ? { capacity: Math.round(capacity) } : {}), availability: 'unknown' as const },
    ease: [],
    languages: [],
    serviceAreaIds: [],
    visibility: 'public' as const,
    status,
    lastVerified: ctx.today,
    updatedAt: ctx.now,
  };
  const menuResult = parseMenu(menuDraft);
  if (!menuResult.success) problems.push(...zodProblems(row, menuResult.error, MENU_FIELD_LABELS, 'メニュー'));

  let hasError = false;
  for (const p of problems) if (p.severity === 'error') hasError = true;
  for (const p of problems) ctx.problems.push(p);

  return {
    row,
    key,
    name,
    lat,
    lng,
    category: categoryId,
    needsGeocode,
    site: !hasError && siteResult.success ? siteResult.data : null,
    menu: !hasError && menuResult.success ? menuResult.data : null,
    organization,
    siteFields: ctx.siteFields,
    menuFields: ctx.menuFields,
    hasError,
  };
}

/** イベント一覧: 開始日–終了日 with times → a weekly rule on those weekdays, valid between the dates. */
function eventSchedule(read: RowReader, cols: ScheduleColumns): ReturnType<typeof scheduleFromColumns> {
  const start = isoFromCell(read('startDate'));
  const end = isoFromCell(read('endDate')) ?? start;
  const opens = parseTime(cols.opens);
  const closes = parseTime(cols.closes);
  if (!start || !end || !opens || !closes || closes <= opens || end < start) {
    const base = scheduleFromColumns({ ...cols, days: '' });
    return {
      schedule: { ...base.schedule, irregular: true },
      issues: [...base.issues, { field: 'note', message: '開始日・終了日・開始時間・終了時間を読み取れないため「不定期（要問合せ）」にしました。日付と時間を確認してください。' }],
    };
  }
  const days = new Set<string>();
  for (let d = start, i = 0; d <= end && i < 7; d = nextIso(d), i++) days.add(weekdayCode(d));
  const note = cols.note.trim();
  return {
    schedule: {
      rules: [{ freq: 'WEEKLY', interval: 1, byday: [...days], opensAt: opens, closesAt: closes, validFrom: start, validTo: end }],
      closedOnHolidays: false,
      irregular: false,
      ...(note ? { note: note.slice(0, 500) } : {}),
    },
    issues: [],
  };
}

function isoFromCell(cell: string): string | null {
  const m = /^(\d{4})[-/年](\d{1,2})[-/月](\d{1,2})/.exec(cell.normalize('NFKC').trim());
  return m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : null;
}
function nextIso(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
function weekdayCode(iso: string): string {
  return ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'][new Date(`${iso}T00:00:00Z`).getUTCDay()]!;
}

// --- entry point -------------------------------------------------------------------------------

/** Reads, maps and validates a file without changing anything. */
export function previewImport(input: Uint8Array | string, options: PreviewOptions = {}): ImportPreview {
  const { text, encoding } = typeof input === 'string' ? { text: input, encoding: 'text' as const } : decodeCsvBytes(input);
  const problems: Problem[] = [];
  let table: CsvTable;
  try {
    table = parseCsvTable(text);
  } catch (e) {
    if (!(e instanceof CsvFormatError)) throw e;
    return { encoding, layout: null, rows: [], problems: [{ row: 0, severity: 'error', field: 'ファイル', message: e.message }] };
  }
  const layout = detectLayout(table.header, table.metadata);
  const now = options.now ?? new Date().toISOString();
  const today = options.today ?? todayInJapan();
  const existingOrgByName = new Map((options.existing?.organizations ?? []).map((o) => [normalizeForSearch(o.name), o]));
  if (options.orgId && options.existing && !options.existing.organizations.some((o) => o.id === options.orgId))
    problems.push({ row: 0, severity: 'error', field: '団体', message: `指定した団体「${options.orgId}」がデータにありません。団体を先に登録するか、団体IDを確かめてください。` });

  let rows: ImportedRow[];
  if (layout.id === 'kasane-template') {
    rows = parseTemplateRows(table, { ...options, now, today }, problems);
  } else {
    const columns = mapColumns(table.header);
    if (!columns.has('name'))
      problems.push({ row: 0, severity: 'error', field: '名称', message: '「名称」の列が見つかりません。見出し行に「名称」（または「施設名」「イベント名」「name」）の列を入れてください。' });
    const a11yFields = [...columns.keys()].filter((f) => f.startsWith('a11y:'));
    const ctx: Context = {
      table,
      layout,
      options,
      decide: compileCategoryMapping(mergeCategoryMapping(options.mapping)),
      now,
      today,
      fileHint: fileHintOf(table, options.fileName),
      existingOrgByName,
      a11yFields,
      problems,
      ...providedFields(columns, a11yFields, layout.dataset === 'event'),
      orgs: { named: new Map(), publisher: new Map() },
      codes: new Map(),
    };
    const seenIds = new Map<string, number>();
    rows = [];
    if (columns.has('name')) {
      const values = new RowValues(columns);
      for (let i = 0; i < table.rows.length; i++) {
        values.load(table.rows[i]!);
        rows.push(nationalRow(ctx, values.read, i + 1, seenIds));
      }
    }
    approximateCategoryNotes(ctx, table, columns, problems);
  }
  problems.push(...duplicateWarnings(rows, options.existing));
  problems.sort((a, b) => a.row - b.row);
  return { encoding, layout, rows, problems };
}

/** One file-level warning per 種別 value that maps only to the closest category. */
function approximateCategoryNotes(ctx: Context, table: CsvTable, columns: Map<CanonicalField, number[]>, problems: Problem[]): void {
  if (ctx.options.categoryId || !columns.has('kind')) return;
  const seen = new Map<string, number>();
  const indices = columns.get('kind') ?? [];
  for (const cells of table.rows) {
    const kind = firstValue(cells, indices);
    if (kind) seen.set(kind, (seen.get(kind) ?? 0) + 1);
  }
  for (const [kind, count] of seen) {
    const d = ctx.decide({ kind, file: '', name: '' });
    if (d?.rule.approximate)
      problems.push({
        row: 0,
        severity: 'warning',
        field: '種別',
        message: `種別「${kind}」（${count}行）に同じカテゴリがないため、いちばん近い「${CATEGORY_BY_ID[d.categoryId].label.ja}」にしました。違う場合は対応表で変更してください。`,
      });
  }
}

function duplicateWarnings(rows: readonly ImportedRow[], existing: Dataset | undefined): Problem[] {
  type Candidate = Placed & { row: number };
  const candidates: Candidate[] = [];
  const seenSite = new Set<string>();
  for (const r of rows) {
    if (!r.site || seenSite.has(r.site.id)) continue; // rows sharing a site are one listing
    seenSite.add(r.site.id);
    candidates.push({ id: r.site.id, name: r.site.name, location: r.site.location, row: r.row });
  }
  const pool: Candidate[] = (existing?.sites ?? []).map((s) => ({ id: s.id, name: s.name, location: s.location, row: 0 }));
  return findDuplicates(candidates, pool).map(({ item, other, distanceM }) => ({
    row: item.row,
    severity: 'warning' as const,
    field: '名称',
    message:
      other.row > 0
        ? `${other.row} 行目の「${other.name}」と名前が似ていて、約${Math.round(distanceM)} m しか離れていません。同じ場所なら片方を取り込みから外してください。`
        : `既存の掲載「${other.name}」と名前が似ていて、約${Math.round(distanceM)} m しか離れていません。同じ場所なら取り込みから外すか、既存の掲載を更新してください。`,
  }));
}
