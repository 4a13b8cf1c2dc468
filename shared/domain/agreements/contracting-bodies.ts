import type { ForeignTownKind } from '../town-card';
/*
 * Who contracts for a partner town (review C10): the legal person that signs differs by country.
 * An Italian town contracts as "Comune di San Gimignano", a Hungarian one as "Eger Megyei Jogú
 * Város Önkormányzata", a Ukrainian one through its council "Калуська міська рада", an English one
 * as "Bridgwater Town Council". These are the defaults per country and kind, in the town's own
 * language; the card's `contractingBody` (and the draft) override them. Where the town contracts as
 * itself, or no rule is safe, the default is null and the party keeps the clause library's
 * official name ("Stadt Konstanz", "Město Kaluš").
 */

/** What the rules know of the town (the card's values). */
export type TownForBody = {
  name: string;
  /** The name in the town's own script (Cyrillic for Ukraine), when the card has it. */
  nameNative: string | null;
  countryCode: string;
  /** Not stated: the generic forms of a municipality (a town is never assumed). */
  kind: ForeignTownKind;
  population: number | null;
  /** The Land or region as the card states it ("Bayern"); null where unknown. */
  adminRegion?: string | null | undefined;
};

/**
 * Bavarian market towns (Markt, review de6): the municipality contracts as "Markt Eschlkam" and is
 * a "městys" in Czech, not a "Gemeinde"/"obec". A curated list of markets the registry's partners
 * and the border region have, distinct names only (another "Falkenstein" is a Saxon town); the
 * card's contracting body names any other.
 */
export const BAVARIAN_MARKETS: readonly string[] = [
  'Bad Hindelang',
  'Berchtesgaden',
  'Bodenmais',
  'Eschlkam',
  'Eslarn',
  'Floß',
  'Fuchsmühl',
  'Garmisch-Partenkirchen',
  'Lam',
  'Leuchtenberg',
  'Mähring',
  'Mittenwald',
  'Neualbenreuth',
  'Neukirchen beim Heiligen Blut',
  'Oberstdorf',
  'Perlesreut',
  'Plößberg',
  'Prien am Chiemsee',
  'Ruhmannsfelden',
  'Schirnding',
  'Schöllnach',
  'Stamsried',
  'Teisnach',
  'Thiersheim',
  'Untergriesbach',
  'Waidhaus',
  'Wegscheid',
  'Wiesau',
];

/**
 * Polish towns whose gmina's statutory name is known (review pl7, C10): the legal person that
 * contracts ("Gmina Miejska Kłodzko", "Gmina Wrocław"). Other towns keep "Miasto X", which the
 * review calls acceptable in twinning practice, unless the card names the gmina.
 */
export const POLISH_TOWN_GMINAS: Readonly<Record<string, string>> = {
  'Jedlina-Zdrój': 'Gmina Jedlina-Zdrój',
  Kłodzko: 'Gmina Miejska Kłodzko',
  Mikołów: 'Gmina Mikołów',
  Świdnica: 'Gmina Miasto Świdnica',
  Wrocław: 'Gmina Wrocław',
};

/**
 * Hungarian cities with county rights (megyei jogú város): their self-government contracts as
 * "X Megyei Jogú Város Önkormányzata". Other towns as "X Város Önkormányzata".
 */
export const HUNGARIAN_COUNTY_RIGHTS_CITIES: readonly string[] = [
  'Békéscsaba',
  'Debrecen',
  'Dunaújváros',
  'Eger',
  'Érd',
  'Győr',
  'Hódmezővásárhely',
  'Kaposvár',
  'Kecskemét',
  'Miskolc',
  'Nagykanizsa',
  'Nyíregyháza',
  'Pécs',
  'Salgótarján',
  'Sopron',
  'Szeged',
  'Szekszárd',
  'Székesfehérvár',
  'Szolnok',
  'Szombathely',
  'Tatabánya',
  'Veszprém',
  'Zalaegerszeg',
];

/** Austrian statutory cities (Statutarstädte): "Stadt Wels"; other towns are a "Stadtgemeinde". */
export const AUSTRIAN_STATUTORY_CITIES: readonly string[] = [
  'Eisenstadt',
  'Graz',
  'Innsbruck',
  'Klagenfurt am Wörthersee',
  'Krems an der Donau',
  'Linz',
  'Rust',
  'Salzburg',
  'Sankt Pölten',
  'Steyr',
  'Villach',
  'Waidhofen an der Ybbs',
  'Wels',
  'Wien',
  'Wiener Neustadt',
];

