/**
 * The version an inline grid edit saves against: the row's version when its editor opened, not
 * when it closed. A colleague's change that arrives while the editor is open (the live refresh
 * puts their row in place) must make the save a conflict, never be overwritten by it: AG Grid's
 * `cellValueChanged` carries the row as it is at the end, with the colleague's version.
 *
 * The window's own saves of the same row in between (Tab to the next cell while the last save is
 * on its way) are not someone else's: their versions are remembered and passed over, and the saves
 * of one row go one after another, each with the version the one before it left.
 */
export type InlineEditVersions = {
  /** An editor opened on a row's cell (AG Grid's `cellEditingStarted`). */
  started: (rowId: number, column: string, version: number) => void;
  /** The version the row had when the editor of this cell opened (`current` when none was seen); forgets it. */
  baseOf: (rowId: number, column: string, current: number) => number;
  /**
   * Runs a save of a row after the row's earlier saves; `save` gets the version to send: `base`
   * moved past the versions this window's own saves made since.
   */
  inTurn: <T extends { version: number }>(
    rowId: number,
    base: number,
    save: (version: number) => Promise<T>,
  ) => Promise<T>;
  /** A save of this window (an undo, say) left the row at this version. */
  saved: (rowId: number, version: number) => void;
};

export function createInlineEditVersions(): InlineEditVersions {
  const opened = new Map<string, number>();
  const own = new Map<number, Set<number>>();
  const queues = new Map<number, Promise<unknown>>();
  const saved = (rowId: number, version: number) => {
    const versions = own.get(rowId) ?? new Set<number>();
    versions.add(version);
    own.set(rowId, versions);
  };
  return {
    started: (rowId, column, version) => opened.set(`${String(rowId)}:${column}`, version),
    baseOf: (rowId, column, current) => {
      const key = `${String(rowId)}:${column}`;
      const version = opened.get(key);
      opened.delete(key);
      return version ?? current;
    },
    inTurn: (rowId, base, save) => {
      const run = async () => {
        let version = base;
        const mine = own.get(rowId);
        while (mine?.has(version + 1)) version += 1;
        const row = await save(version);
        saved(rowId, row.version);
        return row;
      };
      const before = queues.get(rowId) ?? Promise.resolve();
      const next = before.then(run, run);
      const settled = next.catch(() => undefined);
      queues.set(rowId, settled);
      // The last save of a row forgets its queue once done.
      void settled.then(() => {
        if (queues.get(rowId) === settled) queues.delete(rowId);
      });
      return next;
    },
    saved,
  };
}
