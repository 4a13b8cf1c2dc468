import type { Rng } from './prng';

/**
 * Word parts for realistic-looking names. Nothing here is real data: names are assembled from
 * common Czech and foreign stems and endings, with the diacritics that make sorting and
 * diacritics-insensitive search do real work.
 */

const CZ_STEMS = [
  'Břez',
  'Dub',
  'Lip',
  'Hrad',
  'Kamen',
  'Ryb',
  'Vys',
  'Ždár',
  'Stráž',
  'Chlum',
  'Hor',
  'Luč',
  'Buk',
  'Jablon',
  'Vrb',
  'Olš',
  'Smrč',
  'Jedl',
  'Třeb',
  'Bystř',
  'Hlubo',
  'Kostel',
  'Nov',
  'Star',
  'Bělá',
  'Černo',
  'Zlat',
  'Studen',
  'Tepl',
  'Kunš',
  'Mlýn',
  'Dvor',
  'Ořech',
  'Rokyt',
  'Písk',
  'Hluš',
  'Kladr',
  'Čáslav',
  'Řeč',
  'Úhl',
  'Žel',
  'Šumav',
  'Tábor',
  'Kouř',
  'Libě',
  'Radě',
  'Bohu',
  'Dobr',
  'Mír',
  'Vlaš',
  'Polič',
  'Lomn',
  'Skal',
  'Přísek',
  'Chrast',
  'Ústí',
] as const;

const CZ_ENDINGS = [
  'ov',
  'ová',
  'ovice',
  'any',
  'ín',
  'ec',
  'ice',
  'ná',
  'né',
  'ník',
  'ky',
  'kov',
  'čany',
  'nice',
  'ětín',
  'ošov',
  'ůvka',
  'írov',
  'ějov',
  'ětice',
] as const;

const CZ_QUALIFIERS = [
  'nad Labem',
  'nad Vltavou',
  'nad Sázavou',
  'pod Sněžkou',
  'u Brna',
  'u Prahy',
  'nad Oslavou',
  'v Podkrkonoší',
  'na Moravě',
  'pod Radhoštěm',
  'nad Orlicí',
  'u Jihlavy',
  'nad Metují',
  'v Čechách',
  'pod Bezdězem',
  'nad Ohří',
  'u Českých Budějovic',
  'nad Bečvou',
] as const;

const CZ_PREFIXES = ['Horní', 'Dolní', 'Velké', 'Malé', 'Nové', 'Staré', 'Český', 'Moravské'] as const;

/**
 * A stem the generator never produces: the one municipality named with it is the "needle" the
 * quick-search figures look for (exactly one row matches it).
 */
export const NEEDLE = 'Křepelkov';

export function czechPlaceName(rng: Rng): string {
  let name = `${rng.pick(CZ_STEMS)}${rng.pick(CZ_ENDINGS)}`;
  if (rng.chance(0.12)) name = `${rng.pick(CZ_PREFIXES)} ${name}`;
  if (rng.chance(0.15)) name = `${name} ${rng.pick(CZ_QUALIFIERS)}`;
  return name;
}

const MALE_FIRST = [
  'Jan',
  'Petr',
  'Josef',
  'Pavel',
  'Tomáš',
  'Jiří',
  'Martin',
  'Lukáš',
  'Václav',
  'Zdeněk',
  'Miroslav',
  'Radek',
  'Ondřej',
  'Bořivoj',
] as const;
const FEMALE_FIRST = [
  'Jana',
  'Marie',
  'Eva',
  'Hana',
  'Lenka',
  'Kateřina',
  'Lucie',
  'Věra',
  'Alena',
  'Zuzana',
  'Petra',
  'Markéta',
  'Dagmar',
  'Radka',
] as const;
const SURNAME_STEMS = [
  'Novák',
  'Dvořák',
  'Černý',
  'Procházk',
  'Kučer',
  'Veselý',
  'Horák',
  'Němec',
  'Pokorný',
  'Marek',
  'Růžičk',
  'Šťastný',
  'Beneš',
  'Fiala',
  'Sedláček',
  'Doležal',
  'Zeman',
  'Kříž',
  'Havlíček',
  'Říha',
] as const;

