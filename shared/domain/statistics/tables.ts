import { PARTNERSHIP_STATUSES, PARTNERSHIP_TYPES, type UiLanguage } from '../codes';
import { translate } from '../../i18n/index';
import type { AreaFigures, Statistics } from './schemas';
import type { StatsFilter } from './filter';

/** How a column's values are written: text, whole numbers, decimals, shares (0..1) or money. */
export type ColumnKind = 'text' | 'int' | 'decimal' | 'percent' | 'amount';
export type Cell = string | number | null;
export type StatsTable = {
  /** Stable id (file and sheet names). */
  id: string;
  title: string;
  columns: { header: string; kind: ColumnKind }[];
  rows: Cell[][];
};

/** A country's name in the language (from the platform's own list; the code when unknown). */
export function countryLabel(code: string, language: UiLanguage): string {
  try {
    return new Intl.DisplayNames([language], { type: 'region', fallback: 'code' }).of(code) ?? code;
  } catch {
    return code;
  }
}

const label = (language: UiLanguage) => (key: string, params?: Record<string, string | number>) =>
  translate(language, key, params);

/** The filter in words, e.g. `Rok zahájení: 2000–2025 · Typ: vše · …`. */
export function describeFilter(
  filter: StatsFilter & { today: string },
  language: UiLanguage,
  regionName?: string,
): string {
  const t = label(language);
  const years =
    filter.fromYear === null && filter.toYear === null
      ? t('stats.filter.anyYear')
      : `${filter.fromYear ?? '…'}–${filter.toYear ?? '…'}`;
  const list = (values: readonly string[], prefix: string) =>
    values.length === 0 ? t('stats.filter.all') : values.map((v) => t(`${prefix}.${v}`)).join(', ');
  return [
    `${t('stats.filter.years')}: ${years}`,
    `${t('stats.filter.type')}: ${list(filter.types, 'partnershipType')}`,
    `${t('stats.filter.status')}: ${list(filter.statuses, 'partnershipStatus')}`,
    `${t('stats.filter.membership')}: ${t(`stats.membership.${filter.membership}`)}`,
    `${t('stats.filter.region')}: ${filter.region === null ? t('stats.filter.allRegions') : (regionName ?? filter.region)}`,
    `${t('stats.filter.dormantYears')}: ${filter.dormantYears}`,
    `${t('stats.filter.today')}: ${filter.today}`,
  ].join(' · ');
}

/** The columns shared by the region, district and ORP tables, after their name columns. */
function figureColumns(language: UiLanguage, dormantYears: number): StatsTable['columns'] {
  const t = label(language);
  return [
    { header: t('stats.col.municipalities'), kind: 'int' },
    { header: t('stats.col.withActive'), kind: 'int' },
    { header: t('stats.col.activeShare'), kind: 'percent' },
    { header: t('stats.col.population'), kind: 'int' },
    { header: t('stats.col.partnerships'), kind: 'int' },
    { header: t('stats.col.per10k'), kind: 'decimal' },
    ...PARTNERSHIP_TYPES.map((type) => ({
      header: t('stats.col.type', { type: t(`partnershipType.${type}`) }),
      kind: 'int' as const,
    })),
    ...PARTNERSHIP_STATUSES.map((status) => ({
      header: t('stats.col.status', { status: t(`partnershipStatus.${status}`) }),
      kind: 'int' as const,
    })),
    { header: `${t('stats.col.dormant')} (${dormantYears})`, kind: 'int' },
    { header: t('stats.col.expiring'), kind: 'int' },
  ];
}

const figureCells = (f: AreaFigures): Cell[] => [
  f.municipalities,
  f.withActive,
  f.activeShare,
  f.population,
  f.partnerships,
  f.per10k,
  ...PARTNERSHIP_TYPES.map((type) => f.byType[type]),
  ...PARTNERSHIP_STATUSES.map((status) => f.byStatus[status]),
  f.dormant,
  f.expiring,
];

/** A region's name; municipalities with no region recorded are shown as "not recorded". */
/**
 * New partnerships per known start year, every year from the first to the last: a year without
 * one is a zero on the chart's line, not a gap the line jumps over. Unknown years are left out.
 */
export function yearSeries(years: Statistics['years']): { year: number; count: number }[] {
  const known = years.flatMap((y) => (y.year === null ? [] : [{ year: y.year, count: y.count }]));
  if (known.length === 0) return [];
  const byYear = new Map(known.map((y) => [y.year, y.count]));
  const first = Math.min(...known.map((y) => y.year));
  const last = Math.max(...known.map((y) => y.year));
  const series: { year: number; count: number }[] = [];
  for (let year = first; year <= last; year += 1) series.push({ year, count: byYear.get(year) ?? 0 });
  return series;
}

export const areaName = (f: { code: string | null; name: string }, language: UiLanguage): string =>
  f.code === null || f.name === '' ? (f.code ?? translate(language, 'stats.unknown')) : f.name;

export const programmeLabel = (programme: string | null, language: UiLanguage): string =>
  translate(language, programme === null ? 'stats.programme.none' : `stats.programme.${programme}`);

export const currencyLabel = (currency: string, language: UiLanguage): string =>
  currency === 'XXX' ? translate(language, 'stats.currency.XXX') : currency;

/**
 * Every table of the statistics, labelled in a language: what the XLSX sheets, the CSV files,
 * the DOCX report and the CLI write. Numbers stay numbers (shares as 0..1); formatting is the
 * writer's job.
 */
