// 「情報の誤りを報告」 on the public site page: no account, a kind, an optional activity and a short
// text. Phone numbers and e-mail addresses are refused here and again by the data source
// (domain/editing/report-text.ts). Loaded only when a resident opens it.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { REPORT_KINDS, type ReportKind } from '../../../domain/editing/types';
import { checkReportText, REPORT_MESSAGE_MAX } from '../../../domain/editing/report-text';
import { useDataSource } from '../../../data/data-source-context';
import { useI18n } from '../../../i18n/i18n';
import './report-form.css';
import { registerMessages } from '../../../i18n/messages';
import { report } from '../../../i18n/messages/report';

// this chunk's messages join the eager ones when it loads (i18n/messages/index.ts)
registerMessages(report);

export type ReportFormProps = { siteId: string; menus: { id: string; title: string }[]; onClose(): void };

export default function ReportForm({ siteId, menus, onClose }: ReportFormProps) {
  const { t } = useI18n();
  const source = useDataSource();
  const id = useId();
  const [kind, setKind] = useState<ReportKind>('schedule');
  const [menuId, setMenuId] = useState('');
  const [message, setMessage] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [state, setState] = useState<'editing' | 'sending' | 'sent'>('editing');
  const [failure, setFailure] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const messageRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => headingRef.current?.focus(), []);

  if (!source.editor) return <p>{t('report.unavailable')}</p>;
  const editor = source.editor;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problem = checkReportText(message);
    if (problem) {
      setError(t(`report.error.${problem}`, { max: REPORT_MESSAGE_MAX }));
      messageRef.current?.focus();
      return;
    }
    setState('sending');
    setFailure(null);
    try {
      await editor.submitReport({ siteId, kind, message, ...(menuId ? { menuId } : {}) });
      setState('sent');
    } catch (err) {
      setState('editing');
      setFailure(t('report.failed', { reason: err instanceof Error ? err.message : String(err) }));
    }
  };

  return (
    <section className="report-form" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} tabIndex={-1} ref={headingRef}>
        {t('report.title')}
      </h2>
      <div role="status">{state === 'sent' && <p className="notice notice--ok">{t('report.sent')}</p>}</div>
      <div role="alert">{failure && <p className="error-text">{failure}</p>}</div>
      {state !== 'sent' && (
        <form onSubmit={(e) => void submit(e)} noValidate>
          <p>{t('report.intro')}</p>
          <fieldset className="report-form__kinds">
            <legend>{t('report.kind')}</legend>
            {REPORT_KINDS.map((k) => (
              <label key={k} className="checkbox">
                <input type="radio" name={`${id}-kind`} value={k} checked={kind === k} onChange={() => setKind(k)} />
                {t(`report.kind.${k}`)}
              </label>
            ))}
          </fieldset>
          {menus.length > 0 && (
            <p className="report-form__field">
              <label htmlFor={`${id}-menu`}>{t('report.menu')}</label>
              <select id={`${id}-menu`} className="select" value={menuId} onChange={(e) => setMenuId(e.target.value)}>
                <option value="">{t('report.menuNone')}</option>
                {menus.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.title}
                  </option>
                ))}
              </select>
            </p>
          )}
          <p className="report-form__field">
            <label htmlFor={`${id}-message`}>{t('report.message', { max: REPORT_MESSAGE_MAX })}</label>
            <span id={`${id}-help`} className="report-form__help">
              {t('report.messageHelp')}
            </span>
            <textarea
              id={`${id}-message`}
              ref={messageRef}
              className="text-input"
              rows={4}
              maxLength={REPORT_MESSAGE_MAX * 2}
              value={message}
              aria-invalid={error ? true : undefined}
              aria-describedby={[`${id}-help`, error ? `${id}-error` : ''].filter(Boolean).join(' ')}
              onChange={(e) => (setMessage(e.target.value), setError(null))}
            />
            {error && (
              <span id={`${id}-error`} className="error-text">
                ⚠ {error}
              </span>
            )}
          </p>
          <div className="report-form__actions">
            <button type="submit" className="button" disabled={state === 'sending'}>
              {state === 'sending' ? t('report.sending') : t('report.submit')}
            </button>
            <button type="button" className="button button--secondary" onClick={onClose}>
              {t('report.cancel')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
