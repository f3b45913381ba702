// The site and menu edit page: a validated form, 「変更なし（内容を確認しました）」, the history
// with restore. A save carries the updatedAt the form started from; when someone saved first the
// save is refused, the form keeps what was typed and the other person's changes are listed field
// by field (editor-port.ts).
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { Link, useLocation, useParams, useSearch } from 'wouter';
import type { Menu, Site } from '../../../domain/model';
import type { Listing, ListingKind, Revision } from '../../../domain/editing/types';
import { diffListings } from '../../../domain/editing/diff';
import { todayInJapan } from '../../../domain/schedule/dates';
import { CATEGORY_BY_ID } from '../../../domain/taxonomy';
import type { DuplicateMatch, ListingForEdit, SaveResult } from '../../../data/editor-port';
import { useI18n } from '../../../i18n/i18n';
import { formatDateTime } from '../format';
import { editorKeys, useEditor } from '../api/editor-queries';
import { cleanMenu, cleanSite, fieldLabel, formatValue, listingName } from '../listing-text';
import { toFieldErrors, type FieldErrors } from './form-kit';
import { MenuFields, SiteFields } from './listing-fields';
import { EditorGate } from './editor-gate';

type Notice = { kind: 'ok' | 'error'; text: string } | null;

function blankSite(orgId: string, near: Site | undefined): Site {
  const today = todayInJapan();
  return {
    id: 'new',
    orgId,
    name: '',
    kana: '',
    categoryId: near?.categoryId ?? 'multigenerational_place',
    fields: near ? [...near.fields] : [...CATEGORY_BY_ID.multigenerational_place.fields],
    location: near ? [...near.location] : [Number.NaN, Number.NaN],
    address: '',
    municipalityCode: near?.municipalityCode ?? '',
    contact: {},
    accessibility: [],
    description: '',
    status: 'published',
    visibility: 'public',
    confidential: false,
    serviceAreaIds: [],
    lastVerified: today,
    updatedAt: '',
  };
}

function blankMenu(orgId: string, siteId: string | null): Menu {
  return {
    id: 'new',
    siteId,
    orgId,
    title: '',
    description: '',
    needs: [],
    targets: [],
    schedule: { rules: [{ freq: 'WEEKLY', interval: 1, byday: ['MO'], opensAt: '10:00', closesAt: '12:00' }], closedOnHolidays: false, irregular: false },
    cost: { kind: 'free' },
    capacity: { availability: 'unknown' },
    ease: [],
    languages: [],
    serviceAreaIds: [],
    visibility: 'public',
    status: 'published',
    lastVerified: todayInJapan(),
    updatedAt: '',
  };
}

export function ListingEditPage() {
  const params = useParams<{ kind: string; id: string }>();
  const kind: ListingKind = params.kind === 'menu' ? 'menu' : 'site';
  return (
    <EditorGate>
      <ListingEditor key={`${kind}:${params.id}`} kind={kind} id={params.id} />
    </EditorGate>
  );
}

function ListingEditor({ kind, id }: { kind: ListingKind; id: string }) {
  const { t } = useI18n();
  const { editor, actor } = useEditor();
  const search = new URLSearchParams(useSearch());
  const creating = id === 'new';
  const parentSiteId = search.get('site');
  const orgParam = search.get('org');

  const listing = useQuery({
    queryKey: editorKeys.listing(actor, kind, id),
    queryFn: () => editor!.getListing(actor, kind, id),
    enabled: Boolean(editor) && !creating,
    staleTime: Infinity,
    gcTime: 0,
  });
  // a new menu starts at its site (the organization comes from the site); a new site near the org's others
  const parent = useQuery({
    queryKey: editorKeys.listing(actor, 'site', parentSiteId ?? ''),
    queryFn: () => editor!.getListing(actor, 'site', parentSiteId!),
    enabled: Boolean(editor) && creating && Boolean(parentSiteId),
  });
  const orgId = creating ? (parent.data?.current.orgId ?? orgParam ?? actor.organizationIds[0] ?? '') : (listing.data?.current.orgId ?? '');
  const siblings = useQuery({
    queryKey: editorKeys.listings(actor, { orgId }),
    queryFn: () => editor!.listListings(actor, { orgId }),
    enabled: Boolean(editor) && Boolean(orgId),
  });
  const firstSite = useQuery({
    queryKey: editorKeys.listing(actor, 'site', siblings.data?.find((l) => l.kind === 'site')?.id ?? ''),
    queryFn: () => editor!.getListing(actor, 'site', siblings.data!.find((l) => l.kind === 'site')!.id),
    enabled: Boolean(editor) && creating && kind === 'site' && Boolean(siblings.data?.some((l) => l.kind === 'site')),
  });

  if (creating) {
    if (kind === 'menu' && parentSiteId && !parent.data) return <p>{parent.isError ? String(parent.error.message) : t('common.loading')}</p>;
    if (!orgId) return <p>{t('editor.noOrganization')}</p>;
    if (kind === 'site' && (siblings.isPending || (siblings.data?.some((l) => l.kind === 'site') && firstSite.isPending))) return <p>{t('common.loading')}</p>;
    const start: Listing = kind === 'site' ? blankSite(orgId, firstSite.data?.current as Site | undefined) : blankMenu(orgId, parentSiteId);
    return <ListingForm kind={kind} opened={null} start={start} sites={sitesOf(siblings.data)} />;
  }
  if (listing.isPending) return <p>{t('common.loading')}</p>;
  if (listing.isError) return <p className="error-text">{listing.error.message}</p>;
  if (!listing.data) return <p>{t('editor.notFound')}</p>;
  return <ListingForm kind={kind} opened={listing.data} start={listing.data.current} sites={sitesOf(siblings.data)} />;
}

