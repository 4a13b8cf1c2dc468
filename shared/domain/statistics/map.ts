import { z } from 'zod';
import { PARTNERSHIP_STATUSES, PARTNERSHIP_TYPES } from '../codes';
import { createFilterPredicate, type StatsFacts } from './compute';
import type { StatsFilter } from './filter';

const count = z.number().int().nonnegative();

export const mapDataSchema = z.object({
  /** Municipalities with at least one partnership that passes the filter, and coordinates. */
  members: z.array(
    z.object({
      id: z.number().int(),
      name: z.string(),
      latitude: z.number(),
      longitude: z.number(),
      partnerships: count,
    }),
  ),
  /** Their partner towns with coordinates. */
  towns: z.array(
    z.object({
      id: z.number().int(),
      name: z.string(),
      nameCs: z.string().nullable(),
      countryCode: z.string(),
      latitude: z.number(),
      longitude: z.number(),
      partnerships: count,
    }),
  ),
  /** One line per partnership whose both ends have coordinates. */
  links: z.array(
    z.object({
      id: z.number().int(),
      municipalityId: z.number().int(),
      townId: z.number().int(),
      type: z.enum(PARTNERSHIP_TYPES),
      status: z.enum(PARTNERSHIP_STATUSES),
    }),
  ),
  /** Regions as bubbles: placed at the mean position of their municipalities, sized by partnerships. */
  regions: z.array(
    z.object({ code: z.string(), name: z.string(), latitude: z.number(), longitude: z.number(), partnerships: count }),
  ),
  /** Partnerships that could not be drawn because one end has no coordinates. */
  withoutCoordinates: count,
});
export type MapData = z.infer<typeof mapDataSchema>;

export type MapPlaces = {
  municipalities: readonly { id: number; name: string; latitude: number; longitude: number }[];
  towns: readonly {
    id: number;
    name: string;
    nameCs: string | null;
    countryCode: string;
    latitude: number | null;
    longitude: number | null;
  }[];
  regionCentres: readonly { regionId: number; latitude: number; longitude: number }[];
};

/** The map's points, lines and bubbles for a filter: the same partnerships the statistics count. */
export function computeMapData(facts: StatsFacts, places: MapPlaces, filter: StatsFilter): MapData {
  const passes = createFilterPredicate(filter, facts.regions);
  const municipalities = new Map(places.municipalities.map((m) => [m.id, m]));
  const towns = new Map(places.towns.map((t) => [t.id, t]));
  const memberCounts = new Map<number, number>();
  const townCounts = new Map<number, number>();
  const regionCounts = new Map<number, number>();
  const links: MapData['links'] = [];
  let withoutCoordinates = 0;
  for (const p of facts.partnerships) {
    if (!passes(p)) continue;
    if (p.regionId !== null) regionCounts.set(p.regionId, (regionCounts.get(p.regionId) ?? 0) + 1);
    const municipality = municipalities.get(p.municipalityId);
    const town = towns.get(p.foreignTownId);
    if (municipality) memberCounts.set(p.municipalityId, (memberCounts.get(p.municipalityId) ?? 0) + 1);
    const townPlaced = town !== undefined && town.latitude !== null && town.longitude !== null;
    if (townPlaced) townCounts.set(p.foreignTownId, (townCounts.get(p.foreignTownId) ?? 0) + 1);
    if (municipality && townPlaced) {
      links.push({
        id: p.id,
        municipalityId: p.municipalityId,
        townId: p.foreignTownId,
        type: p.type,
        status: p.status,
      });
    } else {
      withoutCoordinates += 1;
    }
  }
  const centres = new Map(places.regionCentres.map((c) => [c.regionId, c]));
  return {
    members: [...memberCounts.entries()].flatMap(([id, partnerships]) => {
      const m = municipalities.get(id);
      return m ? [{ id, name: m.name, latitude: m.latitude, longitude: m.longitude, partnerships }] : [];
    }),
    towns: [...townCounts.entries()].flatMap(([id, partnerships]) => {
      const t = towns.get(id);
      return t && t.latitude !== null && t.longitude !== null
        ? [
            {
              id,
              name: t.name,
              nameCs: t.nameCs,
              countryCode: t.countryCode,
              latitude: t.latitude,
              longitude: t.longitude,
              partnerships,
            },
          ]
        : [];
    }),
    links,
    regions: facts.regions.flatMap((r) => {
      const centre = centres.get(r.id);
      const partnerships = regionCounts.get(r.id) ?? 0;
      return centre && partnerships > 0
        ? [{ code: r.code, name: r.name, latitude: centre.latitude, longitude: centre.longitude, partnerships }]
        : [];
    }),
    withoutCoordinates,
  };
}