export function buildStatsTables(stats: Statistics, language: UiLanguage): StatsTable[] {
  const t = label(language);
  const regionName = new Map(stats.regions.map((r) => [r.code, areaName(r, language)]));
  const regionOf = (code: string | null) => (code === null ? t('stats.unknown') : (regionName.get(code) ?? code));
  const figures = figureColumns(language, stats.filter.dormantYears);
  const currencies = stats.funding.currencies;
  const fundingColumns: StatsTable['columns'] = [
    { header: t('stats.col.activities'), kind: 'int' },
    { header: t('stats.col.participants'), kind: 'int' },
    ...currencies.map((c) => ({
      header: t('stats.col.amount', { currency: currencyLabel(c, language) }),
      kind: 'amount' as const,
    })),
  ];
  const fundingCells = (r: Statistics['funding']['total']): Cell[] => [
    r.activities,
    r.participants,
    ...currencies.map((c) => r.amounts[c] ?? 0),
  ];
  return [
    {
      id: 'regions',
      title: t('stats.table.regions'),
      columns: [
        { header: t('stats.col.region'), kind: 'text' },
        { header: t('stats.col.code'), kind: 'text' },
        ...figures,
      ],
      rows: [
        ...stats.regions.map((r) => [areaName(r, language), r.code, ...figureCells(r)]),
        [t('stats.countryTotal'), 'CZ', ...figureCells(stats.total)],
      ],
    },
    {
      id: 'districts',
      title: t('stats.table.districts'),
      columns: [
        { header: t('stats.col.region'), kind: 'text' },
        { header: t('stats.col.district'), kind: 'text' },
        { header: t('stats.col.code'), kind: 'text' },
        ...figures,
      ],
      rows: stats.districts.map((d) => [regionOf(d.regionCode), areaName(d, language), d.code, ...figureCells(d)]),
    },
    {
      id: 'orp',
      title: t('stats.table.orps'),
      columns: [
        { header: t('stats.col.region'), kind: 'text' },
        { header: t('stats.col.orp'), kind: 'text' },
        { header: t('stats.col.code'), kind: 'text' },
        ...figures,
      ],
      rows: stats.orps.map((o) => [regionOf(o.regionCode), areaName(o, language), o.code, ...figureCells(o)]),
    },
    {
      id: 'years',
      title: t('stats.table.years'),
      columns: [
        { header: t('stats.col.year'), kind: 'text' },
        { header: t('stats.col.new'), kind: 'int' },
      ],
      rows: stats.years.map((y) => [y.year === null ? t('stats.unknown') : String(y.year), y.count]),
    },
    {
      id: 'decades',
      title: t('stats.table.decades'),
      columns: [
        { header: t('stats.col.decade'), kind: 'text' },
        { header: t('stats.col.new'), kind: 'int' },
      ],
      rows: stats.decades.map((d) => [d.decade === null ? t('stats.unknown') : `${d.decade}–${d.decade + 9}`, d.count]),
    },
    {
      id: 'countries',
      title: t('stats.table.countries'),
      columns: [
        { header: t('stats.col.country'), kind: 'text' },
        { header: t('stats.col.countryCode'), kind: 'text' },
        { header: t('stats.col.partnerships'), kind: 'int' },
        { header: t('stats.col.share'), kind: 'percent' },
      ],
      rows: stats.countries.map((c) => [countryLabel(c.countryCode, language), c.countryCode, c.count, c.share]),
    },
    {
      id: 'matrix',
      title: t('stats.table.matrix'),
      columns: [
        { header: t('stats.col.region'), kind: 'text' },
        ...stats.matrix.countries.map((c) => ({ header: c, kind: 'int' as const })),
        { header: t('stats.col.total'), kind: 'int' },
      ],
      rows: [
        ...stats.matrix.rows.map((r) => [
          areaName({ code: r.regionCode, name: r.regionName }, language),
          ...r.counts,
          r.total,
        ]),
        [t('stats.countryTotal'), ...stats.countries.map((c) => c.count), stats.total.partnerships],
      ],
    },
    {
      id: 'areas',
      title: t('stats.table.areas'),
      columns: [
        { header: t('stats.col.area'), kind: 'text' },
        { header: t('stats.col.partnerships'), kind: 'int' },
        { header: t('stats.col.share'), kind: 'percent' },
      ],
      rows: stats.areas.map((a) => [t(`area.${a.area}`), a.count, a.share]),
    },
    {
      id: 'funding',
      title: t('stats.table.funding'),
      columns: [
        { header: t('stats.col.programme'), kind: 'text' },
        { header: t('stats.col.year'), kind: 'text' },
        ...fundingColumns,
      ],
      rows: [
        ...stats.funding.byProgrammeYear.map((r) => [
          programmeLabel(r.programme, language),
          r.year === null ? t('stats.unknown') : String(r.year),
          ...fundingCells(r),
        ]),
        [t('stats.col.total'), '', ...fundingCells(stats.funding.total)],
      ],
    },
    {
      id: 'programmes',
      title: t('stats.table.fundingByProgramme'),
      columns: [{ header: t('stats.col.programme'), kind: 'text' }, ...fundingColumns],
      rows: [
        ...stats.funding.byProgramme.map((r) => [programmeLabel(r.programme, language), ...fundingCells(r)]),
        [t('stats.col.total'), ...fundingCells(stats.funding.total)],
      ],
    },
  ];
}
