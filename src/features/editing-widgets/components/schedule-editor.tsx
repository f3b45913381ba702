// The schedule editor of the site and menu edit forms: volunteers pick days, weeks and hours
// with big native controls; each time slot is one HSDS rule (schedule-rows.ts). A live preview
// shows the schedule in words and its next five dates, as the public page will show them.
// Controlled: `value` in, every change out through `onChange`. Incomplete slots are emitted as
// they are (the form's zod validation refuses them on save) and kept out of the preview.
// Every control with a message shown carries data-invalid="true" (the first checkbox of a group):
// the edit form moves focus to the first such element after a refused save.
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { Schedule, ScheduleRule } from '../../../domain/model';
import { todayInJapan } from '../../../domain/schedule/dates';
import { nextSessions } from '../../../domain/schedule/occurrences';
import { describeSchedule, describeSession } from '../../../domain/schedule/render';
import { WEEKDAYS, type Weekday } from '../../../domain/weekdays';
import { useI18n } from '../../../i18n/i18n';
import type { MessageKey } from '../../../i18n/messages';
import {
  ORDINALS,
  isRowValid,
  nextRow,
  overlappingRows,
  parseTime,
  rowToRule,
  rowsFromRules,
  rowsToRules,
  validateRow,
  withKind,
  type Ordinal,
  type RowField,
  type RowKind,
  type ScheduleRow,
} from '../schedule-rows';
import { FieldError } from './field-error';
import './editing-widgets.css';
import { registerMessages } from '../../../i18n/messages';
import { editingWidgets } from '../../../i18n/messages/editing-widgets';

// this chunk's messages join the eager ones when it loads (i18n/messages/index.ts)
registerMessages(editingWidgets);

export type ScheduleEditorProps = {
  value: Schedule;
  onChange(schedule: Schedule): void;
  /** the first day of the preview's next dates (default: today in Japan); fixed in tests */
  today?: string;
  /** show every problem, touched or not (the form sets it after a refused save) */
  showErrors?: boolean;
  /** the group's visible name (default 「開催日時」) */
  legend?: string;
};

const NOTE_MAX = 500;
const ANNOUNCE_DELAY_MS = 700; // a pause in typing, not a lag the eye notices (the box updates at once)

/** `value` once it has stopped changing for `ms`. */
function useSettled(value: string, ms: number): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
const KINDS: RowKind[] = ['weekly', 'biweekly', 'monthly'];
const WORKDAYS: readonly Weekday[] = ['MO', 'TU', 'WE', 'TH', 'FR'];

const sameRules = (a: readonly ScheduleRule[], b: readonly ScheduleRule[]) =>
  JSON.stringify(a) === JSON.stringify(b);
const ordinalKey = (o: Ordinal): MessageKey =>
  o === -1
    ? 'editingWidgets.schedule.ordinal.last'
    : (`editingWidgets.schedule.ordinal.${o}` as MessageKey);

