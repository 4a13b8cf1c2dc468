import type { ColumnState, GridApi, IRowNode, PostSortRowsParams } from 'ag-grid-community';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../../renderer/lib/i18n';
import { membersColumns } from '../../renderer/features/members/members-columns';
import {
  defaultSortOf,
  foldSearch,
  isDefaultSort,
  nameMatch,
  nameMatchesFirst,
  nameMatchesFirstAfterSort,
} from '../../renderer/features/members/members-search-rank';
import { sortByCzech } from '../../shared/domain/text';

/**
 * Walkthrough 27 #7: "zdar" on all municipalities listed the 188 rows of the Žďár district from
 * "Baliny", the town Žďár nad Sázavou and the villages named Žďár last. While the screen's own sort
 * is in force, the names that answer the search come first (starting with it, then holding it),
 * each group in Czech order (the grid's sort), the rest after them.
 */
type Row = { name: string; districtName: string };
const row = (name: string, districtName = 'Žďár nad Sázavou'): Row => ({ name, districtName });

/** What the quick search lets through for "zdar", as the grid sorts it: by name, in Czech order. */
const found = (): Row[] =>
  sortByCzech(
    [
      row('Žďárec'),
      row('Herálec'),
      row('Žďár', 'Blansko'),
      row('Chlum-Korouhvice'),
      row('Nový Žďár', 'Blansko'),
      row('Baliny'),
      row('Žďár nad Sázavou'),
      row('Cikháj'),
      row('Žďár nad Metují', 'Náchod'),
      row('Částkov'),
      row('Malá Žďárka', 'Blansko'),
      row('Zdaboř', 'Písek'),
    ],
    (r) => r.name,
  );
const names = (rows: readonly Row[]) => rows.map((r) => r.name);

describe('the names that answer the search come first (Members)', () => {
  it('names starting with the search, then names holding it, then the rest; each group in Czech order', () => {
    const rows = found();
    // The grid's own order: Czech (Č after C, Ch after H), the Žďár towns last.
    expect(names(rows)).toEqual([
      'Baliny',
      'Cikháj',
      'Částkov',
      'Herálec',
      'Chlum-Korouhvice',
      'Malá Žďárka',
      'Nový Žďár',
      'Zdaboř',
      'Žďár',
      'Žďár nad Metují',
      'Žďár nad Sázavou',
      'Žďárec',
    ]);
    expect(nameMatchesFirst(rows, foldSearch('zdar'), (r) => r.name)).toBe(true);
    expect(names(rows)).toEqual([
      'Žďár',
      'Žďár nad Metují',
      'Žďár nad Sázavou',
      'Žďárec',
      'Malá Žďárka',
      'Nový Žďár',
      'Baliny',
      'Cikháj',
      'Částkov',
      'Herálec',
      'Chlum-Korouhvice',
      'Zdaboř',
    ]);
  });

  it('ignores case and diacritics on both sides, as the quick search does', () => {
    for (const typed of ['ŽĎÁR', 'Zdar', '  žďár  ']) {
      const rows = found();
      nameMatchesFirst(rows, foldSearch(typed), (r) => r.name);
      expect(names(rows).slice(0, 6)).toEqual([
        'Žďár',
        'Žďár nad Metují',
        'Žďár nad Sázavou',
        'Žďárec',
        'Malá Žďárka',
        'Nový Žďár',
      ]);
    }
    const search = foldSearch('Žďár  nad');
    expect(search).toEqual({ text: 'zdar nad', words: ['zdar', 'nad'] });
    if (search === null) return;
    expect(nameMatch('zdar nad sazavou', search)).toBe(0);
    // Every word, not in the typed order: held, not started with.
    expect(nameMatch('nad zdarem', search)).toBe(1);
    expect(nameMatch('zdarec', search)).toBe(2);
    expect(foldSearch('   ')).toBeNull();
  });

  it('leaves the order alone without a search, or when no name (or every name) answers it', () => {
    for (const search of ['', 'blansko']) {
      const rows = found();
      const before = names(rows);
      expect(nameMatchesFirst(rows, foldSearch(search), (r) => r.name)).toBe(false);
      expect(names(rows)).toEqual(before);
    }
    const all = [row('Žďár'), row('Žďárec')];
    expect(nameMatchesFirst(all, foldSearch('zdar'), (r) => r.name)).toBe(false);
    expect(names(all)).toEqual(['Žďár', 'Žďárec']);
  });
});

describe('only under the screen’s own sort', () => {
  const columns = membersColumns(createI18n('cs'), { onOpen: () => undefined });
  const screen = defaultSortOf(columns);
  const state = (...sorted: Pick<ColumnState, 'colId' | 'sort' | 'sortIndex'>[]): ColumnState[] => [
    ...sorted,
    { colId: 'code', sort: null },
  ];

  it('the screen sorts by the name, A to Z', () => {
    expect(screen).toEqual([{ colId: 'name', sort: 'asc' }]);
    expect(isDefaultSort(state({ colId: 'name', sort: 'asc', sortIndex: 0 }), screen)).toBe(true);
    expect(isDefaultSort(state({ colId: 'name', sort: 'desc', sortIndex: 0 }), screen)).toBe(false);
    expect(isDefaultSort(state({ colId: 'districtName', sort: 'asc', sortIndex: 0 }), screen)).toBe(false);
    expect(isDefaultSort(state(), screen)).toBe(false);
    expect(
      isDefaultSort(
        state({ colId: 'name', sort: 'asc', sortIndex: 0 }, { colId: 'population', sort: 'desc', sortIndex: 1 }),
        screen,
      ),
    ).toBe(false);
  });

  it('the grid’s hook reads the search the grid filters by and its sort', () => {
    const rank = nameMatchesFirstAfterSort<Row>((r) => r.name, screen);
    const sortAfter = (quickFilterText: string, sorted: ColumnState[]) => {
      const nodes = found().map((data) => ({ data }) as IRowNode<Row>);
      const api = {
        getGridOption: (option: string) => (option === 'quickFilterText' ? quickFilterText : undefined),
        getColumnState: () => sorted,
      } as unknown as GridApi<Row>;
      rank({ api, nodes, context: undefined } as PostSortRowsParams<Row>);
      return nodes.map((node) => node.data?.name);
    };
    expect(sortAfter('zdar', state({ colId: 'name', sort: 'asc', sortIndex: 0 }))[0]).toBe('Žďár');
    // A sort of the user's wins entirely (these rows as the grid gave them).
    expect(sortAfter('zdar', state({ colId: 'name', sort: 'desc', sortIndex: 0 }))).toEqual(names(found()));
    expect(sortAfter('zdar', state({ colId: 'districtName', sort: 'asc', sortIndex: 0 }))).toEqual(names(found()));
    expect(sortAfter('', state({ colId: 'name', sort: 'asc', sortIndex: 0 }))).toEqual(names(found()));
  });
});
