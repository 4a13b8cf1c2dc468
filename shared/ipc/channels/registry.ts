import { z } from 'zod';
import { defineChannels } from '../define';
import {
  AUDITED_TABLES,
  BIN_TABLES,
  auditEntrySchema,
  districtSchema,
  id,
  municipalityRowSchema,
  regionSchema,
} from '../../domain/schemas';

const empty = z.object({}).strict();

const binTable = z.enum(BIN_TABLES);

export const registryChannels = defineChannels({
  'bin:list': {
    doc: 'The bin: members, partnerships, requests, contacts, activities and agreement drafts deleted in the last 90 days and not restored, newest first, with who deleted them and when.',
    input: z.object({}).strict(),
    output: z.array(
      z.object({
        auditId: z.number().int().positive(),
        table: binTable,
        recordId: z.number().int().positive(),
        label: z.string(),
        actor: z.string(),
        at: z.string(),
      }),
    ),
  },
  'bin:restore': {
    doc: 'Brings a deleted record back from its audit entry with the same id (and what its delete took with it); CONFLICT when it cannot come back (restored already, its partnership gone, its code taken).',
    input: z.object({ auditId: z.number().int().positive() }).strict(),
    output: z.object({ table: binTable, recordId: z.number().int().positive() }),
  },
  'registry:verify': {
    doc: 'Marks members or partnerships verified by the user now (one, or every row of a filtered view): verified_at/by set, one audit entry each; records deleted meanwhile are skipped. Answers how many were marked.',
    input: z
      .object({ table: z.enum(['municipalities', 'partnerships']), ids: z.array(id).min(1).max(200_000) })
      .strict(),
    output: z.object({ verified: z.number().int().nonnegative() }),
  },
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
    doc: 'The change history of one record (who, when, which fields from what to what), newest first. With `withChildren`, a partnership’s history includes its contacts, activities and agreement drafts (each entry names its child).',
    input: z.object({ table: z.enum(AUDITED_TABLES), recordId: id, withChildren: z.boolean().optional() }).strict(),
    output: z.array(auditEntrySchema),
  },
});
