import { z } from 'zod';

/**
 * Fields a person states where two partnerships of one member may say different things: a merge
 * shows each clash and keeps the kept record's value unless the user takes the other's
 * (walkthrough 20: a merge kept "2009" over "1. 3. 2010" and said nothing). `term` is the kind of
 * term and its end date as one value.
 */
export const PARTNERSHIP_CHOOSABLE = [
  'type',
  'status',
  'startedOn',
  'signedOn',
  'signedPlace',
  'czResolution',
  'czResolutionDate',
  'partnerResolution',
  'partnerResolutionDate',
  'term',
  'endedOn',
] as const;
export type ChoosableField = (typeof PARTNERSHIP_CHOOSABLE)[number];

/**
 * One field both partnerships state differently, as stored: a code, a date at its precision, a
 * text; a term as `fixed:2030-12-31`, `fixed` or `indefinite`.
 */
export const mergeClashSchema = z.object({
  field: z.enum(PARTNERSHIP_CHOOSABLE),
  kept: z.string(),
  other: z.string(),
});
export type MergeClash = z.infer<typeof mergeClashSchema>;
