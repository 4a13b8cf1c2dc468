import type { Knex } from 'knex';
import type { AppContext } from '../../context';
import { computeStatistics, statsWindows } from '../../../../shared/domain/statistics/compute';
import { statsFilterSchema, type StatsFigure, type StatsFilterInput } from '../../../../shared/domain/statistics/filter';
import { computeMapData, type MapData } from '../../../../shared/domain/statistics/map';
import type { Statistics } from '../../../../shared/domain/statistics/schemas';
import { loadFigureIds, loadMapRows, loadRegionCentres, loadRegions, loadStatsFacts } from '../../repositories/statistics-repository';

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
  const facts = await loadStatsFacts(db, filter, statsWindows(filter, today));
  return computeStatistics(facts, filter, today);
}

/** Points, lines and bubbles of the map for a filter (the same partnerships the statistics count). */
export async function computeMap(db: Knex, input: StatsFilterInput): Promise<MapData> {
  const filter = statsFilterSchema.parse(input);
  const [rows, regions, centres] = await Promise.all([loadMapRows(db, filter), loadRegions(db), loadRegionCentres(db)]);
  return computeMapData(rows, regions, centres);
}

/** The dashboard's figures (`stats:compute`): read on the read-only connection, at call time. */
export const statisticsFor = (ctx: AppContext, input: StatsFilterInput): Promise<Statistics> =>
  computeStats(ctx.db.reader, input);

/** The map's data (`map:data`), on the read-only connection. */
export const mapDataFor = (ctx: AppContext, input: StatsFilterInput): Promise<MapData> =>
  computeMap(ctx.db.reader, input);

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