export function ScheduleEditor({
  value,
  onChange,
  today,
  showErrors = false,
  legend,
}: ScheduleEditorProps) {
  const { t, locale } = useI18n();
  const baseId = useId();
  // Rows are the editor's own state: a 毎月 slot with weekdays but no week yet has no rule that
  // could hold it. They follow `value` when it changes from outside (a reset, a loaded version).
  const [state, setState] = useState(() => ({
    rows: rowsFromRules(value.rules),
    rules: value.rules,
  }));
  if (state.rules !== value.rules) {
    // a copy of what the editor already shows (a form that clones its draft) keeps the rows, their
    // keys and the focus; only different rules rebuild them
    const same =
      sameRules(state.rules, value.rules) || sameRules(rowsToRules(state.rows), value.rules);
    setState({ rows: same ? state.rows : rowsFromRules(value.rules), rules: value.rules });
  }
  const rows = state.rows;
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  const [announcement, setAnnouncement] = useState('');
  const pendingFocus = useRef<string | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (pendingFocus.current === null) return;
    const target =
      pendingFocus.current === 'add'
        ? addButton.current
        : document.getElementById(pendingFocus.current);
    pendingFocus.current = null;
    target?.focus();
  });

  const emit = (next: Schedule) => onChange(next);
  const setRows = (next: ScheduleRow[]) => {
    const rules = rowsToRules(next);
    setState({ rows: next, rules });
    emit({ ...value, rules });
  };
  const updateRow = (key: string, field: RowField, change: (row: ScheduleRow) => ScheduleRow) => {
    markTouched(key, field);
    let changed = false;
    const next = rows.map((r) => {
      if (r.key !== key) return r;
      const updated = change(r);
      changed = updated !== r;
      return updated;
    });
    if (changed) setRows(next);
  };
  const markTouched = (key: string, field: RowField) =>
    setTouched((prev) =>
      prev.has(`${key}:${field}`) ? prev : new Set(prev).add(`${key}:${field}`),
    );
  const addRow = () => {
    const row = nextRow(rows[rows.length - 1]);
    pendingFocus.current = `${baseId}-${row.key}-kind-${row.kind}`;
    setAnnouncement('');
    setRows([...rows, row]);
  };
  const removeRow = (key: string) => {
    pendingFocus.current = 'add';
    setAnnouncement(t('editingWidgets.schedule.slotRemoved'));
    setRows(rows.filter((r) => r.key !== key));
  };
  const setNote = (text: string) => {
    const next: Schedule = { ...value, note: text };
    if (text === '') delete next.note; // no empty note in the data
    emit(next);
  };

  // the preview: only complete slots, in the UI's language
  const day = today ?? todayInJapan();
  const preview = useMemo(() => {
    const complete = rows.filter(isRowValid);
    const schedule: Schedule = { ...value, rules: rowsToRules(complete) };
    return {
      lines: describeSchedule(schedule, locale, { today: day }),
      sessions: nextSessions(schedule, day, 5).map((s) => describeSession(s, locale)),
      incomplete: complete.length < rows.length,
      overlaps: overlappingRows(rows, day),
    };
  }, [rows, value, locale, day]);

  const spoken = useSettled(
    [
      t('editingWidgets.schedule.preview'),
      ...preview.lines,
      t('editingWidgets.schedule.nextDates'),
      ...(preview.sessions.length > 0
        ? preview.sessions
        : [t('editingWidgets.schedule.noNextDates')]),
    ].join('。'),
    ANNOUNCE_DELAY_MS,
  );

  const noteLength = value.note?.length ?? 0;
  const noteError =
    noteLength > NOTE_MAX ? t('editingWidgets.problem.noteTooLong', { n: noteLength }) : null;
  const noteHintId = `${baseId}-note-hint`;
  const noteErrorId = `${baseId}-note-error`;

  return (
    <fieldset className="ew-group schedule-editor">
      <legend className="ew-group__legend">{legend ?? t('editingWidgets.schedule.legend')}</legend>
      <p className="ew-hint">{t('editingWidgets.schedule.intro')}</p>

      <ol className="schedule-editor__rows">
        {rows.map((row, index) => (
          <li key={row.key}>
            <RowEditor
              row={row}
              n={index + 1}
              idPrefix={`${baseId}-${row.key}`}
              isShown={(field) => showErrors || touched.has(`${row.key}:${field}`)}
              onChange={(field, change) => updateRow(row.key, field, change)}
              onBlur={(field) => markTouched(row.key, field)}
              onRemove={() => removeRow(row.key)}
              overlapsWith={preview.overlaps[index] ?? null}
            />
          </li>
        ))}
      </ol>

      <button
        ref={addButton}
        type="button"
        className="button button--secondary ew-add"
        onClick={addRow}
      >
        <span aria-hidden="true">＋</span> {t('editingWidgets.schedule.addSlot')}
      </button>
      {rows.length === 0 && !value.irregular ? (
        <p className="ew-hint">{t('editingWidgets.schedule.noRules')}</p>
      ) : null}

      <fieldset className="ew-subgroup">
        <legend>{t('editingWidgets.schedule.options')}</legend>
        <label className="ew-check">
          <input
            type="checkbox"
            checked={value.closedOnHolidays}
            onChange={(e) => emit({ ...value, closedOnHolidays: e.target.checked })}
          />
          <span>{t('editingWidgets.schedule.closedOnHolidays')}</span>
        </label>
        <label className="ew-check">
          <input
            type="checkbox"
            checked={value.irregular}
            onChange={(e) => emit({ ...value, irregular: e.target.checked })}
          />
          <span>{t('editingWidgets.schedule.irregular')}</span>
        </label>
        <div className="ew-field">
          <label htmlFor={`${baseId}-note`}>{t('editingWidgets.schedule.note')}</label>
          <p id={noteHintId} className="ew-hint">
            {t(
              value.irregular
                ? 'editingWidgets.schedule.noteIrregularHint'
                : 'editingWidgets.schedule.noteHint',
            )}
          </p>
          <textarea
            id={`${baseId}-note`}
            className="text-input ew-textarea"
            rows={3}
            value={value.note ?? ''}
            aria-describedby={noteError ? `${noteHintId} ${noteErrorId}` : noteHintId}
            aria-invalid={noteError ? true : undefined}
            data-invalid={noteError ? true : undefined}
            onChange={(e) => setNote(e.target.value)}
          />
          <FieldError id={noteErrorId}>{noteError}</FieldError>
        </div>
      </fieldset>

      <section className="ew-preview" aria-labelledby={`${baseId}-preview`}>
        <p id={`${baseId}-preview`} className="ew-preview__title">
          {t('editingWidgets.schedule.preview')}
        </p>
        <div>
          <ul className="ew-preview__lines" data-testid="schedule-preview">
            {preview.lines.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
          <p className="ew-preview__subtitle">{t('editingWidgets.schedule.nextDates')}</p>
          {preview.sessions.length > 0 ? (
            <ol className="ew-preview__dates" data-testid="schedule-next-dates">
              {preview.sessions.map((s, i) => (
                <li key={i}>{s}</li>
              ))}
            </ol>
          ) : (
            <p>{t('editingWidgets.schedule.noNextDates')}</p>
          )}
          {preview.incomplete ? (
            <p className="ew-hint">{t('editingWidgets.schedule.incomplete')}</p>
          ) : null}
        </div>
      </section>
      {/* the preview read aloud once typing pauses: a live region updated per keystroke would
          repeat the whole preview for every character of the note */}
      <p
        role="status"
        aria-live="polite"
        aria-atomic="true"
        className="visually-hidden"
        data-testid="schedule-announcement"
      >
        {spoken}
      </p>
      <p role="status" className="visually-hidden">
        {announcement}
      </p>
    </fieldset>
  );
}

