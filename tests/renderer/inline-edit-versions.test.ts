import { describe, expect, it } from 'vitest';
import { createInlineEditVersions } from '../../renderer/lib/inline-edit-versions';

describe('the version an inline edit saves against', () => {
  it('is the version the editor opened on, not the one a colleague’s refresh left on the row', () => {
    const versions = createInlineEditVersions();
    versions.started(7, 'startedOn', 3);
    // The colleague's save arrived while the editor was open: the row now says version 4.
    expect(versions.baseOf(7, 'startedOn', 4)).toBe(3);
    // Forgotten once used; an edit whose opening was not seen takes the row's version.
    expect(versions.baseOf(7, 'startedOn', 4)).toBe(4);
  });

  it('passes over the window’s own saves since the editor opened, one save of a row after another', async () => {
    const versions = createInlineEditVersions();
    const sent: number[] = [];
    let server = 3;
    const save = async (version: number) => {
      sent.push(version);
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (version !== server) throw new Error(`conflict at ${String(version)}`);
      server += 1;
      return { version: server };
    };
    // Status saved, then Tab opens the start's editor before that save has come back.
    versions.started(7, 'status', 3);
    versions.started(7, 'startedOn', 3);
    const first = versions.inTurn(7, versions.baseOf(7, 'status', 3), save);
    const second = versions.inTurn(7, versions.baseOf(7, 'startedOn', 3), save);
    await expect(first).resolves.toEqual({ version: 4 });
    await expect(second).resolves.toEqual({ version: 5 });
    expect(sent).toEqual([3, 4]);
    // A colleague's save (6) between the opening and the save is not passed over: a conflict.
    versions.started(7, 'type', 5);
    server = 6;
    await expect(versions.inTurn(7, versions.baseOf(7, 'type', 6), save)).rejects.toThrow('conflict at 5');
    // A failed save does not hold up the next one of the row.
    await expect(versions.inTurn(7, 6, save)).resolves.toEqual({ version: 7 });
  });
});
