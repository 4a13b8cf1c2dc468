import { z } from 'zod';
import { defineChannels } from '../define';
import { preferencesSchema } from '../../domain/schemas';

const empty = z.object({}).strict();

/** The largest preferences change `prefs:set` takes, in characters of JSON. */
export const PREFERENCES_MAX_CHARS = 1_000_000;

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
    // Preferences are read on every start and written whole on every change: a bounded size keeps
    // a runaway grid state (or a hostile call) from slowing every later call.
    input: preferencesSchema
      .partial()
      .strict()
      .refine((value) => JSON.stringify(value).length <= PREFERENCES_MAX_CHARS, 'validation.tooLarge'),
    output: preferencesSchema,
  },
});
