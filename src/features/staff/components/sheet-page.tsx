// /staff/cases/:id/sheet: the つなぎシート, an A4 page for the resident: a sketch map of the chosen
// places (never the home), each activity's schedule in words and next dates, access, contact and
// a QR code to its public page; in standard Japanese or やさしい日本語. The chosen places are the
// case's active referrals and its shortlist.
import { useMemo, useState } from 'react';
import { Link, useParams } from 'wouter';
import type { Referral, ShortlistItem, StaffCatalog } from '../../../data/case-port';
import { isActiveReferral } from '../../../domain/case/referral';
import type { Menu, Site } from '../../../domain/model';
import { todayInJapan } from '../../../domain/schedule/dates';
import { nextSessions } from '../../../domain/schedule/occurrences';
import { describeSchedule, describeSession, formatDate } from '../../../domain/schedule/render';
import { pickLabel, translate, useI18n } from '../../../i18n/i18n';
import { TARGET_LABELS } from '../../../domain/taxonomy';
import { errorMessage, useCase, useCatalog, useReferrals, useShortlist } from '../api/staff-port';
import { lookupOf } from './catalog-lookup';
import { memberLabel } from './labels';
import { QrCode } from './qr-code';
import { SchematicMap } from './schematic-map';
import type { MessageKey } from '../../../i18n/messages';

type SheetLocale = 'ja' | 'easy';
type Chosen = { menu: Menu; site: Site | undefined; memberIds: string[] };

function chosenMenus(catalog: StaffCatalog, referrals: Referral[], shortlist: ShortlistItem[], memberId: string): Chosen[] {
  const l = lookupOf(catalog);
  const out = new Map<string, Chosen>();
  const add = (mId: string, menuId: string) => {
    if (memberId && mId !== memberId) return;
    const menu = l.menu(menuId);
    if (!menu) return;
    const entry = out.get(menuId) ?? { menu, site: l.site(menu.siteId), memberIds: [] };
    if (!entry.memberIds.includes(mId)) entry.memberIds.push(mId);
    out.set(menuId, entry);
  };
  for (const r of referrals) if (isActiveReferral(r.status)) add(r.memberId, r.menuId);
  for (const s of shortlist) add(s.memberId, s.menuId);
  return [...out.values()];
}

const isPublicPage = (site: Site | undefined) => site !== undefined && site.status === 'published' && site.visibility === 'public' && !site.confidential;

