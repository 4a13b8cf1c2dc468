import { describe, expect, it } from 'vitest';
import { AGREEMENT_LANGUAGES } from '../../../shared/domain/codes';
import {
  OFFICES,
  czechOffice,
  defaultOffice,
  isOfficeCode,
  officeOptions,
  officeTitle,
  officeTitleForms,
  officesOf,
  resolveOffice,
  type TownForOffice,
} from '../../../shared/domain/agreements/offices';
import { townCardFieldsSchema } from '../../../shared/domain/town-card';

const town = (over: Partial<TownForOffice>): TownForOffice => ({
  name: 'X',
  countryCode: 'DE',
  kind: 'town',
  population: null,
  adminRegion: null,
  language: null,
  ...over,
});

describe('the table of offices', () => {
  it('every office has a title in all nine languages and both genders, and a Czech and English label', () => {
    for (const office of OFFICES) {
      for (const language of AGREEMENT_LANGUAGES) {
        expect(office.titles[language].m.trim(), `${office.code} ${language}`).not.toBe('');
        expect(office.titles[language].f.trim(), `${office.code} ${language}`).not.toBe('');
      }
      expect(office.label.cs.trim()).not.toBe('');
      expect(office.label.en.trim()).not.toBe('');
    }
    expect(new Set(OFFICES.map((o) => o.code)).size).toBe(OFFICES.length);
  });

  it('codes are what the partner-town card accepts', () => {
    for (const office of OFFICES) {
      expect(isOfficeCode(office.code)).toBe(true);
      expect(townCardFieldsSchema.shape.mayorOffice.safeParse(office.code).success, office.code).toBe(true);
    }
    expect(isOfficeCode('DE:kaiser')).toBe(false);
    expect(isOfficeCode('')).toBe(false);
  });

  it('lists a country’s offices for the card’s select in the UI language; other countries get the generic ones', () => {
    expect(officeOptions('PL', 'cs').map((o) => o.code)).toEqual(['PL:prezydent_miasta', 'PL:burmistrz', 'PL:wojt']);
    expect(officeOptions('de', 'en').map((o) => o.code)).toContain('DE:oberbuergermeister');
    expect(officeOptions('DE', 'en').find((o) => o.code === 'DE:erster_buergermeister')?.label).toMatch(/Bavaria/);
    expect(officeOptions('DE', 'cs').find((o) => o.code === 'DE:erster_buergermeister')?.label).toMatch(/Bavorsko/);
    expect(officesOf('NL').map((o) => o.code)).toEqual(['XX:municipality', 'XX:town', 'XX:city']);
  });
});

