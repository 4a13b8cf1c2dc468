import { isLargeCity, type ForeignTownKind } from '../town-card';
import type { AgreementLanguage, Gender, MunicipalityKind, UiLanguage } from '../codes';

/*
 * The offices of the heads of municipalities, per country, with the title in each of the nine
 * agreement languages (review C3): the title of a person belongs to that person's office, so a
 * Czech starosta is "starosta" in Slovak and a Slovak primátor is "primátor" in Czech. The
 * office's own language carries its official title; the other languages the equivalent a
 * translator would use (Oberbürgermeister: cs "primátor", pl "nadburmistrz", hu "főpolgármester").
 *
 * Codes are `CC:name` (the country's ISO code); `XX:` are the generic offices of any other country.
 */

export type GenderedTitle = { m: string; f: string };
export type OfficeTitles = Record<AgreementLanguage, GenderedTitle>;

export type Office = {
  code: string;
  /** ISO 3166-1 alpha-2, or `XX` for the generic offices. */
  country: string;
  /** What the screen lists: the official title and when it applies, in Czech and English. */
  label: Record<UiLanguage, string>;
  titles: OfficeTitles;
};

const g = (m: string, f: string = m): GenderedTitle => ({ m, f });

/** The head of a town, as each language calls a foreign town's mayor. */
const TOWN: OfficeTitles = {
  cs: g('starosta', 'starostka'),
  de: g('Bürgermeister', 'Bürgermeisterin'),
  pl: g('burmistrz'),
  sk: g('primátor', 'primátorka'),
  en: g('Mayor'),
  fr: g('maire'),
  it: g('sindaco', 'sindaca'),
  hu: g('polgármester'),
  uk: g('міський голова', 'міська голова'),
};

/** The head of a village or rural commune. */
const VILLAGE: OfficeTitles = {
  ...TOWN,
  pl: g('wójt'),
  sk: g('starosta', 'starostka'),
  uk: g('сільський голова', 'сільська голова'),
};

/** The head of a large or statutory city. */
const CITY: OfficeTitles = {
  ...TOWN,
  cs: g('primátor', 'primátorka'),
  de: g('Oberbürgermeister', 'Oberbürgermeisterin'),
  pl: g('prezydent miasta'),
};

const office = (
  code: string,
  label: Record<UiLanguage, string>,
  base: OfficeTitles,
  own: Partial<OfficeTitles> = {},
): Office => ({ code, country: code.slice(0, 2), label, titles: { ...base, ...own } });

/**
 * Polish offices are capitalised in Polish documents ("Burmistrz Miasta", "Wójt Gminy", review
 * pl1, pl3); the Czech offices read the same way in the Polish text.
 */
const PL_WOJT = g('Wójt Gminy');
const PL_BURMISTRZ = g('Burmistrz Miasta');
const PL_PREZYDENT = g('Prezydent Miasta');

