// 取り込み・書き出し (issue 4, points 10 and 12): choose or drop a CSV, see the detected encoding and
// layout, adjust the 種別 → category table, read the preview with every row's errors and
// warnings, and commit all or nothing into the data source. Export of the data in the national
// CSV layout, GeoJSON, HSDS and the template. For coordinators, staff and admins.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type ChangeEvent, type DragEvent } from 'react';
import { Link } from 'wouter';
import { useDataSource } from '../../../data/data-source-context';
import type { DataSource } from '../../../data/port';
import { templateCsv } from '../../../domain/import/template';
import type { Dataset } from '../../../domain/model';
import { CATEGORIES, CATEGORY_BY_ID, type CategoryId } from '../../../domain/taxonomy';
import { useI18n } from '../../../i18n/i18n';
import { useAuth, useRole } from '../../auth/auth-context';
import { download } from '../download';
import { createImportClient, type ImportClient } from '../import-client';
import type { ImportResult, PreviewRow } from '../import-job';
import { ExportSection } from './export-section';
import './import-page.css';
import { registerMessages } from '../../../i18n/messages';
import { importMessages } from '../../../i18n/messages/import';

// this chunk's messages join the eager ones when it loads (i18n/messages/index.ts)
registerMessages(importMessages);

const PAGE = 100;

const ENCODING_LABELS: Record<ImportResult['encoding'], string> = {
  'utf-8': 'UTF-8',
  'utf-8-bom': 'UTF-8（BOM 付き）',
  cp932: 'Shift_JIS（CP932）',
  'utf-16le': 'UTF-16LE',
  'utf-16be': 'UTF-16BE',
};

const emptyDataset = (): Dataset => ({ version: 1, generatedAt: new Date().toISOString(), label: '', organizations: [], areas: [], sites: [], menus: [] });

async function currentData(source: DataSource): Promise<Dataset> {
  if (source.loadImportBase) return source.loadImportBase();
  return source.exportBackup ? source.exportBackup() : emptyDataset();
}

type Picked = { name: string; bytes: Uint8Array };

// the user's 種別 → category choices, remembered on this device for the next file
const CHOICES_KEY = 'kasane.importCategoryChoices';
function loadChoices(): Record<string, CategoryId> {
  try {
    const raw: unknown = JSON.parse(localStorage.getItem(CHOICES_KEY) ?? '{}');
    if (!raw || typeof raw !== 'object') return {};
    const known = new Set<string>(CATEGORIES.map((c) => c.id));
    return Object.fromEntries(Object.entries(raw).filter(([, v]) => typeof v === 'string' && known.has(v))) as Record<string, CategoryId>;
  } catch {
    return {};
  }
}
function saveChoices(choices: Record<string, CategoryId>): void {
  try {
    localStorage.setItem(CHOICES_KEY, JSON.stringify(choices));
  } catch {
    // not remembered, but still applied
  }
}
type Message = { kind: 'ok' | 'error'; text: string };

export function ImportPage() {
  const { t } = useI18n();
  const role = useRole();
  const source = useDataSource();
  if (role === 'resident')
    return (
      <div className="page">
        <h1>{t('import.title')}</h1>
        <p>{t('import.forbidden')}</p>
        {source.kind === 'local' && (
          <p>
            {t('import.forbiddenDemo')} <Link href="/settings">{t('nav.settings')}</Link>
          </p>
        )}
      </div>
    );
  return (
    <div className="page import">
      <h1>{t('import.title')}</h1>
      <ImportSection />
      <ExportSection />
    </div>
  );
}

