import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import type { ClauseLibrary } from '../../../shared/domain/agreements/library';
import {
  buildAgreementModel,
  sectionText,
  type AgreementModel,
  type AgreementRequest,
  type PartnerLanguage,
  type PartyFields,
  type Run,
} from '../../../shared/domain/agreements/model';
import type { AgreementRequestInput } from '../../../shared/domain/agreements/schemas';
import { defaultContractingBody } from '../../../shared/domain/agreements/contracting-bodies';
import {
  UNSTATED_CZECH_OFFICES,
  officeContradictsKind,
  unstatedPartnerOffices,
} from '../../../shared/domain/agreements/offices';
import { countryNames, loadClauseLibrary } from '../../../electron/core/services/agreements/library-loader';
import {
  generateAgreementToPath,
  regenerateDraft,
} from '../../../electron/core/services/agreements/agreements-service';
import type { TownCard } from '../../../shared/domain/town-card';
import { RESOURCES_DIR, createTestApp, ok, type TestApp } from '../../support/temp-db';

/*
 * Walkthrough 21, findings 1–3: an office or a kind nobody stated is never printed as a default
 * title ("Wójt Gminy") or body ("Gmina Śmigiel"); the place of signing is not the party's own town
 * until someone says so; a kind and an office that contradict each other are named on the screen.
 */

let library: ClauseLibrary;
beforeAll(async () => {
  library = await loadClauseLibrary(RESOURCES_DIR);
});

const czech = (over: Partial<PartyFields> = {}): PartyFields => ({
  name: 'Jemnice',
  nounKey: 'obec',
  kindStated: false,
  countryNames: countryNames('CZ'),
  address: 'Husova 103, 675 31 Jemnice',
  idNumber: '00289531',
  mayorName: 'Jan Novák',
  mayorGender: 'm',
  mayorRank: 'municipality',
  mayorOffice: 'CZ:starosta',
  unstatedOffices: [...UNSTATED_CZECH_OFFICES],
  mayorTitles: {},
  signingPlace: '',
  signingDate: null,
  resolution: 'ZM/1/2025',
  resolutionDate: '2025-01-20',
  ...over,
});

const reszel = (over: Partial<PartyFields> = {}): PartyFields => ({
  name: 'Reszel',
  nounKey: 'foreign_municipality',
  kindStated: false,
  countryNames: countryNames('PL'),
  address: 'ul. Rynek 24, 11-440 Reszel',
  idNumber: '',
  mayorName: 'Marek Janowski',
  mayorGender: 'm',
  mayorRank: 'municipality',
  mayorOffice: 'PL:wojt',
  unstatedOffices: ['PL:wojt', 'PL:burmistrz'],
  mayorTitles: {},
  signingPlace: '',
  signingDate: null,
  resolution: 'XII/100/2025',
  resolutionDate: '2025-02-10',
  ...over,
});

const request = (language: PartnerLanguage, fields: Partial<AgreementRequest['fields']> = {}): AgreementRequest => ({
  template: 'partnership',
  language,
  layout: 'parallel',
  preambles: [],
  omit: [],
  titlePage: false,
  areas: ['culture'],
  fields: {
    cz: czech(),
    partner: reszel(),
    duration: 'indefinite',
    entry: 'approval',
    validUntil: null,
    termYears: 5,
    noticeMonths: 6,
    originals: 4,
    projectName: '',
    ...fields,
  },
});