/** A Czech person's name with the surname in the right gender (Nováková, Černá, Procházková). */
export function czechPersonName(rng: Rng, gender: 'm' | 'f'): string {
  const stem = rng.pick(SURNAME_STEMS);
  if (gender === 'm') {
    const male =
      stem.endsWith('k') && !stem.endsWith('ek') && !stem.endsWith('ák') && !stem.endsWith('ík') ? `${stem}a` : stem;
    return `${rng.pick(MALE_FIRST)} ${male}`;
  }
  let female: string;
  if (stem.endsWith('ý')) female = `${stem.slice(0, -1)}á`;
  else if (stem.endsWith('a')) female = `${stem.slice(0, -1)}ová`;
  else if (stem.endsWith('ek')) female = `${stem.slice(0, -2)}ková`;
  else female = `${stem}ová`;
  return `${rng.pick(FEMALE_FIRST)} ${female}`;
}

export const STREETS = [
  'náměstí Míru',
  'Masarykovo náměstí',
  'Husova',
  'Komenského',
  'Žižkova',
  'Školní',
  'Nádražní',
  'Palackého',
  'Riegrova',
  'Zámecká',
  'Tyršova',
  'Sokolská',
] as const;

/** Lower-case ASCII form of a name, for web addresses and e-mails. */
export const asciiSlug = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/ł/g, 'l')
    .replace(/[øØ]/g, 'o')
    .replace(/[æÆ]/g, 'ae')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

type Country = {
  code: string;
  /** Relative share of Czech partnerships (Germany, Poland and Slovakia lead, as in real data). */
  weight: number;
  language: string;
  /** Rough bounding box: south, north, west, east. */
  box: readonly [number, number, number, number];
  stems: readonly string[];
  endings: readonly string[];
  regions: readonly string[];
};

const GERMAN_STEMS = [
  'Wald',
  'Berg',
  'Lichten',
  'Schön',
  'Mühl',
  'Eich',
  'Rosen',
  'Kirch',
  'Neu',
  'Alt',
  'Grün',
  'Weiß',
  'Königs',
  'Fürsten',
  'Bären',
  'Hohen',
];
const GERMAN_ENDINGS = [
  'dorf',
  'burg',
  'hausen',
  'stadt',
  'bach',
  'feld',
  'heim',
  'au',
  'brück',
  'thal',
  'kirchen',
  'höhe',
];