describe('titles belong to the office holder’s office (C3)', () => {
  it('a Czech starosta is "starosta" in Slovak; a Slovak primátor is "primátor" in Czech (sk1, sk2, cs3)', () => {
    expect(officeTitle('CZ:starosta_mesta', 'sk', 'm')).toBe('starosta');
    expect(officeTitle('CZ:starosta_mesta', 'sk', 'f')).toBe('starostka');
    expect(officeTitle('CZ:starosta', 'sk', 'm')).toBe('starosta');
    expect(officeTitle('CZ:primator', 'sk', 'm')).toBe('primátor');
    expect(officeTitle('SK:primator', 'cs', 'm')).toBe('primátor');
    expect(officeTitle('SK:primator', 'cs', 'f')).toBe('primátorka');
    expect(officeTitle('SK:starosta', 'cs', 'f')).toBe('starostka');
  });

  it('three office kinds per country, in the country’s language and in Czech', () => {
    const cases: [string, string, string, string][] = [
      // code, own language, own title (m), Czech title (m)
      ['DE:buergermeister', 'de', 'Bürgermeister', 'starosta'],
      ['DE:erster_buergermeister', 'de', 'Erster Bürgermeister', 'starosta'],
      ['DE:oberbuergermeister', 'de', 'Oberbürgermeister', 'primátor'],
      ['PL:prezydent_miasta', 'pl', 'Prezydent Miasta', 'primátor'],
      ['PL:burmistrz', 'pl', 'Burmistrz Miasta', 'starosta'],
      ['PL:wojt', 'pl', 'Wójt Gminy', 'starosta'],
      ['CH:stadtpraesident', 'de', 'Stadtpräsident', 'starosta'],
      ['CH:gemeindepraesident', 'de', 'Gemeindepräsident', 'starosta'],
      ['CH:syndic', 'fr', 'syndic', 'starosta'],
      ['UA:miskyi_holova', 'uk', 'міський голова', 'starosta'],
      ['UA:selyshchnyi_holova', 'uk', 'селищний голова', 'starosta'],
      ['UA:silskyi_holova', 'uk', 'сільський голова', 'starosta'],
      ['GB:town_mayor', 'en', 'Town Mayor', 'starosta'],
      ['GB:mayor', 'en', 'Mayor', 'starosta'],
      ['GB:lord_mayor', 'en', 'Lord Mayor', 'primátor'],
      ['CZ:starosta', 'pl', 'Wójt Gminy', 'starosta'],
      ['CZ:starosta_mesta', 'pl', 'Burmistrz Miasta', 'starosta'],
      ['CZ:primator', 'pl', 'Prezydent Miasta', 'primátor'],
      ['HU:polgarmester', 'hu', 'polgármester', 'starosta'],
      ['HU:fopolgarmester', 'hu', 'főpolgármester', 'primátor'],
      ['FR:maire', 'fr', 'maire', 'starosta'],
      ['IT:sindaco', 'it', 'sindaco', 'starosta'],
      ['AT:buergermeister', 'de', 'Bürgermeister', 'starosta'],
    ];
    for (const [code, language, own, czech] of cases) {
      expect(officeTitle(code, language as 'de', 'm'), code).toBe(own);
      expect(officeTitle(code, 'cs', 'm'), code).toBe(czech);
    }
    expect(officeTitle('DE:oberbuergermeister', 'de', 'f')).toBe('Oberbürgermeisterin');
    expect(officeTitle('CH:stadtpraesident', 'de', 'f')).toBe('Stadtpräsidentin');
    expect(officeTitle('IT:sindaco', 'it', 'f')).toBe('sindaca');
    expect(officeTitle('UA:miskyi_holova', 'uk', 'f')).toBe('міська голова');
  });

  it('an unknown gender gives no title where the language has two forms (the document shows a marker)', () => {
    expect(officeTitle('DE:oberbuergermeister', 'de', null)).toBeNull();
    expect(officeTitle('DE:oberbuergermeister', 'cs', null)).toBeNull();
    expect(officeTitleForms('DE:oberbuergermeister', 'cs')).toBe('primátor / primátorka');
    // One form for both: no marker needed.
    expect(officeTitle('FR:maire', 'fr', null)).toBe('maire');
    expect(officeTitle('HU:polgarmester', 'hu', null)).toBe('polgármester');
    expect(officeTitle('PL:burmistrz', 'pl', null)).toBe('Burmistrz Miasta');
    expect(officeTitleForms('FR:maire', 'fr')).toBe('maire');
    expect(officeTitle('DE:kaiser', 'de', 'm')).toBeNull();
  });
});