export const OFFICES = [
  // Czech Republic: the Czech party (chosen from the municipality's kind) and Czech titles abroad.
  office('CZ:starosta', { cs: 'starosta (obec)', en: 'starosta (municipality)' }, VILLAGE, {
    pl: PL_WOJT,
  }),
  office('CZ:starosta_mesta', { cs: 'starosta (město, městys)', en: 'starosta (town, market town)' }, TOWN, {
    pl: PL_BURMISTRZ,
    sk: g('starosta', 'starostka'),
  }),
  office('CZ:primator', { cs: 'primátor (statutární město)', en: 'primátor (statutory city)' }, CITY, {
    pl: PL_PREZYDENT,
    sk: g('primátor', 'primátorka'),
  }),
  // Slovakia: a mesto has a primátor, an obec a starosta.
  office('SK:starosta', { cs: 'starosta (obec)', en: 'starosta (municipality)' }, VILLAGE),
  office('SK:primator', { cs: 'primátor (mesto)', en: 'primátor (town)' }, TOWN, {
    cs: g('primátor', 'primátorka'),
  }),
  // Germany.
  office('DE:buergermeister', { cs: 'Bürgermeister', en: 'Bürgermeister' }, TOWN),
  office(
    'DE:erster_buergermeister',
    { cs: 'Erster Bürgermeister (Bavorsko)', en: 'Erster Bürgermeister (Bavaria)' },
    TOWN,
    { de: g('Erster Bürgermeister', 'Erste Bürgermeisterin') },
  ),
  office(
    'DE:oberbuergermeister',
    {
      cs: 'Oberbürgermeister (městský okres, velké okresní město)',
      en: 'Oberbürgermeister (district-free town, große Kreisstadt)',
    },
    CITY,
    {
      pl: g('nadburmistrz'),
      en: g('Lord Mayor'),
      hu: g('főpolgármester'),
    },
  ),
  // Austria: every municipality, statutory cities included, has a Bürgermeister.
  office('AT:buergermeister', { cs: 'Bürgermeister', en: 'Bürgermeister' }, TOWN),
  // Switzerland: the head of the municipal executive.
  office('CH:stadtpraesident', { cs: 'Stadtpräsident (město)', en: 'Stadtpräsident (town)' }, TOWN, {
    cs: g('starosta', 'starostka'),
    de: g('Stadtpräsident', 'Stadtpräsidentin'),
    fr: g('président de la ville', 'présidente de la ville'),
  }),
  office('CH:gemeindepraesident', { cs: 'Gemeindepräsident (obec)', en: 'Gemeindepräsident (municipality)' }, VILLAGE, {
    de: g('Gemeindepräsident', 'Gemeindepräsidentin'),
    fr: g('président de commune', 'présidente de commune'),
  }),
  office('CH:syndic', { cs: 'syndic (Vaud, Fribourg)', en: 'syndic (Vaud, Fribourg)' }, TOWN, {
    de: g('Gemeindepräsident', 'Gemeindepräsidentin'),
    fr: g('syndic', 'syndique'),
  }),
  office('CH:sindaco', { cs: 'sindaco (Ticino)', en: 'sindaco (Ticino)' }, TOWN, {
    de: g('Gemeindepräsident', 'Gemeindepräsidentin'),
  }),
  // Poland: the head of the gmina's executive.
  office('PL:prezydent_miasta', { cs: 'prezydent miasta (primátor)', en: 'prezydent miasta (city)' }, CITY, {
    pl: PL_PREZYDENT,
    de: g('Stadtpräsident', 'Stadtpräsidentin'),
  }),
  office('PL:burmistrz', { cs: 'burmistrz (město)', en: 'burmistrz (town)' }, TOWN, { pl: PL_BURMISTRZ }),
  office('PL:wojt', { cs: 'wójt (venkovská gmina)', en: 'wójt (rural gmina)' }, VILLAGE, {
    pl: PL_WOJT,
    uk: g('війт'),
  }),
  // Hungary.
  office('HU:polgarmester', { cs: 'polgármester', en: 'polgármester' }, TOWN),
  office('HU:fopolgarmester', { cs: 'főpolgármester (Budapešť)', en: 'főpolgármester (Budapest)' }, CITY, {
    hu: g('főpolgármester'),
    pl: g('nadburmistrz'),
  }),
  // France, Italy.
  office('FR:maire', { cs: 'maire', en: 'maire' }, TOWN, { pl: g('mer'), sk: g('starosta', 'starostka') }),
  office('IT:sindaco', { cs: 'sindaco', en: 'sindaco' }, TOWN, { sk: g('starosta', 'starostka') }),
  // Ukraine: the head of the territorial community (hromada) by its kind.
  office('UA:miskyi_holova', { cs: 'міський голова (město)', en: 'міський голова (town)' }, TOWN, {
    pl: g('mer'),
  }),
  office(
    'UA:selyshchnyi_holova',
    { cs: 'селищний голова (sídlo městského typu)', en: 'селищний голова (urban-type settlement)' },
    VILLAGE,
    { uk: g('селищний голова', 'селищна голова') },
  ),
  office('UA:silskyi_holova', { cs: 'сільський голова (obec)', en: 'сільський голова (village)' }, VILLAGE),
  // United Kingdom.
  office('GB:town_mayor', { cs: 'Town Mayor (Town Council)', en: 'Town Mayor (town council)' }, TOWN, {
    en: g('Town Mayor'),
  }),
  office('GB:mayor', { cs: 'Mayor (borough, city)', en: 'Mayor (borough, city)' }, TOWN),
  office('GB:lord_mayor', { cs: 'Lord Mayor', en: 'Lord Mayor' }, CITY, {
    en: g('Lord Mayor'),
    pl: g('lord mayor'),
  }),
  // Any other country: the usual title of a village's, a town's and a city's head.
  office('XX:municipality', { cs: 'představitel obce', en: 'head of a municipality' }, VILLAGE),
  office('XX:town', { cs: 'představitel města', en: 'mayor of a town' }, TOWN),
  office('XX:city', { cs: 'představitel velkého města', en: 'mayor of a city' }, CITY),
] as const satisfies readonly Office[];

