// Words for listings in the editor: field names, values in a diff, and the records a form starts
// from and sends (optional empty strings left out, so the schemas see "not given").
import type { Menu, Site } from '../../domain/model';
import type { Listing } from '../../domain/editing/types';
import { describeSchedule } from '../../domain/schedule/render';
import {
  ACCESSIBILITY_LABELS,
  CATEGORY_BY_ID,
  EASE_LABELS,
  FIELD_LABELS,
  LANGUAGE_LABELS,
  NEED_LABELS,
  TARGET_LABELS,
  type Label,
} from '../../domain/taxonomy';
import type { MessageKey } from '../../i18n/messages';
import type { Locale } from '../../i18n/types';
import { registerMessages } from '../../i18n/messages';
import { editor } from '../../i18n/messages/editor';

// the editor chunk's messages (also registered by editor-routes.tsx; registering twice is harmless)
registerMessages(editor);

type T = (key: MessageKey, vars?: Record<string, string | number>) => string;
type PickLabel = (l: Label) => string;

export function fieldLabel(field: string, t: T): string {
  const key = `editor.field.${field}` as MessageKey;
  const text = t(key);
  return text === key ? field : text;
}

const LABEL_SETS: Record<string, Record<string, Label>> = {
  fields: FIELD_LABELS,
  accessibility: ACCESSIBILITY_LABELS,
  needs: NEED_LABELS,
  targets: TARGET_LABELS,
  ease: EASE_LABELS,
  languages: LANGUAGE_LABELS,
};

/** A field's value in words, for the review's before/after and the conflict view. */
export function formatValue(field: string, value: unknown, ctx: { t: T; label: PickLabel; locale: Locale }): string {
  const { t, label, locale } = ctx;
  if (value === undefined || value === null || value === '') return '—';
  const set = LABEL_SETS[field];
  if (set && Array.isArray(value)) return value.length ? value.map((v: string) => (set[v] ? label(set[v]) : v)).join('、') : '—';
  switch (field) {
    case 'categoryId':
      return CATEGORY_BY_ID[value as Site['categoryId']] ? label(CATEGORY_BY_ID[value as Site['categoryId']].label) : String(value);
    case 'schedule':
      return describeSchedule(value as Menu['schedule'], locale).join(' / ');
    case 'status':
      return t(`editor.status.${value as Site['status']}`);
    case 'visibility':
      return t(`editor.visibility.${value as Site['visibility']}`);
    case 'location': {
      const [lng, lat] = value as [number, number];
      return `${t('editor.form.lat')} ${lat.toFixed(6)}, ${t('editor.form.lng')} ${lng.toFixed(6)}`;
    }
    case 'cost': {
      const c = value as Menu['cost'];
      const kind = t(`editor.form.cost.${c.kind}`);
      return [kind, c.amountYen !== undefined ? `${c.amountYen}円` : '', c.note ?? ''].filter(Boolean).join(' ');
    }
    case 'capacity': {
      const c = value as Menu['capacity'];
      return [c.capacity !== undefined ? `${c.capacity}人` : '', t(`site.availability.${c.availability}`)].filter(Boolean).join(' ');
    }
    case 'contact': {
      const c = value as Site['contact'];
      return (['tel', 'email', 'url', 'hours'] as const)
        .filter((k) => c[k])
        .map((k) => `${fieldLabel(`contact.${k}`, t)}: ${c[k]}`)
        .join(' / ') || '—';
    }
    default:
      if (typeof value === 'boolean') return value ? '✓' : '—';
      if (Array.isArray(value)) return value.length ? value.join('、') : '—';
      if (typeof value === 'object') return JSON.stringify(value);
      return String(value);
  }
}

export function listingName(l: Listing): string {
  return 'name' in l ? l.name : l.title;
}

/** optional strings the forms may leave empty */
function dropEmpty<T extends object>(o: T, keys: (keyof T)[]): T {
  const out = { ...o };
  for (const k of keys) if (out[k] === '' || out[k] === undefined) delete out[k];
  return out;
}

export function cleanSite(s: Site): Site {
  const contact = dropEmpty({ ...s.contact }, ['tel', 'email', 'url', 'hours']);
  return dropEmpty({ ...s, contact }, ['access', 'photoUrl', 'publicContactSiteId']);
}

export function cleanMenu(m: Menu): Menu {
  const schedule = dropEmpty({ ...m.schedule, rules: m.schedule.rules.map((r) => dropEmpty({ ...r }, ['validFrom', 'validTo'])) }, ['note']);
  const cost = dropEmpty({ ...m.cost }, ['note', 'amountYen']);
  if (cost.kind !== 'fixed') delete cost.amountYen;
  const capacity = dropEmpty({ ...m.capacity }, ['capacity']);
  return dropEmpty({ ...m, schedule, cost, capacity }, ['ageMin', 'ageMax']);
}

/** a number input's value: undefined when empty, NaN when not a number (the schema says so) */
export function numberOrUndefined(text: string): number | undefined {
  return text.trim() === '' ? undefined : Number(text);
}
