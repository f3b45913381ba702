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

  table.rows.forEach((cells, i) => {
    const row = i + 1;
    const rowProblems: Problem[] = [];
    const get = (c: TemplateColumn) => cells[index[c]] ?? '';
    const val = (c: TemplateColumn) => get(c).trim();
    const fail = (field: string, message: string) => rowProblems.push({ row, severity: 'error', field, message });
    const warn = (field: string, message: string) => rowProblems.push({ row, severity: 'warning', field, message });
    const one = (c: TemplateColumn, l: Lookup, fallback?: string): string => {
      const v = val(c);
      if (!v && fallback !== undefined) return fallback;
      const id = find(l, v);
      if (!id) fail(c, v ? `「${c}」の値「${v}」は選べる値にありません。テンプレートの説明にある値を使ってください。` : `「${c}」を入力してください。`);
      return id ?? '';
    };
    const many = (c: TemplateColumn, l: Lookup): string[] => {
      const out: string[] = [];
      const v = val(c);
      if (!v) return out;
      for (const item of v.split(LIST_SPLIT)) {
        const t = item.trim();
        if (!t) continue;
        const id = find(l, t);
        if (id) out.push(id);
        else fail(c, `「${c}」の「${t}」は選べる値にありません。「; 」で区切って、決められた値を入力してください。`);
      }
      return out;
    };
    const bool = (c: TemplateColumn, fallback: boolean): boolean => {
      const v = val(c).normalize('NFKC').toLowerCase();
      if (!v) return fallback;
      if (YES.has(v)) return true;
      if (NO.has(v)) return false;
      fail(c, `「${c}」は「はい」か「いいえ」で入力してください（「${val(c)}」）。`);
      return fallback;
    };
    const int = (c: TemplateColumn): number | undefined => {
      const v = val(c).normalize('NFKC');
      if (!v) return undefined;
      if (!/^\d+$/.test(v)) {
        fail(c, `「${c}」は整数で入力してください（「${val(c)}」）。`);
        return undefined;
      }
      return Number(v);
    };
    const ids = (c: TemplateColumn) => {
      const v = val(c);
      return v ? v.split(LIST_SPLIT).map((s) => s.trim()).filter(Boolean) : [];
    };
    const opt = <K extends string>(key: K, v: string) => (v ? ({ [key]: v } as Record<K, string>) : {});

    // organization
    let orgId = options.orgId ?? val('団体ID');
    let organization: Organization | null = null;
    if (!options.orgId && (val('団体ID') || val('団体名'))) {
      const normalizedName = normalizeName(val('団体名'));
      const byName = existingOrgByName.get(normalizedName);
      if (!orgId) orgId = byName?.id ?? `org-imp-${hashId(normalizedName)}`;
      if (val('団体名')) {
        const draft = {
          id: orgId,
          name: get('団体名'),
          ...opt('kana', get('団体名_カナ')),
          kind: one('団体種別', L.orgKind, 'voluntary_group'),
          ...opt('corporateNumber', val('法人番号').normalize('NFKC')),
          trusted: existingOrgs.get(orgId)?.trusted ?? false, // never from the file
        };
        // the same draft validates the same way: a file repeats its organization on every row
        const draftKey = `${orgId}\u0000${draft.name}\u0000${get('団体名_カナ')}\u0000${draft.kind}\u0000${val('法人番号').normalize('NFKC')}\u0000${draft.trusted}`;
        let r = orgResults.get(draftKey);
        if (!r) {
          r = organizationSchema.safeParse(draft);
          if (orgResults.size < 10_000) orgResults.set(draftKey, r);
        }
        if (r.success) organization = orgs.get(orgId) ?? r.data;
        else rowProblems.push(...zodProblems(row, r.error, { name: '団体名', kind: '団体種別', corporateNumber: '法人番号' }, '団体'));
        if (organization) orgs.set(orgId, organization);
      }
    }
    if (!orgId) fail('団体名', '団体名（または団体ID）を入力してください。');

    // site
    const hasSite = Boolean(val('拠点ID') || val('名称'));
    let site: Site | null = null;
    let siteId: string | null = null;
    let lat: number | null = null;
    let lng: number | null = null;
    if (hasSite) {
      siteId = val('拠点ID') || `site-imp-${hashId(`t:${normalizeForSearch(val('名称'))}|${normalizeForSearch(val('住所'))}`)}`;
      lat = val('緯度') ? Number(val('緯度').normalize('NFKC')) : null;
      lng = val('経度') ? Number(val('経度').normalize('NFKC')) : null;
      if (lat === null || lng === null || !Number.isFinite(lat) || !Number.isFinite(lng)) {
        fail('緯度・経度', '緯度・経度がないか、数値ではありません。地図でピンを置いてから取り込むか、この行を取り込みから外してください。');
        lat = lng = null;
      }
      const seen = sites.get(siteId);
      if (seen) {
        site = seen.site;
        if (!seen.site) fail('拠点ID', `${seen.row} 行目の拠点「${siteId}」にエラーがあるため、この行も取り込めません。${seen.row} 行目を直してください。`);
        else if (!sameSiteColumns(seen.cells, cells))
          warn('拠点ID', `拠点ID「${siteId}」の拠点の内容が ${seen.row} 行目と違います。${seen.row} 行目の内容を使います。`);
      } else {
        const contact = {
          ...opt('tel', val('電話番号')),
          ...opt('email', val('メールアドレス')),
          ...opt('url', val('URL')),
          ...opt('hours', get('受付時間')),
        };
        const draft = {
          id: siteId,
          orgId,
          name: get('名称'),
          kana: get('名称_カナ'),
          categoryId: one('カテゴリ', L.category),
          fields: many('分野', L.field),
          location: [lng ?? 139.7, lat ?? 35.7],
          address: get('住所'),
          municipalityCode: val('全国地方公共団体コード').normalize('NFKC'),
          contact,
          ...opt('access', get('アクセス方法')),
          accessibility: many('バリアフリー', L.accessibility),
          description: get('説明'),
          ...opt('photoUrl', val('画像URL')),
          status: one('掲載状態', L.status, options.status ?? DEFAULT_IMPORT_STATUS),
          visibility: one('公開範囲', L.visibility, 'public'),
          confidential: bool('非公開の場所', false),
          ...opt('publicContactSiteId', val('案内窓口の拠点ID')),
          serviceAreaIds: ids('対象圏域ID'),
          lastVerified: val('最終確認日') || options.today,
          updatedAt: val('更新日時') || options.now,
        };
        const r = parseSite(draft);
        if (r.success) site = r.data;
        else
          rowProblems.push(
            ...zodProblems(row, r.error, { name: '名称', location: '緯度・経度', municipalityCode: '全国地方公共団体コード', categoryId: 'カテゴリ', fields: '分野', contact: '連絡先' }, '拠点'),
          );
        sites.set(siteId, { site: lat === null ? null : site, row, cells });
        if (lat === null) site = null;
      }
    }

    // menu
    const hasMenu = Boolean(val('メニューID') || val('メニュー名'));
    let menu: Menu | null = null;
    if (hasMenu) {
      const rulesCell = get('予定');
      let rules = rulesByCell.get(rulesCell);
      if (!rules) {
        rules = parseRulesCell(rulesCell); // only read below: zod copies the rules into the menu
        if (rulesByCell.size < 10_000) rulesByCell.set(rulesCell, rules);
      }
      for (const e of rules.errors) fail('予定', `${e}。例: 毎週 火・木 10:00-12:00; 毎月 第2土 13:30-15:30`);
      const amountYen = int('費用_金額');
      const capacity = int('定員');
      const ageMin = int('対象年齢_下限');
      const ageMax = int('対象年齢_上限');
      const draft = {
        id: val('メニューID') || `menu-imp-${hashId(`${siteId ?? 'outreach'}|${normalizeForSearch(val('メニュー名'))}`)}`,
        siteId,
        orgId,
        title: get('メニュー名'),
        description: get('メニューの説明'),
        needs: many('ニーズ', L.need),
        targets: many('対象', L.target),
        ...(ageMin !== undefined ? { ageMin } : {}),
        ...(ageMax !== undefined ? { ageMax } : {}),
        schedule: {
          rules: rules.rules,
          closedOnHolidays: bool('祝日休み', false),
          irregular: bool('不定期', false),
          ...opt('note', get('予定の備考')),
        },
        cost: {
          kind: one('費用', L.cost, 'varies'),
          ...(amountYen !== undefined ? { amountYen } : {}),
          ...opt('note', get('費用_備考')),
        },
        capacity: { ...(capacity !== undefined ? { capacity } : {}), availability: one('空き状況', L.availability, 'unknown') },
        ease: many('参加のしやすさ', L.ease).filter((e) => e !== 'free'), // 無料 is derived from the cost
        languages: many('言語', L.language),
        serviceAreaIds: ids('利用できる圏域ID'),
        visibility: one('メニュー公開範囲', L.visibility, 'public'),
        status: one('メニュー掲載状態', L.status, options.status ?? DEFAULT_IMPORT_STATUS),
        lastVerified: val('メニュー最終確認日') || options.today,
        updatedAt: val('メニュー更新日時') || options.now,
      };
      const r = parseMenu(draft);
      if (r.success) menu = r.data;
      else rowProblems.push(...zodProblems(row, r.error, { title: 'メニュー名', needs: 'ニーズ', targets: '対象', schedule: '予定', ageMax: '対象年齢_上限' }, 'メニュー'));
    }
    if (!hasSite && !hasMenu) fail('名称', '名称もメニュー名も空です。入力するか、この行を削除してください。');

    const hasError = rowProblems.some((p) => p.severity === 'error');
    problems.push(...rowProblems);
    out.push({
      row,
      key: menu?.id ?? siteId ?? `row-${row}`,
      name: hasSite ? get('名称') : get('メニュー名'),
      lat,
      lng,
      category: site?.categoryId ?? (find(L.category, val('カテゴリ')) as ImportedRow['category']) ?? null,
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
