import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGREEMENT_LAYOUTS } from '../../../shared/domain/codes';
import { PARTNER_LANGUAGES, sectionText, type AgreementModel } from '../../../shared/domain/agreements/model';
import type { AgreementRequestInput } from '../../../shared/domain/agreements/schemas';
import { agreementDefaults, buildAgreement } from '../../../electron/core/services/agreements/agreements-service';
import { resolveNumbering } from '../../support/docx-numbering';
import { createTestApp, type TestApp } from '../../support/temp-db';

/**
 * The DOCX is editable in Word (review, layout "Editability"; issue 14 item 7): headings in Word's
 * heading styles with outline levels, body paragraphs in named styles, article labels, numbered
 * paragraphs and list items as Word numbering, one list per language so both columns count in step.
 */

async function parts(bytes: Buffer): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out: Record<string, string> = {};
  for (const name of ['word/document.xml', 'word/styles.xml', 'word/numbering.xml']) {
    out[name] = (await zip.file(name)?.async('string')) ?? '';
  }
  return out;
}

const paragraphs = (xml: string): string[] => [...xml.matchAll(/<w:p(?:\s[^>]*)?>[\s\S]*?<\/w:p>/g)].map((m) => m[0]);
const styleOf = (p: string): string | undefined => /<w:pStyle w:val="([^"]+)"/.exec(p)?.[1];
const numIdOf = (p: string): string | undefined => /<w:numPr>[\s\S]*?<w:numId w:val="(\d+)"/.exec(p)?.[1];
const levelOf = (p: string): string | undefined => /<w:numPr>[\s\S]*?<w:ilvl w:val="(\d+)"/.exec(p)?.[1];
/** A paragraph's text, no-break spaces read as spaces (Word numbering's suffix is a plain tab or nothing). */
const textOf = (p: string): string =>
  [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)]
    .map((m) => m[1] ?? '')
    .join('')
    .replace(/\u00a0/g, ' ');
const plainText = (text: string): string => text.replace(/\u00a0/g, ' ');
/** The level text of a list's level: numId → abstractNum → lvl. */
function levelText(numbering: string, numId: string, level: string): string | undefined {
  const abstract = new RegExp(`<w:num w:numId="${numId}">\\s*<w:abstractNumId w:val="(\\d+)"`).exec(numbering)?.[1];
  const body = new RegExp(`<w:abstractNum w:abstractNumId="${abstract ?? 'x'}"[^>]*>([\\s\\S]*?)</w:abstractNum>`).exec(
    numbering,
  )?.[1];
  return new RegExp(`<w:lvl w:ilvl="${level}"[^>]*>[\\s\\S]*?<w:lvlText w:val="([^"]*)"`).exec(body ?? '')?.[1];
}

const numberedArticles = (model: AgreementModel) =>
  model.sections.filter((s) => s.kind === 'article' && s.number !== null).length;

let app: TestApp;
let base: AgreementRequestInput;

beforeAll(async () => {
  app = await createTestApp({ demo: true });
  const row = await app.ctx.db
    .knex('partnerships as p')
    .join('foreign_towns as t', 't.id', 'p.foreign_town_id')
    .where('t.country_code', 'DE')
    .first<{ id: number }>('p.id');
  base = (await agreementDefaults(app.ctx, { partnershipId: row.id })).request;
  base = { ...base, areas: ['culture', 'sport', 'tourism'] };
});
afterAll(async () => app.cleanup());

