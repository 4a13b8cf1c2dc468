import { readFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  agreementCatalog,
  agreementDefaults,
  buildAgreement,
  generateAgreementToPath,
  regenerateDraft,
} from '../../../electron/core/services/agreements/agreements-service';
import { insertActivity } from '../../../electron/core/repositories/activities-repository';
import { insertContact } from '../../../electron/core/repositories/contacts-repository';
import { sectionText } from '../../../shared/domain/agreements/model';
import type { AgreementRequestInput } from '../../../shared/domain/agreements/schemas';
import { createTestApp, type TestApp } from '../../support/temp-db';

/* Annex 1 read from the registry, the countersignature and the project's fields kept with a stored
   draft and when it is regenerated (issue 14 item 9). */

let app: TestApp;
let partnershipId: number;
beforeAll(async () => {
  app = await createTestApp({ demo: true });
  const row = await app.ctx.db
    .knex('partnerships as p')
    .join('foreign_towns as t', 't.id', 'p.foreign_town_id')
    .where('t.country_code', 'PL')
    .first<{ id: number }>('p.id');
  partnershipId = row.id;
  const now = new Date().toISOString();
  const db = app.ctx.db.knex;
  await insertActivity(db, { partnershipId, date: '2099-06-01', title: 'Výměna mládeže 2099', kind: 'exchange' }, now);
  await insertActivity(db, { partnershipId, date: '2001-03-01', title: 'Dávná návštěva', kind: 'official_visit' }, now);
  await insertContact(db, { partnershipId, side: 'partner', name: 'Anna Testowa', role: 'koordynatorka' }, now);
});
afterAll(async () => app.cleanup());

const textOf = async (bytes: Buffer): Promise<string> => {
  const xml = (await (await JSZip.loadAsync(bytes)).file('word/document.xml')?.async('string')) ?? '';
  return [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)]
    .map((m) => m[1])
    .join(' ')
    .replace(/\u00a0/g, ' ');
};

describe('Annex 1 from the registry', () => {
  it('lists the activities still to come and the contacts of the partnership, not past ones', async () => {
    const { request } = await agreementDefaults(app.ctx, { partnershipId });
    const { model } = await buildAgreement(app.ctx, { ...request, annex: true });
    const cs = (model.annex ?? []).map((s) => sectionText(s.texts[0])).join('\n');
    expect(cs).toContain('Výměna mládeže 2099');
    expect(cs).not.toContain('Dávná návštěva');
    expect(cs).toContain('Anna Testowa, koordynatorka');
    // Without the tick: no annex.
    expect((await buildAgreement(app.ctx, request)).model.annex).toBeUndefined();
  });

  it('the screen offers the new optional articles with Czech and English names', async () => {
    const catalog = await agreementCatalog(app.ctx);
    expect(catalog.partnership.optional).toEqual(
      expect.arrayContaining([
        { id: 'disputes', heading: 'Řešení sporů', headingEn: 'Settlement of Disputes', offByDefault: false },
        {
          id: 'data_protection',
          heading: 'Ochrana osobních údajů',
          headingEn: 'Data Protection',
          offByDefault: false,
        },
      ]),
    );
    // The charter's paragraphs have no heading: named as the same article elsewhere, off until ticked.
    expect(catalog.charter.optional).toEqual([
      { id: 'data_protection', heading: 'Ochrana osobních údajů', headingEn: 'Data Protection', offByDefault: true },
      { id: 'disputes', heading: 'Řešení sporů', headingEn: 'Settlement of Disputes', offByDefault: true },
    ]);
  });
});

describe('a stored draft keeps what the user chose when it is regenerated', () => {
  it('annex, countersignature, programme, lead partner and shares; the plan is read again', async () => {
    const { request: defaults } = await agreementDefaults(app.ctx, { partnershipId });
    const request: AgreementRequestInput = {
      ...defaults,
      template: 'project',
      language: 'pl',
      annex: true,
      fields: {
        ...defaults.fields,
        projectName: 'Mosty',
        programme: 'Interreg VI-A Česko – Polsko',
        leadPartner: 'cz',
        budgetShares: { cz: '55 %', partner: '45 %' },
        countersignature: { name: 'Jan Skarbnik' },
      },
      articleEdits: {
        articles: { publicity: { removed: true } },
        own: [
          {
            id: 'bridge',
            after: 'subject',
            text: ['Lávka\nStrany společně opraví lávku.', 'Kładka\nStrony wspólnie wyremontują kładkę.'],
          },
        ],
      },
    };
    const file = path.join(app.dir, 'project.docx');
    const written = await generateAgreementToPath(app.ctx, request, file, false);
    expect(written.draftId).not.toBeNull();
    const first = await textOf(readFileSync(file));
    expect(first).toContain('Kontrasygnata Skarbnika');
    expect(first).toContain('Jan Skarbnik');
    expect(first).toContain('Interreg VI-A Česko – Polsko');
    expect(first).toContain('55 %');
    // A new activity in the registry after the draft was saved comes into the regenerated annex.
    await insertActivity(
      app.ctx.db.knex,
      { partnershipId, date: '2099-09-09', title: 'Hasičská soutěž 2099', kind: 'sports_event' },
      new Date().toISOString(),
    );
    await regenerateDraft(app.ctx, written.draftId ?? 0, true);
    const again = await textOf(readFileSync(file));
    expect(again).toContain('Kontrasygnata Skarbnika');
    expect(again).toContain('Jan Skarbnik');
    expect(again).toContain('Interreg VI-A Česko – Polsko');
    expect(again).toContain('45 %');
    expect(again).toContain('Hasičská soutěž 2099');
    // The user's own clause and the removed article, as saved.
    expect(again).toContain('Strony wspólnie wyremontują kładkę.');
    expect(again).not.toContain('Informacja i promocja');
    expect(first).not.toContain('Informacja i promocja');
  });
});
