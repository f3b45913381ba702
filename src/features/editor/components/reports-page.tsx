// The report queue (staff and admins): residents' error reports, newest first, with links to the
// public page and the listing's edit form; each is marked resolved or dismissed.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'wouter';
import type { ErrorReport } from '../../../domain/editing/types';
import { useI18n } from '../../../i18n/i18n';
import { siteOptions } from '../../site/api/get-site';
import { editorKeys, useEditor } from '../api/editor-queries';
import { formatDateTime } from '../format';
import { EditorGate } from './editor-gate';

export function ReportsPage() {
  return (
    <EditorGate roles={['staff', 'admin']}>
      <Reports />
    </EditorGate>
  );
}

function Reports() {
  const { t } = useI18n();
  const { editor, actor, refresh } = useEditor();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const reports = useQuery({
    queryKey: editorKeys.reports(actor, { status: 'open' }),
    queryFn: () => editor!.listReports(actor, { status: 'open' }),
  });
  const mark = async (r: ErrorReport, status: 'resolved' | 'dismissed') => {
    try {
      await editor!.setReportStatus(actor, r.id, status);
      setMessage({ ok: true, text: t('editor.reports.done', { status: t(`editor.reports.status.${status}`) }) });
      await refresh({ publicData: false });
    } catch (e) {
      setMessage({ ok: false, text: t('editor.form.failed', { reason: e instanceof Error ? e.message : String(e) }) });
    }
  };
  return (
    <div>
      <p>
        <Link href="/">{t('editor.back')}</Link>
      </p>
      <h1>{t('editor.reports.title')}</h1>
      <div role="status">{message?.ok && <p className="notice notice--ok">{message.text}</p>}</div>
      <div role="alert">{message && !message.ok && <p className="notice notice--error">{message.text}</p>}</div>
      {reports.isError && <p className="error-text">{reports.error.message}</p>}
      {reports.data?.length === 0 && <p>{t('editor.reports.none')}</p>}
      <ul className="plain-list editor-queue" aria-label={t('editor.reports.title')}>
        {reports.data?.map((r) => (
          <ReportItem key={r.id} report={r} onMark={(s) => void mark(r, s)} />
        ))}
      </ul>
    </div>
  );
}

function ReportItem({ report, onMark }: { report: ErrorReport; onMark(status: 'resolved' | 'dismissed'): void }) {
  const { t, locale } = useI18n();
  const { source } = useEditor();
  const site = useQuery(siteOptions(source, report.siteId));
  // The id stands in only once the site is known to be gone, never while it loads.
  const name = site.data?.site.name ?? (site.isPending ? t('common.loading') : report.siteId);
  const menu = report.menuId ? site.data?.menus.find((m) => m.id === report.menuId) : undefined;
  return (
    <li className="editor-queue__item">
      <h2 id={`report-${report.id}`}>
        <Link href={`~/sites/${encodeURIComponent(report.siteId)}`}>{t('editor.reports.about', { site: name })}</Link>
      </h2>
      {menu && <p>{t('editor.reports.menu', { menu: menu.title })}</p>}
      <p>
        <strong>{t(`report.kind.${report.kind}`)}</strong>（{formatDateTime(report.createdAt, locale)}）
      </p>
      <blockquote className="editor-report__message">{report.message}</blockquote>
      <div className="editor-actions">
        <Link href={report.menuId ? `/menu/${encodeURIComponent(report.menuId)}` : `/site/${encodeURIComponent(report.siteId)}`}>{t('editor.reports.editListing')}</Link>
        <button type="button" className="button button--small" aria-describedby={`report-${report.id}`} onClick={() => onMark('resolved')}>
          {t('editor.reports.resolve')}
        </button>
        <button type="button" className="button button--secondary button--small" aria-describedby={`report-${report.id}`} onClick={() => onMark('dismissed')}>
          {t('editor.reports.dismiss')}
        </button>
      </div>
    </li>
  );
}
