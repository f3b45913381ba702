// The fields of the site and menu forms. Each field shows its own error (from the zod schemas of
// domain/model.ts, in Japanese); the page owns the draft and validates on submit.
import { useMemo } from 'react';
import type { Menu, Schedule, ScheduleRule, Site } from '../../../domain/model';
import { WEEKDAYS, type Weekday } from '../../../domain/weekdays';
import { nextSessions } from '../../../domain/schedule/occurrences';
import { describeSchedule, describeSession } from '../../../domain/schedule/render';
import { todayInJapan } from '../../../domain/schedule/dates';
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
  LISTING_STATUSES,
  NEEDS,
  NEED_LABELS,
  TARGETS,
  TARGET_LABELS,
  VISIBILITIES,
} from '../../../domain/taxonomy';
import { useI18n } from '../../../i18n/i18n';
import { fieldLabel, numberOrUndefined } from '../listing-text';
import { CheckboxGroup, SelectField, TextField, Toggle, fieldId, type FieldErrors } from './form-kit';

type FieldsProps<L> = { draft: L; onChange(next: L): void; errors: FieldErrors };

function useStatusOptions() {
  const { t } = useI18n();
  return {
    status: LISTING_STATUSES.filter((s) => s !== 'pending').map((s) => ({ value: s, label: t(`editor.status.${s}`) })),
    visibility: VISIBILITIES.map((v) => ({ value: v, label: t(`editor.visibility.${v}`) })),
  };
}

export function SiteFields({ draft, onChange, errors }: FieldsProps<Site>) {
  const { t, label } = useI18n();
  const set = <K extends keyof Site>(k: K, v: Site[K]) => onChange({ ...draft, [k]: v });
  const setContact = (k: keyof Site['contact'], v: string) => onChange({ ...draft, contact: { ...draft.contact, [k]: v } });
  const f = (k: string) => fieldLabel(k, t);
  const opts = useStatusOptions();
  const [lng, lat] = draft.location;
  return (
    <>
      <TextField path="name" label={f('name')} value={draft.name} onChange={(v) => set('name', v)} error={errors.name} required />
      <TextField path="kana" label={f('kana')} value={draft.kana} onChange={(v) => set('kana', v)} error={errors.kana} />
      <SelectField
        path="categoryId"
        label={f('categoryId')}
        value={draft.categoryId}
        options={CATEGORIES.map((c) => ({ value: c.id, label: label(c.label) }))}
        onChange={(v) => set('categoryId', v)}
        error={errors.categoryId}
      />
      <CheckboxGroup
        path="fields"
        legend={f('fields')}
        value={draft.fields}
        options={FIELDS.map((x) => ({ value: x, label: label(FIELD_LABELS[x]) }))}
        onChange={(v) => set('fields', v)}
        error={errors.fields}
        required
      />
      <fieldset className="form-group" aria-describedby={`${fieldId('location')}-help`}>
        <legend>{f('location')}</legend>
        <p id={`${fieldId('location')}-help`} className="form-field__help">
          {t('editor.form.locationHelp')}
        </p>
        <div className="form-row">
          <TextField
            path="location.1"
            label={t('editor.form.lat')}
            type="number"
            step="any"
            inputMode="decimal"
            value={Number.isFinite(lat) ? String(lat) : ''}
            onChange={(v) => set('location', [lng, numberOrUndefined(v) ?? Number.NaN])}
            error={errors['location.1'] ?? errors.location}
          />
          <TextField
            path="location.0"
            label={t('editor.form.lng')}
            type="number"
            step="any"
            inputMode="decimal"
            value={Number.isFinite(lng) ? String(lng) : ''}
            onChange={(v) => set('location', [numberOrUndefined(v) ?? Number.NaN, lat])}
            error={errors['location.0']}
          />
        </div>
      </fieldset>
      <TextField path="address" label={f('address')} value={draft.address} onChange={(v) => set('address', v)} error={errors.address} />
      <TextField
        path="municipalityCode"
        label={f('municipalityCode')}
        value={draft.municipalityCode}
        inputMode="numeric"
        onChange={(v) => set('municipalityCode', v)}
        error={errors.municipalityCode}
      />
      <TextField path="contact.tel" type="tel" label={f('contact.tel')} value={draft.contact.tel ?? ''} onChange={(v) => setContact('tel', v)} error={errors['contact.tel']} />
      <TextField
        path="contact.email"
        type="email"
        label={f('contact.email')}
        value={draft.contact.email ?? ''}
        onChange={(v) => setContact('email', v)}
        error={errors['contact.email']}
      />
      <TextField path="contact.url" type="url" label={f('contact.url')} value={draft.contact.url ?? ''} onChange={(v) => setContact('url', v)} error={errors['contact.url']} />
      <TextField path="contact.hours" label={f('contact.hours')} value={draft.contact.hours ?? ''} onChange={(v) => setContact('hours', v)} error={errors['contact.hours']} />
      <TextField path="access" label={f('access')} value={draft.access ?? ''} onChange={(v) => set('access', v)} error={errors.access} multiline />
      <CheckboxGroup
        path="accessibility"
        legend={f('accessibility')}
        value={draft.accessibility}
        options={ACCESSIBILITY.map((x) => ({ value: x, label: label(ACCESSIBILITY_LABELS[x]) }))}
        onChange={(v) => set('accessibility', v)}
        error={errors.accessibility}
      />
      <TextField path="description" label={f('description')} value={draft.description} onChange={(v) => set('description', v)} error={errors.description} multiline />
      <div className="form-row">
        <SelectField path="status" label={f('status')} value={draft.status} options={opts.status} onChange={(v) => set('status', v)} error={errors.status} />
        <SelectField path="visibility" label={f('visibility')} value={draft.visibility} options={opts.visibility} onChange={(v) => set('visibility', v)} error={errors.visibility} />
      </div>
      {errors.publicContactSiteId && <p className="field-error">{errors.publicContactSiteId}</p>}
    </>
  );
}

