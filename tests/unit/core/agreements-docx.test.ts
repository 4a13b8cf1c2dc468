import JSZip from 'jszip';
import { officeTitle } from '../../../shared/domain/agreements/offices';
import { XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGREEMENT_LAYOUTS, AGREEMENT_TEMPLATES } from '../../../shared/domain/codes';
import { PARTNER_LANGUAGES } from '../../../shared/domain/agreements/model';
import type { ClauseLibrary } from '../../../shared/domain/agreements/library';
import type { AgreementRequestInput } from '../../../shared/domain/agreements/schemas';
import { agreementDefaults, buildAgreement } from '../../../electron/core/services/agreements/agreements-service';
import { loadClauseLibrary } from '../../../electron/core/services/agreements/library-loader';
import { resolveNumbering } from '../../support/docx-numbering';
import { RESOURCES_DIR, createTestApp, type TestApp } from '../../support/temp-db';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (s: string) =>
  s.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_w, e: string) =>
    e.startsWith('#x') || e.startsWith('#X')
      ? String.fromCodePoint(parseInt(e.slice(2), 16))
      : e.startsWith('#')
        ? String.fromCodePoint(Number(e.slice(1)))
        : (ENTITIES[e] ?? ''),
  );

/** Typography (no-break spaces and hyphens, typographic apostrophes) read as typed, for comparisons. */
const plainTypography = (text: string): string =>
  text
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/\u2011/g, '-')
    .replace(/’/g, "'");

/** The text of a piece of WordprocessingML: paragraphs on lines (typography read as typed). */
const textOf = (xml: string): string =>
  plainTypography(
    xml
      .split('</w:p>')
      .map((p) => [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decode(m[1] ?? '')).join(''))
      .join('\n'),
  );

