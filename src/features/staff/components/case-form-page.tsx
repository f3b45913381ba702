// /staff/cases/new: a household of one or more members, with no name field at all. The home is an
// area (圏域) or a point clicked on the map, rounded to the ~100 m grid before it is kept.
import { useMemo, useState, type FormEvent } from 'react';
import { useLocation } from 'wouter';
import { AGE_BANDS, coarsenPoint, RELATIONSHIPS, TRAVEL_MODES, type AgeBand, type Constraints, type Member, type Relationship, type TravelMode } from '../../../domain/case/model';
import type { Area, LngLat } from '../../../domain/model';
import { ACCESSIBILITY, ACCESSIBILITY_LABELS, AREA_LEVEL_LABELS, EASE, EASE_LABELS, LANGUAGES, LANGUAGE_LABELS, NEEDS, NEED_LABELS, TARGETS, TARGET_LABELS, type AccessibilityId, type EaseId, type LanguageId, type NeedId, type TargetId } from '../../../domain/taxonomy';
import { WEEKDAYS, type Weekday } from '../../../domain/weekdays';
import { containsPoint } from '../../../domain/geo/point-in-polygon';
import { useI18n } from '../../../i18n/i18n';
import { errorMessage, useCatalog, useCreateCase, useStaffPort } from '../api/staff-port';
import { ageBandLabel, memberLabel, travelModeLabel } from './labels';
import { StaffMap } from './staff-map';

const NEED_SLOTS = 3;
const COST_CHOICES = ['', '0', '300', '500', '1000'] as const;

type MemberDraft = { id: string; relationship: Relationship; ageBand: AgeBand; targets: TargetId[]; needs: (NeedId | '')[]; maxMinutes: string };

const newMember = (n: number, relationship: Relationship = 'self'): MemberDraft => ({ id: `m${n}`, relationship, ageBand: '40-64', targets: [], needs: Array(NEED_SLOTS).fill(''), maxMinutes: '' });

function toggle<T>(list: readonly T[], item: T, on: boolean): T[] {
  return on ? [...new Set([...list, item])] : list.filter((x) => x !== item);
}

