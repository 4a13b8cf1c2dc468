import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventName, EventPayload } from '../../../shared/ipc/contract';
import { auditedChange } from '../../../electron/core/services/audited-change';
import { createTestApp, type TestApp } from '../../support/temp-db';

describe('auditedChange: the one way a write happens', () => {
  let app: TestApp;
  let events: unknown[];
  beforeEach(async () => {
    app = await createTestApp({ demo: true });
    events = [];
    app.ctx.emit = <E extends EventName>(event: E, payload: EventPayload<E>) => {
      if (event === 'data:changed') events.push(payload);
    };
  });
  afterEach(async () => {
    await app.cleanup();
  });

  const auditCount = async () =>
    Number((await app.ctx.db.knex('audit_log').count<{ n: number }[]>({ n: '*' }))[0]?.n ?? 0);

  it('a change that fails leaves no row, no audit entry and no data:changed', async () => {
    const [member] = await app.ctx.db.knex('municipalities').select<{ id: number; name: string }[]>('id', 'name');
    const entriesBefore = await auditCount();
    await expect(
      auditedChange(app.ctx, async ({ trx, audit, touch }) => {
        await trx('municipalities').where({ id: member?.id }).update({ name: 'Přepsáno' });
        await audit({ table: 'municipalities', recordId: member?.id ?? 0, action: 'update', before: {}, after: {} });
        touch({ tables: ['municipalities'], municipalityIds: [member?.id ?? 0] });
        throw new Error('the disk is full');
      }),
    ).rejects.toThrow('the disk is full');
    expect(await app.ctx.db.knex('municipalities').where({ id: member?.id }).first('name')).toEqual({
      name: member?.name,
    });
    expect(await auditCount()).toBe(entriesBefore);
    expect(events).toEqual([]);
  });

  it('a change that succeeds writes its audit entries by one actor and time and announces everything it touched once', async () => {
    await app.ctx.preferences.set({ actorName: 'Jana Nováková' });
    const ids = await auditedChange(app.ctx, async ({ audit, touch }) => {
      const first = await audit({ table: 'partnerships', recordId: 1, action: 'verify', before: null, after: {} });
      const second = await audit({ table: 'partnerships', recordId: 2, action: 'verify', before: null, after: {} });
      touch({ tables: ['partnerships'], partnershipIds: [1], municipalityIds: [7] });
      touch({ tables: ['partnerships', 'contacts'], partnershipIds: [2] });
      return [first, second];
    });
    const rows = await app.ctx.db
      .knex('audit_log')
      .whereIn('id', ids)
      .select<{ actor: string; at: string }[]>('actor', 'at');
    expect(rows.map((row) => row.actor)).toEqual(['Jana Nováková', 'Jana Nováková']);
    expect(new Set(rows.map((row) => row.at)).size).toBe(1);
    // The second touch names no members: any Members row may have changed, so none are listed.
    expect(events).toEqual([{ tables: ['partnerships', 'contacts'], partnershipIds: [1, 2] }]);
  });

  it('jobs live on the context: a cancel reaches only the named running job', async () => {
    const seen: boolean[] = [];
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const running = app.ctx.jobs.run({ jobId: 'batch-1', kind: 'agreements' }, async (job) => {
      await gate;
      seen.push(job.cancelled);
      job.throwIfCancelled();
    });
    expect(app.ctx.jobs.running('agreements')).toBe(1);
    expect(app.ctx.jobs.running('import')).toBe(0);
    expect(app.ctx.jobs.cancel('batch-2')).toBe(false);
    expect(app.ctx.jobs.cancel('batch-1')).toBe(true);
    release();
    await expect(running).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(seen).toEqual([true]);
    expect(app.ctx.jobs.running('agreements')).toBe(0);
    expect(app.ctx.jobs.cancel('batch-1')).toBe(false);
  });
});
