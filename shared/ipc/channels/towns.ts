import { z } from 'zod';
import { id } from '../../domain/schemas';
import { townCardPatchSchema, townCardSchema } from '../../domain/town-card';
import { defineChannels } from '../define';

/** A partner town as a gazetteer link's lists name it. */
const linkTown = z.object({ townId: id, name: z.string(), countryCode: z.string() });

/** What linking partner towns to the gazetteer would do now (towns:linkGazetteerPreview). */
const gazetteerLinkPreviewSchema = z.object({
  unlinked: z.number().int().nonnegative(),
  withoutPlace: z.number().int().nonnegative(),
  links: z.array(
    linkTown.extend({
      geonamesId: z.number().int().positive(),
      km: z.number().nonnegative(),
      gazetteerPopulation: z.number().int().nonnegative(),
      population: z.number().int().nullable(),
      fillsPopulation: z.boolean(),
    }),
  ),
  fillsPopulation: z.number().int().nonnegative(),
  ambiguous: z.array(z.object({ geonamesId: z.number().int().positive(), towns: z.array(linkTown) })),
  held: z.array(linkTown.extend({ heldBy: linkTown })),
  severalNear: z.number().int().nonnegative(),
  mayWrite: z.boolean(),
});

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
  'towns:linkGazetteerPreview': {
    doc: 'Which partner towns without a gazetteer id would be linked to the bundled gazetteer now, by the import’s rule: exactly one gazetteer town of the country under the town’s very name (folded) within 10 km of its latitude and longitude, that no registry town holds and no other town claims. Lists the links (distance, the gazetteer’s population and whether it fills an empty one), the gazetteer towns several registry towns claim (none linked: likely one town twice), those another registry town holds, and counts; `mayWrite` says whether this user may link. Writes nothing.',
    input: z.object({}).strict(),
    output: gazetteerLinkPreviewSchema,
  },
  'towns:linkGazetteer': {
    doc: 'Links the towns the rule finds now (judged again: a list shown before is not trusted) in one transaction: the gazetteer id, and the gazetteer’s population where the card has none (a stated one is never replaced). Each town is audited as a card edit, all in one group whose id (`auditId`, null when nothing was linked) towns:linkGazetteerUndo takes. FORBIDDEN for a role that may not write.',
    input: z.object({}).strict(),
    output: z.object({
      linked: z.number().int().nonnegative(),
      populationFilled: z.number().int().nonnegative(),
      /** Towns someone changed while the run judged them: left unlinked for the next run. */
      changedMeanwhile: z.number().int().nonnegative(),
      auditId: id.nullable(),
    }),
  },
  'towns:linkGazetteerUndo': {
    doc: 'Undoes a run of towns:linkGazetteer from its group id: each town loses the gazetteer id and the population the run filled, if it has not changed since (else CONFLICT listing the towns changed or deleted since, who and when, and how many others nobody touched; nothing put back). With `onlyUnchanged`, only the untouched towns are put back (`skipped` counts the others). Audited as a group of its own.',
    input: z.object({ auditId: id, onlyUnchanged: z.boolean().optional() }).strict(),
    output: z.object({
      changed: z.number().int().nonnegative(),
      auditId: id.nullable(),
      skipped: z.number().int().nonnegative().optional(),
    }),
  },
  'towns:delete': {
    doc: 'Deletes a partner town no partnership and no request names, if it is still at `version` (else CONFLICT); a town still named is CONFLICT with reason townCard.error.inUse. The audit entry keeps the whole row, and bin:restore { auditId } brings it back with its id.',
    input: z.object({ id, version: z.number().int().positive() }).strict(),
    output: z.object({ id, auditId: id }),
  },
});
