import { z } from 'zod';
import { PARTNERSHIP_STATUSES, PARTNERSHIP_TYPES, type PartnershipStatus, type PartnershipType } from '../codes';
import { statsFilterObject } from './filter';

const count = z.number().int().nonnegative();
const byType = z.object(
  Object.fromEntries(PARTNERSHIP_TYPES.map((t) => [t, count])) as Record<PartnershipType, typeof count>,
);
const byStatus = z.object(
  Object.fromEntries(PARTNERSHIP_STATUSES.map((s) => [s, count])) as Record<PartnershipStatus, typeof count>,
);

export const AREA_LEVELS = ['country', 'region', 'district', 'orp'] as const;
export type AreaLevel = (typeof AREA_LEVELS)[number];

/** The figures of one territory (the whole country, a region, a district or an ORP). */
export const areaFiguresSchema = z.object({
  level: z.enum(AREA_LEVELS),
  /** NUTS3 / LAU1 / ORP code, `CZ` for the country; null for municipalities with no such unit recorded. */
  code: z.string().nullable(),
  name: z.string(),
  regionCode: z.string().nullable(),
  districtCode: z.string().nullable(),
  /** Municipalities that pass the membership filter (members of the association by default). */
  municipalities: count,
  /** Of those, how many have at least one active partnership that passes the filter. */
  withActive: count,
  /** withActive / municipalities (0..1), null when there are no municipalities. */
  activeShare: z.number().nullable(),
  /** Null when the population of some of its municipalities is not known (never a partial sum). */
  population: count.nullable(),
  /** How many of its municipalities have a known population (all of them: `population` is their sum). */
  populationKnown: count.default(0),
  partnerships: count,
  /** Partnerships per 10,000 inhabitants of those municipalities; null without population. */
  per10k: z.number().nullable(),
  byType,
  byStatus,
  /** Running (active or dormant) partnerships with no activity for `dormantYears` years. */
  dormant: count,
  /** Fixed-term agreements (not ended) whose term ends within 12 months of `today`. */
  expiring: count,
  /** Partnerships not ended whose term the source does not state: `expiring` cannot count them. */
  termUnknown: count,
});
export type AreaFigures = z.infer<typeof areaFiguresSchema>;

export const countryCountSchema = z.object({ countryCode: z.string(), count, share: z.number() });
export type CountryCount = z.infer<typeof countryCountSchema>;

export const amountsSchema = z.record(z.string(), z.number());
export type Amounts = z.infer<typeof amountsSchema>;

export const fundingRowSchema = z.object({
  /** Funding programme code; null for activities without a recorded programme. */
  programme: z.string().nullable(),
  /** Year of the activity; null in the per-programme totals. */
  year: z.number().int().nullable(),
  activities: count,
  participants: count,
  /** Sum of amounts per ISO currency (never converted or added across currencies); XXX = no currency given. */
  amounts: amountsSchema,
});
export type FundingRow = z.infer<typeof fundingRowSchema>;

/** One chosen unit of a territory filter, named (a unit the registry does not know keeps its code as name). */
export const territoryUnitSchema = z.object({
  code: z.string(),
  name: z.string(),
  /** The kraj it lies in (null for a kraj itself or when not recorded). */
  regionCode: z.string().nullable(),
});
export type TerritoryUnit = z.infer<typeof territoryUnitSchema>;
/** The units a filter chose, per level, named; all empty for the whole country. */
export const territorySchema = z.object({
  regions: z.array(territoryUnitSchema),
  districts: z.array(territoryUnitSchema),
  orps: z.array(territoryUnitSchema),
});
export type Territory = z.infer<typeof territorySchema>;

/**
 * What a territory filter can choose (`stats:territories`): every kraj, okres and ORP the registry
 * knows, named, with the kraj each lies in (and an ORP's okresy, so that choosing okresy can
 * narrow the ORPs offered), each level in Czech order.
 */
export const territoryOptionsSchema = z.object({
  regions: z.array(territoryUnitSchema),
  districts: z.array(territoryUnitSchema),
  orps: z.array(territoryUnitSchema.extend({ districtCodes: z.array(z.string()) })),
});
export type TerritoryOptions = z.infer<typeof territoryOptionsSchema>;

export const statisticsSchema = z.object({
  filter: statsFilterObject.extend({ today: z.string() }),
  /** The territory the filter chose, named (for titles, file names and the screen). */
  territory: territorySchema,
  total: areaFiguresSchema,
  /**
   * The whole country under the same filter without its territory, for comparison: its totals and
   * its number of partner countries. Null when the filter is about the whole country already.
   */
  national: z.object({ total: areaFiguresSchema, countries: count }).nullable(),
  regions: z.array(areaFiguresSchema),
  districts: z.array(areaFiguresSchema),
  orps: z.array(areaFiguresSchema),
  /** New partnerships per start year, oldest first; `year: null` = start unknown (last). */
  years: z.array(z.object({ year: z.number().int().nullable(), count })),
  decades: z.array(z.object({ decade: z.number().int().nullable(), count })),
  /**
   * Under a period (`fromYear`/`toYear`): how many partnerships pass the rest of the filter
   * (territory, membership, type, status) but state no start year, and so are not counted in the
   * period. Null (or absent) without a period: then nothing is left out for its year.
   */
  startUnknown: count.nullable().optional(),
  /** Partner countries, most partnerships first (ties by code). */
  countries: z.array(countryCountSchema),
  topCountries: z.array(countryCountSchema),
  /** Region × country: `countries` in the order of `countries` above; one row per region. */
  matrix: z.object({
    countries: z.array(z.string()),
    rows: z.array(
      z.object({ regionCode: z.string().nullable(), regionName: z.string(), counts: z.array(count), total: count }),
    ),
  }),
  /**
   * Areas of cooperation: partnerships naming each area, and its share of the partnerships that
   * name any (`areasStated`). Null ("–", not known) when none of the counted partnerships names
   * an area; the share is null also when there are no partnerships at all.
   */
  areas: z.array(z.object({ area: z.string(), count: count.nullable(), share: z.number().nullable() })),
  /** Of `total.partnerships`, how many name at least one area of cooperation. */
  areasStated: count,
  funding: z.object({
    currencies: z.array(z.string()),
    byProgrammeYear: z.array(fundingRowSchema),
    byProgramme: z.array(fundingRowSchema),
    total: fundingRowSchema,
  }),
});
export type Statistics = z.infer<typeof statisticsSchema>;
