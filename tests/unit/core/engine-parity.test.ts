import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ZodType } from 'zod';
import { driverFailure } from '../../../electron/core/db/dialect/index';
import { redactLocation, scrubPassword } from '../../../electron/core/db/dialect/postgres';
import { knownFailure } from '../../../electron/core/dispatch';
import { municipalityFieldsSchema } from '../../../shared/domain/municipality-rules';
import {
  activityFieldsSchema,
  contactFieldsSchema,
  foreignTownInputSchema,
  MONEY_MAX,
  partnershipFieldsObject,
} from '../../../shared/domain/partnership-rules';
import type { RequestInput, RequestRow } from '../../../shared/domain/request-rules';
import { townCardFieldsSchema } from '../../../shared/domain/town-card';
import type { DerivedDistricts } from '../../../shared/domain/statistics/district-shapes';
import type { MapData } from '../../../shared/domain/statistics/map';
import { onServer } from '../../support/server-db';
import { createTestApp, ok, type TestApp } from '../../support/temp-db';

/**
 * The same meaning on SQLite and PostgreSQL (issue 15 item 3): this file runs in both runs
 * (`npm run test:unit` and `npm run test:unit:pg`), so each rule is held on both engines.
 */
describe(`the same meaning on both engines (this run: ${onServer() ? 'PostgreSQL' : 'SQLite'})`, () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp({ demo: true });
  });
  afterEach(async () => {
    await app.cleanup();
  });

  it('lists requests newest first and undated ones last', async () => {
    const member = await app.ctx.db.knex('municipalities').orderBy('id').first<{ id: number }>('id');
    const request = (receivedOn: string | null): RequestInput => ({
      direction: 'member_seeks',
      municipalityId: member.id,
      requesterName: null,
      requesterCountryCode: null,
      wantedCountryCodes: ['AT'],
      wantedSize: null,
      themes: [],
      description: null,
      status: 'new',
      receivedOn,
    });
    await app.ctx.db.knex('partnership_requests').delete();
    const ids: Record<string, number> = {};
    for (const date of ['2020-01-01', null, '2023-05-05', '2021-07-07']) {
      ids[String(date)] = (await ok<RequestRow>(app.dispatch('requests:create', request(date)))).id;
    }
    const list = await ok<RequestRow[]>(app.dispatch('requests:list', {}));
    expect(list.map((row) => row.id)).toEqual([ids['2023-05-05'], ids['2021-07-07'], ids['2020-01-01'], ids.null]);
  });

  it('every text column is guarded by its rule: a longer text is refused at the gate on both engines', async () => {
    const rules: [string, ZodType[]][] = [
      ['municipalities', [municipalityFieldsSchema]],
      ['partnerships', [partnershipFieldsObject]],
      ['foreign_towns', [townCardFieldsSchema, foreignTownInputSchema]],
      ['contacts', [contactFieldsSchema]],
      ['activities', [activityFieldsSchema]],
    ];
    let checked = 0;
    for (const [table, schemas] of rules) {
      const columns = await app.ctx.db.knex(table).columnInfo();
      for (const [column, info] of Object.entries(columns)) {
        if (info.maxLength === null || info.maxLength === undefined) continue;
        const field = column.replace(/_(\w)/g, (_, c: string) => c.toUpperCase());
        for (const schema of schemas) {
          const shape = (schema as unknown as { shape: Record<string, ZodType | undefined> }).shape;
          const rule = shape[field];
          if (!rule) continue;
          const tooLong = 'a'.repeat(Number(info.maxLength) + 1);
          expect(rule.safeParse(tooLong).success, `${table}.${column} (${String(info.maxLength)})`).toBe(false);
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThan(40);
    // A 201-character town name through the gate: VALIDATION naming the field, nothing stored.
    const member = await app.ctx.db.knex('municipalities').orderBy('id').first<{ id: number }>('id');
    const answer = await app.dispatch('partnerships:create', {
      municipalityId: member.id,
      town: { name: 'a'.repeat(201), countryCode: 'DE' },
      type: 'friendship',
      status: 'active',
    });
    expect(answer).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(JSON.stringify(answer)).toContain('validation.tooLong');
  });

  it('money keeps exactly what numeric(14,2) holds: the largest amount to the cent, nothing beyond', async () => {
    const partnership = await app.ctx.db.knex('partnerships').orderBy('id').first<{ id: number }>('id');
    const activity = (fundingAmount: number) => ({
      partnershipId: partnership.id,
      date: '2026-05-01',
      title: 'Výměna',
      fundingProgramme: 'erasmus_plus',
      fundingAmount,
      currency: 'EUR',
    });
    const largest = await ok<{ id: number; fundingAmount: number }>(
      app.dispatch('activities:create', activity(MONEY_MAX)),
    );
    expect(largest.fundingAmount).toBe(999_999_999_999.99);
    const stored = await app.ctx.db.knex('activities').where({ id: largest.id }).first<{ funding_amount: unknown }>();
    expect(stored.funding_amount).toBe(999_999_999_999.99);
    const cents = await ok<{ fundingAmount: number }>(
      app.dispatch('activities:create', activity(0.1 + 0.2 - 0.3 + 12.34)),
    );
    expect(cents.fundingAmount).toBe(12.34);
    for (const [amount, message] of [
      [1e12, 'validation.tooLarge'],
      [12.345, 'validation.moneyDecimals'],
    ] as const) {
      const answer = await app.dispatch('activities:create', activity(amount));
      expect(answer, String(amount)).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', details: { issues: [{ path: 'fundingAmount', message }] } },
      });
    }
  });

  it('booleans and counts come back as the same numbers', async () => {
    const knex = app.ctx.db.knex;
    const row = await knex('municipalities').where({ is_member: true }).first<{ is_member: unknown }>('is_member');
    expect(row.is_member).toBe(1);
    const counted = await knex('partnerships').count<{ n: unknown }[]>({ n: '*' });
    expect(typeof counted[0]?.n).toBe('number');
  });

  it('the okres choropleth: the same shapes and counts from the same registry', async () => {
    const derived = await ok<DerivedDistricts>(app.dispatch('map:districts', {}));
    // The demo's 44 municipalities leave most okresy without a position: those are named, and
    // their kraje stay whole; a kraj whose every okres has one is divided (Zlínský kraj's four).
    expect(derived.seeds).toBeGreaterThan(0);
    expect(derived.unlocated.length).toBeGreaterThan(0);
    expect(derived.districts.map((d) => d.code).sort()).toEqual(['CZ0721', 'CZ0722', 'CZ0723', 'CZ0724']);
    const divided = new Set(derived.districts.map((d) => d.regionCode));
    const unlocatedKraje = await app.ctx.db
      .knex('districts as d')
      .join('regions as r', 'r.id', 'd.region_id')
      .whereIn(
        'd.code',
        derived.unlocated.map((d) => d.code),
      )
      .distinct<{ code: string }[]>('r.code');
    expect(unlocatedKraje.some((k) => divided.has(k.code))).toBe(false);
    const map = await ok<MapData>(app.dispatch('map:data', { filter: {} }));
    const perDistrict = map.districts.reduce((sum, d) => sum + d.partnerships, 0);
    expect(perDistrict).toBeGreaterThan(0);
    expect(perDistrict).toBe(map.regions.reduce((sum, r) => sum + r.partnerships, 0));
  });

  it('a constraint error is CONFLICT on either engine, by its code', async () => {
    const knex = app.ctx.db.knex;
    // A contact of a partnership that does not exist: the foreign key refuses it.
    const error: unknown = await knex('contacts')
      .insert({ partnership_id: 999_999, side: 'cz', name: 'Nikdo', created_at: 'x', updated_at: 'x' })
      .then(() => null)
      .catch((e: unknown) => e);
    expect(knownFailure(error)).toEqual({
      code: 'CONFLICT',
      message: 'The record is still referenced by other records.',
    });
  });
});

