import { useCallback, useEffect, useMemo, useState } from 'react';
import { PARTNERSHIP_STATUSES, PARTNERSHIP_TYPES } from '../../../shared/domain/codes';
import { onRovingKeys, rovingTabIndex } from '../../lib/focus';
import {
  MEMBERSHIP_FILTERS,
  STATS_YEARS,
  statsFilterSchema,
  type StatsFilterInput,
} from '../../../shared/domain/statistics/filter';
import { mapLink, statsFigureLink } from '../../lib/deep-links';
import type { AreaFigures } from '../../../shared/domain/statistics/schemas';
import type { StatsExportFormat } from '../../../shared/ipc/channels/statistics';
import { DataGrid } from '../../components/DataGrid';
import { ErrorNotice } from '../../components/ErrorNotice';
import { NoMembersNotice } from '../../components/NoMembersNotice';
import { PageHeader } from '../../components/PageHeader';
import { PrintButton } from '../../components/PrintButton';
import {
  areasNote,
  describeFilter,
  figureCount,
  knownFigure,
  noTermStated,
  reportTitle,
  statusNote,
  figureNote,
  populationNote,
  startUnknownNote,
  notEndedOf,
  statusUnknownOf,
  territoryLabel,
  unknownFigureOf,
} from '../../../shared/domain/statistics/tables';
import { call } from '../../lib/api';
import type { MessageKey } from '../../../shared/i18n/index';
import { useI18n } from '../../lib/i18n';
import { useLiveAsync } from '../../lib/useLiveAsync';
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

/**
 * A year field's text: empty (any year), a whole year, a year out of range (3000), or something
 * else (a partial year).
 */
const yearOf = (text: string): number | null | 'invalid' | 'outOfRange' => {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (!/^\d{4}$/.test(trimmed)) return 'invalid';
  const year = Number(trimmed);
  return year < STATS_YEARS.min || year > STATS_YEARS.max ? 'outOfRange' : year;
};

/**
 * What the screen was showing when it was left (its filter, years, table and chart choices): it
 * comes back as it was for the rest of the session, as the grids' screens do (Settings, a
 * language switch or a look at the map in between does not cost the user the region and years).
 */
const remembered: {
  filter: StatsFilterInput;
  fromText: string;
  toText: string;
  tab: Tab;
  stackBy: StackBy;
  level: 'district' | 'orp';
} = { filter: {}, fromText: '', toText: '', tab: 'regions', stackBy: 'type', level: 'district' };

