import { execFileSync } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGREEMENT_LAYOUTS, AGREEMENT_TEMPLATES } from '../../shared/domain/codes';
import type { AgreementModel, Para } from '../../shared/domain/agreements/model';
import type { AgreementRequestInput } from '../../shared/domain/agreements/schemas';
import { agreementDefaults, buildAgreement } from '../../electron/core/services/agreements/agreements-service';
import { createTestApp, tempDir, type TestApp } from '../support/temp-db';

/**
 * Every template × layout for cs–de, cs–pl and cs–uk, rendered to PDF by LibreOffice (one
 * `soffice` run for all files) and read back page by page with `pdftotext`: the signature page
 * carries text of the last article or the § 41 clause (review C5: a signature page without text
 * can be attached to another text), and a title page carries no page footer.
 */

const which = (command: string): boolean => {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
const missing = ['soffice', 'pdftotext'].filter((command) => !which(command));
if (missing.length > 0)
  console.log(
    `skipped: ${missing.join(' and ')} not installed (apt-get install libreoffice-writer-nogui poppler-utils)`,
  );

const LANGUAGES = [
  { language: 'de', country: 'DE' },
  { language: 'pl', country: 'PL' },
  { language: 'uk', country: 'UA' },
] as const;

type Case = { name: string; request: AgreementRequestInput; model: AgreementModel; pages: string[] };

/** PDF text as compared: whitespace of any kind (no-break spaces, line ends) as one space. */
const flat = (text: string): string =>
  text
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .replace(/\u2011/g, '-')
    .trim();
const plain = (para: Para): string => flat(para.runs.map((run) => run.text).join(''));
/** The last few words of a paragraph: whichever line it ends on, they are on that page. */
const tail = (para: Para): string => plain(para).split(' ').slice(-3).join(' ');

describe.skipIf(missing.length > 0)('agreements rendered to PDF by LibreOffice', () => {
  const dir = tempDir('twinreg-pdf-');
  const cases: Case[] = [];
  let app: TestApp;

  beforeAll(async () => {
    app = await createTestApp({ demo: true });
    for (const [languageIndex, { language, country }] of LANGUAGES.entries()) {
      const row =
        (await app.ctx.db
          .knex('partnerships as p')
          .join('foreign_towns as t', 't.id', 'p.foreign_town_id')
          .where('t.country_code', country)
          .first<{ id: number } | undefined>('p.id')) ??
        (await app.ctx.db.knex('partnerships').first<{ id: number }>('id'));
      const base = (await agreementDefaults(app.ctx, { partnershipId: row.id })).request;
      for (const [templateIndex, template] of AGREEMENT_TEMPLATES.entries()) {
        for (const [layoutIndex, layout] of AGREEMENT_LAYOUTS.entries()) {
          // Half the files with a title page, spread over templates, layouts and languages.
          const titlePage = (languageIndex + templateIndex + layoutIndex) % 2 === 1;
          const request: AgreementRequestInput = { ...base, template, language, layout, titlePage };
          const name = `${template}-${layout}-${language}${titlePage ? '-title' : ''}`;
          const { model, bytes } = await buildAgreement(app.ctx, request);
          writeFileSync(path.join(dir, `${name}.docx`), bytes);
          cases.push({ name, request, model, pages: [] });
        }
      }
    }
    // One LibreOffice for all files, with a profile of its own (a running LibreOffice is not disturbed).
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=file://${path.join(dir, 'profile')}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        ...cases.map((c) => path.join(dir, `${c.name}.docx`)),
      ],
      { stdio: 'ignore', timeout: 110_000 },
    );
    for (const c of cases) {
      const pdf = path.join(dir, `${c.name}.pdf`);
      if (!existsSync(pdf)) continue;
      // pdftotext ends every page with a form feed.
      c.pages = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).split('\f').slice(0, -1);
    }
  }, 120_000);
  afterAll(async () => {
    await app.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it('converts every template × layout × language (36 files)', () => {
    expect(cases).toHaveLength(AGREEMENT_TEMPLATES.length * AGREEMENT_LAYOUTS.length * LANGUAGES.length);
    for (const c of cases) expect(c.pages.length, `${c.name}.pdf`).toBeGreaterThan(1);
  });

  it('the signature page carries the end of the last article or the § 41 clause', () => {
    const orphaned: string[] = [];
    for (const c of cases) {
      const last = flat(c.pages.at(-1) ?? '');
      const [clause41, lastArticle] = c.model.sections.slice(-1 - 1).reverse();
      // The text that must stand with the signatures: either language's § 41 clause or last paragraph
      // of the last article (in the sequential layout the partner's text comes last).
      const anchors = [clause41, lastArticle].flatMap((section) =>
        section ? section.texts.flatMap((paras) => paras.slice(-1).map(tail)) : [],
      );
      expect(anchors.length, c.name).toBeGreaterThan(0);
      if (!anchors.some((anchor) => last.includes(anchor)))
        orphaned.push(
          `${c.name}: page ${c.pages.length} reads "${last.slice(0, 200)}…", none of ${JSON.stringify(anchors)}`,
        );
      // …and the signatures themselves, both parties.
      for (const signature of c.model.signatures) expect(last, c.name).toContain(flat(signature.forParty[0]));
    }
    expect(orphaned).toEqual([]);
  });

  it('a title page has no page footer; the pages after it have', () => {
    const wrong: string[] = [];
    for (const c of cases) {
      const [first = '', second = ''] = c.pages.map(flat);
      if (c.request.titlePage) {
        if (/Strana \d+ z \d+/.test(first)) wrong.push(`${c.name}: title page has a footer`);
        if (!/Strana 2 z \d+/.test(second)) wrong.push(`${c.name}: page 2 has no "Strana 2 z N"`);
      } else if (!/Strana 1 z \d+/.test(first)) wrong.push(`${c.name}: page 1 has no "Strana 1 z N"`);
    }
    expect(wrong).toEqual([]);
  });

  it('Word numbering is drawn: every article label of both languages is on the pages', () => {
    const lost: string[] = [];
    for (const c of cases) {
      const text = flat(c.pages.join(' '));
      for (const section of c.model.sections) {
        if (section.kind !== 'article' || section.number === null) continue;
        for (const paras of section.texts) {
          const label = paras[0] ? plain(paras[0]) : '';
          // "Článek 3 " / "Artikel 3 ": the label, then the article's title.
          if (!new RegExp(`${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?!\\d)`).test(text))
            lost.push(`${c.name}: "${label}"`);
        }
      }
    }
    expect(lost).toEqual([]);
  });

  it('the sequential layout leaves no almost empty page before the last', () => {
    // A page of text has about 40 lines; the first text used to end on a page of 3 or 4.
    const MIN_LINES = 15;
    const thin: string[] = [];
    for (const c of cases.filter((x) => x.request.layout === 'sequential')) {
      c.pages.forEach((page, index) => {
        if (index === c.pages.length - 1 || (c.request.titlePage && index === 0)) return;
        const lines = page.split('\n').filter((line) => line.trim() !== '').length;
        if (lines < MIN_LINES) thin.push(`${c.name}: page ${index + 1} has ${lines} lines`);
      });
    }
    expect(thin).toEqual([]);
  });
});
