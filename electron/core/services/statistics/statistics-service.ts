import type { Knex } from 'knex';
import { computeStatistics } from '../../../../shared/domain/statistics/compute';
import type { Statistics } from '../../../../shared/domain/statistics/schemas';
import { statsFilterSchema, type StatsFilterInput } from '../../../../shared/domain/statistics/filter';
import { computeMapData, type MapData } from '../../../../shared/domain/statistics/map';
import {
  loadMapMunicipalities,
  loadMapTowns,
  loadRegionCentres,
  loadStatsFacts,
} from '../../repositories/statistics-repository';

/** Today's date in the computer's time zone, as `YYYY-MM-DD`. */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * Every figure for a filter: loads the facts in a handful of grouped queries and hands them to
 * the one pure module. The dashboard, every export and the CLI call this.
 */
export async function computeStats(db: Knex, input: StatsFilterInput): Promise<Statistics> {
  const filter = statsFilterSchema.parse(input);
  const facts = await loadStatsFacts(db);
  return computeStatistics(facts, filter, filter.today ?? localToday());
}

/** Points, lines and bubbles of the map for a filter (the same partnerships the statistics count). */
export async function computeMap(db: Knex, input: StatsFilterInput): Promise<MapData> {
  const filter = statsFilterSchema.parse(input);
  const [facts, municipalities, towns, regionCentres] = await Promise.all([
    loadStatsFacts(db),
    loadMapMunicipalities(db),
    loadMapTowns(db),
    loadRegionCentres(db),
  ]);
  return computeMapData(facts, { municipalities, towns, regionCentres }, filter);
}
