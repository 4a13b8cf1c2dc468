import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MunicipalityDetail, MunicipalityInput } from '../../../shared/domain/municipality-rules';
import type { MemberOverview } from '../../../shared/ipc/channels/members';
import type { AuditEntry, District, MunicipalityRow } from '../../../shared/domain/schemas';
import { expandRows, type CompactRows } from '../../../shared/ipc/compact-rows';
import { createTestApp, ok, type TestApp } from '../../support/temp-db';
import { JsonText, resultText } from '../../../shared/ipc/json-text';
import { createDispatch } from '../../../electron/core/dispatch';
import { createHandlers } from '../../../electron/core/handlers';

const HOSTILE = '<img src=x onerror=alert(1)>';

describe('members service against real SQLite', () => {
  let app: TestApp;
  let district: District;
  beforeEach(async () => {
    app = await createTestApp({ demo: true });
    const districts = await ok<District[]>(app.dispatch('districts:list', {}));
    const found = districts.find((d) => d.code === 'CZ0317');
    if (!found) throw new Error('demo has district Tábor');
    district = found;
  });
  afterEach(async () => {
    await app.cleanup();
  });

  it('gives the Members grid in compact form: field names once, one array per row, the same rows as the list (issue 16)', async () => {
    const rows = await ok<MunicipalityRow[]>(app.dispatch('municipalities:list', {}));
    // The tests' dispatch checks the answer against its schema: each row, made into its object,
    // must be a valid Members row (booleans and counts as numbers, on both engines).
    const compact = await ok<CompactRows>(app.dispatch('municipalities:grid', {}));
    expect(compact.rows).toHaveLength(rows.length);
    expect(compact.rows.every((values) => values.length === compact.fields.length)).toBe(true);
    expect(JSON.stringify(compact).length).toBeLessThan(JSON.stringify(rows).length * 0.7);
    const expanded = expandRows<MunicipalityRow>(JSON.parse(JSON.stringify(compact)) as CompactRows);
    expect(expanded).toEqual(rows);
    expect(expanded.some((row) => row.partnerships > 0 && row.isMember)).toBe(true);
    expect(expanded.some((row) => row.partnerships === 0)).toBe(true);
  });

  it('sends the Members grid as the text core wrote: the same answer, read anew at every load (issue 16)', async () => {
    // As the web bridge and the Electron shell run dispatch: the answer stays text.
    const hosts = createDispatch(createHandlers(app.ctx), { jsonText: true, validateOutput: true });
    const grid = async () => {
      const answer = await hosts('municipalities:grid', {});
      if (!answer.ok || !(answer.value instanceof JsonText)) throw new Error('the grid answers its JSON text');
      return JSON.parse(resultText(answer)) as { ok: true; value: CompactRows };
    };
    const list = () => ok<MunicipalityRow[]>(app.dispatch('municipalities:list', {}));
    expect(expandRows<MunicipalityRow>((await grid()).value)).toEqual(await list());
    // Whatever the database holds, written underneath without an audit entry: quotes, a backslash,
    // a line break, a non-member, no partnership (counts 0, not null).
    const [first] = await list();
    if (!first) throw new Error('demo data has members');
    await app.ctx.db
      .knex('municipalities')
      .where({ id: first.id })
      .update({ name: 'Lhota "u" \\ Tábora\nII', is_member: false });
    await app.ctx.db.knex('partnerships').where({ municipality_id: first.id }).delete();
    const after = expandRows<MunicipalityRow>((await grid()).value);
    expect(after).toEqual(await list());
    expect(after.find((row) => row.id === first.id)).toMatchObject({
      name: 'Lhota "u" \\ Tábora\nII',
      isMember: false,
      partnerships: 0,
      activePartnerships: 0,
    });
  });

  const input = (over: Partial<MunicipalityInput> = {}): MunicipalityInput => ({
    code: '599999',
    name: 'Zkušební Lhota',
    kind: 'obec',
    districtId: district.id,
    orpCode: null,
    orpName: 'Tábor',
    population: 420,
    latitude: 49.35,
    longitude: 14.7,
    street: null,
    postalCode: '391 01',
    ico: '00253014',
    mayorName: 'Jana Nová',
    mayorGender: 'f',
    website: 'https://www.lhota.cz',
    email: 'obec@lhota.cz',
    isMember: true,
    memberSince: '2024-01-01',
    memberUntil: null,
    notes: null,
    ...over,
  });

  const history = (id: number) =>
    ok<AuditEntry[]>(app.dispatch('audit:history', { table: 'municipalities', recordId: id }));

  it('creates a member with the region following the district, and audits it', async () => {
    const created = await ok<MunicipalityDetail>(
      app.dispatch('municipalities:create', input({ name: 'Čechtice'.normalize('NFD') })),
    );
    expect(created.name).toBe('Čechtice'); // NFC at the gate
    expect(created.regionId).toBe(district.regionId);
    expect(created.regionCode).toBe('CZ031');
    expect(created.version).toBe(1);
    const entries = await history(created.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]?.action).toBe('insert');
    expect(entries[0]?.changes).toContainEqual({ field: 'code', from: null, to: '599999' });
    const rows = await ok<{ id: number }[]>(app.dispatch('municipalities:list', {}));
    expect(rows.some((r) => r.id === created.id)).toBe(true);
  });

  it('lists only the asked members; each change of a member names its row', async () => {
    app.events.length = 0;
    const created = await ok<MunicipalityDetail>(app.dispatch('municipalities:create', input()));
    const updated = await ok<MunicipalityDetail>(
      app.dispatch('municipalities:update', { id: created.id, version: created.version, patch: { population: 430 } }),
    );
    const { auditId } = await ok<{ auditId: number }>(
      app.dispatch('municipalities:delete', { id: created.id, version: updated.version }),
    );
    await ok(app.dispatch('municipalities:restore', { auditId }));
    const named = app.events
      .filter((e) => e.event === 'data:changed')
      .map((e) => (e.payload as { municipalityIds?: number[] }).municipalityIds);
    expect(named).toEqual([[created.id], [created.id], [created.id], [created.id]]);
    const some = await ok<{ id: number; population: number | null }[]>(
      app.dispatch('municipalities:list', { ids: [created.id, 999_999] }),
    );
    expect(some).toEqual([expect.objectContaining({ id: created.id, population: 430 })]);

    // A member with partnerships: its change also names their grid rows (they show its name).
    const rows = await ok<{ id: number; name: string; version: number }[]>(app.dispatch('municipalities:list', {}));
    const tabor = rows.find((r) => r.name === 'Tábor');
    if (!tabor) throw new Error('demo has Tábor');
    const theirs = (await app.ctx.db
      .knex('partnerships')
      .where({ municipality_id: tabor.id })
      .orderBy('id')
      .pluck('id')) as number[];
    expect(theirs.length).toBeGreaterThan(0);
    app.events.length = 0;
    await ok(
      app.dispatch('municipalities:update', { id: tabor.id, version: tabor.version, patch: { population: 34_000 } }),
    );
    expect(app.events.map((e) => e.payload)).toEqual([
      { tables: ['municipalities'], municipalityIds: [tabor.id], partnershipIds: theirs },
    ]);
  });

  it('refuses a duplicate code, a code with a wrong check digit, a bad IČO and coordinates outside Czechia, and writes nothing', async () => {
    const before = await app.ctx.db.knex('municipalities').count<{ n: number }[]>({ n: '*' }).first();
    const duplicate = await app.dispatch('municipalities:create', input({ code: '552046' }));
    expect(duplicate).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: { issues: [{ path: 'code', message: 'validation.codeTaken' }] } },
    });
    // A typo in a code names no municipality: its ČSÚ check digit is wrong (walkthrough 20).
    const typo = await app.dispatch('municipalities:create', input({ code: '599998' }));
    expect(typo).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        details: { issues: [{ path: 'code', message: 'validation.municipalityCodeCheck' }] },
      },
    });
    const ico = await app.dispatch('municipalities:create', input({ ico: '12345678' }));
    expect(ico).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: { issues: [{ path: 'ico', message: 'validation.ico' }] } },
    });
    const vienna = await app.dispatch('municipalities:create', input({ latitude: 48.2082, longitude: 16.3738 }));
    expect(vienna).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const unknownDistrict = await app.dispatch('municipalities:create', input({ districtId: 99_999 }));
    expect(unknownDistrict).toMatchObject({
      ok: false,
      error: { details: { issues: [{ path: 'districtId', message: 'validation.unknownDistrict' }] } },
    });
    const after = await app.ctx.db.knex('municipalities').count<{ n: number }[]>({ n: '*' }).first();
    expect(after?.n).toBe(before?.n);
    expect(
      await app.ctx.db
        .knex('audit_log')
        .where({ table_name: 'municipalities' })
        .count<{ n: number }[]>({ n: '*' })
        .first(),
    ).toEqual({ n: 0 });
  });

  it('updates with a version check: a stale edit is a CONFLICT and changes nothing', async () => {
    const created = await ok<MunicipalityDetail>(app.dispatch('municipalities:create', input()));
    const updated = await ok<MunicipalityDetail>(
      app.dispatch('municipalities:update', {
        id: created.id,
        version: 1,
        patch: { mayorName: HOSTILE, population: 430 },
      }),
    );
    expect(updated).toMatchObject({ mayorName: HOSTILE, population: 430, version: 2 });
    const stale = await app.dispatch('municipalities:update', {
      id: created.id,
      version: 1,
      patch: { mayorName: 'Druhý' },
    });
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const current = await ok<MunicipalityDetail>(app.dispatch('municipalities:get', { id: created.id }));
    expect(current.mayorName).toBe(HOSTILE);
    const entries = await history(created.id);
    expect(entries.map((e) => e.action)).toEqual(['update', 'insert']);
    expect(entries[0]?.changes).toEqual([
      { field: 'population', from: 420, to: 430 },
      { field: 'mayorName', from: 'Jana Nová', to: HOSTILE },
    ]);
    // A cross-field rule is checked against the merged record.
    const badEnd = await app.dispatch('municipalities:update', {
      id: created.id,
      version: 2,
      patch: { memberUntil: '2020-01-01' },
    });
    expect(badEnd).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: { issues: [{ path: 'memberUntil' }] } },
    });
    // Changing the district moves the region with it.
    const districts = await ok<District[]>(app.dispatch('districts:list', {}));
    const other = districts.find((d) => d.regionId !== district.regionId);
    if (!other) throw new Error('demo has two regions');
    const moved = await ok<MunicipalityDetail>(
      app.dispatch('municipalities:update', { id: created.id, version: 2, patch: { districtId: other.id } }),
    );
    expect(moved.regionId).toBe(other.regionId);
  });

  it('ends membership with a date not before it began', async () => {
    const created = await ok<MunicipalityDetail>(app.dispatch('municipalities:create', input()));
    const early = await app.dispatch('municipalities:endMembership', {
      id: created.id,
      version: 1,
      endedOn: '2023-12-31',
    });
    expect(early).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: { issues: [{ path: 'endedOn' }] } },
    });
    const ended = await ok<MunicipalityDetail>(
      app.dispatch('municipalities:endMembership', { id: created.id, version: 1, endedOn: '2026-06-30' }),
    );
    expect(ended).toMatchObject({ isMember: false, memberUntil: '2026-06-30', version: 2 });
    const entries = await history(created.id);
    expect(entries[0]?.changes).toEqual(
      expect.arrayContaining([
        { field: 'isMember', from: true, to: false },
        { field: 'memberUntil', from: null, to: '2026-06-30' },
      ]),
    );
  });

  it('deletes a member with its partnerships and restores all of it from the audit entry', async () => {
    const knex = app.ctx.db.knex;
    const withPartnerships = await knex('municipalities as m')
      .join('partnerships as p', 'p.municipality_id', 'm.id')
      .join('activities as a', 'a.partnership_id', 'p.id')
      .first<{ id: number; version: number }>('m.id', 'm.version');
    const count = async (table: string) => Number((await knex(table).count<{ n: number }[]>({ n: '*' }).first())?.n);
    const tables = [
      'municipalities',
      'partnerships',
      'partnership_areas',
      'contacts',
      'activities',
      'partnership_requests',
    ];
    const before = await Promise.all(tables.map(count));
    const overviewBefore = await ok<MemberOverview>(
      app.dispatch('municipalities:overview', { id: withPartnerships.id }),
    );

    const stale = await app.dispatch('municipalities:delete', {
      id: withPartnerships.id,
      version: withPartnerships.version + 5,
    });
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const { auditId } = await ok<{ auditId: number }>(
      app.dispatch('municipalities:delete', { id: withPartnerships.id, version: withPartnerships.version }),
    );
    expect(await count('municipalities')).toBe((before[0] ?? 0) - 1);
    expect(await count('partnerships')).toBeLessThan(before[1] ?? 0);
    expect(await app.dispatch('municipalities:get', { id: withPartnerships.id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });

    await ok(app.dispatch('municipalities:restore', { auditId }));
    expect(await Promise.all(tables.map(count))).toEqual(before);
    const overviewAfter = await ok<MemberOverview>(
      app.dispatch('municipalities:overview', { id: withPartnerships.id }),
    );
    expect(overviewAfter).toEqual(overviewBefore);
    const again = await app.dispatch('municipalities:restore', { auditId });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect((await history(withPartnerships.id)).slice(0, 2).map((e) => e.action)).toEqual(['restore', 'delete']);
  });

  it('gives a member overview with partnerships, activities, contacts and requests', async () => {
    const knex = app.ctx.db.knex;
    const requested = await knex('partnership_requests')
      .whereNotNull('municipality_id')
      .first<{ municipality_id: number }>('municipality_id');
    const member = await knex('partnerships')
      .join('contacts', 'contacts.partnership_id', 'partnerships.id')
      .first<{ municipality_id: number }>('municipality_id');
    for (const id of [requested.municipality_id, member.municipality_id]) {
      const overview = await ok<MemberOverview>(app.dispatch('municipalities:overview', { id }));
      const partnerships = await knex('partnerships')
        .where({ municipality_id: id })
        .count<{ n: number }[]>({ n: '*' })
        .first();
      expect(overview.partnerships).toHaveLength(Number(partnerships?.n));
      expect(overview.municipality.partnerships).toBe(Number(partnerships?.n));
      for (const c of overview.contacts) expect(overview.partnerships.map((p) => p.id)).toContain(c.partnershipId);
      for (const a of overview.activities) expect(a.townName).not.toBe('');
    }
    const withRequests = await ok<MemberOverview>(
      app.dispatch('municipalities:overview', { id: requested.municipality_id }),
    );
    expect(withRequests.requests.length).toBeGreaterThan(0);
    const withContacts = await ok<MemberOverview>(
      app.dispatch('municipalities:overview', { id: member.municipality_id }),
    );
    expect(withContacts.contacts.length).toBeGreaterThan(0);
  });
});
