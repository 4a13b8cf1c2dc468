import { beforeAll, describe, expect, it } from 'vitest';
import { AGREEMENT_TEMPLATES } from '../../../shared/domain/codes';
import type { ClauseLibrary } from '../../../shared/domain/agreements/library';
import {
  PARTNER_LANGUAGES,
  buildAgreementModel,
  sectionText,
  type AgreementModel,
  type AgreementRequest,
  type PartnerLanguage,
  type PartyFields,
} from '../../../shared/domain/agreements/model';
import { OFFICES, officeTitle } from '../../../shared/domain/agreements/offices';
import { formalStateNames, municipalIdLabels } from '../../../shared/domain/agreements/states';
import { loadClauseLibrary } from '../../../electron/core/services/agreements/library-loader';
import { RESOURCES_DIR } from '../../support/temp-db';

/*
 * Golden party blocks (issue 14 items 3–5): for each of the nine languages, the parties as a
 * Czech town and its partner of that language's country are printed in both columns, with titles
 * from the offices, names per language and script, formal state names and contracting bodies.
 */

let library: ClauseLibrary;
beforeAll(async () => {
  library = await loadClauseLibrary(RESOURCES_DIR);
});

const cz: PartyFields = {
  name: 'Tábor',
  nounKey: 'mesto',
  countryNames: formalStateNames('CZ'),
  address: 'Žižkovo nám. 2, 390 01 Tábor',
  idNumber: '00253014',
  mayorName: 'Štěpán Vojtěch',
  mayorGender: 'm',
  mayorRank: 'town',
  mayorOffice: 'CZ:starosta_mesta',
  mayorTitles: {},
  signingPlace: 'Tábor',
  signingDate: null,
  resolution: '',
  resolutionDate: null,
};

const PARTNERS: Record<PartnerLanguage, Partial<PartyFields> & { country: string }> = {
  de: {
    country: 'DE',
    name: 'Konstanz',
    nameCs: 'Kostnice',
    mayorName: 'Erika Muster',
    mayorGender: 'f',
    mayorOffice: 'DE:oberbuergermeister',
    address: 'Kanzleistraße 15, 78462 Konstanz',
  },
  pl: {
    country: 'PL',
    name: 'Jelenia Góra',
    nameCs: 'Jelení Hora',
    mayorName: 'Jerzy Łużniak',
    mayorGender: 'm',
    mayorOffice: 'PL:prezydent_miasta',
    address: 'pl. Ratuszowy 58, 58-500 Jelenia Góra',
  },
  sk: {
    country: 'SK',
    name: 'Nové Zámky',
    mayorName: 'Otokar Klein',
    mayorGender: 'm',
    mayorOffice: 'SK:primator',
    address: 'Hlavné nám. 10, 940 02 Nové Zámky',
    idNumber: '00309028',
  },
  en: {
    country: 'GB',
    name: 'Bridgwater',
    mayorName: 'Pele Barnes',
    mayorGender: 'm',
    mayorOffice: 'GB:town_mayor',
    address: 'Bridgwater House, King Square, Bridgwater TA6 3AR',
    contractingBody: 'Bridgwater Town Council',
  },
  fr: {
    country: 'FR',
    name: 'Metz',
    nameCs: 'Mety',
    mayorName: 'François Grosdidier',
    mayorGender: 'm',
    mayorOffice: 'FR:maire',
    address: '1 place d’Armes, 57000 Metz',
  },
  it: {
    country: 'IT',
    name: 'San Gimignano',
    mayorName: 'Daniela Morbis',
    mayorGender: 'f',
    mayorOffice: 'IT:sindaco',
    address: 'Piazza Duomo 2, 53037 San Gimignano',
    contractingBody: 'Comune di San Gimignano',
  },
  hu: {
    country: 'HU',
    name: 'Eger',
    nameCs: 'Jáger',
    mayorName: 'Mirkóczki Ádám',
    mayorGender: 'm',
    mayorOffice: 'HU:polgarmester',
    address: 'Dobó István tér 2, 3300 Eger',
    contractingBody: 'Eger Megyei Jogú Város Önkormányzata',
  },
  uk: {
    country: 'UA',
    name: 'Kalush',
    nameCs: 'Kaluš',
    nameCyrillic: 'Калуш',
    mayorName: 'Андрій Найда',
    mayorGender: 'm',
    mayorOffice: 'UA:miskyi_holova',
    address: 'вул. Євшана, 9, м. Калуш',
    contractingBody: 'Калуська міська рада',
  },
};

