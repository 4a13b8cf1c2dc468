import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../../shared/domain/import/report';
import type { PartnershipRow } from '../../../shared/domain/partnerships';
import type { AuditEntry, MunicipalityRow } from '../../../shared/domain/schemas';
import { createTestApp, newMemberInput, ok, type TestApp } from '../../support/temp-db';

const HEADER = 'Obec,Kód obce,Okres,Kód okresu,Kraj,Kód kraje,PSČ,Latitude,Longitude';
const NEW_CITY =
  'BRANDÝS NAD LABEM-STARÁ BOLESLAV,538094,Praha-východ,CZ0209,Středočeský kraj,CZ020,25001,50.1872,14.6633';

describe('provenance: where each record came from, and who verified it when', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp({ demo: true });
  });
  afterEach(async () => {
    await app.cleanup();
  });

  it('a record names the import run that created it; demo and hand-entered records say so', async () => {
    const file = path.join(app.dir, 'obce-2026.csv');
    writeFileSync(file, `${HEADER}\n${NEW_CITY}\n`);
    const handle = await ok<{ file: string }>(app.dispatch('import:openDropped', { path: file }));
    const report = await ok<ImportReport>(
      app.dispatch('import:preview', { kind: 'municipalities', file: handle.file }),
    );
    await ok(app.dispatch('import:commit', { previewId: report.previewId }));
    const { runs } = await ok<{ runs: { id: number; fileName: string }[] }>(app.dispatch('import:history', {}));
    const run = runs.find((r) => r.fileName === 'obce-2026.csv');
    expect(run).toBeDefined();

    const rows = await ok<MunicipalityRow[]>(app.dispatch('municipalities:list', {}));
    const brandys = rows.find((r) => r.code === '538094');
    expect(brandys).toMatchObject({ source: 'import: obce-2026.csv', importRunId: run?.id, verifiedAt: null });
    const tabor = rows.find((r) => r.code === '552046');
    expect(tabor).toMatchObject({ source: 'demo', importRunId: null, verifiedAt: null });
    const partnerships = await ok<PartnershipRow[]>(app.dispatch('partnerships:list', {}));
    expect(partnerships.every((p) => p.source === 'demo' && p.importRunId === null)).toBe(true);

    // Entered by hand: the partnership and its new town say so.
    const created = await ok<PartnershipRow>(
      app.dispatch('partnerships:create', {
        municipalityId: tabor?.id,
        type: 'friendship',
        status: 'proposed',
        town: { name: 'Neustadt an der Waldnaab', countryCode: 'DE' },
      }),
    );
    expect(created.source).toBe('manual');
    const town = await app.ctx.db.knex('foreign_towns').where({ id: created.foreignTownId }).first('source');
    expect(town).toEqual({ source: 'manual' });
    const district = await app.ctx.db.knex('districts').first<{ id: number }>('id');
    const member = await ok<MunicipalityRow>(
      app.dispatch(
        'municipalities:create',
        newMemberInput({ code: '599107', name: 'Zkušební Lhota', districtId: district.id, memberSince: '2024' }),
      ),
    );
    expect(member).toMatchObject({ source: 'manual', memberSince: '2024' });
  });

  it('marks many records verified at once, audited, without changing their version', async () => {
    const before = await ok<PartnershipRow[]>(app.dispatch('partnerships:list', {}));
    const chosen = before.slice(0, 3);
    const ids = chosen.map((r) => r.id);
    // A record deleted meanwhile is skipped, not counted.
    const gone = before[5];
    if (!gone) throw new Error('demo rows missing');
    await ok(app.dispatch('partnerships:delete', { id: gone.id, version: gone.version }));
    const answer = await ok<{ verified: number; auditId: number }>(
      app.dispatch('registry:verify', { table: 'partnerships', ids: [...ids, ids[0], gone.id] }),
    );
    expect(answer).toEqual({ verified: 3, auditId: expect.any(Number) });
    const after = await ok<PartnershipRow[]>(app.dispatch('partnerships:list', { ids }));
    for (const row of after) {
      expect(row.verifiedAt).not.toBeNull();
      expect(row.version).toBe(chosen.find((c) => c.id === row.id)?.version);
    }
    const stored = await app.ctx.db.knex('partnerships').whereIn('id', ids).pluck('verified_by');
    expect(new Set(stored)).toEqual(new Set([await app.ctx.actor()]));
    const history = await ok<AuditEntry[]>(app.dispatch('audit:history', { table: 'partnerships', recordId: ids[0] }));
    expect(history[0]).toMatchObject({ action: 'verify' });
    expect(history[0]?.changes).toEqual([
      { field: 'verifiedAt', from: null, to: after[0]?.verifiedAt },
      { field: 'verifiedBy', from: null, to: await app.ctx.actor() },
    ]);
    // An edit begun before the verification still saves.
    const first = chosen[0];
    if (!first) throw new Error('no row');
    await ok(app.dispatch('partnerships:update', { id: first.id, version: first.version, changes: { notes: 'x' } }));

    const members = await ok<MunicipalityRow[]>(app.dispatch('municipalities:list', { membersOnly: true }));
    const result = await ok<{ verified: number }>(
      app.dispatch('registry:verify', { table: 'municipalities', ids: members.map((m) => m.id) }),
    );
    expect(result.verified).toBe(members.length);
  });

  it('undoes a marking as verified: each record gets back the verification it had, or nothing does', async () => {
    const knex = app.ctx.db.knex;
    const rows = await ok<PartnershipRow[]>(app.dispatch('partnerships:list', {}));
    const [earlier, fresh, other] = rows;
    if (!earlier || !fresh || !other) throw new Error('demo rows missing');
    // One was verified before by someone else; that stays as it was after the undo.
    await knex('partnerships')
      .where({ id: earlier.id })
      .update({ verified_at: '2025-03-01T08:00:00.000Z', verified_by: 'Jana Dřívější' });
    const stored = () =>
      knex('partnerships')
        .whereIn('id', [earlier.id, fresh.id])
        .orderBy('id')
        .select<{ id: number; verified_at: string | null; verified_by: string | null }[]>(
          'id',
          'verified_at',
          'verified_by',
        );
    const before = await stored();
    const { auditId } = await ok<{ auditId: number }>(
      app.dispatch('registry:verify', { table: 'partnerships', ids: [earlier.id, fresh.id] }),
    );
    expect((await stored()).map((row) => row.verified_by)).toEqual([await app.ctx.actor(), await app.ctx.actor()]);
    const undone = await ok<{ restored: number }>(app.dispatch('registry:unverify', { auditId }));
    expect(undone.restored).toBe(2);
    expect(await stored()).toEqual(before);
    const history = await ok<AuditEntry[]>(
      app.dispatch('audit:history', { table: 'partnerships', recordId: fresh.id }),
    );
    expect(history.slice(0, 2).map((entry) => entry.action)).toEqual(['unverify', 'verify']);
    // Undone once: a second undo finds the records changed since and puts nothing back.
    const again = await app.dispatch('registry:unverify', { auditId });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    // Verified again by a colleague after this marking: the undo names the record and changes nothing.
    const second = await ok<{ auditId: number }>(
      app.dispatch('registry:verify', { table: 'partnerships', ids: [fresh.id, other.id] }),
    );
    await knex('partnerships')
      .where({ id: other.id })
      .update({ verified_at: '2099-01-01T00:00:00.000Z', verified_by: 'Kolega' });
    const refused = await app.dispatch('registry:unverify', { auditId: second.auditId });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', details: { reason: 'provenance.verify.undoChanged', id: other.id } },
    });
    expect(
      (await knex('partnerships').where({ id: fresh.id }).first<{ verified_at: string | null }>('verified_at'))
        .verified_at,
    ).not.toBeNull();
    // Not an audit group of a marking: nothing to undo.
    expect(await app.dispatch('registry:unverify', { auditId: 999_999 })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });

    // Members the same way; a member deleted since is skipped.
    const members = await ok<MunicipalityRow[]>(app.dispatch('municipalities:list', { membersOnly: true }));
    const [kept, deleted] = members.filter((m) => m.verifiedAt === null);
    if (!kept || !deleted) throw new Error('demo members missing');
    const marking = await ok<{ auditId: number }>(
      app.dispatch('registry:verify', { table: 'municipalities', ids: [kept.id, deleted.id] }),
    );
    const fetched = await knex('municipalities').where({ id: deleted.id }).first<{ version: number }>('version');
    await ok(app.dispatch('municipalities:delete', { id: deleted.id, version: fetched.version }));
    expect(await ok(app.dispatch('registry:unverify', { auditId: marking.auditId }))).toMatchObject({ restored: 1 });
    expect(
      (await knex('municipalities').where({ id: kept.id }).first<{ verified_at: string | null }>('verified_at'))
        .verified_at,
    ).toBeNull();
  });
});
