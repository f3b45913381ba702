// /staff/cases/:id: one case. Results per member (results-section.tsx), the shortlist, referrals
// (つなぎ) with the status flow and the next follow-up date, the unmet needs recorded for the case,
// and notes with the timeline.
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { Link, useParams } from 'wouter';
import type { CaseRecord, Referral, ShortlistItem, StaffCatalog } from '../../../data/case-port';
import { REFERRAL_REASONS, REFERRAL_REASON_LABELS, REFERRAL_STATUS_LABELS, isActiveReferral, isExit, nextStatuses, type ReferralStatus } from '../../../domain/case/referral';
import { BLOCKING_CONSTRAINT_LABELS } from '../../../domain/matching/describe';
import { addDays, todayInJapan } from '../../../domain/schedule/dates';
import { NEED_LABELS, type NeedId } from '../../../domain/taxonomy';
import { useI18n } from '../../../i18n/i18n';
import { formatIsoDate } from '../../../lib/format';
import { matchCase } from '../api/matching';
import {
  errorMessage,
  useAddNote,
  useCase,
  useCaseAudit,
  useCaseUnmet,
  useCatalog,
  useCreateReferral,
  useRecordUnmet,
  useReferrals,
  useShortlist,
  useTimeline,
  useUpdateReferral,
} from '../api/staff-port';
import { lookupOf } from './catalog-lookup';
import { memberLabel, travelModeLabel } from './labels';
import { ResultsSection } from './results-section';

function formatInstant(iso: string, locale: string): string {
  return new Date(iso).toLocaleString(locale === 'en' ? 'en-GB' : 'ja-JP', { timeZone: 'Asia/Tokyo', dateStyle: 'medium', timeStyle: 'short' });
}

function ShortlistSection({ c, catalog, shortlist, referrals, today }: { c: CaseRecord; catalog: StaffCatalog; shortlist: ShortlistItem[]; referrals: Referral[]; today: string }) {
  const { t, locale } = useI18n();
  const create = useCreateReferral();
  const [dates, setDates] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const l = lookupOf(catalog);
  const referred = (s: ShortlistItem) => referrals.some((r) => r.memberId === s.memberId && r.menuId === s.menuId && isActiveReferral(r.status));
  const refer = (s: ShortlistItem, title: string) => {
    const menu = l.menu(s.menuId);
    const site = l.site(menu?.siteId ?? null);
    const key = `${s.memberId}|${s.menuId}`;
    create.mutate(
      { caseId: c.id, input: { memberId: s.memberId, menuId: s.menuId, siteId: menu?.siteId ?? null, menuTitle: title, siteName: site?.name ?? null, nextFollowUp: dates[key] ?? addDays(today, 7) } },
      { onSuccess: () => setMessage({ ok: true, text: t('staff.referred', { title }) }), onError: (e) => setMessage({ ok: false, text: errorMessage(e) }) },
    );
  };
  return (
    <section aria-labelledby="shortlist-heading" className="staff-section">
      <h2 id="shortlist-heading">{t('staff.shortlist')}</h2>
      {shortlist.length === 0 && <p>{t('staff.shortlistEmpty')}</p>}
      <ul className="plain-list staff-cards">
        {shortlist.map((s) => {
          const member = c.members.find((m) => m.id === s.memberId);
          const menu = l.menu(s.menuId);
          const title = menu?.title ?? s.menuId;
          const key = `${s.memberId}|${s.menuId}`;
          const inputId = `first-follow-${key}`;
          return (
            <li key={key} className="staff-card">
              <p>
                <strong>{title}</strong>（{l.site(menu?.siteId ?? null)?.name ?? t('staff.outreach')}）— {member ? memberLabel(member, locale) : s.memberId}
              </p>
              {referred(s) ? (
                <p>{t('staff.alreadyReferred')}</p>
              ) : (
                <div className="staff-row">
                  <label className="staff-field" htmlFor={inputId}>
                    {t('staff.firstFollowUp', { title })}
                  </label>
                  <input id={inputId} className="text-input staff-date" type="date" min={today} value={dates[key] ?? addDays(today, 7)} onChange={(e) => setDates((d) => ({ ...d, [key]: e.target.value }))} />
                  <button type="button" className="button button--small" aria-label={`${t('staff.refer')}: ${title}`} onClick={() => refer(s, title)} disabled={create.isPending}>
                    {t('staff.refer')}
                  </button>
                </div>
              )}
            </li>
          );
        })}
      </ul>
      {message && (
        <p role="status" className={message.ok ? 'staff-ok' : 'error-text'}>
          {message.text}
        </p>
      )}
    </section>
  );
}

