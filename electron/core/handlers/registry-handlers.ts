import type { registryChannels } from '../../../shared/ipc/channels/registry';
import type { AppContext } from '../context';
import { listHistory } from '../repositories/audit-repository';
import { listMunicipalityRows } from '../repositories/municipalities-repository';
import { listDistricts, listRegions } from '../repositories/reference-repository';
import type { HandlersFor } from './types';

export const registryHandlers = (ctx: AppContext) =>
  ({
    'regions:list': () => listRegions(ctx.db.knex),
    'districts:list': () => listDistricts(ctx.db.knex),
    'municipalities:list': (input) => listMunicipalityRows(ctx.db.knex, input),
    'audit:history': ({ table, recordId }) => listHistory(ctx.db.knex, table, recordId),
  }) satisfies HandlersFor<typeof registryChannels>;
