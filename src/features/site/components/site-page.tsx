import { lazy, Suspense, useMemo, useState } from 'react';
import { Link, useParams } from 'wouter';
import { getConfig } from '../../../config/env';
import { useDataSource } from '../../../data/data-source-context';
import type { PublicMenu, PublicSite } from '../../../data/port';
import { isStale } from '../../../domain/freshness';
import { todayInJapan } from '../../../domain/schedule/dates';
import { nextSessions } from '../../../domain/schedule/occurrences';
import { describeSchedule, describeSession } from '../../../domain/schedule/render';
import {
  ACCESSIBILITY_LABELS,
  CATEGORY_BY_ID,
  EASE_LABELS,
  FIELD_COLORS,
  FIELD_LABELS,
  LANGUAGE_LABELS,
  NEED_LABELS,
  ORGANIZATION_KIND_LABELS,
  TARGET_LABELS,
  type EaseId,
} from '../../../domain/taxonomy';
import { useI18n } from '../../../i18n/i18n';
import { formatIsoDate } from '../../../lib/format';
import { MapPanel } from '../../find/components/map-panel';
import { toPublicPoint } from '../../../data/local/public-view';
import { useSite } from '../api/get-site';
import { useAuth } from '../../auth/auth-context';
import './site-page.css';

// the report form is loaded only when a resident opens it: the public page stays small
const ReportForm = lazy(() => import('../../editor/components/report-form'));

function ReportError({ siteId, menus }: { siteId: string; menus: PublicMenu[] }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <section className="no-print site-page__report">
      {open ? (
        <Suspense fallback={<p>{t('common.loading')}</p>}>
          <ReportForm siteId={siteId} menus={menus.map((m) => ({ id: m.id, title: m.title }))} onClose={() => setOpen(false)} />
        </Suspense>
      ) : (
        <button type="button" className="button button--secondary" onClick={() => setOpen(true)}>
          {t('report.open')}
        </button>
      )}
    </section>
  );
}

/** the nearest desk of each kind (the list comes nearest first): enough to know where to ask */
function nearestPerCategory(desks: PublicSite[]): PublicSite[] {
  const seen = new Set<string>();
  return desks.filter((d) => {
    if (seen.has(d.categoryId)) return false;
    seen.add(d.categoryId);
    return true;
  });
}

function telHref(tel: string): string {
  return `tel:${tel.normalize('NFKC').replace(/[^0-9+]/g, '')}`;
}

