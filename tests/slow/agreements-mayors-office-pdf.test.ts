import { execFileSync } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgreementRequestInput } from '../../shared/domain/agreements/schemas';
import { agreementDefaults, buildAgreement } from '../../electron/core/services/agreements/agreements-service';
import { insertActivity } from '../../electron/core/repositories/activities-repository';
import { createTestApp, tempDir, type TestApp } from '../support/temp-db';

/**
 * A cs–pl project agreement and a cs–hu partnership agreement with what a mayor's office adds
 * (issue 14 item 9: the countersignature, Annex 1, the project's programme and shares), in every
 * layout, rendered to PDF by LibreOffice and read back page by page: the countersignature stands
 * on the signature page with the signatures, and Annex 1 starts on a page of its own after them.
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

const flat = (text: string): string =>
  text
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .replace(/\u2011/g, '-')
    .trim();

type Case = { name: string; language: 'pl' | 'hu'; pages: string[] };

describe.skipIf(missing.length > 0)('a mayor’s office’s drafts rendered to PDF by LibreOffice', () => {
  const dir = tempDir('twinreg-pdf-p3-');
  const cases: Case[] = [];
  let app: TestApp;

  beforeAll(async () => {
    app = await createTestApp({ demo: true });
    for (const { country, language, template } of [
      { country: 'PL', language: 'pl', template: 'project' },
      { country: 'HU', language: 'hu', template: 'partnership' },
    ] as const) {
      const row = await app.ctx.db
        .knex('partnerships as p')
        .join('foreign_towns as t', 't.id', 'p.foreign_town_id')
        .where('t.country_code', country)
        .first<{ id: number }>('p.id');
      await insertActivity(
        app.ctx.db.knex,
        { partnershipId: row.id, date: '2099-05-15', title: 'Výměna mládeže', kind: 'exchange' },
        new Date().toISOString(),
      );
      const base = (await agreementDefaults(app.ctx, { partnershipId: row.id })).request;
      for (const layout of ['parallel', 'alternate', 'sequential'] as const) {
        const request: AgreementRequestInput = {
          ...base,
          template,
          language,
          layout,
          annex: true,
          fields: {
            ...base.fields,
            projectName: 'Mosty',
            programme: 'Interreg VI-A',
            leadPartner: 'cz',
            budgetShares: { cz: '50 %', partner: '50 %' },
            countersignature: { name: 'Anna Kontrasygnująca' },
          },
        };
        const name = `${template}-${layout}-${language}`;
        writeFileSync(path.join(dir, `${name}.docx`), (await buildAgreement(app.ctx, request)).bytes);
        cases.push({ name, language, pages: [] });
      }
    }
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
      if (existsSync(pdf))
        c.pages = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).split('\f').slice(0, -1);
    }
  }, 120_000);
  afterAll(async () => {
    await app.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the countersignature is on the signature page; Annex 1 follows on pages of its own', () => {
    expect(cases).toHaveLength(6);
    for (const c of cases) {
      const pages = c.pages.map(flat);
      const annexAt = pages.findIndex((page) => page.includes('Příloha č. 1 – Plán spolupráce'));
      expect(annexAt, c.name).toBeGreaterThan(0);
      const signaturePage = pages[annexAt - 1] ?? '';
      expect(signaturePage, c.name).toContain('Anna Kontrasygnująca');
      expect(signaturePage, c.name).toContain(c.language === 'pl' ? 'Kontrasygnata Skarbnika' : 'Jegyzői ellenjegyzés');
      // Nothing of the agreement after the annex has begun; the annex carries the planned activity.
      expect(pages.slice(annexAt).join(' '), c.name).not.toContain('Anna Kontrasygnująca');
      expect(pages.slice(annexAt).join(' '), c.name).toContain('Výměna mládeže');
      expect(pages.slice(annexAt).join(' '), c.name).toMatch(
        c.language === 'pl' ? /Załącznik nr 1 – Plan współpracy/ : /1\. melléklet – Együttműködési terv/,
      );
    }
  });
});
