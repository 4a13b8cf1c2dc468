import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Knex } from 'knex';
import type { AppContext } from '../../context';
import { computeStatistics, statsWindows } from '../../../../shared/domain/statistics/compute';
import { territoryOf } from '../../../../shared/domain/statistics/tables';
import {
  hasTerritory,
  statsFilterSchema,
  withoutTerritory,
  type StatsFigure,
  type StatsFilterInput,
} from '../../../../shared/domain/statistics/filter';
import { computeMapData, type MapData } from '../../../../shared/domain/statistics/map';
import { krajeFromTopology } from '../../../../shared/domain/statistics/builtin-kraje';
import { deriveDistrictShapes, type DerivedDistricts } from '../../../../shared/domain/statistics/district-shapes';
import type { Statistics, TerritoryOptions } from '../../../../shared/domain/statistics/schemas';
import { compareCzech } from '../../../../shared/domain/text';
import {
  countUnknownStarts,
  loadFigureIds,
  loadDistrictSeeds,
  loadMapRows,
  loadRegionCentres,
  loadRegions,
  loadStatsFacts,
  loadTerritoryUnits,
} from '../../repositories/statistics-repository';
import { cachedReport } from './stats-cache';
import { JsonText } from '../../../../shared/ipc/json-text';

/** Today's date in the computer's time zone, as `YYYY-MM-DD`. */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(now.getFullYear())}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * Every figure for a filter: the repository applies the filter and groups in SQL, the one pure
 * module computes the figures. The dashboard, every export and the CLI call this.
 */
/** `db` may be the database's read-only `reader`: everything here only reads. */
export async function computeStats(db: Knex, input: StatsFilterInput): Promise<Statistics> {
  const filter = statsFilterSchema.parse(input);
  const today = filter.today ?? localToday();
  const windows = statsWindows(filter, today);
  // A period leaves out the partnerships with no start year: say how many (never silently).
  const startUnknown = (): Promise<number | null> =>
    filter.fromYear === null && filter.toYear === null ? Promise.resolve(null) : countUnknownStarts(db, filter);
  if (!hasTerritory(filter)) {
    const [facts, unknownStarts] = await Promise.all([loadStatsFacts(db, filter, windows), startUnknown()]);
    return { ...computeStatistics(facts, filter, today), startUnknown: unknownStarts };
  }
  // A territory is compared with the whole country under the same filter otherwise.
  const country = withoutTerritory(filter);
  const [facts, nationalFacts, options, unknownStarts] = await Promise.all([
    loadStatsFacts(db, filter, windows),
    loadStatsFacts(db, country, windows, { totalsOnly: true }),
    territoryOptions(db),
    startUnknown(),
  ]);
  const national = computeStatistics(nationalFacts, country, today);
  return {
    ...computeStatistics(facts, filter, today, territoryOf(filter, options), {
      total: national.total,
      countries: national.countries.length,
    }),
    startUnknown: unknownStarts,
  };
}

/** Every kraj, okres and ORP a territory filter can choose, in Czech order (`stats:territories`). */
export async function territoryOptions(db: Knex): Promise<TerritoryOptions> {
  const units = await loadTerritoryUnits(db);
  const byName = (a: { name: string }, b: { name: string }) => compareCzech(a.name, b.name);
  return {
    regions: units.regions.map((r) => ({ code: r.code, name: r.name, regionCode: null })).sort(byName),
    districts: units.districts.map((d) => ({ code: d.code, name: d.name, regionCode: d.region_code })).sort(byName),
    orps: units.orps
      .map((o) => ({ code: o.key, name: o.name, regionCode: o.regionCode, districtCodes: o.districtCodes.sort() }))
      .sort(byName),
  };
}

/** The territory filter's choices (`stats:territories`), on the read-only connection. */
export const territoriesFor = (ctx: AppContext): Promise<TerritoryOptions> => territoryOptions(ctx.db.reader);

/** Points, lines and bubbles of the map for a filter (the same partnerships the statistics count). */
export async function computeMap(db: Knex, input: StatsFilterInput): Promise<MapData> {
  const filter = statsFilterSchema.parse(input);
  const [rows, regions, centres] = await Promise.all([loadMapRows(db, filter), loadRegions(db), loadRegionCentres(db)]);
  return computeMapData(rows, regions, centres);
}

/**
 * The dashboard's figures (`stats:compute`, and every statistics export): read on the read-only
 * connection, at call time, and kept while nothing they read changes (stats-cache.ts). The day is
 * fixed here, so that a kept answer is one of today.
 */
export function statisticsFor(ctx: AppContext, input: StatsFilterInput): Promise<Statistics> {
  const filter = statsFilterSchema.parse(input);
  const fixed = { ...filter, today: filter.today ?? localToday() };
  return cachedReport(ctx.db, `stats:compute ${JSON.stringify(fixed)}`, () => computeStats(ctx.db.reader, fixed));
}

/**
 * The map's data (`map:data`), on the read-only connection, kept like the statistics while nothing
 * it reads changes (at L the answer takes about a second; the Map screen asks at every visit). It
 * is kept as the JSON text the bridge sends, in UTF-8 bytes (`JsonText`): at L 13 MB of bytes
 * instead of ~19 MB of objects, and no `JSON.stringify` of 72,000 points at every visit.
 */
export function mapDataFor(ctx: AppContext, input: StatsFilterInput): Promise<JsonText<MapData>> {
  const filter = statsFilterSchema.parse(input);
  const fixed = { ...filter, today: filter.today ?? localToday() };
  return cachedReport(
    ctx.db,
    `map:data ${JSON.stringify(fixed)}`,
    async () => new JsonText<MapData>(Buffer.from(JSON.stringify(await computeMap(ctx.db.reader, fixed)))),
  );
}

/**
 * Approximate okres shapes (`map:districts`) from where the registry's municipalities lie, inside
 * the shipped kraje; kept like the statistics while no municipality or okres changes (about half
 * a second for the 6,250 Czech municipalities).
 */
export function districtShapesFor(ctx: AppContext): Promise<DerivedDistricts> {
  return cachedReport(ctx.db, 'map:districts', async () => {
    const [{ units, seeds }, kraje] = await Promise.all([
      loadDistrictSeeds(ctx.db.reader),
      readFile(path.join(ctx.resourcesDir, 'boundaries', 'cz-kraje.topo.json'), 'utf8'),
    ]);
    return deriveDistrictShapes(krajeFromTopology(JSON.parse(kraje)), units, seeds);
  });
}

/**
 * The rows a key figure counts (`stats:figureRows`): municipality or partnership ids, chosen by
 * the same SQL conditions and the same `today` rule as the figure.
 */
export async function figureRowsFor(
  ctx: AppContext,
  input: StatsFilterInput,
  figure: StatsFigure,
): Promise<{ ids: number[] }> {
  const filter = statsFilterSchema.parse(input);
  const today = filter.today ?? localToday();
  return { ids: await loadFigureIds(ctx.db.reader, filter, statsWindows(filter, today), figure) };
}
