import { z } from 'zod';
import { defineChannels } from '../define';
import { preferencesSchema } from '../../domain/schemas';

const empty = z.object({}).strict();

/** The largest preferences change `prefs:set` takes, in characters of JSON. */
export const PREFERENCES_MAX_CHARS = 1_000_000;

const demoCounts = z.object({
  contacts: z.number().int().nonnegative(),
  activities: z.number().int().nonnegative(),
  partnership_requests: z.number().int().nonnegative(),
  partnerships: z.number().int().nonnegative(),
  foreign_towns: z.number().int().nonnegative(),
  municipalities: z.number().int().nonnegative(),
});

export const appChannels = defineChannels({
  'jobs:cancel': {
    doc: 'Asks the running job with this id to stop (an import or its preview: the previewId; a batch of agreements or an export: the jobId it was started with). An import rolls back entirely, a batch stops after the current document, an export writes no file. False when no such job runs.',
    input: z.object({ jobId: z.string().min(1).max(100) }).strict(),
    output: z.object({ cancelled: z.boolean() }),
  },
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
  'demo:status': {
    doc: 'How many records of each table are demo data (marked when the demo was loaded), and how many a removal would remove now (0 once it ran; what is left, staff data refers to).',
    input: empty,
    output: z.object({ counts: demoCounts, removable: z.number().int().nonnegative() }),
  },
  'demo:remove': {
    doc: 'Removes the demo data after a verified backup, in one audited transaction: every demo record that nothing of the staff hangs on; such a record is kept and counted in `kept`.',
    input: empty,
    output: z.object({ removed: demoCounts, kept: demoCounts, backup: z.string().nullable() }),
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
