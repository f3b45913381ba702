// /staff/unmet: 「惜しいケース」: unmet needs aggregated by need × area × blocking constraint, as a
// table and a sketch map, with counts under 5 suppressed outside the owning team; CSV export.
import { useMemo, useState } from 'react';
import { SMALL_COUNT_LIMIT, unmetSummaryCsv, type UnmetSummaryRow } from '../../../domain/case/unmet-summary';
import { BLOCKING_CONSTRAINT_LABELS } from '../../../domain/matching/describe';
import { representativePoint } from '../../../domain/matching/home';
import { todayInJapan } from '../../../domain/schedule/dates';
import { NEEDS, NEED_LABELS, type NeedId } from '../../../domain/taxonomy';
import { useI18n } from '../../../i18n/i18n';
import { errorMessage, useCatalog, useUnmetSummary } from '../api/staff-port';
import { lookupOf } from './catalog-lookup';
import { SchematicMap, type SketchMarker } from './schematic-map';

export function UnmetPage() {
  const { t, label, locale } = useI18n();
  const summary = useUnmetSummary();
  const catalog = useCatalog();
  const [need, setNeed] = useState<NeedId | ''>('');
  const rows = useMemo(() => (summary.data ?? []).filter((r) => !need || r.need === need), [summary.data, need]);
  const small = `<${SMALL_COUNT_LIMIT}`;
  const countText = (r: UnmetSummaryRow) => (r.count === null ? small : String(r.count));
  const constraintLabel = (c: UnmetSummaryRow['blockingConstraint']) => BLOCKING_CONSTRAINT_LABELS[c][locale === 'en' ? 'en' : 'ja'];
  const areaName = (id: string | null) => (catalog.data ? lookupOf(catalog.data).areaName(id) : null) ?? t('staff.unknownArea');

  const markers: SketchMarker[] = (() => {
    const areas = catalog.data?.areas;
    if (!areas) return [];
    const byArea = new Map<string, { exact: number; suppressed: boolean }>();
    for (const r of rows) {
      if (!r.areaId) continue;
      const a = byArea.get(r.areaId) ?? { exact: 0, suppressed: false };
      if (r.count === null) a.suppressed = true;
      else a.exact += r.count;
      byArea.set(r.areaId, a);
    }
    return [...byArea].flatMap(([areaId, v]) => {
      const area = areas.find((a) => a.id === areaId);
      if (!area) return [];
      const text = v.exact > 0 ? `${v.exact}${v.suppressed ? '+' : ''}` : small;
      return [{ key: areaId, at: representativePoint(area), text, title: t('staff.unmetMarker', { area: area.name, n: text }) }];
    });
  })();

  const download = () => {
    const csv = unmetSummaryCsv(
      rows,
      { need: (n) => label(NEED_LABELS[n]), area: areaName, constraint: constraintLabel },
      [t('staff.colNeed'), t('staff.colArea'), t('staff.colConstraint'), t('staff.colCount')],
    );
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `unmet-needs-${todayInJapan()}.csv`;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  return (
    <div className="page staff-page staff-page--wide">
      <h1>{t('staff.unmet')}</h1>
      <p>{t('staff.unmetIntro')}</p>
      <p className="staff-hint">{t('staff.unmetSuppression', { n: SMALL_COUNT_LIMIT })}</p>
      <div className="staff-row">
        <label className="staff-field">
          {t('staff.filterNeed')}
          <select className="select" value={need} onChange={(e) => setNeed(e.target.value as NeedId | '')}>
            <option value="">{t('staff.allNeeds')}</option>
            {NEEDS.map((n) => (
              <option key={n} value={n}>
                {label(NEED_LABELS[n])}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="button button--secondary" onClick={download} disabled={rows.length === 0}>
          {t('staff.exportCsv')}
        </button>
      </div>
      {summary.isPending && <p>{t('common.loading')}</p>}
      {summary.isError && <p className="error-text">{errorMessage(summary.error)}</p>}
      {summary.data && <p role="status">{t('staff.unmetCount', { n: rows.length })}</p>}
      {rows.length > 0 && (
        <div className="unmet-grid">
          <div className="table-wrap">
            <table className="staff-table">
              <caption className="visually-hidden">{t('staff.unmet')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('staff.colNeed')}</th>
                  <th scope="col">{t('staff.colArea')}</th>
                  <th scope="col">{t('staff.colConstraint')}</th>
                  <th scope="col">{t('staff.colCount')}</th>
                  <th scope="col">{t('staff.colOwn')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={`${r.need}|${r.areaId}|${r.blockingConstraint}`}>
                    <th scope="row">{label(NEED_LABELS[r.need])}</th>
                    <td>{areaName(r.areaId)}</td>
                    <td>{constraintLabel(r.blockingConstraint)}</td>
                    <td className="num">{countText(r)}</td>
                    <td className="num">{r.ownCount}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {catalog.data && <SchematicMap areas={catalog.data.areas} markers={markers} title={t('staff.unmetMapLabel')} />}
        </div>
      )}
    </div>
  );
}
