import type { Knex } from 'knex';
import type { ColumnMap } from '../../../../shared/domain/import/formats';
import {
  emptyCounts,
  type ImportCounts,
  type ImportIssue,
  type ImportRow,
} from '../../../../shared/domain/import/report';
import { firstDayOf, lessPrecise } from '../../../../shared/domain/dates';
import { parseCoordinate, parseEventPartialDate, parseYear } from '../../../../shared/domain/import/values';
import { editDistance, searchKey, townNameKey } from '../../../../shared/domain/text';
import type { ImportUnchangedRow, PossibleDuplicate } from '../../../../shared/domain/import/report';
import {
  loadMunicipalityIndex,
  loadMergedPairNames,
  loadPartnershipSnapshot,
  loadTownSnapshot,
  updateById,
  type ExistingTown,
} from '../../repositories/import-repository';
import { foreignTownKey, insertForeignTowns } from '../../repositories/foreign-towns-repository';
import { insertPartnershipRows, partnershipColumns } from '../../repositories/partnerships-repository';
import { insertAuditEntries, type AuditInsert } from '../../repositories/audit-repository';
import { resolveExonym, type ExonymTown } from '../towns-service';
import { localTownNames } from '../../../../shared/domain/gazetteer-local-names';
import { ambiguousCountry, countryCodeOf } from './countries';
import type { Job } from '../../jobs';
import type { ImportProvenance } from './job';
import { NOTES_MAX, TOWN_NAME_MAX } from '../../../../shared/domain/partnership-rules';
import { municipalityCheckDigit, municipalityCodeValid } from '../../../../shared/domain/municipality-rules';
import type { ImportPolicy } from '../../../../shared/domain/import/formats';
import type { SourceTable } from './read-file';
import { readRows } from './rows';
import {
  gazetteerSpelling,
  gazetteerTownsNamed,
  gazetteerWritesExactly,
  inGazetteer,
  writtenInCapitals,
  type GazetteerPlace,
} from './gazetteer-names';

/** A name's words without case, accents and punctuation ("Brandýs nad Labem - Stará Boleslav"). */
const nameWords = (name: string): string[] =>
  searchKey(name)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/**
 * Whether a file's name of a municipality is the registry's name for its code: the same words
 * (capitals, accents, dashes and spaces aside: "DĚČÍN", "Brandýs nad Labem-Stará Boleslav"), or
 * one the other's first words ("Říčany u Prahy" for Říčany).
 */
export function sameMunicipalityName(fileName: string, registryName: string): boolean {
  const a = nameWords(fileName);
  const b = nameWords(registryName);
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  return shorter.length > 0 && shorter.every((word, i) => word === longer[i]);
}

/** The placeholder the Union's map uses for Prague instead of its code, and Prague's real code. */
export const PRAGUE_PLACEHOLDER = '111111';
export const PRAGUE_CODE = '554782';

type Draft = {
  line: number;
  municipalityId: number;
  municipalityCode: string;
  municipalityName: string;
  /** The member as the file writes it ('' when the file gives only its code). */
  fileMunicipalityName: string;
  countryCode: string;
  townName: string;
  /** The Czech name, when the file named the town by its Czech exonym. */
  townNameCs: string | null;
  townKey: string;
  /** The town's name as the file writes it (the names a partnership merge kept are matched by it too). */
  fileTownName: string;
  geonamesId: number | null;
  /** The gazetteer's population of the town it was linked to (a file states none). */
  population: number | null;
  latitude: number | null;
  longitude: number | null;
  /** At the precision the file states: a day, or only a year (`1997`). */
  startedOn: string | null;
  notes: string | null;
};

/** The fields an import may change on a partnership the registry has. */
type PartnershipUpdate = { startedOn?: string | null; notes?: string | null };

/**
 * Two start dates of one partnership, as one: the more precise where one only refines the other
 * ("1999" and "1999-05-01": the day), else the earlier.
 */
function mergedStart(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  if (b.startsWith(a)) return b;
  if (a.startsWith(b)) return a;
  return firstDayOf(b) < firstDayOf(a) ? b : a;
}

/** A note as compared and stored: NFC, line ends as "\n", no blank edges (CRLF from a file is the form's LF). */
const normalisedNote = (text: string): string => text.normalize('NFC').replace(/\r\n?/g, '\n').trim();

/** A long value in a report message: its start, so that the report and the import history stay small. */
const shortened = (text: string): string => (text.length > 80 ? `${text.slice(0, 79)}…` : text);