function sitesOf(list: { kind: ListingKind; id: string; name: string }[] | undefined) {
  return (list ?? []).filter((l) => l.kind === 'site').map((l) => ({ id: l.id, name: l.name }));
}

function ListingForm({ kind, opened, start, sites }: { kind: ListingKind; opened: ListingForEdit | null; start: Listing; sites: { id: string; name: string }[] }) {
  const { t, label, locale } = useI18n();
  const { editor, actor, refresh } = useEditor();
  const [, navigate] = useLocation();
  const formRef = useRef<HTMLFormElement>(null);
  /** the version the form started from: its updatedAt goes with the save */
  const [base, setBase] = useState<Listing | null>(opened ? opened.current : null);
  const [draft, setDraft] = useState<Listing>(start);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [focusErrors, setFocusErrors] = useState(0);
  const [notice, setNotice] = useState<Notice>(() => (window.history.state as { notice?: Notice } | null)?.notice ?? null);
  const [conflict, setConflict] = useState<Listing | null>(null);
  const [duplicates, setDuplicates] = useState<DuplicateMatch[] | null>(null);
  const [saving, setSaving] = useState(false);
  const conflictRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!focusErrors) return;
    // the first problem in page order (the widgets mark theirs with aria-invalid)
    formRef.current?.querySelector<HTMLElement>('[data-invalid="true"], [aria-invalid="true"]')?.focus();
  }, [focusErrors]);
  useEffect(() => {
    if (conflict) conflictRef.current?.focus();
  }, [conflict]);

  const creating = opened === null;
  const publishesDirectly = opened ? opened.publishesDirectly : actor.role !== 'coordinator';
  const tr = { t, label, locale };

  const validate = async (record: Listing): Promise<FieldErrors> => {
    const { siteSchema, menuSchema } = await import('../../../domain/model');
    const r = kind === 'site' ? siteSchema.safeParse({ ...record, updatedAt: record.updatedAt || 'new' }) : menuSchema.safeParse({ ...record, updatedAt: record.updatedAt || 'new' });
    return r.success ? {} : toFieldErrors(r.error.issues, t);
  };

  const handle = async (result: SaveResult) => {
    switch (result.status) {
      case 'published':
      case 'pending': {
        const saved = result.status === 'published' ? result.record : result.change.proposed;
        setBase(saved);
        setDraft(saved);
        setErrors({});
        setConflict(null);
        setDuplicates(null);
        const done: Notice = { kind: 'ok', text: result.status === 'published' ? t('editor.form.published') : t('editor.form.pending') };
        setNotice(done);
        await refresh({ publicData: result.status === 'published' });
        // the new listing's own page, which opens with the same message
        if (creating) navigate(`/${kind}/${encodeURIComponent(saved.id)}`, { replace: true, state: { notice: done } });
        return;
      }
      case 'conflict':
        setConflict(result.current);
        setNotice({ kind: 'error', text: t('editor.form.conflict') });
        return;
      case 'invalid': {
        const errs = toFieldErrors(result.issues, t);
        setErrors(errs);
        setNotice({ kind: 'error', text: t('editor.form.invalid', { n: Object.keys(errs).length }) });
        setFocusErrors((n) => n + 1);
        return;
      }
      case 'duplicates':
        setDuplicates(result.matches);
        setNotice({ kind: 'error', text: t('editor.form.duplicates') });
    }
  };

  const save = async (acknowledgeDuplicates = false) => {
    if (!editor || saving) return;
    const record = kind === 'site' ? cleanSite(draft as Site) : cleanMenu(draft as Menu);
    const errs = await validate(record);
    setErrors(errs);
    if (Object.keys(errs).length) {
      setNotice({ kind: 'error', text: t('editor.form.invalid', { n: Object.keys(errs).length }) });
      setFocusErrors((n) => n + 1);
      return;
    }
    setSaving(true);
    try {
      await handle(await editor.save(actor, { kind, record, baseUpdatedAt: base?.updatedAt ?? null, acknowledgeDuplicates }));
    } catch (e) {
      setNotice({ kind: 'error', text: t('editor.form.failed', { reason: e instanceof Error ? e.message : String(e) }) });
    } finally {
      setSaving(false);
    }
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void save();
  };

  const verify = async () => {
    if (!editor || !base) return;
    try {
      const r = await editor.verify(actor, kind, base.id, base.updatedAt);
      if (r.status === 'published') {
        setBase(r.record);
        setDraft((d) => ({ ...d, lastVerified: r.record.lastVerified, updatedAt: r.record.updatedAt }) as Listing);
        setNotice({ kind: 'ok', text: t('editor.verified', { name: listingName(r.record) }) });
        await refresh();
      } else await handle(r);
    } catch (e) {
      setNotice({ kind: 'error', text: t('editor.form.failed', { reason: e instanceof Error ? e.message : String(e) }) });
    }
  };

  const listingId = opened ? opened.current.id : null;
  const lastChange = useQuery({
    queryKey: editorKeys.changes(actor, { listingId }),
    queryFn: async () => (await editor!.listChanges(actor, { listingId: listingId! })).filter((c) => c.kind === kind).at(-1) ?? null,
    enabled: Boolean(editor && listingId),
  });
  const reports = useQuery({
    queryKey: editorKeys.reports(actor, { kind, listingId }),
    queryFn: async () => {
      const siteId = kind === 'site' ? listingId! : (start as Menu).siteId;
      if (!siteId) return [];
      const open = await editor!.listReports(actor, { status: 'open', siteId });
      return open.filter((r) => (kind === 'site' ? !r.menuId : r.menuId === listingId));
    },
    enabled: Boolean(editor && listingId),
  });

  const withdraw = async (changeId: string) => {
    try {
      await editor!.withdraw(actor, changeId);
      const fresh = await editor!.getListing(actor, kind, opened!.current.id);
      await refresh({ publicData: false });
      // a new listing that was only a proposal is gone with it
      if (!fresh) return navigate('/');
      setBase(fresh.current);
      setDraft(fresh.current);
      setNotice({ kind: 'ok', text: t('editor.form.withdrawn') });
    } catch (e) {
      setNotice({ kind: 'error', text: t('editor.form.failed', { reason: e instanceof Error ? e.message : String(e) }) });
    }
  };

  const theirChanges = useMemo(() => (conflict && base ? diffListings(base, conflict) : []), [conflict, base]);
  const title = creating ? t(kind === 'site' ? 'editor.form.siteNew' : 'editor.form.menuNew') : t(kind === 'site' ? 'editor.form.siteTitle' : 'editor.form.menuTitle');

  return (
    <div className="editor-form-page">
      <p>
        <Link href="/">{t('editor.back')}</Link>
      </p>
      <h1>
        {title}
        {!creating && `: ${listingName(start)}`}
      </h1>
      {opened && <p>{opened.organization.name}</p>}
      {opened?.pending && (
        <div className="notice">
          <p>{t('editor.form.pendingExisting')}</p>
          <button type="button" className="button button--secondary button--small" onClick={() => void withdraw(opened.pending!.id)}>
            {t('editor.form.withdraw')}
          </button>
        </div>
      )}
      {!opened?.pending && lastChange.data?.status === 'rejected' && (
        <p className="notice notice--error">{t('editor.form.rejected', { comment: lastChange.data.comment ?? '' })}</p>
      )}
      {reports.data && reports.data.length > 0 && (
        <section aria-labelledby="listing-reports" className="editor-conflict">
          <h2 id="listing-reports">{t('editor.group.reported')}</h2>
          <ul>
            {reports.data.map((r) => (
              <li key={r.id}>
                <strong>{t(`report.kind.${r.kind}`)}</strong>（{formatDateTime(r.createdAt, locale)}）: {r.message}
              </li>
            ))}
          </ul>
        </section>
      )}
      <p className="form-field__help">{publishesDirectly ? t('editor.form.publishesDirectly') : t('editor.form.needsReview')}</p>
      {!creating && base && opened?.published && (
        <p>
          {fieldLabel('lastVerified', t)}: {base.lastVerified}{' '}
          <button type="button" className="button button--secondary" onClick={() => void verify()}>
            {t('editor.verify')}
          </button>
        </p>
      )}

      <div role="status" className="editor-notice">
        {notice?.kind === 'ok' && <p className="notice notice--ok">{notice.text}</p>}
      </div>
      <div role="alert" className="editor-notice">
        {notice?.kind === 'error' && <p className="notice notice--error">{notice.text}</p>}
      </div>

      {conflict && (
        <div className="editor-conflict" tabIndex={-1} ref={conflictRef} aria-labelledby="conflict-title">
          <h2 id="conflict-title">{t('editor.form.conflictTable')}</h2>
          <div className="table-scroll">
            <table className="diff-table">
              <thead>
                <tr>
                  <th scope="col">{t('editor.review.field')}</th>
                  <th scope="col">{t('editor.form.theirs')}</th>
                  <th scope="col">{t('editor.form.yours')}</th>
                </tr>
              </thead>
              <tbody>
                {theirChanges.map((d) => (
                  <tr key={d.field}>
                    <th scope="row">{fieldLabel(d.field, t)}</th>
                    <td>{formatValue(d.field, d.after, tr)}</td>
                    <td>{formatValue(d.field, (draft as Record<string, unknown>)[d.field], tr)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="editor-actions">
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                setBase(conflict);
                setDraft(conflict);
                setConflict(null);
                setNotice(null);
              }}
            >
              {t('editor.form.takeTheirs')}
            </button>
            <button
              type="button"
              className="button"
              onClick={() => {
                // explicit: the user has seen their changes and chooses to save over them
                setBase(conflict);
                setConflict(null);
                void save();
              }}
            >
              {t('editor.form.keepMine')}
            </button>
          </div>
        </div>
      )}

      {duplicates && (
        <div className="notice">
          <ul>
            {duplicates.map((d) => (
              <li key={d.id}>{t('editor.form.duplicateItem', { name: d.name, distance: d.distanceM })}</li>
            ))}
          </ul>
          <button type="button" className="button button--secondary" onClick={() => void save(true)}>
            {t('editor.form.saveAnyway')}
          </button>
        </div>
      )}

      <form ref={formRef} onSubmit={onSubmit} noValidate className="editor-form" aria-label={title}>
        {kind === 'site' ? (
          <SiteFields draft={draft as Site} onChange={setDraft} errors={errors} showErrors={focusErrors > 0} />
        ) : (
          <MenuFields draft={draft as Menu} onChange={setDraft} errors={errors} sites={sites} showErrors={focusErrors > 0} />
        )}
        <div className="editor-actions">
          <button type="submit" className="button" disabled={saving}>
            {saving ? t('editor.form.saving') : publishesDirectly ? t('editor.form.save') : t('editor.form.submit')}
          </button>
        </div>
      </form>

      {!creating && kind === 'site' && (
        <p>
          <Link href={`/menu/new?site=${encodeURIComponent(start.id)}`}>{t('editor.newMenu')}</Link>
        </p>
      )}
      {!creating && opened?.published && base && (
        <History
          kind={kind}
          id={start.id}
          base={base}
          onResult={handle}
          onError={(reason) => setNotice({ kind: 'error', text: t('editor.form.failed', { reason }) })}
        />
      )}
    </div>
  );
}

type HistoryProps = { kind: ListingKind; id: string; base: Listing; onResult(r: SaveResult): Promise<void>; onError(reason: string): void };

function History({ kind, id, base, onResult, onError }: HistoryProps) {
  const { t, locale } = useI18n();
  const { editor, actor } = useEditor();
  const history = useQuery({
    queryKey: editorKeys.history(actor, kind, id),
    queryFn: () => editor!.getHistory(actor, kind, id),
    enabled: Boolean(editor),
  });
  const restore = async (rev: Revision) => {
    try {
      await onResult(await editor!.restore(actor, rev.id, base.updatedAt));
    } catch (e) {
      onError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <section aria-labelledby="history-title" className="editor-history">
      <h2 id="history-title">{t('editor.history')}</h2>
      {history.data?.length === 0 && <p>{t('editor.history.none')}</p>}
      <ol className="plain-list">
        {history.data?.map((rev, k) => {
          const at = formatDateTime(rev.at, locale);
          return (
            <li key={rev.id} className="editor-history__item">
              <p>
                {t('editor.history.entry', { at, who: rev.by, action: t(`editor.action.${rev.action}`) })}
                {rev.approvedBy && ` ${t('editor.history.approvedBy', { who: rev.approvedBy })}`}
              </p>
              <p>{t('editor.history.changed', { fields: rev.changedFields.map((f) => fieldLabel(f, t)).join('、') || '—' })}</p>
              {k > 0 && (
                <button type="button" className="button button--secondary button--small" aria-label={t('editor.history.restoreNamed', { at })} onClick={() => void restore(rev)}>
                  {t('editor.history.restore')}
                </button>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
