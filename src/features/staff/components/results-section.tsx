// Matching results for one member at a time: the ranked list with its reasons as chips, the
// 「あと一歩」 near misses with the failing constraint named, controls to relax a constraint and
// see what changes, and one map for the whole household.
import { useMemo, useState } from 'react';
import type { CaseRecord, ShortlistItem, StaffCatalog } from '../../../data/case-port';
import { toPublicPoint } from '../../../data/local/public-view';
import { describeMiss, describeReason } from '../../../domain/matching/describe';
import type { MenuMatch, NearMiss } from '../../../domain/matching/types';
import { useI18n } from '../../../i18n/i18n';
import { isRelaxed, matchRelaxed, NO_RELAXATION, type CaseMatching, type Relaxation } from '../api/matching';
import { useToggleShortlist } from '../api/staff-port';
import { lookupOf } from './catalog-lookup';
import { memberLabel } from './labels';
import { StaffMap } from './staff-map';

type MapShow = 'household' | 'matches' | 'nearMisses';

function ResultItem({ match, rank, catalog, isNew, shortlisted, onToggle, busy }: { match: MenuMatch | NearMiss; rank: number; catalog: StaffCatalog; isNew: boolean; shortlisted: boolean | null; onToggle?(): void; busy?: boolean }) {
  const { t, locale } = useI18n();
  const chipLocale = locale === 'en' ? 'en' : 'ja';
  const l = lookupOf(catalog);
  const menu = l.menu(match.menuId);
  const site = l.site(match.siteId);
  const title = menu?.title ?? match.menuId;
  return (
    <li className="result-item">
      <h4 className="result-item__title">
        <span className="result-item__rank">{rank}.</span> {title}
        {menu?.visibility === 'staff' && <span className="chip chip--staff">{t('staff.staffOnly')}</span>}
      </h4>
      <p className="result-item__site">{site ? `${site.name}（${l.org(site.orgId)?.name ?? ''}）` : t('staff.outreach')}</p>
      {'miss' in match && (
        <p className="result-item__miss">
          <span className="chip chip--miss">{t('staff.nearMissChip', { miss: describeMiss(match.miss, chipLocale) })}</span>
        </p>
      )}
      <ul className="chips" aria-label={t('staff.reasons')}>
        {isNew && <li className="chip chip--new">{t('staff.newWhenRelaxed')}</li>}
        {match.reasons.map((r, i) => (
          <li key={i} className="chip">
            {describeReason(r, chipLocale)}
          </li>
        ))}
      </ul>
      {shortlisted !== null && onToggle && (
        <button
          type="button"
          className="button button--secondary button--small"
          aria-pressed={shortlisted}
          aria-label={`${shortlisted ? t('staff.removeFromShortlist') : t('staff.addToShortlist')}: ${title}`}
          onClick={onToggle}
          disabled={busy}
        >
          {shortlisted ? t('staff.removeFromShortlist') : t('staff.addToShortlist')}
        </button>
      )}
    </li>
  );
}

