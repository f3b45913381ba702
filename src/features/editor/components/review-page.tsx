// The review queue (staff and admins): each waiting change with its before/after, approve, or send
// back with a comment. Approving publishes at once (the public map and pages follow).
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'wouter';
import type { ChangeRequest, Listing } from '../../../domain/editing/types';
import { diffListings } from '../../../domain/editing/diff';
import { useI18n } from '../../../i18n/i18n';
import { editorKeys, useEditor } from '../api/editor-queries';
import { formatDateTime } from '../format';
import { fieldLabel, formatValue, listingName } from '../listing-text';
import { EditorGate } from './editor-gate';
import { fieldId } from './form-kit';

export function ReviewPage() {
  return (
    <EditorGate roles={['staff', 'admin']}>
      <Queue />
    </EditorGate>
  );
}

function Queue() {
  const { t, locale } = useI18n();
  const { editor, actor } = useEditor();
  const [openId, setOpenId] = useState<string | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const changes = useQuery({
    queryKey: editorKeys.changes(actor, { status: 'pending' }),
    queryFn: () => editor!.listChanges(actor, { status: 'pending' }),
  });
  return (
    <div>
      <p>
        <Link href="/">{t('editor.back')}</Link>
      </p>
      <h1>{t('editor.review.title')}</h1>
      <div role="status">{message?.ok && <p className="notice notice--ok">{message.text}</p>}</div>
      <div role="alert">{message && !message.ok && <p className="notice notice--error">{message.text}</p>}</div>
      {changes.isError && <p className="error-text">{changes.error.message}</p>}
      {changes.data?.length === 0 && <p>{t('editor.review.none')}</p>}
      <ul className="plain-list editor-queue">
        {changes.data?.map((c) => (
          <li key={c.id} className="editor-queue__item">
            <h2 id={`change-${c.id}`}>
              {t(`editor.kind.${c.kind}`)}: {listingName(c.proposed)}（{t(`editor.action.${c.action}`)}）
            </h2>
            <p>{t('editor.review.submitted', { who: c.submittedBy, at: formatDateTime(c.submittedAt, locale) })}</p>
            {openId === c.id ? (
              <ChangeDetail change={c} onDone={(ok, text) => (setMessage({ ok, text }), setOpenId(null))} />
            ) : (
              <button type="button" className="button button--secondary" aria-describedby={`change-${c.id}`} onClick={() => setOpenId(c.id)}>
                {t('editor.review.open')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

function ChangeDetail({ change, onDone }: { change: ChangeRequest; onDone(ok: boolean, text: string): void }) {
  const { t, label, locale } = useI18n();
  const { editor, actor, refresh } = useEditor();
  const [comment, setComment] = useState('');
  const [commentError, setCommentError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const commentRef = useRef<HTMLTextAreaElement>(null);
  const detail = useQuery({
    queryKey: editorKeys.change(actor, change.id),
    queryFn: () => editor!.getChange(actor, change.id),
  });
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);

  const decide = async (decision: 'approve' | 'reject') => {
    if (decision === 'reject' && !comment.trim()) {
      setCommentError(t('editor.review.commentRequired'));
      commentRef.current?.focus();
      return;
    }
    setBusy(true);
    try {
      const r = await editor!.review(actor, change.id, decision, comment);
      await refresh({ publicData: r.status === 'approved' });
      if (r.status === 'approved') onDone(true, t('editor.review.approved'));
      else if (r.status === 'rejected') onDone(true, t('editor.review.rejected'));
      else onDone(false, t('editor.review.conflict'));
    } catch (e) {
      onDone(false, t('editor.form.failed', { reason: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(false);
    }
  };

  if (detail.isPending) return <p>{t('common.loading')}</p>;
  if (detail.isError || !detail.data) return <p className="error-text">{detail.error?.message ?? t('editor.notFound')}</p>;
  const published: Listing | null = detail.data.published;
  const diff = diffListings(published, change.proposed).filter((d) => published || d.field !== 'id');
  const ctx = { t, label, locale };
  const commentId = fieldId(`comment-${change.id}`);
  return (
    <div className="editor-change">
      <h3 tabIndex={-1} ref={headingRef}>
        {t('editor.review.diff')}
      </h3>
      {!published && <p>{t('editor.review.newListing')}</p>}
      <div className="table-scroll">
        <table className="diff-table">
          <thead>
            <tr>
              <th scope="col">{t('editor.review.field')}</th>
              <th scope="col">{t('editor.review.before')}</th>
              <th scope="col">{t('editor.review.after')}</th>
            </tr>
          </thead>
          <tbody>
            {diff.map((d) => (
              <tr key={d.field}>
                <th scope="row">{fieldLabel(d.field, t)}</th>
                <td>
                  <del>{formatValue(d.field, d.before, ctx)}</del>
                </td>
                <td>
                  <ins>{formatValue(d.field, d.after, ctx)}</ins>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="form-field">
        <label htmlFor={commentId}>{t('editor.review.comment')}</label>
        <textarea
          id={commentId}
          ref={commentRef}
          rows={3}
          value={comment}
          aria-invalid={commentError ? true : undefined}
          aria-describedby={commentError ? `${commentId}-error` : undefined}
          onChange={(e) => (setComment(e.target.value), setCommentError(null))}
        />
        {commentError && (
          <p id={`${commentId}-error`} className="field-error">
            <span aria-hidden="true">⚠ </span>
            {commentError}
          </p>
        )}
      </div>
      <div className="editor-actions">
        <button type="button" className="button" disabled={busy} onClick={() => void decide('approve')}>
          {t('editor.review.approve')}
        </button>
        <button type="button" className="button button--secondary" disabled={busy} onClick={() => void decide('reject')}>
          {t('editor.review.reject')}
        </button>
      </div>
    </div>
  );
}