function MenuCard({ menu, today }: { menu: PublicMenu; today: string }) {
  const { t, label, locale } = useI18n();
  const lines = describeSchedule(menu.schedule, locale);
  const sessions = nextSessions(menu.schedule, today, 3);
  const ease: EaseId[] = menu.cost.kind === 'free' ? [...menu.ease, 'free'] : menu.ease;
  const cost =
    menu.cost.kind === 'free'
      ? t('site.costFree')
      : menu.cost.kind === 'fixed' && menu.cost.amountYen !== undefined
        ? t('site.costFixed', { yen: menu.cost.amountYen.toLocaleString('ja-JP') })
        : t('site.costVaries');
  const age =
    menu.ageMin !== undefined || menu.ageMax !== undefined
      ? `${menu.ageMin ?? ''}〜${menu.ageMax ?? ''}${locale === 'en' ? '' : '歳'}`
      : null;
  return (
    <article className="menu-card" aria-labelledby={`menu-${menu.id}`}>
      <h3 id={`menu-${menu.id}`}>{menu.title}</h3>
      {menu.description && <p>{menu.description}</p>}
      <dl className="facts">
        <dt>{t('site.schedule')}</dt>
        <dd>
          {lines.map((l) => (
            <div key={l}>{l}</div>
          ))}
        </dd>
        <dt>{t('site.nextDates')}</dt>
        <dd>
          {sessions.length ? (
            <ul className="plain-list">
              {sessions.map((s) => (
                <li key={`${s.date}-${s.opensAt}`}>{describeSession(s, locale)}</li>
              ))}
            </ul>
          ) : (
            t('site.noNextDates')
          )}
        </dd>
        <dt>{t('site.targets')}</dt>
        <dd>
          {menu.targets.map((x) => label(TARGET_LABELS[x])).join('、')}
          {age && <div>{t('site.age', { range: age })}</div>}
        </dd>
        <dt>{t('site.needs')}</dt>
        <dd>{menu.needs.map((n) => label(NEED_LABELS[n])).join('、')}</dd>
        <dt>{t('site.cost')}</dt>
        <dd>
          {cost}
          {menu.cost.note && <div>{menu.cost.note}</div>}
        </dd>
        <dt>{menu.capacity.capacity ? t('site.capacity', { n: menu.capacity.capacity }) : t('site.availabilityLabel')}</dt>
        <dd>{t(`site.availability.${menu.capacity.availability}`)}</dd>
        {ease.length > 0 && (
          <>
            <dt>{t('site.ease')}</dt>
            <dd>
              <ul className="chips" aria-label={t('site.ease')}>
                {ease.map((e) => (
                  <li key={e} className="chip">
                    {label(EASE_LABELS[e])}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
        {menu.languages.length > 0 && (
          <>
            <dt>{t('site.languages')}</dt>
            <dd>{menu.languages.map((l) => label(LANGUAGE_LABELS[l])).join('、')}</dd>
          </>
        )}
      </dl>
    </article>
  );
}

function Contact({ site }: { site: PublicSite }) {
  const { t } = useI18n();
  const c = site.contact;
  return (
    <dl className="facts">
      <dt>{t('site.address')}</dt>
      <dd>
        {site.address}{' '}
        <a href={`https://maps.gsi.go.jp/#16/${site.location[1]}/${site.location[0]}/`} className="no-print" target="_blank" rel="noopener">
          地理院地図
        </a>
      </dd>
      {c.tel && (
        <>
          <dt>{t('site.tel')}</dt>
          <dd>
            <a href={telHref(c.tel)}>{c.tel}</a>
          </dd>
        </>
      )}
      {c.hours && (
        <>
          <dt>{t('site.hours')}</dt>
          <dd>{c.hours}</dd>
        </>
      )}
      {c.email && (
        <>
          <dt>{t('site.email')}</dt>
          <dd>
            <a href={`mailto:${c.email}`}>{c.email}</a>
          </dd>
        </>
      )}
      {c.url && (
        <>
          <dt>{t('site.web')}</dt>
          <dd>
            <a href={c.url} target="_blank" rel="noopener">
              {c.url}
            </a>
          </dd>
        </>
      )}
      {site.access && (
        <>
          <dt>{t('site.access')}</dt>
          <dd>{site.access}</dd>
        </>
      )}
    </dl>
  );
}

export function SitePage() {
  const { id = '' } = useParams<{ id: string }>();
  const source = useDataSource();
  const { t, label, locale } = useI18n();
  const query = useSite(source, id);
  const auth = useAuth();
  const today = useMemo(() => todayInJapan(), []);

  if (query.isPending) return <p className="page">{t('common.loading')}</p>;
  if (query.isError) return <p className="page error-text">{t('common.error')}</p>;
  const detail = query.data;
  if (!detail) {
    return (
      <div className="page">
        <h1>{t('common.notFound')}</h1>
        <p>{t('site.notFound')}</p>
        <Link href="/">{t('site.backToList')}</Link>
      </div>
    );
  }
  const { site, menus, helpDesks, organization, areas } = detail;
  const category = CATEGORY_BY_ID[site.categoryId];
  const stale = isStale(site.lastVerified, today, getConfig().staleAfterDays);
  const canEdit = Boolean(source.editor) && (auth.role === 'staff' || auth.role === 'admin' || (auth.status === 'signed-in' && auth.organizationIds.includes(site.orgId)));

  return (
    <article className="page site-page" aria-labelledby="site-name">
      <p className="no-print">
        <Link href="/">{t('site.backToList')}</Link>
      </p>
      <header className="site-page__header">
        <p className="site-page__category">
          {label(category.label)}
          {site.fields.map((f) => (
            <span key={f} className="chip chip--field" style={{ background: FIELD_COLORS[f] }}>
              {label(FIELD_LABELS[f])}
            </span>
          ))}
        </p>
        <h1 id="site-name">
          <ruby>
            {site.name}
            <rp>(</rp>
            <rt>{site.kana}</rt>
            <rp>)</rp>
          </ruby>
        </h1>
        <p className={stale ? 'chip chip--stale site-page__verified' : 'site-page__verified'}>
          {t('site.lastVerified', { date: formatIsoDate(site.lastVerified, locale) })}
        </p>
        {stale && (
          <p className="notice" role="note">
            {t('site.staleWarning')}
          </p>
        )}
        <button type="button" className="button button--secondary no-print" onClick={() => window.print()}>
          {t('site.print')}
        </button>
        {canEdit && (
          <>
            {' '}
            <Link href={`/editor/site/${encodeURIComponent(site.id)}`} className="button button--secondary no-print">
              {t('editor.editThisListing')}
            </Link>
          </>
        )}
      </header>

      <div className="site-page__grid">
        <section aria-labelledby="site-contact">
          <h2 id="site-contact" className="visually-hidden">
            {t('site.address')}
          </h2>
          <Contact site={site} />
          <dl className="facts">
            <dt>{t('site.organization')}</dt>
            <dd>
              {organization.name}
              {organization.name && `（${label(ORGANIZATION_KIND_LABELS[organization.kind])}）`}
            </dd>
            <dt>{t('site.accessibility')}</dt>
            <dd>
              {site.accessibility.length ? (
                <ul className="chips" aria-label={t('site.accessibility')}>
                  {site.accessibility.map((a) => (
                    <li key={a} className="chip">
                      {label(ACCESSIBILITY_LABELS[a])}
                    </li>
                  ))}
                </ul>
              ) : (
                t('site.noAccessibility')
              )}
            </dd>
            {areas.length > 0 && (
              <>
                <dt>{t('site.areaLabel')}</dt>
                <dd>{areas.map((a) => a.name).join(' / ')}</dd>
              </>
            )}
          </dl>
        </section>
        <div className="site-page__map no-print">
          <MapPanel
            points={[toPublicPoint(site)]}
            matchIds={null}
            areas={[]}
            selectedId={site.id}
            onSelect={() => undefined}
            initialView={{ center: site.location, zoom: 15 }}
            onViewChange={() => undefined}
          />
        </div>
      </div>

      {site.description && (
        <section aria-labelledby="site-about">
          <h2 id="site-about">{t('site.about')}</h2>
          <p>{site.description}</p>
        </section>
      )}

      <section aria-labelledby="site-menus">
        <h2 id="site-menus">{t('site.menus')}</h2>
        {menus.length === 0 && <p>{t('site.noMenus')}</p>}
        {menus.map((m) => (
          <MenuCard key={m.id} menu={m} today={today} />
        ))}
      </section>

      {helpDesks.length > 0 && (
        <section aria-labelledby="site-desks" className="site-page__desks">
          <h2 id="site-desks">{t('site.helpDesks')}</h2>
          <p>{t('site.helpDesksIntro')}</p>
          <ul className="plain-list">
            {nearestPerCategory(helpDesks).map((d) => (
              <li key={d.id}>
                <Link href={`/sites/${encodeURIComponent(d.id)}`}>{d.name}</Link>（{label(CATEGORY_BY_ID[d.categoryId].label)}）
                {d.contact.tel && (
                  <>
                    {' '}
                    <a href={telHref(d.contact.tel)}>{d.contact.tel}</a>
                  </>
                )}
              </li>
            ))}
          </ul>
          <p className="no-print">
            <Link href={`/help?at=${site.location[0].toFixed(3)},${site.location[1].toFixed(3)}`}>{t('site.moreHelpDesks')}</Link>
          </p>
        </section>
      )}

      {source.editor && <ReportError key={site.id} siteId={site.id} menus={menus} />}
    </article>
  );
}
