import type { partnershipsChannels } from '../../../shared/ipc/channels/partnerships';
import type { AppContext } from '../context';
import { listPartnershipRows } from '../repositories/partnership-records-repository';
import { exportGrid } from '../services/export/grid-export-service';
import {
  createActivity,
  createContact,
  deleteActivity,
  deleteContact,
  updateActivity,
  updateContact,
} from '../services/partnership-children-service';
import {
  createPartnership,
  deletePartnership,
  getPartnership,
  restorePartnership,
  updatePartnership,
  type ServiceContext,
} from '../services/partnerships-service';
import { suggestTowns } from '../services/towns-service';
import type { HandlersFor } from './types';

export const partnershipsHandlers = (ctx: AppContext) => {
  const s: ServiceContext = {
    knex: ctx.db.knex,
    actor: ctx.actor,
    changed: (tables, rows) => ctx.emit('data:changed', { tables, ...rows }),
  };
  return {
    'partnerships:list': ({ ids }) => listPartnershipRows(ctx.db.knex, ids === undefined ? {} : { ids }),
    'partnerships:get': ({ id }) => getPartnership(ctx.db.knex, id),
    'partnerships:create': (input) => createPartnership(s, input),
    'partnerships:update': (input) => updatePartnership(s, input),
    'partnerships:delete': (input) => deletePartnership(s, input),
    'partnerships:restore': (input) => restorePartnership(s, input),
    'towns:suggest': (input) => suggestTowns(ctx.db.knex, input),
    'contacts:create': (input) => createContact(s, input),
    'contacts:update': (input) => updateContact(s, input),
    'contacts:delete': (input) => deleteContact(s, input),
    'activities:create': (input) => createActivity(s, input),
    'activities:update': (input) => updateActivity(s, input),
    'activities:delete': (input) => deleteActivity(s, input),
    'export:grid': (input) => exportGrid({ knex: ctx.db.knex, dialogs: ctx.dialogs }, input),
  } satisfies HandlersFor<typeof partnershipsChannels>;
};
