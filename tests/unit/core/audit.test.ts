import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/domain/errors';
import { insertAudit, updateVersioned } from '../../../electron/core/repositories/audit-repository';
import { createTestApp, ok, type TestApp } from '../../support/temp-db';

describe('audit log and optimistic concurrency', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp({ demo: true });
  });
  afterEach(async () => {
    await app.cleanup();
  });

  it('updates only the version the editor saw; a stale edit is a CONFLICT and changes nothing', async () => {
    const knex = app.ctx.db.knex;
    const row = (await knex('municipalities').first('id', 'version', 'name')) as {
      id: number;
      version: number;
      name: string;
    };
    await updateVersioned(knex, 'municipalities', row.id, row.version, { mayor_name: 'První' });
    const stale = await updateVersioned(knex, 'municipalities', row.id, row.version, { mayor_name: 'Druhý' }).catch(
      (e: unknown) => e,
    );
    expect(stale).toBeInstanceOf(AppError);
    expect((stale as AppError).code).toBe('CONFLICT');
    const after = (await knex('municipalities').where({ id: row.id }).first('mayor_name', 'version')) as {
      mayor_name: string;
      version: number;
    };
    expect(after).toEqual({ mayor_name: 'První', version: row.version + 1 });
    const missing = await updateVersioned(knex, 'municipalities', 999_999, 1, { name: 'x' }).catch((e: unknown) => e);
    expect((missing as AppError).code).toBe('NOT_FOUND');
  });

  it('gives the history of a record with the changed fields, newest first', async () => {
    const knex = app.ctx.db.knex;
    await insertAudit(knex, {
      table: 'partnerships',
      recordId: 1,
      action: 'insert',
      before: null,
      after: { status: 'proposed' },
      actor: 'Jana',
      at: '2026-01-01T10:00:00Z',
    });
    await insertAudit(knex, {
      table: 'partnerships',
      recordId: 1,
      action: 'update',
      before: { status: 'proposed', notes: 'a', version: 1 },
      after: { status: 'active', notes: 'a', version: 2 },
      actor: 'Petr',
      at: '2026-02-01T10:00:00Z',
    });
    const history = await ok<
      { action: string; actor: string; changes: { field: string; from: unknown; to: unknown }[] }[]
    >(app.dispatch('audit:history', { table: 'partnerships', recordId: 1 }));
    expect(history.map((h) => h.action)).toEqual(['update', 'insert']);
    expect(history[0]?.actor).toBe('Petr');
    expect(history[0]?.changes).toEqual([{ field: 'status', from: 'proposed', to: 'active' }]);
    const wrongTable = await app.dispatch('audit:history', { table: 'sqlite_master', recordId: 1 });
    expect(wrongTable).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});
