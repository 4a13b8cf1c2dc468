import { BARE_SELECTS, timeBareSelectApart, type BareSelect } from '../bare-select';
import { findChannel, invoke, rowsOf } from '../channels';
import { failed, measured, notBuilt, repeatMs } from '../measure';
import type { BenchEnv, Figure, FigureResult } from '../types';

async function loadFigure(
  env: BenchEnv,
  id: string,
  title: string,
  channel: string | null,
  wanted: string,
  bare: BareSelect,
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
    // A file: read by another process (bare-select.ts), after the app's figures. A server's rows
    // arrive through its own client anyway: queried here.
    const floor =
      app.ctx.db.dialect === 'sqlite'
        ? await timeBareSelectApart({ dbPath: app.ctx.db.filePath, which: bare, runs: env.spec.runs })
        : await repeatMs(env.spec.runs, async () => {
            await BARE_SELECTS[bare](app.ctx.db.knex);
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
      'partnerships',
    ),
    await loadFigure(
      env,
      'load-members',
      '2b Members data via dispatch',
      findChannel('municipalities:list'),
      'municipalities:list',
      'members',
    ),
  ],
};