/** A party block's representative line in a column (the line with the person's name). */
const representedRuns = (model: AgreementModel, column: 0 | 1, person: string): Run[] => {
  const parties = model.sections.find((s) => s.kind === 'parties');
  const line = parties?.texts[column].find((p) => p.role === 'partyLine' && sectionText([p]).includes(person));
  if (line === undefined) throw new Error(`no line naming ${person}`);
  return line.runs;
};
const paths = (model: AgreementModel) => model.warnings.map((w) => w.path);
const nbsp = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('an office nobody stated is never a default title (finding 1)', () => {
  it('Polish: both parties’ titles are markers naming the offices, in the text and in the signatures', () => {
    const model = buildAgreementModel(library, request('pl'));
    const czechInPolish = representedRuns(model, 1, 'Jan Novák');
    const partnerInPolish = representedRuns(model, 1, 'Marek Janowski');
    for (const runs of [czechInPolish, partnerInPolish]) {
      const marker = runs.find((r) => r.missing === true);
      expect(nbsp(marker?.text ?? '')).toBe('[doplňte / proszę uzupełnić: Wójt Gminy / Burmistrz Miasta]');
      // Nowhere as plain text.
      expect(
        runs
          .filter((r) => r.missing !== true)
          .map((r) => r.text)
          .join(''),
      ).not.toMatch(/Wójt|Burmistrz/);
    }
    // In Czech a starosta of an obec or a town is "starosta" either way: printed, not a guess.
    expect(sectionText([{ role: 'text', runs: representedRuns(model, 0, 'Jan Novák') }])).toContain('starosta');
    expect(representedRuns(model, 0, 'Jan Novák').some((r) => r.missing === true)).toBe(false);
    // The Polish wójt or burmistrz is a starosta in Czech too.
    expect(representedRuns(model, 0, 'Marek Janowski').some((r) => r.missing === true)).toBe(false);
    for (const signature of model.signatures) {
      expect(signature.functionsMissing).toEqual([false, true]);
      expect(nbsp(signature.functions[1])).toContain('Wójt Gminy / Burmistrz Miasta');
    }
    expect(paths(model)).toEqual(expect.arrayContaining(['cz.mayorOffice', 'partner.mayorOffice']));
    // "Za gminę Reszel": the noun of a kind nobody stated is highlighted in the signature block too.
    const forPartner = model.signatures[1].forPartyRuns?.[1] ?? [];
    expect(forPartner.find((r) => r.guessed === true)?.text).toBe('gminę');
  });

  it('where the offices read alike in a language the title is printed, and nothing is listed (German)', () => {
    const model = buildAgreementModel(library, request('de', { partner: reszel({ mayorGender: 'f' }) }));
    expect(representedRuns(model, 1, 'Jan Novák').some((r) => r.missing === true)).toBe(false);
    expect(sectionText([{ role: 'text', runs: representedRuns(model, 1, 'Jan Novák') }])).toContain('Bürgermeister');
    expect(paths(model)).not.toContain('cz.mayorOffice');
  });

  it('Ukrainian: a village’s and a town’s head differ, so the Czech party’s title is a marker there', () => {
    const model = buildAgreementModel(library, request('uk'));
    const runs = representedRuns(model, 1, 'Ян Новак');
    expect(runs.find((r) => r.missing === true)?.text).toMatch(/сільський голова \/ міський голова/);
    expect(paths(model)).toContain('cz.mayorOffice');
  });

  it('a gender not known either: the marker names every form, listed as gender and office', () => {
    const model = buildAgreementModel(library, request('pl', { cz: czech({ mayorGender: null }) }));
    const czechColumn = representedRuns(model, 0, 'Jan Novák');
    expect(czechColumn.find((r) => r.missing === true)?.text).toBe('[doplňte: starosta / starostka]');
    expect(paths(model)).toEqual(expect.arrayContaining(['cz.mayorGender', 'cz.mayorOffice']));
  });

  it('a stated office prints as before: no marker, nothing listed', () => {
    const stated = buildAgreementModel(
      library,
      request('pl', {
        cz: czech({ unstatedOffices: [], kindStated: true, nounKey: 'mesto', mayorOffice: 'CZ:starosta_mesta' }),
        partner: reszel({
          unstatedOffices: [],
          kindStated: true,
          nounKey: 'foreign_town',
          mayorOffice: 'PL:burmistrz',
        }),
      }),
    );
    expect(sectionText([{ role: 'text', runs: representedRuns(stated, 1, 'Marek Janowski') }])).toContain(
      'Burmistrz Miasta',
    );
    expect(representedRuns(stated, 1, 'Jan Novák').some((r) => r.missing === true)).toBe(false);
    expect(paths(stated).filter((p) => p.endsWith('mayorOffice'))).toEqual([]);
    // A draft stored before (no list of offices in doubt) prints its office's title, as it did.
    const older = request('pl', { partner: reszel({ unstatedOffices: undefined }) });
    const olderModel = buildAgreementModel(library, older);
    expect(sectionText([{ role: 'text', runs: representedRuns(olderModel, 1, 'Marek Janowski') }])).toContain(
      'Wójt Gminy',
    );
  });

  it('the rules: a Polish town of unknown kind may have a wójt or a burmistrz; an Austrian one always a Bürgermeister', () => {
    const town = { name: 'Śmigiel', countryCode: 'PL', kind: 'unknown' as const, population: 5600 };
    expect(unstatedPartnerOffices({ ...town, adminRegion: null, language: 'pl' })).toEqual(['PL:wojt', 'PL:burmistrz']);
    expect(
      unstatedPartnerOffices({ ...town, name: 'Gmünd', countryCode: 'AT', adminRegion: null, language: 'de' }),
    ).toEqual([]);
    // The gmina's name is a kind's: not given while the kind is unknown ("Gmina Śmigiel" was printed as fact).
    expect(defaultContractingBody({ ...town, nameNative: null })).toBeNull();
    expect(defaultContractingBody({ ...town, nameNative: null, kind: 'municipality' })).toBe('Gmina Śmigiel');
    // Italy names a comune alike whatever its kind.
    expect(defaultContractingBody({ ...town, name: 'Siena', countryCode: 'IT', nameNative: null })).toBe(
      'Comune di Siena',
    );
  });
});

