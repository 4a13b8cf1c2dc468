import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppContext, type AppContext } from '../../../electron/core/context';
import { createDispatch, type Dispatch } from '../../../electron/core/dispatch';
import { createHandlers } from '../../../electron/core/handlers';
import { createMemoryPreferences } from '../../../electron/core/preferences-file';
import type { DialogPort } from '../../../electron/core/ports';
import type { AgreementRequestInput } from '../../../shared/domain/agreements/schemas';
import { RESOURCES_DIR, ok, tempDir } from '../../support/temp-db';

type Setup = { ctx: AppContext; dispatch: Dispatch; dir: string; events: { event: string; payload: unknown }[] };
const opened: AppContext[] = [];

async function setup(
  dialogs: (dir: string) => DialogPort,
  onEvent?: (ctx: AppContext, payload: unknown) => void,
): Promise<Setup> {
  const dir = tempDir('twinreg-agreements-');
  const events: { event: string; payload: unknown }[] = [];
  let ctxRef: AppContext | null = null;
  const ctx = await createAppContext({
    databasePath: path.join(dir, 'registry.db'),
    resourcesDir: RESOURCES_DIR,
    appVersion: 'test',
    preferences: createMemoryPreferences(),
    dialogs: dialogs(dir),
    events: (event, payload) => {
      events.push({ event, payload });
      if (ctxRef && event === 'job:progress') onEvent?.(ctxRef, payload);
    },
    seedDemoIfEmpty: true,
  });
  ctxRef = ctx;
  opened.push(ctx);
  return { ctx, dir, events, dispatch: createDispatch(createHandlers(ctx), { validateOutput: true }) };
}
afterEach(async () => {
  for (const ctx of opened.splice(0)) await ctx.close();
});

const fixedFile =
  (name: string) =>
  (dir: string): DialogPort => ({
    saveFile: () => Promise.resolve(path.join(dir, name)),
    openFile: () => Promise.resolve(null),
    chooseFolder: () => Promise.resolve(path.join(dir, 'batch')),
  });

async function germanPartnership(ctx: AppContext): Promise<number> {
  const row = await ctx.db
    .knex('partnerships as p')
    .join('foreign_towns as t', 't.id', 'p.foreign_town_id')
    .where('t.country_code', 'DE')
    .first<{ id: number }>('p.id');
  return row.id;
}

type Options = { partnershipId: number | null; request: AgreementRequestInput };