describe('Word styles', () => {
  it('redefines Heading 1/2 with outline levels and names the agreement styles', async () => {
    const { bytes } = await buildAgreement(app.ctx, { ...base, language: 'de', layout: 'parallel' });
    const styles = (await parts(bytes))['word/styles.xml'] ?? '';
    const style = (id: string) =>
      new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>([\\s\\S]*?)</w:style>`).exec(styles)?.[1] ?? '';
    expect(style('Heading1')).toContain('<w:outlineLvl w:val="0"/>');
    expect(style('Heading2')).toContain('<w:outlineLvl w:val="1"/>');
    expect(style('Heading1')).toContain('<w:b/>');
    expect(style('AgreementText')).toContain('<w:name w:val="Smlouva – text"/>');
    expect(style('AgreementNumbered')).not.toBe('');
    expect(style('AgreementBullet')).not.toBe('');
  });

  it('every paragraph of the body names a style; article labels are Heading 1, their titles Heading 2', async () => {
    const { bytes, model } = await buildAgreement(app.ctx, { ...base, language: 'de', layout: 'parallel' });
    const document = (await parts(bytes))['word/document.xml'] ?? '';
    const body = paragraphs(document).filter((p) => textOf(p) !== '' || numIdOf(p) !== undefined);
    expect(body.filter((p) => styleOf(p) === undefined).map(textOf)).toEqual([]);
    expect(body.filter((p) => styleOf(p) === 'AgreementSignature').length).toBeGreaterThan(10);
    const h1 = body.filter((p) => styleOf(p) === 'Heading1');
    const h2 = body.filter((p) => styleOf(p) === 'Heading2');
    // Both languages: each numbered article has a Heading 1 label and a Heading 2 title.
    expect(h1.filter((p) => numIdOf(p) !== undefined)).toHaveLength(2 * numberedArticles(model));
    expect(h2.length).toBeGreaterThanOrEqual(2 * numberedArticles(model));
    expect(body.some((p) => styleOf(p) === 'Title')).toBe(true);
  });
});

describe('Word numbering', () => {
  for (const layout of AGREEMENT_LAYOUTS) {
    it(`article labels, paragraphs and list items are numbering in each language's words (${layout})`, async () => {
      const { bytes, model } = await buildAgreement(app.ctx, { ...base, language: 'de', layout });
      const p = await parts(bytes);
      const document = p['word/document.xml'] ?? '';
      const numbering = p['word/numbering.xml'] ?? '';
      const labels = paragraphs(document).filter((x) => styleOf(x) === 'Heading1' && numIdOf(x) !== undefined);
      // No typed label left: the label paragraphs are empty, Word draws "Článek 3".
      for (const label of labels) expect(textOf(label)).toBe('');
      const lists = [...new Set(labels.map((x) => numIdOf(x) ?? ''))];
      expect(lists).toHaveLength(2);
      const words = lists.map((id) => levelText(numbering, id, '0')).sort();
      expect(words).toEqual(['Artikel %1', 'Článek %1']);
      for (const id of lists) expect(labels.filter((x) => numIdOf(x) === id)).toHaveLength(numberedArticles(model));

      // Numbered paragraphs: level 2 of their language's list ("%2."), the typed "1. " gone.
      const numbered = paragraphs(document).filter((x) => styleOf(x) === 'AgreementNumbered');
      expect(numbered.length).toBeGreaterThan(4);
      for (const x of numbered) {
        expect(lists).toContain(numIdOf(x));
        expect(levelOf(x)).toBe('1');
        expect(textOf(x)).not.toMatch(/^\d+\.\s/);
      }
      expect(levelText(numbering, numIdOf(numbered[0] ?? '') ?? '', '1')).toBe('%2.');

      // List items: a bullet list, the typed dash gone.
      const bullets = paragraphs(document).filter((x) => styleOf(x) === 'AgreementBullet');
      expect(bullets.length).toBeGreaterThan(2);
      for (const x of bullets) {
        expect(numIdOf(x)).toBeDefined();
        expect(textOf(x)).not.toMatch(/^–/);
      }
      expect(numbering).toContain('<w:numFmt w:val="bullet"/><w:suff w:val="tab"/><w:lvlText w:val="–"/>');

      // Read as Word draws it, every article's label and paragraph numbers are the model's, in both languages.
      const resolved = paragraphs(resolveNumbering(document, numbering)).map(textOf).join('\n');
      for (const section of model.sections.filter((s) => s.kind === 'article' && s.number !== null))
        for (const paras of section.texts)
          for (const line of sectionText(paras).split('\n')) expect(resolved).toContain(plainText(line));
    });
  }

  it('every partner language has its labels as Word numbering (none falls back to typed labels)', async () => {
    for (const language of PARTNER_LANGUAGES) {
      const { bytes, model } = await buildAgreement(app.ctx, { ...base, language });
      const document = (await parts(bytes))['word/document.xml'] ?? '';
      const labels = paragraphs(document).filter((x) => styleOf(x) === 'Heading1' && numIdOf(x) !== undefined);
      // French "Article 1er" is typed (an ordinal Word numbering cannot write); "Article 2" on are numbering.
      expect(labels, language).toHaveLength(2 * numberedArticles(model) - (language === 'fr' ? 1 : 0));
      if (language === 'fr')
        expect(
          paragraphs(document).filter((x) => styleOf(x) === 'Heading1' && textOf(x) === 'Article 1er'),
        ).toHaveLength(1);
    }
  });

  it('Hungarian puts the number first ("%1. cikk"); the alternate original counts the partner first', async () => {
    const { bytes } = await buildAgreement(app.ctx, { ...base, language: 'hu', layout: 'alternate' });
    const p = await parts(bytes);
    const document = p['word/document.xml'] ?? '';
    const first = paragraphs(document).find((x) => styleOf(x) === 'Heading1' && numIdOf(x) !== undefined) ?? '';
    expect(plainText(levelText(p['word/numbering.xml'] ?? '', numIdOf(first) ?? '', '0') ?? '')).toBe('%1. cikk');
  });

  it('the charter (unnumbered articles) restarts its numbered paragraphs in every article', async () => {
    const { bytes, model } = await buildAgreement(app.ctx, { ...base, template: 'charter', language: 'de' });
    const p = await parts(bytes);
    const document = p['word/document.xml'] ?? '';
    expect(paragraphs(document).some((x) => styleOf(x) === 'Heading1' && numIdOf(x) !== undefined)).toBe(false);
    const resolved = paragraphs(resolveNumbering(document, p['word/numbering.xml'])).map(textOf).join('\n');
    for (const section of model.sections)
      for (const paras of section.texts)
        for (const line of sectionText(paras).split('\n')) expect(resolved).toContain(plainText(line));
  });
});