/** Two notes of one partnership, as one: both texts, each once (nothing the file says is dropped). */
function mergedNotes(a: string | null, b: string | null): string | null {
  if (a === null || a === b) return b ?? a;
  if (b === null) return a;
  return a.includes(b) ? a : `${a}\n${b}`;
}

export type PartnershipPlan = {
  counts: ImportCounts;
  issues: ImportIssue[];
  added: ImportRow[];
  updated: ImportRow[];
  /** The first rows left unchanged, with the registry partnership each matched (walkthrough 24). */
  unchanged: ImportUnchangedRow[];
  towns: {
    countryCode: string;
    name: string;
    nameCs: string | null;
    key: string;
    geonamesId: number | null;
    population: number | null;
    latitude: number | null;
    longitude: number | null;
  }[];
  inserts: Draft[];
  /** Changes of existing partnerships: the fields changed, as stored before and as written. */
  updates: { id: number; line: number; before: PartnershipUpdate; after: PartnershipUpdate }[];
  possibleDuplicates: PossibleDuplicate[];
  /**
   * Rows to add whose member and registry town are known: the preview asks the bin whether such a
   * pair was deleted recently (walkthrough 22: "To add 1" hid that it was deleted minutes before).
   */
  newPairs: { line: number; label: string; municipalityId: number; foreignTownId: number }[];
};

/** Source coordinates farther than this from the named town are reported (Berlín at Nuremberg's). */
const FAR_KM = 25;
/** A file's town and a gazetteer town of its name this near are one city (as the town suggestions judge). */
const SAME_CITY_KM = 10;
/** A new spelling this close to a registry town of the same country may be that town: the user decides. */
const NEAR_KM = 1.5;
/** Degrees of latitude that are certainly more than NEAR_KM (1° ≈ 111 km). */
const NEAR_DEGREES = 0.02;

/** Great-circle distance in kilometres. */
function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const a =
    Math.sin(((lat2 - lat1) * rad) / 2) ** 2 +
    Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(a)));
}

type MatchedTown = {
  key: string;
  name: string;
  nameCs: string | null;
  gazetteer: ExonymTown | null;
  /**
   * A town new to the registry that the gazetteer has under the very name the file writes, within
   * `SAME_CITY_KM` of the place the file gives (the only one so): linked to it, with its size.
   */
  linked: (GazetteerPlace & { km: number }) | null;
  /** A registry town's names (local, Czech, other spellings); null for a town new to the registry. */
  registryNames: readonly string[] | null;
};

/**
 * One town, one record: a file's town is the registry's town of the same country whose local or
 * Czech name has the same folded spelling (case, diacritics, ł/ß, hyphens and punctuation aside),
 * or the town its Czech exonym names (through the gazetteer). A town new to the registry is
 * remembered, so a second spelling later in the file matches it too.
 */
