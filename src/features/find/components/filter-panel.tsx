import { useId, useState } from 'react';
import { useI18n } from '../../../i18n/i18n';
import {
  ACCESSIBILITY,
  ACCESSIBILITY_LABELS,
  CATEGORIES,
  EASE,
  EASE_LABELS,
  FIELDS,
  FIELD_LABELS,
  NEEDS,
  NEED_LABELS,
  TARGETS,
  TARGET_LABELS,
  type Label,
} from '../../../domain/taxonomy';
import { WEEKDAYS } from '../../../domain/weekdays';
import { activeFilterCount, CLEARED_FILTERS, type FindState } from '../url-state';

const WEEKDAY_LABELS: Record<(typeof WEEKDAYS)[number], Label> = {
  MO: { ja: '月', en: 'Mon', easy: 'げつ' },
  TU: { ja: '火', en: 'Tue', easy: 'か' },
  WE: { ja: '水', en: 'Wed', easy: 'すい' },
  TH: { ja: '木', en: 'Thu', easy: 'もく' },
  FR: { ja: '金', en: 'Fri', easy: 'きん' },
  SA: { ja: '土', en: 'Sat', easy: 'ど' },
  SU: { ja: '日', en: 'Sun', easy: 'にち' },
};

type Props = { state: FindState; onChange: (patch: Partial<FindState>) => void };

function toggle<T>(list: readonly T[], value: T): T[] {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
}

/** A group of checkboxes as a labelled fieldset: the accessible pattern for multiple choice. */
function CheckGroup<T extends string>(props: {
  legend: string;
  options: readonly T[];
  labels: Record<T, Label>;
  selected: readonly T[];
  onChange: (next: T[]) => void;
  inline?: boolean;
}) {
  const { label } = useI18n();
  return (
    <fieldset className={`filter-group${props.inline ? ' filter-group--inline' : ''}`}>
      <legend>{props.legend}</legend>
      {props.options.map((o) => (
        <label key={o} className="checkbox">
          <input
            type="checkbox"
            checked={props.selected.includes(o)}
            onChange={() => props.onChange(toggle(props.selected, o))}
          />
          {label(props.labels[o])}
        </label>
      ))}
    </fieldset>
  );
}

const CATEGORY_LABELS = Object.fromEntries(CATEGORIES.map((c) => [c.id, c.label])) as Record<
  (typeof CATEGORIES)[number]['id'],
  Label
>;

export function FilterPanel({ state, onChange }: Props) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const n = activeFilterCount(state);
  return (
    <section className="filter-panel" aria-label={t('find.filters')}>
      <div className="filter-panel__bar">
        <button
          type="button"
          className="button button--secondary button--small"
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => setOpen((o) => !o)}
        >
          {n ? t('find.filtersActive', { n }) : t('find.filters')}
        </button>
        <label className="checkbox">
          <input type="checkbox" checked={state.today} onChange={(e) => onChange({ today: e.target.checked })} />
          {t('find.today')}
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={state.free} onChange={(e) => onChange({ free: e.target.checked })} />
          {t('find.free')}
        </label>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={state.helpDesksOnly}
            onChange={(e) => onChange({ helpDesksOnly: e.target.checked })}
          />
          {t('find.helpDesksOnly')}
        </label>
        {n > 0 && (
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => onChange(CLEARED_FILTERS)}
          >
            {t('find.clearFilters')}
          </button>
        )}
      </div>
      <div id={panelId} hidden={!open} className="filter-panel__body">
        <CheckGroup legend={t('find.field')} options={FIELDS} labels={FIELD_LABELS} selected={state.fields} onChange={(fields) => onChange({ fields })} />
        <CheckGroup legend={t('find.need')} options={NEEDS} labels={NEED_LABELS} selected={state.needs} onChange={(needs) => onChange({ needs })} />
        <CheckGroup
          legend={t('find.weekday')}
          options={WEEKDAYS}
          labels={WEEKDAY_LABELS}
          selected={state.weekdays}
          onChange={(weekdays) => onChange({ weekdays })}
          inline
        />
        <CheckGroup legend={t('find.target')} options={TARGETS} labels={TARGET_LABELS} selected={state.targets} onChange={(targets) => onChange({ targets })} />
        <CheckGroup legend={t('find.ease')} options={EASE} labels={EASE_LABELS} selected={state.ease} onChange={(ease) => onChange({ ease })} />
        <CheckGroup
          legend={t('find.category')}
          options={CATEGORIES.map((c) => c.id)}
          labels={CATEGORY_LABELS}
          selected={state.categories}
          onChange={(categories) => onChange({ categories })}
        />
        <CheckGroup
          legend={t('find.accessibility')}
          options={ACCESSIBILITY}
          labels={ACCESSIBILITY_LABELS}
          selected={state.accessibility}
          onChange={(accessibility) => onChange({ accessibility })}
        />
      </div>
    </section>
  );
}
