import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AgreementRequestInput } from '../../../shared/domain/agreements/schemas';
import type { TownCard } from '../../../shared/domain/town-card';
import { createTestApp, ok, type TestApp } from '../../support/temp-db';

/* A draft's parties start from the registry and the partner-town card (issue 14 items 3–5). */

describe('agreement defaults from the partner-town card', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp({ demo: true });
  });
  afterEach(async () => {
    await app.cleanup();
  });

  const partnershipOf = async (town: string, member: string) =>
    await app.ctx.db
      .knex('partnerships as p')
      .join('foreign_towns as t', 't.id', 'p.foreign_town_id')
      .join('municipalities as m', 'm.id', 'p.municipality_id')
      .where({ 't.name': town, 'm.name': member })
      .first<{ id: number; townId: number }>('p.id', 't.id as townId');
  const defaults = async (partnershipId: number) =>
    (await ok<{ request: AgreementRequestInput }>(app.dispatch('agreements:options', { source: { partnershipId } })))
      .request;
  const updateCard = async (id: number, patch: Record<string, unknown>) => {
    const card = await ok<TownCard>(app.dispatch('towns:card', { id }));
    await ok(app.dispatch('towns:update', { id, version: card.version, patch }));
  };

  it('without a card: the office and contracting body by the country’s rules, the Czech name, formal states', async () => {
    const konstanz = await partnershipOf('Konstanz', 'Tábor');
    const de = await defaults(konstanz.id);
    expect(de.fields.partner.mayorOffice).toBe('DE:oberbuergermeister');
    expect(de.fields.partner.nameCs).toBe('Kostnice');
    expect(de.fields.partner.countryNames.cs).toBe('Spolková republika Německo');
    expect(de.fields.partner.countryNames.de).toBe('Bundesrepublik Deutschland');
    expect(de.fields.partner.mayorGender).toBeNull();
    expect(de.fields.cz.mayorOffice).toBe('CZ:starosta_mesta');

    const eger = await defaults((await partnershipOf('Eger', 'Kutná Hora')).id);
    expect(eger.fields.partner.contractingBody).toBe('Eger Megyei Jogú Város Önkormányzata');
    const zamky = await defaults((await partnershipOf('Nové Zámky', 'Tábor')).id);
    expect(zamky.fields.partner.mayorOffice).toBe('SK:primator');
    expect(zamky.fields.partner.idLabels).toMatchObject({ sk: 'IČO', cs: 'IČO', en: 'Identification No. (IČO)' });
    expect(de.fields.partner.nounKey).toBe('foreign_town');
    const wroclaw = await app.ctx.db
      .knex('partnerships as p')
      .join('foreign_towns as t', 't.id', 'p.foreign_town_id')
      .where('t.name', 'Wrocław')
      .first<{ id: number }>('p.id');
    expect((await defaults(wroclaw.id)).fields.partner.nounKey).toBe('foreign_city');
    const jelenia = await defaults((await partnershipOf('Jelenia Góra', 'Liberec')).id);
    expect(jelenia.fields.partner.mayorOffice).toBe('PL:prezydent_miasta');
    expect(jelenia.fields.cz.mayorOffice).toBe('CZ:primator');
  });

  it('with a card: its names, mayor, office, own title and contracting body; the Czech name only when chosen', async () => {
    const kalush = await partnershipOf('Kalush', 'Český Krumlov');
    await updateCard(kalush.townId, {
      nameNative: 'Калуш',
      address: 'вул. Євшана, 9, м. Калуш',
      mayorName: 'Андрій Найда',
      mayorGender: 'm',
    });
    const uk = await defaults(kalush.id);
    expect(uk.language).toBe('uk');
    expect(uk.fields.partner).toMatchObject({
      name: 'Kalush',
      nameCs: 'Kaluš',
      nameCyrillic: 'Калуш',
      address: 'вул. Євшана, 9, м. Калуш',
      mayorName: 'Андрій Найда',
      mayorGender: 'm',
      mayorOffice: 'UA:miskyi_holova',
      // From the Cyrillic name by the council's rule.
      contractingBody: 'Калуська міська рада',
      // Where the new text is signed nobody has said (walkthrough 21): blank, a marker in the text.
      signingPlace: '',
    });
    // The town is offered as its own name (Калуш, not the English spelling "Kalush"), beside the Czech one.
    const offered = await ok<{ placeSuggestions: string[] }>(
      app.dispatch('agreements:options', { source: { partnershipId: kalush.id } }),
    );
    expect(offered.placeSuggestions).toEqual(expect.arrayContaining(['Český Krumlov', 'Калуш']));
    expect(offered.placeSuggestions).not.toContain('Kalush');

    const konstanz = await partnershipOf('Konstanz', 'Tábor');
    await updateCard(konstanz.townId, {
      useCzechName: false,
      mayorOffice: 'DE:buergermeister',
      mayorTitle: 'Erster Bürgermeister',
      contractingBody: 'Stadt Konstanz am Bodensee',
    });
    const de = await defaults(konstanz.id);
    expect(de.fields.partner.nameCs).toBe('');
    expect(de.fields.partner.mayorOffice).toBe('DE:buergermeister');
    expect(de.fields.partner.mayorTitles).toEqual({ de: 'Erster Bürgermeister' });
    expect(de.fields.partner.contractingBody).toBe('Stadt Konstanz am Bodensee');
    expect(de.fields.partner.signingPlace).toBe('');
    expect(de.fields.cz.signingPlace).toBe('');
  });

  it('the preview prints what the card says', async () => {
    const kalush = await partnershipOf('Kalush', 'Český Krumlov');
    await updateCard(kalush.townId, { nameNative: 'Калуш', mayorName: 'Андрій Найда', mayorGender: 'm' });
    const request = await defaults(kalush.id);
    const preview = await ok<{ warnings: { path: string }[] }>(app.dispatch('agreements:preview', { request }));
    const paths = preview.warnings.map((w) => w.path);
    expect(paths).not.toContain('partner.nameCyrillic');
    expect(paths).not.toContain('partner.mayorNameCyrillic');
    expect(paths).not.toContain('partner.mayorGender');
  });

  it('review de6, de7, pl7, C15: a Bavarian market is a městys, a new draft is not dated, the gmina, the groups', async () => {
    const eschlkam = await app.ctx.db
      .knex('partnerships as p')
      .join('foreign_towns as t', 't.id', 'p.foreign_town_id')
      .where('t.name', 'Eschlkam')
      .first<{ id: number }>('p.id');
    const markt = await defaults(eschlkam.id);
    expect(markt.fields.partner.nounKey).toBe('mestys');
    expect(markt.fields.partner.contractingBody).toBe('Markt Eschlkam');
    // The partnership's own signing date belongs to its earlier text: a new draft's date lines stay blank.
    const signed = await app.ctx.db.knex('partnerships').whereRaw('length(signed_on) = 10').first<{ id: number }>('id');
    const dated = await defaults(signed.id);
    expect(dated.fields.cz.signingDate).toBeNull();
    expect(dated.fields.partner.signingDate).toBeNull();
    const konstanz = await partnershipOf('Konstanz', 'Tábor');
    const de = await defaults(konstanz.id);
    // The registry's participant groups go with the request (C15).
    const groups = await app.ctx.db
      .knex('partnership_participants')
      .where({ partnership_id: konstanz.id })
      .pluck<string[]>('participant_group');
    expect([...(de.participantGroups ?? [])].sort()).toEqual([...groups].sort());
    const klodzko = await defaults((await partnershipOf('Kłodzko', 'Náchod')).id);
    expect(klodzko.fields.partner.contractingBody).toBe('Gmina Miejska Kłodzko');
  });
});
