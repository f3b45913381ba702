// Template rows → sites, menus and organizations. The reverse of templateRecord (template.ts);
// a round trip through both loses nothing (export/round-trip.test.ts).
import { menuSchema, organizationSchema, siteSchema, type Menu, type Organization, type Site } from '../model';
import { normalizeForSearch } from '../search/normalize';
import {
  ACCESSIBILITY,
  ACCESSIBILITY_LABELS,
  CATEGORIES,
  EASE,
  EASE_LABELS,
  FIELDS,
  FIELD_LABELS,
  LANGUAGES,
  LANGUAGE_LABELS,
  NEEDS,
  NEED_LABELS,
  ORGANIZATION_KINDS,
  ORGANIZATION_KIND_LABELS,
  TARGETS,
  TARGET_LABELS,
  type Label,
} from '../taxonomy';
import type { CsvTable } from './csv-table';
import { parseMenu, parseSite } from './fast-validate';
import { hashId } from './hash';
import { headerKey } from './headers';
import { parseRulesCell } from './schedule-text';
import { DEFAULT_IMPORT_STATUS, zodProblems, type ImportedRow, type PreviewOptions, type Problem } from './types';
import {
  AVAILABILITY_LABELS,
  COST_LABELS,
  STATUS_LABELS,
  TEMPLATE_COLUMNS,
  VISIBILITY_LABELS,
  type TemplateColumn,
} from './template';

type Lookup = Map<string, string>;

/** label (ja, en, easy) or id → id, matched after NFKC and without spaces */
function lookup(ids: readonly string[], labels?: Record<string, Label | string>): Lookup {
  const m: Lookup = new Map();
  const k = (s: string) => s.normalize('NFKC').replace(/\s/g, '').toLowerCase();
  for (const id of ids) {
    m.set(k(id), id);
    const l = labels?.[id];
    if (typeof l === 'string') m.set(k(l), id);
    else if (l) for (const text of [l.ja, l.en, l.easy]) if (text) m.set(k(text), id);
  }
  return m;
}
// memoized: a file repeats the same few labels on every row
const lookupKeys = new Map<string, string>();
function find(l: Lookup, text: string): string | undefined {
  let key = lookupKeys.get(text);
  if (key === undefined) {
    key = text.normalize('NFKC').replace(/\s/g, '').toLowerCase();
    if (lookupKeys.size < 10_000) lookupKeys.set(text, key);
  }
  return l.get(key);
}

const L = {
  category: lookup(
    CATEGORIES.map((c) => c.id),
    Object.fromEntries(CATEGORIES.map((c) => [c.id, c.label])),
  ),
  field: lookup(FIELDS, FIELD_LABELS),
  need: lookup(NEEDS, NEED_LABELS),
  target: lookup(TARGETS, TARGET_LABELS),
  ease: lookup(EASE, EASE_LABELS),
  language: lookup(LANGUAGES, LANGUAGE_LABELS),
  accessibility: lookup(ACCESSIBILITY, ACCESSIBILITY_LABELS),
  orgKind: lookup(ORGANIZATION_KINDS, ORGANIZATION_KIND_LABELS),
  status: lookup(Object.keys(STATUS_LABELS), STATUS_LABELS),
  visibility: lookup(Object.keys(VISIBILITY_LABELS), VISIBILITY_LABELS),
  cost: lookup(Object.keys(COST_LABELS), COST_LABELS),
  availability: lookup(Object.keys(AVAILABILITY_LABELS), AVAILABILITY_LABELS),
};

const LIST_SPLIT = /[;；\n]/;

const YES = new Set(['はい', 'yes', 'true', '1', '有', 'あり', '○', '〇']);
const NO = new Set(['いいえ', 'no', 'false', '0', '無', 'なし', '×', '']);

const SITE_COLUMNS = TEMPLATE_COLUMNS.slice(0, TEMPLATE_COLUMNS.indexOf('メニューID'));
const ALL_SITE_FIELDS = Object.keys(siteSchema.shape) as (keyof Site)[];
const ALL_MENU_FIELDS = Object.keys(menuSchema.shape) as (keyof Menu)[];

const opt = <K extends string>(key: K, v: string) => (v ? ({ [key]: v } as Record<K, string>) : {});

