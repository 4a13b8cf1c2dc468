import type { townsChannels } from '../../../shared/ipc/channels/towns';
import type { AppContext } from '../context';
import { deleteTown, revertTownChange, townCard, unusedTowns, updateTownCard } from '../services/town-card-service';
import {
  applyGazetteerLinks,
  previewGazetteerLinks,
  undoGazetteerLinks,
} from '../services/town-gazetteer-link-service';
import type { HandlersFor } from './types';

export const townsHandlers = (ctx: AppContext) =>
  ({
    'towns:card': (input) => townCard(ctx, input),
    'towns:update': (input) => updateTownCard(ctx, input),
    'towns:revert': (input) => revertTownChange(ctx, input),
    'towns:unused': () => unusedTowns(ctx),
    'towns:delete': (input) => deleteTown(ctx, input),
    'towns:linkGazetteerPreview': () => previewGazetteerLinks(ctx),
    'towns:linkGazetteer': () => applyGazetteerLinks(ctx),
    'towns:linkGazetteerUndo': (input) => undoGazetteerLinks(ctx, input),
  }) satisfies HandlersFor<typeof townsChannels>;
