import type { Knex } from 'knex';
import { openFloorKnex } from './bare-select';
import { timeMs } from './measure';
import { rawInsertMunicipalities, writeReference, type CsvMunicipalityRow } from './write-db';

/**
 * The floor of figure 1: the CSV's rows inserted raw (chunks of 500, one transaction) through the
 * same driver. It runs in a process of its own (`apart.ts`), on a file and on a server alike: the
 * 100,000 rows it holds at L are the floor's memory, not the core's (figure 7).
 */
export type RawImportRequest = {
  /** The generated registry the rows are read from (a file's path or a server database's URL). */
  source: string;
  /** New, empty, migrated registries: one per run. */
  targets: string[];
};

/** The CSV's rows and reference data, read back from a registry. */
export async function readSource(knex: Knex) {
  const regions = await knex('regions').select<{ id: number; code: string; name: string }[]>('id', 'code', 'name');
  const districts = (
    await knex('districts').select<{ id: number; code: string; name: string; region_id: number }[]>(
      'id',
      'code',
      'name',
      'region_id',
    )
  ).map((d) => ({ id: d.id, code: d.code, name: d.name, regionId: d.region_id }));
  const rows = await knex('municipalities')
    .orderBy('id')
    .select<CsvMunicipalityRow[]>('code', 'name', 'district_id', 'region_id', 'postal_code', 'latitude', 'longitude');
  return { regions, districts, rows: rows.map((row) => ({ ...row, postal_code: row.postal_code.replace(' ', '') })) };
}

export type Source = Awaited<ReturnType<typeof readSource>>;

/** One raw insert of the source into an empty registry: its time in ms (reference data untimed). */
export async function rawImportMs(target: Knex, source: Source): Promise<number> {
  await target.transaction((trx) => writeReference(trx, source));
  return timeMs(() => rawInsertMunicipalities(target, source.rows));
}

/** The floor's runs in this process (the child's work): ms per run. */
export async function timeRawImport(request: RawImportRequest): Promise<number[]> {
  const sourceDb = openFloorKnex(request.source);
  let source: Source;
  try {
    source = await readSource(sourceDb);
  } finally {
    await sourceDb.destroy();
  }
  const times: number[] = [];
  for (const location of request.targets) {
    const target = openFloorKnex(location);
    try {
      times.push(await rawImportMs(target, source));
    } finally {
      await target.destroy();
    }
  }
  return times;
}
