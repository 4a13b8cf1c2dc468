import type { CooperationArea, TownSize } from './codes';
import { townSizeOf } from './request-rules';
import { townNameKey } from './text';

/* Partner finding from the gazetteer: towns abroad a member seeking a partner could write to. */

/** A town of the gazetteer (GeoNames): what it states, nothing more. */
export type GazetteerTown = {
  geonamesId: number;
  name: string;
  /** The Czech exonym when there is one ("Drážďany"). */
  nameCs: string | null;
  countryCode: string;
  adminCode: string | null;
  /** Null when the gazetteer does not state it (it says 0 then). */
  population: number | null;
  latitude: number;
  longitude: number;
};

/** A registry town that already has a partnership with a Czech municipality. */
export type TwinnedTown = { geonamesId: number | null; countryCode: string; names: readonly string[] };

/** An open request of a foreign town seeking a Czech partner: its themes are what the town states. */
export type StatedRequest = {
  requestId: number;
  countryCode: string;
  name: string;
  geonamesId: number | null;
  themes: readonly CooperationArea[];
};

/** The member that seeks a partner and what its request wants. */
export type PartnerSeeker = {
  latitude: number | null;
  longitude: number | null;
  /** Empty: any country (abroad). */
  wantedCountryCodes: readonly string[];
  wantedSize: TownSize | null;
  themes: readonly CooperationArea[];
};

/** A suggested town with what makes it one (the reason the screen spells out). */
export type GazetteerPartner = {
  town: GazetteerTown;
  /** Whole kilometres as the crow flies from the member; null when the member's position is unknown. */
  distanceKm: number | null;
  /** Themes the town stated in its own open request that the member wants too. */
  commonThemes: CooperationArea[];
  /** That request of the town, when it has one. */
  requestId: number | null;
};

/** How many gazetteer suggestions a request gets. */
export const GAZETTEER_SUGGESTIONS = 10;

const EARTH_RADIUS_KM = 6371;
const radians = (degrees: number) => (degrees * Math.PI) / 180;

/** Great-circle distance in kilometres (haversine). */
export function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const dLat = radians(lat2 - lat1);
  const dLon = radians(lon2 - lon1);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(radians(lat1)) * Math.cos(radians(lat2)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

const nameKeyOf = (countryCode: string, name: string) => `${countryCode}:${townNameKey(name)}`;

/**
 * Towns of the gazetteer for a member seeking a partner: of a wanted country (any but Czechia when
 * none is wanted), of the wanted size band (a town whose population the gazetteer does not state
 * is left out then: its size is unknown, not guessed), and not twinned with any Czech municipality
 * of the registry (same GeoNames id, or same country and folded name under any of its names).
 * Best first: more themes in common with an open request of the town, then nearer (unknown
 * distance last), then larger, then by name.
 */
export function gazetteerPartners(
  seeker: PartnerSeeker,
  towns: Iterable<GazetteerTown>,
  twinned: readonly TwinnedTown[],
  stated: readonly StatedRequest[],
  limit: number = GAZETTEER_SUGGESTIONS,
): GazetteerPartner[] {
  const twinnedIds = new Set<number>();
  const twinnedKeys = new Set<string>();
  for (const town of twinned) {
    if (town.geonamesId !== null) twinnedIds.add(town.geonamesId);
    for (const name of town.names) twinnedKeys.add(nameKeyOf(town.countryCode, name));
  }
  const statedById = new Map<number, StatedRequest>();
  const statedByKey = new Map<string, StatedRequest>();
  for (const request of stated) {
    if (request.geonamesId !== null) statedById.set(request.geonamesId, request);
    statedByKey.set(nameKeyOf(request.countryCode, request.name), request);
  }
  const wanted = new Set(seeker.wantedCountryCodes);
  const from =
    seeker.latitude !== null && seeker.longitude !== null
      ? { latitude: seeker.latitude, longitude: seeker.longitude }
      : null;

  const found: GazetteerPartner[] = [];
  for (const town of towns) {
    if (town.countryCode === 'CZ') continue;
    if (wanted.size > 0 && !wanted.has(town.countryCode)) continue;
    if (seeker.wantedSize !== null && townSizeOf(town.population) !== seeker.wantedSize) continue;
    const keys = [town.name, ...(town.nameCs === null ? [] : [town.nameCs])].map((name) =>
      nameKeyOf(town.countryCode, name),
    );
    if (twinnedIds.has(town.geonamesId) || keys.some((key) => twinnedKeys.has(key))) continue;
    const request =
      statedById.get(town.geonamesId) ??
      keys.map((key) => statedByKey.get(key)).find((r): r is StatedRequest => r !== undefined);
    found.push({
      town,
      distanceKm: from ? Math.round(distanceKm(from.latitude, from.longitude, town.latitude, town.longitude)) : null,
      commonThemes: request ? seeker.themes.filter((theme) => request.themes.includes(theme)) : [],
      requestId: request?.requestId ?? null,
    });
  }
  const collator = new Intl.Collator('cs');
  return found
    .sort(
      (a, b) =>
        b.commonThemes.length - a.commonThemes.length ||
        (a.distanceKm ?? Number.POSITIVE_INFINITY) - (b.distanceKm ?? Number.POSITIVE_INFINITY) ||
        (b.town.population ?? -1) - (a.town.population ?? -1) ||
        collator.compare(a.town.name, b.town.name) ||
        a.town.geonamesId - b.town.geonamesId,
    )
    .slice(0, limit);
}