/** One template row at a time: its cells, its problems, and the readers of its columns (made once per file, not per row). */
class RowReader {
  cells: readonly string[] = [];
  row = 0;
  problems: Problem[] = [];
  constructor(private readonly index: Record<TemplateColumn, number>) {}
  load(cells: readonly string[], row: number): this {
    this.cells = cells;
    this.row = row;
    this.problems = [];
    return this;
  }
  get(c: TemplateColumn): string {
    return this.cells[this.index[c]] ?? '';
  }
  val(c: TemplateColumn): string {
    return this.get(c).trim();
  }
  fail(field: string, message: string): void {
    this.problems.push({ row: this.row, severity: 'error', field, message });
  }
  warn(field: string, message: string): void {
    this.problems.push({ row: this.row, severity: 'warning', field, message });
  }
  one(c: TemplateColumn, l: Lookup, fallback?: string): string {
    const v = this.val(c);
    if (!v && fallback !== undefined) return fallback;
    const id = find(l, v);
    if (!id) this.fail(c, v ? `「${c}」の値「${v}」は選べる値にありません。テンプレートの説明にある値を使ってください。` : `「${c}」を入力してください。`);
    return id ?? '';
  }
  many(c: TemplateColumn, l: Lookup): string[] {
    const out: string[] = [];
    const v = this.val(c);
    if (!v) return out;
    for (const item of v.split(LIST_SPLIT)) {
      const t = item.trim();
      if (!t) continue;
      const id = find(l, t);
      if (id) out.push(id);
      else this.fail(c, `「${c}」の「${t}」は選べる値にありません。「; 」で区切って、決められた値を入力してください。`);
    }
    return out;
  }
  bool(c: TemplateColumn, fallback: boolean): boolean {
    const v = this.val(c).normalize('NFKC').toLowerCase();
    if (!v) return fallback;
    if (YES.has(v)) return true;
    if (NO.has(v)) return false;
    this.fail(c, `「${c}」は「はい」か「いいえ」で入力してください（「${this.val(c)}」）。`);
    return fallback;
  }
  int(c: TemplateColumn): number | undefined {
    const v = this.val(c).normalize('NFKC');
    if (!v) return undefined;
    if (!/^\d+$/.test(v)) {
      this.fail(c, `「${c}」は整数で入力してください（「${this.val(c)}」）。`);
      return undefined;
    }
    return Number(v);
  }
  ids(c: TemplateColumn): string[] {
    const v = this.val(c);
    return v ? v.split(LIST_SPLIT).map((s) => s.trim()).filter(Boolean) : [];
  }
}