describe('the place of signing is what someone stated (finding 2)', () => {
  it('blank: a marker in each signature block, listed for both parties', () => {
    const model = buildAgreementModel(library, request('de'));
    const [cz, partner] = model.signatures;
    expect(cz.place).toEqual({ text: '[doplňte: místo podpisu]', missing: true });
    expect(partner.place).toEqual({ text: '[doplňte / bitte ergänzen: Ort der Unterzeichnung]', missing: true });
    expect(paths(model)).toEqual(expect.arrayContaining(['cz.signingPlace', 'partner.signingPlace']));
  });

  it('stated: printed, and not listed', () => {
    const model = buildAgreementModel(
      library,
      request('de', { cz: czech({ signingPlace: 'Jemnice' }), partner: reszel({ signingPlace: 'Jemnice' }) }),
    );
    expect(model.signatures.map((s) => s.place)).toEqual([{ text: 'Jemnice' }, { text: 'Jemnice' }]);
    expect(paths(model).filter((p) => p.endsWith('signingPlace'))).toEqual([]);
  });
});

describe('a kind and an office that contradict each other (finding 3)', () => {
  it('both are printed as stated and the list names the contradiction', () => {
    const model = buildAgreementModel(
      library,
      request('pl', {
        partner: reszel({ kindStated: true, unstatedOffices: [], mayorOffice: 'PL:prezydent_miasta' }),
      }),
    );
    expect(paths(model)).toContain('partner.officeKind');
    const polish = sectionText([{ role: 'text', runs: representedRuns(model, 1, 'Marek Janowski') }]);
    expect(polish).toContain('Prezydent Miasta');
    // A fitting pair is not named.
    const fitting = buildAgreementModel(
      library,
      request('pl', { partner: reszel({ kindStated: true, unstatedOffices: [], mayorOffice: 'PL:wojt' }) }),
    );
    expect(paths(fitting)).not.toContain('partner.officeKind');
    expect(officeContradictsKind('municipality', 'PL:prezydent_miasta')).toBe(true);
    expect(officeContradictsKind('town', 'PL:wojt')).toBe(true);
    expect(officeContradictsKind('unknown', 'PL:wojt')).toBe(false);
    expect(officeContradictsKind('municipality', 'DE:buergermeister')).toBe(false);
  });
});

