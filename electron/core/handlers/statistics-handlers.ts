import type { statisticsChannels } from '../../../shared/ipc/channels/statistics';
import type { AppContext } from '../context';
import { loadBoundariesFromDialog } from '../services/statistics/boundaries-service';
import { exportMapWithDialog } from '../services/statistics/map-export-service';
import { exportStatsWithDialog } from '../services/statistics/stats-export-service';
import {
  districtShapesFor,
  figureRowsFor,
  mapDataFor,
  statisticsFor,
  territoriesFor,
} from '../services/statistics/statistics-service';
import type { HandlersFor } from './types';

export const statisticsHandlers = (ctx: AppContext) =>
  ({
    'stats:compute': ({ filter }) => statisticsFor(ctx, filter),
    'stats:territories': () => territoriesFor(ctx),
    'stats:figureRows': ({ filter, figure }) => figureRowsFor(ctx, filter, figure),
    'stats:export': (input) => exportStatsWithDialog(ctx, input),
    'map:data': ({ filter }) => mapDataFor(ctx, filter),
    'map:export': (input) => exportMapWithDialog(ctx, input),
    'map:districts': () => districtShapesFor(ctx),
    'map:loadBoundaries': () => loadBoundariesFromDialog(ctx),
  }) satisfies HandlersFor<typeof statisticsChannels>;