const fold = (text: string): string => text.normalize('NFC').toLocaleLowerCase('und').replace(/\s+/g, ' ').trim();
const among = (list: readonly string[], name: string): boolean => list.some((n) => fold(n) === fold(name));

/** A German partner that is a Bavarian market (Markt): in Bavaria, or where the card states no Land. */
export function isBavarianMarket(town: TownForBody): boolean {
  if (town.countryCode.toUpperCase() !== 'DE' || !among(BAVARIAN_MARKETS, town.name)) return false;
  const region = fold(town.adminRegion ?? '');
  return region === '' || /\b(bayern|bavaria|bavorsko|by)\b/.test(region);
}

/**
 * The adjective of a Ukrainian town's name as its council is named ("Калуш" → "Калуська",
 * "Чернігів" → "Чернігівська", "Луцьк" → "Луцька"): only the endings whose rule is regular;
 * null for any other (the user types the council's name on the card).
 */
export function ukrainianCouncilAdjective(name: string): string | null {
  const n = name.normalize('NFC').trim();
  if (!/^[\p{Script=Cyrillic}’'-]+$/u.test(n)) return null;
  if (/(ськ|цьк)$/u.test(n)) return `${n}а`;
  if (/[іїи]в$/u.test(n)) return `${n}ська`;
  if (/ш$/u.test(n)) return `${n.slice(0, -1)}ська`;
  if (/[дтрмнлбп]$/u.test(n)) return `${n}ська`;
  if (/ва$/u.test(n)) return `${n.slice(0, -1)}ська`;
  return null;
}

/**
 * The contracting body of a partner town by its country's rules; null where no rule is safe. A
 * town whose kind is not stated has a body only where both kinds give the same one: "Gmina
 * Śmigiel" for a town with a burmistrz was printed as fact (walkthrough 21), and the draft then
 * names the party by its highlighted generic noun until someone says what it is.
 */
export function defaultContractingBody(town: TownForBody): string | null {
  if (town.kind === 'unknown') {
    const village = bodyByRules({ ...town, kind: 'municipality' });
    return village === bodyByRules({ ...town, kind: 'town' }) ? village : null;
  }
  return bodyByRules(town);
}

function bodyByRules(town: TownForBody): string | null {
  const name = town.name.trim();
  if (name === '') return null;
  const village = town.kind !== 'town';
  switch (town.countryCode.toUpperCase()) {
    case 'IT':
      return `Comune di ${name}`;
    case 'HU':
      if (fold(name) === 'budapest') return 'Budapest Főváros Önkormányzata';
      if (among(HUNGARIAN_COUNTY_RIGHTS_CITIES, name)) return `${name} Megyei Jogú Város Önkormányzata`;
      return village ? `${name} Község Önkormányzata` : `${name} Város Önkormányzata`;
    case 'UA': {
      const native = town.nameNative?.trim() ?? '';
      const adjective = native === '' ? null : ukrainianCouncilAdjective(native);
      if (adjective === null) return null;
      return `${adjective} ${village ? 'сільська' : 'міська'} рада`;
    }
    case 'PL':
      // A rural gmina is named after its seat; a town's gmina has several legal forms ("Gmina
      // Miejska Kłodzko", "Gmina Wrocław"): the known ones from the table, else "Miasto X" unless the card says.
      if (village) return `Gmina ${name}`;
      return Object.entries(POLISH_TOWN_GMINAS).find(([town]) => fold(town) === fold(name))?.[1] ?? null;
    case 'GB':
      // A larger town is a borough or a city, whose council has no one pattern.
      if (town.population !== null && town.population >= 50_000) return null;
      return village ? `${name} Parish Council` : `${name} Town Council`;
    case 'AT':
      if (among(AUSTRIAN_STATUTORY_CITIES, name)) return `Stadt ${name}`;
      return village ? `Gemeinde ${name}` : `Stadtgemeinde ${name}`;
    case 'DE':
      // A Bavarian market contracts as "Markt Eschlkam"; any other German town as itself.
      return isBavarianMarket(town) ? `Markt ${name}` : null;
    default:
      // Germany, Slovakia, France and the rest contract as the town itself ("Stadt Konstanz",
      // "Mesto Nové Zámky", "Ville de Metz"): the clause library's own official name.
      return null;
  }
}
