import { describe, expect, it } from 'vitest';
import type { BinTable } from '../../shared/domain/schemas';
import { createI18n } from '../../renderer/lib/i18n';
import {
  binFieldLabel,
  binFieldShown,
  binValueText,
  type BinFieldValue,
} from '../../renderer/features/settings/bin-values';

/**
 * The values bin:list gives for a deleted record of every kind the bin holds (as the demo
 * registry's records have them), and how Settings ▸ Deleted records shows them (walkthrough 27,
 * finding 2: a member's showed `code`, `kind` = "mesto", `mayorGender` = "f", `isMember` = "ano").
 */
const DELETED: Record<BinTable, [string, BinFieldValue][]> = {
  municipalities: [
    ['code', '545392'],
    ['name', 'Český Krumlov'],
    ['kind', 'mesto'],
    ['districtName', 'Český Krumlov'],
    ['regionName', 'Jihočeský kraj'],
    ['orpName', 'Český Krumlov'],
    ['orpCode', '3102'],
    ['population', 12800],
    ['latitude', 48.8128],
    ['longitude', 14.3176],
    ['street', 'nám. Svornosti 1'],
    ['postalCode', '381 01'],
    ['ico', '00245836'],
    ['mayorName', 'Helena Rybářová'],
    ['mayorGender', 'f'],
    ['website', 'https://www.ckrumlov.cz'],
    ['email', 'podatelna@ckrumlov.cz'],
    ['isMember', true],
    ['memberSince', '1994-03-01'],
    ['memberUntil', '2030'],
    ['notes', 'Poznámka'],
  ],
  partnerships: [
    ['type', 'formal'],
    ['status', 'active'],
    ['startedOn', '2005'],
    ['termKind', 'indefinite'],
    ['areas', ['education', 'sport']],
    ['participantGroups', ['schools', 'clubs']],
    ['signedOn', '2005-06-01'],
    ['notes', 'Smlouva u Petra'],
  ],
  foreign_towns: [
    ['name', 'Wels'],
    ['useCzechName', true],
    ['countryCode', 'AT'],
    ['kind', 'town'],
    ['adminRegion', 'Oberösterreich'],
    ['population', 63000],
    ['latitude', 48.1575],
    ['longitude', 14.0289],
    ['language', 'de'],
    ['website', 'https://www.wels.gv.at'],
    ['mayorGender', 'm'],
    ['geonamesId', 2761524],
  ],
  partnership_requests: [
    ['direction', 'foreign_seeks'],
    ['requesterName', 'Mairie de Beaumont-en-Véron'],
    ['requesterCountryCode', 'FR'],
    ['wantedCountryCodes', ['CZ', 'SK']],
    ['wantedSize', 'village'],
    ['themes', ['agriculture', 'culture']],
    ['description', 'Vinařská obec hledá českou vinařskou obec.'],
    ['status', 'new'],
    ['receivedOn', '2026-02-10'],
    ['municipalityDistrict', 'Žďár nad Sázavou'],
  ],
  contacts: [
    ['side', 'cz'],
    ['name', 'Petr Král'],
    ['role', 'místostarosta'],
    ['email', 'petr.kral@example.org'],
    ['phone', '+420 123 456 789'],
    ['language', 'de'],
    ['notes', 'mluví německy'],
  ],
  activities: [
    ['date', '2021-06-22'],
    ['dateEnd', '2021-06-24'],
    ['title', 'Koncert pěveckých sborů obou měst'],
    ['kind', 'cultural_event'],
    ['participants', 49],
    ['description', 'Dva sbory'],
    ['fundingProgramme', 'municipal_budget'],
    ['fundingAmount', 78000],
    ['currency', 'CZK'],
  ],
  agreement_documents: [
    ['template', 'partnership'],
    ['languageFirst', 'cs'],
    ['languageSecond', 'de'],
    ['layout', 'parallel'],
    ['options', '{}'],
    ['filePath', '/home/jana/smlouvy/tabor-wels.docx'],
    ['fileName', 'tabor-wels.docx'],
  ],
  attachments: [
    ['fileName', 'smlouva.pdf'],
    ['mediaType', 'application/pdf'],
    ['size', 48213],
    ['sha256', 'a'.repeat(64)],
    ['description', 'Podepsaná smlouva'],
  ],
};

