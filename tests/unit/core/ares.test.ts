import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AresMunicipality } from '../../../shared/domain/ares';
import { createTestApp, ok, type TestApp } from '../../support/temp-db';

/**
 * Looking a new member up in ARES by its IČO (first-use review, "Missing things": "IČO via
 * ARES"), against a local stand-in that answers as ARES's REST interface does
 * (`GET /ekonomicke-subjekty/{ico}`): what ARES states comes back in the registry's terms, and
 * every way it can fail is a message, never a guess and never a write.
 */

/** What the stand-in answers per IČO: a status and a body (text as it is, anything else as JSON). */
const answers = new Map<string, { status: number; body: unknown }>();
const asked: string[] = [];

const jihlava = {
  ico: '00286010',
  obchodniJmeno: 'Statutární město Jihlava',
  pravniForma: '801',
  sidlo: {
    kodStatu: 'CZ',
    nazevStatu: 'Česká republika',
    kodKraje: 108,
    nazevKraje: 'Kraj Vysočina',
    kodOkresu: 3707,
    nazevOkresu: 'Jihlava',
    kodObce: 586846,
    nazevObce: 'Jihlava',
    nazevUlice: 'Masarykovo náměstí',
    cisloDomovni: 97,
    cisloOrientacni: 1,
    nazevCastiObce: 'Jihlava',
    psc: 58601,
    textovaAdresa: 'Masarykovo náměstí 97/1, 58601 Jihlava',
  },
};

