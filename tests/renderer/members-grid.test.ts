import { describe, expect, it } from 'vitest';
import type { MunicipalityRow } from '../../shared/domain/schemas';
import { createI18n } from '../../renderer/lib/i18n';
import { exportColumnIds } from '../../electron/core/services/export/grid-export-service';
import { membersColumns, parseNumberText } from '../../renderer/features/members/members-columns';
import {
  DEFAULT_FILTERS,
  filterMembers,
  hasFilters,
  orpOptions,
} from '../../renderer/features/members/members-filters';
import { requestsColumns, requesterOf } from '../../renderer/features/requests/requests-columns';
import type { RequestRow } from '../../shared/domain/request-rules';

const row = (over: Partial<MunicipalityRow>): MunicipalityRow => ({
  id: 1,
  code: '552046',
  name: 'Tábor',
  kind: 'mesto',
  districtId: 10,
  districtName: 'Tábor',
  regionId: 3,
  regionCode: 'CZ031',
  regionName: 'Jihočeský kraj',
  orpCode: null,
  orpName: 'Tábor',
  population: 34200,
  latitude: null,
  longitude: null,
  street: null,
  postalCode: null,
  ico: null,
  mayorName: null,
  mayorGender: null,
  website: null,
  source: 'manual',
  importRunId: null,
  verifiedAt: null,
  email: null,
  isMember: true,
  memberSince: '1993-01-01',
  memberUntil: null,
  activePartnerships: 2,
  partnerships: 3,
  version: 1,
  ...over,
});

const rows = [
  row({ id: 1 }),
  row({ id: 2, name: 'Chýnov', kind: 'obec', orpName: 'Tábor', isMember: false, memberUntil: '2020-01-01' }),
  row({ id: 3, name: 'Písek', districtId: 11, districtName: 'Písek', orpName: 'Písek' }),
  row({
    id: 4,
    name: 'Cheb',
    regionId: 4,
    regionCode: 'CZ041',
    regionName: 'Karlovarský kraj',
    districtId: 20,
    orpName: 'Cheb',
    isMember: false,
    memberSince: null,
  }),
];

