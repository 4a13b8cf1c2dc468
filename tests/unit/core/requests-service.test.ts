import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RequestInput, RequestRow } from '../../../shared/domain/request-rules';
import type { AuditEntry } from '../../../shared/domain/schemas';
import { createTestApp, ok, type TestApp } from '../../support/temp-db';

describe('requests service against real SQLite', () => {
  let app: TestApp;
  let memberId: number;
  beforeEach(async () => {
    app = await createTestApp({ demo: true });
    const member = await app.ctx.db.knex('municipalities').where({ code: '552046' }).first<{ id: number }>('id');
    memberId = member.id;
  });
  afterEach(async () => {
    await app.cleanup();
  });

  const memberSeeks = (over: Partial<RequestInput> = {}): RequestInput => ({
    direction: 'member_seeks',
    municipalityId: memberId,
    requesterName: null,
    requesterCountryCode: null,
    wantedCountryCodes: ['AT'],
    wantedSize: 'town',
    themes: ['culture', 'youth'],
    description: '=HYPERLINK("http://x")',
    status: 'new',
    receivedOn: '2026-03-01',
    ...over,
  });
  const foreignSeeks = (over: Partial<RequestInput> = {}): RequestInput => ({
    direction: 'foreign_seeks',
    municipalityId: null,
    requesterName: 'Freistadt',
    requesterCountryCode: 'AT',
    wantedCountryCodes: ['CZ'],
    wantedSize: 'town',
    themes: ['culture', 'sport'],
    description: null,
    status: 'searching',
    receivedOn: '2026-02-01',
    ...over,
  });

  it('creates, lists, updates with a version check, deletes and restores a request, all audited', async () => {
    const created = await ok<RequestRow>(app.dispatch('requests:create', memberSeeks()));
    expect(created).toMatchObject({
      municipalityName: 'Tábor',
      wantedCountryCodes: ['AT'],
      themes: ['culture', 'youth'],
      version: 1,
    });
    expect(created.description).toBe('=HYPERLINK("http://x")');
    const list = await ok<RequestRow[]>(app.dispatch('requests:list', {}));
    expect(list.map((r) => r.id)).toContain(created.id);

    const updated = await ok<RequestRow>(
      app.dispatch('requests:update', { id: created.id, version: 1, values: memberSeeks({ status: 'searching' }) }),
    );
    expect(updated).toMatchObject({ status: 'searching', version: 2 });
    const stale = await app.dispatch('requests:update', {
      id: created.id,
      version: 1,
      values: memberSeeks({ status: 'closed' }),
    });
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    const { auditId } = await ok<{ auditId: number }>(app.dispatch('requests:delete', { id: created.id, version: 2 }));
    expect((await ok<RequestRow[]>(app.dispatch('requests:list', {}))).map((r) => r.id)).not.toContain(created.id);
    const restored = await ok<RequestRow>(app.dispatch('requests:restore', { auditId }));
    expect(restored).toEqual(updated);
    const history = await ok<AuditEntry[]>(
      app.dispatch('audit:history', { table: 'partnership_requests', recordId: created.id }),
    );
    expect(history.map((h) => h.action)).toEqual(['restore', 'delete', 'update', 'insert']);
  });

  it('refuses a request without its requester, or with a made-up country', async () => {
    const noMember = await app.dispatch('requests:create', memberSeeks({ municipalityId: null }));
    expect(noMember).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: { issues: [{ path: 'municipalityId', message: 'validation.required' }] } },
    });
    const czech = await app.dispatch('requests:create', foreignSeeks({ requesterCountryCode: 'CZ' }));
    expect(czech).toMatchObject({
      ok: false,
      error: { details: { issues: [{ path: 'requesterCountryCode', message: 'validation.foreignCountry' }] } },
    });
    const madeUp = await app.dispatch('requests:create', foreignSeeks({ wantedCountryCodes: ['XX'] }));
    expect(madeUp).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: { issues: [{ path: 'wantedCountryCodes.0' }] } },
    });
  });

  it('refuses a request received in the future (a typo of the year), today and earlier are fine', async () => {
    const day = (offset: number) => {
      const date = new Date();
      date.setDate(date.getDate() + offset);
      return `${String(date.getFullYear())}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
    };
    const before = await app.ctx.db.knex('partnership_requests').count<{ n: number }[]>({ n: '*' });
    const later = await app.dispatch('requests:create', foreignSeeks({ receivedOn: day(2) }));
    expect(later).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        details: { issues: [{ path: 'receivedOn', message: 'validation.receivedInFuture' }] },
      },
    });
    expect(await app.ctx.db.knex('partnership_requests').count<{ n: number }[]>({ n: '*' })).toEqual(before);
    const today = await ok<RequestRow>(app.dispatch('requests:create', foreignSeeks({ receivedOn: day(0) })));
    // A date stored before (an older version let it in) does not block an edit of something else.
    await app.ctx.db
      .knex('partnership_requests')
      .where({ id: today.id })
      .update({ received_on: day(30) });
    const edited = await ok<RequestRow>(
      app.dispatch('requests:update', {
        id: today.id,
        version: today.version,
        values: foreignSeeks({ receivedOn: day(30), status: 'searching', description: 'doplněno' }),
      }),
    );
    expect(edited).toMatchObject({ receivedOn: day(30), description: 'doplněno' });
    // Changed to another future day, it is judged.
    expect(
      await app.dispatch('requests:update', {
        id: today.id,
        version: edited.version,
        values: foreignSeeks({ receivedOn: day(31) }),
      }),
    ).toMatchObject({ ok: false, error: { details: { issues: [{ path: 'receivedOn' }] } } });
  });

  /** Turning request `id` (at version 1) into a friendship in preparation of the member, by its own town. */
  const conversion = (id: number, over: Record<string, unknown> = {}) => ({
    id,
    version: 1,
    municipalityId: memberId,
    townName: null,
    townCountryCode: null,
    type: 'friendship',
    status: 'preparation',
    startedOn: null,
    ...over,
  });

  it('turns an accepted request into a partnership in one transaction', async () => {
    const knex = app.ctx.db.knex;
    const request = await ok<RequestRow>(
      app.dispatch('requests:create', foreignSeeks({ requesterName: 'Neue Stadt an der Moldau' })),
    );
    const towns = Number((await knex('foreign_towns').count<{ n: number }[]>({ n: '*' }).first())?.n);

    const missingMember = await app.dispatch('requests:toPartnership', {
      id: request.id,
      version: 1,
      municipalityId: null,
      townName: null,
      townCountryCode: null,
      type: 'friendship',
      status: 'preparation',
      startedOn: null,
    });
    expect(missingMember).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: { issues: [{ path: 'municipalityId' }] } },
    });

    const result = await ok<{ partnershipId: number; request: RequestRow }>(
      app.dispatch('requests:toPartnership', conversion(request.id, { startedOn: '2026-04-01' })),
    );
    expect(result.request).toMatchObject({
      status: 'accepted',
      partnershipId: result.partnershipId,
      municipalityId: memberId,
      partnerTownName: 'Neue Stadt an der Moldau',
      partnerCountryCode: 'AT',
      // The partnership's member, named with it.
      partnerMunicipalityId: memberId,
      partnerMunicipalityName: 'Tábor',
    });
    const partnership = await knex('partnerships').where({ id: result.partnershipId }).first<{
      municipality_id: number;
      type: string;
      started_on: string;
      foreign_town_id: number;
      term_kind: string;
    }>();
    // A request does not state the partnership's term: "not stated" until someone does.
    expect(partnership).toMatchObject({
      municipality_id: memberId,
      type: 'friendship',
      started_on: '2026-04-01',
      term_kind: 'unknown',
    });
    // Its history names the request it was made from by its requester (not just "from a request").
    const history = await ok<{ action: string; changes: { field: string; to: unknown; toName?: string }[] }[]>(
      app.dispatch('audit:history', { table: 'partnerships', recordId: result.partnershipId }),
    );
    expect(history.find((e) => e.action === 'insert')?.changes.find((c) => c.field === 'source')).toEqual({
      field: 'source',
      from: null,
      to: `request ${String(request.id)}`,
      toName: 'Neue Stadt an der Moldau',
    });
    const areas = await knex('partnership_areas')
      .where({ partnership_id: result.partnershipId })
      .orderBy('area')
      .pluck('area');
    expect(areas).toEqual(['culture', 'sport']);
    expect(Number((await knex('foreign_towns').count<{ n: number }[]>({ n: '*' }).first())?.n)).toBe(towns + 1);
    const audited = await knex('audit_log')
      .whereIn('table_name', ['partnerships', 'foreign_towns', 'partnership_requests'])
      .pluck('table_name');
    expect(audited).toEqual(expect.arrayContaining(['partnerships', 'foreign_towns', 'partnership_requests']));

    // Twice is refused; a second request for the same pair finds the town and refuses the duplicate.
    const twice = await app.dispatch('requests:toPartnership', conversion(request.id, { version: 2 }));
    expect(twice).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const second = await ok<RequestRow>(app.dispatch('requests:create', memberSeeks()));
    const partnershipsBefore = Number((await knex('partnerships').count<{ n: number }[]>({ n: '*' }).first())?.n);
    const duplicate = await app.dispatch('requests:toPartnership', {
      id: second.id,
      version: 1,
      municipalityId: null,
      townName: 'neue stadt an der moldau',
      townCountryCode: 'AT',
      type: 'formal',
      status: 'active',
      startedOn: null,
    });
    expect(duplicate).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', details: { issues: [{ path: 'townName', message: 'validation.partnershipExists' }] } },
    });
    expect(Number((await knex('partnerships').count<{ n: number }[]>({ n: '*' }).first())?.n)).toBe(partnershipsBefore);
    expect((await ok<RequestRow[]>(app.dispatch('requests:list', {}))).find((r) => r.id === second.id)?.status).toBe(
      'new',
    );
  });

  it('a request that became a partnership keeps who asked; an edit of its wishes keeps its member', async () => {
    const knex = app.ctx.db.knex;
    const request = await ok<RequestRow>(app.dispatch('requests:create', foreignSeeks({ requesterName: 'Freistadt' })));
    const { request: converted } = await ok<{ partnershipId: number; request: RequestRow }>(
      app.dispatch('requests:toPartnership', conversion(request.id)),
    );
    // Its form has no member field for a foreign town's request: an edit of the description kept
    // nothing of the member the conversion chose (municipality_id was emptied).
    const values = { ...foreignSeeks({ requesterName: 'Freistadt' }), status: 'accepted' as const };
    const edited = await ok<RequestRow>(
      app.dispatch('requests:update', {
        id: request.id,
        version: converted.version,
        values: { ...values, description: 'Hasiči a školy' },
      }),
    );
    expect(edited).toMatchObject({ municipalityId: memberId, partnershipId: converted.partnershipId });
    // Who asked and an open status are refused, naming the field; nothing changes.
    for (const [change, path] of [
      [{ requesterName: 'Linz' }, 'requesterName'],
      [
        {
          direction: 'member_seeks' as const,
          municipalityId: memberId,
          requesterName: null,
          requesterCountryCode: null,
        },
        'direction',
      ],
      [{ status: 'new' as const }, 'status'],
    ] as const) {
      const refused = await app.dispatch('requests:update', {
        id: request.id,
        version: edited.version,
        values: { ...values, ...change },
      });
      expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { issues: [{ path }] } } });
    }
    const closed = await ok<RequestRow>(
      app.dispatch('requests:update', {
        id: request.id,
        version: edited.version,
        values: { ...values, status: 'closed' },
      }),
    );
    expect(closed).toMatchObject({ status: 'closed', municipalityId: memberId, requesterName: 'Freistadt' });
    expect((await knex('partnership_requests').where({ id: request.id }).first('partnership_id')).partnership_id).toBe(
      converted.partnershipId,
    );
  });

  it('a deleted partnership gives its request back the status it had; the undo accepts it again', async () => {
    const request = await ok<RequestRow>(app.dispatch('requests:create', foreignSeeks({ requesterName: 'Freistadt' })));
    const { partnershipId } = await ok<{ partnershipId: number; request: RequestRow }>(
      app.dispatch('requests:toPartnership', conversion(request.id)),
    );
    const find = async () =>
      (await ok<RequestRow[]>(app.dispatch('requests:list', {}))).find((r) => r.id === request.id);
    expect(await find()).toMatchObject({ status: 'accepted', partnershipId });
    const partnership = await app.ctx.db
      .knex('partnerships')
      .where({ id: partnershipId })
      .first<{ version: number }>('version');
    const { auditId } = await ok<{ auditId: number }>(
      app.dispatch('partnerships:delete', { id: partnershipId, version: partnership.version }),
    );
    // "Searching" as before its conversion (it stayed "accepted" with no partnership), and it can
    // be turned into a partnership again.
    expect(await find()).toMatchObject({ status: 'searching', partnershipId: null });
    const history = await ok<{ action: string }[]>(
      app.dispatch('audit:history', { table: 'partnership_requests', recordId: request.id }),
    );
    expect(history[0]?.action).toBe('update');
    await ok(app.dispatch('partnerships:restore', { auditId }));
    expect(await find()).toMatchObject({ status: 'accepted', partnershipId });
  });

  it('a deleted request whose partnership is deleted too comes back only after its partnership', async () => {
    const request = await ok<RequestRow>(app.dispatch('requests:create', memberSeeks()));
    const converted = await ok<{ partnershipId: number; partnershipVersion: number; request: RequestRow }>(
      app.dispatch('requests:toPartnership', conversion(request.id, { townName: 'Freistadt', townCountryCode: 'AT' })),
    );
    const deletedRequest = await ok<{ auditId: number }>(
      app.dispatch('requests:delete', { id: request.id, version: converted.request.version }),
    );
    const deletedPartnership = await ok<{ auditId: number }>(
      app.dispatch('partnerships:delete', { id: converted.partnershipId, version: converted.partnershipVersion }),
    );
    const auditBefore = await app.ctx.db.knex('audit_log').count<{ n: number }[]>({ n: '*' });
    // Said as such (restore the partnership first), not as a record "still referenced".
    for (const refused of [
      await app.dispatch('requests:restore', { auditId: deletedRequest.auditId }),
      await app.dispatch('bin:restore', { auditId: deletedRequest.auditId }),
    ])
      expect(refused).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT', details: { reason: 'undo.partnershipGone' } },
      });
    expect(await app.ctx.db.knex('partnership_requests').where({ id: request.id }).first('id')).toBeUndefined();
    expect(await app.ctx.db.knex('audit_log').count<{ n: number }[]>({ n: '*' })).toEqual(auditBefore);
    await ok(app.dispatch('partnerships:restore', { auditId: deletedPartnership.auditId }));
    const restored = await ok<RequestRow>(app.dispatch('requests:restore', { auditId: deletedRequest.auditId }));
    expect(restored).toMatchObject({ id: request.id, partnershipId: converted.partnershipId });
  });

  it("answers the other side's own open request in the same step; its undo gives both back their status", async () => {
    const knex = app.ctx.db.knex;
    const mine = await ok<RequestRow>(app.dispatch('requests:create', memberSeeks()));
    // Typed by name (no town record yet), as the request form saves it.
    const theirs = await ok<RequestRow>(app.dispatch('requests:create', foreignSeeks({ requesterName: 'Freistadt' })));
    const other = await ok<RequestRow>(app.dispatch('requests:create', foreignSeeks({ requesterName: 'Linz' })));
    const find = async (id: number) =>
      (await ok<RequestRow[]>(app.dispatch('requests:list', {}))).find((r) => r.id === id);
    const toFreistadt = (over: Record<string, unknown> = {}) =>
      conversion(mine.id, { municipalityId: null, townName: 'Freistadt', townCountryCode: 'AT', ...over });

    // Another town's request is not answered by this partnership: refused, nothing written.
    const partnershipsBefore = await knex('partnerships').count<{ n: number }[]>({ n: '*' });
    const wrong = await app.dispatch('requests:toPartnership', toFreistadt({ alsoAccept: [other.id] }));
    expect(wrong).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', details: { issues: [{ path: 'alsoAccept', message: 'validation.requestNotOpen' }] } },
    });
    expect(await knex('partnerships').count<{ n: number }[]>({ n: '*' })).toEqual(partnershipsBefore);
    expect(await find(mine.id)).toMatchObject({ status: 'new', partnershipId: null });

    // A start known to the year only is kept at that precision; unreadable text is named at its field.
    const unreadable = await app.dispatch('requests:toPartnership', toFreistadt({ startedOn: 'loni' }));
    expect(unreadable).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: { issues: [{ path: 'startedOn' }] } },
    });
    const done = await ok<{
      partnershipId: number;
      partnershipVersion: number;
      request: RequestRow;
      alsoAccepted: number[];
    }>(app.dispatch('requests:toPartnership', toFreistadt({ startedOn: '1994', alsoAccept: [theirs.id] })));
    expect(done.alsoAccepted).toEqual([theirs.id]);
    const stored = await knex('partnerships')
      .where({ id: done.partnershipId })
      .first<{ version: number; started_on: string; foreign_town_id: number }>();
    expect(stored).toMatchObject({ version: done.partnershipVersion, started_on: '1994' });
    expect(await find(mine.id)).toMatchObject({ status: 'accepted', partnershipId: done.partnershipId });
    expect(await find(theirs.id)).toMatchObject({
      status: 'accepted',
      partnershipId: done.partnershipId,
      municipalityId: memberId,
      foreignTownId: stored.foreign_town_id,
    });
    expect(await find(other.id)).toMatchObject({ status: 'searching', partnershipId: null });

    // The toast's Undo: the partnership is deleted at the version the conversion gave; both
    // requests get back the status they had, and restoring the partnership accepts both again.
    const { auditId } = await ok<{ auditId: number }>(
      app.dispatch('partnerships:delete', { id: done.partnershipId, version: done.partnershipVersion }),
    );
    expect(await find(mine.id)).toMatchObject({ status: 'new', partnershipId: null });
    expect(await find(theirs.id)).toMatchObject({ status: 'searching', partnershipId: null });
    await ok(app.dispatch('partnerships:restore', { auditId }));
    expect(await find(mine.id)).toMatchObject({ status: 'accepted', partnershipId: done.partnershipId });
    expect(await find(theirs.id)).toMatchObject({ status: 'accepted', partnershipId: done.partnershipId });
  });

  it('suggests foreign towns whose requests fit a member that seeks a partner', async () => {
    const seeker = await ok<RequestRow>(
      app.dispatch(
        'requests:create',
        memberSeeks({ wantedCountryCodes: ['AT'], themes: ['culture', 'sport', 'youth'] }),
      ),
    );
    const good = await ok<RequestRow>(
      app.dispatch('requests:create', foreignSeeks({ themes: ['culture', 'sport'], wantedSize: 'town' })),
    );
    const weak = await ok<RequestRow>(
      app.dispatch('requests:create', foreignSeeks({ requesterName: 'Weitra', themes: ['youth'], wantedSize: 'city' })),
    );
    await ok(
      app.dispatch(
        'requests:create',
        foreignSeeks({ requesterName: 'Passau', requesterCountryCode: 'DE', themes: ['culture'] }),
      ),
    );
    const suggestions = await ok<{ request: RequestRow; score: number }[]>(
      app.dispatch('requests:suggest', { id: seeker.id }),
    );
    expect(suggestions.map((s) => [s.request.id, s.score])).toEqual([
      [good.id, 5],
      [weak.id, 2],
    ]);
  });
});
