import type { Knex } from 'knex';
import { openKnex, openServerKnex } from '../../electron/core/db/connection';
import { isServerLocation } from '../../electron/core/db/dialect/index';
import { selectPartnershipBase } from '../../electron/core/repositories/partnerships-repository';
import { repeatMs } from './measure';

/**
 * The floors of figures 2 and 2b: the same rows with the stored fields and names the grid shows,
 * straight from the database through the same driver (no per-row aggregates such as areas or the
 * last activity, no mapping, no dispatch). They run in a process of their own (`apart.ts`), on a
 * file and on a server alike: the driver's one object per row for 100,000 members took 1.3 GB,
 * which is not the core's memory (figure 7).
 */
export const BARE_SELECTS = {
  partnerships: (db: Knex) => selectPartnershipBase(db).orderBy('p.id'),
  members: (db: Knex) =>
    db('municipalities as m')
      .leftJoin('districts as d', 'd.id', 'm.district_id')
      .leftJoin('regions as r', 'r.id', 'm.region_id')
      .select('m.*', 'd.name as district_name', 'r.code as region_code', 'r.name as region_name'),
} as const;

export type BareSelect = keyof typeof BARE_SELECTS;
/** `location`: a registry file's path or a server database's URL. */
export type BareSelectRequest = { location: string; which: BareSelect; runs: number };

/** A floor's own connection to the registry the app opened (a file or a server database). */
export const openFloorKnex = (location: string): Knex =>
  isServerLocation(location) ? openServerKnex(location) : openKnex(location);

/** Times a bare SELECT in this process (the child's work), after one untimed run. */
export async function timeBareSelect(request: BareSelectRequest): Promise<number[]> {
  const db = openFloorKnex(request.location);
  try {
    return await repeatMs(request.runs, () => BARE_SELECTS[request.which](db));
  } finally {
    await db.destroy();
  }
}