const partnerOf = (language: PartnerLanguage, over: Partial<PartyFields> = {}): PartyFields => {
  const { country, ...fields } = PARTNERS[language];
  return {
    ...cz,
    idNumber: '',
    ...fields,
    nounKey: 'foreign_town',
    countryNames: formalStateNames(country),
    signingPlace: fields.name ?? '',
    ...over,
  };
};

const request = (
  language: PartnerLanguage,
  partner: PartyFields = partnerOf(language),
  over: Partial<AgreementRequest> = {},
  czOver: Partial<PartyFields> = {},
): AgreementRequest => ({
  template: 'partnership',
  language,
  layout: 'parallel',
  preambles: [],
  omit: [],
  titlePage: false,
  areas: ['culture'],
  fields: {
    cz: { ...cz, ...czOver },
    partner,
    duration: 'indefinite',
    entry: 'approval',
    validUntil: null,
    termYears: 5,
    noticeMonths: 6,
    originals: 4,
    projectName: '',
  },
  ...over,
});

const build = (r: AgreementRequest): AgreementModel => buildAgreementModel(library, r);
/** The party block's lines after its heading and intro, no-break spaces read as spaces. */
const partyLines = (model: AgreementModel, index: 0 | 1): string[] =>
  sectionText(model.sections.find((s) => s.id === 'parties')?.texts[index] ?? [])
    .replace(/\u00a0/g, ' ')
    .split('\n')
    .slice(2);
const column = (model: AgreementModel, index: 0 | 1): string =>
  model.sections
    .map((s) => sectionText(s.texts[index]))
    .join('\n')
    .replace(/\u00a0/g, ' ');