function ReferralCard({ r, c, today }: { r: Referral; c: CaseRecord; today: string }) {
  const { t, label, locale } = useI18n();
  const update = useUpdateReferral();
  const options = nextStatuses(r.status);
  const [status, setStatus] = useState<ReferralStatus | ''>('');
  const [reason, setReason] = useState('');
  const [date, setDate] = useState(r.nextFollowUp ?? addDays(today, 7));
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const member = c.members.find((m) => m.id === r.memberId);
  const chosen = status || null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!chosen) return setMessage({ ok: false, text: t('staff.chooseStatus') });
    const active = isActiveReferral(chosen);
    update.mutate(
      { id: r.id, update: { status: chosen, reason: isExit(chosen) ? reason || null : null, nextFollowUp: active ? date : null } },
      {
        onSuccess: () => {
          setMessage({ ok: true, text: t('staff.referralUpdated', { status: label(REFERRAL_STATUS_LABELS[chosen]) }) });
          setStatus('');
          setReason('');
        },
        onError: (err) => setMessage({ ok: false, text: errorMessage(err) }),
      },
    );
  };
  const uid = r.id;
  return (
    <li className="staff-card">
      <p>
        <strong>{r.menuTitle}</strong>
        {r.siteName && `（${r.siteName}）`} — {member ? memberLabel(member, locale) : r.memberId}
      </p>
      <p>
        <span className={`chip chip--status chip--${isActiveReferral(r.status) ? 'active' : 'ended'}`}>{label(REFERRAL_STATUS_LABELS[r.status])}</span>
        {r.reason && ` ${label(REFERRAL_REASON_LABELS[r.reason] ?? { ja: r.reason, en: r.reason })}`}
        {r.nextFollowUp && ` ${t('staff.nextFollowUpOn', { date: formatIsoDate(r.nextFollowUp, locale) })}`}
      </p>
      <ol className="referral-steps" aria-label={t('staff.history')}>
        {r.history.map((h, i) => (
          <li key={i}>
            {formatInstant(h.at, locale)} {label(REFERRAL_STATUS_LABELS[h.status])}
          </li>
        ))}
      </ol>
      {options.length > 0 && (
        <form className="staff-row" onSubmit={submit}>
          <label className="staff-field">
            {t('staff.nextStatus')}
            <select className="select" aria-label={`${t('staff.nextStatus')}（${r.menuTitle}）`} value={status} onChange={(e) => setStatus(e.target.value as ReferralStatus | '')}>
              <option value="">{t('help.chooseAreaPlaceholder')}</option>
              {options.map((s) => (
                <option key={s} value={s}>
                  {label(REFERRAL_STATUS_LABELS[s])}
                </option>
              ))}
            </select>
          </label>
          {chosen && isExit(chosen) && (
            <label className="staff-field">
              {t('staff.reason')}
              <select className="select" value={reason} onChange={(e) => setReason(e.target.value)}>
                <option value="">{t('help.chooseAreaPlaceholder')}</option>
                {REFERRAL_REASONS[chosen].map((code) => (
                  <option key={code} value={code}>
                    {label(REFERRAL_REASON_LABELS[code]!)}
                  </option>
                ))}
              </select>
            </label>
          )}
          {(!chosen || isActiveReferral(chosen)) && (
            <label className="staff-field" htmlFor={`follow-${uid}`}>
              {t('staff.nextFollowUp')}
            </label>
          )}
          {(!chosen || isActiveReferral(chosen)) && <input id={`follow-${uid}`} aria-label={`${t('staff.nextFollowUp')}（${r.menuTitle}）`} className="text-input staff-date" type="date" min={today} value={date} onChange={(e) => setDate(e.target.value)} />}
          <button type="submit" className="button button--small" aria-label={`${t('staff.updateReferral')}（${r.menuTitle}）`} disabled={update.isPending}>
            {t('staff.updateReferral')}
          </button>
        </form>
      )}
      {message && (
        <p role="status" className={message.ok ? 'staff-ok' : 'error-text'}>
          {message.text}
        </p>
      )}
    </li>
  );
}