const shown = (table: BinTable, language: 'cs' | 'en') => {
  const i18n = createI18n(language);
  return Object.fromEntries(
    DELETED[table]
      .filter(([field]) => binFieldShown(table, field))
      .map(([field, value]) => [binFieldLabel(table, field, i18n), binValueText(table, field, value, i18n)]),
  );
};

describe('the values of a deleted record in the bin', () => {
  it('name every field of every kind of record as its screen does, in both languages (no stored key shows)', () => {
    for (const language of ['cs', 'en'] as const) {
      const i18n = createI18n(language);
      for (const [table, values] of Object.entries(DELETED) as [BinTable, [string, BinFieldValue][]][])
        for (const [field] of values.filter(([name]) => binFieldShown(table, name)))
          expect(binFieldLabel(table, field, i18n), `${language} ${table}.${field}`).not.toBe(field);
    }
  });

  it('show a deleted member as the Members form does: its labels, kind, gender, yes/no, dates, numbers', () => {
    expect(shown('municipalities', 'cs')).toMatchObject({
      'Kód obce': '545392',
      Typ: 'město',
      Okres: 'Český Krumlov',
      Kraj: 'Jihočeský kraj',
      Obyvatel: '12\u00a0800',
      'Zeměpisná šířka': '48,8128',
      'Starosta / starostka': 'Helena Rybářová',
      'Starosta/ka: pohlaví': 'žena',
      'Obec je členem sdružení': 'ano',
      'Členem od': '1. 3. 1994',
      'Členem do': '2030',
      IČO: '00245836',
    });
    expect(shown('municipalities', 'en')).toMatchObject({
      Code: '545392',
      Kind: 'town',
      Population: '12,800',
      Latitude: '48.8128',
      'Mayor: gender': 'woman',
      'The municipality is a member of the association': 'yes',
      'Member since': '1 Mar 1994',
    });
  });

  it('show the codes of partner towns, requests, contacts, activities, drafts and attachments by their labels', () => {
    expect(shown('foreign_towns', 'cs')).toMatchObject({
      Stát: 'Rakousko',
      Druh: 'město',
      'Počet obyvatel': '63\u00a0000',
      'Pohlaví starosty/starostky': 'muž',
      'V českých textech používat český název': 'ano',
      GeoNames: '2761524',
    });
    expect(shown('partnership_requests', 'cs')).toMatchObject({
      'Kdo hledá partnera': 'zahraniční obec hledá českou',
      'Stát žadatele': 'Francie',
      'Hledané státy': 'Česká republika, Slovensko',
      'Hledaná velikost': 'obec (do 2 000 obyv.)',
      Témata: 'zemědělství a venkov, kultura',
      Stav: 'nová',
      Přijato: '10. 2. 2026',
    });
    expect(shown('partnership_requests', 'en')).toMatchObject({ 'Requester country': 'France', Status: 'new' });
    expect(shown('contacts', 'cs')).toMatchObject({
      Strana: 'Česká strana',
      Funkce: 'místostarosta',
      Jazyk: 'němčina',
    });
    expect(shown('activities', 'cs')).toMatchObject({
      Datum: '22. 6. 2021',
      'Datum do': '24. 6. 2021',
      Druh: 'kulturní akce',
      Program: 'rozpočet obce',
      Částka: '78\u00a0000',
    });
    expect(shown('agreement_documents', 'en')).toMatchObject({
      Template: 'Partnership agreement',
      'Second language': 'German',
      File: 'tabor-wels.docx',
    });
    expect(shown('agreement_documents', 'cs')).not.toHaveProperty('options');
    expect(Object.values(shown('agreement_documents', 'cs'))).not.toContain('{}');
    expect(shown('attachments', 'cs')).toMatchObject({
      'Typ souboru': 'application/pdf',
      'Velikost (B)': '48\u00a0213',
    });
    expect(Object.keys(shown('attachments', 'cs'))).not.toContain('sha256');
  });

  it('keep what the partnership values showed before', () => {
    expect(shown('partnerships', 'en')).toMatchObject({
      Started: '2005',
    });
    expect(Object.values(shown('partnerships', 'cs'))).toContain('1. 6. 2005');
  });
});
