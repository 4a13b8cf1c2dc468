import type { GridApi } from 'ag-grid-community';
import { describe, expect, it } from 'vitest';
import { firstFeed, followRows, isFeeding, nextStep, stepRows, type Feed } from '../../renderer/lib/feed-rows';
import { allGridsLoaded, currentView, holdViews, shownRowIds } from '../../renderer/lib/grid-view';

const numbered = (count: number, from = 1) => Array.from({ length: count }, (_, index) => ({ id: from + index }));

/** Every step of a feed until it is complete: the lengths the grid was given, in order. */
function feedAll<T>(feed: Feed<T>, step: number): number[] {
  const lengths = [feed.shown?.length ?? 0];
  while (isFeeding(feed)) {
    feed = nextStep(feed, step);
    lengths.push(feed.shown?.length ?? 0);
  }
  return lengths;
}

describe("a grid's big first load goes in in steps (issue 16 target 1)", () => {
  it('gives a first load in parts, each the first rows of the load, and at last the rows themselves', () => {
    const rows = numbered(25);
    const feed = followRows(firstFeed(undefined), rows, 10);
    expect(isFeeding(feed)).toBe(true);
    expect(feed.shown).toEqual(rows.slice(0, 10));
    expect(feedAll(feed, 10)).toEqual([10, 20, 25]);
    let last = feed;
    while (isFeeding(last)) last = nextStep(last, 10);
    expect(last.shown).toBe(rows); // the store's own array: later changes compare with it
    expect(nextStep(last, 10)).toBe(last);
  });

  it('gives a load that fits one step, or any later change, whole', () => {
    const few = numbered(10);
    expect(followRows(firstFeed(undefined), few, 10).shown).toBe(few);
    const rows = numbered(25);
    const shown = followRows(firstFeed(undefined), few, 10);
    expect(followRows(shown, rows, 10).shown).toBe(rows);
    expect(followRows(firstFeed(undefined), undefined, 10)).toEqual({
      rows: undefined,
      shown: undefined,
      first: undefined,
    });
    // A grid made over rows already loaded (the screen opened again) takes them at once.
    expect(isFeeding(firstFeed(rows))).toBe(false);
    expect(firstFeed(rows).shown).toBe(rows);
  });

  it('loses nothing when the rows change while a load goes in: the grid then takes them all at once', () => {
    const rows = numbered(25);
    const feed = nextStep(followRows(firstFeed(undefined), rows, 10), 10);
    expect(feed.shown).toHaveLength(20);
    const changed = [...rows.slice(0, 24), { id: 99 }]; // one row deleted, one added meanwhile
    const after = followRows(feed, changed, 10);
    expect(after.shown).toBe(changed);
    expect(isFeeding(after)).toBe(false);
  });

  it('gives each later step as the rows of that step only, after the part the grid was made with', () => {
    const rows = numbered(25);
    let feed = followRows(firstFeed<{ id: number }>(undefined), rows, 10);
    // The grid is made with the first part (its rowData) and has been given nothing else.
    let given = { first: feed.first, count: feed.first?.length ?? 0 };
    expect(feed.first).toBe(feed.shown);
    expect(stepRows(feed, given)).toEqual([]);
    const added: number[][] = [];
    do {
      feed = nextStep(feed, 10);
      const add = stepRows(feed, given) ?? [];
      added.push(add.map((row) => row.id));
      given = { first: feed.first, count: feed.shown?.length ?? 0 };
    } while (isFeeding(feed));
    // The last step too goes in as its own rows: the grid keeps the first part as its rowData and
    // never compares the whole load again (that took ~0.4 s at L just as the rows showed).
    expect(added).toEqual([Array.from({ length: 10 }, (_, i) => 11 + i), [21, 22, 23, 24, 25]]);
    expect(feed.shown).toBe(rows);
    expect(feed.first).toHaveLength(10);
    expect(stepRows(feed, given)).toEqual([]);
    // Rows that were not fed (a change after the load, a screen opened again) are the rowData whole.
    expect(stepRows(followRows(feed, [...rows], 10), given)).toBeNull();
    expect(stepRows(firstFeed(rows), { first: undefined, count: 0 })).toBeNull();
    // A grid made again mid-feed (another language) holds only the first part: it is given the rest.
    const mid = nextStep(followRows(firstFeed<{ id: number }>(undefined), rows, 10), 10);
    expect(stepRows(mid, { first: undefined, count: 0 })?.map((row) => row.id)).toEqual(
      Array.from({ length: 10 }, (_, i) => 11 + i),
    );
  });

  it('feeds again after the rows went away (a reload) but not after an empty load', () => {
    const rows = numbered(25);
    const done = followRows(followRows(firstFeed(undefined), [], 10), rows, 10);
    expect(done.shown).toHaveLength(10); // an empty grid, then a big load: in steps
    const gone = followRows({ rows, shown: rows, first: rows }, undefined, 10);
    expect(followRows(gone, rows, 10).shown).toHaveLength(10);
  });
});

/** A stand-in for AG Grid's API with the rows it holds now, all shown. */
function fakeGrid(rows: { id: number }[]): GridApi<{ id: number }> {
  const api = {
    isDestroyed: () => false,
    forEachNodeAfterFilterAndSort: (visit: (node: { data: { id: number } }) => void) => {
      for (const data of rows) visit({ data });
    },
    getAllDisplayedColumns: () => [{ getColId: () => 'townName' }],
  };
  return api as unknown as GridApi<{ id: number }>;
}

describe("a grid's view while its first load goes in", () => {
  it('is read once every row is in: an export or a bulk edit never acts on a part', async () => {
    const rows = numbered(10);
    const api = fakeGrid(rows);
    let allIn = () => undefined as unknown;
    holdViews(new Promise<void>((resolve) => (allIn = resolve)));
    let read = false;
    const view = currentView(api);
    const ids = shownRowIds(api).then((found) => ((read = true), found));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(read).toBe(false); // still waiting
    rows.push(...numbered(15, 11)); // the last steps went in
    allIn();
    const { rowIds, columns } = await view;
    expect(rowIds).toEqual(numbered(25).map((row) => row.id));
    expect(columns).toEqual(['townName']);
    expect(await ids).toHaveLength(25);
    // Afterwards nothing waits.
    expect(await shownRowIds(api)).toHaveLength(25);
  });

  it('is read at once for a grid that is not loading, and is empty without a grid', async () => {
    expect(await shownRowIds(fakeGrid(numbered(3)))).toEqual([1, 2, 3]);
    expect(await shownRowIds(null)).toEqual([]);
  });

  it('a print waits until no grid on the screen is taking its first rows', async () => {
    const ends: (() => void)[] = [];
    for (let grid = 0; grid < 2; grid += 1) holdViews(new Promise<void>((resolve) => ends.push(resolve)));
    let ready = false;
    const printing = allGridsLoaded().then(() => (ready = true));
    ends[0]?.();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(ready).toBe(false); // the second grid is still loading
    ends[1]?.();
    await printing;
    expect(ready).toBe(true);
    await allGridsLoaded(); // nothing held: at once
  });
});
