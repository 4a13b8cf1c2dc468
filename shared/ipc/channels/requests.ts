import { z } from 'zod';
import { COOPERATION_AREAS } from '../../domain/codes';
import { requestInputSchema, requestRowSchema, requestToPartnershipSchema } from '../../domain/request-rules';
import { townSuggestionSchema } from '../../domain/partnerships';
import { id } from '../../domain/schemas';
import { defineChannels } from '../define';

export const requestsChannels = defineChannels({
  'requests:list': {
    doc: 'Every partnership request with its member or foreign town, newest first (one query).',
    input: z.object({}).strict(),
    output: z.array(requestRowSchema),
  },
  'requests:create': {
    doc: 'Records a request: a member seeking a partner, or a foreign town seeking a Czech one. Audited.',
    input: requestInputSchema,
    output: requestRowSchema,
  },
  'requests:update': {
    doc: 'Replaces the fields of a request if it is still at `version` (else CONFLICT). Audited.',
    input: z.object({ id, version: z.number().int().positive(), values: requestInputSchema }).strict(),
    output: requestRowSchema,
  },
  'requests:delete': {
    doc: 'Deletes a request; the audit entry keeps it for `requests:restore` (undo).',
    input: z.object({ id, version: z.number().int().positive() }).strict(),
    output: z.object({ auditId: id }),
  },
  'requests:restore': {
    doc: 'Undoes the delete of a request from its audit entry.',
    input: z.object({ auditId: id }).strict(),
    output: requestRowSchema,
  },
  'requests:toPartnership': {
    doc: "Turns a request into a partnership in one transaction: the member and the foreign town (a registry town by `foreignTownId`, or a town picked from the suggestions with its gazetteer identity, Czech name and coordinates as `town`, else found or added by country and name), the request set to accepted and linked to it, with the other side's open requests named in `alsoAccept`. Undone by deleting the partnership (`partnerships:delete` with `partnershipVersion`), which gives every request it accepted back its status.",
    input: requestToPartnershipSchema,
    output: z.object({
      partnershipId: id,
      /** The new partnership's version: "Undo" deletes it only if nobody changed it since. */
      partnershipVersion: z.number().int(),
      request: requestRowSchema,
      /** The other side's requests (`alsoAccept`) accepted and linked with it. */
      alsoAccepted: z.array(id),
    }),
  },
  'requests:suggest': {
    doc: 'Suggested partners for a member that seeks one: open requests of foreign towns wanting a Czech partner with overlapping themes, best first.',
    input: z.object({ id }).strict(),
    output: z.array(
      z.object({
        request: requestRowSchema,
        score: z.number().int(),
        commonThemes: z.array(z.enum(COOPERATION_AREAS)),
        sizeMatches: z.boolean(),
      }),
    ),
  },
  'requests:suggestTowns': {
    doc: 'Suggested partner towns for a member that seeks one, from the offline GeoNames gazetteer: towns of a wanted country and the wanted size, not twinned with any Czech municipality of the registry, best first (themes in common with an open request of the town, then distance from the member). A distance is null when the member has no coordinates. Empty for a foreign town’s request.',
    input: z.object({ id }).strict(),
    output: z.array(
      z.object({
        town: townSuggestionSchema,
        distanceKm: z.number().int().nonnegative().nullable(),
        commonThemes: z.array(z.enum(COOPERATION_AREAS)),
        requestId: id.nullable(),
      }),
    ),
  },
});
