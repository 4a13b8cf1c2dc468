import { timeApart } from '../apart';
import type { BareSelect } from '../bare-select';
import { findChannel, invoke, rowsOf } from '../channels';
import { failed, measured, notBuilt, repeatMs } from '../measure';
import type { BenchEnv, Figure, FigureResult } from '../types';
import { JsonText } from '../../../shared/ipc/json-text';

async function loadFigure(
  env: BenchEnv,
  id: string,
  title: string,
  channel: string | null,
  wanted: string,
  bare: BareSelect,
  table: string,
): Promise<FigureResult> {
  if (!channel) return notBuilt(id, title, wanted);
  const app = await env.openCopy(id);
  try {
    // The answer as the bridge sends it: the grids' first load is JSON text written by the
    // database (json-text.ts), which the harness does not parse; an answer of values is counted.
    const [counted] = await app.ctx.db.knex(table).count({ n: '*' });
    let count = Number(counted?.n ?? 0);
    const times = await repeatMs(env.spec.runs, async () => {
      const answer = await invoke(app.dispatch, channel, {});
      if (!(answer instanceof JsonText)) count = rowsOf(answer)?.length ?? 0;
      env.sample();
    });
    // Read by another process (bare-select.ts), after the app's figures, on a file and a server.
    const floor = await timeApart({
      kind: 'bare-select',
      request: { location: app.location, which: bare, runs: env.spec.runs },
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

/**
 * Figure 2: the Partnerships (and Members) screen's first load through dispatch as the hosts run it
 * (the grid's answer, as the bridge sends it), beside a bare SELECT of the same rows.
 */
export const loadFigures: Figure = {
  id: 'load',
  run: async (env) => [
    await loadFigure(
      env,
      'load-partnerships',
      '2 Partnerships data via dispatch',
      findChannel('partnerships:grid') ?? findChannel('partnerships:list'),
      'partnerships:grid',
      'partnerships',
      'partnerships',
    ),
    await loadFigure(
      env,
      'load-members',
      '2b Members data via dispatch',
      findChannel('municipalities:grid') ?? findChannel('municipalities:list'),
      'municipalities:grid',
      'members',
      'municipalities',
    ),
  ],
};
