import { afterEach, describe, expect, it } from 'vitest';
import { markRestore, readRestoreMarker } from '../../../electron/core/repositories/restore-marker-repository';
import { createTestApp, ok, type TestApp } from '../../support/temp-db';
import { fileOnly } from '../../support/server-db';

/**
 * Walkthrough 20, finding 10: a window that read the registry before a backup was restored must
 * not save over the restored records, even when a restored record has the very version that
 * window holds, and its refusal names the restore, not an older edit the restored history names.
 */
let app: TestApp | null = null;
afterEach(async () => {
  await app?.cleanup();
  app = null;
});

type Failure = { ok: false; error: { code: string; details?: Record<string, unknown> } };
const refused = async (promise: Promise<unknown>): Promise<Failure['error']> => {
  const result = (await promise) as { ok: boolean } & Partial<Failure>;
  expect(result.ok).toBe(false);
  if (result.error === undefined) throw new Error('expected a refusal');
  return result.error;
};

const partnership = async (current: TestApp) => {
  const row = await current.ctx.db
    .knex('partnerships')
    .orderBy('id')
    .first<{ id: number; version: number; notes: string | null; signed_place: string | null }>(
      'id',
      'version',
      'notes',
      'signed_place',
    );
  if (row === undefined) throw new Error('no partnership');
  return row;
};
const stored = async (current: TestApp, id: number) =>
  current.ctx.db
    .knex('partnerships')
    .where({ id })
    .first<{ version: number; notes: string | null; signed_place: string | null }>('version', 'notes', 'signed_place');

describe('a window from before a restore', () => {
  it('cannot save over restored records, even at a version the restored record has again', async (context) => {
    fileOnly(context, 'backups are restored into registry files only');
    app = await createTestApp({ demo: true });
    const { dispatch } = app;
    const { id, version } = await partnership(app);
    const backup = await ok<{ name: string }>(dispatch('backups:create', {}));
    // Window B saves after the backup and goes on typing: its form now holds version + 1.
    await ok(dispatch('partnerships:update', { id, version, changes: { notes: 'ZMĚNA PO ZÁLOZE' } }));
    const held = version + 1;
    expect((await stored(app, id))?.version).toBe(held);

    app.events.length = 0;
    await ok(dispatch('backups:restore', { name: backup.name }));
    // Every window hears that the registry was restored, when and from which backup.
    const notice = app.events.find((e) => e.event === 'data:changed')?.payload as Record<string, unknown>;
    expect(notice).toMatchObject({ replaced: true, restore: { backup: backup.name } });
    const marker = await readRestoreMarker(app.ctx.db.knex);
    expect(marker?.backup).toBe(backup.name);
    expect(notice.restore).toEqual({ at: marker?.at, backup: backup.name });

    const restored = await stored(app, id);
    expect(restored?.notes).not.toBe('ZMĚNA PO ZÁLOZE');
    // The restored record's version is above any version a window could hold from before.
    expect(restored?.version).toBeGreaterThan(held);

    // Window A edits the restored record once: before the fix, that gave it version `held` again.
    await ok(dispatch('partnerships:update', { id, version: restored?.version, changes: { notes: 'Po obnovení' } }));
    const after = await stored(app, id);

    // Window B's save, at the version it held: refused, naming the restore (not Jana's old edit).
    const error = await refused(
      dispatch('partnerships:update', { id, version: held, changes: { signedPlace: 'Brzeg' } }),
    );
    expect(error.code).toBe('CONFLICT');
    expect(error.details).toMatchObject({
      reason: 'error.conflictRestored',
      changedAt: marker?.at,
      params: { backup: backup.name },
    });
    // Nothing of it was written; window A's edit stands.
    expect(await stored(app, id)).toEqual(after);
    expect(after?.notes).toBe('Po obnovení');

    // A save based on the restored record goes through.
    await ok(dispatch('partnerships:update', { id, version: after?.version, changes: { signedPlace: 'Brzeg' } }));
    expect((await stored(app, id))?.signed_place).toBe('Brzeg');
  });

  it('a stale delete is refused too, and a second restore raises the versions again', async (context) => {
    fileOnly(context, 'backups are restored into registry files only');
    app = await createTestApp({ demo: true });
    const { dispatch } = app;
    const { id } = await partnership(app);
    const first = await ok<{ name: string }>(dispatch('backups:create', {}));
    await ok(dispatch('backups:restore', { name: first.name }));
    const afterFirst = (await stored(app, id))?.version ?? 0;
    await ok(dispatch('backups:restore', { name: first.name }));
    const afterSecond = (await stored(app, id))?.version ?? 0;
    expect(afterSecond).toBeGreaterThan(afterFirst);
    const error = await refused(dispatch('partnerships:delete', { id, version: afterFirst }));
    expect(error.details?.reason).toBe('error.conflictRestored');
    expect((await stored(app, id))?.version).toBe(afterSecond);
  });
  it('counts the versions of records deleted before the restore: a window holding one cannot save over it', async (context) => {
    fileOnly(context, 'backups are restored into registry files only');
    app = await createTestApp({ demo: true });
    const { dispatch } = app;
    const { id, version } = await partnership(app);
    const backup = await ok<{ name: string }>(dispatch('backups:create', {}));
    // The highest version among the other partnerships: the table's floor once this one is gone.
    const others = await app.ctx.db
      .knex('partnerships')
      .whereNot({ id })
      .max<{ top: number }>({ top: 'version' })
      .first();
    const floorWithout = Number(others?.top ?? 0);
    // Window B edits the partnership until its version is the backup's version plus that floor,
    // the very version the restore gives it back with when the deleted record is not counted.
    let held = version;
    for (let step = 0; step < floorWithout; step += 1) {
      await ok(dispatch('partnerships:update', { id, version: held, changes: { notes: `Úprava ${step + 1}` } }));
      held += 1;
    }
    // Window A deletes it (the bin keeps it), then the backup is restored.
    await ok(dispatch('partnerships:delete', { id, version: held }));
    await ok(dispatch('backups:restore', { name: backup.name }));
    const restored = await stored(app, id);
    expect(restored).toBeDefined();
    expect(restored?.version).toBeGreaterThan(held);
    // Window B, still holding the version it last saw, is refused and told of the restore.
    const error = await refused(
      dispatch('partnerships:update', { id, version: held, changes: { notes: 'ZASTARALÉ' } }),
    );
    expect(error.details?.reason).toBe('error.conflictRestored');
    expect((await stored(app, id))?.notes).toBe(restored?.notes);
  });
});