export function MenuFields({ draft, onChange, errors, sites }: FieldsProps<Menu> & { sites: { id: string; name: string }[] }) {
  const { t, label } = useI18n();
  const set = <K extends keyof Menu>(k: K, v: Menu[K]) => onChange({ ...draft, [k]: v });
  const f = (k: string) => fieldLabel(k, t);
  const opts = useStatusOptions();
  return (
    <>
      <TextField path="title" label={f('title')} value={draft.title} onChange={(v) => set('title', v)} error={errors.title} required />
      <SelectField
        path="siteId"
        label={t('editor.form.site')}
        value={draft.siteId ?? ''}
        options={[...sites.map((s) => ({ value: s.id, label: s.name })), { value: '', label: t('editor.form.outreach') }]}
        onChange={(v) => set('siteId', v || null)}
        error={errors.siteId}
      />
      <TextField path="description" label={f('description')} value={draft.description} onChange={(v) => set('description', v)} error={errors.description} multiline />
      <ScheduleFields value={draft.schedule} onChange={(s) => set('schedule', s)} errors={errors} />
      <CheckboxGroup
        path="needs"
        legend={f('needs')}
        value={draft.needs}
        options={NEEDS.map((x) => ({ value: x, label: label(NEED_LABELS[x]) }))}
        onChange={(v) => set('needs', v)}
        error={errors.needs}
        required
      />
      <CheckboxGroup
        path="targets"
        legend={f('targets')}
        value={draft.targets}
        options={TARGETS.map((x) => ({ value: x, label: label(TARGET_LABELS[x]) }))}
        onChange={(v) => set('targets', v)}
        error={errors.targets}
        required
      />
      <div className="form-row">
        <TextField
          path="ageMin"
          type="number"
          inputMode="numeric"
          label={f('ageMin')}
          value={draft.ageMin === undefined || Number.isNaN(draft.ageMin) ? '' : String(draft.ageMin)}
          onChange={(v) => set('ageMin', numberOrUndefined(v))}
          error={errors.ageMin}
        />
        <TextField
          path="ageMax"
          type="number"
          inputMode="numeric"
          label={f('ageMax')}
          value={draft.ageMax === undefined || Number.isNaN(draft.ageMax) ? '' : String(draft.ageMax)}
          onChange={(v) => set('ageMax', numberOrUndefined(v))}
          error={errors.ageMax}
        />
      </div>
      <fieldset className="form-group">
        <legend>{f('cost')}</legend>
        <SelectField
          path="cost.kind"
          label={t('editor.form.costKind')}
          value={draft.cost.kind}
          options={(['free', 'fixed', 'varies'] as const).map((k) => ({ value: k, label: t(`editor.form.cost.${k}`) }))}
          onChange={(v) => set('cost', { ...draft.cost, kind: v })}
          error={errors['cost.kind']}
        />
        {draft.cost.kind === 'fixed' && (
          <TextField
            path="cost.amountYen"
            type="number"
            inputMode="numeric"
            label={t('editor.form.amountYen')}
            value={draft.cost.amountYen === undefined || Number.isNaN(draft.cost.amountYen) ? '' : String(draft.cost.amountYen)}
            onChange={(v) => set('cost', { ...draft.cost, amountYen: numberOrUndefined(v) })}
            error={errors['cost.amountYen']}
          />
        )}
        <TextField path="cost.note" label={t('editor.form.costNote')} value={draft.cost.note ?? ''} onChange={(v) => set('cost', { ...draft.cost, note: v })} error={errors['cost.note']} />
      </fieldset>
      <div className="form-row">
        <TextField
          path="capacity.capacity"
          type="number"
          inputMode="numeric"
          label={t('editor.form.capacityNumber')}
          value={draft.capacity.capacity === undefined || Number.isNaN(draft.capacity.capacity) ? '' : String(draft.capacity.capacity)}
          onChange={(v) => set('capacity', { ...draft.capacity, capacity: numberOrUndefined(v) })}
          error={errors['capacity.capacity']}
        />
        <SelectField
          path="capacity.availability"
          label={t('editor.form.availability')}
          value={draft.capacity.availability}
          options={(['open', 'few', 'full', 'unknown'] as const).map((k) => ({ value: k, label: t(`site.availability.${k}`) }))}
          onChange={(v) => set('capacity', { ...draft.capacity, availability: v })}
        />
      </div>
      <CheckboxGroup
        path="ease"
        legend={f('ease')}
        value={draft.ease}
        options={EASE.filter((e) => e !== 'free').map((x) => ({ value: x, label: label(EASE_LABELS[x]) }))}
        onChange={(v) => set('ease', v as Menu['ease'])}
        error={errors.ease}
      />
      <CheckboxGroup
        path="languages"
        legend={f('languages')}
        value={draft.languages}
        options={LANGUAGES.map((x) => ({ value: x, label: label(LANGUAGE_LABELS[x]) }))}
        onChange={(v) => set('languages', v)}
        error={errors.languages}
      />
      <div className="form-row">
        <SelectField path="status" label={f('status')} value={draft.status} options={opts.status} onChange={(v) => set('status', v)} error={errors.status} />
        <SelectField path="visibility" label={f('visibility')} value={draft.visibility} options={opts.visibility} onChange={(v) => set('visibility', v)} error={errors.visibility} />
      </div>
    </>
  );
}