describe('the default office by the country’s rules', () => {
  it('Czech: a statutory city has a primátor, a town or market town and a village a starosta', () => {
    expect(czechOffice('statutarni_mesto')).toBe('CZ:primator');
    expect(czechOffice('mesto')).toBe('CZ:starosta_mesta');
    expect(czechOffice('mestys')).toBe('CZ:starosta_mesta');
    expect(czechOffice('obec')).toBe('CZ:starosta');
    expect(czechOffice('unknown')).toBe('CZ:starosta');
  });

  it('Germany: Oberbürgermeister in kreisfreie Städte and Große Kreisstädte per Land (de1)', () => {
    const ob = (name: string, adminRegion: string, population: number) =>
      defaultOffice(town({ name, adminRegion, population }));
    // The review's towns.
    expect(ob('Konstanz', 'Baden-Württemberg', 86_000)).toBe('DE:oberbuergermeister');
    expect(ob('Hof', 'Bayern', 47_000)).toBe('DE:oberbuergermeister');
    expect(ob('Kaufbeuren', 'Bayern', 45_000)).toBe('DE:oberbuergermeister');
    expect(ob('Görlitz', 'Sachsen', 56_000)).toBe('DE:oberbuergermeister');
    expect(ob('Bautzen', 'Sachsen', 38_000)).toBe('DE:oberbuergermeister');
    expect(ob('Pirna', 'Sachsen', 39_000)).toBe('DE:oberbuergermeister');
    expect(ob('Zittau', 'Sachsen', 25_000)).toBe('DE:oberbuergermeister');
    expect(ob('Wetzlar', 'Hessen', 53_000)).toBe('DE:oberbuergermeister');
    expect(ob('Gießen', 'Hessen', 92_000)).toBe('DE:oberbuergermeister');
    // Named below the threshold: Große Kreisstädte.
    expect(ob('Oschatz', 'Sachsen', 14_500)).toBe('DE:oberbuergermeister');
    expect(ob('Mayen', 'Rheinland-Pfalz', 19_000)).toBe('DE:oberbuergermeister');
    expect(ob('Dinkelsbühl', 'Bayern', 11_800)).toBe('DE:oberbuergermeister');
    // Others: a Bürgermeister, in Bavaria the Erster Bürgermeister.
    expect(ob('Hochheim am Main', 'Hessen', 18_000)).toBe('DE:buergermeister');
    expect(ob('Neckargemünd', 'Baden-Württemberg', 13_300)).toBe('DE:buergermeister');
    expect(ob('Furth im Wald', 'Bayern', 9_300)).toBe('DE:erster_buergermeister');
    expect(ob('Neuss', 'Nordrhein-Westfalen', 150_000)).toBe('DE:buergermeister');
    expect(ob('Münster', 'Nordrhein-Westfalen', 310_000)).toBe('DE:oberbuergermeister');
    expect(defaultOffice(town({ name: 'Eschlkam', adminRegion: 'Bayern', kind: 'municipality' }))).toBe(
      'DE:erster_buergermeister',
    );
    // A Land not stated: 50 000 inhabitants.
    expect(ob('Irgendwo', '', 60_000)).toBe('DE:oberbuergermeister');
    expect(defaultOffice(town({ name: 'Irgendwo', population: 30_000 }))).toBe('DE:buergermeister');
  });

  it('Poland: prezydent miasta in the towns with that office, burmistrz in others, wójt in rural gminas (pl3)', () => {
    const pl = (name: string, population: number | null, kind: 'town' | 'municipality' = 'town') =>
      defaultOffice(town({ name, countryCode: 'PL', population, kind }));
    expect(pl('Jelenia Góra', 76_000)).toBe('PL:prezydent_miasta');
    expect(pl('Świdnica', 55_000)).toBe('PL:prezydent_miasta');
    expect(pl('Mysłowice', 74_000)).toBe('PL:prezydent_miasta');
    expect(pl('Wrocław', 672_000)).toBe('PL:prezydent_miasta');
    expect(pl('Kłodzko', 26_000)).toBe('PL:burmistrz');
    expect(pl('Mikołów', 41_000)).toBe('PL:burmistrz');
    expect(pl('Jaworze', 7_500, 'municipality')).toBe('PL:wojt');
    // Any town of 100 000 or more.
    expect(pl('Nowe Miasto', 120_000)).toBe('PL:prezydent_miasta');
  });

  it('Slovakia, Switzerland, Austria, Hungary, France, Italy, Ukraine, the UK and any other country', () => {
    expect(defaultOffice(town({ countryCode: 'SK', name: 'Nové Zámky' }))).toBe('SK:primator');
    expect(defaultOffice(town({ countryCode: 'SK', name: 'Strečno', kind: 'municipality' }))).toBe('SK:starosta');
    expect(defaultOffice(town({ countryCode: 'CH', name: 'Luzern' }))).toBe('CH:stadtpraesident');
    expect(defaultOffice(town({ countryCode: 'CH', name: 'Uetendorf', kind: 'municipality' }))).toBe(
      'CH:gemeindepraesident',
    );
    expect(defaultOffice(town({ countryCode: 'CH', name: 'Lausanne', language: 'fr', adminRegion: 'Vaud' }))).toBe(
      'CH:syndic',
    );
    expect(defaultOffice(town({ countryCode: 'CH', name: 'Lugano', language: 'it' }))).toBe('CH:sindaco');
    expect(defaultOffice(town({ countryCode: 'AT', name: 'Graz', population: 290_000 }))).toBe('AT:buergermeister');
    expect(defaultOffice(town({ countryCode: 'HU', name: 'Eger' }))).toBe('HU:polgarmester');
    expect(defaultOffice(town({ countryCode: 'HU', name: 'Budapest' }))).toBe('HU:fopolgarmester');
    expect(defaultOffice(town({ countryCode: 'FR', name: 'Metz' }))).toBe('FR:maire');
    expect(defaultOffice(town({ countryCode: 'IT', name: 'San Gimignano' }))).toBe('IT:sindaco');
    expect(defaultOffice(town({ countryCode: 'UA', name: 'Kalush' }))).toBe('UA:miskyi_holova');
    expect(defaultOffice(town({ countryCode: 'UA', name: 'Yasinia', kind: 'municipality' }))).toBe('UA:silskyi_holova');
    expect(defaultOffice(town({ countryCode: 'GB', name: 'Bridgwater', population: 41_000 }))).toBe('GB:town_mayor');
    expect(defaultOffice(town({ countryCode: 'NL', name: 'Groningen', population: 235_000 }))).toBe('XX:city');
    expect(defaultOffice(town({ countryCode: 'NL', name: 'Brielle', population: 17_000 }))).toBe('XX:town');
  });

  it('the card’s office wins when it is a known code; anything else falls back to the rules', () => {
    expect(resolveOffice('PL:prezydent_miasta', 'PL:burmistrz')).toBe('PL:prezydent_miasta');
    expect(resolveOffice('PL:hetman', 'PL:burmistrz')).toBe('PL:burmistrz');
    expect(resolveOffice(null, 'PL:burmistrz')).toBe('PL:burmistrz');
    expect(resolveOffice(undefined, 'PL:burmistrz')).toBe('PL:burmistrz');
  });
});
