// 「自分の団体の掲載」: a coordinator's listings with what needs attention first (stale, sent back,
// reported, waiting), one-click 「変更なし（内容を確認しました）」, and links to edit. Staff and
// admins pick an organization, and see the review and report queues and every stale listing.
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import type { ListingSummary } from '../../../data/editor-port';
import { useI18n } from '../../../i18n/i18n';
import { formatIsoDate } from '../../../lib/format';
import { getConfig } from '../../../config/env';
import { editorKeys, organizationsOptions, useEditor } from '../api/editor-queries';
import { EditorGate } from './editor-gate';

export function EditorHome() {
  return (
    <EditorGate>
      <Home />
    </EditorGate>
  );
}

function staleDays(): number {
  return getConfig().staleAfterDays;
}

function Home() {
  const { t } = useI18n();
  const { editor, actor, role, source } = useEditor();
  const [, navigate] = useLocation();
  const search = new URLSearchParams(useSearch());
  const staff = role === 'staff' || role === 'admin';
  const orgId = staff ? (search.get('org') ?? '') : (actor.organizationIds[0] ?? '');
  const days = staleDays();
  const orgs = useQuery(organizationsOptions(source));
  const listings = useQuery({
    queryKey: editorKeys.listings(actor, { orgId, days }),
    queryFn: () => editor!.listListings(actor, { orgId, staleAfterDays: days }),
    enabled: Boolean(orgId),
  });
  const pending = useQuery({
    queryKey: editorKeys.changes(actor, { status: 'pending' }),
    queryFn: () => editor!.listChanges(actor, { status: 'pending' }),
    enabled: staff,
  });
  const reports = useQuery({
    queryKey: editorKeys.reports(actor, { status: 'open' }),
    queryFn: () => editor!.listReports(actor, { status: 'open' }),
    enabled: staff,
  });
  const staleAll = useQuery({
    queryKey: editorKeys.listings(actor, { staleOnly: true, days }),
    queryFn: () => editor!.listListings(actor, { staleOnly: true, staleAfterDays: days, limit: 100 }),
    enabled: staff && !orgId,
  });
  const org = orgs.data?.find((o) => o.id === orgId);
  const pickId = useId();

  return (
    <div>
      <h1>{staff ? t('editor.staffTitle') : t('editor.title')}</h1>
      {staff && (
        <ul className="editor-links">
          <li>
            <Link href="/review">{t('editor.reviewQueue', { n: pending.data?.length ?? '…' })}</Link>
          </li>
          <li>
            <Link href="/reports">{t('editor.reportQueue', { n: reports.data?.length ?? '…' })}</Link>
          </li>
        </ul>
      )}
      {staff && (
        <p className="form-field">
          <label htmlFor={pickId}>{t('editor.pickOrganization')}</label>
          <select id={pickId} value={orgId} onChange={(e) => navigate(e.target.value ? `/?org=${encodeURIComponent(e.target.value)}` : '/')}>
            <option value="">—</option>
            {orgs.data
              ?.filter((o) => o.listings > 0)
              .map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
          </select>
        </p>
      )}
      {!staff && !orgId && <p>{t('editor.noOrganization')}</p>}
      {org && (
        <>
          <h2 className="editor-org">{org.name}</h2>
          <p className="form-field__help">{org.trusted ? t('editor.trusted') : t('editor.untrusted')}</p>
          <p>
            <Link href={`/site/new?org=${encodeURIComponent(org.id)}`} className="button button--secondary">
              {t('editor.newSite')}
            </Link>
          </p>
        </>
      )}
      {listings.isError && <p className="error-text">{listings.error.message}</p>}
      {listings.data && <OrgListings list={listings.data} days={days} />}
      {staff && !orgId && staleAll.data && (
        <section aria-labelledby="stale-all">
          <h2 id="stale-all">{t('editor.staleAll', { n: staleAll.data.length })}</h2>
          <ListingTable list={staleAll.data} />
        </section>
      )}
    </div>
  );
}

function OrgListings({ list, days }: { list: ListingSummary[]; days: number }) {
  const { t } = useI18n();
  const groups = [
    { key: 'rejected', title: t('editor.group.rejected'), items: list.filter((l) => l.rejected) },
    { key: 'reported', title: t('editor.group.reported'), items: list.filter((l) => l.openReports > 0) },
    { key: 'stale', title: t('editor.group.stale', { days }), items: list.filter((l) => l.stale && l.status === 'published') },
    { key: 'pending', title: t('editor.group.pending'), items: list.filter((l) => l.pendingChangeId) },
  ].filter((g) => g.items.length > 0);
  return (
    <>
      <section aria-labelledby="attention">
        <h2 id="attention">{t('editor.attention')}</h2>
        {groups.length === 0 && <p>{t('editor.nothingToDo')}</p>}
        {groups.map((g) => (
          <section key={g.key} aria-labelledby={`group-${g.key}`} className="editor-group">
            <h3 id={`group-${g.key}`}>
              {g.title}（{g.items.length}）
            </h3>
            <ListingTable list={g.items} />
          </section>
        ))}
      </section>
      <section aria-labelledby="all-listings">
        <h2 id="all-listings">{t('editor.allListings', { n: list.length })}</h2>
        <ListingTable list={list} />
      </section>
    </>
  );
}

function ListingTable({ list }: { list: ListingSummary[] }) {
  const { t, locale } = useI18n();
  const { editor, actor, refresh } = useEditor();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const verify = async (l: ListingSummary) => {
    try {
      const r = await editor!.verify(actor, l.kind, l.id, l.updatedAt);
      if (r.status === 'published') setMessage({ ok: true, text: t('editor.verified', { name: l.name }) });
      else if (r.status === 'conflict') setMessage({ ok: false, text: t('editor.form.conflict') });
      await refresh();
    } catch (e) {
      setMessage({ ok: false, text: t('editor.form.failed', { reason: e instanceof Error ? e.message : String(e) }) });
    }
  };
  return (
    <>
      <div role="status">{message?.ok && <p className="notice notice--ok">{message.text}</p>}</div>
      <div role="alert">{message && !message.ok && <p className="notice notice--error">{message.text}</p>}</div>
      <div className="table-scroll">
        <table className="editor-table">
          <thead>
            <tr>
              <th scope="col">{t('editor.col.name')}</th>
              <th scope="col" className="editor-table__kind">
                {t('editor.col.kind')}
              </th>
              <th scope="col">{t('editor.col.lastVerified')}</th>
              <th scope="col">{t('editor.col.state')}</th>
              <th scope="col">{t('editor.col.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((l) => (
              <tr key={`${l.kind}:${l.id}`}>
                <th scope="row">
                  <Link href={`/${l.kind}/${encodeURIComponent(l.id)}`} aria-label={t('editor.editNamed', { name: l.name })}>
                    {l.name}
                  </Link>
                  <span className="editor-table__kind-inline">（{t(`editor.kind.${l.kind}`)}）</span>
                </th>
                <td className="editor-table__kind">{t(`editor.kind.${l.kind}`)}</td>
                <td>
                  {formatIsoDate(l.lastVerified, locale)}
                  {l.stale && <span className="chip chip--stale"> {t('editor.staleBadge')}</span>}
                </td>
                <td>
                  {t(`editor.status.${l.status}`)}
                  {l.pendingChangeId && <span className="chip"> {t('editor.pendingBadge')}</span>}
                  {l.openReports > 0 && <span className="chip"> {t('editor.reports', { n: l.openReports })}</span>}
                  {l.rejected && <div className="error-text">{t('editor.rejectedComment', { comment: l.rejected.comment })}</div>}
                </td>
                <td>
                  {l.status === 'published' && (
                    <button type="button" className="button button--secondary button--small" onClick={() => void verify(l)} aria-label={t('editor.verifyNamed', { name: l.name })}>
                      {t('editor.verify')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
