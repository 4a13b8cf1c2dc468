import { z } from 'zod';
import { id } from '../../domain/schemas';
import { townCardPatchSchema, townCardSchema } from '../../domain/town-card';
import { defineChannels } from '../define';

/** The partner-town card: a town abroad as a record of its own. */
export const townsChannels = defineChannels({
  'towns:card': {
    doc: 'One partner town with every field of its card (names, town hall, mayor, who signs, history), its version and provenance, and its partnerships in Czech order.',
    input: z.object({ id }).strict(),
    output: townCardSchema,
  },
  'towns:update': {
    doc: 'Changes fields of a partner-town card if it is still at `version` (else CONFLICT). A name or country another record of the town already has is CONFLICT with reason townCard.error.duplicate (merge instead). A renamed town keeps its former name among its other names (not on `undo`, which puts back what a save replaced), and a name taken back leaves the other names. Audited; the Partnerships grid rows of the town refresh.',
    input: z
      .object({
        id,
        version: z.number().int().positive(),
        patch: townCardPatchSchema,
        /** The patch puts back what a save replaced (its Undo): a renamed town keeps no former name from it. */
        undo: z.boolean().optional(),
      })
      .strict(),
    output: townCardSchema,
  },
  'towns:revert': {
    doc: "Restores from a partner town's history: puts back the values a past change (audit entry) replaced, a card edit's or a suggestion's (the gazetteer link and the empty fields it filled), if those fields have not changed since (else CONFLICT with reason history.error.changedSince). Audited as a new change.",
    input: z.object({ auditId: id }).strict(),
    output: townCardSchema,
  },
  'towns:unused': {
    doc: 'The partner towns no partnership and no request names (left over after a partnership was deleted, or added by mistake), in Czech order.',
    input: z.object({}).strict(),
    output: z.array(
      z.object({
        id,
        version: z.number().int().positive(),
        name: z.string(),
        countryCode: z.string(),
        source: z.string().nullable(),
        createdAt: z.string(),
      }),
    ),
  },
  'towns:delete': {
    doc: 'Deletes a partner town no partnership and no request names, if it is still at `version` (else CONFLICT); a town still named is CONFLICT with reason townCard.error.inUse. The audit entry keeps the whole row, and bin:restore { auditId } brings it back with its id.',
    input: z.object({ id, version: z.number().int().positive() }).strict(),
    output: z.object({ id, auditId: id }),
  },
});
