import { writeFileSync } from 'node:fs';
import path from 'node:path';
import knex from 'knex';
import { describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main';
import { tempDir } from '../../support/temp-db';

/* The CLI offers what the screen offers (issue 14 item 9): Annex 1, the countersignature, the
   project's programme, lead partner and budget shares, and the new optional articles by id. */

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function query<T>(db: string, read: (k: knex.Knex) => Promise<T>): Promise<T> {
  const direct = knex({ client: 'sqlite3', connection: { filename: db }, useNullAsDefault: true });
  try {
    return await read(direct);
  } finally {
    await direct.destroy();
  }
}

const partnershipIn = (db: string, country: string) =>
  query(db, async (k) => {
    const row = await k('partnerships as p')
      .join('foreign_towns as t', 't.id', 'p.foreign_town_id')
      .where('t.country_code', country)
      .first<{ id: number }>('p.id');
    return String(row.id);
  });

describe('twinreg agreement: annex, countersignature, project fields', () => {
  it('stores them with the draft and warns in words about what is missing', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'cli.db');
    expect((await run('init', '--db', db, '--demo')).code).toBe(0);
    const id = await partnershipIn(db, 'PL');
    const out = path.join(dir, 'p.docx');
    const result = await run(
      'agreement',
      '--db',
      db,
      '--partnership',
      id,
      '--lang',
      'pl',
      '--template',
      'project',
      '--project-name',
      'Mosty',
      '--programme',
      'Interreg VI-A Česko – Polsko',
      '--lead-partner',
      'partner',
      '--budget-share-cz',
      '40 %',
      '--countersign',
      '',
      '--annex',
      '--omit',
      'retention',
      '--out',
      out,
    );
    expect(result.code, result.err).toBe(0);
    const request = await query(db, async (k) => {
      const row = await k('agreement_documents').orderBy('id', 'desc').first<{ options: string }>('options');
      return (
        JSON.parse(row.options) as { request: { annex?: boolean; omit: string[]; fields: Record<string, unknown> } }
      ).request;
    });
    expect(request.annex).toBe(true);
    expect(request.omit).toEqual(['retention']);
    expect(request.fields).toMatchObject({
      programme: 'Interreg VI-A Česko – Polsko',
      leadPartner: 'partner',
      budgetShares: { cz: '40 %', partner: '' },
      countersignature: { name: '' },
    });
    // The blanks are listed for the user, in words.
    expect(result.err).toContain("Warning: missing share of the project's budget");
    expect(result.err).toContain('Warning: missing name of the person who countersigns');
  });

  it('takes article edits from a JSON file and says what is wrong with a bad one', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'cli.db');
    expect((await run('init', '--db', db, '--demo')).code).toBe(0);
    const id = await partnershipIn(db, 'PL');
    const edits = path.join(dir, 'edits.json');
    writeFileSync(
      edits,
      JSON.stringify({
        articles: { forms: { removed: true } },
        own: [{ id: 'jubilee', after: 'purpose', text: ['Výročí\nOslavíme.', 'Rocznica\nUczcimy.'] }],
      }),
    );
    const result = await run(
      'agreement',
      '--db',
      db,
      '--partnership',
      id,
      '--article-edits',
      edits,
      '--out',
      path.join(dir, 'e.docx'),
    );
    expect(result.code, result.err).toBe(0);
    const request = await query(db, async (k) => {
      const row = await k('agreement_documents').orderBy('id', 'desc').first<{ options: string }>('options');
      return (JSON.parse(row.options) as { request: { articleEdits?: unknown } }).request;
    });
    expect(request.articleEdits).toEqual({
      articles: { forms: { removed: true } },
      own: [{ id: 'jubilee', after: 'purpose', text: ['Výročí\nOslavíme.', 'Rocznica\nUczcimy.'] }],
    });
    writeFileSync(edits, JSON.stringify({ own: [{ id: 'x', text: 'not both languages' }] }));
    const bad = await run(
      'agreement',
      '--db',
      db,
      '--partnership',
      id,
      '--article-edits',
      edits,
      '--out',
      path.join(dir, 'f.docx'),
    );
    expect(bad.code).not.toBe(0);
    expect(bad.err).toContain('--article-edits: own.0.after');
  });

  it('refuses a countersignature for a partner whose country has none, and an unknown lead partner', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'cli.db');
    expect((await run('init', '--db', db, '--demo')).code).toBe(0);
    const german = await partnershipIn(db, 'DE');
    const refused = await run(
      'agreement',
      '--db',
      db,
      '--partnership',
      german,
      '--countersign',
      'X',
      '--out',
      path.join(dir, 'x.docx'),
    );
    expect(refused.code).not.toBe(0);
    expect(refused.err).toContain('--countersign');
    const wrong = await run(
      'agreement',
      '--db',
      db,
      '--partnership',
      german,
      '--lead-partner',
      'both',
      '--out',
      path.join(dir, 'y.docx'),
    );
    expect(wrong.code).not.toBe(0);
    expect(wrong.err).toContain('--lead-partner must be one of: cz, partner');
  });
});