type RowEditorProps = {
  row: ScheduleRow;
  n: number;
  idPrefix: string;
  isShown(field: RowField): boolean;
  onChange(field: RowField, change: (row: ScheduleRow) => ScheduleRow): void;
  onBlur(field: RowField): void;
  onRemove(): void;
  /** an earlier slot that meets at the same time on some date (a warning, not an error) */
  overlapsWith: number | null;
};

function RowEditor({
  row,
  n,
  idPrefix,
  isShown,
  onChange,
  onBlur,
  onRemove,
  overlapsWith,
}: RowEditorProps) {
  const { t, locale } = useI18n();
  const problems = validateRow(row);
  const error = (field: RowField) => {
    const problem = problems[field];
    // a loaded rule that cannot be saved is said at once: the user did not make that mistake
    const shown = isShown(field) || field === 'kind';
    return problem && shown ? t(`editingWidgets.problem.${problem}` as MessageKey) : null;
  };
  const errorId = (field: RowField) => `${idPrefix}-${field}-error`;
  const describedBy = (field: RowField, hint?: string) =>
    [hint, error(field) ? errorId(field) : null].filter(Boolean).join(' ') || undefined;

  const kinds: RowKind[] = row.original ? [...KINDS, 'other'] : KINDS;
  const otherText = row.original
    ? describeSchedule(
        {
          rules: [rowToRule({ ...row, kind: 'other' })],
          closedOnHolidays: false,
          irregular: false,
        },
        locale,
      ).join(' ')
    : '';
  const toggle = <T,>(list: readonly T[], item: T, on: boolean) =>
    on ? [...list, item] : list.filter((x) => x !== item);

  return (
    <fieldset className="ew-subgroup schedule-editor__row">
      <legend className="schedule-editor__row-legend">
        {t('editingWidgets.schedule.slot', { n })}
      </legend>

      <fieldset className="ew-choices" aria-describedby={describedBy('kind')}>
        <legend>{t('editingWidgets.schedule.repeat')}</legend>
        <div className="ew-choices__list">
          {kinds.map((kind) => (
            <label key={kind} className="ew-choice">
              <input
                id={`${idPrefix}-kind-${kind}`}
                type="radio"
                name={`${idPrefix}-kind`}
                data-invalid={error('kind') && kind === kinds[0] ? true : undefined}
                checked={row.kind === kind}
                onChange={() => onChange('kind', (r) => withKind(r, kind))}
              />
              <span>
                {kind === 'other'
                  ? t('editingWidgets.schedule.kind.other', { text: otherText })
                  : t(`editingWidgets.schedule.kind.${kind}`)}
              </span>
            </label>
          ))}
        </div>
        <FieldError id={errorId('kind')}>{error('kind')}</FieldError>
      </fieldset>

      {row.kind !== 'other' ? (
        <fieldset className="ew-choices" aria-describedby={describedBy('weekdays')}>
          <legend>{t('editingWidgets.schedule.weekdays')}</legend>
          <div className="ew-choices__list ew-choices__list--days">
            {WEEKDAYS.map((d: Weekday) => (
              <label key={d} className="ew-choice ew-choice--compact">
                <input
                  type="checkbox"
                  data-invalid={error('weekdays') && d === WEEKDAYS[0] ? true : undefined}
                  checked={row.weekdays.includes(d)}
                  onChange={(e) =>
                    onChange('weekdays', (r) => ({
                      ...r,
                      weekdays: toggle(r.weekdays, d, e.target.checked),
                    }))
                  }
                />
                <span>{t(`editingWidgets.schedule.weekday.${d}`)}</span>
              </label>
            ))}
          </div>
          {/* help desks open Monday to Friday: one press instead of five */}
          <button
            type="button"
            className="button button--secondary button--small ew-shortcut"
            onClick={() =>
              onChange('weekdays', (r) => ({
                ...r,
                weekdays: WEEKDAYS.filter((d) => WORKDAYS.includes(d) || r.weekdays.includes(d)),
              }))
            }
          >
            {t('editingWidgets.schedule.weekdaysShortcut')}
          </button>
          <FieldError id={errorId('weekdays')}>{error('weekdays')}</FieldError>
        </fieldset>
      ) : null}

      {row.kind === 'monthly' ? (
        <fieldset className="ew-choices" aria-describedby={describedBy('ordinals')}>
          <legend>{t('editingWidgets.schedule.ordinals')}</legend>
          <div className="ew-choices__list ew-choices__list--days">
            {ORDINALS.map((o) => (
              <label key={o} className="ew-choice ew-choice--compact">
                <input
                  type="checkbox"
                  data-invalid={error('ordinals') && o === ORDINALS[0] ? true : undefined}
                  checked={row.ordinals.includes(o)}
                  onChange={(e) =>
                    onChange('ordinals', (r) => ({
                      ...r,
                      ordinals: toggle(r.ordinals, o, e.target.checked),
                    }))
                  }
                />
                <span>{t(ordinalKey(o))}</span>
              </label>
            ))}
          </div>
          <FieldError id={errorId('ordinals')}>{error('ordinals')}</FieldError>
        </fieldset>
      ) : null}

      {row.kind === 'biweekly' ? (
        <div className="ew-field">
          <label htmlFor={`${idPrefix}-validFrom`}>{t('editingWidgets.schedule.firstDate')}</label>
          <p id={`${idPrefix}-validFrom-hint`} className="ew-hint">
            {t('editingWidgets.schedule.firstDateHint')}
          </p>
          <input
            id={`${idPrefix}-validFrom`}
            type="date"
            className="text-input ew-date"
            value={row.validFrom}
            required
            aria-invalid={error('validFrom') ? true : undefined}
            data-invalid={error('validFrom') ? true : undefined}
            aria-describedby={describedBy('validFrom', `${idPrefix}-validFrom-hint`)}
            onChange={(e) => onChange('validFrom', (r) => ({ ...r, validFrom: e.target.value }))}
            onBlur={() => onBlur('validFrom')}
          />
          <FieldError id={errorId('validFrom')}>{error('validFrom')}</FieldError>
        </div>
      ) : null}

      <div className="schedule-editor__times">
        {(['opensAt', 'closesAt'] as const).map((field) => (
          <div key={field} className="ew-field">
            <label htmlFor={`${idPrefix}-${field}`}>{t(`editingWidgets.schedule.${field}`)}</label>
            {/* text, not type="time": the same plain box in every browser (no AM/PM segments to
                step through), and 「10時半」 or 「午後1時」 are understood (parseTime) */}
            <input
              id={`${idPrefix}-${field}`}
              type="text"
              autoComplete="off"
              className="text-input ew-time"
              value={row[field]}
              required
              aria-invalid={error(field) ? true : undefined}
              data-invalid={error(field) ? true : undefined}
              aria-describedby={describedBy(
                field,
                overlapsWith !== null
                  ? `${idPrefix}-time-hint ${idPrefix}-overlap`
                  : `${idPrefix}-time-hint`,
              )}
              onChange={(e) => onChange(field, (r) => ({ ...r, [field]: e.target.value }))}
              onBlur={() =>
                onChange(field, (r) => {
                  // shown as it is stored: 「10時半」 becomes 10:30
                  const normalized = parseTime(r[field]);
                  return normalized && normalized !== r[field] ? { ...r, [field]: normalized } : r;
                })
              }
            />
            <FieldError id={errorId(field)}>{error(field)}</FieldError>
          </div>
        ))}
        {overlapsWith !== null ? (
          <p id={`${idPrefix}-overlap`} className="notice schedule-editor__overlap">
            {t('editingWidgets.schedule.overlap', { n: overlapsWith })}
          </p>
        ) : null}
        <p id={`${idPrefix}-time-hint`} className="ew-hint schedule-editor__time-hint">
          {t('editingWidgets.schedule.timeHint')}
        </p>
      </div>

      <details
        className="ew-details"
        open={Boolean(row.validTo || (row.validFrom && row.kind !== 'biweekly')) || undefined}
      >
        <summary>{t('editingWidgets.schedule.period')}</summary>
        <div className="schedule-editor__times">
          {row.kind !== 'biweekly' ? (
            <DateField
              id={`${idPrefix}-periodFrom`}
              label={t('editingWidgets.schedule.periodFrom')}
              value={row.validFrom}
              error={error('validFrom')}
              errorId={errorId('validFrom')}
              onChange={(v) => onChange('validFrom', (r) => ({ ...r, validFrom: v }))}
              onBlur={() => onBlur('validFrom')}
            />
          ) : null}
          <DateField
            id={`${idPrefix}-periodTo`}
            label={t('editingWidgets.schedule.periodTo')}
            value={row.validTo}
            error={error('validTo')}
            errorId={errorId('validTo')}
            onChange={(v) => onChange('validTo', (r) => ({ ...r, validTo: v }))}
            onBlur={() => onBlur('validTo')}
          />
        </div>
      </details>

      <button type="button" className="button button--secondary ew-remove" onClick={onRemove}>
        {t('editingWidgets.schedule.removeSlot', { n })}
      </button>
    </fieldset>
  );
}

function DateField(props: {
  id: string;
  label: string;
  value: string;
  error: string | null;
  errorId: string;
  onChange(value: string): void;
  onBlur(): void;
}) {
  return (
    <div className="ew-field">
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        type="date"
        className="text-input ew-date"
        value={props.value}
        aria-invalid={props.error ? true : undefined}
        data-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? props.errorId : undefined}
        onChange={(e) => props.onChange(e.target.value)}
        onBlur={props.onBlur}
      />
      <FieldError id={props.errorId}>{props.error}</FieldError>
    </div>
  );
}

export default ScheduleEditor;
