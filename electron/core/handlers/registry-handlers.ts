import type { registryChannels } from '../../../shared/ipc/channels/registry';
import type { AppContext } from '../context';
import { listBin, restoreFromBin } from '../services/bin-service';
import { fillFromDeleted, fillFromDeletedPreview } from '../services/merge-service';
import { connectionStatus, switchRegistry, testConnection } from '../services/connection-service';
import { unverifyRecords, verifyRecords } from '../services/provenance-service';
import { districts, history, municipalityGrid, municipalityRows, regions } from '../services/registry-service';
import type { HandlersFor } from './types';

export const registryHandlers = (ctx: AppContext) =>
  ({
    'regions:list': () => regions(ctx),
    'districts:list': () => districts(ctx),
    'municipalities:list': (input) => municipalityRows(ctx, input),
    'municipalities:grid': () => municipalityGrid(ctx),
    'audit:history': ({ table, recordId, withChildren }) => history(ctx, table, recordId, withChildren),
    'bin:list': () => listBin(ctx),
    'bin:restore': (input) => restoreFromBin(ctx, input),
    'bin:fillPreview': (input) => fillFromDeletedPreview(ctx, input),
    'bin:fill': (input) => fillFromDeleted(ctx, input),
    'registry:verify': (input) => verifyRecords(ctx, input),
    'registry:unverify': (input) => unverifyRecords(ctx, input),
    'connection:status': () => connectionStatus(ctx),
    'connection:test': (input) => testConnection(ctx, input),
    'connection:switch': (input) => switchRegistry(ctx, input),
  }) satisfies HandlersFor<typeof registryChannels>;