export function ResultsSection({ c, catalog, matching, shortlist, today }: { c: CaseRecord; catalog: StaffCatalog; matching: CaseMatching; shortlist: ShortlistItem[]; today: string }) {
  const { t, locale } = useI18n();
  const [memberId, setMemberId] = useState(c.members[0]!.id);
  const [relaxation, setRelaxation] = useState<Relaxation>(NO_RELAXATION);
  const [mapShow, setMapShow] = useState<MapShow>('matches');
  const [selected, setSelected] = useState<string | null>(null);
  const toggle = useToggleShortlist();
  const member = c.members.find((m) => m.id === memberId) ?? c.members[0]!;
  const base = matching.result.members.find((r) => r.memberId === member.id)!;
  const relaxed = useMemo(() => (isRelaxed(relaxation) ? matchRelaxed(matching, member.id, relaxation, catalog, today) : null), [matching, member.id, relaxation, catalog, today]);
  const shown = relaxed ?? base;
  const baseIds = useMemo(() => new Set(base.matches.map((m) => m.menuId)), [base]);
  const constraints = matching.members.find((m) => m.id === member.id)!.constraints;
  const who = memberLabel(member, locale);
  const l = lookupOf(catalog);

  // one map for the household: every member's matches and near misses; the radio picks which show
  const { points, sets } = useMemo(() => {
    const ids = { household: new Set<string>(), matches: new Set<string>(), nearMisses: new Set<string>() };
    for (const p of matching.result.places) ids.household.add(p.siteId);
    for (const m of shown.matches) if (m.siteId) ids.matches.add(m.siteId);
    for (const m of shown.nearMisses) if (m.siteId) ids.nearMisses.add(m.siteId);
    const all = new Set([...ids.household, ...ids.matches, ...ids.nearMisses]);
    const pts = [...all].flatMap((id) => {
      const s = l.site(id);
      return s ? [toPublicPoint(s)] : [];
    });
    return { points: pts, sets: ids };
  }, [matching, shown, l]);
  const centre = matching.home.point;

  const isShort = (menuId: string) => shortlist.some((s) => s.memberId === member.id && s.menuId === menuId);
  const onToggle = (menuId: string) => toggle.mutate({ caseId: c.id, memberId: member.id, menuId, on: !isShort(menuId) });
  const set = (patch: Partial<Relaxation>) => setRelaxation((r) => ({ ...r, ...patch }));
  const added = relaxed ? relaxed.matches.filter((m) => !baseIds.has(m.menuId)).length : 0;

  return (
    <section aria-labelledby="results-heading" className="staff-section">
      <h2 id="results-heading">{t('staff.results')}</h2>
      <fieldset className="staff-fieldset">
        <legend>{t('staff.memberToShow')}</legend>
        <div className="staff-checks">
          {c.members.map((m) => (
            <label key={m.id} className="checkbox">
              <input type="radio" name="result-member" checked={m.id === member.id} onChange={() => (setMemberId(m.id), setRelaxation(NO_RELAXATION))} />
              {memberLabel(m, locale)}
            </label>
          ))}
        </div>
      </fieldset>

      <fieldset className="staff-fieldset relax">
        <legend>{t('staff.relax')}</legend>
        <div className="staff-row">
          <label className="staff-field">
            {t('staff.relaxMinutes', { now: constraints.travel.maxMinutes })}
            <select className="select" value={relaxation.extraMinutes} onChange={(e) => set({ extraMinutes: Number(e.target.value) })}>
              {[0, 10, 20, 30].map((n) => (
                <option key={n} value={n}>
                  {n === 0 ? t('staff.relaxKeep') : t('staff.relaxPlusMinutes', { n })}
                </option>
              ))}
            </select>
          </label>
        </div>
        <div className="staff-checks">
          <label className="checkbox">
            <input type="checkbox" checked={relaxation.anyTime} onChange={(e) => set({ anyTime: e.target.checked })} />
            {t('staff.relaxAnyTime')}
          </label>
          <label className="checkbox">
            <input type="checkbox" checked={relaxation.anyCost} onChange={(e) => set({ anyCost: e.target.checked })} disabled={constraints.maxCostYen === null} />
            {t('staff.relaxAnyCost')}
          </label>
          <label className="checkbox">
            <input type="checkbox" checked={relaxation.noAccessibility} onChange={(e) => set({ noAccessibility: e.target.checked })} disabled={constraints.accessibility.length === 0} />
            {t('staff.relaxAccessibility')}
          </label>
          <label className="checkbox">
            <input type="checkbox" checked={relaxation.anyLanguage} onChange={(e) => set({ anyLanguage: e.target.checked })} />
            {t('staff.relaxLanguage')}
          </label>
        </div>
        <p role="status" className="relax__summary">
          {relaxed
            ? t('staff.relaxSummary', { before: base.matches.length, after: relaxed.matches.length, added, nearBefore: base.nearMisses.length, nearAfter: relaxed.nearMisses.length })
            : t('staff.resultSummary', { who, matches: base.matches.length, near: base.nearMisses.length })}
        </p>
      </fieldset>
      <p className="staff-hint">{t('staff.travelEstimate')}</p>

      <div className="results-grid">
        <div className="results-grid__map">
          <fieldset className="staff-fieldset">
            <legend>{t('staff.mapShows')}</legend>
            <div className="staff-checks">
              {(['matches', 'nearMisses', 'household'] as const).map((k) => (
                <label key={k} className="checkbox">
                  <input type="radio" name="map-show" checked={mapShow === k} onChange={() => setMapShow(k)} />
                  {t(`staff.mapShow.${k}`)}
                </label>
              ))}
            </div>
          </fieldset>
          <StaffMap
            points={points}
            matchIds={sets[mapShow]}
            areas={catalog.areas}
            selectedId={selected}
            onSelect={setSelected}
            initialView={{ center: centre, zoom: 13 }}
            label={t('staff.mapLabel', { what: t(`staff.mapShow.${mapShow}`) })}
          />
          {selected && l.site(selected) && (
            <p role="status">
              {t('staff.selectedPlace', {
                name: l.site(selected)!.name,
                menus: [...shown.matches, ...shown.nearMisses]
                  .filter((m) => m.siteId === selected)
                  .map((m) => l.menu(m.menuId)?.title ?? m.menuId)
                  .join('、') || '—',
              })}
            </p>
          )}
        </div>
        <div className="results-grid__list">
          <h3 id="matches-heading">{t('staff.matchesFor', { who })}</h3>
          {shown.matches.length === 0 ? (
            <p>{t('staff.noMatches')}</p>
          ) : (
            <ol className="result-list" aria-labelledby="matches-heading">
              {shown.matches.map((m, i) => (
                <ResultItem key={m.menuId} match={m} rank={i + 1} catalog={catalog} isNew={relaxed !== null && !baseIds.has(m.menuId)} shortlisted={isShort(m.menuId)} onToggle={() => onToggle(m.menuId)} busy={toggle.isPending} />
              ))}
            </ol>
          )}
          <h3 id="near-heading">{t('staff.nearMissesFor', { who })}</h3>
          <p className="staff-hint">{t('staff.nearMissesHelp')}</p>
          {shown.nearMisses.length === 0 ? (
            <p>{t('staff.noNearMisses')}</p>
          ) : (
            <ol className="result-list" aria-labelledby="near-heading">
              {shown.nearMisses.map((m, i) => (
                <ResultItem key={m.menuId} match={m} rank={i + 1} catalog={catalog} isNew={false} shortlisted={isShort(m.menuId)} onToggle={() => onToggle(m.menuId)} busy={toggle.isPending} />
              ))}
            </ol>
          )}
        </div>
      </div>
    </section>
  );
}
