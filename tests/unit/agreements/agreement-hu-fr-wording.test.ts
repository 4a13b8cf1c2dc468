import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import type { PartnerLanguage } from '../../../shared/domain/agreements/model';
import type { AgreementRequestInput } from '../../../shared/domain/agreements/schemas';
import { generateAgreementToPath } from '../../../electron/core/services/agreements/agreements-service';
import { createTestApp, ok, type TestApp } from '../../support/temp-db';

/*
 * Walkthrough 26, findings 8 and 10b, and review hu1: a Hungarian partner is named, and signs, as
 * the municipality as legal person ("Eger Megyei Jogú Város Önkormányzata részéről"), by the kind
 * the registry states (a kind not stated keeps its highlighted noun); a French marker has the
 * no-break space before its colon everywhere, the signature block included.
 */

const NBSP = '\u00a0';

describe('Hungarian party names and French markers in a draft', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp({ demo: true });
  });
  afterEach(async () => {
    await app.cleanup();
  });

  const pairOf = async (town: string) => {
    const pair = await app.ctx.db
      .knex('partnerships as p')
      .join('foreign_towns as t', 't.id', 'p.foreign_town_id')
      .where({ 't.name': town })
      .first<{ id: number; townId: number } | undefined>('p.id', 't.id as townId');
    if (!pair) throw new Error(`the demo registry has no partnership with ${town}`);
    return pair;
  };
  /** The draft's text as written to the DOCX, a line per paragraph, and its XML. */
  const draftOf = async (town: string, language: PartnerLanguage) => {
    const { request } = await ok<{ request: AgreementRequestInput }>(
      app.dispatch('agreements:options', { source: { partnershipId: (await pairOf(town)).id } }),
    );
    const file = path.join(app.dir, `${town}-${language}.docx`);
    await generateAgreementToPath(app.ctx, { ...request, language }, file, true);
    const xml = (await (await JSZip.loadAsync(readFileSync(file))).file('word/document.xml')?.async('text')) ?? '';
    const lines = xml
      .replace(/<\/w:p>/g, '\n')
      .replace(/<[^>]+>/g, '')
      .split('\n')
      .map((line) => line.trim());
    return { lines, xml };
  };
  const setKind = async (town: string, kind: 'town' | 'municipality' | 'unknown') =>
    await app.ctx.db
      .knex('foreign_towns')
      .where({ id: (await pairOf(town)).townId })
      .update({ kind });

  it('a Hungarian partner of each kind stated is named and signs as its self-government', async () => {
    // A city with county rights (the registry states a town).
    const eger = await draftOf('Eger', 'hu');
    expect(eger.lines).toContain('Eger Megyei Jogú Város Önkormányzata');
    expect(eger.lines).toContain('Eger Megyei Jogú Város Önkormányzata részéről');
    expect(eger.lines).not.toContain('Eger város részéről');
    // The running text speaks of the town and its citizens, as Hungarian does.
    expect(eger.lines.join('\n')).toContain('Eger város polgárai');
    // The Czech party keeps its own name in the Hungarian text.
    expect(eger.lines).toContain('Kutná Hora város részéről');

    // A town.
    const town = await draftOf('Körmend', 'hu');
    expect(town.lines).toContain('Körmend Város Önkormányzata');
    expect(town.lines).toContain('Körmend Város Önkormányzata részéről');
    expect(town.lines).not.toContain('Körmend város részéről');

    // A village.
    await setKind('Körmend', 'municipality');
    const village = await draftOf('Körmend', 'hu');
    expect(village.lines).toContain('Körmend Község Önkormányzata');
    expect(village.lines).toContain('Körmend Község Önkormányzata részéről');
  });

  it('a Hungarian partner of a kind not stated keeps the highlighted noun: no rank is invented', async () => {
    await setKind('Körmend', 'unknown');
    const { lines, xml } = await draftOf('Körmend', 'hu');
    expect(lines).toContain('Körmend község részéről');
    expect(lines.join('\n')).not.toContain('Önkormányzata');
    expect(xml).toMatch(/<w:highlight w:val="yellow"\/>(?:<(?!\/w:r>)[^>]+>)*község<\/w:t>/);
  });

  it('every French marker has a no-break space before its colon, the signature block’s too', async () => {
    const { lines } = await draftOf('Metz', 'fr');
    const text = lines.join('\n');
    expect(text).toContain(`[doplňte / à compléter${NBSP}: lieu de signature]`);
    expect(text).toContain(`[doplňte / à compléter${NBSP}: prénom et nom du représentant]`);
    expect(text).toContain(`[doplňte / à compléter${NBSP}: adresse du siège]`);
    expect(text).not.toMatch(/à compléter[ ]?:/);
    // The Czech column's markers keep Czech spacing.
    expect(text).toContain('[doplňte: místo podpisu]');
  });
});
