import { existsSync, readFileSync, readdirSync } from 'node:fs';
import JSZip from 'jszip';
import path from 'node:path';
import knex from 'knex';
import { describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main';
import { tempDir } from '../../support/temp-db';

/** The CLI offers what the agreement screen offers (review P3 17). */

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** The request stored with the newest draft. */
async function lastRequest(db: string): Promise<Record<string, unknown>> {
  const direct = knex({ client: 'sqlite3', connection: { filename: db }, useNullAsDefault: true });
  try {
    const row = await direct('agreement_documents').orderBy('id', 'desc').first<{ options: string }>('options');
    return (JSON.parse(row.options) as { request: Record<string, unknown> }).request;
  } finally {
    await direct.destroy();
  }
}

describe("twinreg agreement: the screen's options", () => {
  it('takes preambles, omitted articles, originals, project name; a final text only when nothing is missing', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'cli.db');
    expect((await run('init', '--db', db, '--demo')).code).toBe(0);
    const out = path.join(dir, 'a.docx');
    const result = await run(
      'agreement',
      '--db',
      db,
      '--partnership',
      '1',
      '--lang',
      'de',
      '--template',
      'project',
      '--preambles',
      'neighbourhood,solidarity',
      '--omit',
      'publicity',
      '--originals',
      '2',
      '--project-name',
      'Mosty bez hranic',
      '--out',
      out,
    );
    expect(result.code, result.err).toBe(0);
    const request = await lastRequest(db);
    expect(request.template).toBe('project');
    expect(request.preambles).toEqual(['neighbourhood', 'solidarity']);
    expect(request.omit).toEqual(['publicity']);
    expect(request.final).toBeUndefined();
    expect(request.fields).toMatchObject({ originals: 2, projectName: 'Mosty bez hranic' });
    // The demo registry lacks data of this draft: a final text (no draft mark) with markers is refused.
    const final = await run(
      'agreement',
      '--db',
      db,
      '--partnership',
      '1',
      '--final',
      '--out',
      path.join(dir, 'f.docx'),
    );
    expect(final.code).not.toBe(0);
    expect(final.err).toContain('A final text cannot be saved while data are missing');
    // It says what is missing, as a draft run does.
    expect(final.err).toMatch(/\n {2}missing: .+/);
    expect(existsSync(path.join(dir, 'f.docx'))).toBe(false);
  });

  it('a term the partnership does not state is named as missing; --duration states it, --valid-until goes with fixed', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'cli.db');
    expect((await run('init', '--db', db, '--demo')).code).toBe(0);
    const direct = knex({ client: 'sqlite3', connection: { filename: db }, useNullAsDefault: true });
    try {
      await direct('partnerships').where({ id: 1 }).update({ term_kind: 'unknown', term_until: null });
    } finally {
      await direct.destroy();
    }
    const guessed = await run('agreement', '--db', db, '--partnership', '1', '--out', path.join(dir, 'g.docx'));
    expect(guessed.code, guessed.err).toBe(0);
    expect(guessed.err).toContain('Warning: missing duration of the agreement: not stated');
    expect((await lastRequest(db)).fields).toMatchObject({ duration: 'indefinite', durationStated: false });
    const fixed = await run(
      'agreement',
      '--db',
      db,
      '--partnership',
      '1',
      '--duration',
      'fixed',
      '--valid-until',
      '2031-12-31',
      '--out',
      path.join(dir, 'f.docx'),
    );
    expect(fixed.code, fixed.err).toBe(0);
    expect(fixed.err).not.toContain('duration of the agreement');
    expect((await lastRequest(db)).fields).toMatchObject({
      duration: 'fixed',
      durationStated: true,
      validUntil: '2031-12-31',
    });
    const wrong = await run('agreement', '--db', db, '--partnership', '1', '--valid-until', '2031-12-31');
    expect(wrong.code).not.toBe(0);
    expect(wrong.err).toContain('--valid-until goes with --duration fixed');
    const unknown = await run('agreement', '--db', db, '--partnership', '1', '--duration', 'forever');
    expect(unknown.err).toContain('--duration must be one of: indefinite, fixed');
  });

  it('another template starts from its own preambles; "none" leaves them out', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'cli.db');
    expect((await run('init', '--db', db, '--demo')).code).toBe(0);
    expect(
      (
        await run(
          'agreement',
          '--db',
          db,
          '--partnership',
          '1',
          '--template',
          'charter',
          '--out',
          path.join(dir, 'c.docx'),
        )
      ).code,
    ).toBe(0);
    const charter = await lastRequest(db);
    expect(charter.preambles).toEqual([]);
    expect(
      (
        await run(
          'agreement',
          '--db',
          db,
          '--partnership',
          '1',
          '--preambles',
          'none',
          '--out',
          path.join(dir, 'n.docx'),
        )
      ).code,
    ).toBe(0);
    expect((await lastRequest(db)).preambles).toEqual([]);
    expect((await lastRequest(db)).final).toBeUndefined();
  });

  it('--pair writes both originals beside each other', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'cli.db');
    expect((await run('init', '--db', db, '--demo')).code).toBe(0);
    const result = await run(
      'agreement',
      '--db',
      db,
      '--partnership',
      '1',
      '--lang',
      'de',
      '--pair',
      '--out',
      path.join(dir, 'pair.docx'),
    );
    expect(result.code, result.err).toBe(0);
    expect(result.out.split('\n').filter((l) => l.startsWith('Written: '))).toHaveLength(2);
    const files = readdirSync(dir).filter((f) => f.endsWith('.docx'));
    expect(files).toHaveLength(2);
    expect(files.some((f) => f.includes('– vyhotovení pro'))).toBe(true);
    expect((await lastRequest(db)).copyFor).toBe('partner');
  });

  it('--latin-in-brackets puts the Latin spelling after each name of a Cyrillic text, as the screen’s tick does', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'cli.db');
    expect((await run('init', '--db', db, '--demo')).code).toBe(0);
    const args = ['agreement', '--db', db, '--partnership', '1', '--lang', 'uk'];
    expect((await run(...args, '--out', path.join(dir, 'plain.docx'))).code).toBe(0);
    expect((await lastRequest(db)).latinInBrackets).toBeUndefined();
    const result = await run(...args, '--latin-in-brackets', '--out', path.join(dir, 'latin.docx'));
    expect(result.code, result.err).toBe(0);
    expect((await lastRequest(db)).latinInBrackets).toBe(true);
    const zip = await JSZip.loadAsync(readFileSync(path.join(dir, 'latin.docx')));
    const text = ((await zip.file('word/document.xml')?.async('string')) ?? '').replace(/<[^>]+>/g, '');
    // Partnership 1 is Tábor's: "Місто Табор (Tábor)" and its mayor with the Latin name after the Cyrillic.
    expect(text).toContain('Табор (Tábor)');
  });

  it('refuses unknown values with a usage message naming the option', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'cli.db');
    expect((await run('init', '--db', db, '--demo')).code).toBe(0);
    const out = path.join(dir, 'x.docx');
    const preamble = await run('agreement', '--db', db, '--partnership', '1', '--preambles', 'peace', '--out', out);
    expect(preamble.code).toBe(2);
    expect(preamble.err).toContain('--preambles: unknown peace');
    const omit = await run('agreement', '--db', db, '--partnership', '1', '--omit', 'purpose', '--out', out);
    expect(omit.code).toBe(2);
    expect(omit.err).toContain('--omit: unknown purpose');
    const originals = await run('agreement', '--db', db, '--partnership', '1', '--originals', '1', '--out', out);
    expect(originals.code).toBe(2);
    expect(originals.err).toContain('--originals');
    // Each party receives the same number of originals (review C14): an odd number is refused.
    const odd = await run('agreement', '--db', db, '--partnership', '1', '--originals', '3', '--out', out);
    expect(odd.code).toBe(2);
    expect(odd.err).toContain('--originals must be an even whole number');
    expect(existsSync(out)).toBe(false);
  });
});