export function SheetPage() {
  const { id = '' } = useParams<{ id: string }>();
  const { t, locale } = useI18n();
  const today = useMemo(() => todayInJapan(), []);
  const [sheetLocale, setSheetLocale] = useState<SheetLocale>(locale === 'easy' ? 'easy' : 'ja');
  const [memberId, setMemberId] = useState('');
  const c = useCase(id);
  const catalog = useCatalog();
  const referrals = useReferrals(id);
  const shortlist = useShortlist(id);
  const s = (key: MessageKey, vars?: Record<string, string | number>) => translate(sheetLocale, key, vars);

  if (c.isPending || catalog.isPending || referrals.isPending || shortlist.isPending) return <p className="page">{t('common.loading')}</p>;
  const failed = c.error ?? catalog.error ?? referrals.error ?? shortlist.error;
  if (failed) return <p className="page error-text">{errorMessage(failed)}</p>;
  if (!c.data) return <p className="page">{t('staff.caseNotFound')}</p>;
  const cat = catalog.data!;
  const items = chosenMenus(cat, referrals.data!, shortlist.data!, memberId);
  // number the places in order of first appearance; outreach has no place on the map
  const siteNumbers = new Map<string, number>();
  for (const it of items) if (it.site && !siteNumbers.has(it.site.id)) siteNumbers.set(it.site.id, siteNumbers.size + 1);
  const markers = [...siteNumbers].map(([siteId, n]) => {
    const site = lookupOf(cat).site(siteId)!;
    return { key: siteId, at: site.location, text: String(n), title: `${n}. ${site.name}` };
  });
  const origin = window.location.origin;

  return (
    <div className="page sheet" lang="ja">
      <div className="sheet__controls no-print">
        <p>
          <Link href={`/staff/cases/${id}`}>{t('staff.backToCase', { code: c.data.code })}</Link>
        </p>
        <fieldset className="staff-fieldset">
          <legend>{t('staff.sheetLanguage')}</legend>
          <div className="staff-checks">
            <label className="checkbox">
              <input type="radio" name="sheet-locale" checked={sheetLocale === 'ja'} onChange={() => setSheetLocale('ja')} />
              {t('staff.sheetStandard')}
            </label>
            <label className="checkbox">
              <input type="radio" name="sheet-locale" checked={sheetLocale === 'easy'} onChange={() => setSheetLocale('easy')} />
              {t('staff.sheetEasy')}
            </label>
          </div>
        </fieldset>
        <label className="staff-field">
          {t('staff.sheetFor')}
          <select className="select" value={memberId} onChange={(e) => setMemberId(e.target.value)}>
            <option value="">{t('staff.wholeHousehold')}</option>
            {c.data.members.map((m) => (
              <option key={m.id} value={m.id}>
                {memberLabel(m, locale)}
              </option>
            ))}
          </select>
        </label>
        <p>
          <button type="button" className="button" onClick={() => window.print()}>
            {t('staff.print')}
          </button>
        </p>
        <p className="staff-hint">{t('staff.sheetPrivacy')}</p>
      </div>

      <article className="sheet__page" aria-labelledby="sheet-title">
        <header className="sheet__header">
          <h1 id="sheet-title">{s('staff.sheetTitle')}</h1>
          <p>{s('staff.sheetDate', { date: formatDate(today, sheetLocale) })}</p>
        </header>
        <p>{s('staff.sheetIntro')}</p>
        {items.length === 0 ? (
          <p className="notice">{t('staff.sheetEmpty')}</p>
        ) : (
          <>
            {markers.length > 0 && (
              <figure className="sheet__map">
                <SchematicMap areas={cat.areas} markers={markers} title={s('staff.sheetMap')} />
                <figcaption>{s('staff.sheetMapCaption')}</figcaption>
              </figure>
            )}
            <ol className="plain-list sheet__items">
              {items.map(({ menu, site }) => {
                const n = site ? siteNumbers.get(site.id) : undefined;
                const sessions = nextSessions(menu.schedule, today, 3);
                const cost = menu.cost.kind === 'free' ? s('site.costFree') : menu.cost.kind === 'fixed' && menu.cost.amountYen !== undefined ? s('site.costFixed', { yen: menu.cost.amountYen.toLocaleString('ja-JP') }) : s('site.costVaries');
                const url = site && isPublicPage(site) ? `${origin}/sites/${encodeURIComponent(site.id)}` : null;
                return (
                  <li key={menu.id} className="sheet__item">
                    <div className="sheet__item-text">
                      <h2>
                        {n !== undefined && <span className="sheet__num">{n}</span>}
                        {menu.title}
                      </h2>
                      <dl className="facts">
                        <dt>{s('staff.sheetPlace')}</dt>
                        <dd>
                          {site ? (
                            <>
                              <div>{site.name}</div>
                              <div>{site.address}</div>
                            </>
                          ) : (
                            s('staff.sheetOutreach')
                          )}
                        </dd>
                        {site?.access && (
                          <>
                            <dt>{s('site.access')}</dt>
                            <dd>{site.access}</dd>
                          </>
                        )}
                        <dt>{s('site.schedule')}</dt>
                        <dd>
                          {describeSchedule(menu.schedule, sheetLocale, { today }).map((line) => (
                            <div key={line}>{line}</div>
                          ))}
                        </dd>
                        <dt>{s('site.nextDates')}</dt>
                        <dd>{sessions.length ? sessions.map((x) => describeSession(x, sheetLocale)).join('、') : s('site.noNextDates')}</dd>
                        <dt>{s('site.cost')}</dt>
                        <dd>{cost}</dd>
                        <dt>{s('site.targets')}</dt>
                        <dd>{menu.targets.map((x) => pickLabel(sheetLocale, TARGET_LABELS[x])).join('、')}</dd>
                        {site?.contact.tel && (
                          <>
                            <dt>{s('site.tel')}</dt>
                            <dd>{site.contact.tel}</dd>
                          </>
                        )}
                        {site?.contact.hours && (
                          <>
                            <dt>{s('site.hours')}</dt>
                            <dd>{site.contact.hours}</dd>
                          </>
                        )}
                      </dl>
                    </div>
                    <div className="sheet__qr">
                      {url ? (
                        <>
                          <QrCode value={url} label={s('staff.sheetQr', { name: site!.name })} />
                          <p className="sheet__url">{s('staff.sheetQrCaption')}</p>
                        </>
                      ) : (
                        <p className="sheet__url">{s('staff.sheetNoPublicPage')}</p>
                      )}
                    </div>
                  </li>
                );
              })}
            </ol>
          </>
        )}
        <footer className="sheet__footer">{s('staff.sheetFooter')}</footer>
      </article>
    </div>
  );
}
