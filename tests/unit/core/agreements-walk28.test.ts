import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import type { AgreementRequestInput } from '../../../shared/domain/agreements/schemas';
import type { TownCard } from '../../../shared/domain/town-card';
import { generateAgreementToPath } from '../../../electron/core/services/agreements/agreements-service';
import { withPartyNameCyrillic } from '../../../renderer/features/agreements/party-body';
import { createTestApp, ok, type TestApp } from '../../support/temp-db';

/*
 * Walkthrough 28, findings 2 and 8, on both engines:
 * - a cs–uk draft saved with the representative's name in Cyrillic: the next draft of the same
 *   town has it again, and names the same contracting party as the first file did;
 * - a cs–en draft names the signing party one way throughout: "Bridgwater Town Council" in the
 *   party line, the title, the approval and the signature, as the Hungarian drafts sign as their
 *   self-government.
 */

describe('agreement drafts of one town agree with each other (walkthrough 28)', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp({ demo: true });
  });
  afterEach(async () => {
    await app.cleanup();
  });

  const pairOf = async (town: string, member: string) => {
    const pair = await app.ctx.db
      .knex('partnerships as p')
      .join('foreign_towns as t', 't.id', 'p.foreign_town_id')
      .join('municipalities as m', 'm.id', 'p.municipality_id')
      .where({ 't.name': town, 'm.name': member })
      .first<{ id: number; townId: number } | undefined>('p.id', 't.id as townId');
    if (!pair) throw new Error(`the demo registry has no partnership ${member} – ${town}`);
    return pair;
  };
  const optionsOf = async (partnershipId: number) =>
    await ok<{ request: AgreementRequestInput; partnerTown: Parameters<typeof withPartyNameCyrillic>[2] }>(
      app.dispatch('agreements:options', { source: { partnershipId } }),
    );
  /** Writes the request's DOCX and answers its text, a line per paragraph. */
  const write = async (request: AgreementRequestInput, name: string) => {
    const file = path.join(app.dir, `${name}.docx`);
    await generateAgreementToPath(app.ctx, request, file, true);
    const xml = (await (await JSZip.loadAsync(readFileSync(file))).file('word/document.xml')?.async('text')) ?? '';
    return xml
      .replace(/<\/w:p>/g, '\n')
      .replace(/<[^>]+>/g, '')
      .split('\n')
      .map((line) => line.replace(/[\u00a0\u202f]/g, ' ').trim());
  };

  it('cs–uk: the representative’s Cyrillic name comes back in the next draft, with the same contracting party', async () => {
    const rakhiv = await pairOf('Rakhiv', 'Třebíč');
    const first = await optionsOf(rakhiv.id);
    expect(first.request.language).toBe('uk');
    expect(first.request.fields.partner.mayorNameCyrillic ?? '').toBe('');
    // As the form sends it: the town's name in Cyrillic typed (its council follows), the mayor in both scripts.
    const partner = {
      ...withPartyNameCyrillic(first.request.fields.partner, 'Рахів', first.partnerTown),
      mayorName: 'Viktor Medvid',
      mayorNameCyrillic: 'Віктор Медвідь',
      mayorGender: 'm' as const,
      address: 'вул. Миру, 1, м. Рахів, 90600',
      idNumber: '04053625',
    };
    const firstRequest = { ...first.request, fields: { ...first.request.fields, partner } };
    const firstText = await write(firstRequest, 'rakhiv-1');
    expect(firstText.join('\n')).toContain('міський голова Віктор Медвідь');
    expect(firstText).toContain('Рахівська міська рада');

    const second = await optionsOf(rakhiv.id);
    expect(second.request.fields.partner).toMatchObject({
      nameCyrillic: 'Рахів',
      mayorName: 'Viktor Medvid',
      mayorNameCyrillic: 'Віктор Медвідь',
      contractingBody: partner.contractingBody,
    });
    const secondText = await write(second.request, 'rakhiv-2');
    expect(secondText.join('\n')).toContain('міський голова Віктор Медвідь');
    expect(secondText.join('\n')).not.toContain('кирилицею');
    // The same party line in both files.
    const partyLine = (text: string[]) => text.filter((line) => /Рахів/.test(line) && /рада|Місто/.test(line))[0];
    expect(partyLine(secondText)).toBe(partyLine(firstText));

    // Another person on the card (a new mayor): the Cyrillic name of the former one is not carried over.
    const card = await ok<TownCard>(app.dispatch('towns:card', { id: rakhiv.townId }));
    await ok(
      app.dispatch('towns:update', { id: rakhiv.townId, version: card.version, patch: { mayorName: 'Olena Kovač' } }),
    );
    expect((await optionsOf(rakhiv.id)).request.fields.partner.mayorNameCyrillic ?? '').toBe('');
  });

  it('cs–en: the English text names and signs the party as its contracting body throughout', async () => {
    const bridgwater = await pairOf('Bridgwater', 'Uherské Hradiště');
    const { request } = await optionsOf(bridgwater.id);
    expect(request.language).toBe('en');
    expect(request.fields.partner.contractingBody).toBe('Bridgwater Town Council');
    const lines = await write({ ...request, fields: { ...request.fields, entry: 'approval' } }, 'bridgwater');
    const text = lines.join(' ');
    expect(lines).toContain('Bridgwater Town Council');
    expect(lines).toContain('For Bridgwater Town Council');
    expect(text).toContain('and Bridgwater Town Council');
    expect(text).toContain('the competent body of Bridgwater Town Council');
    // The party is never "the Town of Bridgwater" where it contracts, approves or signs.
    expect(text).not.toContain('For the Town of Bridgwater');
    expect(lines).toContain('between the Town of Uherské Hradiště and Bridgwater Town Council');
    expect(text).not.toContain('competent body of the Town of Bridgwater');
    // The town's citizens stay the town's.
    expect(text).toMatch(/citizens of the Town of Uherské Hradiště and the Town of\s+Bridgwater/);
    // The Czech column keeps its noun ("Za město Bridgwater").
    expect(lines).toContain('Za město Bridgwater');
  });
});