const blocks = (xml: string, tag: string): string[] =>
  [...xml.matchAll(new RegExp(`<${tag}(?:\\s[^>]*)?>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) => m[1] ?? '');

/** Every XML part of the DOCX must parse with a strict parser; returns document.xml. */
async function unzipChecked(bytes: Buffer): Promise<{ document: string; parts: Record<string, string> }> {
  const zip = await JSZip.loadAsync(bytes);
  const parts: Record<string, string> = {};
  for (const name of Object.keys(zip.files)) {
    if (!/\.(xml|rels)$/.test(name)) continue;
    const file = zip.file(name);
    if (!file) continue;
    const xml = await file.async('string');
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- fast-xml-validator is not installed; this validator is the strict one the brief names
    const valid = XMLValidator.validate(xml, { allowBooleanAttributes: false });
    expect(valid, `${name} is not well-formed XML`).toBe(true);
    parts[name] = xml;
  }
  const xml = parts['word/document.xml'];
  if (xml === undefined) throw new Error('word/document.xml is missing');
  // Read as a reader sees it: Word numbering's labels ("Článek 3", "2.", "–") in front of the text.
  const document = resolveNumbering(xml, parts['word/numbering.xml']);
  return { document, parts };
}

/** Headings of the template's articles, as the clause library has them, in order. */
function expectedHeadings(
  library: ClauseLibrary,
  request: AgreementRequestInput,
  language: 'cs' | (typeof PARTNER_LANGUAGES)[number],
) {
  const file = library.languages[language];
  return library.templates[request.template].articles.map((a) => {
    const id =
      'clause' in a
        ? a.clause
        : a.variant === 'duration'
          ? a.choices[request.fields.duration]
          : a.choices[request.fields.entry];
    const clause = file.clauses[id];
    if (!clause) throw new Error(id);
    return plainTypography(
      clause.heading !== '' ? clause.heading : ((clause.paragraphs[0] ?? '').split('{')[0]?.slice(0, 30) ?? ''),
    );
  });
}

let app: TestApp;
let library: ClauseLibrary;
let base: AgreementRequestInput;

beforeAll(async () => {
  app = await createTestApp({ demo: true });
  library = await loadClauseLibrary(RESOURCES_DIR);
  const row = await app.ctx.db
    .knex('partnerships as p')
    .join('foreign_towns as t', 't.id', 'p.foreign_town_id')
    .where('t.country_code', 'DE')
    // The same row on both engines (Augsburg: the first town by name, its first partnership).
    .orderBy(['t.name_key', 'p.id'])
    .first<{ id: number }>('p.id');
  base = (await agreementDefaults(app.ctx, { partnershipId: row.id })).request;
  base.fields.partner.mayorName = 'Erika Muster';
  base.fields.partner.mayorGender = 'f';
  base.fields.partner.address = 'Rathausplatz 1, 01796 Pirna';
});
afterAll(async () => app.cleanup());

describe('each template × each partner language × each layout, read back from the DOCX', () => {
  for (const template of AGREEMENT_TEMPLATES) {
    for (const language of PARTNER_LANGUAGES) {
      it(`${template} in cs + ${language}`, async () => {
        for (const layout of AGREEMENT_LAYOUTS) {
          const request: AgreementRequestInput = {
            ...base,
            template,
            language,
            layout,
            preambles: ['european_integration', 'solidarity'],
            fields: { ...base.fields, projectName: 'Mosty bez hranic' },
          };
          const { bytes } = await buildAgreement(app.ctx, request);
          const { document } = await unzipChecked(bytes);
          const text = textOf(document);
          const cs = expectedHeadings(library, request, 'cs');
          const other = expectedHeadings(library, request, language);
          // The title in both languages.
          expect(text).toContain(library.languages.cs.terms[library.templates[template].title]);
          expect(text).toContain(library.languages[language].terms[library.templates[template].title]);
          // Preamble paragraphs in both languages (a template's own wording where it has one).
          const solidarity = (code: typeof language | 'cs') =>
            library.languages[code].clauses[`${template}.preamble.solidarity`] ??
            library.languages[code].clauses['preamble.solidarity'];
          expect(text).toContain(plainTypography(solidarity('cs')?.paragraphs[0] ?? ''));
          expect(text).toContain(plainTypography(solidarity(language)?.paragraphs[0] ?? ''));
          const tables = blocks(document, 'w:tbl');
          // Each language's own text: a column of the table, or a half of the sequential document.
          const allRows = blocks(tables[0] ?? '', 'w:tr');
          // In the two-column layouts the signatures are the table's last row (kept with the last article).
          const rows = (layout === 'sequential' ? allRows : allRows.slice(0, -1)).map((row) =>
            blocks(row, 'w:tc').map(textOf),
          );
          const partnerTitle = library.languages[language].terms[library.templates[template].title];
          const own: Record<'cs' | 'other', string> =
            layout === 'sequential'
              ? {
                  cs: text.slice(0, text.indexOf(`\n${partnerTitle}\n`)),
                  other: text.slice(text.indexOf(`\n${partnerTitle}\n`)),
                }
              : layout === 'parallel'
                ? { cs: rows.map((r) => r[0]).join('\n'), other: rows.map((r) => r[1]).join('\n') }
                : { cs: rows.map((r) => r[1]).join('\n'), other: rows.map((r) => r[0]).join('\n') };
          // Articles in template order, in each language.
          for (const [headings, ownText] of [
            [cs, own.cs],
            [other, own.other],
          ] as const) {
            // Each heading is looked for after the previous one: a heading's words may also stand in an
            // earlier article's text ("Lead-Partner des Projekts ist …" before the article "Lead-Partner").
            let from = 0;
            const positions = headings.map((h) => {
              const at = ownText.indexOf(h, from);
              if (at >= 0) from = at + h.length;
              return at;
            });
            expect(
              positions.every((p) => p >= 0),
              `${layout}: ${headings.join(' | ')}`,
            ).toBe(true);
            expect([...positions].sort((a, b) => a - b)).toEqual(positions);
          }
          if (template !== 'charter') {
            expect(text).toContain('Erika Muster');
            // The title of the partner's office in its language (Augsburg: Oberbürgermeisterin, nadburmistrz …).
            expect(text).toContain(officeTitle(base.fields.partner.mayorOffice ?? '', language, 'f'));
          }
          const signatureRow = blocks(tables[tables.length - 1] ?? '', 'w:tr').at(-1) ?? '';
          expect(signatureRow).toContain('<w:cantSplit/>');
          expect(textOf(signatureRow)).toContain(library.languages[language].terms.forParty);
          if (layout === 'sequential') {
            // All Czech first, then all partner text.
            const lastCzech = text.indexOf(cs[cs.length - 1] ?? '');
            const firstOther = text.indexOf(other[0] ?? '');
            expect(lastCzech).toBeLessThan(firstOther);
            expect(tables).toHaveLength(1);
          } else {
            // One row per section; the same article side by side (alternate: partner on the left).
            expect(rows.every((cells) => cells.length === 2)).toBe(true);
            // No article row splits across pages, and no paragraph inside the table is "kept with
            // next" (LibreOffice chains those across rows and leaves pages nearly empty).
            for (const row of allRows) expect(row).toContain('<w:cantSplit/>');
            // The exception: the last article's and the § 41 clause's rows go onto the signature
            // page, every paragraph kept whole and with the next (review C5).
            for (const row of allRows.slice(0, -3)) expect(row).not.toContain('<w:keepNext/>');
            for (const row of allRows.slice(-3, -1))
              for (const pPr of blocks(row, 'w:pPr')) expect(pPr).toMatch(/<w:keepNext\/><w:keepLines\/>/);
            const [left, right] = layout === 'parallel' ? [cs, other] : [other, cs];
            const articleRows = rows.slice(rows.length - left.length);
            articleRows.forEach(([l = '', r = ''], index) => {
              expect(l, `${layout} row ${index} left`).toContain(left[index]);
              expect(r, `${layout} row ${index} right`).toContain(right[index]);
            });
            if (template !== 'charter') {
              const articleWord = (lang: 'cs' | typeof language) => library.languages[lang].terms.article;
              const [leftLang, rightLang] =
                layout === 'parallel' ? (['cs', language] as const) : ([language, 'cs'] as const);
              // The § 41 clause comes after the articles, without a number.
              const numbered = library.templates[template].articles.map((a) => !('clause' in a && a.unnumbered));
              articleRows.forEach(([l = '', r = ''], index) => {
                if (numbered[index] !== true) {
                  expect(l).not.toContain(articleWord(leftLang));
                  return;
                }
                expect(l).toContain(articleWord(leftLang));
                expect(l).toContain(String(index + 1));
                expect(r).toContain(articleWord(rightLang));
                expect(r).toContain(String(index + 1));
              });
            }
          }
        }
      });
    }
  }
});

describe('what the parties block and the signatures say', () => {
  it('Czech–German parallel: official names, titles by gender and rank, word order and cases from data', async () => {
    const request: AgreementRequestInput = { ...base, template: 'partnership', language: 'de', layout: 'parallel' };
    const { bytes } = await buildAgreement(app.ctx, request);
    const { document, parts } = await unzipChecked(bytes);
    const text = textOf(document);
    const cz = base.fields.cz;
    const noun = cz.nounKey === 'statutarni_mesto' ? 'Statutární město' : cz.nounKey === 'mesto' ? 'Město' : '';
    if (noun !== '') expect(text).toContain(`${noun} ${cz.name}`);
    expect(text).toContain(`Stadt ${base.fields.partner.name}`);
    expect(text).toContain(`Für die Stadt ${base.fields.partner.name}`);
    expect(text).toContain(`Za město ${base.fields.partner.name}`);
    expect(text).toContain(base.fields.partner.mayorRank === 'city' ? 'Oberbürgermeisterin' : 'Bürgermeisterin');
    expect(text).toContain(`jednající: ${cz.mayorName}`);
    // Page numbers in both languages, as Word fields.
    const footer = Object.entries(parts).find(([name]) => name.startsWith('word/footer'))?.[1] ?? '';
    expect(textOf(footer)).toMatch(/Strana .* z .* \/ Seite .* von/);
    expect(footer).toContain('NUMPAGES');
    // Czech and Slovak say it alike: once ("Strana 1 z 4 / Strana 1 z 4" repeated it).
    const slovak = await unzipChecked((await buildAgreement(app.ctx, { ...request, language: 'sk' })).bytes);
    const skFooter = Object.entries(slovak.parts).find(([name]) => name.startsWith('word/footer'))?.[1] ?? '';
    expect(textOf(skFooter).trim()).toMatch(/^Strana\s+z$/);
    expect(textOf(skFooter)).not.toContain('/');
  });

  it('Hungarian puts "részéről" and "között" after the party; Ukrainian takes the genitive', async () => {
    const hu = textOf(
      (await unzipChecked((await buildAgreement(app.ctx, { ...base, language: 'hu' })).bytes)).document,
    );
    expect(hu).toContain(`${base.fields.partner.name} város részéről`);
    expect(hu).toMatch(/város között/);
    expect(hu).toContain('1. cikk');
    // The Ukrainian text names the partner in Cyrillic (review C4).
    const partner = { ...base.fields.partner, nameCyrillic: 'Аугсбург' };
    const uk = textOf(
      (
        await unzipChecked(
          (await buildAgreement(app.ctx, { ...base, language: 'uk', fields: { ...base.fields, partner } })).bytes,
        )
      ).document,
    );
    expect(uk).toContain('Від міста Аугсбург');
  });
});

describe('the title page', () => {
  it('has no footer ("first page different" with an empty first footer); without one, page 1 has the footer', async () => {
    for (const layout of AGREEMENT_LAYOUTS) {
      const request: AgreementRequestInput = { ...base, template: 'partnership', language: 'de', layout };
      const titled = await unzipChecked((await buildAgreement(app.ctx, { ...request, titlePage: true })).bytes);
      expect(titled.document).toContain('<w:titlePg/>');
      const first = /<w:footerReference w:type="first" r:id="(\w+)"\/>/.exec(titled.document)?.[1];
      const target = new RegExp(`Id="${first ?? '-'}"[^>]*Target="([^"]+)"`).exec(
        titled.parts['word/_rels/document.xml.rels'] ?? '',
      )?.[1];
      const footer = titled.parts[`word/${target ?? '-'}`];
      expect(footer, 'the first-page footer part').toBeDefined();
      expect(textOf(footer ?? '').trim()).toBe('');
      const plain = await unzipChecked((await buildAgreement(app.ctx, { ...request, titlePage: false })).bytes);
      expect(plain.document).not.toContain('<w:titlePg/>');
      expect(plain.document).not.toContain('w:type="first"');
    }
  });
});