const GOLDEN: Record<PartnerLanguage, { cs: string[]; partner: string[]; signatures: string[][] }> = {
  de: {
    cs: [
      'Město Tábor',
      'stát: Česká republika',
      'se sídlem: Žižkovo nám. 2, 390 01 Tábor',
      'IČO: 00253014',
      'jednající: Štěpán Vojtěch, starosta',
      'a',
      'Město Kostnice',
      'stát: Spolková republika Německo',
      'se sídlem: Kanzleistraße 15, 78462 Konstanz',
      'jednající: Erika Muster, primátorka',
    ],
    partner: [
      'Stadt Tábor',
      'Staat: Tschechische Republik',
      'Sitz: Žižkovo nám. 2, 390 01 Tábor',
      'Identifikationsnummer (IČO): 00253014',
      'vertreten durch Štěpán Vojtěch, Bürgermeister',
      'und',
      'Stadt Konstanz',
      'Staat: Bundesrepublik Deutschland',
      'Sitz: Kanzleistraße 15, 78462 Konstanz',
      'vertreten durch Erika Muster, Oberbürgermeisterin',
    ],
    signatures: [
      ['Štěpán Vojtěch', 'starosta', 'Bürgermeister'],
      ['Erika Muster', 'primátorka', 'Oberbürgermeisterin'],
    ],
  },
  pl: {
    cs: [
      'Město Tábor',
      'stát: Česká republika',
      'se sídlem: Žižkovo nám. 2, 390 01 Tábor',
      'IČO: 00253014',
      'jednající: Štěpán Vojtěch, starosta',
      'a',
      'Město Jelení Hora',
      'stát: Polská republika',
      'se sídlem: pl. Ratuszowy 58, 58\u2011500 Jelenia Góra',
      'jednající: Jerzy Łużniak, primátor',
    ],
    partner: [
      'Miasto Tábor',
      'państwo: Republika Czeska',
      'z siedzibą: Žižkovo nám. 2, 390 01 Tábor',
      'Numer identyfikacyjny (IČO): 00253014',
      'osoba reprezentująca: Štěpán Vojtěch – Burmistrz Miasta',
      'a',
      'Miasto Jelenia Góra',
      'państwo: Rzeczpospolita Polska',
      'z siedzibą: pl. Ratuszowy 58, 58\u2011500 Jelenia Góra',
      'osoba reprezentująca: Jerzy Łużniak – Prezydent Miasta',
    ],
    signatures: [
      ['Štěpán Vojtěch', 'starosta', 'Burmistrz Miasta'],
      ['Jerzy Łużniak', 'primátor', 'Prezydent Miasta'],
    ],
  },
  sk: {
    cs: [
      'Město Tábor',
      'stát: Česká republika',
      'se sídlem: Žižkovo nám. 2, 390 01 Tábor',
      'IČO: 00253014',
      'jednající: Štěpán Vojtěch, starosta',
      'a',
      'Město Nové Zámky',
      'stát: Slovenská republika',
      'se sídlem: Hlavné nám. 10, 940 02 Nové Zámky',
      'IČO: 00309028',
      'jednající: Otokar Klein, primátor',
    ],
    partner: [
      'Mesto Tábor',
      'štát: Česká republika',
      'so sídlom: Žižkovo nám. 2, 390 01 Tábor',
      'IČO: 00253014',
      'v zastúpení: Štěpán Vojtěch, starosta',
      'a',
      'Mesto Nové Zámky',
      'štát: Slovenská republika',
      'so sídlom: Hlavné nám. 10, 940 02 Nové Zámky',
      'IČO: 00309028',
      'v zastúpení: Otokar Klein, primátor',
    ],
    signatures: [
      ['Štěpán Vojtěch', 'starosta', 'starosta'],
      ['Otokar Klein', 'primátor', 'primátor'],
    ],
  },
  en: {
    cs: [
      'Město Tábor',
      'stát: Česká republika',
      'se sídlem: Žižkovo nám. 2, 390 01 Tábor',
      'IČO: 00253014',
      'jednající: Štěpán Vojtěch, starosta',
      'a',
      'Město Bridgwater (Bridgwater Town Council)',
      'stát: Spojené království Velké Británie a Severního Irska',
      'se sídlem: Bridgwater House, King Square, Bridgwater TA6 3AR',
      'jednající: Pele Barnes, starosta',
    ],
    partner: [
      'Town of Tábor',
      'country: Czech Republic',
      'address: Žižkovo nám. 2, 390 01 Tábor',
      'Identification No. (IČO): 00253014',
      'represented by Štěpán Vojtěch, Mayor',
      'and',
      'Bridgwater Town Council',
      'country: United Kingdom of Great Britain and Northern Ireland',
      'address: Bridgwater House, King Square, Bridgwater TA6 3AR',
      'represented by Pele Barnes, Town Mayor',
    ],
    signatures: [
      ['Štěpán Vojtěch', 'starosta', 'Mayor'],
      ['Pele Barnes', 'starosta', 'Town Mayor'],
    ],
  },
  fr: {
    cs: [
      'Město Tábor',
      'stát: Česká republika',
      'se sídlem: Žižkovo nám. 2, 390 01 Tábor',
      'IČO: 00253014',
      'jednající: Štěpán Vojtěch, starosta',
      'a',
      'Město Mety',
      'stát: Francouzská republika',
      'se sídlem: 1 place d’Armes, 57000 Metz',
      'jednající: François Grosdidier, starosta',
    ],
    partner: [
      'Ville de Tábor',
      'État : République tchèque',
      'siège : Žižkovo nám. 2, 390 01 Tábor',
      'numéro d’identification (IČO) : 00253014',
      'représentée par son maire, Štěpán Vojtěch',
      'et',
      'Ville de Metz',
      'État : République française',
      'siège : 1 place d’Armes, 57000 Metz',
      'représentée par son maire, François Grosdidier',
    ],
    signatures: [
      ['Štěpán Vojtěch', 'starosta', 'maire'],
      ['François Grosdidier', 'starosta', 'maire'],
    ],
  },
  it: {
    cs: [
      'Město Tábor',
      'stát: Česká republika',
      'se sídlem: Žižkovo nám. 2, 390 01 Tábor',
      'IČO: 00253014',
      'jednající: Štěpán Vojtěch, starosta',
      'a',
      'Město San Gimignano (Comune di San Gimignano)',
      'stát: Italská republika',
      'se sídlem: Piazza Duomo 2, 53037 San Gimignano',
      'jednající: Daniela Morbis, starostka',
    ],
    partner: [
      'Città di Tábor',
      'Stato: Repubblica Ceca',
      'con sede in Žižkovo nám. 2, 390 01 Tábor',
      'numero di identificazione (IČO): 00253014',
      'in persona del sindaco pro tempore, Štěpán Vojtěch',
      'e',
      'Comune di San Gimignano',
      'Stato: Repubblica Italiana',
      'con sede in Piazza Duomo 2, 53037 San Gimignano',
      'in persona della sindaca pro tempore, Daniela Morbis',
    ],
    signatures: [
      ['Štěpán Vojtěch', 'starosta', 'sindaco'],
      ['Daniela Morbis', 'starostka', 'sindaca'],
    ],
  },
  hu: {
    cs: [
      'Město Tábor',
      'stát: Česká republika',
      'se sídlem: Žižkovo nám. 2, 390 01 Tábor',
      'IČO: 00253014',
      'jednající: Štěpán Vojtěch, starosta',
      'a',
      'Město Jáger (Eger Megyei Jogú Város Önkormányzata)',
      'stát: Maďarsko',
      'se sídlem: Dobó István tér 2, 3300 Eger',
      'jednající: Mirkóczki Ádám, starosta',
    ],
    partner: [
      'Tábor város',
      'ország: Cseh Köztársaság',
      'székhely: Žižkovo nám. 2, 390 01 Tábor',
      'azonosító szám (IČO): 00253014',
      'képviseli: Štěpán Vojtěch polgármester',
      'és',
      'Eger Megyei Jogú Város Önkormányzata',
      'ország: Magyarország',
      'székhely: Dobó István tér 2, 3300 Eger',
      'képviseli: Mirkóczki Ádám polgármester',
    ],
    signatures: [
      ['Štěpán Vojtěch', 'starosta', 'polgármester'],
      ['Mirkóczki Ádám', 'starosta', 'polgármester'],
    ],
  },
  uk: {
    cs: [
      'Město Tábor',
      'stát: Česká republika',
      'se sídlem: Žižkovo nám. 2, 390 01 Tábor',
      'IČO: 00253014',
      'jednající: Štěpán Vojtěch, starosta',
      'a',
      'Město Kaluš (Калуська міська рада)',
      'stát: Ukrajina',
      'se sídlem: вул. Євшана, 9, м. Калуш',
      'jednající: Andrij Najda, starosta',
    ],
    partner: [
      'Місто Табор',
      'держава: Чеська Республіка',
      'місцезнаходження: Žižkovo nám. 2, 390 01 Tábor',
      'Ідентифікаційний код (IČO): 00253014',
      'від імені Сторони діє міський голова Штепан Войтех',
      'та',
      'Калуська міська рада',
      'держава: Україна',
      'місцезнаходження: вул. Євшана, 9, м. Калуш',
      'від імені Сторони діє міський голова Андрій Найда',
    ],
    signatures: [
      ['Štěpán Vojtěch / Штепан Войтех', 'starosta', 'міський голова'],
      ['Andrij Najda / Андрій Найда', 'starosta', 'міський голова'],
    ],
  },
};

