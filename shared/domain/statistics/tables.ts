import { PARTNERSHIP_STATUSES, PARTNERSHIP_TYPES, type UiLanguage } from '../codes';
import { translate, translatePlural } from '../../i18n/index';
import { formatPartialDate } from '../dates';
import type { AreaFigures, Statistics, Territory, TerritoryOptions } from './schemas';
import { hasTerritory } from './filter';
import type { StatsFigure, StatsFilter } from './filter';

/**
 * How a column's values are written: text, whole numbers, decimals, shares (0..1), money, or
 * years (numbers without a thousands separator, so that a spreadsheet sorts and filters them).
 */
export type ColumnKind = 'text' | 'int' | 'decimal' | 'percent' | 'amount' | 'year';
export type Cell = string | number | null;
export type StatsTable = {
  /** Stable id (file and sheet names). */
  id: string;
  title: string;
  columns: { header: string; kind: ColumnKind }[];
  rows: Cell[][];
  /** What a reader must know to read the figures right (written under the table in every format). */
  notes?: string[];
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

/** The units a filter chose, named from the registry's lists (a code it does not know stays a code). */
export function territoryOf(
  filter: Pick<StatsFilter, 'regions' | 'districts' | 'orps'>,
  options: TerritoryOptions,
): Territory {
  if (!hasTerritory(filter)) return { regions: [], districts: [], orps: [] };
  const pick = (codes: readonly string[], units: TerritoryOptions['regions']) =>
    codes.map((code) => {
      const unit = units.find((u) => u.code === code);
      return { code, name: unit?.name ?? code, regionCode: unit?.regionCode ?? null };
    });
  return {
    regions: pick(filter.regions, options.regions),
    districts: pick(filter.districts, options.districts),
    orps: pick(filter.orps, options.orps),
  };
}

/**
 * The territory in words: the units of one level joined by commas (any of them), the levels by
 * " › " (each narrows the one before): `Kraj Vysočina`, `okres Jihlava, okres Třebíč`,
 * `Kraj Vysočina › ORP Třebíč`. Null for the whole country.
 */
export function territoryLabel(territory: Territory, language: UiLanguage): string | null {
  const t = label(language);
  const levels = [
    territory.regions.map((r) => r.name),
    territory.districts.map((d) => t('stats.territory.district', { name: d.name })),
    territory.orps.map((o) => t('stats.territory.orp', { name: o.name })),
  ].filter((names) => names.length > 0);
  return levels.length === 0 ? null : levels.map((names) => names.join(', ')).join(' › ');
}

/** The years of a filter in words (`1990–2005`, `od 1990`, `do 2005`), null for any year. */
export function yearsLabel(filter: Pick<StatsFilter, 'fromYear' | 'toYear'>, language: UiLanguage): string | null {
  const t = label(language);
  const { fromYear, toYear } = filter;
  if (fromYear !== null && toYear !== null) return `${String(fromYear)}–${String(toYear)}`;
  if (fromYear !== null) return t('stats.years.from', { year: String(fromYear) });
  if (toYear !== null) return t('stats.years.to', { year: String(toYear) });
  return null;
}

/** The report's title, naming the territory and the years (`Partnerství obcí: Kraj Vysočina, 1990–2005`). */
export function reportTitle(stats: Pick<Statistics, 'filter' | 'territory'>, language: UiLanguage): string {
  const t = label(language);
  const territory = territoryLabel(stats.territory, language);
  const years = yearsLabel(stats.filter, language);
  const title = territory === null ? t('stats.reportTitle') : t('stats.reportTitleRegion', { region: territory });
  return years === null ? title : `${title}, ${years}`;
}

/**
 * The filter in words, e.g. `Rok zahájení: 2000–2025 · Typ: vše · …`. `withDate: false` leaves out
 * the reference date (`K datu: …`) for a document that states it on its own line; `withDormant:
 * false` the years without activity, for a view that does not count dormancy (the map).
 */
export function describeFilter(
  filter: StatsFilter & { today: string },
  language: UiLanguage,
  territory: Territory | null = null,
  { withDate = true, withDormant = true }: { withDate?: boolean; withDormant?: boolean } = {},
): string {
  const t = label(language);
  const years = yearsLabel(filter, language) ?? t('stats.filter.anyYear');
  const list = (values: readonly string[], prefix: string) =>
    values.length === 0 ? t('stats.filter.all') : values.map((v) => t(`${prefix}.${v}`)).join(', ');
  // Without names (a caller that has none) the codes stand for the units.
  const named: Territory = territory ?? {
    regions: filter.regions.map((code) => ({ code, name: code, regionCode: null })),
    districts: filter.districts.map((code) => ({ code, name: code, regionCode: null })),
    orps: filter.orps.map((code) => ({ code, name: code, regionCode: null })),
  };
  return [
    `${t('stats.filter.years')}: ${years}`,
    `${t('stats.filter.type')}: ${list(filter.types, 'partnershipType')}`,
    `${t('stats.filter.status')}: ${list(filter.statuses, 'partnershipStatus')}`,
    `${t('stats.filter.membership')}: ${t(`stats.membership.${filter.membership}`)}`,
    `${t('stats.filter.territory')}: ${territoryLabel(named, language) ?? t('stats.filter.wholeCountry')}`,
    ...(withDormant ? [`${t('stats.filter.dormantYears')}: ${filter.dormantYears}`] : []),
    ...(withDate ? [`${t('stats.filter.today')}: ${formatPartialDate(filter.today, language)}`] : []),
  ].join(' · ');
}

/**
 * The figures that depend on a partnership's status (and on its dates): municipalities with an
 * active partnership and their share, running partnerships without activity, agreements ending
 * within 12 months. A partnership whose status the source does not state may be any of these.
 */
export const STATUS_FIGURES = ['withActive', 'activeShare', 'dormant', 'expiring'] as const;
export type StatusFigure = (typeof STATUS_FIGURES)[number];

/** How many of an area's counted partnerships have no status stated, of how many. */
export const statusUnknownOf = (
  f: Pick<AreaFigures, 'partnerships' | 'byStatus'>,
): { unknown: number; of: number } => ({
  unknown: f.byStatus.unknown,
  of: f.partnerships,
});

/**
 * A status figure as it may be stated: null ("–", not found out) when the status of every counted
 * partnership is unstated and the figure is 0 (a 0 there would say what the source never said);
 * otherwise the count, which a note beside it qualifies when some statuses are unstated
 * (`statusNote`). The data keep the count: the grid a figure opens shows exactly its rows.
 */
export function knownFigure(f: AreaFigures, figure: StatusFigure): number | null {
  const value = f[figure];
  const { unknown, of } = statusUnknownOf(f);
  if (of > 0 && unknown === of && (value ?? 0) === 0) return null;
  // Agreements ending: only a stated fixed term of a partnership not ended can end; with no term
  // stated of any that could, 0 is not known (with none that could, 0 is certain).
  if (figure === 'expiring' && noTermStated(f) && (value ?? 0) === 0) return null;
  return value;
}

/** The partnerships that could end (not ended; a status not stated may be any). */
export const notEndedOf = (f: Pick<AreaFigures, 'partnerships' | 'byStatus'>): number =>
  f.partnerships - f.byStatus.ended;

/** Whether no partnership that could end states its term (and some could). */
export const noTermStated = (f: Pick<AreaFigures, 'partnerships' | 'byStatus' | 'termUnknown'>): boolean =>
  notEndedOf(f) > 0 && f.termUnknown === notEndedOf(f);

/** How many rows a key figure counts: what the grid it opens shows (`stats:figureRows`). */
export function figureCount(f: AreaFigures, figure: StatsFigure): number {
  if (figure === 'statusUnknown') return f.byStatus.unknown;
  if (figure === 'termUnknown') return f.termUnknown;
  return f[figure];
}

/**
 * The rows whose unstated value makes a status figure "not known" ("–"), or null when the figure
 * is known: the agreements ending when no partnership that could end states its term, those
 * without a term; otherwise those without a status. Its card opens these (the user can state
 * them), not a grid of no rows that would read as a count of 0 (walkthrough 21 finding 4).
 */
export function unknownFigureOf(f: AreaFigures, figure: StatusFigure): 'statusUnknown' | 'termUnknown' | null {
  if (knownFigure(f, figure) !== null) return null;
  return figure === 'expiring' && noTermStated(f) ? 'termUnknown' : 'statusUnknown';
}

/**
 * "platnost neuvedena u 963 z 964 neukončených partnerství" beside "agreements ending"; null when
 * every partnership that could end states its term.
 */
export function termNote(
  f: Pick<AreaFigures, 'partnerships' | 'byStatus' | 'termUnknown'>,
  language: UiLanguage,
): string | null {
  return f.termUnknown === 0
    ? null
    : translatePlural(language, 'stats.termUnknown', notEndedOf(f), { unknown: f.termUnknown });
}

/**
 * What qualifies a status figure: the partnerships whose status is not stated, and for the
 * agreements ending also those whose term is not (walkthrough 19: "–" there named only the status).
 */
export function figureNote(f: AreaFigures, figure: StatusFigure, language: UiLanguage): string | null {
  const notes = [figure === 'expiring' ? termNote(f, language) : null, statusNote(f, language)].filter(
    (note): note is string => note !== null,
  );
  return notes.length === 0 ? null : notes.join('; ');
}

/** "stav neuveden u 22 z 22 partnerství" beside a status figure; null when every status is stated. */
export function statusNote(f: Pick<AreaFigures, 'partnerships' | 'byStatus'>, language: UiLanguage): string | null {
  const { unknown, of } = statusUnknownOf(f);
  return unknown === 0 ? null : translatePlural(language, 'stats.statusUnknown', of, { unknown });
}

/**
 * The note under a table of areas when some partnership's status is unstated: how many of the
 * territory's, which figures that touches, and what an empty cell means there.
 */
function statusNotes(rows: readonly AreaFigures[], total: AreaFigures, language: UiLanguage): string[] {
  const term = rows.some((row) => row.termUnknown > 0) ? termNote(total, language) : null;
  // Agreements ending count stated fixed terms only: a term not stated may end too.
  const termNotes =
    term === null
      ? []
      : [
          `${capitalise(term)}. ${translate(language, 'stats.termUnknown.tableNote', {
            expiring: translate(language, 'stats.col.expiring'),
          })}`,
        ];
  if (!rows.some((row) => row.byStatus.unknown > 0)) return termNotes;
  const note = statusNote(total, language);
  return [
    ...termNotes,
    `${note === null ? '' : `${capitalise(note)}. `}${translate(language, 'stats.statusUnknown.tableNote', {
      withActive: translate(language, 'stats.col.withActive'),
      activeShare: translate(language, 'stats.col.activeShare'),
      dormant: translate(language, 'stats.col.dormant'),
      expiring: translate(language, 'stats.col.expiring'),
      column: translate(language, 'stats.col.status', {
        status: translate(language, 'partnershipStatus.unknown'),
      }),
    })}`,
  ];
}

/**
 * "Bez roku zahájení: 3 partnerství – do období nezapočtena": under a period, the partnerships
 * of the rest of the filter that state no start year and so are not counted; null without a
 * period or when every one states its year (walkthrough 23 finding 1).
 */
export function startUnknownNote(stats: Pick<Statistics, 'startUnknown'>, language: UiLanguage): string | null {
  const unknown = stats.startUnknown ?? 0;
  return unknown === 0 ? null : translatePlural(language, 'stats.startUnknown', unknown);
}

/**
 * "počet obyvatel neuveden u 40 ze 40 obcí" beside partnerships per 10,000 inhabitants when the
 * figure cannot be computed (the population of some municipality is not known); null when it can.
 */
export function populationNote(
  f: Pick<AreaFigures, 'municipalities' | 'population' | 'populationKnown'>,
  language: UiLanguage,
): string | null {
  if (f.population !== null || f.municipalities === 0) return null;
  return translatePlural(language, 'stats.populationUnknown', f.municipalities, {
    unknown: f.municipalities - f.populationKnown,
  });
}

/** The note under a table of areas where some row's population, and so its per 10,000, is not known. */
function populationNotes(rows: readonly AreaFigures[], total: AreaFigures, language: UiLanguage): string[] {
  if (!rows.some((row) => populationNote(row, language) !== null)) return [];
  const note = populationNote(total, language);
  const rule = translate(language, 'stats.populationUnknown.tableNote', {
    population: translate(language, 'stats.col.population'),
    per10k: translate(language, 'stats.col.per10k'),
  });
  return [`${note === null ? '' : `${capitalise(note)}. `}${rule}`];
}

/** Every note under a table of areas: unstated statuses and terms, then unknown populations. */
const areaNotes = (rows: readonly AreaFigures[], total: AreaFigures, language: UiLanguage): string[] => [
  ...statusNotes(rows, total, language),
  ...populationNotes(rows, total, language),
];

/**
 * "oblasti neuvedeny u 22 z 22 partnerství" beside the areas of cooperation; null when every
 * counted partnership names at least one area.
 */
export function areasNote(stats: Pick<Statistics, 'areasStated' | 'total'>, language: UiLanguage): string | null {
  const of = stats.total.partnerships;
  const unknown = of - stats.areasStated;
  return unknown <= 0 ? null : translatePlural(language, 'stats.areasUnknown', of, { unknown });
}

/** The note under the table of areas: how many name none, and what the counts and shares are of. */
export function areasNotes(stats: Pick<Statistics, 'areasStated' | 'total'>, language: UiLanguage): string[] {
  const note = areasNote(stats, language);
  if (note === null) return [];
  const rule =
    stats.areasStated === 0
      ? translate(language, 'stats.areasUnknown.tableNoteNone')
      : translate(language, 'stats.areasUnknown.tableNote', { stated: stats.areasStated });
  return [`${capitalise(note)}. ${rule}`];
}

const capitalise = (text: string): string => text.charAt(0).toLocaleUpperCase() + text.slice(1);

/**
 * A decade as the figures cover it: the years of the filter that lie in it ("2000–2005" under a
 * filter to 2005, not "2000–2009" for partnerships of six of its years); "2005" for one year.
 */
export function decadeLabel(decade: number, filter: Pick<StatsFilter, 'fromYear' | 'toYear'>): string {
  const first = Math.max(decade, filter.fromYear ?? decade);
  const last = Math.min(decade + 9, filter.toYear ?? decade + 9);
  return first === last ? String(first) : `${String(first)}–${String(last)}`;
}

/**
 * A kraj's row as what it counts: the whole kraj ("Kraj Vysočina"), or under an okres or ORP
 * filter only the units chosen in it ("Kraj Vysočina › okres Jihlava"): the row holds their
 * figures, not the kraj's.
 */
export function regionRowName(
  region: { code: string | null; name: string },
  territory: Territory,
  language: UiLanguage,
): string {
  const name = areaName(region, language);
  if (region.code === null || (territory.districts.length === 0 && territory.orps.length === 0)) return name;
  const within = (units: Territory['districts']) => units.filter((u) => u.regionCode === region.code);
  return (
    territoryLabel(
      {
        regions: [{ code: region.code, name, regionCode: null }],
        districts: within(territory.districts),
        orps: within(territory.orps),
      },
      language,
    ) ?? name
  );
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
  knownFigure(f, 'withActive'),
  knownFigure(f, 'activeShare'),
  f.population,
  f.partnerships,
  f.per10k,
  ...PARTNERSHIP_TYPES.map((type) => f.byType[type]),
  ...PARTNERSHIP_STATUSES.map((status) => f.byStatus[status]),
  knownFigure(f, 'dormant'),
  knownFigure(f, 'expiring'),
];

/** A region's name; municipalities with no region recorded are shown as "not recorded". */
/**
 * New partnerships per known start year, every year from the first to the last: a year without
 * one is a zero on the chart's line, not a gap the line jumps over. Unknown years are left out.
 */
export function yearSeries(
  years: Statistics['years'],
  range: { fromYear: number | null; toYear: number | null } = { fromYear: null, toYear: null },
): { year: number; count: number }[] {
  const known = years.flatMap((y) => (y.year === null ? [] : [{ year: y.year, count: y.count }]));
  if (known.length === 0) return [];
  const byYear = new Map(known.map((y) => [y.year, y.count]));
  // The years a filter names are all there, also a first or last one without a new partnership.
  // (A century at most beyond the data: "from 1000" does not write a thousand empty years.)
  const firstKnown = Math.min(...known.map((y) => y.year));
  const lastKnown = Math.max(...known.map((y) => y.year));
  const first = Math.max(Math.min(range.fromYear ?? firstKnown, firstKnown), firstKnown - 100);
  const last = Math.min(Math.max(range.toYear ?? lastKnown, lastKnown), lastKnown + 100);
  const series: { year: number; count: number }[] = [];
  for (let year = first; year <= last; year += 1) series.push({ year, count: byYear.get(year) ?? 0 });
  return series;
}

export const areaName = (f: { code: string | null; name: string }, language: UiLanguage): string =>
  f.code === null || f.name === '' ? (f.code ?? translate(language, 'stats.unknown')) : f.name;

/**
 * An ORP's code for a "Kód" column: empty where the registry knows the ORP only by its name (the
 * statistics then key it by the name, which a code column repeated: walkthrough 27).
 */
export const orpCodeOf = (f: { code: string | null; name: string }): string =>
  f.code === null || f.code === f.name ? '' : f.code;

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
  // Under a territory the totals are the territory's; the whole country follows for comparison,
  // its row named in every table as the screen's table names it (walkthrough 27: „Celé Česko“ in
  // the comparison, „Česko celkem“ under the regions).
  const territory = territoryLabel(stats.territory, language);
  const totalLabel = territory === null ? t('stats.countryTotal') : t('stats.territoryTotal', { territory });
  const national = stats.national;
  const comparison: StatsTable[] =
    national === null || territory === null
      ? []
      : [
          {
            id: 'comparison',
            title: t('stats.table.comparison'),
            columns: [
              { header: t('stats.col.name'), kind: 'text' },
              ...figures,
              { header: t('stats.card.countries'), kind: 'int' },
            ],
            rows: [
              [territory, ...figureCells(stats.total), stats.countries.length],
              [t('stats.countryTotal'), ...figureCells(national.total), national.countries],
            ],
            notes: areaNotes([stats.total, national.total], stats.total, language),
          },
        ];
  return [
    ...comparison,
    {
      id: 'regions',
      title: t('stats.table.regions'),
      columns: [
        { header: t('stats.col.region'), kind: 'text' },
        { header: t('stats.col.code'), kind: 'text' },
        ...figures,
      ],
      rows: [
        ...stats.regions.map((r) => [regionRowName(r, stats.territory, language), r.code, ...figureCells(r)]),
        [totalLabel, territory === null ? 'CZ' : '', ...figureCells(stats.total)],
        ...(national === null ? [] : [[t('stats.countryTotal'), 'CZ', ...figureCells(national.total)]]),
      ],
      notes: areaNotes(
        [...stats.regions, stats.total, ...(national === null ? [] : [national.total])],
        stats.total,
        language,
      ),
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
      notes: areaNotes(stats.districts, stats.total, language),
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
      rows: stats.orps.map((o) => [regionOf(o.regionCode), areaName(o, language), orpCodeOf(o), ...figureCells(o)]),
      notes: areaNotes(stats.orps, stats.total, language),
    },
    {
      id: 'years',
      title: t('stats.table.years'),
      columns: [
        { header: t('stats.col.year'), kind: 'year' },
        { header: t('stats.col.new'), kind: 'int' },
      ],
      // Every year of the span, a year without a new partnership as 0 (a sheet charts and sums it).
      rows: [
        ...yearSeries(stats.years, stats.filter).map((y): Cell[] => [y.year, y.count]),
        ...stats.years.filter((y) => y.year === null).map((y): Cell[] => [t('stats.unknown'), y.count]),
      ],
    },
    {
      id: 'decades',
      title: t('stats.table.decades'),
      columns: [
        { header: t('stats.col.decade'), kind: 'text' },
        { header: t('stats.col.new'), kind: 'int' },
      ],
      rows: stats.decades.map((d) => [
        d.decade === null ? t('stats.unknown') : decadeLabel(d.decade, stats.filter),
        d.count,
      ]),
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
          regionRowName({ code: r.regionCode, name: r.regionName }, stats.territory, language),
          ...r.counts,
          r.total,
        ]),
        [totalLabel, ...stats.countries.map((c) => c.count), stats.total.partnerships],
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
      notes: areasNotes(stats, language),
    },
    {
      id: 'funding',
      title: t('stats.table.funding'),
      columns: [
        { header: t('stats.col.programme'), kind: 'text' },
        { header: t('stats.col.year'), kind: 'year' },
        ...fundingColumns,
      ],
      rows: [
        ...stats.funding.byProgrammeYear.map((r) => [
          programmeLabel(r.programme, language),
          r.year === null ? t('stats.unknown') : r.year,
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