function Checks<T extends string>({ legend, items, selected, onChange, labelOf, name }: { legend: string; items: readonly T[]; selected: readonly T[]; onChange(next: T[]): void; labelOf(id: T): string; name: string }) {
  return (
    <fieldset className="staff-fieldset">
      <legend>{legend}</legend>
      <div className="staff-checks">
        {items.map((id) => (
          <label key={id} className="checkbox">
            <input type="checkbox" name={name} checked={selected.includes(id)} onChange={(e) => onChange(toggle(selected, id, e.target.checked))} />
            {labelOf(id)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** the area a point lies in, most local first (for showing where the clicked point is) */
function areaAt(areas: readonly Area[], point: LngLat): Area | undefined {
  const order: Area['level'][] = ['district', 'elementary', 'daily_life', 'custom', 'municipality'];
  return areas.filter((a) => containsPoint(a.geometry, point)).sort((a, b) => order.indexOf(a.level) - order.indexOf(b.level))[0];
}

export function CaseFormPage() {
  const { t, label, locale } = useI18n();
  const port = useStaffPort();
  const catalog = useCatalog();
  const create = useCreateCase();
  const [, navigate] = useLocation();
  const [homeKind, setHomeKind] = useState<'area' | 'point'>('area');
  const [areaId, setAreaId] = useState('');
  const [point, setPoint] = useState<LngLat | null>(null);
  const [mode, setMode] = useState<TravelMode>('walk');
  const [maxMinutes, setMaxMinutes] = useState('20');
  const [days, setDays] = useState<Weekday[]>([...WEEKDAYS]);
  const [from, setFrom] = useState('09:00');
  const [to, setTo] = useState('17:00');
  const [accessibility, setAccessibility] = useState<AccessibilityId[]>([]);
  const [languages, setLanguages] = useState<LanguageId[]>(['ja']);
  const [maxCost, setMaxCost] = useState<(typeof COST_CHOICES)[number]>('');
  const [ease, setEase] = useState<EaseId[]>([]);
  const [members, setMembers] = useState<MemberDraft[]>([newMember(1)]);
  const [problem, setProblem] = useState<string | null>(null);

  const areas = useMemo(() => catalog.data?.areas ?? [], [catalog.data]);
  const areaOptions = useMemo(() => areas.filter((a) => a.level !== 'municipality'), [areas]);
  const levels = [...new Set(areaOptions.map((a) => a.level))];
  const municipality = areas.find((a) => a.level === 'municipality');
  const centre: [number, number] = useMemo(() => {
    if (!municipality) return [139.7, 35.69];
    const ring = municipality.geometry.type === 'Polygon' ? municipality.geometry.coordinates[0]! : municipality.geometry.coordinates[0]![0]!;
    const xs = ring.map((p) => p[0]);
    const ys = ring.map((p) => p[1]);
    return [(Math.min(...xs) + Math.max(...xs)) / 2, (Math.min(...ys) + Math.max(...ys)) / 2];
  }, [municipality]);

  if (port.actor.role !== 'staff') return <p className="page notice">{t('staff.adminCannotCreate')}</p>;

  const setMember = (i: number, patch: Partial<MemberDraft>) => setMembers((ms) => ms.map((m, j) => (j === i ? { ...m, ...patch } : m)));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    const home = homeKind === 'area' ? (areaId ? { kind: 'area' as const, areaId } : null) : point ? { kind: 'point' as const, point: coarsenPoint(point), areaId: areaAt(areas, point)?.id } : null;
    if (!home) return setProblem(homeKind === 'area' ? t('staff.form.needArea') : t('staff.form.needPoint'));
    const constraints: Constraints = {
      travel: { mode, maxMinutes: Number(maxMinutes) },
      availability: [{ days, from, to }],
      accessibility,
      languages,
      maxCostYen: maxCost === '' ? null : Number(maxCost),
      ease,
    };
    const built: Member[] = members.map((m) => ({
      id: m.id,
      relationship: m.relationship,
      ageBand: m.ageBand,
      targets: m.targets,
      needs: m.needs.filter((n): n is NeedId => n !== ''),
      ...(m.maxMinutes ? { overrides: { travel: { mode, maxMinutes: Number(m.maxMinutes) } } } : {}),
    }));
    create.mutate(
      { home, constraints, members: built },
      { onSuccess: (c) => navigate(`/staff/cases/${c.id}`), onError: (err) => setProblem(errorMessage(err)) },
    );
  };

  return (
    <form className="page staff-page staff-form" onSubmit={submit} noValidate aria-describedby="case-form-privacy">
      <h1>{t('staff.newCase')}</h1>
      <p id="case-form-privacy" className="notice">
        {t('staff.form.privacy')}
      </p>

      <fieldset className="staff-fieldset">
        <legend>{t('staff.form.home')}</legend>
        <div className="staff-checks" role="radiogroup" aria-label={t('staff.form.homeHow')}>
          <label className="checkbox">
            <input type="radio" name="home-kind" checked={homeKind === 'area'} onChange={() => setHomeKind('area')} />
            {t('staff.form.homeByArea')}
          </label>
          <label className="checkbox">
            <input type="radio" name="home-kind" checked={homeKind === 'point'} onChange={() => setHomeKind('point')} />
            {t('staff.form.homeByMap')}
          </label>
        </div>
        {homeKind === 'area' ? (
          <label className="staff-field">
            {t('staff.form.area')}
            <select className="select" value={areaId} onChange={(e) => setAreaId(e.target.value)} disabled={!catalog.data}>
              <option value="">{t('help.chooseAreaPlaceholder')}</option>
              {levels.map((level) => (
                <optgroup key={level} label={label(AREA_LEVEL_LABELS[level])}>
                  {areaOptions
                    .filter((a) => a.level === level)
                    .map((a) => (
                      <option key={a.id} value={a.id}>
                        {a.name}
                      </option>
                    ))}
                </optgroup>
              ))}
            </select>
          </label>
        ) : (
          <>
            <p>{t('staff.form.mapHelp')}</p>
            <StaffMap
              points={[]}
              matchIds={null}
              areas={areas}
              selectedId={null}
              onSelect={() => undefined}
              onMapClick={(p) => setPoint(coarsenPoint(p))}
              initialView={{ center: centre, zoom: 12 }}
              label={t('staff.form.mapLabel')}
              dataPending={!catalog.data}
            />
            <p role="status">
              {point
                ? t('staff.form.pointChosen', { lat: point[1].toFixed(3), lng: point[0].toFixed(3), area: areaAt(areas, point)?.name ?? t('staff.form.outsideAreas') })
                : t('staff.form.noPoint')}
            </p>
          </>
        )}
      </fieldset>

      <fieldset className="staff-fieldset">
        <legend>{t('staff.form.constraints')}</legend>
        <div className="staff-row">
          <label className="staff-field">
            {t('staff.form.mode')}
            <select className="select" value={mode} onChange={(e) => setMode(e.target.value as TravelMode)}>
              {TRAVEL_MODES.map((m) => (
                <option key={m} value={m}>
                  {travelModeLabel(m, locale)}
                </option>
              ))}
            </select>
          </label>
          <label className="staff-field">
            {t('staff.form.maxMinutes')}
            <input className="text-input" type="number" min={1} max={120} inputMode="numeric" value={maxMinutes} onChange={(e) => setMaxMinutes(e.target.value)} />
          </label>
          <label className="staff-field">
            {t('staff.form.maxCost')}
            <select className="select" value={maxCost} onChange={(e) => setMaxCost(e.target.value as (typeof COST_CHOICES)[number])}>
              {COST_CHOICES.map((c) => (
                <option key={c} value={c}>
                  {c === '' ? t('staff.form.noCostLimit') : c === '0' ? t('staff.form.freeOnly') : t('staff.form.yenLimit', { yen: c })}
                </option>
              ))}
            </select>
          </label>
        </div>
        <p className="staff-hint">{t('staff.travelEstimate')}</p>
        <Checks legend={t('staff.form.days')} name="days" items={WEEKDAYS} selected={days} onChange={setDays} labelOf={(d) => t(`staff.weekday.${d}`)} />
        <div className="staff-row">
          <label className="staff-field">
            {t('staff.form.from')}
            <input className="text-input" type="time" value={from} onChange={(e) => setFrom(e.target.value)} />
          </label>
          <label className="staff-field">
            {t('staff.form.to')}
            <input className="text-input" type="time" value={to} onChange={(e) => setTo(e.target.value)} />
          </label>
        </div>
        <Checks legend={t('staff.form.accessibility')} name="accessibility" items={ACCESSIBILITY} selected={accessibility} onChange={setAccessibility} labelOf={(a) => label(ACCESSIBILITY_LABELS[a])} />
        <Checks legend={t('staff.form.languages')} name="languages" items={LANGUAGES} selected={languages} onChange={setLanguages} labelOf={(l) => label(LANGUAGE_LABELS[l])} />
        <Checks legend={t('staff.form.ease')} name="ease" items={EASE} selected={ease} onChange={setEase} labelOf={(x) => label(EASE_LABELS[x])} />
      </fieldset>

      {members.map((m, i) => (
        <fieldset key={m.id} className="staff-fieldset staff-member">
          <legend>{t('staff.form.member', { n: i + 1, who: memberLabel(m, locale) })}</legend>
          <div className="staff-row">
            <label className="staff-field">
              {t('staff.form.relationship')}
              <select className="select" value={m.relationship} onChange={(e) => setMember(i, { relationship: e.target.value as Relationship })}>
                {RELATIONSHIPS.map((r) => (
                  <option key={r} value={r}>
                    {t(`staff.relationship.${r}`)}
                  </option>
                ))}
              </select>
            </label>
            <label className="staff-field">
              {t('staff.form.ageBand')}
              <select className="select" value={m.ageBand} onChange={(e) => setMember(i, { ageBand: e.target.value as AgeBand })}>
                {AGE_BANDS.map((b) => (
                  <option key={b} value={b}>
                    {ageBandLabel(b, locale)}
                  </option>
                ))}
              </select>
            </label>
            <label className="staff-field">
              {t('staff.form.memberMinutes')}
              <input className="text-input" type="number" min={1} max={120} inputMode="numeric" value={m.maxMinutes} placeholder={maxMinutes} onChange={(e) => setMember(i, { maxMinutes: e.target.value })} />
            </label>
          </div>
          <fieldset className="staff-fieldset">
            <legend>{t('staff.form.needs')}</legend>
            <div className="staff-row">
              {m.needs.map((n, k) => (
                <label key={k} className="staff-field">
                  {t('staff.form.needRank', { n: k + 1 })}
                  <select className="select" value={n} onChange={(e) => setMember(i, { needs: m.needs.map((x, j) => (j === k ? (e.target.value as NeedId | '') : x)) })}>
                    <option value="">{t('staff.form.noNeed')}</option>
                    {NEEDS.map((id) => (
                      <option key={id} value={id}>
                        {label(NEED_LABELS[id])}
                      </option>
                    ))}
                  </select>
                </label>
              ))}
            </div>
          </fieldset>
          <Checks legend={t('staff.form.targets')} name={`targets-${m.id}`} items={TARGETS.filter((x) => x !== 'anyone')} selected={m.targets} onChange={(targets) => setMember(i, { targets })} labelOf={(x) => label(TARGET_LABELS[x])} />
          {members.length > 1 && (
            <button type="button" className="button button--secondary button--small" onClick={() => setMembers((ms) => ms.filter((_, j) => j !== i))}>
              {t('staff.form.removeMember', { n: i + 1 })}
            </button>
          )}
        </fieldset>
      ))}
      <p>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => setMembers((ms) => [...ms, newMember(Math.max(0, ...ms.map((x) => Number(x.id.slice(1)))) + 1, 'child')])}
          disabled={members.length >= 12}
        >
          {t('staff.form.addMember')}
        </button>
      </p>

      {problem && (
        <p className="error-text" role="alert">
          {problem}
        </p>
      )}
      <p>
        <button type="submit" className="button" disabled={create.isPending || !catalog.data}>
          {t('staff.form.submit')}
        </button>
      </p>
    </form>
  );
}