export function parseTemplateRows(
  table: CsvTable,
  options: PreviewOptions & { now: string; today: string },
  problems: Problem[],
): ImportedRow[] {
  // header → template column, after NFKC (Excel users retype headers)
  const index = {} as Record<TemplateColumn, number>; // -1: the file has no such column
  for (const c of TEMPLATE_COLUMNS) index[c] = -1;
  const byKey = new Map(TEMPLATE_COLUMNS.map((c) => [headerKey(c), c]));
  table.header.forEach((h, i) => {
    const c = byKey.get(headerKey(h));
    if (c && index[c] < 0) index[c] = i;
  });
  const siteColumnIndices = SITE_COLUMNS.map((c) => index[c]);
  // rows of one site must repeat its columns: compared cell by cell (no joined copy per row)
  const sameSiteColumns = (a: readonly string[], b: readonly string[]) => {
    for (const i of siteColumnIndices) if ((a[i] ?? '') !== (b[i] ?? '')) return false;
    return true;
  };
  // per file: organizations validated once per distinct draft, names normalized once
  const orgResults = new Map<string, ReturnType<typeof organizationSchema.safeParse>>();
  const rulesByCell = new Map<string, ReturnType<typeof parseRulesCell>>();
  const normalizedNames = new Map<string, string>();
  const normalizeName = (name: string) => {
    let v = normalizedNames.get(name);
    if (v === undefined) {
      v = normalizeForSearch(name);
      if (normalizedNames.size < 10_000) normalizedNames.set(name, v);
    }
    return v;
  };
  const existingOrgs = new Map((options.existing?.organizations ?? []).map((o) => [o.id, o]));
  const existingOrgByName = new Map((options.existing?.organizations ?? []).map((o) => [normalizeForSearch(o.name), o]));
  const sites = new Map<string, { site: Site | null; row: number; cells: readonly string[] }>();
  const orgs = new Map<string, Organization>();
  const out: ImportedRow[] = [];

  const reader = new RowReader(index);
  table.rows.forEach((cells, i) => {
    const row = i + 1;
    const x = reader.load(cells, row);
    // organization
    let orgId = options.orgId ?? x.val('団体ID');
    let organization: Organization | null = null;
    if (!options.orgId && (x.val('団体ID') || x.val('団体名'))) {
      const normalizedName = normalizeName(x.val('団体名'));
      const byName = existingOrgByName.get(normalizedName);
      if (!orgId) orgId = byName?.id ?? `org-imp-${hashId(normalizedName)}`;
      if (x.val('団体名')) {
        const draft = {
          id: orgId,
          name: x.get('団体名'),
          ...opt('kana', x.get('団体名_カナ')),
          kind: x.one('団体種別', L.orgKind, 'voluntary_group'),
          ...opt('corporateNumber', x.val('法人番号').normalize('NFKC')),
          trusted: existingOrgs.get(orgId)?.trusted ?? false, // never from the file
        };
        // the same draft validates the same way: a file repeats its organization on every row
        const draftKey = `${orgId}\u0000${draft.name}\u0000${x.get('団体名_カナ')}\u0000${draft.kind}\u0000${x.val('法人番号').normalize('NFKC')}\u0000${draft.trusted}`;
        let r = orgResults.get(draftKey);
        if (!r) {
          r = organizationSchema.safeParse(draft);
          if (orgResults.size < 10_000) orgResults.set(draftKey, r);
        }
        if (r.success) organization = orgs.get(orgId) ?? r.data;
        else x.problems.push(...zodProblems(row, r.error, { name: '団体名', kind: '団体種別', corporateNumber: '法人番号' }, '団体'));
        if (organization) orgs.set(orgId, organization);
      }
    }
    if (!orgId) x.fail('団体名', '団体名（または団体ID）を入力してください。');

    // site
    const hasSite = Boolean(x.val('拠点ID') || x.val('名称'));
    let site: Site | null = null;
    let siteId: string | null = null;
    let lat: number | null = null;
    let lng: number | null = null;
    if (hasSite) {
      siteId = x.val('拠点ID') || `site-imp-${hashId(`t:${normalizeForSearch(x.val('名称'))}|${normalizeForSearch(x.val('住所'))}`)}`;
      lat = x.val('緯度') ? Number(x.val('緯度').normalize('NFKC')) : null;
      lng = x.val('経度') ? Number(x.val('経度').normalize('NFKC')) : null;
      if (lat === null || lng === null || !Number.isFinite(lat) || !Number.isFinite(lng)) {
        x.fail('緯度・経度', '緯度・経度がないか、数値ではありません。地図でピンを置いてから取り込むか、この行を取り込みから外してください。');
        lat = lng = null;
      }
      const seen = sites.get(siteId);
      if (seen) {
        site = seen.site;
        if (!seen.site) x.fail('拠点ID', `${seen.row} 行目の拠点「${siteId}」にエラーがあるため、この行も取り込めません。${seen.row} 行目を直してください。`);
        else if (!sameSiteColumns(seen.cells, cells))
          x.warn('拠点ID', `拠点ID「${siteId}」の拠点の内容が ${seen.row} 行目と違います。${seen.row} 行目の内容を使います。`);
      } else {
        const contact = {
          ...opt('tel', x.val('電話番号')),
          ...opt('email', x.val('メールアドレス')),
          ...opt('url', x.val('URL')),
          ...opt('hours', x.get('受付時間')),
        };
        const draft = {
          id: siteId,
          orgId,
          name: x.get('名称'),
          kana: x.get('名称_カナ'),
          categoryId: x.one('カテゴリ', L.category),
          fields: x.many('分野', L.field),
          location: [lng ?? 139.7, lat ?? 35.7],
          address: x.get('住所'),
          municipalityCode: x.val('全国地方公共団体コード').normalize('NFKC'),
          contact,
          ...opt('access', x.get('アクセス方法')),
          accessibility: x.many('バリアフリー', L.accessibility),
          description: x.get('説明'),
          ...opt('photoUrl', x.val('画像URL')),
          status: x.one('掲載状態', L.status, options.status ?? DEFAULT_IMPORT_STATUS),
          visibility: x.one('公開範囲', L.visibility, 'public'),
          confidential: x.bool('非公開の場所', false),
          ...opt('publicContactSiteId', x.val('案内窓口の拠点ID')),
          serviceAreaIds: x.ids('対象圏域ID'),
          lastVerified: x.val('最終確認日') || options.today,
          updatedAt: x.val('更新日時') || options.now,
        };
        const r = parseSite(draft);
        if (r.success) site = r.data;
        else
          x.problems.push(
            ...zodProblems(row, r.error, { name: '名称', location: '緯度・経度', municipalityCode: '全国地方公共団体コード', categoryId: 'カテゴリ', fields: '分野', contact: '連絡先' }, '拠点'),
          );
        sites.set(siteId, { site: lat === null ? null : site, row, cells });
        if (lat === null) site = null;
      }
    }

    // menu
    const hasMenu = Boolean(x.val('メニューID') || x.val('メニュー名'));
    let menu: Menu | null = null;
    if (hasMenu) {
      const rulesCell = x.get('予定');
      let rules = rulesByCell.get(rulesCell);
      if (!rules) {
        rules = parseRulesCell(rulesCell); // only read below: zod copies the rules into the menu
        if (rulesByCell.size < 10_000) rulesByCell.set(rulesCell, rules);
      }
      for (const e of rules.errors) x.fail('予定', `${e}。例: 毎週 火・木 10:00-12:00; 毎月 第2土 13:30-15:30`);
      const amountYen = x.int('費用_金額');
      const capacity = x.int('定員');
      const ageMin = x.int('対象年齢_下限');
      const ageMax = x.int('対象年齢_上限');
      const draft = {
        id: x.val('メニューID') || `menu-imp-${hashId(`${siteId ?? 'outreach'}|${normalizeForSearch(x.val('メニュー名'))}`)}`,
        siteId,
        orgId,
        title: x.get('メニュー名'),
        description: x.get('メニューの説明'),
        needs: x.many('ニーズ', L.need),
        targets: x.many('対象', L.target),
        ...(ageMin !== undefined ? { ageMin } : {}),
        ...(ageMax !== undefined ? { ageMax } : {}),
        schedule: {
          rules: rules.rules,
          closedOnHolidays: x.bool('祝日休み', false),
          irregular: x.bool('不定期', false),
          ...opt('note', x.get('予定の備考')),
        },
        cost: {
          kind: x.one('費用', L.cost, 'varies'),
          ...(amountYen !== undefined ? { amountYen } : {}),
          ...opt('note', x.get('費用_備考')),
        },
        capacity: { ...(capacity !== undefined ? { capacity } : {}), availability: x.one('空き状況', L.availability, 'unknown') },
        ease: x.many('参加のしやすさ', L.ease).filter((e) => e !== 'free'), // 無料 is derived from the cost
        languages: x.many('言語', L.language),
        serviceAreaIds: x.ids('利用できる圏域ID'),
        visibility: x.one('メニュー公開範囲', L.visibility, 'public'),
        status: x.one('メニュー掲載状態', L.status, options.status ?? DEFAULT_IMPORT_STATUS),
        lastVerified: x.val('メニュー最終確認日') || options.today,
        updatedAt: x.val('メニュー更新日時') || options.now,
      };
      const r = parseMenu(draft);
      if (r.success) menu = r.data;
      else x.problems.push(...zodProblems(row, r.error, { title: 'メニュー名', needs: 'ニーズ', targets: '対象', schedule: '予定', ageMax: '対象年齢_上限' }, 'メニュー'));
    }
    if (!hasSite && !hasMenu) x.fail('名称', '名称もメニュー名も空です。入力するか、この行を削除してください。');

    const hasError = x.problems.some((p) => p.severity === 'error');
    problems.push(...x.problems);
    out.push({
      row,
      key: menu?.id ?? siteId ?? `row-${row}`,
      name: hasSite ? x.get('名称') : x.get('メニュー名'),
      lat,
      lng,
      category: site?.categoryId ?? (find(L.category, x.val('カテゴリ')) as ImportedRow['category']) ?? null,
      needsGeocode: hasSite && lat === null,
      site: hasError ? null : site,
      menu: hasError ? null : menu,
      organization: hasError ? null : organization,
      siteFields: ALL_SITE_FIELDS,
      menuFields: ALL_MENU_FIELDS,
      hasError,
    });
  });
  return out;
}
