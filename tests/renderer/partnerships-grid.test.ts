import type { Column, ProcessUnpinnedColumnsParams } from 'ag-grid-community';
import { describe, expect, it, vi } from 'vitest';
import type { PartnershipRow } from '../../shared/domain/partnerships';
import { createI18n } from '../../renderer/lib/i18n';
import {
  areasText,
  columnFiltersInForce,
  partnershipsColumns,
  termText,
} from '../../renderer/features/partnerships/partnerships-columns';
import {
  DEFAULT_PARTNERSHIP_FILTERS,
  membersFiltersLink,
  parseMembersLink,
  parsePartnershipLink,
  partnershipFiltersLink,
  statsFigureLink,
  type PartnershipLinkFilters,
} from '../../renderer/lib/deep-links';
import { DEFAULT_FILTERS, type MemberFilters } from '../../renderer/features/members/members-filters';
import { checkedFigure } from '../../renderer/lib/figure-check';
import type { StatsFilterInput } from '../../shared/domain/statistics/filter';
import { exportColumnIds } from '../../electron/core/services/export/grid-export-service';
import { rememberedState, viewParts, withDefinedPinning } from '../../renderer/components/GridViewsBar';
import { keepPinnedWhilePrinting } from '../../renderer/lib/grid-pinning';
import { quickFilterParser, rankedComparator, withFoldedSearchText } from '../../renderer/lib/czech-grid';
import { compareCzech } from '../../shared/domain/text';