describe('golden party blocks in the nine languages', () => {
  for (const language of PARTNER_LANGUAGES) {
    it(`cs + ${language}: both parties, their titles, names, states and contracting bodies`, () => {
      const model = build(request(language));
      expect(partyLines(model, 0)).toEqual(GOLDEN[language].cs);
      expect(partyLines(model, 1)).toEqual(GOLDEN[language].partner);
      expect(model.signatures.map((s) => [s.name.text, ...s.functions])).toEqual(GOLDEN[language].signatures);
      expect(model.warnings.map((w) => w.path)).not.toContain('partner.mayorGender');
    });

    it(`cs + ${language}: the same party block in every template that has one`, () => {
      for (const template of AGREEMENT_TEMPLATES) {
        if (!library.templates[template].parties) continue;
        const model = build(request(language, partnerOf(language), { template }));
        expect(partyLines(model, 0), template).toEqual(GOLDEN[language].cs);
        expect(partyLines(model, 1), template).toEqual(GOLDEN[language].partner);
      }
    });
  }
});

describe('titles in the document come from the office (C3)', () => {
  it('three office kinds per country: the own title in the partner’s column and in the signatures', () => {
    const countries: [string, PartnerLanguage][] = [
      ['DE', 'de'],
      ['AT', 'de'],
      ['CH', 'de'],
      ['PL', 'pl'],
      ['SK', 'sk'],
      ['GB', 'en'],
      ['FR', 'fr'],
      ['IT', 'it'],
      ['HU', 'hu'],
      ['UA', 'uk'],
    ];
    for (const [country, language] of countries) {
      for (const office of OFFICES.filter((o) => o.country === country)) {
        for (const gender of ['m', 'f'] as const) {
          const model = build(
            request(language, partnerOf(language, { mayorOffice: office.code, mayorGender: gender })),
          );
          const title = officeTitle(office.code, language, gender) ?? '';
          const czech = officeTitle(office.code, 'cs', gender) ?? '';
          expect(partyLines(model, 1).join('\n'), `${office.code} ${gender}`).toContain(title);
          expect(partyLines(model, 0).join('\n'), `${office.code} ${gender}`).toContain(czech);
          expect(model.signatures[1].functions).toEqual([czech, title]);
        }
      }
    }
  });

  it('the Czech party’s title follows its office in the partner’s language (sk1, pl1)', () => {
    const sk = build(request('sk'));
    expect(partyLines(sk, 1)).toContain('v zastúpení: Štěpán Vojtěch, starosta');
    const city = build(request('sk', partnerOf('sk'), {}, { mayorOffice: 'CZ:primator', mayorGender: 'f' }));
    expect(partyLines(city, 1)).toContain('v zastúpení: Štěpán Vojtěch, primátorka');
    const village = build(request('pl', partnerOf('pl'), {}, { mayorOffice: 'CZ:starosta', nounKey: 'obec' }));
    expect(partyLines(village, 1)).toContain('osoba reprezentująca: Štěpán Vojtěch – Wójt Gminy');
  });

  it('an unknown gender prints a marker with both forms in the column’s language, never a male title', () => {
    const model = build(request('de', partnerOf('de', { mayorGender: null })));
    expect(partyLines(model, 0)).toContain('jednající: Erika Muster, [doplňte: primátor / primátorka]');
    expect(partyLines(model, 1)).toContain(
      'vertreten durch Erika Muster, [doplňte / bitte ergänzen: Oberbürgermeister / Oberbürgermeisterin]',
    );
    expect(model.signatures[1].functions[1]).toBe(
      '[doplňte / bitte ergänzen: Oberbürgermeister / Oberbürgermeisterin]',
    );
    const marked = model.sections
      .find((s) => s.id === 'parties')
      ?.texts[1].flatMap((p) => p.runs)
      .filter((r) => r.missing === true)
      .map((r) => r.text);
    expect(marked).toContain('[doplňte / bitte ergänzen: Oberbürgermeister / Oberbürgermeisterin]');
    expect(model.warnings.map((w) => w.path)).toContain('partner.mayorGender');
    // One form for both genders in French: no marker there; Czech still needs the gender.
    const fr = build(request('fr', partnerOf('fr', { mayorGender: null })));
    expect(partyLines(fr, 1)).toContain('représentée par son maire, François Grosdidier');
    expect(partyLines(fr, 0)).toContain('jednající: François Grosdidier, [doplňte: starosta / starostka]');
  });

  it('the user’s own wording of a title wins', () => {
    const model = build(request('de', partnerOf('de', { mayorTitles: { de: 'Erste Bürgermeisterin' } })));
    expect(partyLines(model, 1)).toContain('vertreten durch Erika Muster, Erste Bürgermeisterin');
  });

  it('a draft stored before offices (no mayorOffice) takes its rank’s office', () => {
    const model = build(
      request('de', partnerOf('de', { mayorOffice: undefined, mayorRank: 'city' }), {}, { mayorOffice: undefined }),
    );
    expect(partyLines(model, 1)).toContain('vertreten durch Erika Muster, Oberbürgermeisterin');
    expect(partyLines(model, 1)).toContain('vertreten durch Štěpán Vojtěch, Bürgermeister');
  });
});

