import type { Handlers } from '../../shared/ipc/contract';
import type { AppContext } from './context';
import { appHandlers } from './handlers/app-handlers';
import { registryHandlers } from './handlers/registry-handlers';
import { partnershipsHandlers } from './handlers/partnerships-handlers';
import { membersHandlers } from './handlers/members-handlers';
import { requestsHandlers } from './handlers/requests-handlers';
import { importHandlers } from './handlers/import-handlers';
import { agreementsHandlers } from './handlers/agreements-handlers';
import { statisticsHandlers } from './handlers/statistics-handlers';
import { townsHandlers } from './handlers/towns-handlers';
import { transferHandlers } from './handlers/transfer-handlers';
import { withOwnChanges } from './own-changes';

/** One line per feature; each feature's file has one line per channel, calling a service. */
export const createHandlers = (ctx: AppContext): Handlers =>
  withOwnChanges(ctx, {
    ...appHandlers(ctx),
    ...registryHandlers(ctx),
    ...partnershipsHandlers(ctx),
    ...membersHandlers(ctx),
    ...requestsHandlers(ctx),
    ...importHandlers(ctx),
    ...agreementsHandlers(ctx),
    ...statisticsHandlers(ctx),
    ...townsHandlers(ctx),
    ...transferHandlers(ctx),
  } satisfies Handlers);
