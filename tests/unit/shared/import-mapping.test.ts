import { describe, expect, it } from 'vitest';
import { suggestMapping } from '../../../shared/domain/import/formats';
import { shownImportValue, shownIssueParams } from '../../../shared/domain/import/shown';
import { undoPatch, type MunicipalityDetail } from '../../../shared/domain/municipality-rules';
import { translate } from '../../../shared/i18n/index';

const labels = (field: string) =>
  (['cs', 'en'] as const).map((language) => translate(language, `import.field.${field}`));

describe('the mapping offered for a file of an unknown layout', () => {
  it('names each field by a header that is its label (either language, any case or accents), its name or a usual header', () => {
    expect(
      suggestMapping(
        'partnerships',
        ['KÓD ČESKÉ OBCE', 'Partner town', 'stat partnera', 'Rok', 'Poznámka', 'Něco jiného'],
        labels,
      ),
    ).toEqual({
      municipalityCode: 'KÓD ČESKÉ OBCE',
      townName: 'Partner town',
      country: 'stat partnera',
      year: 'Rok',
      notes: 'Poznámka',
    });
  });

  it('offers nothing for a field two headers could be, nor a header twice, nor an ambiguous "Město"', () => {
    const offered = suggestMapping('partnerships', ['Obec', 'Česká obec', 'Město', 'Stát'], labels);
    expect(offered.municipalityName).toBeUndefined(); // "Obec" and "Česká obec" both name it
    expect(offered.townName).toBeUndefined();
    expect(offered.country).toBe('Stát');
    const municipalities = suggestMapping('municipalities', ['Kód', 'Název', 'PSČ', 'Obyvatel'], labels);
    expect(municipalities).toEqual({ code: 'Kód', name: 'Název', postalCode: 'PSČ', population: 'Obyvatel' });
  });
});

describe('values of an import report as shown', () => {
  it('says dates as dates in the language and nothing as a dash', () => {
    expect(shownImportValue('startedOn', '1991-06-15', 'cs')).toBe('15. 6. 1991');
    expect(shownImportValue('startedOn', '1991', 'en')).toBe('1991');
    // Membership in words, not as stored (walkthrough: "Člen svazu (ano/ne): false → true").
    expect(shownImportValue('isMember', true, 'cs')).toBe('ano');
    expect(shownImportValue('isMember', false, 'en')).toBe('no');
    expect(shownImportValue('notes', null, 'cs')).toBe('—');
    expect(shownImportValue('postalCode', '405 02', 'cs')).toBe('405 02');
    expect(shownIssueParams({ field: 'startedOn', existing: '1991-06', value: '1991-06-15' }, 'cs')).toEqual({
      field: 'startedOn',
      existing: 'červen 1991',
      value: '15. 6. 1991',
    });
    expect(shownIssueParams({ field: 'notes', existing: '2024-01-01', value: 'x' }, 'cs')).toEqual({
      field: 'notes',
      existing: '2024-01-01',
      value: 'x',
    });
  });
});

describe('the undo of a municipality save', () => {
  it('puts back exactly the fields the save changed, as they were stored', () => {
    const before = {
      name: 'Písek',
      population: 29_000,
      mayorName: null,
      email: 'a@b.cz',
    } as unknown as MunicipalityDetail;
    const after = {
      name: 'Písek',
      population: 30_123,
      mayorName: 'Eva',
      email: 'a@b.cz',
    } as unknown as MunicipalityDetail;
    expect(undoPatch(before, after)).toEqual({ population: 29_000, mayorName: null });
    expect(undoPatch(after, after)).toEqual({});
  });
});
