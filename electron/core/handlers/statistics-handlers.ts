import type { statisticsChannels } from '../../../shared/ipc/channels/statistics';
import type { AppContext } from '../context';
import { loadBoundariesFromDialog } from '../services/statistics/boundaries-service';
import { exportStatsWithDialog } from '../services/statistics/stats-export-service';
import { computeMap, computeStats } from '../services/statistics/statistics-service';
import type { HandlersFor } from './types';

export const statisticsHandlers = (ctx: AppContext) =>
  ({
    'stats:compute': ({ filter }) => computeStats(ctx.db.reader, filter),
    'stats:export': (input) => exportStatsWithDialog(ctx, input),
    'map:data': ({ filter }) => computeMap(ctx.db.reader, filter),
    'map:loadBoundaries': () => loadBoundariesFromDialog(ctx),
  }) satisfies HandlersFor<typeof statisticsChannels>;