export type OfficeCode = (typeof OFFICES)[number]['code'];

const BY_CODE: ReadonlyMap<string, Office> = new Map(OFFICES.map((o) => [o.code, o]));

/** Whether a string is the code of an office of the table (what the card's `mayorOffice` holds). */
export const isOfficeCode = (code: string): code is OfficeCode => BY_CODE.has(code);

export const officeOf = (code: string): Office | undefined => BY_CODE.get(code);

const GENERIC = OFFICES.filter((o) => o.country === 'XX');

/** The offices of a country (its own, else the generic ones), for the card's select. */
export function officesOf(countryCode: string): Office[] {
  const own = OFFICES.filter((o) => o.country === countryCode.toUpperCase() && o.country !== 'XX');
  return own.length > 0 ? own : GENERIC;
}

/** The offices of a country as options of a select, labelled in the user's language. */
export const officeOptions = (countryCode: string, language: UiLanguage): { code: string; label: string }[] =>
  officesOf(countryCode).map((o) => ({ code: o.code, label: o.label[language] }));

/**
 * The title of an office holder in a language: null when the gender is unknown and the language
 * has two forms (the document then shows a marker, never a silent male title).
 */
export function officeTitle(code: string, language: AgreementLanguage, gender: Gender | null): string | null {
  const titles = officeOf(code)?.titles[language];
  if (!titles) return null;
  if (gender !== null) return titles[gender];
  return titles.m === titles.f ? titles.m : null;
}

/** Both forms of a title ("starosta / starostka"), for the marker of an unknown gender. */
export function officeTitleForms(code: string, language: AgreementLanguage): string {
  const titles = officeOf(code)?.titles[language];
  if (!titles) return '';
  return titles.m === titles.f ? titles.m : `${titles.m} / ${titles.f}`;
}

/** The Czech party: a statutory city has a primátor, a town or market town and a municipality a starosta. */
export function czechOffice(kind: MunicipalityKind): OfficeCode {
  if (kind === 'statutarni_mesto') return 'CZ:primator';
  if (kind === 'mesto' || kind === 'mestys') return 'CZ:starosta_mesta';
  // Not stated: statutory cities are known by law, so any other place is led by a starosta.
  return 'CZ:starosta';
}

/** What the rules know of a partner town (the card's values). */
export type TownForOffice = {
  name: string;
  countryCode: string;
  /** Not stated: the office of a municipality (a town is never assumed). */
  kind: ForeignTownKind;
  population: number | null;
  /** Stated on the card to be a city or not; null or absent: the population decides (`isLargeCity`). */
  largeCity?: boolean | null;
  adminRegion: string | null;
  language: string | null;
};

const fold = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/**
 * German towns with an Oberbürgermeister, per Land (review C3, de1): the kreisfreie Städte and the
 * Große Kreisstädte (or the Land's equivalent). The Länder keep no one list, so this is an
 * approximation: named towns where we know them, else a population threshold per Land from the
 * Land's rules for that status. A town it gets wrong is corrected on the card (`mayorOffice`).
 */
