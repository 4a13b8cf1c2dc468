import { describe, expect, it } from 'vitest';
import { AGREEMENT_LANGUAGES } from '../../../shared/domain/codes';
import { FORMAL_STATE_NAMES, formalStateName } from '../../../shared/domain/agreements/states';
import {
  defaultContractingBody,
  ukrainianCouncilAdjective,
  type TownForBody,
} from '../../../shared/domain/agreements/contracting-bodies';

describe('formal names of states (C9)', () => {
  it('every state of the table has its formal name in all nine languages', () => {
    for (const [code, names] of Object.entries(FORMAL_STATE_NAMES)) {
      for (const language of AGREEMENT_LANGUAGES) expect(names[language].trim(), `${code} ${language}`).not.toBe('');
    }
  });

  it('covers the EU, the EEA, the United Kingdom, Switzerland, Ukraine, Moldova and the Western Balkans', () => {
    const eu = 'AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK'.split(' ');
    for (const code of [...eu, 'IS', 'LI', 'NO', 'GB', 'CH', 'UA', 'MD', 'RS', 'BA', 'ME', 'MK', 'AL']) {
      expect(FORMAL_STATE_NAMES[code], code).toBeDefined();
    }
  });

  it('golden names', () => {
    expect(formalStateName('DE', 'cs')).toBe('Spolková republika Německo');
    // The Czech column named Russia "Rusko" beside "Russian Federation" (walkthrough 14).
    expect(formalStateName('RU', 'cs')).toBe('Ruská federace');
    expect(formalStateName('RU', 'en')).toBe('Russian Federation');
    expect(formalStateName('DE', 'de')).toBe('Bundesrepublik Deutschland');
    expect(formalStateName('PL', 'pl')).toBe('Rzeczpospolita Polska');
    expect(formalStateName('CZ', 'pl')).toBe('Republika Czeska');
    expect(formalStateName('CZ', 'sk')).toBe('Česká republika');
    expect(formalStateName('CZ', 'uk')).toBe('Чеська Республіка');
    expect(formalStateName('CZ', 'fr')).toBe('République tchèque');
    expect(formalStateName('CZ', 'hu')).toBe('Cseh Köztársaság');
    expect(formalStateName('UA', 'uk')).toBe('Україна');
    expect(formalStateName('HU', 'hu')).toBe('Magyarország');
    expect(formalStateName('CH', 'de')).toBe('Schweizerische Eidgenossenschaft');
    expect(formalStateName('fr', 'fr')).toBe('République française');
    expect(formalStateName('ZZ', 'cs')).toBeNull();
  });
});

const town = (over: Partial<TownForBody>): TownForBody => ({
  name: 'X',
  nameNative: null,
  countryCode: 'IT',
  kind: 'town',
  population: null,
  ...over,
});

describe('who contracts for a partner town (C10)', () => {
  it('Italy: Comune di; Hungary: (Megyei Jogú) Város / Község Önkormányzata (it2, hu1)', () => {
    expect(defaultContractingBody(town({ name: 'San Gimignano' }))).toBe('Comune di San Gimignano');
    expect(defaultContractingBody(town({ name: 'Eger', countryCode: 'HU' }))).toBe(
      'Eger Megyei Jogú Város Önkormányzata',
    );
    expect(defaultContractingBody(town({ name: 'Pécs', countryCode: 'HU' }))).toBe(
      'Pécs Megyei Jogú Város Önkormányzata',
    );
    expect(defaultContractingBody(town({ name: 'Körmend', countryCode: 'HU' }))).toBe('Körmend Város Önkormányzata');
    expect(defaultContractingBody(town({ name: 'Tata', countryCode: 'HU', kind: 'municipality' }))).toBe(
      'Tata Község Önkormányzata',
    );
    expect(defaultContractingBody(town({ name: 'Budapest', countryCode: 'HU' }))).toBe(
      'Budapest Főváros Önkormányzata',
    );
  });

  it('Ukraine: the council named by the town’s adjective, from the Cyrillic name (uk5)', () => {
    expect(defaultContractingBody(town({ name: 'Kalush', nameNative: 'Калуш', countryCode: 'UA' }))).toBe(
      'Калуська міська рада',
    );
    expect(defaultContractingBody(town({ name: 'Chernihiv', nameNative: 'Чернігів', countryCode: 'UA' }))).toBe(
      'Чернігівська міська рада',
    );
    // No Cyrillic name, or an ending without a safe rule: no default (the card says).
    expect(defaultContractingBody(town({ name: 'Kalush', countryCode: 'UA' }))).toBeNull();
    expect(ukrainianCouncilAdjective('Рівне')).toBeNull();
    expect(ukrainianCouncilAdjective('Луцьк')).toBe('Луцька');
    expect(ukrainianCouncilAdjective('Ужгород')).toBe('Ужгородська');
    expect(ukrainianCouncilAdjective('Полтава')).toBe('Полтавська');
    expect(ukrainianCouncilAdjective('Рахів')).toBe('Рахівська');
  });

  it('Poland, the UK, Austria; the town itself elsewhere (pl7, en3)', () => {
    expect(defaultContractingBody(town({ name: 'Jaworze', countryCode: 'PL', kind: 'municipality' }))).toBe(
      'Gmina Jaworze',
    );
    // A town's gmina has several legal forms: the known ones from the table (review pl7), else the card says.
    expect(defaultContractingBody(town({ name: 'Kłodzko', countryCode: 'PL' }))).toBe('Gmina Miejska Kłodzko');
    expect(defaultContractingBody(town({ name: 'Wrocław', countryCode: 'PL' }))).toBe('Gmina Wrocław');
    expect(defaultContractingBody(town({ name: 'Jelenia Góra', countryCode: 'PL' }))).toBeNull();
    expect(defaultContractingBody(town({ name: 'Bridgwater', countryCode: 'GB', population: 41_000 }))).toBe(
      'Bridgwater Town Council',
    );
    expect(defaultContractingBody(town({ name: 'Litschau', countryCode: 'AT' }))).toBe('Stadtgemeinde Litschau');
    expect(defaultContractingBody(town({ name: 'Wels', countryCode: 'AT' }))).toBe('Stadt Wels');
    expect(defaultContractingBody(town({ name: 'Euratsfeld', countryCode: 'AT', kind: 'municipality' }))).toBe(
      'Gemeinde Euratsfeld',
    );
    expect(defaultContractingBody(town({ name: 'Konstanz', countryCode: 'DE' }))).toBeNull();
    // A Bavarian market contracts as "Markt Eschlkam" (review de6); a Saxon namesake would not match.
    expect(defaultContractingBody(town({ name: 'Eschlkam', countryCode: 'DE', kind: 'municipality' }))).toBe(
      'Markt Eschlkam',
    );
    expect(
      defaultContractingBody(
        town({ name: 'Schirnding', countryCode: 'DE', kind: 'municipality', adminRegion: 'Sachsen' }),
      ),
    ).toBeNull();
    expect(defaultContractingBody(town({ name: ' ', countryCode: 'IT' }))).toBeNull();
  });
});
