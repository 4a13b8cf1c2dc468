import { describe, expect, it } from 'vitest';
import { createRowStore, mergeRows, type DataChange } from '../../renderer/lib/row-store';
import { partnershipsScope } from '../../renderer/features/partnerships/partnerships-store';
import { membersScope } from '../../renderer/features/members/members-store';

type Row = { id: number; name: string };

/**
 * A fake core: a table of rows, counting the calls the store makes. With `slowFirstLoads`, a full
 * load reads the table at once but answers only when the test calls the next of `answer`.
 */
function fakeCore(initial: Row[], options: { slowFirstLoads?: boolean } = {}) {
  const table = new Map(initial.map((row) => [row.id, row]));
  const calls: string[] = [];
  const waiting: (() => void)[] = [];
  let emit: (change: DataChange) => void = () => undefined;
  const store = createRowStore<Row>({
    loadAll: () => {
      calls.push('all');
      const snapshot = [...table.values()];
      if (!options.slowFirstLoads) return Promise.resolve(snapshot);
      return new Promise<Row[]>((resolve) => waiting.push(() => resolve(snapshot)));
    },
    loadSome: (ids) => {
      calls.push(`some ${ids.join(',')}`);
      return Promise.resolve(ids.flatMap((id) => table.get(id) ?? []));
    },
    idOf: (row) => row.id,
    scope: partnershipsScope,
    listen: (handler) => {
      emit = handler;
      return () => undefined;
    },
  });
  return {
    table,
    calls,
    store,
    emit: (change: DataChange) => emit(change),
    answer: () => waiting.shift()?.(),
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('grid rows kept between visits', () => {
  it('merges a partial refresh: replaced, removed, added; the untouched rows stay the same objects', () => {
    const a = { id: 1, name: 'Aš' };
    const b = { id: 2, name: 'Brno' };
    const c = { id: 3, name: 'Cheb' };
    const merged = mergeRows(
      [a, b, c],
      [
        { id: 2, name: 'Brno-město' },
        { id: 4, name: 'Děčín' },
      ],
      [2, 3, 4],
      (r) => r.id,
    );
    expect(merged).toEqual([a, { id: 2, name: 'Brno-město' }, { id: 4, name: 'Děčín' }]);
    expect(merged[0]).toBe(a);
  });

  it('loads once, then applies changes that name their rows with one small call each', async () => {
    const core = fakeCore([
      { id: 1, name: 'Aš' },
      { id: 2, name: 'Brno' },
    ]);
    core.store.ensureLoaded();
    await settle();
    expect(core.store.getState()).toMatchObject({ status: 'ready', rows: [{ id: 1 }, { id: 2 }] });

    core.table.set(2, { id: 2, name: 'Brno-město' });
    core.table.delete(1);
    core.table.set(3, { id: 3, name: 'Cheb' });
    core.emit({ tables: ['partnerships'], partnershipIds: [2] });
    core.emit({ tables: ['partnerships'], partnershipIds: [1] });
    core.emit({ tables: ['activities'], partnershipIds: [3] });
    await settle();
    await settle();
    expect(core.store.getState().rows).toEqual([
      { id: 2, name: 'Brno-město' },
      { id: 3, name: 'Cheb' },
    ]);
    expect(core.calls.filter((c) => c === 'all')).toHaveLength(1);

    // A second visit keeps the rows: no load at all.
    core.store.ensureLoaded();
    await settle();
    expect(core.calls.filter((c) => c === 'all')).toHaveLength(1);
  });

  it('a change committed while the first load is on its way is not lost: its rows are fetched after it', async () => {
    // The first load read the table before the change below; its answer comes after the event.
    const core = fakeCore(
      [
        { id: 1, name: 'Aš' },
        { id: 2, name: 'Brno' },
      ],
      { slowFirstLoads: true },
    );
    core.store.ensureLoaded();
    core.table.set(2, { id: 2, name: 'Brno-město' });
    core.emit({ tables: ['partnerships'], partnershipIds: [2] });
    core.answer();
    await settle();
    await settle();
    expect(core.calls).toEqual(['all', 'some 2']);
    expect(core.store.getState().rows).toEqual([
      { id: 1, name: 'Aš' },
      { id: 2, name: 'Brno-město' },
    ]);

    // A change without ids during a first load: everything is loaded again, the older answer dropped.
    const other = fakeCore([{ id: 1, name: 'Aš' }], { slowFirstLoads: true });
    other.store.ensureLoaded();
    other.table.set(3, { id: 3, name: 'Cheb' });
    other.emit({ tables: ['partnerships', 'municipalities'] });
    expect(other.calls).toEqual(['all', 'all']);
    other.answer(); // the first answer, without Cheb
    await settle();
    expect(other.store.getState().status).toBe('loading');
    other.answer();
    await settle();
    expect(other.store.getState()).toMatchObject({ status: 'ready' });
    expect(other.store.getState().rows?.map((row) => row.name)).toEqual(['Aš', 'Cheb']);
  });

  it('a change without ids reloads at once while the screen is open, else at the next visit', async () => {
    const core = fakeCore([{ id: 1, name: 'Aš' }]);
    const stop = core.store.subscribe(() => undefined);
    core.store.ensureLoaded();
    await settle();
    core.table.set(5, { id: 5, name: 'Jihlava' });
    core.emit({ tables: ['partnerships', 'municipalities'] }); // an import
    await settle();
    expect(core.calls).toEqual(['all', 'all']);
    expect(core.store.getState().rows).toHaveLength(2);

    stop(); // the screen closed
    core.emit({ tables: ['municipalities'] });
    core.emit({ tables: ['partnership_requests'] }); // not shown in the grid
    await settle();
    expect(core.calls).toEqual(['all', 'all']);
    core.store.ensureLoaded(); // the next visit
    await settle();
    expect(core.calls).toEqual(['all', 'all', 'all']);
  });

  it('own changes show at once, before core confirms them', async () => {
    const core = fakeCore([{ id: 1, name: 'Aš' }]);
    core.store.ensureLoaded();
    await settle();
    core.store.patch([
      { id: 1, name: 'Aš (upraveno)' },
      { id: 9, name: 'Zlín' },
    ]);
    expect(core.store.getState().rows).toEqual([
      { id: 1, name: 'Aš (upraveno)' },
      { id: 9, name: 'Zlín' },
    ]);
    core.store.patch([], [9]);
    expect(core.store.getState().rows).toEqual([{ id: 1, name: 'Aš (upraveno)' }]);
  });
});

describe('which rows a change touches', () => {
  it('Partnerships: the named rows, else all when a shown table changed', () => {
    expect(partnershipsScope({ tables: ['activities'], partnershipIds: [4] })).toEqual([4]);
    expect(partnershipsScope({ tables: ['municipalities'], municipalityIds: [7], partnershipIds: [] })).toEqual([]); // a new member
    expect(partnershipsScope({ tables: ['municipalities'] })).toBe('all'); // e.g. an import
    expect(partnershipsScope({ tables: ['partnership_requests'] })).toBe('none');
  });

  it('Members: the named members; a partnership detail alone changes no member row', () => {
    expect(membersScope({ tables: ['partnerships'], partnershipIds: [4], municipalityIds: [7] })).toEqual([7]);
    expect(membersScope({ tables: ['contacts'], partnershipIds: [4] })).toBe('none');
    expect(membersScope({ tables: ['municipalities', 'partnerships'] })).toBe('all'); // an import
    expect(membersScope({ tables: ['agreement_documents'] })).toBe('none');
  });
});
