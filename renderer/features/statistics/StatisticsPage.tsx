import { useCallback, useMemo, useState } from 'react';
import { PARTNERSHIP_STATUSES, PARTNERSHIP_TYPES } from '../../../shared/domain/codes';
import { MEMBERSHIP_FILTERS, type StatsFilterInput } from '../../../shared/domain/statistics/filter';
import { statsFigureLink } from '../../lib/deep-links';
import type { AreaFigures } from '../../../shared/domain/statistics/schemas';
import type { StatsExportFormat } from '../../../shared/ipc/channels/statistics';
import { DataGrid } from '../../components/DataGrid';
import { ErrorNotice } from '../../components/ErrorNotice';
import { PageHeader } from '../../components/PageHeader';
import { PrintButton } from '../../components/PrintButton';
import { describeFilter } from '../../../shared/domain/statistics/tables';
import { call } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import { useAsync } from '../../lib/useAsync';
import {
  areaColumns,
  cooperationColumns,
  countryColumns,
  formatters,
  fundingColumns,
  matrixColumns,
  type AreaRow,
  type CountryRow,
  type FundingRow,
  type MatrixRow,
} from './stats-columns';
import { AreaBarsChart, CountriesChart, YearsChart, type StackBy } from './StatsCharts';
import './statistics.css';
import { CodeSelect } from '../../components/Field';
import { OneCodeFilter } from '../../components/OneCodeFilter';

const TABS = ['regions', 'countries', 'matrix', 'areas', 'funding'] as const;
type Tab = (typeof TABS)[number];
const EXPORTS: readonly StatsExportFormat[] = ['xlsx', 'docx', 'csv', 'json'];

const areaRowId = (p: { data: AreaFigures }) => `${p.data.level}-${p.data.regionCode ?? ''}-${p.data.code ?? 'none'}`;

