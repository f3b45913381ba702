// Small labelled controls for the editor's forms: every control has a visible label, its error
// next to it (aria-invalid + aria-describedby), and `data-invalid` on the first focusable element
// so the form can move focus to the first error in page order.
import { useId, type ReactNode } from 'react';
import { useI18n } from '../../../i18n/i18n';
import type { MessageKey } from '../../../i18n/messages';

/** errors by field path ('name', 'contact.tel', 'schedule.rules.0.opensAt', …) */
export type FieldErrors = Record<string, string>;

/** the DOM id of a field's control, from its path */
export const fieldId = (path: string) => `ed-${path.replace(/[^a-zA-Z0-9]+/g, '-')}`;

/** a zod v4 issue, as much of it as the messages need */
type IssueLike = { path: PropertyKey[] | string; message: string; code?: string; origin?: string; minimum?: unknown; maximum?: unknown; expected?: string };

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

/** The schemas' Japanese messages where they have one; a Japanese message by kind otherwise. */
export function issueMessage(issue: IssueLike, t: (key: MessageKey, vars?: Record<string, string | number>) => string): string {
  if (JAPANESE.test(issue.message)) return issue.message;
  const path = Array.isArray(issue.path) ? issue.path.map(String) : issue.path.split('.');
  if (path[0] === 'location') return t('editor.error.lngLat');
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'array') return t('editor.error.choose');
      if (issue.origin === 'string') return t('editor.error.required');
      return t('editor.error.range', { min: String(issue.minimum ?? ''), max: '' });
    case 'too_big':
      if (issue.origin === 'string') return t('editor.error.tooLong', { max: String(issue.maximum ?? '') });
      return t('editor.error.range', { min: '', max: String(issue.maximum ?? '') });
    case 'invalid_type':
      return issue.expected === 'number' ? t('editor.error.number') : t('editor.error.required');
    default:
      return t('editor.error.generic');
  }
}

/** the first message per path */
export function toFieldErrors(issues: IssueLike[], t: Parameters<typeof issueMessage>[1]): FieldErrors {
  const out: FieldErrors = {};
  for (const i of issues) {
    const path = Array.isArray(i.path) ? i.path.map(String).join('.') : i.path;
    out[path] ??= issueMessage(i, t);
  }
  return out;
}

function ErrorText({ id, children }: { id: string; children: ReactNode }) {
  if (!children) return null;
  return (
    <p id={id} className="field-error">
      <span aria-hidden="true">⚠ </span>
      {children}
    </p>
  );
}

type TextProps = {
  path: string;
  label: string;
  value: string;
  onChange(value: string): void;
  error?: string;
  required?: boolean;
  help?: string;
  multiline?: boolean;
  type?: 'text' | 'tel' | 'email' | 'url' | 'number' | 'time' | 'date';
  inputMode?: 'numeric' | 'decimal' | 'tel' | 'email' | 'url' | 'text';
  step?: string;
  autoComplete?: string;
};

export function TextField({ path, label, value, onChange, error, required, help, multiline, type = 'text', inputMode, step, autoComplete = 'off' }: TextProps) {
  const { t } = useI18n();
  const id = fieldId(path);
  const describedBy = [error ? `${id}-error` : '', help ? `${id}-help` : ''].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    value,
    'aria-invalid': error ? true : undefined,
    'data-invalid': error ? 'true' : undefined,
    'aria-describedby': describedBy,
    'aria-required': required || undefined,
  } as const;
  return (
    <div className="form-field">
      <label htmlFor={id}>
        {label}
        {required && <span className="form-field__required"> （{t('editor.form.required')}）</span>}
      </label>
      {help && (
        <p id={`${id}-help`} className="form-field__help">
          {help}
        </p>
      )}
      {multiline ? (
        <textarea {...common} rows={4} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input {...common} type={type} inputMode={inputMode} step={step} autoComplete={autoComplete} onChange={(e) => onChange(e.target.value)} />
      )}
      <ErrorText id={`${id}-error`}>{error}</ErrorText>
    </div>
  );
}

export function SelectField<V extends string>({
  path,
  label,
  value,
  options,
  onChange,
  error,
}: {
  path: string;
  label: string;
  value: V;
  options: { value: V; label: string }[];
  onChange(value: V): void;
  error?: string;
}) {
  const id = fieldId(path);
  return (
    <div className="form-field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        aria-invalid={error ? true : undefined}
        data-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => onChange(e.target.value as V)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <ErrorText id={`${id}-error`}>{error}</ErrorText>
    </div>
  );
}

export function CheckboxGroup<V extends string>({
  path,
  legend,
  value,
  options,
  onChange,
  error,
  required,
}: {
  path: string;
  legend: string;
  value: readonly V[];
  options: { value: V; label: string }[];
  onChange(value: V[]): void;
  error?: string;
  required?: boolean;
}) {
  const { t } = useI18n();
  const id = fieldId(path);
  const base = useId();
  return (
    <fieldset className="form-group" aria-describedby={error ? `${id}-error` : undefined} id={id}>
      <legend>
        {legend}
        {required && <span className="form-field__required"> （{t('editor.form.required')}）</span>}
      </legend>
      <div className="form-group__options">
        {options.map((o, k) => (
          <label key={o.value} className="checkbox" htmlFor={`${base}-${k}`}>
            <input
              id={`${base}-${k}`}
              type="checkbox"
              checked={value.includes(o.value)}
              aria-invalid={error ? true : undefined}
              data-invalid={error && k === 0 ? 'true' : undefined}
              onChange={(e) => onChange(e.target.checked ? [...value, o.value] : value.filter((x) => x !== o.value))}
            />
            {o.label}
          </label>
        ))}
      </div>
      <ErrorText id={`${id}-error`}>{error}</ErrorText>
    </fieldset>
  );
}

/** a checkbox with its label */
export function Toggle({ path, label, checked, onChange }: { path: string; label: string; checked: boolean; onChange(v: boolean): void }) {
  const id = fieldId(path);
  return (
    <label className="checkbox" htmlFor={id}>
      <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      {label}
    </label>
  );
}