function townMatcher(
  existing: Iterable<ExistingTown>,
  decisions: ReadonlyMap<string, number | null>,
  possibleDuplicates: PossibleDuplicate[],
) {
  const known = new Map<string, MatchedTown>();
  const byCountry = new Map<string, ExistingTown[]>();
  /** Towns by country and the first two letters of their key: where a similar spelling is looked for. */
  const bySpelling = new Map<string, ExistingTown[]>();
  const listIn = (map: Map<string, ExistingTown[]>, key: string): ExistingTown[] => {
    let list = map.get(key);
    if (!list) {
      list = [];
      map.set(key, list);
    }
    return list;
  };
  const byId = new Map<number, ExistingTown>();
  /** Registry towns by the gazetteer's id (unique): an exonym names the same town however it is spelt here. */
  const byGeonames = new Map<number, ExistingTown>();
  const remember = (country: string, name: string | null, town: MatchedTown) => {
    if (!name) return;
    const key = `${country}|${townNameKey(name)}`;
    if (!known.has(key)) known.set(key, town);
  };
  const matchedOf = (town: ExistingTown): MatchedTown => ({
    key: town.name_key,
    name: town.name,
    nameCs: town.name_cs,
    gazetteer: null,
    linked: null,
    registryNames: [town.name, town.name_cs, ...(town.alt_names ?? '').split('\n')]
      .map((other) => other?.trim() ?? '')
      .filter((other) => other !== ''),
  });
  for (const town of existing) {
    const matched = matchedOf(town);
    remember(town.country_code, town.name, matched);
    remember(town.country_code, town.name_cs, matched);
    for (const other of (town.alt_names ?? '').split('\n')) remember(town.country_code, other.trim() || null, matched);
    listIn(byCountry, town.country_code).push(town);
    listIn(bySpelling, `${town.country_code}|${town.name_key.slice(0, 2)}`).push(town);
    byId.set(town.id, town);
    if (town.geonames_id !== null) byGeonames.set(town.geonames_id, town);
  }
  /** The registry town a new spelling may be: a similar name, or a place a few kilometres away. */
  const candidateFor = (country: string, name: string, latitude: number | null, longitude: number | null) => {
    const key = townNameKey(name);
    let best: { town: ExistingTown; reason: 'similarName' | 'near'; km: number | null; rank: number } | null = null;
    // Not every town of the country: those a few kilometres away (a latitude window first) and
    // those whose spelling starts alike (a slip in the first two letters is not looked for).
    const pool = new Set(bySpelling.get(`${country}|${key.slice(0, 2)}`) ?? []);
    if (latitude !== null && longitude !== null)
      for (const town of byCountry.get(country) ?? [])
        if (town.latitude !== null && Math.abs(town.latitude - latitude) < NEAR_DEGREES) pool.add(town);
    for (const town of pool) {
      const km =
        latitude !== null && longitude !== null && town.latitude !== null && town.longitude !== null
          ? distanceKm(latitude, longitude, town.latitude, town.longitude)
          : null;
      const allowed = key.length >= 8 ? 2 : key.length >= 5 ? 1 : 0;
      const similar =
        (allowed > 0 && editDistance(key, town.name_key, allowed) <= allowed) ||
        (key.length >= 4 && town.name_key.startsWith(`${key} `)) ||
        (town.name_key.length >= 4 && key.startsWith(`${town.name_key} `));
      const near = km !== null && km <= NEAR_KM;
      // A similar name far away is another town (Neukirchen, 314 km from Neukirchen b. Hl. Blut).
      if (!(similar && (km === null || km <= FAR_KM)) && !near) continue;
      const rank = (near ? 0 : 1000) + (km ?? 500);
      if (best === null || rank < best.rank) best = { town, reason: near ? 'near' : 'similarName', km, rank };
    }
    return best;
  };
  const listed = new Set<string>();
  /** Gazetteer towns a new town of this file is linked to: one record each. */
  const linkedIds = new Set<number>();
  /**
   * The gazetteer's town a new town is, where the data proves it: the gazetteer writes the file's
   * name (folded) for exactly one town of the country within `SAME_CITY_KM` of the place the file
   * gives, and no registry town and no other town of the file holds it. Else null: taken as written.
   */
  const linkedPlace = async (
    country: string,
    name: string,
    place: { latitude: number | null; longitude: number | null },
  ): Promise<MatchedTown['linked']> => {
    const { latitude, longitude } = place;
    if (latitude === null || longitude === null) return null;
    const near = (await gazetteerTownsNamed(country, name))
      .map((town) => ({ ...town, km: distanceKm(latitude, longitude, town.latitude, town.longitude) }))
      .filter((town) => town.km <= SAME_CITY_KM);
    const [only] = near;
    if (only === undefined || near.length > 1 || byGeonames.has(only.geonamesId) || linkedIds.has(only.geonamesId))
      return null;
    linkedIds.add(only.geonamesId);
    return only;
  };
  return async (
    country: string,
    name: string,
    place: { line: number; latitude: number | null; longitude: number | null },
  ): Promise<MatchedTown> => {
    const found = known.get(`${country}|${townNameKey(name)}`);
    if (found) return found;
    const exonym = await resolveExonym(country, name);
    // The exonym's town by its spelling, or by its gazetteer id (a registry town renamed since,
    // "Munich" for München: a second record of it could not even be written).
    const sameTown = exonym ? byGeonames.get(exonym.geonamesId) : undefined;
    const local = exonym
      ? (known.get(`${country}|${townNameKey(exonym.name)}`) ??
        (sameTown?.country_code === country ? matchedOf(sameTown) : undefined))
      : undefined;
    if (local) {
      remember(country, name, local);
      return local;
    }
    let town: MatchedTown | null = null;
    if (!exonym) {
      // Not the same spelling and not an exonym: perhaps the same town written otherwise. The
      // user decides (now, or in an earlier import); undecided, it is a town of its own.
      const decisionKey = `${country}|${townNameKey(name)}`;
      const decided = decisions.get(decisionKey);
      const decidedTown = typeof decided === 'number' ? byId.get(decided) : undefined;
      const decidedKm =
        decidedTown &&
        place.latitude !== null &&
        place.longitude !== null &&
        decidedTown.latitude !== null &&
        decidedTown.longitude !== null
          ? distanceKm(place.latitude, place.longitude, decidedTown.latitude, decidedTown.longitude)
          : null;
      const candidate = decidedTown
        ? {
            town: decidedTown,
            reason: decidedKm !== null && decidedKm <= NEAR_KM ? ('near' as const) : ('similarName' as const),
            km: decidedKm,
          }
        : candidateFor(country, name, place.latitude, place.longitude);
      if (candidate && !listed.has(decisionKey)) {
        listed.add(decisionKey);
        possibleDuplicates.push({
          line: place.line,
          countryCode: country,
          name,
          candidateId: candidate.town.id,
          candidateName: candidate.town.name,
          candidateNameCs: candidate.town.name_cs,
          reason: candidate.reason,
          km: candidate.km === null ? null : Math.round(candidate.km * 10) / 10,
          decision: decidedTown ? 'same' : decided === null ? 'different' : null,
        });
      }
      if (decidedTown) town = matchedOf(decidedTown);
    }
    town ??= exonym
      ? {
          key: foreignTownKey(exonym.name),
          name: exonym.name,
          nameCs: exonym.nameCs,
          gazetteer: exonym,
          linked: null,
          registryNames: null,
        }
      : {
          key: foreignTownKey(name),
          name,
          nameCs: null,
          gazetteer: null,
          linked: await linkedPlace(country, name, place),
          registryNames: null,
        };
    remember(country, name, town);
    remember(country, town.name, town);
    return town;
  };
}

