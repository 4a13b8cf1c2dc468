import type { requestsChannels } from '../../../shared/ipc/channels/requests';
import type { AppContext } from '../context';
import {
  createRequest,
  deleteRequest,
  listRequests,
  requestToPartnership,
  restoreRequest,
  suggestForRequest,
  suggestTownsForRequest,
  updateRequest,
} from '../services/requests-service';
import type { HandlersFor } from './types';

export const requestsHandlers = (ctx: AppContext) =>
  ({
    'requests:list': () => listRequests(ctx),
    'requests:create': (input) => createRequest(ctx, input),
    'requests:update': (input) => updateRequest(ctx, input),
    'requests:delete': (input) => deleteRequest(ctx, input),
    'requests:restore': (input) => restoreRequest(ctx, input),
    'requests:toPartnership': (input) => requestToPartnership(ctx, input),
    'requests:suggest': ({ id }) => suggestForRequest(ctx, id),
    'requests:suggestTowns': ({ id }) => suggestTownsForRequest(ctx, id),
  }) satisfies HandlersFor<typeof requestsChannels>;