export const COUNTRIES: readonly Country[] = [
  {
    code: 'DE',
    weight: 24,
    language: 'de',
    box: [47.5, 54.8, 6.0, 15.0],
    stems: GERMAN_STEMS,
    endings: GERMAN_ENDINGS,
    regions: ['Bayern', 'Sachsen', 'Thüringen', 'Baden-Württemberg', 'Hessen', 'Brandenburg', 'Nordrhein-Westfalen'],
  },
  {
    code: 'PL',
    weight: 19,
    language: 'pl',
    box: [49.0, 54.8, 14.1, 24.1],
    stems: [
      'Kłodz',
      'Wrocł',
      'Łęcz',
      'Żyw',
      'Bielaw',
      'Głogów',
      'Świdn',
      'Nowogród',
      'Strzel',
      'Częst',
      'Zabrz',
      'Rybn',
    ],
    endings: ['ów', 'owice', 'ice', 'no', 'ek', 'awa', 'isko', 'ń', 'ierz', 'ówek'],
    regions: ['Dolnośląskie', 'Śląskie', 'Opolskie', 'Małopolskie', 'Wielkopolskie'],
  },
  {
    code: 'SK',
    weight: 18,
    language: 'sk',
    box: [47.8, 49.6, 16.9, 22.5],
    stems: ['Banská', 'Liptov', 'Ružom', 'Trenč', 'Považ', 'Žilin', 'Preš', 'Zvol', 'Myjav', 'Skal', 'Senic', 'Štúrov'],
    endings: ['ovce', 'any', 'ín', 'ica', 'ov', 'erok', 'ská', 'ovo', 'ec', 'iná'],
    regions: ['Trenčiansky kraj', 'Žilinský kraj', 'Trnavský kraj', 'Prešovský kraj', 'Banskobystrický kraj'],
  },
  {
    code: 'AT',
    weight: 8,
    language: 'de',
    box: [46.4, 49.0, 9.5, 17.1],
    stems: GERMAN_STEMS,
    endings: ['kirchen', 'dorf', 'feld', 'au', 'egg', 'stein', 'brunn', 'see'],
    regions: ['Niederösterreich', 'Oberösterreich', 'Steiermark', 'Kärnten', 'Tirol'],
  },
  {
    code: 'HU',
    weight: 3,
    language: 'hu',
    box: [45.8, 48.5, 16.2, 22.8],
    stems: ['Szent', 'Kis', 'Nagy', 'Új', 'Fehér', 'Győr', 'Keszt', 'Tápió', 'Bala', 'Sár'],
    endings: ['háza', 'falva', 'vár', 'hely', 'egyháza', 'telek', 'szeg', 'hegy', 'őr'],
    regions: ['Pest', 'Győr-Moson-Sopron', 'Zala', 'Borsod-Abaúj-Zemplén'],
  },
  {
    code: 'FR',
    weight: 3,
    language: 'fr',
    box: [43.3, 50.9, -1.5, 7.5],
    stems: ['Saint-Étienne-', 'Montbé', 'Châte', 'Bois', 'Fontaine', 'Ville', 'Beau', 'Mont', 'Roche'],
    endings: ['liard', 'aubriand', 'ville', 'mont', 'fort', 'lieu', 'court', 'sur-Loire', 'en-Bray'],
    regions: ['Bourgogne-Franche-Comté', 'Grand Est', 'Occitanie', 'Normandie', 'Bretagne'],
  },
  {
    code: 'IT',
    weight: 2,
    language: 'it',
    box: [38.0, 46.8, 7.5, 16.5],
    stems: ['Castel', 'Monte', 'Borgo', 'Villa', 'San Gior', 'Pie', 'Roc', 'Val'],
    endings: ['franco', 'vecchio', 'nuovo', 'gio', 'ano', 'ello', 'ena', 'ùa'],
    regions: ['Lombardia', 'Veneto', 'Toscana', 'Piemonte', 'Emilia-Romagna'],
  },
  {
    code: 'NL',
    weight: 2,
    language: 'nl',
    box: [51.3, 53.4, 3.8, 7.1],
    stems: ['Zuider', 'Oost', 'Groen', 'Hoog', 'Noord', 'Wester'],
    endings: ['veen', 'wijk', 'dam', 'hoven', 'dijk', 'horst'],
    regions: ['Gelderland', 'Noord-Brabant', 'Utrecht', 'Drenthe'],
  },
  {
    code: 'BE',
    weight: 1.5,
    language: 'nl',
    box: [49.6, 51.4, 2.6, 6.3],
    stems: ['Sint-', 'Ooster', 'Mol', 'Heren', 'Wave'],
    endings: ['truiden', 'zele', 'lem', 'tals', 'rsbeke'],
    regions: ['Vlaanderen', 'Wallonie'],
  },
  {
    code: 'GB',
    weight: 1.5,
    language: 'en',
    box: [50.2, 57.5, -5.5, 1.6],
    stems: ['Ash', 'Brook', 'Chester', 'Kings', 'Stan', 'Wood', 'North'],
    endings: ['ford', 'ton', 'field', 'bury', 'ley', 'wich', 'ham'],
    regions: ['England', 'Scotland', 'Wales'],
  },
  {
    code: 'IE',
    weight: 0.5,
    language: 'en',
    box: [51.5, 55.2, -10.0, -6.0],
    stems: ['Bally', 'Kil', 'Clon', 'Dun'],
    endings: ['more', 'kenny', 'mel', 'garvan'],
    regions: ['Leinster', 'Munster', 'Connacht'],
  },
  {
    code: 'ES',
    weight: 1,
    language: 'es',
    box: [36.2, 43.6, -8.8, 3.2],
    stems: ['Villa', 'San ', 'Castro', 'Puerto', 'Torre'],
    endings: ['nueva', 'Martín', 'jeriz', 'llano', 'ña'],
    regions: ['Castilla y León', 'Cataluña', 'Andalucía', 'Galicia'],
  },
  {
    code: 'PT',
    weight: 0.5,
    language: 'pt',
    box: [37.0, 42.1, -9.4, -6.3],
    stems: ['Vila ', 'São ', 'Ponte', 'Castelo'],
    endings: ['Real', 'João', 'de Lima', 'Branco'],
    regions: ['Norte', 'Centro', 'Alentejo'],
  },
  {
    code: 'SE',
    weight: 1,
    language: 'sv',
    box: [55.4, 67.0, 11.5, 23.0],
    stems: ['Ö', 'Väst', 'Lind', 'Sölv', 'Mal', 'Kung'],
    endings: ['ersund', 'erås', 'köping', 'esborg', 'berg', 'älv'],
    regions: ['Skåne', 'Västra Götaland', 'Dalarna'],
  },
  {
    code: 'NO',
    weight: 0.5,
    language: 'no',
    box: [58.0, 69.0, 5.0, 16.0],
    stems: ['Lille', 'Kongs', 'Hau', 'Fjell'],
    endings: ['hammer', 'berg', 'gesund', 'øy'],
    regions: ['Innlandet', 'Viken', 'Vestland'],
  },
  {
    code: 'DK',
    weight: 1,
    language: 'da',
    box: [54.6, 57.7, 8.1, 12.6],
    stems: ['Sønder', 'Hel', 'Frede', 'Ros'],
    endings: ['borg', 'singør', 'ricia', 'kilde', 'købing'],
    regions: ['Syddanmark', 'Sjælland', 'Midtjylland'],
  },
  {
    code: 'FI',
    weight: 0.5,
    language: 'fi',
    box: [60.0, 67.0, 22.0, 29.5],
    stems: ['Jär', 'Hämeen', 'Kuu', 'Sei'],
    endings: ['venpää', 'linna', 'samo', 'näjoki'],
    regions: ['Uusimaa', 'Pirkanmaa', 'Lappi'],
  },
  {
    code: 'SI',
    weight: 1.5,
    language: 'sl',
    box: [45.4, 46.9, 13.4, 16.6],
    stems: ['Kranj', 'Ptu', 'Škof', 'Slovenj', 'Nova '],
    endings: ['ska', 'j', 'ja Loka', ' Gradec', 'Gorica'],
    regions: ['Gorenjska', 'Štajerska', 'Dolenjska'],
  },
  {
    code: 'HR',
    weight: 1.5,
    language: 'hr',
    box: [42.4, 46.5, 13.5, 19.4],
    stems: ['Vara', 'Čako', 'Kri', 'Biograd', 'Poreč'],
    endings: ['ždin', 'vec', 'ževci', ' na Moru', 'ica'],
    regions: ['Istra', 'Zagrebačka', 'Dalmacija'],
  },
  {
    code: 'RS',
    weight: 1,
    language: 'sr',
    box: [42.2, 46.2, 18.8, 23.0],
    stems: ['Novi ', 'Kral', 'Zre', 'Pan'],
    endings: ['Sad', 'jevo', 'njanin', 'čevo'],
    regions: ['Vojvodina', 'Šumadija'],
  },
  {
    code: 'RO',
    weight: 1,
    language: 'ro',
    box: [43.6, 48.2, 20.3, 29.7],
    stems: ['Târgu ', 'Baia ', 'Sighi', 'Făgă'],
    endings: ['Mureș', 'Mare', 'șoara', 'raș'],
    regions: ['Transilvania', 'Banat', 'Moldova'],
  },
  {
    code: 'BG',
    weight: 1,
    language: 'bg',
    box: [41.2, 44.2, 22.4, 28.6],
    stems: ['Velik', 'Gabr', 'Kazan', 'Plov'],
    endings: ['o Tarnovo', 'ovo', 'lak', 'div'],
    regions: ['Veliko Tarnovo', 'Plovdiv', 'Sofia'],
  },
  {
    code: 'UA',
    weight: 2,
    language: 'uk',
    box: [45.4, 52.3, 22.2, 40.2],
    stems: ['Ivano-', 'Uzh', 'Ternop', 'Mukach', 'Khmeln'],
    endings: ['Frankivsk', 'horod', 'il', 'evo', 'ytskyi'],
    regions: ['Zakarpattia', 'Lviv', 'Ternopil', 'Ivano-Frankivsk'],
  },
  {
    code: 'LT',
    weight: 0.5,
    language: 'lt',
    box: [53.9, 56.4, 21.0, 26.8],
    stems: ['Pane', 'Šiau', 'Kėdai', 'Mari'],
    endings: ['vėžys', 'liai', 'niai', 'jampolė'],
    regions: ['Kaunas', 'Šiauliai'],
  },
  {
    code: 'LV',
    weight: 0.5,
    language: 'lv',
    box: [55.7, 58.0, 21.0, 28.2],
    stems: ['Valmie', 'Jelga', 'Cēs', 'Kuldī'],
    endings: ['ra', 'va', 'is', 'ga'],
    regions: ['Vidzeme', 'Zemgale', 'Kurzeme'],
  },
  {
    code: 'EE',
    weight: 0.5,
    language: 'et',
    box: [57.5, 59.7, 21.8, 28.2],
    stems: ['Pär', 'Viljan', 'Rakve', 'Võ'],
    endings: ['nu', 'di', 're', 'ru'],
    regions: ['Pärnumaa', 'Tartumaa'],
  },
  {
    code: 'CH',
    weight: 1,
    language: 'de',
    box: [45.8, 47.8, 6.0, 10.5],
    stems: GERMAN_STEMS,
    endings: ['wil', 'ikon', 'ingen', 'berg'],
    regions: ['Zürich', 'Bern', 'Aargau', 'Luzern'],
  },
  {
    code: 'LU',
    weight: 0.5,
    language: 'lb',
    box: [49.4, 50.2, 5.7, 6.5],
    stems: ['Ech', 'Diff', 'Wil', 'Mer'],
    endings: ['ternach', 'erdange', 'tz', 'sch'],
    regions: ['Luxembourg', 'Diekirch'],
  },
  {
    code: 'GR',
    weight: 0.5,
    language: 'el',
    box: [35.0, 41.7, 20.0, 26.6],
    stems: ['Kala', 'Trika', 'Kozá', 'Nafpl'],
    endings: ['máta', 'la', 'ni', 'io'],
    regions: ['Thessalía', 'Makedonía', 'Pelopónnisos'],
  },
  {
    code: 'BY',
    weight: 0.3,
    language: 'be',
    box: [51.3, 56.2, 23.2, 32.8],
    stems: ['Hrodn', 'Mahil', 'Viteb'],
    endings: ['a', 'ioŭ', 'sk'],
    regions: ['Hrodna', 'Viciebsk'],
  },
];

export type ForeignTownName = {
  name: string;
  countryCode: string;
  language: string;
  adminRegion: string;
  latitude: number;
  longitude: number;
};

export const COUNTRY_WEIGHTS: readonly (readonly [Country, number])[] = COUNTRIES.map((c) => [c, c.weight] as const);

export function foreignTownName(rng: Rng, country: Country): ForeignTownName {
  const [south, north, west, east] = country.box;
  return {
    name: `${rng.pick(country.stems)}${rng.pick(country.endings)}`,
    countryCode: country.code,
    language: country.language,
    adminRegion: rng.pick(country.regions),
    latitude: Math.round((south + rng.next() * (north - south)) * 1e5) / 1e5,
    longitude: Math.round((west + rng.next() * (east - west)) * 1e5) / 1e5,
  };
}

export type { Country };