const GERMAN_OB: Record<string, { threshold: number | null; towns: readonly string[] }> = {
  // Große Kreisstädte from 20 000 inhabitants (GemO BW § 3); the kreisfreie Städte are larger.
  'baden wurttemberg': { threshold: 20_000, towns: [] },
  // Kreisfreie Städte (all above 40 000) and the Große Kreisstädte (many former kreisfreie ones).
  bayern: {
    threshold: 40_000,
    towns: [
      'Bad Reichenhall',
      'Dachau',
      'Deggendorf',
      'Dillingen an der Donau',
      'Dinkelsbühl',
      'Donauwörth',
      'Erding',
      'Freising',
      'Fürstenfeldbruck',
      'Germering',
      'Günzburg',
      'Kitzingen',
      'Kulmbach',
      'Lindau',
      'Marktredwitz',
      'Neuburg an der Donau',
      'Neumarkt in der Oberpfalz',
      'Neu-Ulm',
      'Nördlingen',
      'Selb',
      'Traunstein',
      'Weißenburg in Bayern',
    ],
  },
  // Große Kreisstädte from about 17 500 inhabitants; some smaller ones keep the status.
  sachsen: {
    threshold: 17_500,
    towns: ['Eilenburg', 'Kamenz', 'Löbau', 'Meerane', 'Oschatz', 'Weißwasser', 'Wurzen'],
  },
  // Kreisfreie Städte and the Sonderstatusstädte (from 50 000).
  hessen: { threshold: 50_000, towns: [] },
  // Only the kreisfreie Städte; large kreisangehörige towns have a Bürgermeister.
  'nordrhein westfalen': {
    threshold: null,
    towns: [
      'Aachen',
      'Bielefeld',
      'Bochum',
      'Bonn',
      'Bottrop',
      'Dortmund',
      'Duisburg',
      'Düsseldorf',
      'Essen',
      'Gelsenkirchen',
      'Hagen',
      'Hamm',
      'Herne',
      'Köln',
      'Krefeld',
      'Leverkusen',
      'Mönchengladbach',
      'Mülheim an der Ruhr',
      'Münster',
      'Oberhausen',
      'Remscheid',
      'Solingen',
      'Wuppertal',
    ],
  },
  // Kreisfreie Städte and the große selbständige Städte.
  niedersachsen: {
    threshold: null,
    towns: [
      'Braunschweig',
      'Celle',
      'Cuxhaven',
      'Delmenhorst',
      'Emden',
      'Göttingen',
      'Goslar',
      'Hameln',
      'Hannover',
      'Hildesheim',
      'Lingen',
      'Lüneburg',
      'Oldenburg',
      'Osnabrück',
      'Salzgitter',
      'Wilhelmshaven',
      'Wolfsburg',
    ],
  },
  // Kreisfreie Städte (from about 30 000) and the große kreisangehörige Städte.
  'rheinland pfalz': {
    threshold: 30_000,
    towns: [
      'Andernach',
      'Bad Kreuznach',
      'Bingen am Rhein',
      'Idar-Oberstein',
      'Ingelheim am Rhein',
      'Lahnstein',
      'Mayen',
      'Neuwied',
    ],
  },
  saarland: {
    threshold: null,
    towns: ['Saarbrücken', 'Neunkirchen', 'Homburg', 'Saarlouis', 'Völklingen', 'Sankt Ingbert'],
  },
  'schleswig holstein': { threshold: null, towns: ['Flensburg', 'Kiel', 'Lübeck', 'Neumünster', 'Norderstedt'] },
  brandenburg: { threshold: null, towns: ['Brandenburg an der Havel', 'Cottbus', 'Frankfurt (Oder)', 'Potsdam'] },
  'mecklenburg vorpommern': {
    threshold: null,
    towns: ['Rostock', 'Schwerin', 'Greifswald', 'Neubrandenburg', 'Stralsund'],
  },
  'sachsen anhalt': { threshold: 25_000, towns: [] },
  thuringen: { threshold: 30_000, towns: [] },
};

/** A Land not stated (or not recognised): towns from 50 000 inhabitants. */
const GERMAN_OB_THRESHOLD = 50_000;

function germanOffice(town: TownForOffice): OfficeCode {
  const land = town.adminRegion === null ? null : (GERMAN_OB[fold(town.adminRegion)] ?? null);
  const bavaria = land !== null && land === GERMAN_OB.bayern;
  const plain = bavaria ? 'DE:erster_buergermeister' : 'DE:buergermeister';
  if (town.kind !== 'town') return plain;
  const named = land?.towns.some((t) => fold(t) === fold(town.name)) ?? false;
  const threshold = land === null ? GERMAN_OB_THRESHOLD : land.threshold;
  const large = threshold !== null && town.population !== null && town.population >= threshold;
  return named || large ? 'DE:oberbuergermeister' : plain;
}

/**
 * Polish towns whose head is a prezydent miasta (review C3, pl3): the former voivodeship capitals
 * (before 1999), the cities of 100 000 or more and the towns that kept the office. This is the part
 * of the ~107 towns we can state reliably; a town of 100 000 or more is taken as one too, and any
 * other is corrected on the card.
 */