// --- schedule: plain fields (the volunteers' schedule editor comes from editing-widgets) ---------

const ORDINALS = ['1', '2', '3', '4', '-1'] as const;

function splitByday(byday: string[]): { ordinals: string[]; weekdays: Weekday[] } {
  const ordinals = new Set<string>();
  const weekdays = new Set<Weekday>();
  for (const d of byday) {
    const m = /^(-1|[1-4])?([A-Z]{2})$/.exec(d);
    if (!m) continue;
    if (m[1]) ordinals.add(m[1]);
    weekdays.add(m[2] as Weekday);
  }
  return { ordinals: [...ordinals], weekdays: WEEKDAYS.filter((w) => weekdays.has(w)) };
}

function joinByday(freq: ScheduleRule['freq'], ordinals: string[], weekdays: Weekday[]): string[] {
  const days = WEEKDAYS.filter((w) => weekdays.includes(w));
  if (freq === 'WEEKLY') return days;
  return ORDINALS.filter((o) => ordinals.includes(o)).flatMap((o) => days.map((d) => `${o}${d}`));
}

const WEEKDAY_JA: Record<Weekday, string> = { MO: '月', TU: '火', WE: '水', TH: '木', FR: '金', SA: '土', SU: '日' };
const WEEKDAY_EN: Record<Weekday, string> = { MO: 'Mon', TU: 'Tue', WE: 'Wed', TH: 'Thu', FR: 'Fri', SA: 'Sat', SU: 'Sun' };

