import { z } from 'zod';
import { defineChannels } from '../define';
import {
  AUDITED_TABLES,
  auditEntrySchema,
  districtSchema,
  id,
  municipalityRowSchema,
  regionSchema,
} from '../../domain/schemas';

const empty = z.object({}).strict();

export const registryChannels = defineChannels({
  'regions:list': {
    doc: 'All regions (kraje), in Czech order.',
    input: empty,
    output: z.array(regionSchema),
  },
  'districts:list': {
    doc: 'All districts (okresy), in Czech order.',
    input: empty,
    output: z.array(districtSchema),
  },
  'municipalities:list': {
    doc: 'Every municipality with district, region and partnership counts: the Members grid, in one query. With `ids`, only those (missing ones were deleted): a grid refreshes the rows a change touched.',
    input: z.object({ membersOnly: z.boolean().optional(), ids: z.array(id).max(10_000).optional() }).strict(),
    output: z.array(municipalityRowSchema),
  },
  'audit:history': {
    doc: 'The change history of one record (who, when, which fields from what to what), newest first.',
    input: z.object({ table: z.enum(AUDITED_TABLES), recordId: id }).strict(),
    output: z.array(auditEntrySchema),
  },
});