export const POLISH_PREZYDENT_TOWNS: readonly string[] = [
  // Voivodeship capitals 1975–1998.
  'Biała Podlaska',
  'Białystok',
  'Bielsko-Biała',
  'Bydgoszcz',
  'Chełm',
  'Ciechanów',
  'Częstochowa',
  'Elbląg',
  'Gdańsk',
  'Gorzów Wielkopolski',
  'Jelenia Góra',
  'Kalisz',
  'Katowice',
  'Kielce',
  'Konin',
  'Koszalin',
  'Kraków',
  'Krosno',
  'Legnica',
  'Leszno',
  'Lublin',
  'Łomża',
  'Łódź',
  'Nowy Sącz',
  'Olsztyn',
  'Opole',
  'Ostrołęka',
  'Piła',
  'Piotrków Trybunalski',
  'Płock',
  'Poznań',
  'Przemyśl',
  'Radom',
  'Rzeszów',
  'Siedlce',
  'Sieradz',
  'Skierniewice',
  'Słupsk',
  'Suwałki',
  'Szczecin',
  'Tarnobrzeg',
  'Tarnów',
  'Toruń',
  'Wałbrzych',
  'Warszawa',
  'Włocławek',
  'Wrocław',
  'Zamość',
  'Zielona Góra',
  // Other towns with a prezydent.
  'Bełchatów',
  'Będzin',
  'Bolesławiec',
  'Bytom',
  'Chorzów',
  'Dąbrowa Górnicza',
  'Gdynia',
  'Gliwice',
  'Głogów',
  'Gniezno',
  'Grudziądz',
  'Inowrocław',
  'Jastrzębie-Zdrój',
  'Jaworzno',
  'Kędzierzyn-Koźle',
  'Kołobrzeg',
  'Kutno',
  'Lubin',
  'Mielec',
  'Mysłowice',
  'Nowa Sól',
  'Ostrowiec Świętokrzyski',
  'Ostrów Wielkopolski',
  'Oświęcim',
  'Otwock',
  'Pabianice',
  'Piekary Śląskie',
  'Pruszków',
  'Puławy',
  'Racibórz',
  'Radomsko',
  'Ruda Śląska',
  'Rybnik',
  'Siemianowice Śląskie',
  'Skarżysko-Kamienna',
  'Sopot',
  'Sosnowiec',
  'Stalowa Wola',
  'Starachowice',
  'Stargard',
  'Starogard Gdański',
  'Świdnica',
  'Świętochłowice',
  'Świnoujście',
  'Tczew',
  'Tomaszów Mazowiecki',
  'Tychy',
  'Wodzisław Śląski',
  'Zabrze',
  'Zgierz',
  'Żory',
  'Żyrardów',
];
const PREZYDENT_KEYS = new Set(POLISH_PREZYDENT_TOWNS.map(fold));

function polishOffice(town: TownForOffice): OfficeCode {
  if (town.kind !== 'town') return 'PL:wojt';
  return isLargeCity(town) || PREZYDENT_KEYS.has(fold(town.name)) ? 'PL:prezydent_miasta' : 'PL:burmistrz';
}

function swissOffice(town: TownForOffice): OfficeCode {
  if (town.language === 'it') return 'CH:sindaco';
  const region = fold(town.adminRegion ?? '');
  if (town.language === 'fr' && /\b(vaud|waadt|fribourg|freiburg)\b/.test(region)) return 'CH:syndic';
  return town.kind !== 'town' ? 'CH:gemeindepraesident' : 'CH:stadtpraesident';
}

/**
 * The office of a partner town's head by the rules of its country (kind, population, Land). The
 * card's `mayorOffice` overrides it; a generic office serves any country the table lacks.
 */
export function defaultOffice(town: TownForOffice): OfficeCode {
  const village = town.kind !== 'town';
  switch (town.countryCode.toUpperCase()) {
    case 'CZ':
      return village ? 'CZ:starosta' : 'CZ:starosta_mesta';
    case 'SK':
      return village ? 'SK:starosta' : 'SK:primator';
    case 'DE':
      return germanOffice(town);
    case 'AT':
      return 'AT:buergermeister';
    case 'CH':
      return swissOffice(town);
    case 'PL':
      return polishOffice(town);
    case 'HU':
      return fold(town.name) === 'budapest' ? 'HU:fopolgarmester' : 'HU:polgarmester';
    case 'FR':
      return 'FR:maire';
    case 'IT':
      return 'IT:sindaco';
    case 'UA':
      return village ? 'UA:silskyi_holova' : 'UA:miskyi_holova';
    case 'GB':
      // Approximation: a smaller town is run by a town council and its Town Mayor.
      return town.population !== null && town.population >= 50_000 ? 'GB:mayor' : 'GB:town_mayor';
    default:
      if (village) return 'XX:municipality';
      return isLargeCity(town) ? 'XX:city' : 'XX:town';
  }
}

/** The office of a party: the stored one if it is a known code, else the rules' default. */
export const resolveOffice = (stored: string | null | undefined, fallback: OfficeCode): OfficeCode =>
  stored !== null && stored !== undefined && isOfficeCode(stored) ? stored : fallback;