/**
 * The registry's spelling of a town the file writes otherwise, or null: a registry town matched by
 * the same folded name (case, diacritics, ł/ß, hyphens aside) that none of its names spells as the
 * file does, capitals aside ("Gödöllő" for the registry's "Gödölló", "Šaľa" for "Šala"). A town
 * matched by an exonym or by the user's decision has another folded name and is not meant.
 */
export function spelledOtherwise(town: MatchedTown, fileName: string): string | null {
  if (town.registryNames === null) return null;
  const key = townNameKey(fileName);
  const matched = town.registryNames.find((name) => townNameKey(name) === key);
  if (matched === undefined) return null;
  const written = fileName.normalize('NFC').toLocaleLowerCase();
  return town.registryNames.some((name) => name.normalize('NFC').toLocaleLowerCase() === written) ? null : matched;
}

/**
 * Words that designate a municipality rather than name it, at the start of a name ("Gemeinde
 * Wenzenbach", "Gmina Krzyżanowice", "Mesto Sabinov", "Comune di Pisa"). Not "Stadt" or "Markt":
 * they begin official names (Stadt Wehlen, Markt Schwaben).
 */
const DESIGNATIONS =
  /^(gemeinde|stadtgemeinde|marktgemeinde|ortsgemeinde|gmina|miasto|mesto|město|obec|comune di|commune de|ville de|municipality of|city of)\s+\S/iu;

/** The designation a town name begins with ("Gemeinde"), or null. */
export function townDesignationOf(name: string): string | null {
  const found = DESIGNATIONS.exec(name.trim());
  return found ? name.trim().slice(0, found[1]?.length ?? 0) : null;
}

