import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  STATED_ACTIVITY_KINDS,
  COOPERATION_AREAS,
  PARTICIPANT_GROUPS,
  type ActivityKind,
  type CooperationArea,
  type Currency,
  type FundingProgramme,
  type Gender,
  type MunicipalityKind,
  type ParticipantGroup,
  type PartnershipStatus,
  type PartnershipType,
} from '../../shared/domain/codes';
import { municipalityCheckDigit } from '../../shared/domain/municipality-rules';
import {
  COUNTRY_WEIGHTS,
  NEEDLE,
  STREETS,
  asciiSlug,
  czechPersonName,
  czechPlaceName,
  foreignTownName,
  type Country,
} from './names';
import { createRng, type Rng } from './prng';

/** How much data a scale has. */
export type ScaleSize = { municipalities: number; partnerships: number; activities: number };

/** A regional association, the whole Czech Republic, Europe. */
export const SCALES = {
  S: { municipalities: 600, partnerships: 300, activities: 1_000 },
  M: { municipalities: 6_300, partnerships: 5_000, activities: 20_000 },
  L: { municipalities: 100_000, partnerships: 60_000, activities: 200_000 },
} as const satisfies Record<string, ScaleSize>;
export type ScaleName = keyof typeof SCALES;
export const SCALE_NAMES = Object.keys(SCALES) as ScaleName[];

export const DEFAULT_SEED = 20_251_121;

export type GenRegion = { id: number; code: string; name: string };
export type GenDistrict = { id: number; code: string; name: string; regionId: number };
export type GenMunicipality = {
  id: number;
  code: string;
  name: string;
  kind: MunicipalityKind;
  districtId: number;
  regionId: number;
  orpCode: string;
  orpName: string;
  population: number;
  latitude: number;
  longitude: number;
  street: string;
  postalCode: string;
  ico: string;
  mayorName: string;
  mayorGender: Gender;
  website: string;
  email: string;
  isMember: boolean;
  memberSince: string | null;
};
export type GenTown = {
  id: number;
  name: string;
  nameKey: string;
  countryCode: string;
  adminRegion: string;
  population: number;
  latitude: number;
  longitude: number;
  language: string;
};
export type GenPartnership = {
  id: number;
  municipalityId: number;
  foreignTownId: number;
  type: PartnershipType;
  status: PartnershipStatus;
  startedOn: string | null;
  signedOn: string | null;
  signedPlace: string | null;
  czResolution: string | null;
  czResolutionDate: string | null;
  termKind: 'indefinite' | 'fixed';
  termUntil: string | null;
  endedOn: string | null;
  areas: CooperationArea[];
  participantGroups: ParticipantGroup[];
};
export type GenActivity = {
  id: number;
  partnershipId: number;
  date: string;
  title: string;
  kind: ActivityKind;
  participants: number;
  fundingProgramme: FundingProgramme | null;
  fundingAmount: number | null;
  currency: Currency | null;
};

export type Dataset = {
  seed: number;
  size: ScaleSize;
  regions: GenRegion[];
  districts: GenDistrict[];
  municipalities: GenMunicipality[];
  towns: GenTown[];
  partnerships: GenPartnership[];
  activities: GenActivity[];
  /** A municipality name that exactly one municipality and exactly one partnership row carry. */
  needle: string;
};

const ROOT = path.resolve(import.meta.dirname, '..', '..');