describe('names per language and script (C4)', () => {
  it('the Czech text uses the partner’s Czech name where the draft has one, else the local name', () => {
    const own = build(request('de', partnerOf('de', { nameCs: '' })));
    expect(column(own, 0)).toContain('mezi městem Tábor a městem Konstanz');
    expect(column(own, 0)).not.toContain('Kostnice');
    const exonym = build(request('de'));
    expect(column(exonym, 0)).toContain('mezi městem Tábor a městem Kostnice');
    expect(column(exonym, 1)).toContain('zwischen der Stadt Tábor und der Stadt Konstanz');
    expect(column(exonym, 1)).not.toContain('Kostnice');
  });

  it('Ukrainian names both parties in Cyrillic everywhere; the Czech text names both in Latin (uk1–uk3)', () => {
    const model = build(request('uk'));
    const uk = column(model, 1);
    expect(uk).toContain('між містом Табор та містом Калуш');
    // Addresses stay as the parties write them; every name is Cyrillic.
    expect(uk.replace('Žižkovo nám. 2, 390 01 Tábor', '')).not.toMatch(/Tábor|Kalush|Kaluš|Vojtěch/);
    expect(column(model, 0)).toContain('mezi městem Tábor a městem Kaluš');
    expect(model.signatures[0].forParty).toEqual(['Za město Tábor', 'Від міста Табор']);
  });

  it('a Cyrillic name the draft lacks is a marker in the Ukrainian text, never the Latin spelling', () => {
    const model = build(request('uk', partnerOf('uk', { nameCyrillic: '', mayorName: 'Andrii Naida' })));
    const uk = column(model, 1);
    expect(uk).toContain('містом [doplňte / заповніть: назва кирилицею]');
    expect(uk).toContain('[doplňte / заповніть: ім’я та прізвище представника кирилицею]');
    expect(uk).not.toContain('Kalush');
    expect(model.warnings.map((w) => w.path)).toEqual(
      expect.arrayContaining(['partner.nameCyrillic', 'partner.mayorNameCyrillic']),
    );
  });

  it('the draft’s own Cyrillic forms override the transliteration', () => {
    const model = build(
      request('uk', partnerOf('uk'), {}, { nameCyrillic: 'Табір', mayorNameCyrillic: 'Штєпан Войтєх' }),
    );
    expect(column(model, 1)).toContain('між містом Табір та містом Калуш');
    expect(column(model, 1)).toContain('від імені Сторони діє міський голова Штєпан Войтєх');
  });

  it('with Latin in brackets: "Місто Табор (Tábor)", "Штепан Войтех (Štěpán Vojtěch)" in the party block', () => {
    const model = build(request('uk', partnerOf('uk'), { latinInBrackets: true }));
    const lines = partyLines(model, 1);
    expect(lines).toContain('Місто Табор (Tábor)');
    expect(lines).toContain('від імені Сторони діє міський голова Штепан Войтех (Štěpán Vojtěch)');
    // The partner's Latin name is the registry's (the Ukrainian national transliteration).
    expect(
      partyLines(build(request('uk', partnerOf('uk', { contractingBody: '' }), { latinInBrackets: true })), 1),
    ).toContain('Місто Калуш (Kalush)');
    // Other languages are untouched.
    expect(partyLines(build(request('de', partnerOf('de'), { latinInBrackets: true })), 1)).toContain('Stadt Tábor');
  });
});