describe('agreements channels', () => {
  it('lists missing data (no partner mayor), refuses to save until accepted, marks it in the document', async () => {
    const { ctx, dispatch, dir } = await setup(fixedFile('a.docx'));
    const partnershipId = await germanPartnership(ctx);
    const { request } = await ok<Options>(dispatch('agreements:options', { source: { partnershipId } }));
    expect(request.language).toBe('de');
    const preview = await ok<{ base64: string; warnings: { path: string }[] }>(
      dispatch('agreements:preview', { request }),
    );
    expect(preview.warnings.map((w) => w.path)).toContain('partner.mayorName');
    const zip = await JSZip.loadAsync(Buffer.from(preview.base64, 'base64'));
    // The partner's column asks in both languages, so the draft can go to the partner town for completion.
    expect(await zip.file('word/document.xml')?.async('string')).toContain(
      '[doplňte / bitte ergänzen: Vor- und Nachname des Vertreters]',
    );

    const refused = await dispatch('agreements:generate', { request });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code).toBe('VALIDATION');
      expect(refused.error.details?.issues).toContainEqual({
        path: 'partner.mayorName',
        message: 'agreements.missing.mayorName',
      });
    }
    expect(existsSync(path.join(dir, 'a.docx'))).toBe(false);

    const written = await ok<{ filePath: string; warnings: unknown[] }>(
      dispatch('agreements:generate', { request, acceptMissing: true }),
    );
    expect(written.filePath).toBe(path.join(dir, 'a.docx'));
    expect(written.warnings.length).toBeGreaterThan(0);
    // The partnership's history says who wrote the draft and when (it said "unknown user").
    const history = await ok<{ action: string; actor: string; child?: { table: string; label: string } }[]>(
      dispatch('audit:history', { table: 'partnerships', recordId: partnershipId, withChildren: true }),
    );
    const drafts = history.filter((entry) => entry.child?.table === 'agreement_documents');
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({ action: 'insert', child: { label: 'a.docx' } });
    expect(drafts[0]?.actor).not.toBe('');
  });

  it('keeps what a saved draft states about the Czech municipality where its record has nothing, never replacing a value', async () => {
    const { ctx, dispatch } = await setup(fixedFile('member.docx'));
    const partnershipId = await germanPartnership(ctx);
    const { municipality_id: municipalityId } = await ctx.db
      .knex('partnerships')
      .where({ id: partnershipId })
      .first<{ municipality_id: number }>('municipality_id');
    // The record knows the mayor, not the IČO nor the mayor's gender.
    await ctx.db
      .knex('municipalities')
      .where({ id: municipalityId })
      .update({ ico: null, mayor_name: 'Jan Stávající', mayor_gender: null });
    const { request } = await ok<Options>(dispatch('agreements:options', { source: { partnershipId } }));
    expect(request.fields.cz.idNumber).toBe('');
    const typed = {
      ...request,
      fields: {
        ...request.fields,
        cz: { ...request.fields.cz, idNumber: '00261238', mayorName: 'Petra Nová', mayorGender: 'f' as const },
      },
    };
    const written = await ok<{ memberFilled: string[] }>(
      dispatch('agreements:generate', { request: typed, acceptMissing: true }),
    );
    expect(written.memberFilled.sort()).toEqual(['ico', 'mayorGender']);
    expect(
      await ctx.db.knex('municipalities').where({ id: municipalityId }).first('ico', 'mayor_name', 'mayor_gender'),
    ).toEqual({ ico: '00261238', mayor_name: 'Jan Stávající', mayor_gender: 'f' });
    // The next draft of the municipality starts with them.
    const next = await ok<Options>(dispatch('agreements:options', { source: { partnershipId } }));
    expect(next.request.fields.cz).toMatchObject({ idNumber: '00261238', mayorGender: 'f' });
    // An IČO that fails its checksum is not kept (it stays in the draft only).
    await ctx.db.knex('municipalities').where({ id: municipalityId }).update({ ico: null });
    const wrong = { ...typed, fields: { ...typed.fields, cz: { ...typed.fields.cz, idNumber: '12345678' } } };
    const again = await ok<{ memberFilled: string[] }>(
      dispatch('agreements:generate', { request: wrong, acceptMissing: true, overwrite: true }),
    );
    expect(again.memberFilled).toEqual([]);
  });

  it('keeps the seat and the resolutions a saved draft states where the registry has none, so a batch has no gap', async () => {
    const { ctx, dispatch } = await setup(fixedFile('resolutions.docx'));
    const partnershipId = await germanPartnership(ctx);
    const knex = ctx.db.knex;
    const { municipality_id: municipalityId } = await knex('partnerships')
      .where({ id: partnershipId })
      .first<{ municipality_id: number }>('municipality_id');
    await knex('partnerships').where({ id: partnershipId }).update({
      cz_resolution: null,
      cz_resolution_date: null,
      partner_resolution: null,
      partner_resolution_date: null,
    });
    await knex('municipalities').where({ id: municipalityId }).update({ street: null, postal_code: null });
    const { request } = await ok<Options>(dispatch('agreements:options', { source: { partnershipId } }));
    const name = request.fields.cz.name;
    const typed = {
      ...request,
      fields: {
        ...request.fields,
        cz: {
          ...request.fields.cz,
          address: `Palackého nám. 46/II, 37901 ${name}`,
          resolution: 'ZM/12/2026',
          resolutionDate: '2026-11-30',
        },
        partner: { ...request.fields.partner, resolution: 'XII/123/2026', resolutionDate: null },
      },
    };
    const written = await ok<{ memberFilled: string[]; partnershipFilled: string[] }>(
      dispatch('agreements:generate', { request: typed, acceptMissing: true }),
    );
    expect(written.partnershipFilled.sort()).toEqual(['czResolution', 'czResolutionDate', 'partnerResolution']);
    expect(written.memberFilled.sort()).toEqual(['postalCode', 'street']);
    expect(
      await knex('partnerships')
        .where({ id: partnershipId })
        .first('cz_resolution', 'cz_resolution_date', 'partner_resolution', 'partner_resolution_date'),
    ).toEqual({
      cz_resolution: 'ZM/12/2026',
      cz_resolution_date: '2026-11-30',
      partner_resolution: 'XII/123/2026',
      partner_resolution_date: null,
    });
    expect(await knex('municipalities').where({ id: municipalityId }).first('street', 'postal_code')).toEqual({
      street: 'Palackého nám. 46/II',
      postal_code: '379 01',
    });
    // The next draft (a batch too) starts from them; the partnership's history names the change.
    const next = await ok<Options>(dispatch('agreements:options', { source: { partnershipId } }));
    expect(next.request.fields.cz).toMatchObject({
      resolution: 'ZM/12/2026',
      resolutionDate: '2026-11-30',
      address: `Palackého nám. 46/II, 379 01 ${name}`,
    });
    expect(next.request.fields.partner.resolution).toBe('XII/123/2026');
    const history = await ok<{ action: string; changes: { field: string }[] }[]>(
      dispatch('audit:history', { table: 'partnerships', recordId: partnershipId }),
    );
    expect(history.some((e) => e.action === 'update' && e.changes.some((c) => c.field === 'czResolution'))).toBe(true);
    // Another wording in a later draft never replaces what is stored; an address of another shape is not taken apart.
    await knex('municipalities').where({ id: municipalityId }).update({ street: null, postal_code: null });
    const other = {
      ...typed,
      fields: {
        ...typed.fields,
        cz: { ...typed.fields.cz, resolution: 'ZM/99/2027', address: 'Radnice, náměstí' },
      },
    };
    const again = await ok<{ memberFilled: string[]; partnershipFilled: string[] }>(
      dispatch('agreements:generate', { request: other, acceptMissing: true, overwrite: true }),
    );
    expect(again.partnershipFilled).toEqual([]);
    expect(again.memberFilled).toEqual([]);
    expect((await knex('partnerships').where({ id: partnershipId }).first('cz_resolution')).cz_resolution).toBe(
      'ZM/12/2026',
    );
  });

  it('a seat is kept where the record has its post code only (as the official list gives it), never with another post code', async () => {
    const { ctx, dispatch } = await setup(fixedFile('seat.docx'));
    const partnershipId = await germanPartnership(ctx);
    const knex = ctx.db.knex;
    const { municipality_id: municipalityId } = await knex('partnerships')
      .where({ id: partnershipId })
      .first<{ municipality_id: number }>('municipality_id');
    await knex('municipalities').where({ id: municipalityId }).update({ street: null, postal_code: '678 01' });
    const { request } = await ok<Options>(dispatch('agreements:options', { source: { partnershipId } }));
    const withSeat = (address: string) => ({
      ...request,
      fields: { ...request.fields, cz: { ...request.fields.cz, address } },
    });
    // Another post code than the record's: the street would make a wrong address with it.
    const other = await ok<{ memberFilled: string[]; notKept: unknown[] }>(
      dispatch('agreements:generate', {
        request: withSeat(`nám. Svobody 32/3, 679 01 ${request.fields.cz.name}`),
        acceptMissing: true,
      }),
    );
    expect(other.memberFilled).not.toContain('street');
    // Said, with why: it was dropped without a word.
    expect(other.notKept).toEqual([
      {
        target: 'member',
        field: 'street',
        reason: 'agreements.notKept.seatPostalCode',
        params: { typed: '679 01', stored: '678 01' },
      },
    ]);
    expect(await knex('municipalities').where({ id: municipalityId }).first('street', 'postal_code')).toEqual({
      street: null,
      postal_code: '678 01',
    });
    // The record's own post code, typed without its space: the street is kept beside it.
    const same = await ok<{ memberFilled: string[] }>(
      dispatch('agreements:generate', {
        request: withSeat(`nám. Svobody 32/3, 67801 ${request.fields.cz.name}`),
        acceptMissing: true,
        overwrite: true,
      }),
    );
    expect(same.memberFilled).toEqual(['street']);
    expect(await knex('municipalities').where({ id: municipalityId }).first('street', 'postal_code')).toEqual({
      street: 'nám. Svobody 32/3',
      postal_code: '678 01',
    });
    const next = await ok<Options>(dispatch('agreements:options', { source: { partnershipId } }));
    expect(next.request.fields.cz.address).toBe(`nám. Svobody 32/3, 678 01 ${request.fields.cz.name}`);
  });

  it('a resolution number the partnership refuses stays in the draft only; the other resolutions are still kept', async () => {
    const { ctx, dispatch } = await setup(fixedFile('hu-resolution.docx'));
    const partnershipId = await germanPartnership(ctx);
    const knex = ctx.db.knex;
    await knex('partnerships').where({ id: partnershipId }).update({
      cz_resolution: null,
      cz_resolution_date: null,
      partner_resolution: null,
      partner_resolution_date: null,
    });
    const { request } = await ok<Options>(dispatch('agreements:options', { source: { partnershipId } }));
    const typed = {
      ...request,
      fields: {
        ...request.fields,
        cz: { ...request.fields.cz, resolution: 'ZM 3/2025', resolutionDate: '2025-03-01' },
        // The Hungarian form names the meeting's day in brackets; a number starting with "=" is refused.
        partner: { ...request.fields.partner, resolution: '=123/2025', resolutionDate: '2025-06-26' },
      },
    };
    const written = await ok<{ partnershipFilled: string[]; notKept: unknown[] }>(
      dispatch('agreements:generate', { request: typed, acceptMissing: true }),
    );
    expect(written.partnershipFilled.sort()).toEqual(['czResolution', 'czResolutionDate', 'partnerResolutionDate']);
    expect(written.notKept).toEqual([
      { target: 'partnership', field: 'partnerResolution', reason: 'validation.resolutionCode' },
    ]);
    expect(
      await knex('partnerships')
        .where({ id: partnershipId })
        .first('cz_resolution', 'cz_resolution_date', 'partner_resolution', 'partner_resolution_date'),
    ).toEqual({
      cz_resolution: 'ZM 3/2025',
      cz_resolution_date: '2025-03-01',
      partner_resolution: null,
      partner_resolution_date: '2025-06-26',
    });
    const hungarian = {
      ...typed,
      fields: { ...typed.fields, partner: { ...typed.fields.partner, resolution: '123/2025. (VI. 26.)' } },
    };
    const again = await ok<{ partnershipFilled: string[] }>(
      dispatch('agreements:generate', { request: hungarian, acceptMissing: true, overwrite: true }),
    );
    expect(again.partnershipFilled).toEqual(['partnerResolution']);
    expect(
      (await knex('partnerships').where({ id: partnershipId }).first('partner_resolution')).partner_resolution,
    ).toBe('123/2025. (VI. 26.)');
  });

  it('a kind not stated is listed as missing and its noun highlighted, in a batch too; "obec" chosen states it', async () => {
    const { ctx, dispatch } = await setup(fixedFile('kind-stated.docx'));
    const partnershipId = await germanPartnership(ctx);
    const knex = ctx.db.knex;
    const { municipality_id: municipalityId, foreign_town_id: townId } = await knex('partnerships')
      .where({ id: partnershipId })
      .first<{ municipality_id: number; foreign_town_id: number }>('municipality_id', 'foreign_town_id');
    await knex('municipalities').where({ id: municipalityId }).update({ kind: 'unknown' });
    await knex('foreign_towns').where({ id: townId }).update({ kind: 'unknown' });
    const { request } = await ok<Options>(dispatch('agreements:options', { source: { partnershipId } }));
    expect(request.fields.cz.kindStated).toBe(false);
    expect(request.fields.partner.kindStated).toBe(false);
    const preview = await ok<{ warnings: { path: string }[]; base64: string }>(
      dispatch('agreements:preview', { request }),
    );
    expect(preview.warnings.map((w) => w.path)).toEqual(expect.arrayContaining(['cz.kind', 'partner.kind']));
    // The noun stands highlighted in the document, as a marker does.
    const xml =
      (await (
        await JSZip.loadAsync(Buffer.from(preview.base64, 'base64'))
      )
        .file('word/document.xml')
        ?.async('string')) ?? '';
    expect(xml).toMatch(/<w:highlight w:val="yellow"\/>(?:(?!<\/w:r>).)*<w:t(?: [^>]*)?>obcí<\/w:t>/s);
    // "obec" chosen on the form states the kind: no longer missing, and the record keeps it.
    const chosen = {
      ...request,
      fields: { ...request.fields, cz: { ...request.fields.cz, nounKey: 'obec' as const, kindStated: true } },
    };
    const again = await ok<{ warnings: { path: string }[] }>(dispatch('agreements:preview', { request: chosen }));
    expect(again.warnings.map((w) => w.path)).not.toContain('cz.kind');
    const written = await ok<{ memberFilled: string[] }>(
      dispatch('agreements:generate', { request: chosen, acceptMissing: true }),
    );
    expect(written.memberFilled).toContain('kind');
    expect((await knex('municipalities').where({ id: municipalityId }).first('kind')).kind).toBe('obec');
  });

  it('a municipality whose kind the registry does not state: the form says so, the chosen kind drafts and is kept', async () => {
    const { ctx, dispatch } = await setup(fixedFile('kind.docx'));
    const partnershipId = await germanPartnership(ctx);
    const { municipality_id: municipalityId } = await ctx.db
      .knex('partnerships')
      .where({ id: partnershipId })
      .first<{ municipality_id: number }>('municipality_id');
    await ctx.db.knex('municipalities').where({ id: municipalityId }).update({ kind: 'unknown' });
    const options = await ok<Options & { czKindUnknown: boolean }>(
      dispatch('agreements:options', { source: { partnershipId } }),
    );
    expect(options.czKindUnknown).toBe(true);
    expect(options.request.fields.cz.nounKey).toBe('obec');
    // Left at "obec" (the draft's default): not taken as a statement, the record stays unknown.
    const asDefault = await ok<{ memberFilled: string[] }>(
      dispatch('agreements:generate', { request: options.request, acceptMissing: true }),
    );
    expect(asDefault.memberFilled).not.toContain('kind');
    expect((await ctx.db.knex('municipalities').where({ id: municipalityId }).first('kind')).kind).toBe('unknown');
    // The user says it is a town: the text says "město", and the record keeps it.
    const town = {
      ...options.request,
      fields: { ...options.request.fields, cz: { ...options.request.fields.cz, nounKey: 'mesto' as const } },
    };
    const written = await ok<{ memberFilled: string[]; filePath: string }>(
      dispatch('agreements:generate', { request: town, acceptMissing: true, overwrite: true }),
    );
    expect(written.memberFilled).toContain('kind');
    const xml =
      (await (await JSZip.loadAsync(readFileSync(written.filePath))).file('word/document.xml')?.async('string')) ?? '';
    const words = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    expect(words).toContain(`Město ${options.request.fields.cz.name}`);
    expect(words).not.toContain(`Obec ${options.request.fields.cz.name}`);
    expect((await ctx.db.knex('municipalities').where({ id: municipalityId }).first('kind')).kind).toBe('mesto');
    const next = await ok<Options & { czKindUnknown: boolean }>(
      dispatch('agreements:options', { source: { partnershipId } }),
    );
    expect(next.czKindUnknown).toBe(false);
    expect(next.request.fields.cz.nounKey).toBe('mesto');
  });

  it('a partnership whose term is not stated: the draft proposes an indefinite term, highlighted and listed until chosen', async () => {
    const { ctx, dispatch } = await setup(fixedFile('term-unknown.docx'));
    const tabor = await ctx.db.knex('municipalities').where({ code: '552046' }).first<{ id: number }>('id');
    const created = await ok<{ id: number; version: number; termKind: string }>(
      dispatch('partnerships:create', {
        municipalityId: tabor.id,
        town: { name: 'Freistadt', countryCode: 'AT', population: 7900 },
        type: 'formal',
        status: 'preparation',
      }),
    );
    expect(created.termKind).toBe('unknown');
    const options = await ok<Options>(dispatch('agreements:options', { source: { partnershipId: created.id } }));
    // The English article editor names the Czech law's clause in English (it listed its Czech text).
    const catalog = (options as unknown as { templates: Record<string, { headingsEn: Record<string, string> }> })
      .templates;
    expect(catalog.partnership?.headingsEn.clause41).toBe(
      'Clause under Section 41 of the Czech Municipalities Act No. 128/2000 Coll.',
    );
    // Never a piece of a placeholder ("We, the representatives of {first").
    expect(Object.values(catalog.charter?.headingsEn ?? {}).filter((h) => h.includes('{'))).toEqual([]);
    expect(options.request.fields).toMatchObject({ duration: 'indefinite', durationStated: false });
    const preview = await ok<{ warnings: { path: string }[] }>(
      dispatch('agreements:preview', { request: options.request }),
    );
    expect(preview.warnings.map((w) => w.path)).toContain('duration');
    // A final text is refused while the term is only the draft's proposal.
    expect(await dispatch('agreements:generate', { request: { ...options.request, final: true } })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    // Chosen in the form: no longer missing.
    const chosen = { ...options.request, fields: { ...options.request.fields, durationStated: true } };
    const again = await ok<{ warnings: { path: string }[] }>(dispatch('agreements:preview', { request: chosen }));
    expect(again.warnings.map((w) => w.path)).not.toContain('duration');
    // Once the partnership states its term, the draft takes it as stated.
    await ok(
      dispatch('partnerships:update', {
        id: created.id,
        version: created.version,
        changes: { termKind: 'fixed', termUntil: '2031-12-31' },
      }),
    );
    const stated = await ok<Options>(dispatch('agreements:options', { source: { partnershipId: created.id } }));
    expect(stated.request.fields).toMatchObject({ duration: 'fixed', validUntil: '2031-12-31' });
    expect(stated.request.fields.durationStated).toBeUndefined();
  });

  it('a partner town whose kind is not stated: a municipality in the text, the form asks, the chosen kind is kept on its card', async () => {
    const { ctx, dispatch } = await setup(fixedFile('partner-kind.docx'));
    // An Austrian village whose kind nobody stated (as an import or a town added by name leaves it).
    const tabor = await ctx.db.knex('municipalities').where({ code: '552046' }).first<{ id: number }>('id');
    const created = await ok<{ id: number; foreignTownId: number }>(
      dispatch('partnerships:create', {
        municipalityId: tabor.id,
        town: { name: 'Klaffer am Hochficht', countryCode: 'AT', population: 408 },
        type: 'formal',
        status: 'preparation',
      }),
    );
    const town = () =>
      ctx.db.knex('foreign_towns').where({ id: created.foreignTownId }).first<{ kind: string }>('kind');
    expect((await town()).kind).toBe('unknown');
    type KindOptions = Options & { partnerTown: { kind: string }; earlierContact: boolean };
    const options = await ok<KindOptions>(dispatch('agreements:options', { source: { partnershipId: created.id } }));
    expect(options.partnerTown.kind).toBe('unknown');
    // The generic forms of a municipality (never "Stadtgemeinde" for what nobody said is a town).
    expect(options.request.fields.partner.nounKey).toBe('foreign_municipality');
    // Nor a body that names the kind (Gemeinde or Stadtgemeinde): none until the kind is stated (walkthrough 21).
    expect(options.request.fields.partner.contractingBody).toBe('');
    // A partnership in preparation, never begun: the draft does not claim friendly contacts of past years.
    expect(options.earlierContact).toBe(false);
    expect(options.request.preambles).not.toContain('earlier_friendship');
    const asDefault = await ok<{ townCardFilled: string[] }>(
      dispatch('agreements:generate', { request: options.request, acceptMissing: true }),
    );
    expect(asDefault.townCardFilled).not.toContain('kind');
    expect((await town()).kind).toBe('unknown');
    // The user says it is a town: kept on its card, the next draft starts from it.
    const asTown = {
      ...options.request,
      fields: {
        ...options.request.fields,
        partner: { ...options.request.fields.partner, nounKey: 'foreign_town' as const },
      },
    };
    const written = await ok<{ townCardFilled: string[] }>(
      dispatch('agreements:generate', { request: asTown, acceptMissing: true, overwrite: true }),
    );
    expect(written.townCardFilled).toEqual(['kind']);
    expect((await town()).kind).toBe('town');
    const next = await ok<KindOptions>(dispatch('agreements:options', { source: { partnershipId: created.id } }));
    expect(next.partnerTown.kind).toBe('town');
    expect(next.request.fields.partner.nounKey).toBe('foreign_town');
    expect(next.request.fields.partner.contractingBody).toBe('Stadtgemeinde Klaffer am Hochficht');
    // A partnership that has begun: the earlier friendship is stated by default, as before.
    const begun = await ok<KindOptions>(
      dispatch('agreements:options', { source: { partnershipId: await germanPartnership(ctx) } }),
    );
    expect(begun.earlierContact).toBe(true);
    expect(begun.request.preambles).toContain('earlier_friendship');
  });

  it('a draft whose partner office the town card would refuse is saved and recorded; the card takes the rest', async () => {
    const { ctx, dispatch } = await setup(fixedFile('office.docx'));
    const partnershipId = await germanPartnership(ctx);
    const { foreign_town_id: townId } = await ctx.db
      .knex('partnerships')
      .where({ id: partnershipId })
      .first<{ foreign_town_id: number }>('foreign_town_id');
    await ctx.db.knex('foreign_towns').where({ id: townId }).update({ mayor_office: null, address: null });
    const { request } = await ok<Options>(dispatch('agreements:options', { source: { partnershipId } }));
    // An office of another country (the form offers the town's country's; the bridge accepts any code).
    const typed = {
      ...request,
      fields: {
        ...request.fields,
        partner: { ...request.fields.partner, mayorOffice: 'PL:prezydent_miasta', address: 'Kanzleistraße 15' },
      },
    };
    const written = await ok<{ draftId: number | null; townCardFilled: string[] }>(
      dispatch('agreements:generate', { request: typed, acceptMissing: true }),
    );
    expect(written.draftId).not.toBeNull();
    expect(await ctx.db.knex('agreement_documents').where({ id: written.draftId }).first('partnership_id')).toEqual({
      partnership_id: partnershipId,
    });
    // The office stays in the draft only; the address, which the card takes, is filled.
    expect(written.townCardFilled).toEqual(['address']);
    expect(await ctx.db.knex('foreign_towns').where({ id: townId }).first('mayor_office', 'address')).toEqual({
      mayor_office: null,
      address: 'Kanzleistraße 15',
    });
  });

  it('a draft keeps the partner’s number and a better spelling of its name on the town card; the next draft starts from them', async () => {
    const { ctx, dispatch } = await setup(fixedFile('komarno.docx'));
    const partnershipId = await germanPartnership(ctx);
    const knex = ctx.db.knex;
    const { foreign_town_id: townId } = await knex('partnerships')
      .where({ id: partnershipId })
      .first<{ foreign_town_id: number }>('foreign_town_id');
    const { name } = await knex('foreign_towns').where({ id: townId }).first<{ name: string }>('name');
    // As the 2013 import wrote many towns: in capitals.
    await knex('foreign_towns').where({ id: townId }).update({ name: name.toUpperCase(), id_number: null });
    const { request } = await ok<Options>(dispatch('agreements:options', { source: { partnershipId } }));
    expect(request.fields.partner).toMatchObject({ name: name.toUpperCase(), idNumber: '' });
    const typed = {
      ...request,
      fields: { ...request.fields, partner: { ...request.fields.partner, name, idNumber: 'DE 123 456 789' } },
    };
    const written = await ok<{ townCardFilled: string[] }>(
      dispatch('agreements:generate', { request: typed, acceptMissing: true }),
    );
    expect(written.townCardFilled).toEqual(expect.arrayContaining(['name', 'idNumber']));
    expect(await knex('foreign_towns').where({ id: townId }).first('name', 'id_number')).toEqual({
      name,
      id_number: 'DE 123 456 789',
    });
    const next = await ok<Options>(dispatch('agreements:options', { source: { partnershipId } }));
    expect(next.request.fields.partner).toMatchObject({ name, idNumber: 'DE 123 456 789' });
    // The card's history names the change (and so can undo it).
    const history = await ok<{ action: string; changes: { field: string }[] }[]>(
      dispatch('audit:history', { table: 'foreign_towns', recordId: townId }),
    );
    expect(history.some((e) => e.action === 'update' && e.changes.some((c) => c.field === 'name'))).toBe(true);
    // Another name is a rename, made on the card, never from a draft; a stored number is never replaced.
    const other = {
      ...typed,
      fields: { ...typed.fields, partner: { ...typed.fields.partner, name: 'Konstanz am See', idNumber: '999' } },
    };
    const again = await ok<{ townCardFilled: string[] }>(
      dispatch('agreements:generate', { request: other, acceptMissing: true, overwrite: true }),
    );
    expect(again.townCardFilled).not.toContain('name');
    expect(again.townCardFilled).not.toContain('idNumber');
    expect(await knex('foreign_towns').where({ id: townId }).first('name', 'id_number')).toEqual({
      name,
      id_number: 'DE 123 456 789',
    });
  });

  it('a final text with data missing is refused even where the markers were accepted; nothing is written', async () => {
    const { ctx, dispatch, dir } = await setup(fixedFile('final.docx'));
    const partnershipId = await germanPartnership(ctx);
    const { request } = await ok<Options>(dispatch('agreements:options', { source: { partnershipId } }));
    const draftsBefore = (await ctx.db.knex('agreement_documents').count<{ n: number }[]>({ n: '*' }))[0]?.n;
    const refused = await dispatch('agreements:generate', {
      request: { ...request, final: true },
      acceptMissing: true,
    });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code).toBe('VALIDATION');
      expect(refused.error.details?.reason).toBe('FINAL_INCOMPLETE');
    }
    expect(existsSync(path.join(dir, 'final.docx'))).toBe(false);
    expect((await ctx.db.knex('agreement_documents').count<{ n: number }[]>({ n: '*' }))[0]?.n).toBe(draftsBefore);
    // The same as a draft (with the mark) is written.
    await ok(dispatch('agreements:generate', { request, acceptMissing: true }));
    expect(existsSync(path.join(dir, 'final.docx'))).toBe(true);
  });

  it('a draft’s “velké město” for a town under 100,000 is kept on the card, and the next draft says it too', async () => {
    const { ctx, dispatch } = await setup(fixedFile('legnica.docx'));
    const partnershipId = await germanPartnership(ctx);
    const knex = ctx.db.knex;
    const { foreign_town_id: townId } = await knex('partnerships')
      .where({ id: partnershipId })
      .first<{ foreign_town_id: number }>('foreign_town_id');
    // As Legnica: a town of 99,000 people, whose card says nothing of being a city.
    await knex('foreign_towns')
      .where({ id: townId })
      .update({ kind: 'town', population: 99_000, large_city: null, mayor_office: null });
    const { request } = await ok<Options>(dispatch('agreements:options', { source: { partnershipId } }));
    expect(request.fields.partner).toMatchObject({ nounKey: 'foreign_town', mayorRank: 'town' });
    const chosen = {
      ...request,
      fields: {
        ...request.fields,
        partner: { ...request.fields.partner, nounKey: 'foreign_city' as const, mayorRank: 'city' as const },
      },
    };
    const written = await ok<{ townCardFilled: string[] }>(
      dispatch('agreements:generate', { request: chosen, acceptMissing: true }),
    );
    expect(written.townCardFilled).toContain('largeCity');
    const stored = await knex('foreign_towns').where({ id: townId }).first<{ large_city: unknown }>('large_city');
    expect(Boolean(stored.large_city)).toBe(true);
    const next = await ok<Options & { partnerTown: { largeCity: boolean | null } }>(
      dispatch('agreements:options', { source: { partnershipId } }),
    );
    expect(next.request.fields.partner).toMatchObject({ nounKey: 'foreign_city', mayorRank: 'city' });
    expect(next.partnerTown.largeCity).toBe(true);
    // A draft that says "město" again does not replace what the card states (it is edited on the card).
    const back = {
      ...next.request,
      fields: {
        ...next.request.fields,
        partner: { ...next.request.fields.partner, nounKey: 'foreign_town' as const, mayorRank: 'town' as const },
      },
    };
    const again = await ok<{ townCardFilled: string[] }>(
      dispatch('agreements:generate', { request: back, acceptMissing: true, overwrite: true }),
    );
    expect(again.townCardFilled).not.toContain('largeCity');
    expect(Boolean((await knex('foreign_towns').where({ id: townId }).first('large_city')).large_city)).toBe(true);
    // A draft that keeps what the population gives states nothing: the card stays open.
    await knex('foreign_towns').where({ id: townId }).update({ large_city: null, population: 150_000 });
    const big = await ok<Options>(dispatch('agreements:options', { source: { partnershipId } }));
    expect(big.request.fields.partner.nounKey).toBe('foreign_city');
    const kept = await ok<{ townCardFilled: string[] }>(
      dispatch('agreements:generate', { request: big.request, acceptMissing: true, overwrite: true }),
    );
    expect(kept.townCardFilled).not.toContain('largeCity');
    expect((await knex('foreign_towns').where({ id: townId }).first('large_city')).large_city).toBeNull();
  });

  it('never overwrites without the flag; a retry may name only a path the dialog gave', async () => {
    const { ctx, dispatch, dir } = await setup(fixedFile('same.docx'));
    const partnershipId = await germanPartnership(ctx);
    const { request } = await ok<Options>(dispatch('agreements:options', { source: { partnershipId } }));
    const target = path.join(dir, 'same.docx');
    writeFileSync(target, 'precious');
    const first = await dispatch('agreements:generate', { request, acceptMissing: true });
    expect(first.ok).toBe(false);
    if (!first.ok) {
      expect(first.error.code).toBe('CONFLICT');
      expect(first.error.details?.filePath).toBe(target);
    }
    expect(readFileSync(target, 'utf8')).toBe('precious');
    const forbidden = await dispatch('agreements:generate', {
      request,
      acceptMissing: true,
      overwrite: true,
      filePath: path.join(dir, 'elsewhere.docx'),
    });
    expect(forbidden.ok ? 'ok' : forbidden.error.code).toBe('FORBIDDEN');
    await ok(dispatch('agreements:generate', { request, acceptMissing: true, overwrite: true, filePath: target }));
    expect(readFileSync(target).subarray(0, 2).toString()).toBe('PK');
  });

  it('the file name names the partner as the Czech title does (its Czech name where the draft has one)', async () => {
    const { ctx, dispatch } = await setup(fixedFile('x.docx'));
    const partnershipId = await germanPartnership(ctx);
    const { request } = await ok<Options>(dispatch('agreements:options', { source: { partnershipId } }));
    request.fields.partner.nameCs = 'Kostnice';
    const { fileName } = await ok<{ fileName: string }>(dispatch('agreements:preview', { request }));
    expect(fileName).toBe(`Smlouva o partnerství ${request.fields.cz.name} – Kostnice (cs-de).docx`);
    request.fields.partner.nameCs = '';
    const plain = await ok<{ fileName: string }>(dispatch('agreements:preview', { request }));
    expect(plain.fileName).toContain(`– ${request.fields.partner.name} (cs-de)`);
  });

  it('sanitises the proposed file name', async () => {
    const { ctx, dispatch } = await setup(fixedFile('x.docx'));
    const partnershipId = await germanPartnership(ctx);
    const { request } = await ok<Options>(dispatch('agreements:options', { source: { partnershipId } }));
    request.fields.partner.name = 'Kon/st:an*z?<>|"\\ \u0001CON';
    const { fileName } = await ok<{ fileName: string }>(dispatch('agreements:preview', { request }));
    // eslint-disable-next-line no-control-regex -- control characters must be gone from file names
    expect(fileName).not.toMatch(/[/\\:*?"<>|\u0000-\u001f]/);
    expect(fileName.endsWith('.docx')).toBe(true);
  });

  it('the Czech party’s state has its formal name in every language (C9: pl6, sk3, uk6, fr2)', async () => {
    const { ctx, dispatch } = await setup(fixedFile('x.docx'));
    const partnershipId = await germanPartnership(ctx);
    const { request } = await ok<Options>(dispatch('agreements:options', { source: { partnershipId } }));
    expect(request.fields.cz.countryNames).toEqual({
      cs: 'Česká republika',
      de: 'Tschechische Republik',
      pl: 'Republika Czeska',
      sk: 'Česká republika',
      en: 'Czech Republic',
      fr: 'République tchèque',
      it: 'Repubblica Ceca',
      hu: 'Cseh Köztársaság',
      uk: 'Чеська Республіка',
    });
  });

  it('an invalid stored value gives a draft with a marker and a warning, never a validation error', async () => {
    const { ctx, dispatch } = await setup(fixedFile('x.docx'));
    const partnershipId = await germanPartnership(ctx);
    const p = await ctx.db.knex('partnerships').where({ id: partnershipId }).first<{ foreign_town_id: number }>();
    // What SQLite keeps although the forms never write it: an impossible date, a name beyond the limit.
    await ctx.db.knex('partnerships').where({ id: partnershipId }).update({
      cz_resolution: 'ZM/1/2024',
      cz_resolution_date: '2024-13-45',
      partner_resolution_date: '2019-02-30',
      term_kind: 'fixed',
      term_until: 'soon',
    });
    await ctx.db
      .knex('foreign_towns')
      .where({ id: p?.foreign_town_id })
      .update({ name: 'Ж'.repeat(400) });
    const { request } = await ok<Options>(dispatch('agreements:options', { source: { partnershipId } }));
    expect(request.fields.cz.resolutionDate).toBeNull();
    expect(request.fields.partner.resolutionDate).toBeNull();
    expect(request.fields.validUntil).toBeNull();
    expect(request.fields.partner.name).toBe('');
    const preview = await ok<{ base64: string; warnings: { path: string }[] }>(
      dispatch('agreements:preview', { request }),
    );
    expect(preview.warnings.map((w) => w.path)).toEqual(
      expect.arrayContaining(['cz.resolutionDate', 'partner.resolutionDate', 'partner.name', 'validUntil']),
    );
    const zip = await JSZip.loadAsync(Buffer.from(preview.base64, 'base64'));
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    expect(xml).toContain('ZM/1/2024');
    expect(xml).toContain('[doplňte: datum usnesení]');
    expect(xml).toContain('[doplňte / bitte ergänzen: Name]');
    expect(xml).not.toContain('2024-13-45');
  });

  it('default file names fit 255 bytes with the temporary name, cut on whole characters', async () => {
    const { ctx, dispatch } = await setup(fixedFile('x.docx'));
    const partnershipId = await germanPartnership(ctx);
    const { request } = await ok<Options>(dispatch('agreements:options', { source: { partnershipId } }));
    const cases = [
      ['Статутарне місто Градець-Кралове '.repeat(6), 'Чернігівська міська територіальна громада '.repeat(5)],
      ['🏰👨‍👩‍👧'.repeat(60), 'Tábor'],
      ['A'.repeat(190), 'B'.repeat(190)],
    ] as const;
    for (const [cz, partner] of cases) {
      request.fields.cz.name = cz.slice(0, 300);
      request.fields.partner.name = partner.slice(0, 300);
      request.language = 'uk';
      const { fileName } = await ok<{ fileName: string }>(dispatch('agreements:preview', { request }));
      expect(Buffer.byteLength(fileName, 'utf8')).toBeLessThanOrEqual(180);
      // The atomic writer's temporary name beside it must fit as well.
      expect(Buffer.byteLength(`.${fileName}.123456-0123abcd.twinreg-tmp`, 'utf8')).toBeLessThanOrEqual(255);
      expect(fileName).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
      expect(fileName.endsWith(' (cs-uk).docx')).toBe(true);
      // Both names have their share.
      expect(fileName).toContain(cz.slice(0, 4));
      expect(fileName).toContain(partner.slice(0, 4));
    }
    // The family emoji is never split into its parts.
    request.fields.cz.name = '🏰👨‍👩‍👧'.repeat(60).slice(0, 300);
    request.fields.partner.name = 'Tábor';
    const { fileName } = await ok<{ fileName: string }>(dispatch('agreements:preview', { request }));
    expect(fileName.replace(/🏰|👨‍👩‍👧/gu, '')).toBe('Smlouva o partnerství  – Tábor (cs-uk).docx');
  });

  it('stores drafts with the partnership and re-generates one with the registry’s new data, keeping the user’s edits', async () => {
    const { ctx, dispatch, dir } = await setup(fixedFile('draft.docx'));
    const partnershipId = await germanPartnership(ctx);
    const { request } = await ok<Options>(dispatch('agreements:options', { source: { partnershipId } }));
    request.fields.partner.mayorName = 'Erika Muster';
    request.fields.partner.mayorGender = 'f';
    request.fields.partner.address = 'Rathausplatz 1';
    await ok(dispatch('agreements:generate', { request, acceptMissing: true }));
    const drafts = await ok<{ id: number; fileExists: boolean; template: string; languageSecond: string }[]>(
      dispatch('agreements:list', { partnershipId }),
    );
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({ fileExists: true, template: 'partnership', languageSecond: 'de' });

    const p = await ctx.db
      .knex('partnerships')
      .where({ id: partnershipId })
      .first<{ municipality_id: number }>('municipality_id');
    await ctx.db
      .knex('municipalities')
      .where({ id: p.municipality_id })
      .update({ mayor_name: 'Nová Starostka', mayor_gender: 'f' });
    const draftId = drafts[0]?.id ?? 0;
    const refused = await dispatch('agreements:regenerate', { draftId });
    expect(refused.ok ? 'ok' : refused.error.code).toBe('CONFLICT');
    await ok(dispatch('agreements:regenerate', { draftId, overwrite: true }));
    const zip = await JSZip.loadAsync(readFileSync(path.join(dir, 'draft.docx')));
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    expect(xml).toContain('Nová Starostka');
    expect(xml).toContain('Erika Muster');
    expect(await ok<unknown[]>(dispatch('agreements:list', { partnershipId }))).toHaveLength(2);
  });

  it('batch: one file per partnership, progress after each, stops when cancelled, never overwrites', async () => {
    const { ctx, dispatch, dir, events } = await setup(fixedFile('unused.docx'), (context, payload) => {
      const p = payload as { jobId: string; done: number };
      if (p.jobId === 'job-2' && p.done === 2) context.jobs.cancel('job-2');
    });
    const ids = (await ctx.db.knex('partnerships').orderBy('id').limit(4).select<{ id: number }[]>('id')).map(
      (r) => r.id,
    );
    const result = await ok<{ results: { filePath: string | null }[]; cancelled: boolean; folder: string }>(
      dispatch('agreements:batch', { jobId: 'job-1', partnershipIds: ids }),
    );
    expect(result.cancelled).toBe(false);
    expect(result.results).toHaveLength(4);
    for (const r of result.results) expect(r.filePath && existsSync(r.filePath)).toBeTruthy();
    const progress = events.filter((e) => e.event === 'job:progress').map((e) => (e.payload as { done: number }).done);
    expect(progress).toEqual([0, 1, 2, 3, 4]);

    const again = await ok<{ results: { filePath: string | null }[]; cancelled: boolean }>(
      dispatch('agreements:batch', { jobId: 'job-2', partnershipIds: ids }),
    );
    expect(again.cancelled).toBe(true);
    expect(again.results).toHaveLength(2);
    // Same names as the first batch: numbered, not overwritten.
    expect(again.results[0]?.filePath).toMatch(/\(2\)\.docx$/);
    expect(result.folder).toBe(path.join(dir, 'batch'));
  });

  it('starts from a member and a partner town without a partnership (nothing stored)', async () => {
    const { ctx, dispatch } = await setup(fixedFile('pair.docx'));
    const member = await ctx.db.knex('municipalities').first<{ id: number }>('id');
    const town = await ctx.db.knex('foreign_towns').where('country_code', 'PL').first<{ id: number }>('id');
    const has = await ctx.db
      .knex('partnerships')
      .where({ municipality_id: member.id, foreign_town_id: town.id })
      .first();
    const { partnershipId, request } = await ok<Options>(
      dispatch('agreements:options', { source: { municipalityId: member.id, foreignTownId: town.id } }),
    );
    expect(partnershipId === null).toBe(has === undefined);
    expect(request.language).toBe('pl');
    const written = await ok<{ draftId: number | null }>(
      dispatch('agreements:generate', { request, acceptMissing: true }),
    );
    expect(written.draftId === null).toBe(has === undefined);
  });

  it('rejects a 1-year renewal and a 1-month notice (the texts read in plural)', async () => {
    const { ctx, dispatch } = await setup(fixedFile('n.docx'));
    const partnershipId = await germanPartnership(ctx);
    const { request } = await ok<Options>(dispatch('agreements:options', { source: { partnershipId } }));
    const bad = await dispatch('agreements:preview', {
      request: { ...request, fields: { ...request.fields, termYears: 1 } },
    });
    expect(bad.ok ? 'ok' : bad.error.code).toBe('VALIDATION');
    const bad2 = await dispatch('agreements:preview', {
      request: { ...request, fields: { ...request.fields, noticeMonths: 1 } },
    });
    expect(bad2.ok ? 'ok' : bad2.error.code).toBe('VALIDATION');
  });
});
