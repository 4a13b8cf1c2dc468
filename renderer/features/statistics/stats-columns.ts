import type { ColDef, ValueFormatterParams } from 'ag-grid-community';
import { PARTNERSHIP_STATUSES, PARTNERSHIP_TYPES } from '../../../shared/domain/codes';
import type { AreaFigures, Statistics, Territory } from '../../../shared/domain/statistics/schemas';
import {
  areaName,
  countryLabel,
  currencyLabel,
  knownFigure,
  programmeLabel,
  regionRowName,
  figureNote,
  type StatusFigure,
} from '../../../shared/domain/statistics/tables';
import { WHOLE_COUNTRY } from '../../../shared/domain/statistics/compute';
import type { I18n } from '../../lib/i18n';
import { textColumn as czechTextColumn } from '../../lib/czech-grid';
import { NOT_PRINTED } from '../../components/print';

/** Number formatters in the user's language (grids keep numbers as numbers, so sorting is numeric). */
export function formatters(i18n: Pick<I18n, 'language'>) {
  const locale = i18n.language === 'cs' ? 'cs-CZ' : 'en-GB';
  const int = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const dec = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  // One decimal always ("1,0 %" beside "1,1 %"), as the DOCX report writes a column of shares.
  const pct = new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const money = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const wrap =
    (format: Intl.NumberFormat) =>
    (value: number | null | undefined): string =>
      value === null || value === undefined ? '–' : format.format(value);
  // A share above zero that would round to "0 %" (1 of 6,259 municipalities) is "< 0,1 %".
  const share = (value: number | null | undefined): string =>
    value !== null && value !== undefined && value > 0 && value < 0.0005 ? `< ${pct.format(0.001)}` : wrap(pct)(value);
  return { int: wrap(int), dec: wrap(dec), pct: share, money: wrap(money) };
}

/** A text column whose heading wraps instead of ending in "Kód ze…" at 1280 px (walkthrough 12). */
const textColumn = <T>(def: ColDef<T>): ColDef<T> =>
  czechTextColumn<T>({ wrapHeaderText: true, autoHeaderHeight: true, ...def });

const numeric = <T>(def: ColDef<T>, format: (v: number | null | undefined) => string): ColDef<T> => ({
  type: 'numericColumn',
  filter: 'agNumberColumnFilter',
  // Wide enough for the longest word of a heading ("memorandum") beside the filter icon.
  width: 152,
  // The figures' names are longer than their numbers ("S aktivním partnerstvím"): they wrap
  // onto a second line instead of ending in "S aktiv…".
  wrapHeaderText: true,
  autoHeaderHeight: true,
  valueFormatter: (p: ValueFormatterParams<T, number | null>) => format(p.value),
  ...def,
});

/** Region, district or ORP rows with every figure; `level` chooses the name column's heading. */
export function areaColumns(
  i18n: I18n,
  level: 'region' | 'district' | 'orp',
  dormantYears: number,
): ColDef<AreaFigures>[] {
  const { t, tk } = i18n;
  const f = formatters(i18n);
  const heading =
    level === 'region' ? 'stats.col.region' : level === 'district' ? 'stats.col.district' : 'stats.col.orp';
  // A figure that depends on the status: "–" where no partnership of the row has one stated, and
  // how many have none in its tooltip (the "Stav: neuvedeno" column counts them too).
  const statusFigure = (figure: StatusFigure, headerName: string, format: (v: number | null | undefined) => string) =>
    numeric<AreaFigures>(
      {
        colId: figure,
        headerName,
        valueGetter: (p) => (p.data ? knownFigure(p.data, figure) : null),
        tooltip: (p: { data?: AreaFigures }) =>
          p.data ? (figureNote(p.data, figure, i18n.language) ?? undefined) : undefined,
      },
      format,
    );
  return [
    textColumn<AreaFigures>({
      colId: 'name',
      headerName: t(heading),
      headerTooltip: level === 'orp' ? t('members.col.orpTooltip') : undefined,
      valueGetter: (p) =>
        !p.data ? '' : p.data.level === 'country' ? t('stats.countryTotal') : areaName(p.data, i18n.language),
      pinned: 'left',
      minWidth: 170,
      flex: 1,
    }),
    numeric({ field: 'municipalities', headerName: t('stats.col.municipalities') }, f.int),
    statusFigure('withActive', t('stats.col.withActive'), f.int),
    statusFigure('activeShare', t('stats.col.activeShare'), f.pct),
    numeric({ field: 'partnerships', headerName: t('stats.col.partnerships') }, f.int),
    numeric({ field: 'per10k', headerName: t('stats.col.per10k') }, f.dec),
    // On paper the counts by type and by status are left out (the charts show them): twenty-one
    // columns scaled to the page were unreadable.
    ...PARTNERSHIP_TYPES.map((type) =>
      numeric<AreaFigures>(
        {
          colId: `type-${type}`,
          headerName: tk(`partnershipType.${type}`),
          valueGetter: (p) => p.data?.byType[type] ?? null,
          context: NOT_PRINTED,
        },
        f.int,
      ),
    ),
    ...PARTNERSHIP_STATUSES.map((status) =>
      numeric<AreaFigures>(
        {
          colId: `status-${status}`,
          headerName: tk(`partnershipStatus.${status}`),
          valueGetter: (p) => p.data?.byStatus[status] ?? null,
          context: NOT_PRINTED,
        },
        f.int,
      ),
    ),
    statusFigure('dormant', `${t('stats.col.dormant')} (${String(dormantYears)})`, f.int),
    statusFigure('expiring', t('stats.col.expiring'), f.int),
    numeric({ field: 'population', headerName: t('stats.col.population') }, f.int),
  ];
}

