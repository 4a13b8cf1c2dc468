import type { membersChannels } from '../../../shared/ipc/channels/members';
import type { AppContext } from '../context';
import {
  bulkRestoreMembership,
  bulkSetMembership,
  createMunicipality,
  deleteImpact,
  deleteMunicipality,
  endMembership,
  getMunicipality,
  memberOverview,
  restoreMunicipality,
  revertMunicipalityChange,
  updateMunicipality,
} from '../services/members-service';
import { lookupAresMunicipality } from '../services/ares-service';
import type { HandlersFor } from './types';

export const membersHandlers = (ctx: AppContext) =>
  ({
    'municipalities:get': ({ id }) => getMunicipality(ctx, id),
    'municipalities:create': (input) => createMunicipality(ctx, input),
    'municipalities:update': (input) => updateMunicipality(ctx, input),
    'municipalities:revert': (input) => revertMunicipalityChange(ctx, input),
    'municipalities:endMembership': (input) => endMembership(ctx, input),
    'municipalities:bulkMembership': (input) => bulkSetMembership(ctx, input),
    'municipalities:bulkRestoreMembership': (input) => bulkRestoreMembership(ctx, input),
    'municipalities:delete': (input) => deleteMunicipality(ctx, input),
    'municipalities:deleteImpact': ({ id }) => deleteImpact(ctx, id),
    'municipalities:restore': (input) => restoreMunicipality(ctx, input),
    'municipalities:overview': ({ id }) => memberOverview(ctx, id),
    'ares:municipality': (input) => lookupAresMunicipality(ctx, input),
  }) satisfies HandlersFor<typeof membersChannels>;
