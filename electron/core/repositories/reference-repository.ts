import type { Knex } from 'knex';
import type { District, Region } from '../../../shared/domain/schemas';
import { compareCzech } from '../../../shared/domain/text';

type RegionRow = { id: number; code: string; name: string };
type DistrictRow = { id: number; code: string; name: string; region_id: number };

export async function listRegions(db: Knex): Promise<Region[]> {
  const rows = await db<RegionRow>('regions').select('id', 'code', 'name');
  return rows.sort((a, b) => compareCzech(a.name, b.name));
}

export async function listDistricts(db: Knex): Promise<District[]> {
  const rows = await db<DistrictRow>('districts').select('id', 'code', 'name', 'region_id');
  return rows
    .map((row) => ({ id: row.id, code: row.code, name: row.name, regionId: row.region_id }))
    .sort((a, b) => compareCzech(a.name, b.name));
}

/** Inserts or updates regions by their NUTS3 code; returns code → id. */
export async function upsertRegions(
  db: Knex,
  regions: readonly { code: string; name: string }[],
): Promise<Map<string, number>> {
  if (regions.length > 0) {
    await db('regions')
      .insert(regions.map((region) => ({ code: region.code, name: region.name })))
      .onConflict('code')
      .merge(['name']);
  }
  const rows = await db<RegionRow>('regions').select('id', 'code');
  return new Map(rows.map((row) => [row.code, row.id]));
}

/** Inserts or updates districts by their LAU1 code; returns code → id. */
export async function upsertDistricts(
  db: Knex,
  districts: readonly { code: string; name: string; regionId: number }[],
): Promise<Map<string, number>> {
  for (let start = 0; start < districts.length; start += 400) {
    const chunk = districts.slice(start, start + 400);
    await db('districts')
      .insert(chunk.map((d) => ({ code: d.code, name: d.name, region_id: d.regionId })))
      .onConflict('code')
      .merge(['name', 'region_id']);
  }
  const rows = await db<DistrictRow>('districts').select('id', 'code');
  return new Map(rows.map((row) => [row.code, row.id]));
}

/** Number of rows in each table (for `info` and the Settings screen). */
export async function countRows(db: Knex, tables: readonly string[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const row = await db(table).count<{ n: number | string }[]>({ n: '*' }).first();
    counts[table] = Number(row?.n ?? 0);
  }
  return counts;
}