/** The statistics dashboard: filter, key figures, charts, tables with drill-down, exports. */
export function StatisticsPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const [filter, setFilter] = useState<StatsFilterInput>(remembered.filter);
  const [fromText, setFromText] = useState(remembered.fromText);
  const [toText, setToText] = useState(remembered.toText);
  const [tab, setTab] = useState<Tab>(remembered.tab);
  const [stackBy, setStackBy] = useState<StackBy>(remembered.stackBy);
  const [level, setLevel] = useState<'district' | 'orp'>(remembered.level);
  useEffect(() => {
    Object.assign(remembered, { filter, fromText, toText, tab, stackBy, level });
  }, [filter, fromText, toText, tab, stackBy, level]);
  const [exporting, setExporting] = useState<StatsExportFormat | null>(null);
  const [exported, setExported] = useState<{ filePath: string; format: StatsExportFormat } | null>(null);
  const [exportError, setExportError] = useState<unknown>(null);
  const fromYear = yearOf(fromText);
  const toYear = yearOf(toText);
  // A partial or reversed year range is said next to the years; nothing is computed or shown for
  // it (no figures of an earlier filter stay on screen).
  const partialYears = fromYear === 'invalid' || toYear === 'invalid';
  const yearsOutOfRange = !partialYears && (fromYear === 'outOfRange' || toYear === 'outOfRange');
  const reversedYears = typeof fromYear === 'number' && typeof toYear === 'number' && fromYear > toYear;
  const yearsOk = !partialYears && !yearsOutOfRange && !reversedYears;
  const shownFilter = useMemo<StatsFilterInput>(
    () => ({
      ...filter,
      fromYear: typeof fromYear === 'number' ? fromYear : null,
      toYear: typeof toYear === 'number' ? toYear : null,
    }),
    [filter, fromYear, toYear],
  );
  const [computedFilter, setComputedFilter] = useState<StatsFilterInput>({ fromYear: null, toYear: null });
  if (yearsOk && JSON.stringify(computedFilter) !== JSON.stringify(shownFilter)) setComputedFilter(shownFilter);
  const stats = useLiveAsync(() => call('stats:compute', { filter: computedFilter }), [computedFilter]);
  const territories = useLiveAsync(() => call('stats:territories', {}), []);
  // Figures of an earlier filter are not shown under a failed answer (they would pass for this one's).
  const data = yearsOk && stats.status !== 'error' ? stats.data : undefined;
  const f = formatters(i18n);
  const patch = (next: Partial<StatsFilterInput>) => setFilter((current) => ({ ...current, ...next }));
  const chosen = {
    regions: filter.regions ?? [],
    districts: filter.districts ?? [],
    orps: filter.orps ?? [],
  };
  // A territory (kraje, okresy, ORP) narrows the whole screen: figures, charts, tables, exports;
  // its okresy or ORPs take the regions' place in the table and the chart.
  const narrowed = chosen.regions.length + chosen.districts.length + chosen.orps.length > 0;
  const clearTerritory = () => patch({ regions: [], districts: [], orps: [] });
  const add = (key: keyof typeof chosen, code: string) => {
    if (code !== '' && !chosen[key].includes(code)) patch({ [key]: [...chosen[key], code] });
  };
  const remove = (key: keyof typeof chosen, code: string) => patch({ [key]: chosen[key].filter((c) => c !== code) });
  const dormantYears = filter.dormantYears ?? 3;
  const options = territories.data;
  // Okresy and ORPs offered lie in the chosen kraje (and ORPs in the chosen okresy): a choice
  // across levels narrows, so one outside would give nothing.
  const districtOptions = (options?.districts ?? []).filter(
    (d) => chosen.regions.length === 0 || (d.regionCode !== null && chosen.regions.includes(d.regionCode)),
  );
  const orpOptions = (options?.orps ?? []).filter(
    (o) =>
      (chosen.regions.length === 0 || (o.regionCode !== null && chosen.regions.includes(o.regionCode))) &&
      (chosen.districts.length === 0 || o.districtCodes.some((d) => chosen.districts.includes(d))),
  );
  const nameOf = (key: keyof typeof chosen, code: string): string => {
    const unit = options?.[key].find((u) => u.code === code);
    const name = unit?.name ?? code;
    if (key === 'districts') return t('stats.territory.district', { name });
    if (key === 'orps') return t('stats.territory.orp', { name });
    return name;
  };
  const territoryName = data ? territoryLabel(data.territory, i18n.language) : null;

  const drillRows = useMemo(() => {
    if (!data || !narrowed) return undefined;
    return level === 'district' ? data.districts : data.orps;
  }, [data, narrowed, level]);
  const columns = useMemo(
    () => areaColumns(i18n, narrowed ? level : 'region', dormantYears),
    [i18n, narrowed, level, dormantYears],
  );
  // Double-click narrows the whole screen to the row's kraj, okres or ORP.
  const onAreaOpen = useCallback((event: { data?: AreaFigures }) => {
    const area = event.data;
    if (!area || area.code === null) return;
    const code = area.code;
    if (area.level === 'region') setFilter((current) => ({ ...current, regions: [code], districts: [], orps: [] }));
    else if (area.level === 'district') setFilter((current) => ({ ...current, districts: [code], orps: [] }));
    else if (area.level === 'orp') setFilter((current) => ({ ...current, orps: [code] }));
  }, []);

  const runExport = async (format: StatsExportFormat) => {
    setExporting(format);
    setExported(null);
    setExportError(null);
    try {
      const result = await call('stats:export', { format, filter: computedFilter, language: i18n.language });
      if (result) setExported({ filePath: result.filePath, format });
    } catch (error) {
      setExportError(error);
    } finally {
      setExporting(null);
    }
  };

  const national = data?.national ?? null;
  /** A territory's figure beside the whole country's: "Česko: 210 · 6,7 % Česka". */
  const compare = (part: number, whole: number | undefined, format = f.int): string | undefined => {
    if (national === null || whole === undefined) return undefined;
    const value = t('stats.compare.country', { value: format(whole) });
    return whole === 0 ? value : `${value} · ${t('stats.compare.share', { share: f.pct(part / whole) })}`;
  };

  /** A status figure beside the whole country's; "Česko: –" where the country's is not known. */
  const compareStatus = (figure: 'dormant' | 'expiring'): string | undefined => {
    if (data === undefined || national === null) return undefined;
    const whole = knownFigure(national.total, figure);
    const part = knownFigure(data.total, figure);
    if (whole === null) return t('stats.compare.country', { value: '–' });
    return part === null ? t('stats.compare.country', { value: f.int(whole) }) : compare(part, whole);
  };
  /**
   * Where a status figure's card leads: to exactly its rows; when the figure is not known ("–"),
   * to the partnerships whose status (or term) is not stated, said on the card and in the grid's
   * chip (a grid of no rows read as a count of 0: walkthrough 21 finding 4).
   */
  const statusLink = (
    figures: AreaFigures,
    figure: 'withActive' | 'dormant' | 'expiring',
  ): { href: string; action?: string; openLabel?: string } => {
    const unknown = unknownFigureOf(figures, figure);
    if (unknown === null) return { href: statsFigureLink(figure, computedFilter) };
    const status = unknown === 'statusUnknown';
    return {
      href: statsFigureLink(unknown, computedFilter),
      action: t(status ? 'stats.card.showStatusUnknown' : 'stats.card.showTermUnknown'),
      openLabel: t(status ? 'stats.card.openStatusUnknown' : 'stats.card.openTermUnknown', {
        count: f.int(figureCount(figures, unknown)),
      }),
    };
  };
  /** Why a status figure shows "–" (as the card's tooltip). */
  const unknownHint = (figures: AreaFigures): string | undefined => {
    const { unknown, of } = statusUnknownOf(figures);
    return of > 0 && unknown === of ? t('stats.statusUnknown.cardHint', { count: of }) : undefined;
  };

  const territoryPicker = (
    key: keyof typeof chosen,
    testId: string,
    labelKey: MessageKey,
    addKey: MessageKey,
    list: readonly { code: string; name: string }[],
  ) => {
    // None in the whole registry (a municipality list without ORP): said, not an empty choice.
    const none = options !== undefined && options[key].length === 0;
    return (
      <label
        className="stats-field"
        title={none ? t('stats.filter.noneInRegistry.hint') : key === 'orps' ? t('members.col.orpTooltip') : undefined}
      >
        <span>{t(labelKey)}</span>
        <select data-testid={testId} value="" disabled={none} onChange={(e) => add(key, e.target.value)}>
          {/* The same words as the tables' rows for municipalities without the unit (walkthrough 23 finding 6). */}
          <option value="">{t(none ? 'stats.unknown' : addKey)}</option>
          {list
            .filter((unit) => !chosen[key].includes(unit.code))
            .map((unit) => (
              <option key={unit.code} value={unit.code}>
                {unit.name}
              </option>
            ))}
        </select>
      </label>
    );
  };

  return (
    <section className="page page-scroll stats-page" data-testid="statistics-page">
      <PageHeader title={t('stats.title')}>
        <PrintButton
          title={data ? reportTitle(data, i18n.language) : t('stats.title')}
          filter={
            data &&
            [describeFilter(data.filter, i18n.language, data.territory), startUnknownNote(data, i18n.language)]
              .filter((part): part is string => part !== null)
              .join(' · ')
          }
          disabled={!yearsOk || data === undefined}
        />
        <span className="stats-export-label">{t('stats.export')}:</span>
        {EXPORTS.map((format) => (
          <button
            key={format}
            type="button"
            className="button"
            data-testid={`stats-export-${format}`}
            title={format === 'csv' ? t('stats.export.csvHint') : undefined}
            disabled={exporting !== null || !yearsOk || stats.status === 'error'}
            onClick={() => void runExport(format)}
          >
            {exporting === format ? t('stats.export.running') : t(`stats.export.${format}`)}
          </button>
        ))}
      </PageHeader>
      {exported !== null && (
        <p className="notice">
          <span data-testid="stats-export-done">{t('stats.export.done', { path: exported.filePath })}</span>
          {exported.format === 'csv' && (
            <span className="stats-export-format" data-testid="stats-export-format">
              {t('stats.export.csvHint')}
            </span>
          )}
        </p>
      )}
      {exportError !== null && <ErrorNotice error={exportError} />}

      <div className="stats-filter card" data-testid="stats-filter" data-print-hide>
        {territoryPicker(
          'regions',
          'stats-region',
          'stats.filter.region',
          'stats.filter.addRegion',
          options?.regions ?? [],
        )}
        {territoryPicker(
          'districts',
          'stats-district',
          'stats.filter.district',
          'stats.filter.addDistrict',
          districtOptions,
        )}
        {territoryPicker('orps', 'stats-orp', 'stats.filter.orp', 'stats.filter.addOrp', orpOptions)}
        <label className="stats-field">
          <span>{t('stats.filter.years')}</span>
          <span className="stats-years">
            <input
              type="text"
              inputMode="numeric"
              maxLength={4}
              placeholder={t('stats.filter.from')}
              aria-label={`${t('stats.filter.years')} ${t('stats.filter.from')}`}
              aria-invalid={fromYear === 'invalid' || fromYear === 'outOfRange' || reversedYears}
              data-testid="stats-from"
              value={fromText}
              onChange={(e) => setFromText(e.target.value)}
            />
            –
            <input
              type="text"
              inputMode="numeric"
              maxLength={4}
              placeholder={t('stats.filter.to')}
              aria-label={`${t('stats.filter.years')} ${t('stats.filter.to')}`}
              aria-invalid={toYear === 'invalid' || toYear === 'outOfRange' || reversedYears}
              data-testid="stats-to"
              value={toText}
              onChange={(e) => setToText(e.target.value)}
            />
          </span>
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
        <label className="stats-field stats-field-membership">
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
        <button
          type="button"
          className="button stats-reset"
          onClick={() => {
            setFilter({});
            setFromText('');
            setToText('');
          }}
        >
          {t('stats.filter.reset')}
        </button>
        {!yearsOk && (
          <p className="field-error stats-filter-error" role="alert" data-testid="stats-years-error">
            {partialYears
              ? t('stats.filter.yearDigits')
              : yearsOutOfRange
                ? t('stats.filter.yearBounds', { min: String(STATS_YEARS.min), max: String(STATS_YEARS.max) })
                : t('validation.yearRange')}
          </p>
        )}
        {narrowed && (
          <div className="stats-territory" data-testid="stats-territory">
            <span className="stats-territory-label">{t('stats.filter.territory')}:</span>
            {(['regions', 'districts', 'orps'] as const).flatMap((key) =>
              chosen[key].map((code) => (
                <span key={`${key}-${code}`} className="chip stats-chip" data-testid="stats-territory-chip">
                  {nameOf(key, code)}
                  <button
                    type="button"
                    className="chip-remove"
                    aria-label={t('stats.filter.remove', { name: nameOf(key, code) })}
                    title={t('stats.filter.remove', { name: nameOf(key, code) })}
                    onClick={() => remove(key, code)}
                  >
                    ×
                  </button>
                </span>
              )),
            )}
            {chosen.regions.length + chosen.districts.length + chosen.orps.length > 1 && (
              <span className="stats-hint">{t('stats.filter.territoryHint')}</span>
            )}
          </div>
        )}
      </div>

      {stats.status === 'error' && yearsOk && <ErrorNotice error={stats.error} onRetry={stats.reload} />}

      {data && (
        <>
          {data.total.municipalities === 0 && onlyMembersFiltered(computedFilter) && (
            <NoMembersNotice of="municipalities" onShowAll={() => patch({ membership: 'all' })} />
          )}
          {territoryName !== null && (
            <div className="stats-compare-head">
              <h2 className="stats-compare-title" data-testid="stats-territory-title">
                {t('stats.compare.title', { territory: territoryName })}
              </h2>
              <a className="button small" href={mapLink(computedFilter)} data-testid="stats-on-map">
                {t('stats.onMap')}
              </a>
            </div>
          )}
          <div className="stats-cards" data-testid="stats-cards" aria-busy={stats.status === 'loading'}>
            <Card
              label={t('stats.card.members')}
              value={f.int(data.total.municipalities)}
              compare={compare(data.total.municipalities, national?.total.municipalities)}
              href={statsFigureLink('municipalities', computedFilter)}
              testId="card-members"
            />
            <Card
              label={t('stats.card.withActive')}
              value={f.int(knownFigure(data.total, 'withActive'))}
              detail={knownFigure(data.total, 'withActive') === null ? undefined : f.pct(data.total.activeShare)}
              note={statusNote(data.total, i18n.language) ?? undefined}
              compare={
                national === null
                  ? undefined
                  : t('stats.compare.country', {
                      value:
                        knownFigure(national.total, 'withActive') === null
                          ? '–'
                          : `${f.int(national.total.withActive)} (${f.pct(national.total.activeShare)})`,
                    })
              }
              hint={unknownHint(data.total)}
              {...statusLink(data.total, 'withActive')}
              testId="card-with-active"
            />
            <Card
              label={t('stats.card.partnerships')}
              value={f.int(data.total.partnerships)}
              note={startUnknownNote(data, i18n.language) ?? undefined}
              compare={compare(data.total.partnerships, national?.total.partnerships)}
              href={statsFigureLink('partnerships', computedFilter)}
              testId="card-partnerships"
            />
            <Card
              label={t('stats.card.per10k')}
              value={f.dec(data.total.per10k)}
              note={populationNote(data.total, i18n.language) ?? undefined}
              compare={
                national === null ? undefined : t('stats.compare.country', { value: f.dec(national.total.per10k) })
              }
              hint={
                data.total.population === null
                  ? `${t('stats.card.per10kHint')} ${t('stats.card.populationUnknown', {
                      known: f.int(data.total.populationKnown),
                      total: f.int(data.total.municipalities),
                    })}`
                  : t('stats.card.per10kHint')
              }
              testId="card-per10k"
            />
            <Card
              label={i18n.tn('stats.card.dormant', dormantYears)}
              value={f.int(knownFigure(data.total, 'dormant'))}
              note={statusNote(data.total, i18n.language) ?? undefined}
              compare={compareStatus('dormant')}
              hint={unknownHint(data.total)}
              {...statusLink(data.total, 'dormant')}
              testId="card-dormant"
            />
            <Card
              label={t('stats.card.expiring')}
              value={f.int(knownFigure(data.total, 'expiring'))}
              note={figureNote(data.total, 'expiring', i18n.language) ?? undefined}
              compare={compareStatus('expiring')}
              hint={
                noTermStated(data.total)
                  ? t('stats.termUnknown.cardHint', { count: notEndedOf(data.total) })
                  : unknownHint(data.total)
              }
              {...statusLink(data.total, 'expiring')}
              testId="card-expiring"
            />
            <Card
              label={t('stats.card.countries')}
              value={f.int(data.countries.length)}
              compare={national === null ? undefined : t('stats.compare.country', { value: f.int(national.countries) })}
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
              <div className="stats-chart-tools" data-print-hide>
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
                areas={drillRows ?? data.regions}
                stackBy={stackBy}
                title={t(
                  drillRows === undefined
                    ? 'stats.chart.byRegion'
                    : level === 'district'
                      ? 'stats.chart.byDistrict'
                      : 'stats.chart.byOrp',
                )}
              />
            </div>
            <div className="card stats-chart-card" data-testid="chart-years">
              {data.years.length > 0 ? (
                <YearsChart years={data.years} range={data.filter} />
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

          <div
            className="stats-tabs"
            role="tablist"
            id="stats-tables"
            aria-label={t('stats.tables')}
            onKeyDown={onRovingKeys}
          >
            {TABS.map((id) => (
              <button
                key={id}
                type="button"
                role="tab"
                aria-selected={tab === id}
                tabIndex={rovingTabIndex(tab === id)}
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
                {!narrowed ? (
                  <span className="stats-hint" data-print-hide>
                    {t('stats.drill.hint')}
                  </span>
                ) : (
                  <>
                    <button
                      type="button"
                      className="button small"
                      data-testid="stats-drill-back"
                      onClick={clearTerritory}
                    >
                      ← {t('stats.drill.back')}
                    </button>
                    <strong data-testid="stats-drill-region">{territoryName}</strong>
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
                    <span className="stats-hint" data-print-hide>
                      {t('stats.drill.hintArea')}
                    </span>
                  </>
                )}
              </div>
              <DataGrid<AreaFigures>
                key={narrowed ? level : 'regions'}
                testId="stats-regions-grid"
                rows={drillRows ?? data.regions}
                columns={columns}
                getRowId={areaRowId}
                gridProps={{
                  onRowDoubleClicked: onAreaOpen,
                  pinnedBottomRowData: narrowed ? [] : [data.total],
                  // The rows in the document in the order shown (kraj, then okres, as the exports):
                  // AG Grid otherwise keeps a row's element and adds the new rows after it, so a
                  // screen reader, a copied selection and a look at the page read a removed okres
                  // on top (walkthrough 17). The rows do not slide into place then (no loss at a few hundred).
                  ensureDomOrder: true,
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
                columns={matrixColumns(i18n, data.matrix.countries, data.territory)}
                getRowId={(p) => p.data.regionCode ?? 'none'}
              />
            </div>
          )}
          {tab === 'areas' && (
            <div className="stats-table">
              {areasNote(data, i18n.language) !== null && (
                <p className="stats-table-note" data-testid="stats-areas-note">
                  {areasNote(data, i18n.language)}
                </p>
              )}
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
 * A key figure. With `href` it opens the grid filtered to exactly the rows it counts (or, with
 * `action` and `openLabel`, the rows that make it not known); with `onOpen` it shows its table on
 * this screen; `hint` says what a figure that is no count means.
 */
function Card({
  label,
  value,
  detail,
  compare,
  note,
  testId,
  href,
  action,
  openLabel,
  onOpen,
  hint,
}: {
  label: string;
  value: string;
  detail?: string;
  /** The whole country's figure beside a territory's. */
  compare?: string;
  /** What qualifies the figure ("stav neuveden u 22 z 22 partnerství"), under it. */
  note?: string;
  testId: string;
  href?: string;
  /** Said on the card when it leads elsewhere than to its rows ("Zobrazit partnerství bez uvedeného stavu"). */
  action?: string;
  /** What the link opens, when not the figure's rows. */
  openLabel?: string;
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
      {note !== undefined && (
        <span className="stats-card-note" data-testid={`${testId}-note`}>
          {note}
        </span>
      )}
      {compare !== undefined && (
        <span className="stats-card-compare" data-testid={`${testId}-country`}>
          {compare}
        </span>
      )}
      {action !== undefined && (
        <span className="stats-card-action" data-testid={`${testId}-action`}>
          {action} →
        </span>
      )}
    </>
  );
  if (href !== undefined) {
    const open = openLabel ?? t('stats.card.open', { count: value, figure: label });
    const title = hint === undefined ? open : `${hint} ${open}`;
    return (
      <a className="card stats-card stats-card-link" href={href} title={title} aria-label={title} data-testid={testId}>
        {body}
      </a>
    );
  }
  if (onOpen !== undefined) {
    return (
      <button
        type="button"
        className="card stats-card stats-card-link"
        onClick={onOpen}
        title={hint}
        data-testid={testId}
      >
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

/**
 * Whether a filter asks for members of the whole country: then no member municipality at all means
 * none is marked in the registry (the count of municipalities follows only the territory and the
 * membership; under a territory it may just have none there).
 */
function onlyMembersFiltered(input: StatsFilterInput): boolean {
  const parsed = statsFilterSchema.safeParse(input);
  if (!parsed.success) return false;
  const f = parsed.data;
  return f.membership === 'members' && f.regions.length === 0 && f.districts.length === 0 && f.orps.length === 0;
}
