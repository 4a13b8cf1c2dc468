import type { registryChannels } from '../../../shared/ipc/channels/registry';
import type { AppContext } from '../context';
import { listMunicipalityRows } from '../repositories/municipalities-repository';
import { listDistricts, listRegions } from '../repositories/reference-repository';
import type { HandlersFor } from './types';

export const registryHandlers = (ctx: AppContext) =>
  ({
    'regions:list': () => listRegions(ctx.db.knex),
    'districts:list': () => listDistricts(ctx.db.knex),
    'municipalities:list': (input) => listMunicipalityRows(ctx.db.knex, input),
  }) satisfies HandlersFor<typeof registryChannels>;
