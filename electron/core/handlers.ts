import type { Handlers } from '../../shared/ipc/contract';
import type { AppContext } from './context';
import { appHandlers } from './handlers/app-handlers';
import { registryHandlers } from './handlers/registry-handlers';

/** One line per feature; each feature's file has one line per channel, calling a service. */
export const createHandlers = (ctx: AppContext): Handlers =>
  ({
    ...appHandlers(ctx),
    ...registryHandlers(ctx),
  }) satisfies Handlers;
