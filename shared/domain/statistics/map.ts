import { z } from 'zod';
import { PARTNERSHIP_STATUSES, PARTNERSHIP_TYPES } from '../codes';

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

/** One filtered partnership with both ends' names and coordinates (null when unknown). */
export type MapRow = {
  id: number;
  regionId: number | null;
  type: (typeof PARTNERSHIP_TYPES)[number];
  status: (typeof PARTNERSHIP_STATUSES)[number];
  municipalityId: number;
  municipalityName: string;
  municipalityLatitude: number | null;
  municipalityLongitude: number | null;
  townId: number;
  townName: string;
  townNameCs: string | null;
  countryCode: string;
  townLatitude: number | null;
  townLongitude: number | null;
};

/** The map's points, lines and bubbles from the filtered partnerships (the ones the statistics count). */
export function computeMapData(
  rows: readonly MapRow[],
  regions: readonly { id: number; code: string; name: string }[],
  regionCentres: readonly { regionId: number; latitude: number; longitude: number }[],
): MapData {
  const members = new Map<number, MapData['members'][number]>();
  const towns = new Map<number, MapData['towns'][number]>();
  const regionCounts = new Map<number, number>();
  const links: MapData['links'] = [];
  let withoutCoordinates = 0;
  for (const row of rows) {
    if (row.regionId !== null) regionCounts.set(row.regionId, (regionCounts.get(row.regionId) ?? 0) + 1);
    const mLat = row.municipalityLatitude;
    const mLon = row.municipalityLongitude;
    const tLat = row.townLatitude;
    const tLon = row.townLongitude;
    if (mLat !== null && mLon !== null) {
      const member = members.get(row.municipalityId) ?? {
        id: row.municipalityId,
        name: row.municipalityName,
        latitude: mLat,
        longitude: mLon,
        partnerships: 0,
      };
      member.partnerships += 1;
      members.set(row.municipalityId, member);
    }
    if (tLat !== null && tLon !== null) {
      const town = towns.get(row.townId) ?? {
        id: row.townId,
        name: row.townName,
        nameCs: row.townNameCs,
        countryCode: row.countryCode,
        latitude: tLat,
        longitude: tLon,
        partnerships: 0,
      };
      town.partnerships += 1;
      towns.set(row.townId, town);
    }
    if (mLat !== null && mLon !== null && tLat !== null && tLon !== null) {
      links.push({
        id: row.id,
        municipalityId: row.municipalityId,
        townId: row.townId,
        type: row.type,
        status: row.status,
      });
    } else {
      withoutCoordinates += 1;
    }
  }
  const centres = new Map(regionCentres.map((c) => [c.regionId, c]));
  return {
    members: [...members.values()],
    towns: [...towns.values()],
    links,
    regions: regions.flatMap((r) => {
      const centre = centres.get(r.id);
      const partnerships = regionCounts.get(r.id) ?? 0;
      return centre && partnerships > 0
        ? [{ code: r.code, name: r.name, latitude: centre.latitude, longitude: centre.longitude, partnerships }]
        : [];
    }),
    withoutCoordinates,
  };
}
