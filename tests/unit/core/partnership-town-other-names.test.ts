import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatch } from '../../../electron/core/dispatch';
import { createHandlers } from '../../../electron/core/handlers';
import type { PartnershipRow } from '../../../shared/domain/partnerships';
import { expandRows, type CompactRows } from '../../../shared/ipc/compact-rows';
import { JsonText } from '../../../shared/ipc/json-text';
import { createTestApp, ok, type TestApp } from '../../support/temp-db';

/*
 * Migration 0024 named Vienna Wien, keeping „Vienna“ among its other names: the Partnerships quick
 * search found Wien by „Wien“ and „Vídeň“, not by „Vienna“, because the grid's row did not carry the
 * town's other names. The row now carries them (alternates and native name), in every form the grid
 * gets it: the rows as objects, the compact answer and the text core writes for the first load.
 */
describe('the Partnerships grid row carries the partner town’s other names', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp({ demo: true });
  });
  afterEach(async () => {
    await app.cleanup();
  });

  /** A partnership of Tábor with a new town, the town's card then given `patch`. */
  async function partnerOfTabor(name: string, countryCode: string, patch: Record<string, unknown>) {
    const tabor = await app.ctx.db.knex('municipalities').where({ code: '552046' }).first<{ id: number }>('id');
    const row = await ok<PartnershipRow>(
      app.dispatch('partnerships:create', {
        municipalityId: tabor.id,
        type: 'friendship',
        status: 'active',
        town: { name, countryCode },
      }),
    );
    const card = await ok<{ version: number }>(app.dispatch('towns:card', { id: row.foreignTownId }));
    await ok(app.dispatch('towns:update', { id: row.foreignTownId, version: card.version, patch }));
    return row.id;
  }

  it('alternates one a line, the native name unless the row has it already, null when none', async () => {
    const wien = await partnerOfTabor('Wien', 'AT', { nameCs: 'Vídeň', altNames: ['Vienna'] });
    const moskva = await partnerOfTabor('Moskva', 'RU', { altNames: ['Moscow'], nameNative: 'Москва' });
    const athina = await partnerOfTabor('Athina', 'GR', { nameNative: 'Αθήνα' });
    const plain = await partnerOfTabor('Dole', 'FR', { nameNative: 'Dole' });

    const expected = new Map<number, string | null>([
      [wien, 'Vienna'],
      [moskva, 'Moscow\nМосква'],
      [athina, 'Αθήνα'],
      [plain, null],
    ]);
    const otherNames = (rows: PartnershipRow[]) =>
      new Map([...expected.keys()].map((id) => [id, rows.find((r) => r.id === id)?.townOtherNames]));

    // The rows as objects (every caller but the first load) and the compact answer.
    expect(otherNames(await ok<PartnershipRow[]>(app.dispatch('partnerships:list', {})))).toEqual(expected);
    expect(otherNames(expandRows(await ok<CompactRows>(app.dispatch('partnerships:grid', {}))))).toEqual(expected);
    // The text core writes for the grid's first load (SQLite writes it itself), checked against the schema.
    const hosts = createDispatch(createHandlers(app.ctx), { jsonText: true, validateOutput: true });
    const sent = await hosts('partnerships:grid', {});
    if (!sent.ok || !(sent.value instanceof JsonText)) throw new Error('the grid answers its JSON text');
    expect(otherNames(expandRows<PartnershipRow>(sent.value.parse() as CompactRows))).toEqual(expected);
    // One row refreshed after a change (the grid's refresh by ids).
    const [one] = await ok<PartnershipRow[]>(app.dispatch('partnerships:list', { ids: [moskva] }));
    expect(one?.townOtherNames).toBe('Moscow\nМосква');
    // The detail of the partnership (the same row with more) too.
    expect((await ok<PartnershipRow>(app.dispatch('partnerships:get', { id: wien }))).townOtherNames).toBe('Vienna');
  });
});
