import { z } from 'zod';
import { defineChannels } from '../define';

const counts = z.record(z.string(), z.number().int().nonnegative());
/** Names the work as a job: `job:progress` reports it, `jobs:cancel` stops it. */
const jobInput = z.object({ jobId: z.string().min(1).max(100).optional() }).strict();

/** Moving a whole registry between a file and a server (issue 15 item 6). */
export const transferChannels = defineChannels({
  'registry:transferStatus': {
    doc: 'Which engine holds the registry (a file: sqlite; a server: postgres) and whether it may take "Import registry from a file" now (a server registry whose tables the connected role owns); `refusal` is the message key of why not.',
    input: z.object({}).strict(),
    output: z.object({
      engine: z.enum(['sqlite', 'postgres']),
      mayImport: z.boolean(),
      refusal: z.string().nullable(),
      /** Whether the host can ask for a file (the web preview cannot: the CLI imports one there). */
      choosesFile: z.boolean(),
    }),
  },
  'registry:exportFile': {
    doc: 'Writes the whole registry (file or server) into a new SQLite registry file the user chooses: every table with its ids, at this schema version, verified (row counts per table, integrity and foreign-key checks) before it gets its name. A job (phase "export"); CANCELLED when the dialog is closed or the job cancelled, and then no file is written.',
    input: jobInput,
    output: z.object({ filePath: z.string(), counts, rows: z.number().int().nonnegative() }),
  },
  'registry:importFile': {
    doc: 'Imports a registry file the user chooses into this registry on a server, which must be empty (CONFLICT names what it holds): administrators only (FORBIDDEN otherwise, and on a registry file), one transaction, ids kept and id sequences continued, row counts compared; on any error nothing changes. A job (phases "prepare", "import").',
    input: jobInput,
    output: z.object({ fileName: z.string(), counts, rows: z.number().int().nonnegative() }),
  },
});
