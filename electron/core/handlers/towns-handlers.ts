import type { townsChannels } from '../../../shared/ipc/channels/towns';
import type { AppContext } from '../context';
import { townCard, updateTownCard } from '../services/town-card-service';
import type { HandlersFor } from './types';

export const townsHandlers = (ctx: AppContext) =>
  ({
    'towns:card': (input) => townCard(ctx, input),
    'towns:update': (input) => updateTownCard(ctx, input),
  }) satisfies HandlersFor<typeof townsChannels>;
