import type { appChannels } from '../../../shared/ipc/channels/app';
import { SCHEMA_VERSION } from '../db/migrations/index';
import type { AppContext } from '../context';
import { countRows } from '../repositories/reference-repository';
import { REGISTRY_TABLES, loadDemoData } from '../services/demo-service';
import type { HandlersFor } from './types';

export const appHandlers = (ctx: AppContext) =>
  ({
    'app:info': async () => ({
      appVersion: ctx.appVersion,
      schemaVersion: SCHEMA_VERSION,
      databasePath: ctx.db.filePath,
      counts: await countRows(ctx.db.knex, REGISTRY_TABLES),
    }),
    'app:loadDemo': async () => {
      const counts = await loadDemoData(ctx.db.knex, ctx.resourcesDir);
      ctx.emit('data:changed', { tables: [...REGISTRY_TABLES] });
      return { counts };
    },
    'prefs:get': () => ctx.preferences.get(),
    'prefs:set': (patch) => ctx.preferences.set(patch),
  }) satisfies HandlersFor<typeof appChannels>;