describe('party lines, states and contracting bodies (C7, C9, C10)', () => {
  it('the partner’s number under its country’s label, asked with a marker (sk6, uk5)', () => {
    const uk = build(request('uk', partnerOf('uk', { idLabels: municipalIdLabels('UA') })));
    expect(partyLines(uk, 1)).toContain('код ЄДРПОУ: [doplňte / заповніть: код ЄДРПОУ]');
    expect(partyLines(uk, 0)).toContain('kód EDRPOU: [doplňte: kód EDRPOU]');
    expect(uk.warnings.map((w) => w.path)).toContain('partner.idNumber');
    const sk = build(request('sk', partnerOf('sk', { idLabels: municipalIdLabels('SK') })));
    expect(partyLines(sk, 1)).toContain('IČO: 00309028');
    expect(partyLines(sk, 0)).toContain('IČO: 00309028');
    // Written in English or German, the partner's number keeps its name beside the Czech column's
    // (it was "Identification No." beside "identifikační číslo (SIREN)").
    const french = partnerOf('en', { idLabels: municipalIdLabels('FR'), idNumber: '216701800' });
    const english = build(request('en', french));
    expect(partyLines(english, 1)).toContain('Identification No. (SIREN): 216701800');
    expect(partyLines(english, 0)).toContain('identifikační číslo (SIREN): 216701800');
    const inGerman = build(
      request('de', partnerOf('de', { idLabels: municipalIdLabels('PL'), idNumber: '890718355' })),
    );
    expect(partyLines(inGerman, 1)).toContain('REGON: 890718355');
    // A state without a named number: the line only when the number is known.
    expect(municipalIdLabels('DE')).toEqual({});
    expect(partyLines(build(request('de')), 1).join('\n')).not.toContain('Identifikationsnummer:');
  });

  it('a large city is "the City of" in English, a town "the Town of" (en1)', () => {
    const leipzig = partnerOf('en', { name: 'Leipzig', nounKey: 'foreign_city', contractingBody: '' });
    const model = build(request('en', leipzig));
    expect(partyLines(model, 1)).toContain('City of Leipzig');
    expect(column(model, 1)).toContain('between the Town of Tábor and the City of Leipzig');
    expect(column(model, 0)).toContain('mezi městem Tábor a městem Leipzig');
    const german = build(request('de', partnerOf('de', { nounKey: 'foreign_city' })));
    expect(partyLines(german, 1)).toContain('Stadt Konstanz');
  });

  it('French puts a no-break space before the colon of the state and number lines (fr2, fr3)', () => {
    const raw = sectionText(build(request('fr')).sections.find((s) => s.id === 'parties')?.texts[1] ?? []);
    expect(raw).toContain('État\u00a0: République tchèque');
    expect(raw).toContain('numéro d’identification (IČO)\u00a0: 00253014');
  });

  it('the contracting body is the partner’s name line in its own language; the Czech text adds it in brackets', () => {
    const it = build(request('it'));
    expect(partyLines(it, 1)).toContain('Comune di San Gimignano');
    expect(partyLines(it, 0)).toContain('Město San Gimignano (Comune di San Gimignano)');
    // Elsewhere the town keeps its noun: "Za město San Gimignano", "tra la Città di Tábor e il Comune di …".
    expect(column(it, 1)).toContain('San Gimignano');
    // The partner is "il Comune" in the articles too, as in its name line (it said "la Città": it2).
    expect(column(it, 1)).toContain('tra la Città di Tábor e il Comune di San Gimignano');
    expect(column(it, 1)).not.toContain('Città di San Gimignano');
    // A Cyrillic body keeps its registered name in the Czech text: a transcription such as
    // "Kaluska miska rada" names no body a Czech reader could find.
    expect(partyLines(build(request('uk')), 0)).toContain('Město Kaluš (Калуська міська рада)');
    expect(column(build(request('uk')), 0)).not.toContain('miska');
    // No body: the library's official name.
    expect(partyLines(build(request('it', partnerOf('it', { contractingBody: '' }))), 1)).toContain(
      'Comune di San Gimignano',
    );
  });
});