describe('from the registry (the service)', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp({ demo: true });
  });
  afterEach(async () => {
    await app.cleanup();
  });

  const klodzko = async () =>
    await app.ctx.db
      .knex('partnerships as p')
      .join('foreign_towns as t', 't.id', 'p.foreign_town_id')
      .where('t.name', 'Kłodzko')
      .first<{ id: number; townId: number; municipalityId: number }>(
        'p.id',
        't.id as townId',
        'p.municipality_id as municipalityId',
      );
  const options = async (partnershipId: number) =>
    await ok<{ request: AgreementRequestInput; placeSuggestions: string[] }>(
      app.dispatch('agreements:options', { source: { partnershipId } }),
    );

  it('a town of unknown kind without an office: offices in doubt, no gmina, no place; the DOCX marks them', async () => {
    const pair = await klodzko();
    const card = await ok<TownCard>(app.dispatch('towns:card', { id: pair.townId }));
    await ok(app.dispatch('towns:update', { id: pair.townId, version: card.version, patch: { kind: 'unknown' } }));
    await app.ctx.db.knex('municipalities').where({ id: pair.municipalityId }).update({ kind: 'unknown' });
    const { request: defaults, placeSuggestions } = await options(pair.id);
    expect(defaults.fields.partner.unstatedOffices).toEqual(['PL:wojt', 'PL:burmistrz']);
    expect(defaults.fields.cz.unstatedOffices).toEqual(['CZ:starosta', 'CZ:starosta_mesta']);
    expect(defaults.fields.partner.contractingBody).toBe('');
    expect([defaults.fields.cz.signingPlace, defaults.fields.partner.signingPlace]).toEqual(['', '']);
    expect(placeSuggestions).toContain('Kłodzko');
    const preview = await ok<{ base64: string; warnings: { path: string }[] }>(
      app.dispatch('agreements:preview', { request: { ...defaults, language: 'pl' } }),
    );
    expect(preview.warnings.map((w) => w.path)).toEqual(
      expect.arrayContaining(['cz.signingPlace', 'partner.signingPlace', 'partner.mayorOffice', 'partner.kind']),
    );
    const xml = await (
      await JSZip.loadAsync(Buffer.from(preview.base64, 'base64'))
    )
      .file('word/document.xml')
      ?.async('text');
    const text = (xml ?? '').replace(/<[^>]+>/g, '');
    expect(text).toContain('Wójt Gminy / Burmistrz Miasta]');
    expect(text).toContain('[doplňte / proszę uzupełnić: miejsce podpisania]');
    // "Gmina Kłodzko" only with "Gmina" highlighted, the noun of a kind not stated (no default body).
    expect(xml).toMatch(/<w:highlight w:val="yellow"\/>(?:<(?!\/w:r>)[^>]+>)*Gmina<\/w:t>/);
    expect(xml).not.toMatch(/>Gmina Kłodzko</);
  });

  it('a stated office prints as before (the card’s burmistrz)', async () => {
    const pair = await klodzko();
    const { request: defaults } = await options(pair.id);
    expect(defaults.fields.partner.unstatedOffices).toEqual([]);
    expect(defaults.fields.cz.unstatedOffices).toEqual([]);
    const preview = await ok<{ base64: string; warnings: { path: string }[] }>(
      app.dispatch('agreements:preview', { request: { ...defaults, language: 'pl' } }),
    );
    expect(preview.warnings.map((w) => w.path)).not.toContain('partner.mayorOffice');
    const xml = await (
      await JSZip.loadAsync(Buffer.from(preview.base64, 'base64'))
    )
      .file('word/document.xml')
      ?.async('text');
    expect((xml ?? '').replace(/<[^>]+>/g, '')).toContain('Burmistrz Miasta');
  });

  it('a draft saved before keeps the place and the title it printed when regenerated', async () => {
    const pair = await klodzko();
    const card = await ok<TownCard>(app.dispatch('towns:card', { id: pair.townId }));
    await ok(app.dispatch('towns:update', { id: pair.townId, version: card.version, patch: { kind: 'unknown' } }));
    const { request: defaults } = await options(pair.id);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'twinreg-draft-'));
    const filePath = path.join(dir, 'draft.docx');
    const written = await generateAgreementToPath(app.ctx, { ...defaults, language: 'pl' }, filePath, false);
    expect(written.warnings.map((w) => w.path)).toContain('partner.signingPlace');
    const draftId = written.draftId;
    if (draftId === null) throw new Error('no draft recorded');
    // The options as a draft saved before this change stored them: the towns' names as the places, no offices in doubt.
    const row = await app.ctx.db
      .knex('agreement_documents')
      .where({ id: draftId })
      .first<{ options: string }>('options');
    const stored = JSON.parse(row.options) as {
      request: AgreementRequestInput;
      defaults: AgreementRequestInput['fields'];
    };
    for (const fields of [stored.request.fields, stored.defaults]) {
      fields.cz.signingPlace = fields.cz.name;
      fields.partner.signingPlace = 'Kłodzko';
      delete fields.partner.unstatedOffices;
      delete fields.cz.unstatedOffices;
    }
    await app.ctx.db
      .knex('agreement_documents')
      .where({ id: draftId })
      .update({ options: JSON.stringify(stored) });
    const again = await regenerateDraft(app.ctx, draftId, true);
    const listed = again.warnings.map((w) => w.path);
    expect(listed).not.toContain('partner.signingPlace');
    expect(listed).not.toContain('cz.signingPlace');
    expect(listed).not.toContain('partner.mayorOffice');
    const xml = await (await JSZip.loadAsync(readFileSync(filePath))).file('word/document.xml')?.async('text');
    const text = (xml ?? '').replace(/<[^>]+>/g, '');
    expect(text).toContain('Wójt Gminy');
    expect(text).toContain('Kłodzko');
    expect(text).not.toContain('miejsce podpisania');
  });
});
