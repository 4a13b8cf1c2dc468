import { statSync } from 'node:fs';
import { findChannel, invoke } from '../channels';
import { failed, measured, notBuilt, repeatMs, heavyRuns } from '../measure';
import { computeStats } from '../../../electron/core/services/statistics/statistics-service';
import type { Figure, FigureResult, OpenedApp } from '../types';

/**
 * 3c: the first answer after a change of one partnership (its note), which the kept answers do not
 * survive: what the dashboard costs once after each edit. No target; it is today's path again.
 */
async function afterAnEdit(app: OpenedApp, compute: string, runs: number, sample: () => void): Promise<FigureResult> {
  const title = '3c All statistics after an edit';
  const partnership = await app.ctx.db.knex('partnerships').orderBy('id').first<{ id: number } | undefined>('id');
  if (!partnership) return { id: 'stats-after-edit', title, status: 'n/a', note: 'no partnership in the data' };
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const { version } = (await invoke(app.dispatch, 'partnerships:get', { id: partnership.id })) as { version: number };
    await invoke(app.dispatch, 'partnerships:update', {
      id: partnership.id,
      version,
      changes: { notes: `bench ${String(run)}` },
    });
    const start = performance.now();
    await invoke(app.dispatch, compute, { filter: {} });
    times.push(performance.now() - start);
    sample();
  }
  return { id: 'stats-after-edit', title, status: 'ok', value: measured(`dispatch ${compute}`, 'ms', times) };
}

/** Figure 3: every statistic for all regions (the dashboard's one call), and its full XLSX export. */
export const statsFigures: Figure = {
  id: 'stats',
  run: async (env) => {
    const results: FigureResult[] = [];
    const compute = findChannel('stats:compute');
    const exporter = findChannel('stats:export');
    const computeTitle = '3 All statistics, all regions';
    const exportTitle = '3b Statistics export (XLSX, all)';
    if (!compute && !exporter)
      return [notBuilt('stats', computeTitle, 'stats:compute'), notBuilt('stats-export', exportTitle, 'stats:export')];
    const app = await env.openCopy('stats');
    try {
      if (!compute) results.push(notBuilt('stats', computeTitle, 'stats:compute'));
      else {
        try {
          // The baseline: today's path as it was before the statistics were kept between calls
          // (the nine grouped queries and the pure module, every time), in the same minutes.
          const uncached = await repeatMs(env.spec.runs, async () => {
            await computeStats(app.ctx.db.reader, {});
            env.sample();
          });
          const times = await repeatMs(env.spec.runs, async () => {
            await invoke(app.dispatch, compute, { filter: {} });
            env.sample();
          });
          const value = measured(`dispatch ${compute}`, 'ms', times);
          const baseline = measured('computed every time', 'ms', uncached);
          results.push({
            id: 'stats',
            title: computeTitle,
            status: 'ok',
            value,
            baseline,
            ratio: value.median / baseline.median,
          });
          results.push(await afterAnEdit(app, compute, env.spec.runs, env.sample));
        } catch (error) {
          results.push(failed('stats', computeTitle, error));
        }
      }
      if (!exporter) results.push(notBuilt('stats-export', exportTitle, 'stats:export'));
      else {
        try {
          let bytes = 0;
          const times = await repeatMs(
            heavyRuns(env.spec),
            async () => {
              const written = (await invoke(app.dispatch, exporter, {
                format: 'xlsx',
                filter: {},
                language: 'cs',
              })) as {
                filePath?: string;
              } | null;
              if (written?.filePath) bytes = statSync(written.filePath).size;
              env.sample();
            },
            0,
          );
          results.push({
            id: 'stats-export',
            title: exportTitle,
            status: 'ok',
            value: measured(
              `dispatch ${exporter}`,
              's',
              times.map((ms) => ms / 1000),
            ),
            extra: { MB: bytes / 1e6 },
          });
        } catch (error) {
          results.push(failed('stats-export', exportTitle, error));
        }
      }
    } finally {
      await app.close();
    }
    return results;
  },
};
