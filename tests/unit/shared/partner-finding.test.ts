import { describe, expect, it } from 'vitest';
import {
  distanceKm,
  gazetteerPartners,
  looseTownKey,
  misspeltAlike,
  type GazetteerTown,
  type PartnerSeeker,
} from '../../../shared/domain/partner-finding';

const town = (over: Partial<GazetteerTown> & Pick<GazetteerTown, 'geonamesId' | 'name'>): GazetteerTown => ({
  nameCs: null,
  countryCode: 'AT',
  adminCode: null,
  population: 1500,
  latitude: 48.5,
  longitude: 15,
  ...over,
});

/** Štěpánov nad Svratkou (Vysočina), seeking a village in Austria or Germany. */
const seeker: PartnerSeeker = {
  latitude: 49.5,
  longitude: 16.33,
  wantedCountryCodes: ['AT', 'DE'],
  wantedSize: 'village',
  themes: ['culture', 'tourism', 'heritage'],
};

const names = (found: ReturnType<typeof gazetteerPartners>) => found.map((f) => f.town.name);

describe('gazetteer partners for a member seeking a partner', () => {
  it('measures distance on the sphere (Prague–Vienna is about 250 km)', () => {
    expect(Math.round(distanceKm(50.0755, 14.4378, 48.2082, 16.3738))).toBeGreaterThan(245);
    expect(Math.round(distanceKm(50.0755, 14.4378, 48.2082, 16.3738))).toBeLessThan(256);
    expect(distanceKm(49, 15, 49, 15)).toBe(0);
  });

  it('keeps towns of a wanted country and the wanted size, nearest first, with their distance', () => {
    const towns = [
      town({ geonamesId: 1, name: 'Weitra', latitude: 48.7, longitude: 14.89 }),
      town({ geonamesId: 2, name: 'Drosendorf', latitude: 48.87, longitude: 15.62 }),
      town({ geonamesId: 3, name: 'Linz', population: 200_000, latitude: 48.3, longitude: 14.29 }),
      town({ geonamesId: 4, name: 'Zakopane', countryCode: 'PL', latitude: 49.3, longitude: 19.95 }),
      town({ geonamesId: 5, name: 'Telč', countryCode: 'CZ', latitude: 49.18, longitude: 15.45 }),
      town({ geonamesId: 6, name: 'Oberkappel', countryCode: 'DE', latitude: 48.55, longitude: 13.77 }),
      // The gazetteer does not state its population: its size is unknown, so it is not offered.
      town({ geonamesId: 7, name: 'Unbekannt', population: null, latitude: 48.9, longitude: 15.9 }),
    ];
    const found = gazetteerPartners(seeker, towns, [], []);
    expect(names(found)).toEqual(['Drosendorf', 'Weitra', 'Oberkappel']);
    const first = found[0];
    expect(first?.distanceKm).toBe(Math.round(distanceKm(49.5, 16.33, 48.87, 15.62)));
    expect(first?.commonThemes).toEqual([]);
    expect(first?.requestId).toBeNull();
    // Without a wanted size, a town of unknown population is offered too; Czech towns never are.
    const anySize = gazetteerPartners({ ...seeker, wantedSize: null }, towns, [], []);
    expect(names(anySize)).toContain('Unbekannt');
    expect(names(anySize)).toContain('Linz');
    expect(names(anySize)).not.toContain('Telč');
    // Without a wanted country, any country abroad.
    expect(names(gazetteerPartners({ ...seeker, wantedCountryCodes: [] }, towns, [], []))).toContain('Zakopane');
  });

  it('offers each wanted country its own best towns, and towns seeking a partner themselves first', () => {
    // Twelve Austrian villages next to the border, and German ones farther away.
    const towns = [
      ...Array.from({ length: 12 }, (_, i) =>
        town({ geonamesId: 100 + i, name: `Dorf ${String(i)}`, latitude: 48.8 + i / 100, longitude: 15.5 }),
      ),
      town({ geonamesId: 200, name: 'Bayerisch Eisenstein', countryCode: 'DE', latitude: 49.12, longitude: 13.2 }),
      town({ geonamesId: 201, name: 'Waldmünchen', countryCode: 'DE', latitude: 49.38, longitude: 12.7 }),
    ];
    const found = gazetteerPartners(seeker, towns, [], [], 10);
    expect(found.filter((f) => f.town.countryCode === 'AT')).toHaveLength(10);
    expect(names(found)).toEqual(expect.arrayContaining(['Bayerisch Eisenstein', 'Waldmünchen']));
    // One wanted country: the limit is the list's.
    expect(gazetteerPartners({ ...seeker, wantedCountryCodes: ['AT'] }, towns, [], [], 10)).toHaveLength(10);
    // A town whose own request seeks a Czech partner comes before nearer ones, themes or not.
    const seeking = gazetteerPartners(
      { ...seeker, themes: [] },
      towns,
      [],
      [{ requestId: 7, countryCode: 'DE', name: 'Waldmünchen', geonamesId: null, themes: ['sport'] }],
      10,
    );
    expect(seeking[0]?.town.name).toBe('Waldmünchen');
    expect(seeking[0]?.requestId).toBe(7);
  });

  it('leaves out towns twinned with a Czech municipality, by GeoNames id or by folded name and country', () => {
    const towns = [
      town({ geonamesId: 10, name: 'Gmünd' }),
      town({ geonamesId: 11, name: 'Gießen', countryCode: 'DE' }),
      town({ geonamesId: 12, name: 'Rosenberg', nameCs: 'Rožmberk' }),
      town({ geonamesId: 13, name: 'Frei' }),
      town({ geonamesId: 14, name: 'Gießen', countryCode: 'AT' }),
    ];
    const found = gazetteerPartners(
      seeker,
      towns,
      [
        { geonamesId: 10, countryCode: 'AT', names: ['Gmuend'] },
        { geonamesId: null, countryCode: 'DE', names: ['GIESSEN'] },
        { geonamesId: null, countryCode: 'AT', names: ['Horní Rožmberk', 'rozmberk'] },
      ],
      [],
    );
    expect(names(found).sort()).toEqual(['Frei', 'Gießen']);
    expect(found.find((f) => f.town.name === 'Gießen')?.town.countryCode).toBe('AT');
  });

  it('knows a twinned town written otherwise nearby, and a town of the same name elsewhere as another', () => {
    const towns = [
      // The registry's Zwettl (twinned) lies 1 km from the gazetteer's "Zwettl Stadt".
      town({ geonamesId: 30, name: 'Zwettl Stadt', latitude: 48.6036, longitude: 15.1686 }),
      // Gmünd in Carinthia: the registry's twinned Gmünd is the one in Lower Austria, 250 km away.
      town({ geonamesId: 31, name: 'Gmünd', latitude: 46.9071, longitude: 13.5318 }),
      town({ geonamesId: 32, name: 'Gmünd', latitude: 48.7697, longitude: 14.9817 }),
      // Near the registry's Zwettl but another place whose name only begins alike.
      town({ geonamesId: 33, name: 'Zwettler Au', latitude: 48.61, longitude: 15.17 }),
    ];
    const found = gazetteerPartners(
      { ...seeker, wantedSize: null },
      towns,
      [
        { geonamesId: null, countryCode: 'AT', names: ['Zwettl'], latitude: 48.6075, longitude: 15.1581 },
        { geonamesId: null, countryCode: 'AT', names: ['Gmünd'], latitude: 48.7667, longitude: 14.9833 },
      ],
      [],
    );
    expect(found.map((f) => f.town.geonamesId).sort()).toEqual([31, 33]);
  });

  it('knows a twinned town the registry spells otherwise without a position: umlauts written out, "St.", a letter off', () => {
    const towns = [
      town({ geonamesId: 40, name: 'Sankt Pölten', population: 800, latitude: 48.2047, longitude: 15.6256 }),
      town({ geonamesId: 41, name: 'Złotoryja', countryCode: 'DE', latitude: 51.1263, longitude: 15.9197 }),
      // A letter off from a registry town with no position, or placed 100 km away: another town.
      town({ geonamesId: 45, name: 'Altenburg', countryCode: 'DE', latitude: 50.985, longitude: 12.4333 }),
      town({ geonamesId: 46, name: 'Bernstadt', countryCode: 'DE', latitude: 51.0456, longitude: 14.8258 }),
      // One letter off but short: another town, not a misspelling.
      town({ geonamesId: 42, name: 'Gars', population: 900 }),
      // Alike, but in another country than the registry's town.
      town({ geonamesId: 43, name: 'Sankt Pölten', countryCode: 'DE' }),
      // Spelt alike, but far from where the registry places its town.
      town({ geonamesId: 44, name: 'Sankt Poelten', latitude: 47.0, longitude: 10.0 }),
    ];
    const found = gazetteerPartners(
      { ...seeker, wantedSize: null },
      towns,
      [
        // The 2013 list writes "St. Poelten" and "Zlotoryia", placed by the import.
        { geonamesId: null, countryCode: 'AT', names: ['St. Poelten'], latitude: 48.2035, longitude: 15.6382 },
        { geonamesId: null, countryCode: 'DE', names: ['Zlotoryia'], latitude: 51.1259, longitude: 15.9214 },
        { geonamesId: null, countryCode: 'AT', names: ['Gurs'] },
        { geonamesId: null, countryCode: 'DE', names: ['Altenberg'], latitude: 50.7643, longitude: 13.7578 },
        { geonamesId: null, countryCode: 'DE', names: ['Bernstedt'] },
      ],
      [],
    );
    expect(found.map((f) => f.town.geonamesId).sort()).toEqual([42, 43, 44, 45, 46]);
    expect(looseTownKey('St. Poelten')).toBe(looseTownKey('Sankt Pölten'));
    expect(misspeltAlike(looseTownKey('Zlotoryia'), looseTownKey('Złotoryja'))).toBe(true);
    expect(misspeltAlike(looseTownKey('Gurs'), looseTownKey('Gars'))).toBe(false);
  });

  it('ranks a town whose own open request shares themes first and names that request', () => {
    const towns = [
      town({ geonamesId: 20, name: 'Nah', latitude: 49.2, longitude: 16.2 }),
      town({ geonamesId: 21, name: 'Fern', latitude: 47.5, longitude: 13 }),
      town({ geonamesId: 22, name: 'Mitte', latitude: 48.5, longitude: 15 }),
    ];
    const found = gazetteerPartners(
      seeker,
      towns,
      [],
      [
        { requestId: 7, countryCode: 'AT', name: 'FERN', geonamesId: null, themes: ['heritage', 'sport', 'culture'] },
        { requestId: 8, countryCode: 'AT', name: 'Elsewhere', geonamesId: 22, themes: ['tourism'] },
      ],
    );
    expect(names(found)).toEqual(['Fern', 'Mitte', 'Nah']);
    expect(found[0]?.commonThemes).toEqual(['culture', 'heritage']);
    expect(found[0]?.requestId).toBe(7);
    expect(found[1]?.requestId).toBe(8);
  });

  it('gives no distance when the member has no coordinates (never guessed), and stops at the limit', () => {
    const towns = Array.from({ length: 30 }, (_, i) =>
      town({ geonamesId: 100 + i, name: `Dorf ${String(i)}`, population: 1000 + i }),
    );
    const found = gazetteerPartners({ ...seeker, latitude: null, longitude: null }, towns, [], []);
    expect(found).toHaveLength(10);
    expect(found.every((f) => f.distanceKm === null)).toBe(true);
    // Without a distance, larger first.
    expect(found[0]?.town.population).toBe(1029);
  });
});
