import type { partnershipsChannels } from '../../../shared/ipc/channels/partnerships';
import type { AppContext } from '../context';
import {
  mergePartnerships,
  mergeTowns,
  partnershipMergePreview,
  townsOfCountry,
  undoMerge,
  undoMergeKeeping,
  undoMergeKeepingPreview,
} from '../services/merge-service';
import { exportGrid } from '../services/export/grid-export-service';
import { addAttachment, openAttachment, saveAttachmentCopy } from '../services/attachments-service';
import {
  createActivity,
  createContact,
  deleteActivity,
  deleteAttachment,
  updateAttachment,
  deleteContact,
  revertActivityChange,
  revertContactChange,
  updateActivity,
  updateContact,
} from '../services/partnership-children-service';
import {
  bulkRestorePartnerships,
  bulkUpdatePartnerships,
  createPartnership,
  deletePartnership,
  getPartnership,
  partnershipDeleteImpact,
  restorePartnership,
  revertPartnershipChange,
  updatePartnership,
} from '../services/partnerships-service';
import { partnershipGrid, partnershipRows } from '../services/registry-service';
import { suggestTowns } from '../services/towns-service';
import type { HandlersFor } from './types';

export const partnershipsHandlers = (ctx: AppContext) =>
  ({
    'partnerships:list': ({ ids }) => partnershipRows(ctx, ids),
    'partnerships:grid': () => partnershipGrid(ctx),
    'partnerships:get': ({ id }) => getPartnership(ctx, id),
    'partnerships:create': (input) => createPartnership(ctx, input),
    'partnerships:update': (input) => updatePartnership(ctx, input),
    'partnerships:delete': (input) => deletePartnership(ctx, input),
    'partnerships:deleteImpact': ({ id }) => partnershipDeleteImpact(ctx, id),
    'partnerships:bulkUpdate': (input) => bulkUpdatePartnerships(ctx, input),
    'partnerships:bulkRestore': (input) => bulkRestorePartnerships(ctx, input),
    'partnerships:restore': (input) => restorePartnership(ctx, input),
    'towns:suggest': (input) => suggestTowns(ctx, input),
    'partnerships:revert': (input) => revertPartnershipChange(ctx, input),
    'towns:ofCountry': (input) => townsOfCountry(ctx, input),
    'towns:merge': (input) => mergeTowns(ctx, input),
    'partnerships:mergePreview': (input) => partnershipMergePreview(ctx, input),
    'partnerships:merge': (input) => mergePartnerships(ctx, input),
    'merges:restore': (input) => undoMerge(ctx, input),
    'merges:undoKeepingPreview': (input) => undoMergeKeepingPreview(ctx, input),
    'merges:undoKeeping': (input) => undoMergeKeeping(ctx, input),
    'contacts:create': (input) => createContact(ctx, input),
    'contacts:update': (input) => updateContact(ctx, input),
    'contacts:revert': (input) => revertContactChange(ctx, input),
    'contacts:delete': (input) => deleteContact(ctx, input),
    'activities:create': (input) => createActivity(ctx, input),
    'activities:update': (input) => updateActivity(ctx, input),
    'activities:revert': (input) => revertActivityChange(ctx, input),
    'activities:delete': (input) => deleteActivity(ctx, input),
    'attachments:add': (input) => addAttachment(ctx, input),
    'attachments:save': (input) => saveAttachmentCopy(ctx, input),
    'attachments:open': (input) => openAttachment(ctx, input),
    'attachments:update': (input) => updateAttachment(ctx, input),
    'attachments:delete': (input) => deleteAttachment(ctx, input),
    'export:grid': (input) => exportGrid(ctx, input),
  }) satisfies HandlersFor<typeof partnershipsChannels>;