describe('Members grid logic', () => {
  it('filters by region, district, ORP, kind and membership together (members by default)', () => {
    const all = { ...DEFAULT_FILTERS, membership: 'all' } as const;
    expect(filterMembers(rows, all).map((r) => r.id)).toEqual([1, 2, 3, 4]);
    expect(filterMembers(rows, { ...all, region: 'CZ031' }).map((r) => r.id)).toEqual([1, 2, 3]);
    expect(filterMembers(rows, { ...all, region: 'CZ031', districtId: '10' }).map((r) => r.id)).toEqual([1, 2]);
    expect(filterMembers(rows, { ...all, orp: 'Tábor', kind: 'obec' }).map((r) => r.id)).toEqual([2]);
    // The statistics' rule: a member has isMember; a former member is a non-member.
    expect(filterMembers(rows, DEFAULT_FILTERS).map((r) => r.id)).toEqual([1, 3]);
    expect(filterMembers(rows, { ...all, membership: 'nonMembers' }).map((r) => r.id)).toEqual([2, 4]);
    expect(hasFilters(DEFAULT_FILTERS)).toBe(false);
    expect(hasFilters(all)).toBe(true);
    expect(hasFilters({ ...DEFAULT_FILTERS, kind: 'obec' })).toBe(true);
  });

  it('shows only the rows of a statistics figure, none before core answered', () => {
    const figure = { figure: 'withActive', filter: {} } as const;
    expect(filterMembers(rows, { ...DEFAULT_FILTERS, figure }).map((r) => r.id)).toEqual([]);
    expect(filterMembers(rows, { ...DEFAULT_FILTERS, figure }, new Set([3, 4])).map((r) => r.id)).toEqual([3]);
  });

  it('offers the ORP of the chosen region in Czech order', () => {
    expect(orpOptions(rows, DEFAULT_FILTERS)).toEqual(['Cheb', 'Písek', 'Tábor']);
    expect(orpOptions(rows, { ...DEFAULT_FILTERS, region: 'CZ031' })).toEqual(['Písek', 'Tábor']);
  });

  it('reads numbers typed the Czech or English way and keeps text it cannot read', () => {
    expect(parseNumberText('1 234')).toBe(1234);
    expect(parseNumberText('1\u00a0234')).toBe(1234);
    expect(parseNumberText('1,234')).toBe(1234);
    expect(parseNumberText('49,4131')).toBe(49.4131);
    expect(parseNumberText('')).toBeNull();
    expect(parseNumberText('hodně')).toBe('hodně');
  });

  it('every data column can be exported under the same id, so an export writes what the grid shows', () => {
    const ids = membersColumns(createI18n('cs'), { onOpen: () => undefined })
      .map((c) => c.colId ?? c.field ?? '')
      .filter((id) => id !== 'open');
    expect(ids.sort()).toEqual(exportColumnIds('members').sort());
  });

  it('has every field of the data model as a column, the less used hidden, simple fields editable', () => {
    const columns = membersColumns(createI18n('cs'), { onOpen: () => undefined });
    const ids = columns.map((c) => c.colId ?? c.field);
    for (const field of [
      'name',
      'code',
      'kind',
      'membership',
      'districtName',
      'regionName',
      'orpName',
      'orpCode',
      'population',
      'mayorName',
      'mayorGender',
      'activePartnerships',
      'partnerships',
      'memberSince',
      'memberUntil',
      'email',
      'website',
      'street',
      'postalCode',
      'ico',
      'latitude',
      'longitude',
    ]) {
      expect(ids).toContain(field);
    }
    const hidden = columns.filter((c) => c.hide === true).map((c) => c.colId ?? c.field);
    expect(hidden).toEqual(expect.arrayContaining(['ico', 'latitude', 'longitude', 'street', 'postalCode', 'orpCode']));
    expect(hidden).not.toContain('name');
    const editable = columns.filter((c) => c.editable === true).map((c) => c.field);
    expect(editable).toEqual(expect.arrayContaining(['name', 'population', 'mayorName', 'email']));
    expect(editable).not.toContain('code');
    const header = (id: string) => columns.find((c) => (c.colId ?? c.field) === id)?.headerName;
    expect(header('activePartnerships')).toBe('Aktivní partnerství');
    expect(
      membersColumns(createI18n('en'), { onOpen: () => undefined }).find((c) => c.field === 'name')?.headerName,
    ).toBe('Municipality');
    // "ORP" is explained where it is named (walkthrough 19), in either language.
    const orp = membersColumns(createI18n('en'), { onOpen: () => undefined }).find((c) => c.field === 'orpName');
    expect(orp?.headerTooltip).toContain('a municipality with extended powers');
    expect(columns.find((c) => c.field === 'orpCode')?.headerTooltip).toContain('obec s rozšířenou působností');
  });

  it('names the requester by direction and localises country names', () => {
    const base = { wantedCountryCodes: ['AT', 'DE'], themes: ['culture'] } as const;
    expect(
      requesterOf({
        ...base,
        direction: 'member_seeks',
        municipalityName: 'Tábor',
        requesterName: null,
        foreignTownName: null,
      } as unknown as RequestRow),
    ).toBe('Tábor');
    expect(
      requesterOf({
        ...base,
        direction: 'foreign_seeks',
        municipalityName: null,
        requesterName: 'Freistadt',
        foreignTownName: null,
      } as unknown as RequestRow),
    ).toBe('Freistadt');
    const columns = requestsColumns(createI18n('cs'));
    const wanted = columns.find((c) => c.colId === 'wantedCountries');
    const getter = wanted?.valueGetter;
    expect(typeof getter).toBe('function');
    if (typeof getter === 'function') {
      const value = getter({ data: { ...base, direction: 'member_seeks' } } as never);
      expect(value).toBe('Rakousko, Německo');
    }
  });
});