describe('what each driver says, by its code', () => {
  const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

  it('maps PostgreSQL SQLSTATEs and SQLite codes to the same meanings', () => {
    expect(driverFailure(withCode('23505'))).toBe('unique');
    expect(driverFailure(withCode('SQLITE_CONSTRAINT', 'SQLITE_CONSTRAINT: UNIQUE constraint failed: t.x'))).toBe(
      'unique',
    );
    expect(driverFailure(withCode('23503'))).toBe('foreignKey');
    expect(driverFailure(withCode('SQLITE_CONSTRAINT', 'SQLITE_CONSTRAINT: FOREIGN KEY constraint failed'))).toBe(
      'foreignKey',
    );
    expect(driverFailure(withCode('40001'))).toBe('busy');
    expect(driverFailure(withCode('SQLITE_BUSY'))).toBe('busy');
    expect(driverFailure(withCode('22001'))).toBe('tooLong');
    expect(driverFailure(withCode('22003'))).toBe('outOfRange');
    expect(driverFailure(withCode('42501'))).toBe('forbidden');
    expect(driverFailure(withCode('57P01'))).toBe('unreachable');
    expect(driverFailure(withCode('23502'))).toBeNull();
    expect(driverFailure(withCode('ENOENT'))).toBeNull();
    expect(knownFailure(withCode('22003'))).toMatchObject({ code: 'VALIDATION' });
    expect(knownFailure(withCode('ECONNREFUSED'))).toMatchObject({
      code: 'IO',
      details: { reason: 'error.serverUnreachable' },
    });
    expect(knownFailure(withCode('57P01'))).toMatchObject({
      code: 'IO',
      details: { reason: 'error.serverUnreachable' },
    });
  });

  it('never shows the password of a server URL', () => {
    expect(redactLocation('postgres://jana:S3cr%C3%A9t@db.svaz.cz:5432/registr')).toBe(
      'postgres://jana@db.svaz.cz:5432/registr',
    );
    expect(redactLocation('postgresql://jana@db/registr?password=S3cret&sslmode=require')).toBe(
      'postgresql://jana@db/registr?sslmode=require',
    );
    expect(redactLocation('postgres://jana:S3cret@[broken')).not.toContain('S3cret');
    expect(scrubPassword('auth failed for S3crét and S3cr%C3%A9t', 'postgres://jana:S3cr%C3%A9t@db/r')).toBe(
      'auth failed for *** and ***',
    );
  });
});