function ImportSection() {
  const { t } = useI18n();
  const source = useDataSource();
  const queryClient = useQueryClient();
  const fileRef = useRef<HTMLInputElement>(null);
  const client = useRef<ImportClient | null>(null);
  const request = useRef(0);
  const [picked, setPicked] = useState<Picked | null>(null);
  const [existing, setExisting] = useState<Dataset | null>(null);
  const [choices, setChoicesState] = useState<Record<string, CategoryId>>(loadChoices);
  const setChoices = (c: Record<string, CategoryId>) => {
    setChoicesState(c);
    saveChoices(c);
  };
  const [excluded, setExcluded] = useState<number[]>([]);
  const [skipErrors, setSkipErrors] = useState(false);
  const auth = useAuth();
  const role = auth.role;
  const mayPublish = role === 'staff' || role === 'admin';
  // a coordinator's import becomes their own organization's listings
  const orgId = auth.status === 'signed-in' && role === 'coordinator' ? auth.organizationIds[0] : undefined;
  const [publish, setPublish] = useState(false);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [busy, setBusy] = useState<'reading' | 'committing' | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const [dragging, setDragging] = useState(false);

  useEffect(() => {
    const c = createImportClient();
    client.current = c;
    return () => c.dispose();
  }, []);

  // every change of file, data, mapping or exclusion gives a new preview; late answers are dropped
  useEffect(() => {
    if (!picked || !existing || !client.current) return;
    const id = ++request.current;
    setBusy('reading');
    client.current
      .preview({ bytes: picked.bytes, fileName: picked.name, existing, choices, skipErrors, exclude: excluded, publish: mayPublish && publish, orgId })
      .then(
        (r) => {
          if (id !== request.current) return;
          setResult(r);
          setBusy(null);
        },
        (e: unknown) => {
          if (id !== request.current) return;
          setResult(null);
          setBusy(null);
          setMessage({ kind: 'error', text: t('import.readFailed', { reason: e instanceof Error ? e.message : String(e) }) });
        },
      );
  }, [picked, existing, choices, skipErrors, excluded, publish, mayPublish, orgId, t]);

  const choose = async (file: File) => {
    setMessage(null);
    setResult(null);
    setExcluded([]);
    setBusy('reading');
    try {
      const [bytes, data] = await Promise.all([file.arrayBuffer(), currentData(source)]);
      setExisting(data);
      setPicked({ name: file.name, bytes: new Uint8Array(bytes) });
    } catch (e) {
      setBusy(null);
      setMessage({ kind: 'error', text: t('import.readFailed', { reason: e instanceof Error ? e.message : String(e) }) });
    }
  };

  const onFile = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (file) void choose(file);
    e.target.value = '';
  };

  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer.files[0];
    if (file) void choose(file);
  };

  const commit = async () => {
    if (!result || !source.applyImport) return;
    setBusy('committing');
    setMessage(null);
    try {
      await source.applyImport(result.plan);
      await queryClient.invalidateQueries();
      setMessage({ kind: 'ok', text: t('import.done', result.summary) });
      // the file again against the new data: a second import of it would change nothing
      setExisting(await currentData(source));
    } catch (e) {
      setMessage({ kind: 'error', text: t('import.failed', { reason: e instanceof Error ? e.message : String(e) }) });
    } finally {
      setBusy(null);
    }
  };

  const fileErrors = result?.problems.filter((p) => p.row === 0 && p.severity === 'error') ?? [];
  const blocked = Boolean(result && result.plan.blocking.length > 0);
  const nothing = Boolean(result && result.summary.new + result.summary.updated === 0);

  return (
    <section aria-labelledby="import-heading">
      <h2 id="import-heading" className="visually-hidden">
        {t('import.choose')}
      </h2>
      <p>{t('import.intro')}</p>
      <p>
        <button type="button" className="button button--secondary button--small" onClick={() => download('kasane-map-template.csv', templateCsv(), 'text/csv;charset=utf-8')}>
          {t('import.template')}
        </button>
      </p>
      <div
        className={`import__drop${dragging ? ' import__drop--over' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        {/* a real button opens the file picker: a styled <label> cannot take keyboard focus */}
        <button type="button" className="button" onClick={() => fileRef.current?.click()} disabled={busy === 'committing'}>
          {t('import.choose')}
        </button>
        <span>{t('import.drop')}</span>
        <input ref={fileRef} type="file" accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values" hidden onChange={onFile} data-testid="import-file" />
      </div>

      <div role="status" className="import__status">
        {busy === 'reading' && picked && <p>{t('import.reading', { name: picked.name })}</p>}
        {busy === 'committing' && <p>{t('import.committing')}</p>}
        {message && <p className={message.kind === 'error' ? 'error-text' : 'import__ok'}>{message.text}</p>}
      </div>

      {result && picked && (
        <div className="import__result" data-testid="import-result" aria-busy={busy === 'reading'}>
          <dl className="import__facts">
            <div>
              <dt>{t('import.file')}</dt>
              <dd>{picked.name}</dd>
            </div>
            <div>
              <dt>{t('import.encoding')}</dt>
              <dd>{ENCODING_LABELS[result.encoding]}</dd>
            </div>
            <div>
              <dt>{t('import.layout')}</dt>
              <dd>{result.layoutLabel ?? t('import.unknownLayout')}</dd>
            </div>
            <div>
              <dt>{t('import.rows')}</dt>
              <dd data-count="rows">{result.rowCount}</dd>
            </div>
            {orgId && (
              <div>
                <dt>{t('import.organization')}</dt>
                <dd>{existing?.organizations.find((o) => o.id === orgId)?.name ?? orgId}</dd>
              </div>
            )}
          </dl>

          {fileErrors.length > 0 && (
            <div className="import__file-error" role="alert">
              <p>
                <strong>{t('import.fileError')}</strong>
              </p>
              <ul>
                {fileErrors.map((p, i) => (
                  <li key={i}>{p.message}</li>
                ))}
              </ul>
            </div>
          )}

          {result.kinds.length > 0 && <KindTable result={result} choices={choices} setChoices={setChoices} />}

          <h2>{t('import.summary')}</h2>
          <dl className="import__summary" data-testid="import-summary">
            {(['new', 'updated', 'unchanged', 'skipped'] as const).map((k) => (
              <div key={k}>
                <dt>{t(`import.${k}`)}</dt>
                <dd data-count={k}>{result.summary[k]}</dd>
              </div>
            ))}
            <div>
              <dt>{t('import.errorRows')}</dt>
              <dd data-count="errors">{result.summary.errors}</dd>
            </div>
            <div>
              <dt>{t('import.warnings')}</dt>
              <dd data-count="warnings">{result.summary.warnings}</dd>
            </div>
            <div>
              <dt>{t('import.duplicates')}</dt>
              <dd data-count="duplicates">{result.summary.duplicates}</dd>
            </div>
          </dl>
          <label className="checkbox">
            <input type="checkbox" checked={skipErrors} onChange={(e) => setSkipErrors(e.target.checked)} />
            {t('import.skipErrors')}
          </label>
          {mayPublish && (
            <label className="checkbox">
              <input type="checkbox" checked={publish} onChange={(e) => setPublish(e.target.checked)} />
              {t('import.publish')}
            </label>
          )}
          <div className="import__commit">
            <button type="button" className="button" disabled={blocked || nothing || busy !== null || !source.applyImport} onClick={() => void commit()}>
              {t('import.commit')}
            </button>
            {!source.applyImport ? (
              <p className="find__note">{t('import.noLocal')}</p>
            ) : blocked ? (
              <p className="find__note">{t('import.blocked')}</p>
            ) : nothing ? (
              <p className="find__note">{t('import.nothing')}</p>
            ) : null}
          </div>

          <Problems result={result} />
          <PreviewTable result={result} excluded={excluded} setExcluded={setExcluded} />
        </div>
      )}
    </section>
  );
}

function KindTable({
  result,
  choices,
  setChoices,
}: {
  result: ImportResult;
  choices: Record<string, CategoryId>;
  setChoices: (c: Record<string, CategoryId>) => void;
}) {
  const { t, label } = useI18n();
  const base = useId();
  return (
    <section aria-labelledby={`${base}-h`}>
      <h2 id={`${base}-h`}>{t('import.mapping')}</h2>
      <p>{t('import.mappingIntro')}</p>
      <div className="import__scroll">
        <table className="import__table">
          <thead>
            <tr>
              <th scope="col">{t('import.kind')}</th>
              <th scope="col">{t('import.count')}</th>
              <th scope="col">{t('import.category')}</th>
            </tr>
          </thead>
          <tbody>
            {result.kinds.map((k, i) => (
              <tr key={k.kind}>
                <th scope="row" id={`${base}-${i}`}>
                  {k.kind}
                </th>
                <td>{k.count}</td>
                <td>
                  <select
                    className="select"
                    aria-label={t('import.categoryFor', { kind: k.kind })}
                    value={k.categoryId ?? ''}
                    onChange={(e) => setChoices({ ...choices, [k.kind]: e.target.value as CategoryId })}
                  >
                    {!k.categoryId && <option value="">{t('import.noCategory')}</option>}
                    {CATEGORIES.map((c) => (
                      <option key={c.id} value={c.id}>
                        {label(c.label)}
                      </option>
                    ))}
                  </select>
                  {k.approximate && !k.chosen && <span className="import__hint"> {t('import.approximate')}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Problems({ result }: { result: ImportResult }) {
  const { t } = useI18n();
  const [limit, setLimit] = useState(PAGE);
  const shown = result.problems.slice(0, limit);
  return (
    <section aria-labelledby="import-problems">
      <h2 id="import-problems">{t('import.problems')}</h2>
      {result.problems.length === 0 ? (
        <p>{t('import.problemsNone')}</p>
      ) : (
        <>
          <div className="import__scroll">
            <table className="import__table" data-testid="import-problems">
              <thead>
                <tr>
                  <th scope="col">{t('import.problemRow')}</th>
                  <th scope="col">{t('import.severity')}</th>
                  <th scope="col">{t('import.field')}</th>
                  <th scope="col">{t('import.message')}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((p, i) => (
                  <tr key={i} data-row={p.row} className={p.severity === 'error' ? 'import__error' : undefined}>
                    <td>{p.row || t('import.wholeFile')}</td>
                    <td>{p.severity === 'error' ? t('import.error') : t('import.warning')}</td>
                    <td>{p.field}</td>
                    <td>{p.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {result.problems.length > shown.length && (
            <p>
              {t('import.shown', { shown: shown.length, total: result.problems.length })}{' '}
              <button type="button" className="button button--secondary button--small" onClick={() => setLimit(limit + PAGE)}>
                {t('import.more')}
              </button>
            </p>
          )}
        </>
      )}
    </section>
  );
}

function PreviewTable({ result, excluded, setExcluded }: { result: ImportResult; excluded: number[]; setExcluded: (rows: number[]) => void }) {
  const { t, label } = useI18n();
  const [filter, setFilter] = useState<'problems' | 'all'>('problems');
  const [limit, setLimit] = useState(PAGE);
  const id = useId();
  const rows: PreviewRow[] = filter === 'all' ? result.rows : result.rows.filter((r) => r.errors + r.warnings > 0);
  const shown = rows.slice(0, limit);
  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('import.preview')}</h2>
      <fieldset className="import__filter">
        <legend>{t('import.show')}</legend>
        {(['problems', 'all'] as const).map((f) => (
          <label key={f} className="checkbox">
            <input type="radio" name={`${id}-filter`} checked={filter === f} onChange={() => (setFilter(f), setLimit(PAGE))} />
            {t(f === 'all' ? 'import.showAll' : 'import.showProblems')}
          </label>
        ))}
      </fieldset>
      <div className="import__scroll">
        <table className="import__table" data-testid="import-preview">
          <thead>
            <tr>
              <th scope="col">{t('import.problemRow')}</th>
              <th scope="col">{t('import.name')}</th>
              <th scope="col">{t('import.category')}</th>
              <th scope="col">{t('import.lat')}</th>
              <th scope="col">{t('import.lng')}</th>
              <th scope="col">{t('import.state')}</th>
              <th scope="col">{t('import.include')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.row} data-row={r.row} className={r.state === 'error' ? 'import__error' : undefined}>
                <td>{r.row}</td>
                <td>{r.name}</td>
                <td>{r.categoryId ? label(CATEGORY_BY_ID[r.categoryId].label) : '—'}</td>
                <td>{r.lat ?? '—'}</td>
                <td>{r.lng ?? '—'}</td>
                <td>{t(`import.state.${r.state}`)}</td>
                <td>
                  <input
                    type="checkbox"
                    aria-label={t('import.includeRow', { row: r.row, name: r.name })}
                    checked={!excluded.includes(r.row)}
                    disabled={r.state === 'skipped' && !excluded.includes(r.row)}
                    onChange={(e) => setExcluded(e.target.checked ? excluded.filter((x) => x !== r.row) : [...excluded, r.row])}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        {t('import.shown', { shown: shown.length, total: rows.length })}{' '}
        {rows.length > shown.length && (
          <button type="button" className="button button--secondary button--small" onClick={() => setLimit(limit + PAGE)}>
            {t('import.more')}
          </button>
        )}
      </p>
    </section>
  );
}