/** The real 14 regions and 77 districts (the project's own demo reference files). */
function readReference(): { regions: GenRegion[]; districts: GenDistrict[] } {
  const read = (name: string): unknown => JSON.parse(readFileSync(path.join(ROOT, 'resources', 'demo', name), 'utf8'));
  const regionList = read('regions.json') as { code: string; name: string }[];
  const districtList = read('districts.json') as { code: string; name: string; regionCode: string }[];
  const regions = regionList.map((r, index) => ({ id: index + 1, code: r.code, name: r.name }));
  const regionId = new Map(regions.map((r) => [r.code, r.id]));
  const districts = districtList.map((d, index) => {
    const id = regionId.get(d.regionCode);
    if (id === undefined) throw new Error(`District ${d.code} names an unknown region`);
    return { id: index + 1, code: d.code, name: d.name, regionId: id };
  });
  return { regions, districts };
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const isoDay = (year: number, rng: Rng) => `${year}-${pad(rng.int(1, 12), 2)}-${pad(rng.int(1, 28), 2)}`;

/** How many municipality codes pass ČSÚ's check digit: one for each 5-digit base. */
const VALID_CODES = 100_000;

/**
 * Valid 6-digit codes (the import refuses a new code whose check digit is wrong), distinct for up
 * to 100,000 municipalities (scale L takes them all): the 5-digit base steps through every value
 * (7,919 is prime to 100,000), starting at 50000 as real codes do, and gets its check digit.
 */
export const municipalityCodeOf = (index: number): string => {
  if (!Number.isInteger(index) || index < 0 || index >= VALID_CODES)
    throw new Error(`Only ${String(VALID_CODES)} municipality codes are valid; asked for number ${String(index)}`);
  const base = pad((50_000 + index * 7_919) % VALID_CODES, 5);
  return `${base}${String(municipalityCheckDigit(base))}`;
};

const KIND_WEIGHTS: readonly (readonly [MunicipalityKind, number])[] = [
  ['obec', 80],
  ['mestys', 4],
  ['mesto', 15],
  ['statutarni_mesto', 0.5],
];

function populationFor(kind: MunicipalityKind, rng: Rng): number {
  // Log-uniform within a kind's usual range: most municipalities are small.
  const [low, high] =
    kind === 'statutarni_mesto'
      ? [30_000, 400_000]
      : kind === 'mesto'
        ? [1_500, 40_000]
        : kind === 'mestys'
          ? [400, 3_000]
          : [40, 2_500];
  return Math.round(Math.exp(Math.log(low) + rng.next() * (Math.log(high) - Math.log(low))));
}

function municipalities(size: ScaleSize, districts: GenDistrict[], rng: Rng): GenMunicipality[] {
  // Each district has a few ORPs (municipalities with extended powers), named like places.
  const orps = districts.map((d, index) =>
    Array.from({ length: rng.int(2, 4) }, (_, k) => ({
      code: pad(1000 + index * 10 + k, 4),
      name: czechPlaceName(rng),
      districtId: d.id,
    })),
  );
  const result: GenMunicipality[] = [];
  for (let index = 0; index < size.municipalities; index += 1) {
    const districtIndex = rng.int(0, districts.length - 1);
    const district = districts[districtIndex];
    const districtOrps = orps[districtIndex];
    if (!district || !districtOrps) throw new Error('unreachable: district index out of range');
    const orp = rng.pick(districtOrps);
    const kind = index === 0 ? 'obec' : rng.weighted(KIND_WEIGHTS);
    const name = index === 0 ? NEEDLE : czechPlaceName(rng);
    const gender: Gender = rng.chance(0.28) ? 'f' : 'm';
    const slug = asciiSlug(name);
    const isMember = rng.chance(0.9);
    result.push({
      id: index + 1,
      code: municipalityCodeOf(index),
      name,
      kind,
      districtId: district.id,
      regionId: district.regionId,
      orpCode: orp.code,
      orpName: orp.name,
      population: populationFor(kind, rng),
      latitude: Math.round((48.6 + rng.next() * 2.4) * 1e6) / 1e6,
      longitude: Math.round((12.2 + rng.next() * 6.6) * 1e6) / 1e6,
      street: `${rng.pick(STREETS)} ${rng.int(1, 250)}`,
      postalCode: `${rng.int(100, 799)} ${pad(rng.int(0, 99), 2)}`,
      ico: pad(rng.int(0, 99_999_999), 8),
      mayorName: czechPersonName(rng, gender),
      mayorGender: gender,
      website: `https://www.${slug}.cz`,
      email: `podatelna@${slug}.cz`,
      isMember,
      memberSince: isMember ? isoDay(rng.int(1990, 2024), rng) : null,
    });
  }
  return result;
}

const STATUS_WEIGHTS: readonly (readonly [PartnershipStatus, number])[] = [
  ['active', 62],
  ['dormant', 18],
  ['ended', 8],
  ['preparation', 7],
  ['proposed', 5],
];
const TYPE_WEIGHTS: readonly (readonly [PartnershipType, number])[] = [
  ['formal', 55],
  ['friendship', 25],
  ['project', 12],
  ['informal', 8],
];

const FUNDING: readonly (readonly [readonly [FundingProgramme, Currency, number, number], number])[] = [
  [['municipal_budget', 'CZK', 5_000, 300_000], 35],
  [['cerv_town_twinning', 'EUR', 5_000, 30_000], 12],
  [['interreg_small_projects', 'EUR', 2_000, 20_000], 12],
  [['visegrad_fund', 'EUR', 3_000, 15_000], 6],
  [['czech_german_fund', 'CZK', 20_000, 400_000], 8],
  [['erasmus_plus', 'EUR', 5_000, 60_000], 7],
  [['regional_grant', 'CZK', 10_000, 200_000], 10],
  [['other', 'CZK', 1_000, 50_000], 10],
];

const ACTIVITY_TITLES: Record<(typeof STATED_ACTIVITY_KINDS)[number], readonly string[]> = {
  official_visit: [
    'Návštěva delegace z partnerského města',
    'Oficiální návštěva starosty',
    'Přijetí zástupců partnerského města',
  ],
  exchange: ['Výměnný pobyt žáků', 'Výměna mládeže', 'Setkání seniorů obou měst'],
  cultural_event: [
    'Dny partnerských měst',
    'Společný koncert pěveckých sborů',
    'Výstava fotografií z partnerského města',
  ],
  sports_event: ['Turnaj mládeže ve fotbale', 'Společný cyklistický závod', 'Hasičská soutěž družstev'],
  project: ['Společný projekt obnovy náměstí', 'Projekt česko-německé spolupráce škol', 'Přeshraniční cyklostezka'],
  conference: [
    'Konference o evropské spolupráci obcí',
    'Seminář o cestovním ruchu',
    'Workshop o odpadovém hospodářství',
  ],
  other: ['Setkání partnerských měst', 'Pracovní schůzka koordinátorů', 'Adventní trhy s partnery'],
};

/**
 * Generates a whole registry deterministically: the same seed and size give exactly the same
 * rows (the unit test checks it). Foreign towns come out at about three quarters of the number
 * of partnerships (some are shared by two members, as in reality).
 */
export function generateDataset(size: ScaleSize, seed = DEFAULT_SEED): Dataset {
  const rng = createRng(seed);
  const { regions, districts } = readReference();
  const members = municipalities(size, districts, rng);

  // Bigger places have more partnerships: 60 % of them go to towns and cities.
  const towns: GenTown[] = [];
  const townsByCountry = new Map<string, GenTown[]>();
  const usedNames = new Set<string>();
  const newTown = (country: Country): GenTown => {
    const base = foreignTownName(rng, country);
    let name = base.name;
    for (let attempt = 0; usedNames.has(`${country.code}:${name}`); attempt += 1) {
      name = attempt < 3 ? `${base.name} ${rng.pick(country.regions)}` : `${base.name} ${attempt}`;
    }
    usedNames.add(`${country.code}:${name}`);
    const town: GenTown = {
      id: towns.length + 1,
      name,
      nameKey: asciiSlug(name).replace(/-/g, ' '),
      countryCode: country.code,
      adminRegion: base.adminRegion,
      population: Math.round(Math.exp(Math.log(500) + rng.next() * (Math.log(300_000) - Math.log(500)))),
      latitude: base.latitude,
      longitude: base.longitude,
      language: base.language,
    };
    towns.push(town);
    const list = townsByCountry.get(country.code) ?? [];
    list.push(town);
    townsByCountry.set(country.code, list);
    return town;
  };

  const towny = members.filter((m) => m.id !== 1 && m.kind !== 'obec');
  const anyone = members.filter((m) => m.id !== 1);
  const pairs = new Set<string>();
  const partnerships: GenPartnership[] = [];
  while (partnerships.length < size.partnerships) {
    const first = partnerships.length === 0;
    const member = first ? members[0] : rng.chance(0.6) && towny.length > 0 ? rng.pick(towny) : rng.pick(anyone);
    if (!member) throw new Error('a scale needs at least one municipality');
    const country = rng.weighted(COUNTRY_WEIGHTS);
    const shared = townsByCountry.get(country.code);
    const town = shared && shared.length > 3 && rng.chance(0.25) ? rng.pick(shared) : newTown(country);
    const key = `${member.id}:${town.id}`;
    if (pairs.has(key)) continue;
    pairs.add(key);
    const status = rng.weighted(STATUS_WEIGHTS);
    const startYear = rng.chance(0.8) ? rng.int(1990, 2024) : rng.int(1960, 1989);
    const signed = rng.chance(0.7);
    const fixed = rng.chance(0.15);
    partnerships.push({
      id: partnerships.length + 1,
      municipalityId: member.id,
      foreignTownId: town.id,
      type: rng.weighted(TYPE_WEIGHTS),
      status,
      startedOn: rng.chance(0.9) ? isoDay(startYear, rng) : null,
      signedOn: signed ? isoDay(Math.min(2025, startYear + rng.int(0, 2)), rng) : null,
      signedPlace: signed ? (rng.chance(0.5) ? member.name : town.name) : null,
      czResolution: signed ? `ZM/${rng.int(1, 40)}/${startYear}` : null,
      czResolutionDate: signed ? isoDay(startYear, rng) : null,
      termKind: fixed ? 'fixed' : 'indefinite',
      termUntil: fixed ? isoDay(rng.int(2024, 2032), rng) : null,
      endedOn: status === 'ended' ? isoDay(rng.int(Math.max(startYear, 2000), 2025), rng) : null,
      areas: rng.sample(COOPERATION_AREAS, rng.int(1, 4)),
      participantGroups: rng.sample(PARTICIPANT_GROUPS, rng.int(1, 3)),
    });
  }

  const activities: GenActivity[] = [];
  for (let index = 0; index < size.activities && partnerships.length > 0; index += 1) {
    const partnership = rng.pick(partnerships);
    const kind = rng.pick(STATED_ACTIVITY_KINDS);
    const funded = rng.chance(0.6);
    const [programme, currency, low, high] = rng.weighted(FUNDING);
    activities.push({
      id: index + 1,
      partnershipId: partnership.id,
      date: isoDay(rng.int(1995, 2025), rng),
      title: rng.pick(ACTIVITY_TITLES[kind]),
      kind,
      participants: rng.int(5, 400),
      fundingProgramme: funded ? programme : null,
      fundingAmount: funded ? Math.round(low + rng.next() * (high - low)) : null,
      currency: funded ? currency : null,
    });
  }

  return { seed, size, regions, districts, municipalities: members, towns, partnerships, activities, needle: NEEDLE };
}