export type CountryRow = Statistics['countries'][number];
export function countryColumns(i18n: I18n): ColDef<CountryRow>[] {
  const { t } = i18n;
  const f = formatters(i18n);
  return [
    textColumn<CountryRow>({
      colId: 'country',
      headerName: t('stats.col.country'),
      valueGetter: (p) => (p.data ? countryLabel(p.data.countryCode, i18n.language) : ''),
      flex: 1,
      minWidth: 160,
    }),
    textColumn<CountryRow>({ field: 'countryCode', headerName: t('stats.col.countryCode'), width: 130 }),
    // Sorted by it: the heading has the sort arrow beside the filter icon ("Partners…" at 152 px).
    numeric({ field: 'count', headerName: t('stats.col.partnerships'), sort: 'desc', width: 184 }, f.int),
    numeric({ field: 'share', headerName: t('stats.col.share') }, f.pct),
  ];
}

export type MatrixRow = Statistics['matrix']['rows'][number];
/** Kraj × country; a kraj's row is named by what it counts (`regionRowName`: "Kraj Vysočina › okres Jihlava"). */
export function matrixColumns(
  i18n: I18n,
  countries: readonly string[],
  territory: Territory = WHOLE_COUNTRY,
): ColDef<MatrixRow>[] {
  const f = formatters(i18n);
  return [
    textColumn<MatrixRow>({
      colId: 'region',
      headerName: i18n.t('stats.col.region'),
      valueGetter: (p) =>
        p.data ? regionRowName({ code: p.data.regionCode, name: p.data.regionName }, territory, i18n.language) : '',
      pinned: 'left',
      minWidth: 170,
    }),
    numeric<MatrixRow>({ colId: 'total', headerName: i18n.t('stats.col.total'), field: 'total', width: 100 }, f.int),
    ...countries.map((code, index) =>
      numeric<MatrixRow>(
        {
          colId: `c-${code}`,
          headerName: code,
          headerTooltip: countryLabel(code, i18n.language),
          valueGetter: (p) => p.data?.counts[index] ?? 0,
          width: 76,
          minWidth: 64,
        },
        f.int,
      ),
    ),
  ];
}

export type AreaRow = Statistics['areas'][number];
export function cooperationColumns(i18n: I18n): ColDef<AreaRow>[] {
  const f = formatters(i18n);
  return [
    textColumn<AreaRow>({
      colId: 'area',
      headerName: i18n.t('stats.col.area'),
      valueGetter: (p) => (p.data ? i18n.tk(`area.${p.data.area}`) : ''),
      flex: 1,
      minWidth: 180,
    }),
    numeric({ field: 'count', headerName: i18n.t('stats.col.partnerships') }, f.int),
    numeric({ field: 'share', headerName: i18n.t('stats.col.share') }, f.pct),
  ];
}

export type FundingRow = Statistics['funding']['byProgrammeYear'][number];
export function fundingColumns(i18n: I18n, currencies: readonly string[]): ColDef<FundingRow>[] {
  const f = formatters(i18n);
  return [
    textColumn<FundingRow>({
      colId: 'programme',
      headerName: i18n.t('stats.col.programme'),
      // The pinned total row is the only one without a year (every activity has a date).
      valueGetter: (p) =>
        !p.data
          ? ''
          : p.data.programme === null && p.data.year === null
            ? i18n.t('stats.col.total')
            : programmeLabel(p.data.programme, i18n.language),
      flex: 1,
      minWidth: 180,
    }),
    numeric<FundingRow>({ field: 'year', headerName: i18n.t('stats.col.year'), width: 90 }, (v) =>
      v === null || v === undefined ? '–' : String(v),
    ),
    numeric({ field: 'activities', headerName: i18n.t('stats.col.activities') }, f.int),
    numeric({ field: 'participants', headerName: i18n.t('stats.col.participants') }, f.int),
    ...currencies.map((currency) =>
      numeric<FundingRow>(
        {
          colId: `amount-${currency}`,
          headerName: i18n.t('stats.col.amount', { currency: currencyLabel(currency, i18n.language) }),
          valueGetter: (p) => p.data?.amounts[currency] ?? 0,
          width: 140,
        },
        f.money,
      ),
    ),
  ];
}
