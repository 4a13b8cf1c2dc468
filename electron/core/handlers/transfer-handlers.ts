import type { transferChannels } from '../../../shared/ipc/channels/transfer';
import type { AppContext } from '../context';
import { exportRegistryFile, importRegistryFile, transferStatus } from '../services/registry-transfer-service';
import type { HandlersFor } from './types';

export const transferHandlers = (ctx: AppContext) =>
  ({
    'registry:transferStatus': () => transferStatus(ctx),
    'registry:exportFile': (input) => exportRegistryFile(ctx, input),
    'registry:importFile': (input) => importRegistryFile(ctx, input),
  }) satisfies HandlersFor<typeof transferChannels>;