function TimelineSection({ c }: { c: CaseRecord }) {
  const { t, label, locale } = useI18n();
  const timeline = useTimeline(c.id);
  const add = useAddNote();
  const [text, setText] = useState('');
  const [memberId, setMemberId] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate(
      { caseId: c.id, text, memberId: memberId || null },
      { onSuccess: () => (setText(''), setMessage({ ok: true, text: t('staff.noteAdded') })), onError: (err) => setMessage({ ok: false, text: errorMessage(err) }) },
    );
  };
  const entryText = (e: NonNullable<typeof timeline.data>[number]) => {
    const who = e.memberId ? c.members.find((m) => m.id === e.memberId) : undefined;
    const whoText = who ? `${memberLabel(who, locale)}: ` : '';
    switch (e.kind) {
      case 'note':
        return `${whoText}${e.text ?? ''}`;
      case 'referral_created':
      case 'referral_status':
        return `${whoText}${e.text ?? ''} → ${e.status ? label(REFERRAL_STATUS_LABELS[e.status]) : ''}`;
      case 'unmet_recorded':
        return `${whoText}${e.text && e.text in NEED_LABELS ? label(NEED_LABELS[e.text as NeedId]) : (e.text ?? '')}`;
      default:
        return '';
    }
  };
  return (
    <section aria-labelledby="timeline-heading" className="staff-section">
      <h2 id="timeline-heading">{t('staff.timeline')}</h2>
      <form onSubmit={submit} className="staff-note-form">
        <label className="staff-field" htmlFor="note-text">
          {t('staff.note')}
        </label>
        <p id="note-help" className="staff-hint">
          {t('staff.noteHelp')}
        </p>
        <textarea id="note-text" className="text-input" rows={3} value={text} onChange={(e) => setText(e.target.value)} aria-describedby="note-help" />
        <div className="staff-row">
          <label className="staff-field">
            {t('staff.noteAbout')}
            <select className="select" value={memberId} onChange={(e) => setMemberId(e.target.value)}>
              <option value="">{t('staff.wholeHousehold')}</option>
              {c.members.map((m) => (
                <option key={m.id} value={m.id}>
                  {memberLabel(m, locale)}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="button button--small" disabled={add.isPending}>
            {t('staff.addNote')}
          </button>
        </div>
        {message && (
          <p role="status" className={message.ok ? 'staff-ok' : 'error-text'}>
            {message.text}
          </p>
        )}
      </form>
      <ol className="plain-list timeline" aria-label={t('staff.timeline')}>
        {timeline.data?.map((e) => (
          <li key={e.id}>
            <time dateTime={e.at}>{formatInstant(e.at, locale)}</time> <strong>{t(`staff.timelineKind.${e.kind}`)}</strong> {entryText(e)}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** 「閲覧・変更の記録」: every read and write of the case, with who and when (loaded when opened) */
function AuditSection({ caseId }: { caseId: string }) {
  const { t, locale } = useI18n();
  const [open, setOpen] = useState(false);
  const audit = useCaseAudit(caseId, open);
  return (
    <section aria-labelledby="audit-heading" className="staff-section">
      <details onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>
          <h2 id="audit-heading" className="staff-summary-heading">
            {t('staff.audit')}
          </h2>
        </summary>
        <p className="staff-hint">{t('staff.auditHelp')}</p>
        {audit.isError && <p className="error-text">{errorMessage(audit.error)}</p>}
        {audit.data && (
          <div className="table-wrap">
            <table className="staff-table">
              <caption className="visually-hidden">{t('staff.audit')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('staff.colWhen')}</th>
                  <th scope="col">{t('staff.colWho')}</th>
                  <th scope="col">{t('staff.colWhat')}</th>
                </tr>
              </thead>
              <tbody>
                {audit.data.map((a) => (
                  <tr key={a.id}>
                    <td>{formatInstant(a.at, locale)}</td>
                    <td>
                      {a.actorId}（{t(`auth.role.${a.actorRole}`)}）
                    </td>
                    <td>
                      {t(`staff.auditEntity.${a.entity}`)}・{t(`staff.auditAction.${a.action}`)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </details>
    </section>
  );
}

export function CasePage() {
  const { id = '' } = useParams<{ id: string }>();
  const { t, label, locale } = useI18n();
  const today = useMemo(() => todayInJapan(), []);
  const c = useCase(id);
  const catalog = useCatalog();
  const shortlist = useShortlist(id);
  const referrals = useReferrals(id);
  const unmet = useCaseUnmet(id);
  const record = useRecordUnmet();
  const matching = useMemo(() => {
    if (!c.data || !catalog.data) return null;
    try {
      return { ok: matchCase(c.data, catalog.data, today), error: null };
    } catch (e) {
      return { ok: null, error: errorMessage(e) };
    }
  }, [c.data, catalog.data, today]);

  // a need no match serves is recorded (once per case × member × need; re-recording replaces it)
  const recorded = useRef('');
  const recordMutate = record.mutate;
  useEffect(() => {
    if (!matching?.ok || !c.data) return;
    const needs = matching.ok.result.unmetNeeds;
    const key = `${c.data.id}:${JSON.stringify(needs.map((n) => [n.memberId, n.need, n.blockingConstraint, n.areaId]))}`;
    if (needs.length === 0 || recorded.current === key) return;
    recorded.current = key;
    recordMutate({ caseId: c.data.id, needs });
  }, [matching, c.data, recordMutate]);

  if (c.isPending || catalog.isPending) return <p className="page">{t('common.loading')}</p>;
  if (c.isError) return <p className="page error-text">{errorMessage(c.error)}</p>;
  if (catalog.isError) return <p className="page error-text">{errorMessage(catalog.error)}</p>;
  if (!c.data)
    return (
      <div className="page">
        <h1>{t('common.notFound')}</h1>
        <p>{t('staff.caseNotFound')}</p>
        <Link href="/staff">{t('staff.cases')}</Link>
      </div>
    );
  const cs = c.data;
  const l = lookupOf(catalog.data);
  const home = cs.home.kind === 'area' ? t('staff.homeArea', { name: l.areaName(cs.home.areaId) ?? cs.home.areaId }) : t('staff.homePoint', { area: l.areaName(cs.home.areaId ?? null) ?? '—' });

  return (
    <div className="page staff-page staff-page--wide">
      <p className="no-print">
        <Link href="/staff">{t('staff.backToCases')}</Link>
      </p>
      <h1>{t('staff.caseTitle', { code: cs.code })}</h1>
      <dl className="facts staff-facts">
        <dt>{t('staff.status')}</dt>
        <dd>{t(`staff.caseStatus.${cs.status}`)}</dd>
        <dt>{t('staff.openedOn')}</dt>
        <dd>{formatIsoDate(cs.openedOn, locale)}</dd>
        <dt>{t('staff.form.home')}</dt>
        <dd>{home}</dd>
        <dt>{t('staff.form.constraints')}</dt>
        <dd>
          {t('staff.constraintsSummary', {
            mode: travelModeLabel(cs.constraints.travel.mode, locale),
            minutes: cs.constraints.travel.maxMinutes,
            days: cs.constraints.availability.map((w) => `${w.days.map((d) => t(`staff.weekday.${d}`)).join('・')} ${w.from}〜${w.to}`).join(' / '),
            cost: cs.constraints.maxCostYen === null ? t('staff.form.noCostLimit') : cs.constraints.maxCostYen === 0 ? t('staff.form.freeOnly') : t('staff.form.yenLimit', { yen: cs.constraints.maxCostYen }),
          })}
        </dd>
        <dt>{t('staff.members')}</dt>
        <dd>
          <ul className="plain-list">
            {cs.members.map((m) => (
              <li key={m.id}>
                {memberLabel(m, locale)}: {m.needs.map((n, i) => `${i + 1}. ${label(NEED_LABELS[n])}`).join(' ')}
              </li>
            ))}
          </ul>
        </dd>
      </dl>
      <p className="no-print">
        <Link href={`/staff/cases/${cs.id}/sheet`} className="button button--secondary">
          {t('staff.sheetLink')}
        </Link>
      </p>

      {matching?.error && <p className="error-text">{matching.error}</p>}
      {matching?.ok && <ResultsSection c={cs} catalog={catalog.data} matching={matching.ok} shortlist={shortlist.data ?? []} today={today} />}

      <ShortlistSection c={cs} catalog={catalog.data} shortlist={shortlist.data ?? []} referrals={referrals.data ?? []} today={today} />

      <section aria-labelledby="referrals-heading" className="staff-section">
        <h2 id="referrals-heading">{t('staff.referrals')}</h2>
        <p className="staff-hint">{t('staff.referralFlow')}</p>
        {referrals.data?.length === 0 && <p>{t('staff.noReferrals')}</p>}
        <ul className="plain-list staff-cards">
          {referrals.data?.map((r) => (
            <ReferralCard key={r.id} r={r} c={cs} today={today} />
          ))}
        </ul>
      </section>

      <section aria-labelledby="unmet-heading" className="staff-section">
        <h2 id="unmet-heading">{t('staff.caseUnmet')}</h2>
        {unmet.data?.length === 0 && <p>{t('staff.caseUnmetNone')}</p>}
        <ul className="plain-list">
          {unmet.data?.map((u) => {
            const m = cs.members.find((x) => x.id === u.memberId);
            return (
              <li key={u.id}>
                {m ? memberLabel(m, locale) : u.memberId}: {label(NEED_LABELS[u.need])} — {t('staff.blockedBy', { what: BLOCKING_CONSTRAINT_LABELS[u.blockingConstraint][locale === 'en' ? 'en' : 'ja'] })}（{l.areaName(u.areaId) ?? '—'}）
              </li>
            );
          })}
        </ul>
      </section>

      <TimelineSection c={cs} />
      <AuditSection caseId={cs.id} />
    </div>
  );
}