describe('ARES lookup of a municipality by its IČO', () => {
  let server: Server;
  let url: string;
  let app: TestApp;

  beforeAll(async () => {
    server = createServer((request, response) => {
      const ico = /\/ekonomicke-subjekty\/(\d+)$/.exec(request.url ?? '')?.[1] ?? '';
      asked.push(ico);
      const answer = answers.get(ico) ?? {
        status: 404,
        body: { kod: 'NENALEZENO', popis: 'Ekonomický subjekt nebyl nalezen.' },
      };
      response.writeHead(answer.status, { 'content-type': 'application/json' });
      response.end(typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}/rest`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });
  beforeEach(async () => {
    app = await createTestApp({ demo: true });
    app.ctx.aresUrl = url;
    answers.clear();
    asked.length = 0;
  });
  afterEach(async () => {
    await app.cleanup();
  });

  const lookup = (ico: string) => app.dispatch('ares:municipality', { ico });
  const failure = async (ico: string) => {
    const result = (await lookup(ico)) as {
      ok: boolean;
      error: { code: string; details?: { reason?: string; params?: Record<string, unknown>; issues?: unknown[] } };
    };
    expect(result.ok).toBe(false);
    return result.error;
  };

  it('gives a statutory city in the registry’s terms: code, kind, the registry’s district, the address', async () => {
    answers.set('00286010', { status: 200, body: jihlava });
    const district = await app.ctx.db.knex('districts').where({ name: 'Jihlava' }).first<{ id: number }>('id');
    expect(await ok<AresMunicipality>(lookup(' 00286010 '))).toEqual({
      ico: '00286010',
      officialName: 'Statutární město Jihlava',
      name: 'Jihlava',
      code: '586846',
      kind: 'statutarni_mesto',
      districtId: district.id,
      districtName: 'Jihlava',
      street: 'Masarykovo náměstí 97/1',
      postalCode: '586 01',
      address: 'Masarykovo náměstí 97/1, 58601 Jihlava',
    });
    expect(asked).toEqual(['00286010']);
  });

  it('a village without streets, a městys, Prague: the kind from the name, Prague’s district; what ARES leaves out is null', async () => {
    answers.set('00296961', {
      status: 200,
      body: {
        ico: '00296961',
        obchodniJmeno: 'Obec Horní Tošanovice',
        pravniForma: '801',
        sidlo: {
          nazevOkresu: 'Frýdek-Místek',
          kodObce: 598160,
          nazevObce: 'Horní Tošanovice',
          cisloDomovni: 52,
          psc: 73953,
        },
      },
    });
    expect(await ok<AresMunicipality>(lookup('00296961'))).toMatchObject({
      name: 'Horní Tošanovice',
      kind: 'obec',
      street: 'Horní Tošanovice 52',
      postalCode: '739 53',
      address: null,
    });
    answers.set('00297151', {
      status: 200,
      body: { ico: '00297151', obchodniJmeno: 'Městys Nový Hrádek', pravniForma: '801', sidlo: {} },
    });
    expect(await ok<AresMunicipality>(lookup('00297151'))).toEqual({
      ico: '00297151',
      officialName: 'Městys Nový Hrádek',
      name: null,
      code: null,
      kind: 'mestys',
      districtId: null,
      districtName: null,
      street: null,
      postalCode: null,
      address: null,
    });
    answers.set('00064009', {
      status: 200,
      body: {
        ico: '00064009',
        obchodniJmeno: 'Hlavní město Praha',
        pravniForma: '801',
        sidlo: { nazevOkresu: 'Hlavní město Praha', kodObce: 554782, nazevObce: 'Praha' },
      },
    });
    const praha = await app.ctx.db.knex('districts').where({ name: 'Praha' }).first<{ id: number }>('id');
    expect(await ok<AresMunicipality>(lookup('00064009'))).toMatchObject({
      kind: 'statutarni_mesto',
      districtId: praha.id,
      districtName: 'Hlavní město Praha',
    });
  });

  it('refuses an IČO with a wrong check digit without asking ARES', async () => {
    const error = await failure('00286011');
    expect(error.code).toBe('VALIDATION');
    expect(error.details?.issues).toEqual([{ path: 'ico', message: 'validation.ico' }]);
    expect(asked).toEqual([]);
  });

  it('says when ARES knows no such IČO, when the subject has ceased to exist, and when it is no municipality (naming it)', async () => {
    const unknown = await failure('00297151');
    expect(unknown).toMatchObject({ code: 'NOT_FOUND', details: { reason: 'members.ares.notFound' } });
    answers.set('27074358', {
      status: 200,
      body: { ico: '27074358', obchodniJmeno: 'Asseco Central Europe, a.s.', pravniForma: '121', sidlo: {} },
    });
    answers.set('00296961', {
      status: 200,
      body: { ...jihlava, ico: '00296961', obchodniJmeno: 'Obec Zaniklá', datumZaniku: '2019-12-31' },
    });
    expect(await failure('00296961')).toMatchObject({
      code: 'VALIDATION',
      details: { reason: 'members.ares.dissolved', params: { name: 'Obec Zaniklá', date: '2019-12-31' } },
    });
    const company = await failure('27074358');
    expect(company).toMatchObject({
      code: 'VALIDATION',
      details: { reason: 'members.ares.notMunicipality', params: { name: 'Asseco Central Europe, a.s.' } },
    });
  });

  it('says ARES cannot be reached when it fails, answers nonsense, or is not there', async () => {
    answers.set('00286010', { status: 503, body: 'Service Unavailable' });
    expect(await failure('00286010')).toMatchObject({ code: 'IO', details: { reason: 'members.ares.unavailable' } });
    answers.set('00286010', { status: 200, body: '<html>maintenance</html>' });
    expect(await failure('00286010')).toMatchObject({ code: 'IO', details: { reason: 'members.ares.unavailable' } });
    answers.set('00286010', { status: 200, body: { kod: 'CHYBA' } });
    expect(await failure('00286010')).toMatchObject({ code: 'IO', details: { reason: 'members.ares.unavailable' } });
    // Nothing listens there.
    app.ctx.aresUrl = 'http://127.0.0.1:9/rest';
    expect(await failure('00286010')).toMatchObject({ code: 'IO', details: { reason: 'members.ares.unavailable' } });
  });

  it('writes nothing to the registry', async () => {
    answers.set('00286010', { status: 200, body: jihlava });
    const before = await app.ctx.db.knex('audit_log').count<{ n: number }[]>({ n: '*' });
    const members = await app.ctx.db.knex('municipalities').count<{ n: number }[]>({ n: '*' });
    await ok(lookup('00286010'));
    expect(await app.ctx.db.knex('audit_log').count<{ n: number }[]>({ n: '*' })).toEqual(before);
    expect(await app.ctx.db.knex('municipalities').count<{ n: number }[]>({ n: '*' })).toEqual(members);
  });
});
