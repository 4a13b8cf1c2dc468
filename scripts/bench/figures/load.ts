import type { Knex } from 'knex';
import { selectPartnershipBase } from '../../../electron/core/repositories/partnerships-repository';
import { findChannel, invoke, rowsOf } from '../channels';
import { failed, measured, notBuilt, repeatMs } from '../measure';
import type { BenchEnv, Figure, FigureResult } from '../types';

/**
 * The floor: the same partnership rows with the stored fields and names the grid shows, straight
 * from SQLite (no per-row aggregates such as areas or the last activity, no mapping, no dispatch).
 */
const bareSelectPartnerships = (db: Knex) => selectPartnershipBase(db).orderBy('p.id');

const bareSelectMunicipalities = (db: Knex) =>
  db('municipalities as m')
    .leftJoin('districts as d', 'd.id', 'm.district_id')
    .leftJoin('regions as r', 'r.id', 'm.region_id')
    .select('m.*', 'd.name as district_name', 'r.code as region_code', 'r.name as region_name');

async function loadFigure(
  env: BenchEnv,
  id: string,
  title: string,
  channel: string | null,
  wanted: string,
  bare: (db: Knex) => Knex.QueryBuilder,
): Promise<FigureResult> {
  if (!channel) return notBuilt(id, title, wanted);
  const app = await env.openCopy(id);
  try {
    let count = 0;
    const times = await repeatMs(env.spec.runs, async () => {
      const rows = rowsOf(await invoke(app.dispatch, channel, {}));
      count = rows?.length ?? 0;
      env.sample();
    });
    const floor = await repeatMs(env.spec.runs, async () => {
      await bare(app.ctx.db.knex);
      env.sample();
    });
    const value = measured(`dispatch ${channel}`, 'ms', times);
    const baseline = measured('bare SELECT', 'ms', floor);
    return { id, title, status: 'ok', value, baseline, ratio: value.median / baseline.median, extra: { rows: count } };
  } catch (error) {
    return failed(id, title, error);
  } finally {
    await app.close();
  }
}

/** Figure 2: the Partnerships screen's data through dispatch, beside a bare SELECT of the same rows. */
export const loadFigures: Figure = {
  id: 'load',
  run: async (env) => [
    await loadFigure(
      env,
      'load-partnerships',
      '2 Partnerships data via dispatch',
      findChannel('partnerships:list'),
      'partnerships:list',
      bareSelectPartnerships,
    ),
    await loadFigure(
      env,
      'load-members',
      '2b Members data via dispatch',
      findChannel('municipalities:list'),
      'municipalities:list',
      bareSelectMunicipalities,
    ),
  ],
};
