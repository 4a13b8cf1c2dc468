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
  /**
   * The partnerships summed per kraj and partner country (the map's overview where single lines
   * say nothing): from the kraj's centre to the mean position of those partner towns. Counts the
   * partnerships whose municipality has a kraj and whose town has coordinates.
   */
  flows: z.array(
    z.object({
      regionCode: z.string(),
      regionName: z.string(),
      countryCode: z.string(),
      partnerships: count,
      fromLatitude: z.number(),
      fromLongitude: z.number(),
      toLatitude: z.number(),
      toLongitude: z.number(),
    }),
  ),
  /** The partnerships per okres (LAU 1 code) of their municipality: the okres choropleth's shades. */
  districts: z.array(z.object({ code: z.string(), partnerships: count })),
  /** Partnerships that could not be drawn because one end has no coordinates. */
  withoutCoordinates: count,
});
export type MapData = z.infer<typeof mapDataSchema>;

/** One filtered partnership with both ends' names and coordinates (null when unknown). */
export type MapRow = {
  id: number;
  regionId: number | null;
  /** The okres (LAU 1 code) of the municipality, null when unknown. */
  districtCode: string | null;
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
  const districtCounts = new Map<string, number>();
  const links: MapData['links'] = [];
  let withoutCoordinates = 0;
  for (const row of rows) {
    if (row.regionId !== null) regionCounts.set(row.regionId, (regionCounts.get(row.regionId) ?? 0) + 1);
    if (row.districtCode !== null)
      districtCounts.set(row.districtCode, (districtCounts.get(row.districtCode) ?? 0) + 1);
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
  // Kraj → country: the sum, and the sum of the partner towns' positions for their mean.
  const regionById = new Map(regions.map((r) => [r.id, r]));
  const flowSums = new Map<string, { regionId: number; countryCode: string; n: number; lat: number; lon: number }>();
  for (const row of rows) {
    if (row.regionId === null || row.townLatitude === null || row.townLongitude === null) continue;
    if (!centres.has(row.regionId) || !regionById.has(row.regionId)) continue;
    const key = `${String(row.regionId)} ${row.countryCode}`;
    const sum = flowSums.get(key) ?? { regionId: row.regionId, countryCode: row.countryCode, n: 0, lat: 0, lon: 0 };
    sum.n += 1;
    sum.lat += row.townLatitude;
    sum.lon += row.townLongitude;
    flowSums.set(key, sum);
  }
  const flows = [...flowSums.values()].flatMap((sum) => {
    const region = regionById.get(sum.regionId);
    const centre = centres.get(sum.regionId);
    if (!region || !centre) return [];
    return [
      {
        regionCode: region.code,
        regionName: region.name,
        countryCode: sum.countryCode,
        partnerships: sum.n,
        fromLatitude: centre.latitude,
        fromLongitude: centre.longitude,
        toLatitude: sum.lat / sum.n,
        toLongitude: sum.lon / sum.n,
      },
    ];
  });
  // The widest drawn last (on top); ties in a fixed order.
  flows.sort(
    (a, b) =>
      a.partnerships - b.partnerships ||
      a.regionCode.localeCompare(b.regionCode) ||
      a.countryCode.localeCompare(b.countryCode),
  );
  return {
    flows,
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
    districts: [...districtCounts].map(([code, partnerships]) => ({ code, partnerships })),
    withoutCoordinates,
  };
}
