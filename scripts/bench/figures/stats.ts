import { statSync } from 'node:fs';
import { findChannel, invoke } from '../channels';
import { failed, measured, notBuilt, repeatMs, heavyRuns } from '../measure';
import type { Figure, FigureResult } from '../types';

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
          const times = await repeatMs(env.spec.runs, async () => {
            await invoke(app.dispatch, compute, { filter: {} });
            env.sample();
          });
          results.push({
            id: 'stats',
            title: computeTitle,
            status: 'ok',
            value: measured(`dispatch ${compute}`, 'ms', times),
          });
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
