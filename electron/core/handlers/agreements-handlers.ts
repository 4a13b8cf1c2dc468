import type { agreementsChannels } from '../../../shared/ipc/channels/agreements';
import type { AppContext } from '../context';
import {
  agreementCatalog,
  agreementDefaults,
  agreementSources,
  batchGenerate,
  deleteDraft,
  generateAgreement,
  listDrafts,
  previewAgreement,
  regenerateDraft,
} from '../services/agreements/agreements-service';
import type { HandlersFor } from './types';

export const agreementsHandlers = (ctx: AppContext) =>
  ({
    'agreements:sources': () => agreementSources(ctx),
    'agreements:options': async ({ source }) => ({
      ...(await agreementDefaults(ctx, source)),
      templates: await agreementCatalog(ctx),
    }),
    'agreements:preview': ({ request }) => previewAgreement(ctx, request),
    'agreements:generate': (input) => generateAgreement(ctx, input),
    'agreements:list': ({ partnershipId }) => listDrafts(ctx, partnershipId),
    'agreements:delete': ({ draftId }) => deleteDraft(ctx, draftId),
    'agreements:regenerate': ({ draftId, overwrite }) => regenerateDraft(ctx, draftId, overwrite),
    'agreements:batch': (input) => batchGenerate(ctx, input),
  }) satisfies HandlersFor<typeof agreementsChannels>;