/**
 * The kind of town an office heads, where the office says it (a Polish wójt heads a rural gmina, a
 * prezydent miasta a city); absent: the office heads either (a German Bürgermeister, a French maire).
 */
const OFFICE_KIND: Partial<Record<OfficeCode, Exclude<ForeignTownKind, 'unknown'>>> = {
  'CZ:starosta': 'municipality',
  'CZ:starosta_mesta': 'town',
  'CZ:primator': 'town',
  'SK:starosta': 'municipality',
  'SK:primator': 'town',
  'DE:oberbuergermeister': 'town',
  'CH:stadtpraesident': 'town',
  'CH:gemeindepraesident': 'municipality',
  'PL:prezydent_miasta': 'town',
  'PL:burmistrz': 'town',
  'PL:wojt': 'municipality',
  'HU:fopolgarmester': 'town',
  'UA:miskyi_holova': 'town',
  'UA:silskyi_holova': 'municipality',
  'GB:town_mayor': 'town',
  'GB:mayor': 'town',
  'GB:lord_mayor': 'town',
  'XX:municipality': 'municipality',
  'XX:town': 'town',
  'XX:city': 'town',
};

/** The kind of town an office heads ('municipality' or 'town'); null: either, or not an office of the table. */
export const officeKind = (code: string | null | undefined): Exclude<ForeignTownKind, 'unknown'> | null =>
  code !== null && code !== undefined && isOfficeCode(code) ? (OFFICE_KIND[code] ?? null) : null;

/**
 * Whether a stated kind and a stated office contradict each other (walkthrough 21: a "obec" headed
 * by a "prezydent miasta"). A kind not stated, or an office that heads either kind, contradicts nothing.
 * Reality is sometimes odd, so this is a warning the user may confirm, never a refusal.
 */
export function officeContradictsKind(kind: ForeignTownKind, code: string | null | undefined): boolean {
  const own = officeKind(code);
  return kind !== 'unknown' && own !== null && own !== kind;
}

const unique = <T>(values: readonly T[]): T[] => [...new Set(values)];

/**
 * The offices a partner town's head may hold when neither its office nor its kind is stated: the
 * rules' office for a municipality and for a town (Śmigiel: wójt or burmistrz). One office (an
 * Austrian Bürgermeister, a French maire): the office is known whatever the kind, and the list is empty.
 */
export function unstatedPartnerOffices(town: TownForOffice): OfficeCode[] {
  const choices = unique([defaultOffice({ ...town, kind: 'municipality' }), defaultOffice({ ...town, kind: 'town' })]);
  return choices.length > 1 ? choices : [];
}

/**
 * The offices a Czech municipality's head may hold when its kind is not stated: the starosta of an
 * obec or of a město/městys (the statutory cities are known by law, so a primátor is never in doubt).
 * The Czech title is "starosta" either way; a Polish text says "Wójt Gminy" or "Burmistrz Miasta".
 */
export const UNSTATED_CZECH_OFFICES: readonly OfficeCode[] = ['CZ:starosta', 'CZ:starosta_mesta'];

/**
 * The title of a head whose office is one of several (not stated) in a language: the title when
 * every office gives the same one (a Czech starosta of an obec or a town is "starosta"), else null,
 * with the titles the marker names ("Wójt Gminy / Burmistrz Miasta"). `genderMissing`: a title
 * was not printable for want of the gender alone.
 */
export function titleAmong(
  codes: readonly string[],
  language: AgreementLanguage,
  gender: Gender | null,
): { title: string | null; choices: string[]; officeDiffers: boolean; genderMissing: boolean } {
  const offices = codes.map((code) => officeOf(code)).filter((o): o is Office => o !== undefined);
  const titles = offices.map((o) => o.titles[language]);
  const printed = titles.map((t) => (gender !== null ? t[gender] : t.m === t.f ? t.m : null));
  // With the gender known only its forms count (a female form that differs changes nothing for a man).
  const officeDiffers = unique(gender !== null ? printed : titles.map((t) => `${t.m}\u0000${t.f}`)).length > 1;
  const genderMissing = printed.some((title) => title === null);
  const words = unique(genderMissing ? titles.flatMap((t) => [t.m, t.f]) : printed.filter((t) => t !== null));
  const only = words.length === 1 && !genderMissing ? (words[0] ?? null) : null;
  return { title: officeDiffers ? null : only, choices: words, officeDiffers, genderMissing };
}