const row: PartnershipRow = {
  id: 1,
  version: 1,
  municipalityId: 1,
  municipalityName: 'Tábor',
  municipalityCode: '552046',
  municipalityIsMember: true,
  districtName: 'Tábor',
  regionCode: 'CZ031',
  regionName: 'Jihočeský kraj',
  foreignTownId: 1,
  townName: 'Konstanz',
  townNameCs: 'Kostnice',
  townOtherNames: null,
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
  source: 'manual',
  importRunId: null,
  verifiedAt: null,
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
    expect(editable).toEqual(['status', 'type', 'startedOn', 'signedOn', 'areas']);
  });

  it('areas and term read in the user language', () => {
    expect(areasText(row, createI18n('cs').tk)).toBe('kultura, sport');
    expect(termText(row, createI18n('cs'))).toBe('do 31. 12. 2030');
    expect(termText({ ...row, termKind: 'indefinite' }, createI18n('en'))).toBe('indefinite');
    // A term the source does not state is not shown as indefinite.
    expect(termText({ ...row, termKind: 'unknown', termUntil: null }, createI18n('cs'))).toBe('neuvedeno');
    expect(termText({ ...row, termKind: 'unknown', termUntil: null }, createI18n('en'))).toBe('not stated');
  });

  it('the country column filter matches the name the cell shows, in the UI language, without diacritics', () => {
    type Params = { data: PartnershipRow };
    /** What AG Grid's text filter compares for a row: the filter value (or the value), folded by its formatter. */
    const filterText = (language: 'cs' | 'en', colId: string, data: PartnershipRow): string | null => {
      const column = partnershipsColumns(createI18n(language), { onOpen: noop, onDelete: noop }).find(
        (c) => c.colId === colId,
      );
      expect(column?.filter).toBe('agTextColumnFilter');
      const getter = column?.filterValueGetter ?? column?.valueGetter;
      const raw: unknown =
        typeof getter === 'function'
          ? (getter as (params: Params) => unknown)({ data })
          : data[column?.field as keyof PartnershipRow];
      const format = (column?.filterParams as { textFormatter?: (value: string | null) => string | null } | undefined)
        ?.textFormatter;
      expect(format).toBeTypeOf('function');
      return format ? format(typeof raw === 'string' ? raw : null) : null;
    };
    // The type and status columns tick codes by their labels (tests/renderer/choice-filter.test.ts).
    // The country column shows and filters by the country's name, not its code.
    expect(filterText('cs', 'country', row)).toBe('nemecko');
    expect(filterText('en', 'country', row)).toBe('germany');
  });

  it('names the column filters in force by header and typed text, for the notice (walkthrough 23)', () => {
    const header = (colId: string) => ({ country: 'Stát', type: 'Typ', startedOn: 'Zahájeno' })[colId] ?? colId;
    expect(columnFiltersInForce(null, header)).toEqual([]);
    expect(
      columnFiltersInForce(
        {
          country: { filterType: 'text', type: 'contains', filter: 'ko' },
          type: {
            filterType: 'text',
            operator: 'OR',
            conditions: [
              { filterType: 'text', type: 'contains', filter: 'smlouva' },
              { filterType: 'text', type: 'contains', filter: 'memorandum' },
            ],
          },
          startedOn: { filterType: 'date', type: 'lessThan', dateFrom: '2000-01-01 00:00:00' },
        },
        header,
      ),
    ).toEqual([
      { column: 'Stát', text: 'ko' },
      { column: 'Typ', text: 'smlouva / memorandum' },
      { column: 'Zahájeno', text: null },
    ]);
  });

  it('reads the deep link filters and ignores junk', () => {
    expect(parsePartnershipLink('#/partnerships?municipality=12&country=de&region=CZ031&provenance=import:7')).toEqual({
      municipalityId: 12,
      countryCode: 'DE',
      regionCode: 'CZ031',
      provenance: 'import:7',
      // One municipality's partnerships, member or not.
      membership: 'all',
      figure: null,
    });
    expect(parsePartnershipLink('#/partnerships?municipality=-1&country=<x>&region=1&provenance=import:x')).toEqual(
      DEFAULT_PARTNERSHIP_FILTERS,
    );
    expect(parsePartnershipLink('#/partnerships?provenance=unverified&membership=nonMembers')).toEqual({
      ...DEFAULT_PARTNERSHIP_FILTERS,
      provenance: 'unverified',
      membership: 'nonMembers',
    });
    expect(parsePartnershipLink('#/partnerships?membership=everyone').membership).toBe('members');
  });

  it('a statistics figure opens its grid with the statistics filter; a wrong one is dropped', () => {
    const filter: StatsFilterInput = {
      region: 'CZ063',
      membership: 'members',
      fromYear: 1990,
      toYear: 2005,
      types: ['formal'],
      statuses: ['active'],
      dormantYears: 5,
    };
    const link = statsFigureLink('dormant', filter);
    expect(link.startsWith('#/partnerships?')).toBe(true);
    const parsed = parsePartnershipLink(link);
    expect(parsed).toMatchObject({ regionCode: 'CZ063', membership: 'members' });
    // A filter saved with one `region` is read as that kraj.
    const { region, ...rest } = filter;
    expect(region).toBe('CZ063');
    const asRead = { ...rest, regions: ['CZ063'], districts: [], orps: [], today: null };
    expect(parsed.figure).toEqual({ figure: 'dormant', filter: asRead });
    expect(statsFigureLink('withActive', filter).startsWith('#/members?')).toBe(true);
    expect(parseMembersLink(statsFigureLink('withActive', filter))).toMatchObject({
      region: 'CZ063',
      membership: 'members',
      figure: { figure: 'withActive', filter: asRead },
    });
    // The municipalities of a territory are counted without the partnerships' years, types and
    // statuses: their link does not carry them (the grid's chip named years that changed nothing).
    expect(parseMembersLink(statsFigureLink('municipalities', filter)).figure?.filter).toMatchObject({
      regions: ['CZ063'],
      fromYear: null,
      toYear: null,
    });
    expect(parseMembersLink(statsFigureLink('municipalities', filter)).figure?.filter.types ?? []).toEqual([]);
    // Several kraje, okresy and ORPs (by code or by a name with separators) travel whole; the
    // grid's own region is set only for a single kraj.
    const territory: StatsFilterInput = {
      regions: ['CZ063', 'CZ064'],
      districts: ['CZ0631'],
      orps: ['6107', 'Tábor, okolí & spol.'],
    };
    const many = parsePartnershipLink(statsFigureLink('partnerships', territory));
    expect(many.regionCode).toBeNull();
    expect(many.figure?.filter).toMatchObject(territory);
    // A members' figure is not one of the Partnerships grid; reversed years are no filter.
    expect(parsePartnershipLink(statsFigureLink('withActive', filter)).figure).toBeNull();
    expect(parsePartnershipLink('#/partnerships?figure=countries').figure).toBeNull();
    // The statistics' rule is checked where the grid uses the figure (loaded then, not with the
    // first screen): what the link holds comes through it as read; reversed years are refused.
    expect(checkedFigure(parsed.figure)).toEqual(parsed.figure);
    const reversed = parsePartnershipLink('#/partnerships?figure=dormant&from=2005&to=1990').figure;
    expect(reversed).toMatchObject({ figure: 'dormant', filter: { fromYear: 2005, toYear: 1990 } });
    expect(checkedFigure(reversed)).toBeNull();
    expect(checkedFigure(parsePartnershipLink('#/partnerships?figure=dormant&type=nonsense').figure)).toBeNull();
  });

  it('the whole filter bar goes into a link and comes back the same (a saved view keeps it so)', () => {
    const partnerships: PartnershipLinkFilters = {
      municipalityId: 7,
      countryCode: 'AT',
      regionCode: null,
      provenance: 'demo',
      membership: 'nonMembers',
      figure: {
        figure: 'expiring',
        filter: parsePartnershipLink(statsFigureLink('expiring', {})).figure?.filter ?? {},
      },
    };
    expect(parsePartnershipLink(partnershipFiltersLink(partnerships))).toEqual(partnerships);
    expect(parsePartnershipLink(partnershipFiltersLink(DEFAULT_PARTNERSHIP_FILTERS))).toEqual(
      DEFAULT_PARTNERSHIP_FILTERS,
    );
    const members: MemberFilters = {
      region: 'CZ031',
      districtId: '12',
      orp: 'Tábor & okolí',
      kind: 'mesto',
      membership: 'all',
      provenance: 'unverified',
      figure: null,
    };
    expect(parseMembersLink(membersFiltersLink(members))).toEqual(members);
    expect(parseMembersLink('')).toEqual(DEFAULT_FILTERS);
    expect(parseMembersLink('#/members?kind=castle&district=x&membership=?')).toEqual(DEFAULT_FILTERS);
  });

  it('a view holds the grid state and the screen; a view saved before holds the grid state alone', () => {
    const grid = { sort: { sortModel: [{ colId: 'townName', sort: 'asc' as const }] } };
    expect(viewParts({ grid, screen: { filters: '#/partnerships?membership=all', search: 'x' } })).toEqual({
      grid,
      screen: { filters: '#/partnerships?membership=all', search: 'x' },
    });
    expect(viewParts(grid)).toEqual({ grid });
    expect(viewParts(null)).toEqual({ grid: {} });
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

  it('a layout saved without pinned columns (while printing) gets the pinning of the definitions back', () => {
    const i18n = createI18n('cs');
    const columns = partnershipsColumns(i18n, { onOpen: () => undefined, onDelete: () => undefined });
    const order = { orderedColIds: columns.flatMap((column) => column.colId ?? column.field ?? []) };
    const healed = withDefinedPinning({ columnOrder: order, sort: { sortModel: [] } }, columns);
    expect(healed?.columnPinning).toEqual({ leftColIds: ['municipalityName'], rightColIds: ['actions'] });
    expect(healed?.columnOrder).toEqual(order);
    // A layout that names its pinning keeps it; no layout stays none.
    const own = { columnPinning: { leftColIds: ['townName'], rightColIds: [] } };
    expect(withDefinedPinning(own, columns)).toBe(own);
    expect(withDefinedPinning(undefined, columns)).toBeUndefined();
    // The tick box column AG Grid adds goes where the grid's selectionColumnDef pins it.
    const ticked = withDefinedPinning({ columnOrder: order }, columns, 'left');
    expect(ticked?.columnPinning).toEqual({
      leftColIds: ['ag-Grid-SelectionColumn', 'municipalityName'],
      rightColIds: ['actions'],
    });
  });

  it('AG Grid unpins no column while the document is laid out for print', () => {
    const overflowing = [{ getColId: () => 'actions' }] as unknown as Column[];
    const params = {
      columns: overflowing,
      viewportWidth: 186,
    } as unknown as ProcessUnpinnedColumnsParams<PartnershipRow>;
    expect(keepPinnedWhilePrinting<PartnershipRow>(() => true)(params)).toEqual([]);
    // On screen, a grid too narrow for its pinned columns: AG Grid's choice stands.
    expect(keepPinnedWhilePrinting<PartnershipRow>(() => false)(params)).toBe(overflowing);
    // By default it asks the document's media.
    const media: string[] = [];
    let print = true;
    vi.stubGlobal('matchMedia', (query: string) => {
      media.push(query);
      return { matches: print };
    });
    try {
      const keep = keepPinnedWhilePrinting<PartnershipRow>();
      expect(keep(params)).toEqual([]);
      print = false;
      expect(keep(params)).toBe(overflowing);
      expect(media).toEqual(['print', 'print']);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe('quick search over folded text', () => {
  it('finds "plzen", "zittau", the type\'s label and the country\'s name regardless of case and diacritics', () => {
    const i18n = createI18n('cs');
    const columns = withFoldedSearchText(
      partnershipsColumns(i18n, { onOpen: () => undefined, onDelete: () => undefined }),
    );
    const plzen: PartnershipRow = { ...row, municipalityName: 'Plzeň', townName: 'Zittau', townNameCs: 'Žitava' };
    // What AG Grid caches for a row: every column's search text, upper-cased, joined by newlines.
    const rowText = columns
      .map((column) => {
        const value = column.field ? (plzen as Record<string, unknown>)[column.field] : undefined;
        const text = column.getQuickFilterText?.({ value, data: plzen } as never);
        return typeof text === 'string' ? text.toUpperCase() : '';
      })
      .join('\n');
    const matches = (typed: string) => quickFilterParser(typed.toUpperCase()).every((part) => rowText.includes(part));
    expect(matches('plzen')).toBe(true);
    expect(matches('PLZEŇ zittau')).toBe(true);
    expect(matches('zitava')).toBe(true);
    expect(matches('partnerstvi smlouva')).toBe(true); // the type's label ("partnerství (smlouva)")…
    expect(matches('neformalni')).toBe(false); // …of this row's type only
    expect(matches('nemecko')).toBe(true); // the country's name
    expect(matches('praha')).toBe(false);
    // Columns that opt out (the actions column) add nothing.
    const actions = columns.find((column) => column.colId === 'actions');
    expect(actions?.getQuickFilterText?.({ value: undefined, data: plzen } as never)).toBe('');
  });
});

describe('quick search over the partner town’s other names', () => {
  it('finds Wien by „Vienna“ and Moskva by „Москва“, shown in no column', () => {
    const columns = withFoldedSearchText(
      partnershipsColumns(createI18n('cs'), { onOpen: () => undefined, onDelete: () => undefined }),
    );
    const rowText = (data: PartnershipRow) =>
      columns
        .map((column) => {
          const value = column.field ? (data as Record<string, unknown>)[column.field] : undefined;
          const text = column.getQuickFilterText?.({ value, data } as never);
          return typeof text === 'string' ? text.toUpperCase() : '';
        })
        .join('\n');
    const matches = (data: PartnershipRow, typed: string) =>
      quickFilterParser(typed.toUpperCase()).every((part) => rowText(data).includes(part));
    const wien: PartnershipRow = {
      ...row,
      townName: 'Wien',
      townNameCs: 'Vídeň',
      townOtherNames: 'Vienna',
      countryCode: 'AT',
    };
    expect(matches(wien, 'vienna')).toBe(true);
    expect(matches(wien, 'VIENNA tabor')).toBe(true);
    expect(matches(wien, 'viden')).toBe(true);
    expect(matches({ ...wien, townOtherNames: null }, 'vienna')).toBe(false);
    const moskva: PartnershipRow = {
      ...row,
      townName: 'Moskva',
      townNameCs: 'Moskva',
      townOtherNames: 'Moscow\nМосква',
    };
    expect(matches(moskva, 'москва')).toBe(true);
    expect(matches(moskva, 'moscow')).toBe(true);
    // No column of the grid shows the other names.
    expect(columns.some((column) => column.field === ('townOtherNames' as never))).toBe(false);
  });
});

describe('Czech sort with remembered ranks', () => {
  it('orders exactly like the collator before and after the ranks are built, also with new names', async () => {
    const compare = rankedComparator(compareCzech);
    const names = ['Chrudim', 'Cheb', 'Humpolec', 'Černošice', 'Cvikov', 'Žatec', 'Zlín', 'Šumperk', 'Cheb', 'cheb'];
    const expected = [...names].sort(compareCzech);
    expect([...names].sort(compare)).toEqual(expected);
    await new Promise((resolve) => setTimeout(resolve, 0)); // the ranks are built after the sort
    expect([...names].sort(compare)).toEqual(expected);
    const more = [...names, 'Hořice', 'Chomutov', 'Ústí nad Orlicí'];
    expect([...more].sort(compare)).toEqual([...more].sort(compareCzech));
    expect(compare('Cheb', 'Cheb')).toBe(0);
  });

  it('learned names sort by rank without calling the collator; new names merge in order', () => {
    let calls = 0;
    const compare = rankedComparator((a, b) => {
      calls += 1;
      return compareCzech(a, b);
    });
    const names = ['Chrudim', 'Cheb', 'Humpolec', 'Černošice', 'Cvikov', 'Žatec', 'Zlín', 'Šumperk', 'cheb'];
    compare.learn(names);
    calls = 0;
    expect([...names].sort(compare)).toEqual([...names].sort(compareCzech));
    expect(calls).toBe(0);
    compare.learn(['Hořice', 'Ústí nad Orlicí', 'Cheb']);
    const more = [...names, 'Hořice', 'Ústí nad Orlicí'];
    calls = 0;
    expect([...more].sort(compare)).toEqual([...more].sort(compareCzech));
    expect(calls).toBe(0);
  });
});