/** Compares a partnerships file with the registry (members must be imported first). */
export async function planPartnerships(
  db: Knex,
  table: SourceTable,
  columns: ColumnMap,
  job: Job,
  sampleLimit: number,
  policy: ImportPolicy = 'fillEmpty',
  decisions: ReadonlyMap<string, number | null> = new Map(),
): Promise<PartnershipPlan> {
  const municipalities = await loadMunicipalityIndex(db);
  const byCode = new Map(municipalities.map((m) => [m.code, m]));
  const byNameKey = new Map(municipalities.map((m) => [searchKey(m.name), m]));
  const towns = await loadTownSnapshot(db);
  const possibleDuplicates: PossibleDuplicate[] = [];
  const matchTown = townMatcher(towns.values(), decisions, possibleDuplicates);
  const partnerships = await loadPartnershipSnapshot(db);
  const mergedPairs = await loadMergedPairNames(db);
  const plan: PartnershipPlan = {
    counts: emptyCounts(),
    issues: [],
    added: [],
    updated: [],
    unchanged: [],
    towns: [],
    inserts: [],
    updates: [],
    possibleDuplicates,
    newPairs: [],
  };
  const drafts = new Map<string, Draft>();
  /** New towns linked to the gazetteer whose link was said (on the first of their rows). */
  const linkedSaid = new Set<string>();
  /** The header of the column a field comes from ('' when unmapped). */
  const columnOf = (field: string): string => {
    const index = columns[field]?.[0];
    return index === undefined ? '' : (table.header[index] ?? '');
  };
  const total = table.records.length;
  plan.counts.rows = total;

  for await (const row of readRows(table, columns, job, plan)) {
    const rawCode = row.text('municipalityCode');
    const name = row.text('municipalityName');
    const code = rawCode.replace(/^S-/i, '');
    let municipality = byCode.get(code);
    if (rawCode === '') row.report('error', 'municipalityCode', 'import.issue.required', { value: '' });
    else if (code === PRAGUE_PLACEHOLDER) {
      const praha = byCode.get(PRAGUE_CODE);
      if (praha && searchKey(name) === 'praha') {
        municipality = praha;
        row.report('info', 'municipalityCode', 'import.issue.praguePlaceholderResolved', {
          value: rawCode,
          code: PRAGUE_CODE,
        });
        plan.counts.resolved += 1;
      } else {
        row.report('error', 'municipalityCode', 'import.issue.praguePlaceholder', { value: rawCode, name });
      }
    } else if (!/^\d{6}$/.test(code)) {
      row.report('error', 'municipalityCode', 'import.issue.municipalityCode', { value: rawCode });
    } else if (!municipality) {
      const dash = name.indexOf('-');
      const city = dash > 0 ? byNameKey.get(searchKey(name.slice(0, dash).trim())) : undefined;
      if (city)
        row.report('error', 'municipalityCode', 'import.issue.cityDistrict', { value: rawCode, name, city: city.name });
      else if (!municipalityCodeValid(code))
        // Not only unknown: no municipality can have it (a typo), which the user should hear.
        row.report('error', 'municipalityCode', 'import.issue.unknownInvalidMunicipality', {
          value: rawCode,
          name,
          digit: String(municipalityCheckDigit(code)),
        });
      else row.report('error', 'municipalityCode', 'import.issue.unknownMunicipality', { value: rawCode, name });
    } else if (name !== '' && !sameMunicipalityName(name, municipality.name)) {
      // A code of another municipality (a typo, a shifted column): the partnership would go to it.
      row.report('warning', 'municipalityName', 'import.issue.municipalityNameDiffers', {
        value: name,
        code,
        registry: municipality.name,
      });
    }

    const townName = row.textWithin('townName', TOWN_NAME_MAX, 'error') ?? '';
    /** The row already says its town's name is kept as written (a designation, a comma). */
    let townNoted = false;
    if (row.text('townName') === '') row.report('error', 'townName', 'import.issue.required', { value: '' });
    else {
      // Kept as the file states it, but said: an agreement would read "der Gemeinde Gemeinde
      // Wenzenbach", and "Pernersdorf, Auggenthal, …" is no one town (walkthrough 19).
      const designation = townDesignationOf(townName);
      townNoted = designation !== null || townName.includes(',');
      if (designation !== null)
        row.report('info', 'townName', 'import.issue.townDesignation', { value: townName, word: designation });
      else if (townName.includes(',')) row.report('info', 'townName', 'import.issue.townComma', { value: townName });
    }
    const country = row.text('country');
    const ambiguous = country === '' ? null : ambiguousCountry(country);
    const countryCode = country === '' || ambiguous ? null : countryCodeOf(country);
    if (country === '') row.report('error', 'country', 'import.issue.required', { value: '' });
    else if (ambiguous)
      row.report('error', 'country', 'import.issue.ambiguousCountry', {
        value: country,
        countries: ambiguous.join(','),
      });
    else if (!countryCode) row.report('error', 'country', 'import.issue.unknownCountry', { value: country });
    // The other fields are read before a rejected row is set aside: its report names every problem
    // of the row, not only the first (walkthrough 12).
    let startedOn: string | null = null;
    const dateText = row.text('startedOn');
    if (dateText !== '') {
      // A month or a year alone is kept as such, as the forms keep them.
      const parsed = parseEventPartialDate(dateText);
      if (parsed.ok) startedOn = parsed.value;
      else row.report('warning', 'startedOn', parsed.reason, parsed.params ?? {});
    }
    const yearText = row.text('year');
    if (startedOn === null && yearText !== '') {
      const parsed = parseYear(yearText);
      if (parsed.ok) {
        startedOn = String(parsed.value).padStart(4, '0');
      } else row.report('warning', 'year', parsed.reason, parsed.params ?? {});
    }
    const coordinate = (field: string, bound: 90 | 180): number | null => {
      const text = row.text(field);
      if (text === '') return null;
      const parsed = parseCoordinate(text, bound);
      if (parsed.ok) return parsed.value;
      row.report('warning', field, parsed.reason, parsed.params ?? {});
      return null;
    };
    let latitude = coordinate('townLatitude', 90);
    let longitude = coordinate('townLongitude', 180);
    const notes = normalisedNote(row.textWithin('notes', NOTES_MAX, 'warning') ?? '');
    if (row.rejected || !municipality || !countryCode) {
      plan.issues.push(...row.issues);
      plan.counts.invalid += 1;
      continue;
    }

    // A name in capitals ("KOMÁRNO") is written as the gazetteer spells its town of that country,
    // the same letters and diacritics: the gazetteer states the spelling, nothing is guessed.
    const capitals = writtenInCapitals(townName);
    const spelled = capitals ? await gazetteerSpelling(countryCode, townName) : null;
    const town = await matchTown(countryCode, spelled ?? townName, { line: row.line, latitude, longitude });
    const townKey = town.key;
    // A town new to the registry: what the import does with its name is said on each of its rows
    // (a registry town is never renamed by an import, whatever the file writes).
    if (!towns.has(`${countryCode}|${townKey}`) && town.gazetteer === null) {
      if (capitals && spelled !== null && town.name === spelled)
        row.report('info', 'townName', 'import.issue.townCapitalsSpelled', { value: townName, name: spelled });
      else if (capitals && town.name === townName)
        row.report('info', 'townName', 'import.issue.townCapitals', { value: townName });
      else if (!townNoted && !(await inGazetteer(countryCode, town.name)))
        // Neither the registry nor the gazetteer knows it (an exonym not listed, a typo, a small
        // village): stored as written, with no gazetteer id, and said.
        row.report('info', 'townName', 'import.issue.townNotInGazetteer', { value: town.name });
      // Linked to the gazetteer's town of its name at the file's place: said on the town's first row.
      if (town.linked !== null && !linkedSaid.has(`${countryCode}|${townKey}`)) {
        linkedSaid.add(`${countryCode}|${townKey}`);
        row.report('info', 'townName', 'import.issue.townLinkedGazetteer', { value: town.name });
      }
    }
    const otherwise = spelledOtherwise(town, townName);
    if (otherwise !== null) {
      // The registry's town by the folded key, written otherwise by the file ("Gödöllő", the
      // registry's "Gödölló"): the registry's spelling is kept (an import never renames a town),
      // but said, with the gazetteer's word when it writes the file's spelling (walkthrough 26).
      const gazetteer = spelled ?? townName;
      if (await gazetteerWritesExactly(countryCode, gazetteer))
        row.report('info', 'townName', 'import.issue.townSpeltOtherwiseGazetteer', {
          value: townName,
          registry: otherwise,
          gazetteer,
        });
      else row.report('info', 'townName', 'import.issue.townSpeltOtherwise', { value: townName, registry: otherwise });
    }
    if (town.gazetteer) {
      // Named by its Czech exonym: the gazetteer's town, at the gazetteer's place.
      const far =
        latitude !== null && longitude !== null
          ? distanceKm(latitude, longitude, town.gazetteer.latitude, town.gazetteer.longitude)
          : 0;
      if (far > FAR_KM)
        row.report('warning', 'townLatitude', 'import.issue.coordinatesFar', {
          town: town.name,
          km: Math.round(far),
        });
      latitude = town.gazetteer.latitude;
      longitude = town.gazetteer.longitude;
    }
    const key = `${String(municipality.id)}|${countryCode}|${townKey}`;
    const first = drafts.get(key);
    if (first) {
      // Same Czech place and same foreign town twice: one partnership, the more precise date (or
      // the earlier one) and both notes (while they fit a note's length; else the first's).
      row.report('info', 'townName', 'import.issue.duplicateMerged', {
        firstLine: first.line,
        name: municipality.name,
        town: townName,
      });
      first.startedOn = mergedStart(first.startedOn, startedOn);
      const joined = mergedNotes(first.notes, notes === '' ? null : notes);
      if (joined !== null && joined.length > NOTES_MAX)
        row.report('warning', 'notes', 'import.issue.tooLong', { max: NOTES_MAX, length: joined.length });
      else first.notes = joined;
      plan.counts.merged += 1;
      plan.issues.push(...row.issues);
      continue;
    }
    if (row.issues.some((i) => i.severity === 'warning')) plan.counts.warnings += 1;
    plan.issues.push(...row.issues);
    drafts.set(key, {
      line: row.line,
      municipalityId: municipality.id,
      municipalityCode: municipality.code,
      municipalityName: municipality.name,
      fileMunicipalityName: name,
      countryCode,
      townName: town.name,
      townNameCs: town.nameCs,
      townKey,
      fileTownName: townName,
      geonamesId: town.gazetteer?.geonamesId ?? town.linked?.geonamesId ?? null,
      population: town.linked?.population ?? null,
      latitude,
      longitude,
      startedOn,
      notes: notes === '' ? null : notes,
    });
  }

  const newTowns = new Map<string, PartnershipPlan['towns'][number]>();
  const townNames = new Map([...towns.values()].map((town) => [town.id, town.name]));
  /** Names a row left unchanged and the registry partnership it matched (the first `sampleLimit`). */
  const unchanged = (draft: Draft, partnership: { foreign_town_id: number }) => {
    plan.counts.unchanged += 1;
    if (plan.unchanged.length >= sampleLimit) return;
    plan.unchanged.push({
      line: draft.line,
      fileMember: draft.fileMunicipalityName === '' ? draft.municipalityName : draft.fileMunicipalityName,
      fileTown: draft.fileTownName,
      matched: `${draft.municipalityName} – ${townNames.get(partnership.foreign_town_id) ?? draft.townName}`,
    });
  };
  /** The registry's partnerships rows of this file went to, by id: the first row's line. */
  const claimed = new Map<number, number>();
  for (const draft of drafts.values()) {
    const townId = towns.get(`${draft.countryCode}|${draft.townKey}`)?.id;
    // The pair itself, or the partnership a merge made of it (the merged-away pair's town names).
    const mergedInto = (name: string) =>
      mergedPairs.get(`${String(draft.municipalityId)}|${draft.countryCode}|${townNameKey(name)}`);
    const existing =
      (townId === undefined ? undefined : partnerships.get(`${String(draft.municipalityId)}|${String(townId)}`)) ??
      mergedInto(draft.fileTownName) ??
      mergedInto(draft.townName);
    if (existing) {
      // Both pairs a merge made one partnership of, each on a line of its own: the first line
      // counts, the second is said and left out (two updates of one record would race).
      const firstLine = claimed.get(existing.id);
      if (firstLine !== undefined) {
        plan.issues.push({
          line: draft.line,
          column: columnOf('townName'),
          severity: 'warning',
          reason: 'import.issue.mergedPairTwice',
          params: { name: draft.municipalityName, town: draft.townName, firstLine },
        });
        unchanged(draft, existing);
        continue;
      }
      claimed.set(existing.id, draft.line);
    }
    const label = `${draft.municipalityName} – ${draft.townName} (${draft.countryCode})`;
    const key = `${draft.municipalityCode}|${draft.countryCode}|${draft.townKey}`;
    if (!existing) {
      if (townId === undefined && !newTowns.has(`${draft.countryCode}|${draft.townKey}`)) {
        newTowns.set(`${draft.countryCode}|${draft.townKey}`, {
          countryCode: draft.countryCode,
          name: draft.townName,
          nameCs: draft.townNameCs,
          geonamesId: draft.geonamesId,
          population: draft.population,
          key: draft.townKey,
          latitude: draft.latitude,
          longitude: draft.longitude,
        });
      }
      plan.inserts.push(draft);
      if (townId !== undefined)
        plan.newPairs.push({
          line: draft.line,
          label: `${draft.municipalityName} – ${draft.townName}`,
          municipalityId: draft.municipalityId,
          foreignTownId: townId,
        });
      plan.counts.add += 1;
      if (plan.added.length < sampleLimit)
        plan.added.push({
          line: draft.line,
          key,
          label,
          partnership: { member: draft.municipalityName, town: draft.townName, countryCode: draft.countryCode },
          changes: [],
        });
      continue;
    }
    if (policy === 'addOnly') {
      unchanged(draft, existing);
      continue;
    }
    const before: PartnershipUpdate = {};
    const after: PartnershipUpdate = {};
    const kept = (field: 'startedOn' | 'notes', existingValue: string, value: string) =>
      plan.issues.push({
        line: draft.line,
        column: columnOf(field === 'startedOn' && columnOf('startedOn') === '' ? 'year' : field),
        severity: 'info',
        reason: 'import.issue.keptExisting',
        params: { field, existing: existingValue, value },
      });
    let keptAny = false;
    // The start date. A year that agrees with a stored day or month says nothing new; a date that
    // refines the stored one (1991 → 15. 6. 1991) fills in what was not known; another date
    // replaces a filled one only when the user chose to overwrite, and even then a bare year never
    // replaces a full date (1994-05-22 is not downgraded to "2008").
    const stored = existing.started_on;
    const start = draft.startedOn;
    if (start !== null && (stored ?? '').slice(0, start.length) !== start) {
      const refines = stored === null || start.startsWith(stored);
      if (refines || (policy === 'overwrite' && !lessPrecise(start, stored))) {
        before.startedOn = stored;
        after.startedOn = start;
      } else {
        kept('startedOn', stored, start);
        keptAny = true;
      }
    }
    // The note: fills an empty one; replaces another only when the user chose to overwrite.
    const storedNotes = existing.notes === null || existing.notes.trim() === '' ? null : normalisedNote(existing.notes);
    if (draft.notes !== null && draft.notes !== storedNotes) {
      if (storedNotes === null || policy === 'overwrite') {
        before.notes = existing.notes;
        after.notes = draft.notes;
      } else {
        kept('notes', shortened(storedNotes), shortened(draft.notes));
        keptAny = true;
      }
    }
    const changed = Object.keys(after) as (keyof PartnershipUpdate)[];
    if (changed.length === 0) {
      unchanged(draft, existing);
      if (keptAny) plan.counts.kept += 1;
      continue;
    }
    if (keptAny) plan.counts.kept += 1;
    plan.counts.update += 1;
    plan.updates.push({ id: existing.id, line: draft.line, before, after });
    if (plan.updated.length < sampleLimit) {
      plan.updated.push({
        line: draft.line,
        key,
        label,
        partnership: { member: draft.municipalityName, town: draft.townName, countryCode: draft.countryCode },
        changes: changed.map((field) => ({ field, from: before[field] ?? null, to: after[field] ?? null })),
      });
    }
  }
  plan.towns = [...newTowns.values()];
  plan.counts.townsAdded = plan.towns.length;
  job.progress('analyse', total, total);
  return plan;
}

