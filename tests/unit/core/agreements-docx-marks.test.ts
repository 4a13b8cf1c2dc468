import { existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgreementRequestInput } from '../../../shared/domain/agreements/schemas';
import {
  agreementDefaults,
  buildAgreement,
  generateAgreementToPath,
  listDrafts,
  regenerateDraft,
} from '../../../electron/core/services/agreements/agreements-service';
import { createTestApp, tempDir, type TestApp } from '../../support/temp-db';

/**
 * What a mayor's office needs around the text (review P3 12 and 14): the "NÁVRH / ENTWURF" mark
 * until the text is final, the seal's place beside each signature, and both originals as a pair
 * ("Vyhotovení pro …", each party's language first), saved as two files.
 */

async function xml(bytes: Buffer): Promise<{ document: string; headers: string }> {
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files);
  const read = async (name: string) => (await zip.file(name)?.async('string')) ?? '';
  const headers = await Promise.all(names.filter((n) => /^word\/header\d*\.xml$/.test(n)).map(read));
  return { document: await read('word/document.xml'), headers: headers.join('\n') };
}
const text = (x: string): string =>
  [...x.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)]
    .map((m) => m[1] ?? '')
    .join(' ')
    .replace(/[\u00a0\u202f]/g, ' ');

let app: TestApp;
let base: AgreementRequestInput;
let partnershipId: number;

beforeAll(async () => {
  app = await createTestApp({ demo: true });
  const row = await app.ctx.db
    .knex('partnerships as p')
    .join('foreign_towns as t', 't.id', 'p.foreign_town_id')
    .where('t.country_code', 'PL')
    // The same row on both engines (Jaworze: the first town by name, its first partnership).
    .orderBy(['t.name_key', 'p.id'])
    .first<{ id: number }>('p.id');
  partnershipId = row.id;
  base = { ...(await agreementDefaults(app.ctx, { partnershipId })).request, language: 'pl' };
});
afterAll(async () => app.cleanup());

describe('the draft mark', () => {
  it('heads every page with "NÁVRH / PROJEKT" until the text is final', async () => {
    const draft = await xml((await buildAgreement(app.ctx, { ...base, titlePage: true })).bytes);
    expect(text(draft.headers)).toContain('NÁVRH / PROJEKT');
    // The title page has its own (first-page) header, which carries the mark too.
    expect(draft.document).toMatch(/<w:headerReference w:type="first"/);
    expect(draft.document).toMatch(/<w:headerReference w:type="default"/);
    const final = await xml((await buildAgreement(app.ctx, { ...base, titlePage: true, final: true })).bytes);
    expect(text(final.headers)).not.toContain('NÁVRH');
    expect(final.document).not.toMatch(/<w:headerReference/);
  });

  it('is in the partner language first in the alternate original', async () => {
    const alternate = await xml(
      (await buildAgreement(app.ctx, { ...base, language: 'de', layout: 'alternate' })).bytes,
    );
    expect(text(alternate.headers)).toContain('ENTWURF / NÁVRH');
  });
});

describe('the seal', () => {
  it('has its place beside each signature, labelled in both languages', async () => {
    const { document } = await xml((await buildAgreement(app.ctx, { ...base, language: 'de' })).bytes);
    const signatures = document.slice(document.lastIndexOf('<w:tr>'));
    expect(text(signatures).match(/\(razítko \/ Siegel\)/g)).toHaveLength(2);
  });
});

describe('both originals', () => {
  it('the Czech copy is Czech first, the partner copy Polish first, each says whose it is', async () => {
    const cz = await buildAgreement(app.ctx, { ...base, copyFor: 'cz' });
    const partner = await buildAgreement(app.ctx, { ...base, copyFor: 'partner' });
    expect(cz.model.languages).toEqual(['cs', 'pl']);
    expect(partner.model.languages).toEqual(['pl', 'cs']);
    const czName = base.fields.cz.name;
    const plName = base.fields.partner.name;
    const czText = text((await xml(cz.bytes)).document);
    expect(czText).toContain(`Vyhotovení pro`);
    expect(czText).toMatch(new RegExp(`Vyhotovení pro (obec|město|městys|statutární město) ${czName}`));
    // Polish "dla" takes the genitive: "dla miasta …", "dla gminy …".
    expect(czText).toMatch(new RegExp(`Egzemplarz dla (gminy|miasta|miasteczka|miasta statutarnego) ${czName}`));
    const partnerText = text((await xml(partner.bytes)).document);
    expect(partnerText).toMatch(new RegExp(`Egzemplarz dla (miasta|gminy) ${plName}`));
    expect(partnerText).toMatch(new RegExp(`Vyhotovení pro (město|obec) ${plName}`));
    expect(partnerText.indexOf('Egzemplarz')).toBeLessThan(partnerText.indexOf('Vyhotovení'));
    expect(cz.fileName).toMatch(new RegExp(`– vyhotovení pro ${czName}\\.docx$`));
    expect(partner.fileName).toMatch(new RegExp(`– vyhotovení pro ${plName}\\.docx$`));
    // No line on a plain draft.
    expect(text((await xml((await buildAgreement(app.ctx, base)).bytes)).document)).not.toContain('Vyhotovení pro');
  });

  it('the sequential partner copy has the Polish text first, then the Czech', async () => {
    const { model } = await buildAgreement(app.ctx, { ...base, layout: 'sequential', copyFor: 'partner' });
    expect(model.layout).toBe('sequential');
    expect(model.languages).toEqual(['pl', 'cs']);
    expect(model.signatures[0].side).toBe('partner');
  });

  it('a pair writes two files and records two drafts; the second refuses to overwrite without consent', async () => {
    const dir = tempDir();
    const first = path.join(dir, 'smlouva.docx');
    const before = (await listDrafts(app.ctx, partnershipId)).length;
    const written = await generateAgreementToPath(app.ctx, { ...base, pair: true }, first, false);
    expect(written.filePath).toBe(first);
    expect('pairFilePath' in written && written.pairFilePath).toMatch(/– vyhotovení pro .*\.docx$/);
    expect(readdirSync(dir).sort()).toHaveLength(2);
    const drafts = await listDrafts(app.ctx, partnershipId);
    expect(drafts.length).toBe(before + 2);
    expect(
      drafts
        .slice(0, 2)
        .map((d) => d.languageFirst)
        .sort(),
    ).toEqual(['cs', 'pl']);
    // Each draft is recorded as its file is laid out: the partner's original is the alternate text.
    expect(drafts.find((d) => d.languageFirst === 'cs')?.layout).toBe('parallel');
    expect(drafts.find((d) => d.languageFirst === 'pl')?.layout).toBe('alternate');
    // Either file existing stops both (nothing half-written), and the refusal names the existing ones.
    const partnerFile = 'pairFilePath' in written ? written.pairFilePath : '';
    await expect(generateAgreementToPath(app.ctx, { ...base, pair: true }, first, false)).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { files: [first, partnerFile] },
    });
    rmSync(first);
    await expect(generateAgreementToPath(app.ctx, { ...base, pair: true }, first, false)).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { filePath: first, files: [partnerFile] },
    });
    // A stored copy regenerates as that copy.
    const partnerDraft = drafts.find((d) => d.languageFirst === 'pl');
    expect(partnerDraft).toBeDefined();
    const again = await regenerateDraft(app.ctx, partnerDraft?.id ?? 0, true);
    expect(existsSync(again.filePath)).toBe(true);
    expect((await listDrafts(app.ctx, partnershipId))[0]?.languageFirst).toBe('pl');
  });
});