describe('the restore marker (both engines)', () => {
  it('refuses a save at a version read before the marked restore and names it; later ones pass', async () => {
    app = await createTestApp({ demo: true });
    const { dispatch } = app;
    const knex = app.ctx.db.knex;
    const { id, version } = await partnership(app);
    const top = await knex('partnerships').max<{ top: number }>({ top: 'version' }).first();
    const floor = Number(top?.top ?? 0);
    const at = '2026-12-07T01:00:00.000Z';
    await markRestore(knex, { at, backup: 'reg.db.2026-12-07.manual.db', floors: { partnerships: floor } });
    expect(await readRestoreMarker(knex)).toEqual({
      at,
      backup: 'reg.db.2026-12-07.manual.db',
      floors: { partnerships: floor },
    });
    const raised = await stored(app, id);
    expect(raised?.version).toBe(version + floor);
    const error = await refused(dispatch('partnerships:update', { id, version, changes: { notes: 'stale' } }));
    expect(error.code).toBe('CONFLICT');
    expect(error.details).toMatchObject({ reason: 'error.conflictRestored', changedAt: at });
    expect((await stored(app, id))?.notes).toBe(raised?.notes);
    await ok(dispatch('partnerships:update', { id, version: raised?.version, changes: { notes: 'fresh' } }));
    expect((await stored(app, id))?.notes).toBe('fresh');
    // Another table without a floor keeps naming who changed the record, as before.
    const town = await knex('foreign_towns').orderBy('id').first<{ id: number; version: number }>('id', 'version');
    await knex('foreign_towns')
      .where({ id: town?.id })
      .update({ version: (town?.version ?? 0) + 1 });
    const other = await refused(
      dispatch('towns:update', { id: town?.id, version: town?.version, patch: { population: 1 } }),
    );
    expect(other.code).toBe('CONFLICT');
    expect(other.details?.reason).not.toBe('error.conflictRestored');
  });
});