/** The statistics dashboard: filter, key figures, charts, tables with drill-down, exports. */
export function StatisticsPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const [filter, setFilter] = useState<StatsFilterInput>({});
  const [tab, setTab] = useState<Tab>('regions');
  const [stackBy, setStackBy] = useState<StackBy>('type');
  const [level, setLevel] = useState<'district' | 'orp'>('district');
  const [exporting, setExporting] = useState<StatsExportFormat | null>(null);
  const [exported, setExported] = useState<string | null>(null);
  const [exportError, setExportError] = useState<unknown>(null);
  // Reversed years are said next to the years; nothing is computed for them.
  const reversedYears =
    filter.fromYear !== undefined &&
    filter.fromYear !== null &&
    filter.toYear !== undefined &&
    filter.toYear !== null &&
    filter.fromYear > filter.toYear;
  const [shownFilter, setShownFilter] = useState<StatsFilterInput>({});
  if (!reversedYears && shownFilter !== filter) setShownFilter(filter);
  const stats = useAsync(() => call('stats:compute', { filter: shownFilter }), [shownFilter]);
  const regions = useAsync(() => call('regions:list', {}), []);
  const data = stats.data;
  const f = formatters(i18n);
  const patch = (next: Partial<StatsFilterInput>) => setFilter((current) => ({ ...current, ...next }));
  // The chosen region (kraj) narrows the whole screen: figures, charts, tables and exports; its
  // districts or ORPs take the regions' place in the table and the chart.
  const drill = shownFilter.region ?? null;
  const setDrill = (region: string | null) => patch({ region });
  const dormantYears = filter.dormantYears ?? 3;

  const regionRows = data?.regions;
  const drillRows = useMemo(() => {
    if (!data || drill === null) return undefined;
    return (level === 'district' ? data.districts : data.orps).filter((a) => a.regionCode === drill);
  }, [data, drill, level]);
  const drillName = drill === null ? '' : (data?.regions.find((r) => r.code === drill)?.name ?? drill);
  const columns = useMemo(
    () => areaColumns(i18n, drill === null ? 'region' : level, dormantYears),
    [i18n, drill, level, dormantYears],
  );
  const onRegionOpen = useCallback((event: { data?: AreaFigures }) => {
    const code = event.data?.level === 'region' ? event.data.code : null;
    if (code !== null) setFilter((current) => ({ ...current, region: code }));
  }, []);

  const runExport = async (format: StatsExportFormat) => {
    setExporting(format);
    setExported(null);
    setExportError(null);
    try {
      const result = await call('stats:export', { format, filter: shownFilter, language: i18n.language });
      if (result) setExported(result.filePath);
    } catch (error) {
      setExportError(error);
    } finally {
      setExporting(null);
    }
  };

  const yearValue = (value: string) => (/^\d{4}$/.test(value) ? Number(value) : null);

  return (
    <section className="page page-scroll stats-page" data-testid="statistics-page">
      <PageHeader title={t('stats.title')}>
        <PrintButton
          title={t('stats.title')}
          filter={data && describeFilter(data.filter, i18n.language, drillName || undefined)}
        />
        <span className="stats-export-label">{t('stats.export')}:</span>
        {EXPORTS.map((format) => (
          <button
            key={format}
            type="button"
            className="button"
            data-testid={`stats-export-${format}`}
            disabled={exporting !== null}
            onClick={() => void runExport(format)}
          >
            {exporting === format ? t('stats.export.running') : t(`stats.export.${format}`)}
          </button>
        ))}
      </PageHeader>
      {exported !== null && (
        <p className="notice" data-testid="stats-export-done">
          {t('stats.export.done', { path: exported })}
        </p>
      )}
      {exportError !== null && <ErrorNotice error={exportError} />}

      <div className="stats-filter card" data-testid="stats-filter">
        <label className="stats-field">
          <span>{t('stats.filter.region')}</span>
          <select
            data-testid="stats-region"
            value={filter.region ?? ''}
            onChange={(e) => patch({ region: e.target.value === '' ? null : e.target.value })}
          >
            <option value="">{t('stats.filter.allRegions')}</option>
            {(regions.data ?? []).map((region) => (
              <option key={region.code} value={region.code}>
                {region.name}
              </option>
            ))}
          </select>
        </label>
        <label className="stats-field">
          <span>{t('stats.filter.years')}</span>
          <span className="stats-years">
            <input
              type="number"
              inputMode="numeric"
              min={1900}
              max={2100}
              placeholder={t('stats.filter.from')}
              aria-label={`${t('stats.filter.years')} ${t('stats.filter.from')}`}
              data-testid="stats-from"
              value={filter.fromYear ?? ''}
              onChange={(e) => patch({ fromYear: yearValue(e.target.value) })}
            />
            –
            <input
              type="number"
              inputMode="numeric"
              min={1900}
              max={2100}
              placeholder={t('stats.filter.to')}
              aria-label={`${t('stats.filter.years')} ${t('stats.filter.to')}`}
              data-testid="stats-to"
              value={filter.toYear ?? ''}
              onChange={(e) => patch({ toYear: yearValue(e.target.value) })}
            />
          </span>
          {reversedYears && (
            <span className="field-error" role="alert" data-testid="stats-years-error">
              {t('validation.yearRange')}
            </span>
          )}
        </label>
        <label className="stats-field">
          <span>{t('stats.filter.type')}</span>
          <OneCodeFilter
            codes={PARTNERSHIP_TYPES}
            labelPrefix="partnershipType"
            chosen={filter.types}
            onChange={(types) => patch({ types })}
            empty={t('stats.filter.all')}
            data-testid="stats-type"
          />
        </label>
        <label className="stats-field">
          <span>{t('stats.filter.status')}</span>
          <OneCodeFilter
            codes={PARTNERSHIP_STATUSES}
            labelPrefix="partnershipStatus"
            chosen={filter.statuses}
            onChange={(statuses) => patch({ statuses })}
            empty={t('stats.filter.all')}
            data-testid="stats-status"
          />
        </label>
        <label className="stats-field">
          <span>{t('stats.filter.membership')}</span>
          <CodeSelect
            codes={MEMBERSHIP_FILTERS}
            labelPrefix="stats.membership"
            value={filter.membership ?? 'members'}
            onChange={(membership) => patch({ membership: membership ?? 'members' })}
            data-testid="stats-membership"
          />
        </label>
        <label className="stats-field stats-field-narrow">
          <span>{t('stats.filter.dormantYears')}</span>
          <input
            type="number"
            min={1}
            max={100}
            data-testid="stats-dormant"
            value={dormantYears}
            onChange={(e) => {
              const n = Number(e.target.value);
              if (Number.isInteger(n) && n >= 1 && n <= 100) patch({ dormantYears: n });
            }}
          />
        </label>
        <button type="button" className="button stats-reset" onClick={() => setFilter({})}>
          {t('stats.filter.reset')}
        </button>
      </div>

      {stats.status === 'error' && <ErrorNotice error={stats.error} onRetry={stats.reload} />}

      {data && (
        <>
          <div className="stats-cards" data-testid="stats-cards" aria-busy={stats.status === 'loading'}>
            <Card
              label={t('stats.card.members')}
              value={f.int(data.total.municipalities)}
              href={statsFigureLink('municipalities', shownFilter)}
              testId="card-members"
            />
            <Card
              label={t('stats.card.withActive')}
              value={f.int(data.total.withActive)}
              detail={f.pct(data.total.activeShare)}
              href={statsFigureLink('withActive', shownFilter)}
              testId="card-with-active"
            />
            <Card
              label={t('stats.card.partnerships')}
              value={f.int(data.total.partnerships)}
              href={statsFigureLink('partnerships', shownFilter)}
              testId="card-partnerships"
            />
            <Card
              label={t('stats.card.per10k')}
              value={f.dec(data.total.per10k)}
              hint={t('stats.card.per10kHint')}
              testId="card-per10k"
            />
            <Card
              label={i18n.tn('stats.card.dormant', dormantYears)}
              value={f.int(data.total.dormant)}
              href={statsFigureLink('dormant', shownFilter)}
              testId="card-dormant"
            />
            <Card
              label={t('stats.card.expiring')}
              value={f.int(data.total.expiring)}
              href={statsFigureLink('expiring', shownFilter)}
              testId="card-expiring"
            />
            <Card
              label={t('stats.card.countries')}
              value={f.int(data.countries.length)}
              onOpen={() => {
                setTab('countries');
                document.getElementById('stats-tables')?.scrollIntoView({ block: 'start' });
              }}
              hint={t('stats.card.openCountries')}
              testId="card-countries"
            />
          </div>

          <div className="stats-charts">
            <div className="card stats-chart-card stats-chart-wide" data-testid="chart-regions">
              <div className="stats-chart-tools">
                <span>{t('stats.chart.stackBy')}:</span>
                {(['type', 'status'] as const).map((key) => (
                  <button
                    key={key}
                    type="button"
                    className={`button small ${stackBy === key ? 'primary' : ''}`}
                    aria-pressed={stackBy === key}
                    onClick={() => setStackBy(key)}
                  >
                    {t(key === 'type' ? 'stats.chart.stackType' : 'stats.chart.stackStatus')}
                  </button>
                ))}
              </div>
              <AreaBarsChart
                areas={drillRows && level === 'district' ? drillRows : data.regions}
                stackBy={stackBy}
                title={t(drillRows && level === 'district' ? 'stats.chart.byDistrict' : 'stats.chart.byRegion')}
              />
            </div>
            <div className="card stats-chart-card" data-testid="chart-years">
              {data.years.length > 0 ? (
                <YearsChart years={data.years} />
              ) : (
                <p className="empty-note">{t('stats.chart.empty')}</p>
              )}
            </div>
            <div className="card stats-chart-card" data-testid="chart-countries">
              {data.topCountries.length > 0 ? (
                <CountriesChart countries={data.topCountries} />
              ) : (
                <p className="empty-note">{t('stats.chart.empty')}</p>
              )}
            </div>
          </div>

          <div className="stats-tabs" role="tablist" id="stats-tables">
            {TABS.map((id) => (
              <button
                key={id}
                type="button"
                role="tab"
                aria-selected={tab === id}
                className={`stats-tab ${tab === id ? 'active' : ''}`}
                data-testid={`stats-tab-${id}`}
                onClick={() => setTab(id)}
              >
                {t(`stats.tab.${id}`)}
              </button>
            ))}
          </div>

          {tab === 'regions' && (
            <div className="stats-table">
              <div className="stats-drill">
                {drill === null ? (
                  <span className="stats-hint">{t('stats.drill.hint')}</span>
                ) : (
                  <>
                    <button
                      type="button"
                      className="button small"
                      data-testid="stats-drill-back"
                      onClick={() => setDrill(null)}
                    >
                      ← {t('stats.drill.back')}
                    </button>
                    <strong data-testid="stats-drill-region">{drillName}</strong>
                    {(['district', 'orp'] as const).map((l) => (
                      <button
                        key={l}
                        type="button"
                        className={`button small ${level === l ? 'primary' : ''}`}
                        aria-pressed={level === l}
                        data-testid={`stats-level-${l}`}
                        onClick={() => setLevel(l)}
                      >
                        {t(`stats.level.${l}`)}
                      </button>
                    ))}
                  </>
                )}
              </div>
              <DataGrid<AreaFigures>
                key={drill === null ? 'regions' : `${drill}-${level}`}
                testId="stats-regions-grid"
                rows={drill === null ? regionRows : drillRows}
                columns={columns}
                getRowId={areaRowId}
                gridProps={{
                  onRowDoubleClicked: onRegionOpen,
                  pinnedBottomRowData: drill === null ? [data.total] : [],
                }}
              />
            </div>
          )}
          {tab === 'countries' && (
            <div className="stats-table">
              <DataGrid<CountryRow>
                testId="stats-countries-grid"
                rows={data.countries}
                columns={countryColumns(i18n)}
                getRowId={(p) => p.data.countryCode}
              />
            </div>
          )}
          {tab === 'matrix' && (
            <div className="stats-table">
              <DataGrid<MatrixRow>
                testId="stats-matrix-grid"
                rows={data.matrix.rows}
                columns={matrixColumns(i18n, data.matrix.countries)}
                getRowId={(p) => p.data.regionCode ?? 'none'}
              />
            </div>
          )}
          {tab === 'areas' && (
            <div className="stats-table">
              <DataGrid<AreaRow>
                testId="stats-areas-grid"
                rows={data.areas}
                columns={cooperationColumns(i18n)}
                getRowId={(p) => p.data.area}
              />
            </div>
          )}
          {tab === 'funding' && (
            <div className="stats-table">
              <DataGrid<FundingRow>
                testId="stats-funding-grid"
                rows={data.funding.byProgrammeYear}
                columns={fundingColumns(i18n, data.funding.currencies)}
                getRowId={(p) => `${p.data.programme ?? 'none'}-${String(p.data.year ?? '')}`}
                gridProps={{ pinnedBottomRowData: [data.funding.total] }}
              />
            </div>
          )}
        </>
      )}
    </section>
  );
}

/**
 * A key figure. With `href` it opens the grid filtered to exactly the rows it counts; with
 * `onOpen` it shows its table on this screen; `hint` says what a figure that is no count means.
 */
function Card({
  label,
  value,
  detail,
  testId,
  href,
  onOpen,
  hint,
}: {
  label: string;
  value: string;
  detail?: string;
  testId: string;
  href?: string;
  onOpen?: () => void;
  hint?: string;
}) {
  const { t } = useI18n();
  const body = (
    <>
      <span className="stats-card-label">{label}</span>
      <span className="stats-card-value">
        {value}
        {detail !== undefined && <small> ({detail})</small>}
      </span>
    </>
  );
  if (href !== undefined) {
    const title = t('stats.card.open', { count: value, figure: label });
    return (
      <a className="card stats-card stats-card-link" href={href} title={title} aria-label={title} data-testid={testId}>
        {body}
      </a>
    );
  }
  if (onOpen !== undefined) {
    return (
      <button type="button" className="card stats-card stats-card-link" onClick={onOpen} title={hint} data-testid={testId}>
        {body}
      </button>
    );
  }
  return (
    <div className="card stats-card" title={hint} data-testid={testId}>
      {body}
    </div>
  );
}