describe('Slovak signatures (sk7)', () => {
  it('"Za obec …" identical in Czech and Slovak is printed once; different captions twice', async () => {
    const request: AgreementRequestInput = {
      ...base,
      language: 'sk',
      fields: { ...base.fields, cz: { ...base.fields.cz, nounKey: 'obec', name: 'Horní Tošanovice' } },
    };
    const { document } = await unzipChecked((await buildAgreement(app.ctx, request)).bytes);
    const tables = blocks(document, 'w:tbl');
    const signatures = textOf(blocks(tables[tables.length - 1] ?? '', 'w:tr').at(-1) ?? '');
    expect(signatures.split('\n').filter((line) => line === 'Za obec Horní Tošanovice')).toHaveLength(1);
    expect(signatures).toContain(`Za město ${base.fields.partner.name}`);
    expect(signatures).toContain(`Za mesto ${base.fields.partner.name}`);
  });
});

describe('hostile text', () => {
  it('control characters, lone surrogates and U+FFFE go; markup stays text; RTL marks and emoji stay', async () => {
    const hostileName = 'Jan\u0001 <w:t>Novák</w:t>\ud800 \u200f&amp;\ufffe 🇨🇿 Ž\u0007';
    const request: AgreementRequestInput = {
      ...base,
      fields: {
        ...base.fields,
        cz: { ...base.fields.cz, mayorName: hostileName, address: 'Náměstí 1\r\n\t390 01 Město' },
        partner: { ...base.fields.partner, name: 'Konst</w:t></w:r><w:r><w:t>anz\uffff' },
      },
    };
    for (const layout of AGREEMENT_LAYOUTS) {
      const { bytes } = await buildAgreement(app.ctx, { ...request, layout });
      const { document, parts } = await unzipChecked(bytes);
      const text = textOf(document);
      expect(text).toContain('Jan <w:t>Novák</w:t> \u200f&amp; 🇨🇿 Ž');
      expect(text).toContain('Náměstí 1 390 01 Město');
      expect(text).toContain('Konst</w:t></w:r><w:r><w:t>anz');
      expect(document).toContain('&lt;w:t&gt;Novák&lt;/w:t&gt;');
      for (const xml of Object.values(parts)) {
        // eslint-disable-next-line no-control-regex -- the control characters must be gone
        expect(xml).not.toMatch(/[\u0001\u0007\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])/);
      }
    }
  });
});

describe('French signatures (walkthrough 11, finding 15)', () => {
  it('put a no-break space before the colon of a French label, as the party block does; other languages none', async () => {
    const signaturesOf = async (language: 'fr' | 'de') => {
      const { document } = await unzipChecked((await buildAgreement(app.ctx, { ...base, language })).bytes);
      const tables = blocks(document, 'w:tbl');
      return blocks(tables[tables.length - 1] ?? '', 'w:tr').at(-1) ?? '';
    };
    const french = await signaturesOf('fr');
    expect(french).toContain('Místo / Lieu\u00a0: ');
    expect(french).toContain('Datum / Date\u00a0: ');
    const german = await signaturesOf('de');
    expect(german).toContain('Místo / Ort: ');
  });
});
