import { z } from 'zod';
import { PARTNERSHIP_STATUSES, PARTNERSHIP_TYPES } from '../codes';
import { isoDate } from '../schemas';

import { MEMBERSHIP_FILTERS } from './figures';

export {
  FIGURE_GRID,
  MEMBERSHIP_FILTERS,
  membershipFlag,
  passesMembership,
  STATS_FIGURES,
  type MembershipFilter,
  type StatsFigure,
} from './figures';

/** NUTS3 code of a Czech region (kraj), e.g. `CZ041`. */
export const regionCode = z.string().regex(/^CZ0\d{2}$/, 'validation.regionCode');
/** LAU1 code of a Czech district (okres), e.g. `CZ0631`. */
export const districtCode = z.string().regex(/^CZ0\d{2}[0-9A-Z]$/, 'validation.districtCode');
/**
 * An ORP (obec s rozšířenou působností) as the statistics key it: its code (e.g. `6107`) or, for
 * municipalities recorded with an ORP name but no code, that name.
 */
export const orpKey = z.string().trim().min(1).max(200);

/** The territory levels a filter can choose, widest first. */
export const TERRITORY_LEVELS = ['regions', 'districts', 'orps'] as const;
export type TerritoryLevel = (typeof TERRITORY_LEVELS)[number];

/** The years a statistics filter takes (the screen says so before asking core). */
export const STATS_YEARS = { min: 1000, max: 2999 } as const;

/**
 * The filter every statistic respects (dashboard, exports, CLI, map, the rows a figure opens).
 * - `fromYear`/`toYear`: year the partnership started; when either is set, partnerships with an
 *   unknown start are left out (their year cannot be in any range).
 * - `types`/`statuses`: empty means all.
 * - `membership`: which municipalities count (default: members of the association).
 * - `regions`/`districts`/`orps`: the territory (kraje, okresy, ORP). Within one level the units
 *   add up (Vysočina OR Jihomoravský kraj); across levels they narrow each other (kraj Vysočina
 *   AND ORP Třebíč: the municipalities in both). All empty: the whole country.
 * - `dormantYears`: a running partnership is dormant when nothing happened for this many years.
 * - `today`: the reference day for "dormant" and "expiring within 12 months"; omitted means the
 *   current day (tests pass it so that their answers never change).
 */
export const statsFilterObject = z
  .object({
    fromYear: z.number().int().min(STATS_YEARS.min).max(STATS_YEARS.max).nullable().default(null),
    toYear: z.number().int().min(STATS_YEARS.min).max(STATS_YEARS.max).nullable().default(null),
    types: z.array(z.enum(PARTNERSHIP_TYPES)).max(PARTNERSHIP_TYPES.length).default([]),
    statuses: z.array(z.enum(PARTNERSHIP_STATUSES)).max(PARTNERSHIP_STATUSES.length).default([]),
    membership: z.enum(MEMBERSHIP_FILTERS).default('members'),
    regions: z.array(regionCode).max(20).default([]),
    districts: z.array(districtCode).max(100).default([]),
    orps: z.array(orpKey).max(300).default([]),
    dormantYears: z.number().int().min(1).max(100).default(3),
    today: isoDate.nullable().default(null),
  })
  .strict();

const unique = (values: readonly string[]): string[] => [...new Set(values)];

/**
 * The filter as callers send it. `region` (one kraj) is how filters were saved before several
 * territories could be chosen (old links, views, scripts); it is read into `regions`.
 */
export const statsFilterSchema = statsFilterObject
  .extend({ region: regionCode.nullable().optional() })
  .strict()
  .refine((f) => f.fromYear === null || f.toYear === null || f.fromYear <= f.toYear, {
    message: 'validation.yearRange',
    path: ['toYear'],
  })
  .transform(({ region, ...filter }) => ({
    ...filter,
    regions: unique([...(region === null || region === undefined ? [] : [region]), ...filter.regions]),
    districts: unique(filter.districts),
    orps: unique(filter.orps),
  }));

export type StatsFilter = z.output<typeof statsFilterSchema>;
export type StatsFilterInput = z.input<typeof statsFilterSchema>;

/** The filter with every default applied (everything, members only, 3 years). */
export const defaultStatsFilter = (): StatsFilter => statsFilterSchema.parse({});

/** Whether a filter narrows the territory (else it is about the whole country). */
export const hasTerritory = (filter: Pick<StatsFilter, 'regions' | 'districts' | 'orps'>): boolean =>
  filter.regions.length > 0 || filter.districts.length > 0 || filter.orps.length > 0;

/** The same filter for the whole country (what a territory is compared with). */
export const withoutTerritory = (filter: StatsFilter): StatsFilter => ({
  ...filter,
  regions: [],
  districts: [],
  orps: [],
});
