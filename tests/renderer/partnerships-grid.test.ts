import { describe, expect, it } from 'vitest';
import type { PartnershipRow } from '../../shared/domain/partnerships';
import { createI18n } from '../../renderer/lib/i18n';
import { areasText, partnershipsColumns, termText } from '../../renderer/features/partnerships/partnerships-columns';
import { parsePartnershipLink } from '../../renderer/features/partnerships/deep-link';
import { exportColumnIds } from '../../electron/core/services/export/grid-export-service';
import { rememberedState } from '../../renderer/components/GridViewsBar';

const row: PartnershipRow = {
  id: 1,
  version: 1,
  municipalityId: 1,
  municipalityName: 'Tábor',
  municipalityCode: '552046',
  districtName: 'Tábor',
  regionCode: 'CZ031',
  regionName: 'Jihočeský kraj',
  foreignTownId: 1,
  townName: 'Konstanz',
  townNameCs: 'Kostnice',
  townAdminRegion: null,
  townPopulation: 86000,
  countryCode: 'DE',
  type: 'formal',
  status: 'active',
  startedOn: '1984-01-01',
  signedOn: null,
  termKind: 'fixed',
  termUntil: '2030-12-31',
  areas: ['culture', 'sport'],
  lastActivityOn: null,
};

const noop = () => undefined;

describe('Partnerships grid columns (pure)', () => {
  it('every data column can be exported under the same id, so an export writes what the grid shows', () => {
    const ids = partnershipsColumns(createI18n('cs'), { onOpen: noop, onDelete: noop })
      .map((c) => c.colId)
      .filter((id) => id !== 'actions');
    expect(ids.sort()).toEqual(exportColumnIds('partnerships').sort());
  });

  it('only type, status, dates and areas are edited inline', () => {
    const editable = partnershipsColumns(createI18n('cs'), { onOpen: noop, onDelete: noop })
      .filter((c) => c.editable === true)
      .map((c) => c.colId);
    expect(editable).toEqual(['type', 'status', 'startedOn', 'signedOn', 'areas']);
  });

  it('areas and term read in the user language', () => {
    expect(areasText(row, createI18n('cs').tk)).toBe('kultura, sport');
    expect(termText(row, createI18n('cs'))).toBe('do 31. 12. 2030');
    expect(termText({ ...row, termKind: 'indefinite' }, createI18n('en'))).toBe('indefinite');
  });

  it('reads the deep link filters and ignores junk', () => {
    expect(parsePartnershipLink('#/partnerships?municipality=12&country=de&region=CZ031')).toEqual({
      municipalityId: 12,
      countryCode: 'DE',
      regionCode: 'CZ031',
    });
    expect(parsePartnershipLink('#/partnerships?municipality=-1&country=<x>&region=1')).toEqual({
      municipalityId: null,
      countryCode: null,
      regionCode: null,
    });
    expect(parsePartnershipLink('#/partnerships')).toEqual({
      municipalityId: null,
      countryCode: null,
      regionCode: null,
    });
  });

  it('a saved view keeps columns, sort and filters but not focus or scroll', () => {
    const kept = rememberedState({
      sort: { sortModel: [{ colId: 'townName', sort: 'asc' }] },
      filter: { filterModel: { regionName: { filterType: 'text', type: 'contains', filter: 'kraj' } } },
      focusedCell: { colId: 'townName', rowIndex: 3, rowPinned: null },
      scroll: { top: 100, left: 0 },
    });
    expect(Object.keys(kept).sort()).toEqual(['filter', 'sort']);
  });
});
