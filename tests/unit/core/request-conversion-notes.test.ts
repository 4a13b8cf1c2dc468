import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { conversionNotes, type RequestInput, type RequestRow } from '../../../shared/domain/request-rules';
import { createTestApp, ok, type TestApp } from '../../support/temp-db';

/**
 * Walkthrough 21, finding 8: a request turned into a partnership left its description
 * ("spolupráce hasičů a škol") on the request only. The partnership's notes start with it, marked
 * as coming from the request; nothing is written when there is none; the history shows it.
 */
describe('a request turned into a partnership keeps its description', () => {
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
    description: 'spolupráce hasičů a škol',
    status: 'searching',
    receivedOn: '2026-05-03',
    ...over,
  });
  const foreignSeeks = (over: Partial<RequestInput> = {}): RequestInput => ({
    direction: 'foreign_seeks',
    municipalityId: null,
    requesterName: 'Freistadt',
    requesterCountryCode: 'AT',
    wantedCountryCodes: ['CZ'],
    wantedSize: 'town',
    themes: ['sport'],
    description: null,
    status: 'new',
    receivedOn: '2026-02-01',
    ...over,
  });
  const toFreistadt = (request: RequestRow, over: Record<string, unknown> = {}) => ({
    id: request.id,
    version: request.version,
    municipalityId: null,
    townName: 'Freistadt',
    townCountryCode: 'AT',
    type: 'unknown',
    status: 'preparation',
    startedOn: null,
    ...over,
  });
  type Stored = { notes: string | null; started_on: string | null; type: string; status: string };
  const partnership = (id: number) => app.ctx.db.knex('partnerships').where({ id }).first<Stored>();

  it('writes the notes the dialog sends, shown in the history like any other value', async () => {
    const request = await ok<RequestRow>(app.dispatch('requests:create', memberSeeks()));
    const proposed = conversionNotes([request]);
    expect(proposed).toBe(`Ze žádosti č. ${String(request.id)} (Tábor, přijata 3. 5. 2026): spolupráce hasičů a škol`);
    const edited = `${proposed ?? ''}\nDoplněno: první setkání v září.`;
    const done = await ok<{ partnershipId: number }>(
      app.dispatch('requests:toPartnership', toFreistadt(request, { notes: edited })),
    );
    expect(await partnership(done.partnershipId)).toMatchObject({
      notes: edited,
      // Not stated by a request: what the user chose, nothing guessed.
      type: 'unknown',
      status: 'preparation',
      started_on: null,
    });
    const history = await ok<{ action: string; changes: { field: string; from: unknown; to: unknown }[] }[]>(
      app.dispatch('audit:history', { table: 'partnerships', recordId: done.partnershipId }),
    );
    expect(history.find((e) => e.action === 'insert')?.changes).toEqual(
      expect.arrayContaining([{ field: 'notes', from: null, to: edited }]),
    );
    // The request keeps its description: nothing moved away from it.
    const after = (await ok<RequestRow[]>(app.dispatch('requests:list', {}))).find((r) => r.id === request.id);
    expect(after?.description).toBe('spolupráce hasičů a škol');
  });

  it('writes no notes when the user emptied the field', async () => {
    for (const notes of ['', '   ', null]) {
      const fresh = await ok<RequestRow>(
        app.dispatch('requests:create', memberSeeks({ description: `popis ${String(notes)}` })),
      );
      const done = await ok<{ partnershipId: number }>(
        app.dispatch(
          'requests:toPartnership',
          toFreistadt(fresh, { townName: `Freistadt ${String(fresh.id)}`, notes }),
        ),
      );
      expect((await partnership(done.partnershipId))?.notes).toBeNull();
    }
  });

  it('without notes from the caller, the request’s description is carried as proposed; none without one', async () => {
    const described = await ok<RequestRow>(app.dispatch('requests:create', memberSeeks()));
    const done = await ok<{ partnershipId: number }>(app.dispatch('requests:toPartnership', toFreistadt(described)));
    expect((await partnership(done.partnershipId))?.notes).toBe(
      `Ze žádosti č. ${String(described.id)} (Tábor, přijata 3. 5. 2026): spolupráce hasičů a škol`,
    );

    const bare = await ok<RequestRow>(
      app.dispatch('requests:create', memberSeeks({ description: null, receivedOn: null })),
    );
    const plain = await ok<{ partnershipId: number }>(
      app.dispatch('requests:toPartnership', toFreistadt(bare, { townName: 'Linz' })),
    );
    expect((await partnership(plain.partnershipId))?.notes).toBeNull();
  });

  it('the other side’s request answered in the same step adds its own description, marked as its', async () => {
    const mine = await ok<RequestRow>(app.dispatch('requests:create', memberSeeks()));
    const theirs = await ok<RequestRow>(
      app.dispatch('requests:create', foreignSeeks({ description: 'Hledáme partnera pro mládežnický fotbal.' })),
    );
    const done = await ok<{ partnershipId: number; alsoAccepted: number[] }>(
      app.dispatch('requests:toPartnership', toFreistadt(mine, { alsoAccept: [theirs.id] })),
    );
    expect(done.alsoAccepted).toEqual([theirs.id]);
    expect((await partnership(done.partnershipId))?.notes).toBe(
      [
        `Ze žádosti č. ${String(mine.id)} (Tábor, přijata 3. 5. 2026): spolupráce hasičů a škol`,
        `Ze žádosti č. ${String(theirs.id)} (Freistadt, přijata 1. 2. 2026): Hledáme partnera pro mládežnický fotbal.`,
      ].join('\n\n'),
    );
  });
});

describe('conversionNotes', () => {
  const base = {
    id: 12,
    direction: 'foreign_seeks' as const,
    municipalityName: null,
    requesterName: null,
    receivedOn: null,
    description: '  spolupráce hasičů\na škol  ',
  };
  it('marks each description with its request and adds nothing it does not know', () => {
    expect(conversionNotes([base])).toBe('Ze žádosti č. 12: spolupráce hasičů\na škol');
    expect(conversionNotes([{ ...base, requesterName: 'Linz', receivedOn: '2026-11-30' }])).toBe(
      'Ze žádosti č. 12 (Linz, přijata 30. 11. 2026): spolupráce hasičů\na škol',
    );
    expect(
      conversionNotes([
        { ...base, description: null },
        { ...base, id: 13, description: ' ' },
      ]),
    ).toBeNull();
    expect(conversionNotes([])).toBeNull();
  });
});
