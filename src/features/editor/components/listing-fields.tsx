// The fields of the site and menu forms. Each field shows its own error (from the zod schemas of
// domain/model.ts, in Japanese); the page owns the draft and validates on submit.
import { useQuery } from '@tanstack/react-query';
import type { Menu, Site } from '../../../domain/model';
import { useDataSource } from '../../../data/data-source-context';
import { areasOptions, publicPointsOptions } from '../../find/api/get-public-points';
import { LocationPicker } from '../../editing-widgets/components/location-picker';
import { ScheduleEditor } from '../../editing-widgets/components/schedule-editor';
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
import { CheckboxGroup, SelectField, TextField, fieldId, type FieldErrors } from './form-kit';

type FieldsProps<L> = { draft: L; onChange(next: L): void; errors: FieldErrors; /** after a refused save: the widgets show every problem */ showErrors: boolean };

function useStatusOptions() {
  const { t } = useI18n();
  return {
    status: LISTING_STATUSES.filter((s) => s !== 'pending').map((s) => ({ value: s, label: t(`editor.status.${s}`) })),
    visibility: VISIBILITIES.map((v) => ({ value: v, label: t(`editor.visibility.${v}`) })),
  };
}

export function SiteFields({ draft, onChange, errors, showErrors }: FieldsProps<Site>) {
  const { t, label } = useI18n();
  const source = useDataSource();
  const points = useQuery(publicPointsOptions(source));
  const areas = useQuery(areasOptions(source));
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
      <LocationPicker
        value={{ location: Number.isFinite(lng) && Number.isFinite(lat) ? draft.location : null, address: draft.address, municipalityCode: draft.municipalityCode }}
        onChange={(v) => onChange({ ...draft, location: v.location ?? [Number.NaN, Number.NaN], address: v.address, municipalityCode: v.municipalityCode })}
        areas={areas.data}
        points={points.data?.filter((p) => p.id !== draft.id)}
        showErrors={showErrors}
        confidential={draft.confidential}
      />
      {(errors['location.0'] ?? errors['location.1'] ?? errors.location ?? errors.address ?? errors.municipalityCode) && (
        <ul className="field-error" id={fieldId('location')}>
          {['location.1', 'location.0', 'location', 'address', 'municipalityCode']
            .filter((k) => errors[k])
            .map((k) => (
              <li key={k}>
                {fieldLabel(k.startsWith('location') ? 'location' : k, t)}: {errors[k]}
              </li>
            ))}
        </ul>
      )}
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

export function MenuFields({ draft, onChange, errors, sites, showErrors }: FieldsProps<Menu> & { sites: { id: string; name: string }[] }) {
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
      <div id={fieldId('schedule')}>
        <ScheduleEditor value={draft.schedule} onChange={(sch) => set('schedule', sch)} showErrors={showErrors} legend={fieldLabel('schedule', t)} />
      </div>
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