/** Writes a plan inside the caller's transaction; one audit entry per new or changed record. */
export async function writePartnerships(
  trx: Knex.Transaction,
  plan: PartnershipPlan,
  job: Job,
  actor: string,
  now: string,
  provenance: ImportProvenance,
): Promise<void> {
  const source = provenance.source;
  const total = plan.towns.length + plan.inserts.length + plan.updates.length;
  const step = (offset: number) => (done: number) => job.checkpoint('write', offset + done, total);
  await insertForeignTowns(
    trx,
    plan.towns.map((t) => ({
      name: t.name,
      nameCs: t.nameCs,
      // A gazetteer town the gazetteer names in English: its English name among its other names.
      altNames: localTownNames(t.geonamesId, t.name)?.altNames ?? [],
      nameNative: localTownNames(t.geonamesId, t.name)?.nameNative ?? null,
      geonamesId: t.geonamesId,
      population: t.population,
      countryCode: t.countryCode,
      // A partnerships file does not say whether the partner is a town or a village.
      kind: 'unknown',
      latitude: t.latitude,
      longitude: t.longitude,
      source,
      importRunId: provenance.importRunId,
    })),
    now,
    step(0),
  );
  const towns = await loadTownSnapshot(trx);
  const inserts = plan.inserts.map((d) => ({
    municipalityId: d.municipalityId,
    foreignTownId: towns.get(`${d.countryCode}|${d.townKey}`)?.id ?? 0,
    // The file states neither: "not stated", never counted as a formal or an active partnership.
    type: 'unknown' as const,
    status: 'unknown' as const,
    startedOn: d.startedOn,
    notes: d.notes,
    source,
    importRunId: provenance.importRunId,
  }));
  await insertPartnershipRows(trx, inserts, now, step(plan.towns.length));
  for (const update of plan.updates) {
    await updateById(trx, 'partnerships', update.id, partnershipColumns({ ...update.after, updatedAt: now }));
  }

  // Audit: one entry per new or changed record, so each record's history shows the import.
  const createdTowns = new Map(plan.towns.map((t) => [`${t.countryCode}|${t.key}`, t.name]));
  const partnerships = await loadPartnershipSnapshot(trx);
  const audit: AuditInsert[] = [];
  const entry = (table: string, recordId: number, before: unknown, after: unknown): AuditInsert => ({
    table,
    recordId,
    action: 'import',
    before,
    after,
    actor,
    at: now,
  });
  for (const [key, town] of towns) {
    const name = createdTowns.get(key);
    if (name !== undefined) audit.push(entry('foreign_towns', town.id, null, { name, countryCode: town.country_code }));
  }
  for (const p of inserts) {
    const id = partnerships.get(`${String(p.municipalityId)}|${String(p.foreignTownId)}`)?.id ?? 0;
    audit.push(
      entry('partnerships', id, null, {
        municipalityId: p.municipalityId,
        foreignTownId: p.foreignTownId,
        startedOn: p.startedOn,
        source: p.source,
      }),
    );
  }
  for (const update of plan.updates) audit.push(entry('partnerships', update.id, update.before, update.after));
  await insertAuditEntries(trx, audit);
  job.progress('write', total, total);
}
