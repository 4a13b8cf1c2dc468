import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderByCzech } from '../../../electron/core/db/dialect/collation';
import { onServer } from '../../support/server-db';
import { createTestApp, ok, type TestApp } from '../../support/temp-db';

/**
 * Czech order where text is sorted in SQL (issue 15 item 3): ch comes after h, Č after C. On
 * PostgreSQL the server sorts with its ICU collation; SQLite sorts by code points and the
 * repository sorts again. The same order on both engines (npm run test:unit and test:unit:pg).
 */
const NAMES = ['Jihlava', 'Chrudim', 'Hradec', 'Cheb', 'Čáslav', 'Cvikov'];
const CZECH = ['Cvikov', 'Čáslav', 'Hradec', 'Cheb', 'Chrudim', 'Jihlava'];

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp({ demo: true });
});
afterAll(async () => {
  await app.cleanup();
});

describe('Czech order in SQL', () => {
  it('sorts Hradec < Cheb < Chrudim < Jihlava and C < Č on the server; SQLite leaves it to the caller', async () => {
    const db = app.ctx.db.knex;
    const values = db.raw(`(${NAMES.map(() => 'select cast(? as text) as n').join(' union all ')}) as v`, NAMES);
    const query = db.select('n').from(values);
    const czechInSql = await orderByCzech(db, query, 'n');
    const sorted = ((await query) as { n: string }[]).map((row) => row.n);
    if (onServer()) {
      expect(czechInSql).toBe(true);
      expect(sorted).toEqual(CZECH);
    } else {
      // No Czech collation in SQLite's driver: code-point order, which the caller sorts again.
      expect(czechInSql).toBe(false);
      expect(sorted).toEqual([...NAMES].sort());
    }
  });

  it("a member's overview lists the contacts of a partnership in Czech order on both engines", async () => {
    const db = app.ctx.db.knex;
    const partnership = await db('partnerships')
      .orderBy('id')
      .first<{ id: number; municipality_id: number }>('id', 'municipality_id');
    for (const name of NAMES)
      await ok(app.dispatch('contacts:create', { partnershipId: partnership.id, side: 'partner', name }));
    const overview = await ok<{ contacts: { partnershipId: number; side: string; name: string }[] }>(
      app.dispatch('municipalities:overview', { id: partnership.municipality_id }),
    );
    const names = overview.contacts
      .filter((contact) => contact.partnershipId === partnership.id && contact.side === 'partner')
      .map((contact) => contact.name)
      .filter((name) => NAMES.includes(name));
    expect(names).toEqual(CZECH);
  });
});
