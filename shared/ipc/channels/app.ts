import { z } from 'zod';
import { defineChannels } from '../define';
import { preferencesSchema } from '../../domain/schemas';

const empty = z.object({}).strict();

export const appChannels = defineChannels({
  'app:info': {
    doc: 'Schema version, application version, database path and the number of rows per table.',
    input: empty,
    output: z.object({
      appVersion: z.string(),
      schemaVersion: z.number().int(),
      databasePath: z.string(),
      counts: z.record(z.string(), z.number().int()),
    }),
  },
  'app:loadDemo': {
    doc: 'Loads the demo data (regions, districts, members, partnerships) into an empty registry.',
    input: empty,
    output: z.object({ counts: z.record(z.string(), z.number().int()) }),
  },
  'prefs:get': {
    doc: 'The user interface preferences (language, grid states, named views).',
    input: empty,
    output: preferencesSchema,
  },
  'prefs:set': {
    doc: 'Changes some preferences and returns all of them.',
    input: preferencesSchema.partial().strict(),
    output: preferencesSchema,
  },
});
