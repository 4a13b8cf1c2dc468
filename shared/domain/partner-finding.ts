import type { CooperationArea, TownSize } from './codes';
import { townSizeOf } from './request-rules';
import { editDistance, townNameKey } from './text';

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
export type TwinnedTown = {
  geonamesId: number | null;
  countryCode: string;
  names: readonly string[];
  /** Where the registry has it (null: not known). */
  latitude?: number | null;
  longitude?: number | null;
};

/**
 * A registry town of the same name farther than this from a gazetteer town is another place
 * (Gmünd in Lower Austria and Gmünd in Carinthia), in km.
 */
const SAME_NAME_KM = 15;
/**
 * A registry town this near a gazetteer town whose name is the other's with words added is that
 * town written otherwise ("Zwettl" in the registry, "Zwettl Stadt" in the gazetteer), in km.
 */
const SAME_PLACE_KM = 5;

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
const firstWordKeyOf = (countryCode: string, name: string) => `${countryCode}:${townNameKey(name).split(' ')[0] ?? ''}`;
/** One name is the other with words added ("Zwettl" and "Zwettl Stadt"), folded as town names are. */
const namePrefixed = (a: string, b: string): boolean => {
  const [x, y] = [townNameKey(a), townNameKey(b)];
  return x === y || x.startsWith(`${y} `) || y.startsWith(`${x} `);
};

/**
 * A town's name folded further than `townNameKey`, for telling that two spellings in one country
 * are one town: German umlauts written out ("Poelten" is "Pölten") and "St." for "Sankt".
 */
export function looseTownKey(name: string): string {
  return townNameKey(name)
    .replace(/ae/g, 'a')
    .replace(/oe/g, 'o')
    .replace(/ue/g, 'u')
    .replace(/\bst\b/g, 'sankt');
}

/**
 * Whether two loose keys (`looseTownKey`) are one name misspelt by a letter ("Zlotoryia" and
 * "Złotoryja"): names of at least 7 letters, the same first letter, one edit apart.
 */
export const misspeltAlike = (a: string, b: string): boolean =>
  a.length >= 7 && b.length >= 7 && a[0] === b[0] && editDistance(a, b, 1) <= 1;

/**
 * Whether a gazetteer place is a registry town written otherwise: its name is the town's with words
 * added or taken away ("Zwettl Stadt", "Zwettl") and it lies within 5 km of the town's position.
 * A town without a position is not matched this way (nothing says where it is).
 */
export function writtenOtherwise(
  place: { name: string; latitude: number; longitude: number },
  town: { names: readonly string[]; latitude: number | null; longitude: number | null },
): boolean {
  return (
    town.latitude !== null &&
    town.longitude !== null &&
    distanceKm(place.latitude, place.longitude, town.latitude, town.longitude) <= SAME_PLACE_KM &&
    town.names.some((name) => namePrefixed(place.name, name))
  );
}

/**
 * Towns of the gazetteer for a member seeking a partner: of a wanted country (any but Czechia when
 * none is wanted), of the wanted size band (a town whose population the gazetteer does not state
 * is left out then: its size is unknown, not guessed), and not twinned with any Czech municipality
 * of the registry (same GeoNames id; same country and folded name under any of its names, unless
 * the registry places that town elsewhere; or a town a few km away named alike with words added).
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
  const byName = new Map<string, TwinnedTown[]>();
  const byFirstWord = new Map<string, TwinnedTown[]>();
  const add = (map: Map<string, TwinnedTown[]>, key: string, town: TwinnedTown) => {
    const list = map.get(key);
    if (list === undefined) map.set(key, [town]);
    else if (!list.includes(town)) list.push(town);
  };
  // Registry towns by their loose name, in buckets of the country and the name's first three
  // letters: another spelling of theirs is matched where it lies (or when the registry does not
  // say where the town is).
  const byLooseStart = new Map<string, { key: string; town: TwinnedTown }[]>();
  const startOf = (countryCode: string, key: string) => `${countryCode}:${key.slice(0, 3)}`;
  for (const town of twinned) {
    if (town.geonamesId !== null) twinnedIds.add(town.geonamesId);
    for (const name of town.names) {
      add(byName, nameKeyOf(town.countryCode, name), town);
      add(byFirstWord, firstWordKeyOf(town.countryCode, name), town);
      const key = looseTownKey(name);
      const bucket = startOf(town.countryCode, key);
      byLooseStart.set(bucket, [...(byLooseStart.get(bucket) ?? []), { key, town }]);
    }
  }
  /**
   * A registry town written otherwise: the same loose name ("St. Poelten" for Sankt Pölten) where
   * it lies or when the registry does not say where; a letter off ("Zlotoryia" for Złotoryja) only
   * a few km from where the registry places it (Altenberg is not Altenburg, 100 km away).
   */
  const spelledOtherwise = (town: GazetteerTown, name: string): boolean => {
    const key = looseTownKey(name);
    return (byLooseStart.get(startOf(town.countryCode, key)) ?? []).some((other) =>
      other.key === key
        ? other.town.latitude == null || other.town.longitude == null || near(town, other.town, SAME_NAME_KM)
        : misspeltAlike(other.key, key) && near(town, other.town, SAME_PLACE_KM),
    );
  };
  const near = (town: GazetteerTown, other: TwinnedTown, km: number) =>
    other.latitude != null &&
    other.longitude != null &&
    distanceKm(town.latitude, town.longitude, other.latitude, other.longitude) <= km;
  /**
   * Twinned: the same GeoNames id; or a registry town of the same name (not one known to lie
   * elsewhere); or one a few km away whose name is this one's with words added or taken away.
   */
  const isTwinned = (town: GazetteerTown, names: readonly string[]): boolean =>
    twinnedIds.has(town.geonamesId) ||
    names.some((name) =>
      (byName.get(nameKeyOf(town.countryCode, name)) ?? []).some(
        (other) => other.latitude == null || other.longitude == null || near(town, other, SAME_NAME_KM),
      ),
    ) ||
    names.some((name) =>
      (byFirstWord.get(firstWordKeyOf(town.countryCode, name)) ?? []).some(
        (other) => near(town, other, SAME_PLACE_KM) && other.names.some((otherName) => namePrefixed(name, otherName)),
      ),
    ) ||
    names.some((name) => spelledOtherwise(town, name));
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
    const townNames = [town.name, ...(town.nameCs === null ? [] : [town.nameCs])];
    if (isTwinned(town, townNames)) continue;
    const keys = townNames.map((name) => nameKeyOf(town.countryCode, name));
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
  const ranked = found.sort(
    (a, b) =>
      b.commonThemes.length - a.commonThemes.length ||
      // A town that seeks a Czech partner itself before one that does not (as the screen says).
      Number(b.requestId !== null) - Number(a.requestId !== null) ||
      (a.distanceKm ?? Number.POSITIVE_INFINITY) - (b.distanceKm ?? Number.POSITIVE_INFINITY) ||
      (b.town.population ?? -1) - (a.town.population ?? -1) ||
      collator.compare(a.town.name, b.town.name) ||
      a.town.geonamesId - b.town.geonamesId,
  );
  // Each wanted country has its own `limit` best: ten Austrian towns next to the border filled the
  // list, and the Germany the member also wanted had none (walkthrough 17).
  if (wanted.size < 2) return ranked.slice(0, limit);
  const shown = new Map<string, number>();
  return ranked.filter((partner) => {
    const count = shown.get(partner.town.countryCode) ?? 0;
    shown.set(partner.town.countryCode, count + 1);
    return count < limit;
  });
}