function ScheduleFields({ value, onChange, errors }: { value: Schedule; onChange(s: Schedule): void; errors: FieldErrors }) {
  const { t, locale } = useI18n();
  const today = useMemo(() => todayInJapan(), []);
  const setRule = (k: number, rule: ScheduleRule) => onChange({ ...value, rules: value.rules.map((r, i) => (i === k ? rule : r)) });
  const preview = useMemo(() => {
    try {
      return { lines: describeSchedule(value, locale), next: nextSessions(value, today, 5).map((s) => describeSession(s, locale)) };
    } catch {
      return { lines: [], next: [] };
    }
  }, [value, locale, today]);
  return (
    <fieldset className="form-group schedule-fields" id={fieldId('schedule')}>
      <legend>{fieldLabel('schedule', t)}</legend>
      {value.rules.map((rule, k) => {
        const { ordinals, weekdays } = splitByday(rule.byday);
        const p = `schedule.rules.${k}`;
        return (
          <fieldset key={k} className="form-group schedule-fields__rule">
            <legend>{t('editor.form.scheduleRule', { n: k + 1 })}</legend>
            <div className="form-row">
              <SelectField
                path={`${p}.freq`}
                label={t('editor.form.freq')}
                value={rule.freq}
                options={(['WEEKLY', 'MONTHLY'] as const).map((x) => ({ value: x, label: t(`editor.form.freq.${x}`) }))}
                onChange={(freq) => setRule(k, { ...rule, freq, byday: joinByday(freq, freq === 'MONTHLY' && !ordinals.length ? ['1'] : ordinals, weekdays) })}
              />
              <SelectField
                path={`${p}.interval`}
                label={t('editor.form.interval')}
                value={String(rule.interval === 1 ? 1 : 2) as '1' | '2'}
                options={(['1', '2'] as const).map((x) => ({ value: x, label: t(`editor.form.interval.${x}`) }))}
                onChange={(v) => setRule(k, { ...rule, interval: Number(v) })}
              />
            </div>
            {rule.freq === 'MONTHLY' && (
              <CheckboxGroup
                path={`${p}.ordinals`}
                legend={t('editor.form.ordinals')}
                value={ordinals}
                options={ORDINALS.map((o) => ({ value: o, label: o === '-1' ? t('editor.form.ordinal.last') : t('editor.form.ordinal.n', { n: o }) }))}
                onChange={(os) => setRule(k, { ...rule, byday: joinByday(rule.freq, os, weekdays) })}
              />
            )}
            <CheckboxGroup
              path={`${p}.byday`}
              legend={t('editor.form.weekdays')}
              value={weekdays}
              options={WEEKDAYS.map((w) => ({ value: w, label: locale === 'en' ? WEEKDAY_EN[w] : WEEKDAY_JA[w] }))}
              onChange={(ws) => setRule(k, { ...rule, byday: joinByday(rule.freq, ordinals, ws) })}
              error={errors[`${p}.byday`]}
            />
            <div className="form-row">
              <TextField path={`${p}.opensAt`} type="time" label={t('editor.form.opensAt')} value={rule.opensAt} onChange={(v) => setRule(k, { ...rule, opensAt: v })} error={errors[`${p}.opensAt`]} />
              <TextField path={`${p}.closesAt`} type="time" label={t('editor.form.closesAt')} value={rule.closesAt} onChange={(v) => setRule(k, { ...rule, closesAt: v })} error={errors[`${p}.closesAt`]} />
            </div>
            {rule.interval > 1 && (
              <TextField path={`${p}.validFrom`} type="date" label={t('editor.form.validFrom')} value={rule.validFrom ?? ''} onChange={(v) => setRule(k, { ...rule, validFrom: v })} error={errors[`${p}.validFrom`]} />
            )}
            <button type="button" className="button button--secondary button--small" onClick={() => onChange({ ...value, rules: value.rules.filter((_, i) => i !== k) })}>
              {t('editor.form.removeRule')}
            </button>
          </fieldset>
        );
      })}
      <button
        type="button"
        className="button button--secondary button--small"
        onClick={() => onChange({ ...value, rules: [...value.rules, { freq: 'WEEKLY', interval: 1, byday: ['MO'], opensAt: '10:00', closesAt: '12:00' }] })}
      >
        {t('editor.form.addRule')}
      </button>
      <Toggle path="schedule.closedOnHolidays" label={t('editor.form.closedOnHolidays')} checked={value.closedOnHolidays} onChange={(v) => onChange({ ...value, closedOnHolidays: v })} />
      <Toggle path="schedule.irregular" label={t('editor.form.irregular')} checked={value.irregular} onChange={(v) => onChange({ ...value, irregular: v })} />
      <TextField path="schedule.note" label={t('editor.form.scheduleNote')} value={value.note ?? ''} onChange={(v) => onChange({ ...value, note: v })} error={errors['schedule.note']} />
      <div className="schedule-fields__preview" aria-live="polite">
        <p>
          <strong>{t('editor.form.preview')}:</strong> {preview.lines.join(' / ') || '—'}
        </p>
        <p>
          <strong>{t('editor.form.nextDates')}:</strong> {preview.next.join('、') || '—'}
        </p>
      </div>
    </fieldset>
  );
}
